"""Round 64 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

richardp2 (English, Jekyll 3.9 with the author's own theme gem ``jekyll-theme-perry``:
Richard Perry's personal blog at richard.perry-online.me.uk, 2011 to 2020: family life,
Instagram digests, a Mandarin language challenge, his "Epic Quest" of life goals, the move
from WordPress to Jekyll, travel memories, running and race reports). The posts are
``_posts/*.md`` (74) and ``race-reports/_posts/*.md`` (14): Jekyll reads a ``_posts``
folder below a folder as posts of the category named by that folder, so the race reports
are ordinary posts of ``site.posts`` (the home page's paginator, the archives page, the
jekyll-feed feed, the sitemap) under ``/race-reports/``. ``_drafts/`` (9 files) is not
read. No post sets ``published: false``.

A post's front matter may set ``series: [<name>]`` (a one-element list; 26 posts).
``_data/series.yml`` lists five series with a description and a page (``/series/epic/``,
…), and ``pages/series/*.html`` are those pages (layout ``series``), one per name but
``Absent``'s. The theme's ``_layouts/series.html`` lists ``site.posts reversed`` whose
``series`` equals the page's (oldest first), and every member's page shows the theme's
``_includes/series.html``: the series' name over an ordered list (``<ol>``) of the posts of
``site.posts reversed`` with the same ``series``, i.e. by date, oldest first. The label is
the declared value as written; no number is declared, so the parts are the date ranks (the
numbers of that list), except ``Mandarin Language Challenge`` (``unordered``: its first
member is the challenge's announcement, so ``Mandarin Progress Month 1`` is rank 2 and
``Month N`` rank N+1, and ``… Take 2`` is rank 6; the marker check does not read
``Month N``).

Left out (``undeclared_parts``): the four race reports ``GLCL 2017 Road Race Series Race N
of 5`` (no series declared; race 2 was not written up) and the thirteen ``Instagram Digest
…`` posts, an undeclared monthly (later quarterly) column titled by its period.

The commit read is ``0007b75efd2f`` (2023-06-15 12:55 +0000), the newest on ``pages``, the
snapshot's default branch, which GitLab Pages builds (``.gitlab-ci.yml``).

URLs: ``_config.yml`` ``permalink: /:categories/:title/`` under ``url:
https://richard.perry-online.me.uk``; no post sets ``categories``, ``slug`` or ``permalink``,
so a ``_posts`` post is ``/<slug>/`` and a race report ``/race-reports/<slug>/`` (its
folder's category; one race report's ``redirect_from`` names ``/race-reports/rack-raid/``).

``build.py`` loads this module after ``round63.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
64") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


def folder_category(p: Post) -> list[str]:
    """Jekyll's category of a post in ``<folder>/_posts/``: the folder (``race-reports``);
    none for ``_posts/`` at the top (no post sets ``categories``)."""
    return [] if p.path.startswith("_posts/") else [p.path.split("/_posts/", 1)[0]]


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="richardp2",
        repo="richardp2/richardp2.github.io",
        # `pages` on 2023-06-15 12:55:52 +0000 ("Updated Rose Inn Relays post thumb"), the
        # snapshot's default branch and the one .gitlab-ci.yml deploys
        commit="0007b75efd2f3231740a9b46d34f12f79bfb2b8a",
        site="https://richard.perry-online.me.uk/",
        generator="Jekyll 3.9 (jekyll-theme-perry, the author's theme gem; its series list "
        "include and series pages)",
        language="en",
        licence="CC BY 4.0 (repository LICENSE; README: the site's content, by Richard Perry)",
        # the posts and the race reports; not _drafts/
        include=r"^(?:race-reports/)?_posts/\d{4}-\d{2}-\d{2}-[^/]+\.md$",
        unordered={
            "Mandarin Language Challenge": "its first member is the challenge's announcement "
            "(`My Language Challenge`), so `Mandarin Progress Month 1` is rank 2, `Month N` "
            "rank N+1 and `Mandarin Language Challenge Take 2` rank 6; the marker check does "
            "not read `Month N`",
        },
        undeclared_parts=(
            # four of the five races of a league, numbered in their titles (race 2 was not
            # written up), no series declared
            "Race Report: GLCL 2017 Road Race Series Race 1 of 5 - Parc Bryn Bach",
            "Race Report: GLCL 2017 Road Race Series Race 3 of 5 - Parc Penallta",
            "Race Report: GLCL 2017 Road Race Series Race 4 of 5 - Pontypool",
            "Race Report: GLCL 2017 Road Race Series Race 5 of 5 - Cwmbran",
            # an undeclared monthly, later quarterly, photo column titled by its period
            # (2012-11 to 2014-07, tags Photography and Instagram), no series declared
            "Instagram Digest 09/11/12",
            "Instagram Digest Dec 2012",
            "Instagram Digest Jan 2013",
            "Instagram Digest Feb 2013",
            "Instagram Digest Mar 2013",
            "Instagram Digest Apr 2013",
            "Instagram Digest May 2013",
            "Instagram Digest Jun 2013",
            "Instagram Digest Jul-Sep 2013",
            "Instagram Digest Oct 2013",
            "Instagram Digest Nov-Dec 2013",
            "Instagram Digest Q1 2014",
            "Instagram Digest Q2 2014",
        ),
        url=unseen.jekyll(
            "https://richard.perry-online.me.uk", "/:categories/:title/", folder_category
        ),
        url_source="reconstructed: Jekyll permalink /:categories/:title/ (_config.yml; the "
        "category is the folder above _posts, race-reports, none for the top _posts; the "
        "file name's slug) under https://richard.perry-online.me.uk",
    ),
]
