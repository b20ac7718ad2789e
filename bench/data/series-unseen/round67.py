"""Round 67 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

infews (English, Middleman with middleman-blog: Davis W. Frank's "DWF's Journal" at
dwf.bigpencil.net, 2011 to 2026: agile and XP practice, continuous delivery, team
management and hiring, note taking with Obsidian, a Rails app on a Synology NAS, a weekly
link roundup, and personal posts). The posts are
``source/articles/<date>-<slug>.html.md`` (59 files); there are no drafts. ``config.rb``
sets ``blog.filter`` to drop every article tagged ``private`` (one is, 2020-09-06), so the
site lists 58; ``infews_meta`` marks the private one unpublished.

A post's front matter may set ``series: <key>`` (29 posts), a key of ``data/series.yml``,
which gives each series a ``title`` and a ``teaser``: ``obsidian`` (``How I Obsidian``, 12),
``the-cd-test`` (``The Continuous Delivery Test``, 4), ``rails-docker-nas`` (``Synology on
Rails``, 6) and ``interestings`` (``Interestings for Iterators``, 7). ``config.rb`` makes
``series`` a middleman-blog custom collection with a landing page per key
(``/series/<key>/``, ``source/articles/series/index.html.haml``: the series' title, the
tagline "A Blog Series", the intro ``source/articles/series/<key>.html.md`` and the members
oldest first); ``source/series.html.haml`` and the home page list the four series with their
teasers; ``layouts/article.haml`` heads each member with its series' title. The label is the
key as written.

Parts: no number is declared, so the parts are the date ranks (the landing pages' order),
except in ``obsidian`` (``unordered``): nine of its twelve posts are dated 2021-03-21, at
times from 00:27 to 16:14, and the landing page lists them by time, which the rank by date
then file path (alphabetical) does not give. ``interestings`` is ``recurring``: the site
presents it as a weekly issue of links (each post's teaser "Issue No. N of interesting links I
found this week", the tag ``i4i newsletter``, the intro "These are things I've found over the
course of the week"), so its parts are null.

Left out: the private post only; no title marks a part outside a declared series.

The commit read is ``9780e4ecad15`` (2026-06-28 16:04 -0700), the newest on ``main``, the
default branch (``master`` is an old build branch without posts).

URLs: ``config.rb`` ``blog.permalink = "{title}"`` with ``directory_indexes``, under
``site_url`` ``https://dwf.bigpencil.net/``; ``{title}`` is the file name's slug (no post
sets ``slug``). The built site in ``docs/`` has a page at each of these paths.

``build.py`` loads this module after ``round66.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
67") for the decisions.
"""

from __future__ import annotations

import re
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post

POST_FILE = re.compile(r"^source/articles/\d{4}-\d{2}-\d{2}-(.+)\.html\.md$")


def infews_meta(text: str, path: str) -> dict[str, object] | None:
    """The YAML front matter; a post tagged ``private`` is marked unpublished (``config.rb``:
    ``blog.filter = proc { |article| !article.tags.include?("private") }``)."""
    fm = unseen.front_matter(text)
    if fm is not None and "private" in unseen.as_list(fm.get("tags")):
        fm = {**fm, "published": False}
    return fm


def infews_url(p: Post) -> str:
    """middleman-blog's ``{title}`` permalink with directory indexes: ``/<slug>/``."""
    slug = POST_FILE.match(p.path)[1]  # type: ignore[index]
    return f"https://dwf.bigpencil.net/{slug}/"


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="infews",
        repo="infews/infews.github.io",
        # `main` on 2026-06-28 16:04:31 -0700 ("Publish"), the default branch
        commit="9780e4ecad154f08a978e5cb05c3af3752bba6a3",
        site="https://dwf.bigpencil.net/",
        generator="Middleman (middleman-blog, series custom collection and series landing "
        "pages from data/series.yml)",
        language="en",
        licence="no licence stated for the posts (LICENSE is the Cactus theme's MIT)",
        include=r"^source/articles/\d{4}-\d{2}-\d{2}-[^/]+\.html\.md$",
        meta=infews_meta,
        recurring={"interestings"},
        unordered={
            "obsidian": "nine members dated 2021-03-21 (00:27 to 16:14); the landing page "
            "lists them by time, the rank by date then file path would be alphabetical",
        },
        url=infews_url,
        url_source="reconstructed: middleman-blog permalink {title} with directory_indexes "
        "(config.rb; the file name's slug) under https://dwf.bigpencil.net; each path is a "
        "page of the built site in docs/",
    ),
]
