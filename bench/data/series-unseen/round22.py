"""Round 22 of series-unseen (added 2026-12-07): blogs whose posts declare their series.

guibranco (Portuguese with some English posts, Jekyll 4 with the site's own layouts and series
box: Guilherme Branco Stracini's blog "Tecnologia & Viagens" on careers in software, .NET,
DevOps, personal finance and travel, 2020-2026). Its posts declare their series in the YAML
front matter, ``series: trabalhando-pelo-mundo``, ``series_title: "Trabalhando pelo mundo"``
and ``series_part: 2``; the series box of each post (``_includes/series.html``) lists the
posts of its series ``sort: "series_part"`` under "Parte N de M", so parts are the declared
numbers.

lkhill (English, Jekyll on GitHub Pages with the Mediumish theme: Lindsay Hill's blog on
network engineering, HP IMC, Juniper, CCIE study and work life, 2013-2025, moved from
WordPress). Its posts declare ``series: 'NMS Primer'`` in the YAML front matter and open with
``{% include series.html %}``, whose box numbers the members "Part N in a M-Part Series" in
``site.posts reversed`` order (date-time ascending), so parts are date ranks, with the
date-time ranks for one series whose members share days (``LKHILL_PARTS``).

``build.py`` loads this module after ``round21.py`` and sets ``unseen`` to itself before
running it, so the blogs are read by the same reader, URL helpers and label rules as every
other blog of this corpus; their rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
22") for the decisions.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


# ---------------------------------------------------------------------------- helpers

# lkhill dates its posts to the second (`date: 2013-10-14 13:00:56+00:00`) and the series box
# numbers members in `site.posts` date-time order; `IMC Compliance` published three members
# on 2013-10-14 and three on 2013-10-17, an hour apart, in an order their file names do not
# follow, so the day rank with ties by path would misnumber four of them: its seven members
# get their date-time ranks (read through `part_keys`). The other series' members fall on
# distinct days.
LKHILL_PARTS = {
    "2013-10-14-imc-compliance-overview.markdown": 1,  # 2013-10-14 12:00:45
    "2013-10-14-imc-compliance-walkthrough.markdown": 2,  # 13:00:56
    "2013-10-14-imc-compliance-scheduling-tasks.markdown": 3,  # 14:00:30
    "2013-10-17-imc-compliance-advanced-policies.markdown": 4,  # 2013-10-17 15:00:15
    "2013-10-17-imc-compliance-recovery-commands.markdown": 5,  # 16:00:59
    "2013-10-17-imc-compliance-display-commands.markdown": 6,  # 17:00:50
    "2013-10-24-imc-compliance-testing-rules.markdown": 7,  # 2013-10-24 18:00:44
}


def lkhill_meta(text: str, path: str) -> dict[str, object] | None:
    """Front matter; a member of `IMC Compliance` gets its date-time rank as
    ``datetime_part`` (``LKHILL_PARTS``), the blog declaring no number itself."""
    fm = unseen.front_matter(text)
    if fm is not None:
        part = LKHILL_PARTS.get(path.rsplit("/", 1)[-1])
        if part is not None:
            fm["datetime_part"] = part
    return fm


def jekyll_pretty_title(base: str, pattern: str) -> Callable[[Post], str]:
    """``build.py``'s ``jekyll()`` rule, with ``:title`` slugified as Jekyll's ``pretty``
    mode does it also for ``_``: ``Utils.slugify`` keeps letters, digits and
    ``._~!$&'()+,;=@`` only, so an underscore in the front-matter slug becomes ``-``
    (lkhill's ``slug: imc-test-script-cleanup_parser``; ``jekyll_slug`` keeps it)."""
    rule = unseen.jekyll(base, pattern)

    def f(p: Post) -> str:
        slug = str(p.fm.get("slug") or p.stem)
        if "_" not in slug:
            return rule(p)
        return rule(dataclasses.replace(p, fm={**p.fm, "slug": slug.replace("_", "-")}))

    return f


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="guibranco",
        repo="guibranco/blog",
        commit="8ed3e1fa6ded1744555bc07096fabf7b3ddf328d",
        site="https://guilherme.stracini.com.br/blog/",
        generator="Jekyll 4 (site layouts, site series box)",
        language="pt (pt-BR; 14 of the 50 posts set `lang: en`)",
        licence="MIT (LICENSE, 2026 Guilherme Branco Stracini; the repository's licence)",
        all_paths=True,
        # `_posts/YYYY-MM-DD-<slug>.md`; no `_drafts` folder in the snapshot
        include=r"^_posts/.+\.md$",
        part_keys=("series_part",),
        # _config.yml: permalink /artigos/:slug/ under url https://guilherme.stracini.com.br
        # and baseurl /blog; no post sets `slug` or `permalink`, and every file name's slug
        # is lower-case ASCII letters, digits and hyphens, so Jekyll's :slug is :title's
        url=unseen.jekyll("https://guilherme.stracini.com.br/blog", "/artigos/:title/"),
        url_source="reconstructed: Jekyll permalink /artigos/:slug/ (_config.yml; the file "
        "name's slug) under _config.yml url https://guilherme.stracini.com.br and baseurl "
        "/blog (the posts' own links use these paths, e.g. {{ site.baseurl }}/artigos/"
        "construindo-o-pix-no-bs2-bastidores-de-um-prazo-do-banco-central/)",
    ),
    Blog(
        id="lkhill",
        repo="LindsayHill/LindsayHill.github.io",
        commit="e3aa904a1b3e1ff3369486af156718fba4557143",
        site="https://lkhill.com/",
        generator="Jekyll (GitHub Pages, Mediumish theme, series include)",
        language="en",
        licence="no licence stated for the posts (LICENSE.txt is the Mediumish theme's MIT, "
        "2019 WowThemes.net)",
        all_paths=True,
        # `_posts/YYYY-MM-DD-<slug>.markdown`; `_pages` are the about/categories/tags pages
        include=r"^_posts/.+\.markdown$",
        meta=lkhill_meta,
        part_keys=("datetime_part",),
        recurring={
            # "War Stories: …": one incident story each (loops, duplex, Check Point, Proxy
            # ARP, cursed VLANs, …), 2014-2025, no sequence between them
            "War Stories",
        },
        # _config.yml: permalink /:title/ under url https://lkhill.com/; most posts set the
        # WordPress `slug`, which :title takes
        url=jekyll_pretty_title("https://lkhill.com", "/:title/"),
        url_source="reconstructed: Jekyll permalink /:title/ (_config.yml; :title from the "
        "front-matter slug, else the file name's, slugified as Jekyll's pretty mode) under "
        "_config.yml url https://lkhill.com/",
    ),
]
