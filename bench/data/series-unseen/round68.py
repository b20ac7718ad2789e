"""Round 68 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

chrismdp (English, Jekyll on GitHub Pages: Chris Parsons' blog at www.chrismdp.com, read in
a window, the posts dated **before 2018**: 2006 to 2017, a Spring Richclient tutorial,
agile and XP practice, BDD and Cucumber, apprenticeship and productivity, then the indie
games Sol Trader and Ealdorlight). The posts are ``_posts/<date>-<slug>.md`` (264 files,
2006 to 2026); none sets ``published: false``. The window is a rule stated before any row
was built (SOURCES.md, "Round 68"): the posts of 2024 to 2026 are written with an AI
assistant (the repository's CLAUDE.md describes how), so only the posts whose date (Jekyll's:
the front matter's ``date``, which wins over the file name's) is before 2018-01-01 are read.
The file names of 2006 to 2017 are read (``include``), and one of them is dated after the
window: ``_posts/2012-09-24-your-code-is-a-liability.md``, rewritten and re-dated
2024-11-25 (``OUTSIDE``, left out); ``chrismdp_meta`` checks that no other read post is
dated 2018 or later. No file named 2018 or later is dated before 2018.

A post's front matter may set ``series: "<Name>"``. ``_includes/article-series.html``
(included by ``_layouts/post.html``) ends such a post with "This article is part of the
**<Name>** series:" and the series' published posts (``site.posts`` whose ``series`` is the
same), sorted by date, oldest first, unnumbered; it shows only when the series has two or
more. The labels were added by the author in one commit, e3f7da6 (2026-01-22, "Add series
metadata to 76 blog posts across 11 series"), years after the posts. The label is the name
as written. In the window: ``Building Sol Trader`` (32), ``Spring Richclient Tutorial``
(11), ``Building Ealdorlight`` (4), ``Team Anti-Patterns`` (3), ``Extreme Isolation`` (3),
``Liabilities`` (2 in the window; its third member is the re-dated post, last in the box)
and ``Testing iPhone Apps`` (2).

Parts: no number is declared, so the parts are the date ranks (the box's order), except in
``Spring Richclient Tutorial`` (``unordered``): it opens with ``Spring Richclient ~
Introduction``, so ``Session One`` … ``Eight`` are ranks 2 to 9, numbered in words the
marker check does not read (and ``Session Four`` is titled ``Session One ~ Beans, Shmeans
and services``).

Left out: the re-dated post (outside the window). No title in the window marks a part
outside a declared series.

The commit read is ``64b54c2076d2`` (2026-08-20 12:25 +0100), the newest on ``master``, the
default branch (``main``, ``old`` and ``update-ai-tools-post`` hold no series and are not
read).

URLs: ``_config.yml`` ``permalink: /:title/`` under ``url: "https://www.chrismdp.com"``;
``:title`` is the file name's slug (no post of the window sets ``permalink`` or ``slug``;
their ``redirect_from`` lists the older ``/YYYY/MM/<slug>`` addresses).

``build.py`` loads this module after ``round67.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
68") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post

WINDOW_END = "2018-01-01"  # the posts dated before this day are read

# files named inside the window whose front-matter date is outside it
OUTSIDE = {
    "_posts/2012-09-24-your-code-is-a-liability.md": "dated 2024-11-25 (rewritten then): "
    "outside the window (posts dated before 2018)",
}


def chrismdp_meta(text: str, path: str) -> dict[str, object] | None:
    """The YAML front matter; a read post dated 2018 or later must be listed in OUTSIDE."""
    fm = unseen.front_matter(text)
    date = unseen.as_date(fm.get("date")) if fm else None
    if date is not None and date >= WINDOW_END and path not in OUTSIDE:
        raise ValueError(f"{path}: dated {date}, outside the window and not in OUTSIDE")
    return fm


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="chrismdp",
        repo="chrismdp/chrismdp.github.com",
        # `master` on 2026-08-20 12:25:30 +0100 ("Escape social meta text"), the default
        # branch
        commit="64b54c2076d2b3176faa7f889b609f13951e7b39",
        site="https://www.chrismdp.com/",
        generator="Jekyll 3 (GitHub Pages, github-pages gem; site layouts, site series include)",
        language="en (en-GB; the posts dated before 2018 only)",
        licence="no licence stated for the posts (LICENSE and COPYRIGHT are the tw-jekyll "
        "theme's Apache-2.0)",
        # the window: file names of 2006 to 2017 (no file named later is dated earlier)
        include=r"^_posts/(?:200\d|201[0-7])-\d{2}-\d{2}-[^/]+\.md$",
        meta=chrismdp_meta,
        drop=OUTSIDE,
        unordered={
            "Spring Richclient Tutorial": "opens with `Spring Richclient ~ Introduction`, "
            "so `Session One` … `Eight` are ranks 2 to 9, numbered in words the marker "
            "check does not read",
        },
        url=unseen.jekyll("https://www.chrismdp.com", "/:title/"),
        url_source="reconstructed: Jekyll permalink /:title/ (_config.yml; the file name's "
        "slug) under https://www.chrismdp.com",
    ),
]
