"""Round 39 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

mechurak (Korean, Hugo 0.101 with the DoIt theme as a git submodule: mechurak's blog
"일편단씸의 블로그" at mechurak.github.io, 2020-2023: notes on the book Effective Python,
item by item, summaries of an investing YouTube channel's episodes, notes on Brendan
Galea's Vulkan Game Engine Tutorial videos, Android styling translations, Kotlin, Flutter
and Dart, pandas, Unity and developer tools). The posts are
``content/posts/<topic>/<yyyy-mm-dd>_<name>.md``; they declare their series in the YAML
front matter, ``series: [ Vulkan Game Engine Tutorial 정리 ]``, a Hugo taxonomy
(``config.toml`` ``[taxonomies] series = "series"``), and most members declare
``series_weight``, Hugo's weight of a page inside a taxonomy term, by which the term pages
and DoIt's series navigation (``seriesNavigation = true``) order a series. The built site
(branch ``gh-pages``) lists the series in that order. The six ``effective python N. …``
series (one per chapter of the book) declare the book's item numbers (``Better way 11.`` has
``series_weight: 11``, the first post of the second chapter); the Vulkan series declares 1 to
17. Both are read as declared numbers.

Eight series, all of 2+: seven multipart and one column, ``recurring`` (``할투 정리``: one
episode of an investing channel summarised per post, in no episode order; it declares no
weight, and its term page lists it newest first). No post is a draft; none sets ``slug``
or ``url``.

URLs: ``config.toml`` ``[Permalinks] posts = ":filename"`` under ``baseURL
https://mechurak.github.io``: ``/<file name without .md>/`` (the builder's ``hugo_page``
without the slug); the built site holds a directory of that name for each of the 124 posts.

``build.py`` loads this module after ``round38.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
39") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="mechurak",
        repo="mechurak/mechurak.github.io",
        # `main` (the default branch: content, config.toml, the DoIt theme as a submodule
        # @ aaa5ab2b7384, not in the snapshot); the built site is the `gh-pages` branch
        # (@ 3866f7c2a14b, 2024-02-21), read only to check the URLs and the series order
        commit="78c9cf21719463f2ed64d67922684e8bde50e419",
        site="https://mechurak.github.io/",
        generator="Hugo 0.101 (DoIt theme, series taxonomy with series_weight)",
        language="ko",
        licence="CC BY-NC 4.0 (config.toml params.license, the site footer)",
        all_paths=True,
        # the posts `content/posts/<topic>/<yyyy-mm-dd>_<name>.md` (124 files); no
        # `_index.md` and no other section under content/
        include=r"^content/posts/.+\.md$",
        # parts: the declared `series_weight` (Hugo's taxonomy weight; the term pages and
        # DoIt's series navigation order by it): the book's item numbers for the six
        # `effective python N. …` chapters, 1-17 for the Vulkan notes
        part_keys=("series_weight",),
        recurring={
            # one episode of the investing channel "할 수 있다! 알고 투자" summarised per
            # post (episodes 348, 400, 218, 478, 485 and the 600th special, 2020-2021), no
            # weights, listed newest first
            "할투 정리",
        },
        # config.toml: [Permalinks] posts = ":filename", baseURL https://mechurak.github.io
        url=unseen.hugo_page("https://mechurak.github.io", "/", use_slug=False),
        url_source="reconstructed: Hugo permalink posts = :filename (config.toml) under "
        "https://mechurak.github.io; checked against the built site's directories "
        "(gh-pages)",
    ),
]
