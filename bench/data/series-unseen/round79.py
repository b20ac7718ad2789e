"""Round 79 of series-unseen (added 2026-12-08): a blog whose posts declare their series.

hompus (English; Astro, the site's own layouts after the WordPress "Paperpunch" theme:
Michaël Hompus's blog, served at blog.hompus.nl; a Dutch Microsoft-stack developer and
architect writing since 2007 about Project Server, SharePoint, C#, Azure, ML.NET, Office and,
from 2026, software-architecture documentation with arc42). The blog ran on WordPress from
2010 and moved to Astro in 2024-10/2025-01 (the ``WordPress to Astro Migration`` series
tells the move); the posts are ``posts/<year>/<date>-<slug>.md`` (114 files, 2007-08 to
2026-03); the whole blog is read, no window.

Decisions, taken from what the site declares, before any row was built:

- **Posts.** Every ``.md`` under ``posts/``: the ``posts`` collection of
  ``src/content.config.ts`` (``glob({pattern: "**/*.md", base: "./posts"})``). No post sets
  ``draft`` (the schema's default is false; ``sortedPosts`` drops drafts); none is a
  translation. ``src/pages/about.md`` is a page, not a post.
- **Series.** The schema has an optional string ``series``; a post declares its series as
  ``series: <name>`` (a scalar) and the label is the name as written. The post layout's
  sidebar (``src/components/SeriesList.astro``) shows "Posts in this series" with every member
  oldest first (``getSeriesWithPosts`` over the date-sorted posts), the footer lists the
  series (``FooterSeries.astro``) and ``/series/<slug>/`` lists each one. Five names, all of
  2+, 24 posts: ``Arc42 Practical Series`` 14 (2026-02-01 to 02-25), ``WordPress to Astro
  Migration`` 4 (2025-01/02), ``Project Server 2007 SDK additions`` 2 (2007), ``JSON on a
  diet`` 2 (2015), ``Bing for business`` 2 (2017).
- **Order.** No number is declared; the sidebar lists the members by ``date``, oldest first,
  so the builder's rank by date is the site's order. No two members of a series share a day.
  ``Arc42 Practical Series`` opens with an introduction (2026-02-01) before ``arc42 chapter 1:
  …`` (rank 2): the builder's marker check reads ``chapter 1`` at rank 2 as a contradiction
  and leaves that series' 14 parts ``null``, as in every round; no override.
- **Kind.** All ``multipart``: each is one planned run of parts (``Part 1``/``Part 2``; the
  migration's four steps; arc42's introduction, twelve chapters and an epilogue). None is a
  column.
- **No title marks a part without a declared series** (no ``undeclared_parts``). Kept
  standalone, as declared: the two ``Quick PowerPoint tip: …`` posts (2022-06), the two ``Get
  all prediction scores from your … model`` posts (2020-09), the sandboxed-CRM-plug-in pair
  (2016), the two 2026 hidden-PowerPoint-settings posts, and the ``… sharing my slides`` posts.
- **Who wrote the labels.** The Arc42 posts declared their series in their own commits by the
  author (2026-02-01 to 02-25). The eight older members (2007, 2015, 2017, 2025) got their
  ``series:`` line in one pull request made with GitHub's Copilot agent, co-authored and
  merged by the author (#147, ``fe0077d``, 2026-02-01, "Add accessible series navigation to
  blog sidebar"), the day the series feature came: the site declares them, so they are
  labels, but an AI agent wrote the lines (see SOURCES.md, "Doubtful").

The commit read is ``32aa0b7d6551`` (2026-06-24, "chore: update to astro  6.4.8"), the newest
on ``main``, the default branch. The other branches are unmerged work: ``upgrade``
(2026-03-26), ``skills`` (2026-02-27, WIP), ``copilot/sub-pr-192`` (an agent's plan),
``frontmatter`` and ``demo-time`` (2025-09).

URLs: every post declares ``permalink`` (``/<yyyy>/<mm>/<dd>/<slug>/``, the WordPress
addresses kept), and ``src/pages/[...wp].astro`` serves each post at its permalink, under the
site's address ``https://blog.hompus.nl`` (``astro.config.mjs``'s ``site``).

``build.py`` loads this module after ``round78.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
79") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post

BASE = "https://blog.hompus.nl"


def hompus_url(p: Post) -> str:
    """The post's declared ``permalink`` (the route ``[...wp].astro`` builds), on the site."""
    link = p.fm.get("permalink")
    if not isinstance(link, str) or not link.startswith("/"):
        raise ValueError(f"{p.path}: no permalink")
    return BASE + unseen.enc(link)


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="hompus",
        repo="eNeRGy164/blog",
        # `main` on 2026-06-24 11:14:15 +0200 ("chore: update to astro  6.4.8"), the default
        # branch (posts, Astro site; deployed to Azure Static Web Apps by a workflow)
        commit="32aa0b7d65512629ecebca3a392f783ca1220873",
        site="https://blog.hompus.nl/",
        generator="Astro (content collection `posts`, `series` string field; a series "
        "sidebar list, footer list and one page per series)",
        language="en",
        licence='no licence stated (site footer: "Copyright © Michaël Hompus. All rights '
        'reserved.")',
        all_paths=True,
        include=r"^posts/\d{4}/[^/]+\.md$",
        # parts: date ranks (the sidebar lists the members oldest first); the arc42 series'
        # `chapter 1` at rank 2 leaves its parts null by the builder's marker check
        url=hompus_url,
        url_source="declared: front-matter permalink (served by src/pages/[...wp].astro) "
        "under https://blog.hompus.nl (astro.config.mjs site)",
    ),
]
