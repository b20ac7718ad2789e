"""Round 41 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

codemachine0121 (Traditional Chinese, Astro 6 content collections: Wasut Panyawiphat's
(CodeMachine0121) "Coding Afternoon" at coding-afternoon.com, 2025-2026: test-driven
development, software architecture, .NET, Go, Kotlin coroutines, NixOS, AI-assisted
development and quantitative trading; most posts belong to day-by-day series, three of them
written for iThome's yearly 鐵人賽 writing contest). The posts are
``src/content/blogs/**/*.md`` (the collection's glob loader, ``src/content.config.ts``;
``src/content/not-deployed/`` is outside it); a series is declared in the YAML front matter
by ``parent: "NixOs Bootcamp"``, which the site's ``src/utils/series-core.ts`` groups into
series (``groupIntoSeries``, the name trimmed) and orders by the optional ``seriesIndex``
(no post sets it), then by ``datetime`` ascending; each member's page shows the series name
above its title and links the previous and next members in that order, and
``/series/<slug>`` lists them. ``draft: true`` hides a post everywhere
(``getPublishedBlogs``). No number is declared, so parts are date ranks.

Four series of 2+, all multipart; the fifth declared one (``2026 ithome-鐵人賽: 從 Prompt 到
Loop …``, ten posts) is all drafts. Seventeen posts are standalone.

URLs: ``src/pages/blogs/[...slug].astro`` serves each entry at ``/blogs/<id>/`` (the RSS
feed's links, Astro's default ``directory`` build) under ``astro.config.mjs`` ``site:
"https://coding-afternoon.com"``; the id is Astro's glob-loader default (no post sets
``slug``): the path under ``src/content/blogs`` without ``.md``, each segment passed through
github-slugger (``astro_glob_id``). The build test ``tests/build-output.test.ts`` reads
``blogs/到底怎麼切微服務/index.html`` for ``src/content/blogs/到底怎麼切微服務.md``.

``build.py`` loads this module after ``round40.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
41") for the decisions.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


# github-slugger (``script/generate-regex.mjs``) strips these General Categories, except the
# code points with the Alphabetic property, a plain space (then turned into ``-``) and ``-``
SLUGGER_STRIPPED = {
    "No",
    "Pe",
    "Pf",
    "Pi",
    "Ps",
    "Po",
    "Pd",
    "Sm",
    "Sc",
    "Sk",
    "So",
    "Cc",
    "Co",
    "Cf",
    "Cn",
    "Zs",
    "Zl",
    "Zp",
}


def github_slugger(segment: str) -> str:
    """github-slugger's ``slug()`` on one path segment, as Astro's glob loader applies it:
    lower case, then the stripped categories dropped (letters, marks, decimal and letter
    numbers, ``_``, ``-`` and spaces kept; letters among the symbols, such as circled
    letters, are Alphabetic and kept too), then each space a hyphen."""
    out = []
    for ch in segment.lower():
        if ch in " -":
            out.append(ch)
            continue
        alphabetic = ch.isalpha() or "\u24b6" <= ch <= "\u24e9"
        if unicodedata.category(ch) in SLUGGER_STRIPPED and not alphabetic:
            continue
        out.append(ch)
    return "".join(out).replace(" ", "-")


def astro_glob_id(base: str, collection: str, prefix: str) -> Callable[[Post], str]:
    """Astro's glob loader id (``generateIdDefault``: the front matter's ``slug``, else the
    entry's path under the loader base without its extension, each segment github-slugged),
    served at ``<prefix><id>/``."""

    def f(p: Post) -> str:
        slug = p.fm.get("slug")
        if not isinstance(slug, str) or not slug.strip():
            rel = re.sub(r"\.md$", "", p.path[len(collection) :])
            slug = "/".join(github_slugger(s) for s in rel.split("/"))
        return base.rstrip("/") + unseen.enc(f"{prefix}{slug.strip('/')}/")

    return f


def coding_afternoon_meta(text: str, path: str) -> dict[str, object] | None:
    """The YAML front matter, with ``datetime`` (``"2025-08-04"``, the date the site shows
    and sorts by) as the date."""
    fm = unseen.front_matter(text)
    if fm is not None and fm.get("datetime") is not None:
        fm["date"] = fm["datetime"]
    return fm


def parent_series(fm: dict[str, object]) -> list[str]:
    """``parent:``, the series name as the site groups it (``groupIntoSeries`` trims it)."""
    return unseen.as_list(fm.get("parent"))


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="codemachine0121",
        repo="CodeMachine0121/CodeMachine0121.github.io",
        # `main` (the default branch; the site is built from it by the Pages workflow
        # `.github/workflows/main.yml`, no built branch in the repository)
        commit="2a2be56d6126c7a36018e095aa73afb5838c3def",
        site="https://coding-afternoon.com/",
        generator="Astro 6 (content collections, site series pages and navigation)",
        language="zh-TW",
        licence="MIT (repository LICENSE, 2025 Wasut Panyawiphat)",
        all_paths=True,
        # the `blogs` collection: glob `**/*.md` under src/content/blogs (128 files, 19 of
        # them drafts); src/content/not-deployed/ is outside the loader's base
        include=r"^src/content/blogs/.+\.md$",
        meta=coding_afternoon_meta,
        series_of=parent_series,
        # parts: date ranks (the site orders a series by `seriesIndex`, which no post sets,
        # then by `datetime`); the quant-trading series opens with `Day 00`, so the marker
        # check leaves it null (see SOURCES.md)
        url=astro_glob_id("https://coding-afternoon.com", "src/content/blogs/", "/blogs/"),
        url_source="reconstructed: Astro glob-loader id (path under src/content/blogs, "
        "github-slugged) served by src/pages/blogs/[...slug].astro at /blogs/<id>/ under "
        "site https://coding-afternoon.com (astro.config.mjs)",
    ),
]
