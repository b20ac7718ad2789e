"""Round 60 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

nielinjie (Chinese, Octopress 2 on Jekyll 2: 聂同学 at www.nietongxue.xyz, Nie Linjie's
blog "一个程序员和架构师的实践与思考", 2011 to 2019: software architecture, agile architecture
design, DDD, microservices, distributed transactions, quality, team practice, a few
personal and product posts; many posts of 2011 to 2013 were moved in on 2014-03-22 with their
old dates). The repository's ``source`` branch holds the Octopress sources (``master``
holds only the built site); the posts are ``source/_posts/*.markdown``, 129 files at the
commit read, 9 of them ``published: false``.

A post's front matter may set ``series: ['<name> <index>']``, a YAML list of strings. The
site's own include ``source/_includes/post/series.html`` (added by the author in 2014,
described in his post ``向Octopress贡献（二）：连载系列``) reads every post's ``series`` from
``site.json.js`` and splits each string on a space: ``name: parts[0], index: parts[1]``;
a post's box, headed "系列连载 - <name>", lists every post whose name matches, in
``site.posts`` order (newest first), and the sidebar ``custom/asides/series.html`` lists
each name with its count, linked to ``blog/filter/filter.html``, which filters by the same
``split(" ")[0]``. The label is the name, the part the declared index (``series_index``,
read through ``part_keys``), both as the site reads them (``nie_meta``). The index is the
number the author wrote; the site shows no number and orders by date. Indexes are kept as
declared (0, repeated, or against a title's number: see SOURCES.md, "Round 60").

Left out: five posts declare two series (``重构，以知识结构为中心 N`` with the umbrella
``在发展中团队 N``), four of them published: those four fall to the builder's ``declares two
series`` rule. No standalone title numbers a part, so no ``undeclared_parts``.

The commit read is ``e4196d2e95cf`` (2019-03-20 14:24 +0800), the newest on ``source``.

URLs: ``_config.yml`` ``permalink: /blog/:year/:month/:day/:title/`` under ``url:
http://www.nietongxue.xyz``; the date is the front matter's ``date`` as written (all carry
``+0800``), ``:title`` the file name's slug (no post sets ``permalink`` or ``slug``). The
built site on ``master`` (2019-06-11) has the same paths.

``build.py`` loads this module after ``round59.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
60") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


def nie_meta(text: str, path: str) -> dict[str, object] | None:
    """The front matter, with each ``series`` string read as ``post/series.html`` reads it:
    split on a space, ``parts[0]`` the name, ``parts[1]`` the index (``series_index``)."""
    fm = unseen.front_matter(text)
    if fm is None:
        return None
    fm = dict(fm)
    series = unseen.as_list(fm.get("series"))
    if series:
        names, indexes = [], []
        for s in series:
            parts = s.split(" ")
            if len(parts) != 2 or not parts[1].isdigit():
                raise ValueError(f"{path}: series {s!r} is not '<name> <index>'")
            names.append(parts[0])
            indexes.append(int(parts[1]))
        fm["series"] = names
        if len(series) == 1:
            fm["series_index"] = indexes[0]
    return fm


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="nielinjie",
        repo="nielinjie/nielinjie.github.io",
        # `source` on 2019-03-20 14:24:03 +0800 ("post"), the newest of the Octopress
        # sources; `master` (0ad3ecc99979) holds only the built site
        commit="e4196d2e95cfe2c80012b1bd722dad6b99d2fd8b",
        site="http://www.nietongxue.xyz/",
        generator="Jekyll 2 (Octopress 2, site series include; `source` branch)",
        language="zh",
        licence="no licence stated",
        include=r"^source/_posts/[^/]+\.markdown$",
        meta=nie_meta,
        part_keys=("series_index",),
        url=unseen.jekyll("http://www.nietongxue.xyz", "/blog/:year/:month/:day/:title/"),
        url_source="reconstructed: Jekyll permalink /blog/:year/:month/:day/:title/ "
        "(_config.yml; front-matter date, file name slug) under http://www.nietongxue.xyz",
    ),
]
