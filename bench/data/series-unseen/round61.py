"""Round 61 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

josegonzalez (English, Jekyll 4.4: Jose Diaz-Gonzalez's blog at josediazgonzalez.com,
2009-11 to 2025-06, most of it 2013 to 2016: CakePHP (he was a core developer), its yearly
December advent calendars of tutorials, deployment with Chef, server management, logging,
serverless tools). The posts are ``_posts/*.markdown`` and one ``_posts/*.md``: 136 at the
commit read, all ``published: true``. ``_drafts/`` (5 files) and ``_old_posts/`` (31
unpublished 2009 imports, outside ``_posts``) are not published and not read;
``_posts/jp/`` holds only a ``.gitignore``.

A post's front matter may set ``series: <name>`` (a string). The site's
``_includes/post_series.html`` (in the sidebar of every post, ``_includes/sidebar.html``)
counts the posts of ``site.posts reversed`` (oldest first) whose ``series`` equals the
page's and writes "This entry is part <k> of <n> in the series "<name, hyphens as spaces>""
over an ordered list of the members. The label is the declared value as written
(``CakeAdvent-2016``; the box prints ``CakeAdvent 2016``); no number is declared, so the
parts are the date ranks, the order and numbers the box shows. Every series is presented
alike, as "part k of n", so all seven are ``multipart`` (the four ``CakeAdvent-<year>``
December calendars included: see SOURCES.md, "Round 61").

Left out: ``The Daily Dev Log - 1`` … ``- 5`` (2011-05/06, category ``dev-log``, tag
``daily-dev-log``), a numbered run with no series declared (``undeclared_parts``).

The commit read is ``3801d87d53eb`` (2026-07-07 12:36 -0400), the newest on ``master``.

URLs: ``_config.yml`` ``permalink: /:year/:month/:day/:title/`` under ``url:
http://josediazgonzalez.com`` (also ``CNAME``); the date is the front matter's ``date``
(``timezone: UTC``, no post writes an offset), else the file name's; ``:title`` the file
name's slug (no post sets ``permalink`` or ``slug``).

``build.py`` loads this module after ``round60.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
61") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="josegonzalez",
        repo="josegonzalez/josediazgonzalez.com",
        # `master` on 2026-07-07 12:36:27 -0400 ("Merge pull request #141 from
        # josegonzalez/dependabot/bundler/tilt-2.8.0"), the snapshot's newest
        commit="3801d87d53eb7dd6673c0eb2b981057b4c232d6b",
        site="http://josediazgonzalez.com/",
        generator="Jekyll 4.4 (site layouts, site series include)",
        language="en",
        licence="no licence stated",
        # not _drafts/ nor _old_posts/ (unpublished), nor _posts/jp/.gitignore
        include=r"^_posts/\d{4}-\d{2}-\d{2}-[^/]+\.(?:markdown|md)$",
        undeclared_parts=(
            # a numbered daily log of 2011-05/06 (category dev-log, tag daily-dev-log),
            # no series declared
            "The Daily Dev Log - 1",
            "The Daily Dev Log - 2",
            "The Daily Dev Log - 3",
            "The Daily Dev Log - 4",
            "The Daily Dev Log - 5",
        ),
        url=unseen.jekyll("http://josediazgonzalez.com", "/:year/:month/:day/:title/"),
        url_source="reconstructed: Jekyll permalink /:year/:month/:day/:title/ "
        "(_config.yml; front-matter date, file name slug) under http://josediazgonzalez.com",
    ),
]
