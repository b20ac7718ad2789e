"""Round 36 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

dmitryrogozhny (English, Jekyll 3.9 on GitHub Pages, the minima theme with the site's own
layouts and includes: Dzmitry Rahozhny's (Dmitry Rogozhny's) dmitryrogozhny.com, a
SharePoint and Office 365 consultant's and developer's blog, 2017-2019: building the site
with Jekyll, Elm, Visual Studio Code, TypeScript, Node.js, then SharePoint Online, the
SharePoint Framework (SPFx) and Microsoft Flow / Power Automate). The posts are
``_posts/<date>-<name>.md``; they declare their series in the YAML front matter,
``series: "Flow Patterns"`` (a string). The site's include ``_includes/post-series.html``,
which the post layout places under each post's title, says "This post is a part of the
"<series>" series:" and lists, numbered from 1, the posts of ``site.posts reversed`` that
declare the same series, i.e. by date and time, oldest first. No number is declared, so
parts are date ranks; no two members of a series share a day.

Three multipart series: ``Adding Anything to Jekyll`` (8), ``Implementing text
proofreading with Elm`` (7) and ``Flow Patterns`` (7). Five posts number their parts in
the title without declaring a series (``Moving Footer from SharePoint Starter Kit. Part 1:
…`` to ``Part 5: …``): left out (``undeclared_parts``), as earlier rounds left out such
runs.

URLs: ``_config.yml`` ``permalink: /blog/:title`` (no trailing slash) under ``url:
https://dmitryrogozhny.com`` (also the ``CNAME``): the file name's slug, as Jekyll's
``pretty`` slugify keeps it; no post sets ``permalink`` or ``slug`` (the builder's
``jekyll``).

``build.py`` loads this module after ``round35.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
36") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="dmitryrogozhny",
        repo="dmitryrogozhny/dmitryrogozhny.github.io",
        # `master` (the default branch, built by GitHub Pages: github-pages 226, Jekyll
        # 3.9.2 in Gemfile.lock); no built output in the repository
        commit="cd6c87678c4122960f50486ef41b65a6094109ad",
        site="https://dmitryrogozhny.com/",
        generator="Jekyll 3.9 (GitHub Pages, minima, site layouts, site series include)",
        language="en",
        licence="no licence stated (no LICENSE in the repository)",
        all_paths=True,
        # the posts `_posts/<date>-<name>.md` (84 files, none a draft); `about.html`,
        # `blog.html`, `development.html`, `services.html`, `tags/*.html` are pages
        include=r"^_posts/.+\.md$",
        undeclared_parts=(
            # a run of five numbered parts (2019-11-27 to 2019-12-01), no series declared
            "Moving Footer from SharePoint Starter Kit. Part 1: Footer Overview",
            "Moving Footer from SharePoint Starter Kit. Part 2: Data Sources",
            "Moving Footer from SharePoint Starter Kit. Part 3: New Project",
            "Moving Footer from SharePoint Starter Kit. Part 4: Fix Issues",
            "Moving Footer from SharePoint Starter Kit. Part 5: Deploy and Add to Site",
        ),
        # parts: date ranks (_includes/post-series.html lists `site.posts reversed`, oldest
        # first, numbered from 1); no series is a column
        # _config.yml: permalink /blog/:title, url https://dmitryrogozhny.com (CNAME the same)
        url=unseen.jekyll("https://dmitryrogozhny.com", "/blog/:title"),
        url_source="reconstructed: Jekyll permalink /blog/:title (_config.yml; the file "
        "name's slug, no trailing slash) under https://dmitryrogozhny.com (_config.yml url, "
        "CNAME)",
    ),
]
