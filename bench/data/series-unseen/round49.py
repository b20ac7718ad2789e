"""Round 49 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

nickymeuleman (English, Astro: Nicky Meuleman's site "Nicky's place on the web" at
nickymeuleman.netlify.app, 2018-05 to 2025-12: Gatsby, CSS, git and GitHub automation, WSL2,
React, serverless GraphQL, Rust notes, WebAssembly and web APIs, and solutions to Advent of
Code puzzles, most of them in Rust). The posts are the entries of the one content collection
``blog`` (``src/content/config.ts``), ``src/content/blog/<name>/index.mdx`` (one
``index.md``), 143 at the commit read; the schema's ``draft`` defaults to false and no post
sets it. The ``section`` field (``blog`` or ``garden``) does not change the URL:
``astro.config.mjs`` redirects ``/garden/[slug]`` to ``/blog/[slug]``.

``series`` is an optional enum of the schema (eight names: ``Advent of Code 2015``, ``…
2022``, ``… 2023``, ``… 2024``, ``… 2025``, ``Fresh environment, 2018``, ``Serverless
GraphQL``, ``Smart pointers in Rust``), set on 98 posts; every name is used by two or more.
``src/pages/blog/[slug].astro`` lists the posts of the same ``series`` under "Part of series"
in the post's metadata box. No number is declared, so parts are date ranks (``part_keys``
empty); ``Advent of Code 2023`` has no Day 24 post, so its ``Day 25`` contradicts rank 24
and the marker check leaves that series' parts ``null``.

The commit read is ``df48808f733e`` (2025-12-18 18:19 +0100), the snapshot's newest on
``main`` (the ``v3`` branch is not read). The repository starts on 2024-10-28 with the
Astro rewrite; the same ``series`` front matter was in the posts of the earlier Gatsby site.

URLs: Astro 4 gives an entry the slug of its path under the collection (extension and a
final ``/index`` dropped, each segment github-slugged) unless the front matter sets ``slug``
(one post does); ``[slug].astro`` serves it at ``/blog/<slug>`` under ``site``
``https://nickymeuleman.netlify.app``, with the trailing slash of the default directory
build format, as the sitemap writes it (``astro_blog_entry``).

``build.py`` loads this module after ``round48.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
49") for the decisions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


github_slug = unseen.github_slug  # github-slugger on one path segment (build.py)


def astro_blog_entry(base: str, collection: str, prefix: str) -> Callable[[Post], str]:
    """The entry's slug (front-matter ``slug``, else its path under ``collection`` without
    the extension and a final ``/index``, each segment github-slugged) under ``prefix``,
    with a trailing slash."""

    def f(p: Post) -> str:
        slug = p.fm.get("slug")
        if not isinstance(slug, str) or not slug.strip():
            rel = re.sub(r"\.(md|mdx)$", "", p.path[len(collection) :])
            rel = re.sub(r"/index$", "", rel)
            slug = "/".join(github_slug(s) for s in rel.split("/"))
        return base.rstrip("/") + unseen.enc(f"{prefix}{slug.strip('/')}/")

    return f


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="nickymeuleman",
        repo="NickyMeuleman/nicky-blog",
        # `main` on 2025-12-18 18:19 +0100 ("advent of code 2025 blogposts and wasm
        # solver"), the snapshot's newest; built on Netlify (`astro build`)
        commit="df48808f733ebfd62b670aca4546afbf1dc8412d",
        site="https://nickymeuleman.netlify.app/",
        generator="Astro 4 (content collections, site series list)",
        language="en",
        licence="no licence stated",
        all_paths=True,
        # the `blog` collection: every entry, blog and garden sections alike
        include=r"^src/content/blog/[^/]+/index\.(md|mdx)$",
        # parts: date ranks (no number is declared)
        url=astro_blog_entry("https://nickymeuleman.netlify.app", "src/content/blog/", "/blog/"),
        url_source="reconstructed: Astro src/pages/blog/[slug].astro, /blog/<entry slug>/ "
        "under site https://nickymeuleman.netlify.app (directory build format, as the sitemap)",
    ),
]
