"""Round 29 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

tbsmcd (Japanese, Hugo 0.61 with the hugo-xmin theme, the site's own layouts and its own
series shortcode: Tsubasa Mochida's "tbsmcd.net", a web engineer's blog on rebuilding the
blog with Hugo, Python and Jupyter, Raspberry Pi, GitHub Actions, AutoHotkey, Linux and MCP
servers, and, from 2021, his Honda Super Cub 90 Custom, 2020-2025). The sources live on the
repository's ``source`` branch (the default branch ``master`` holds the built site, deployed
by ``.github/workflows/gh-pages.yml``), as page bundles ``content/post/<name>/index.md``. They
declare their series in the YAML front matter, ``series: ["カブLED化"]``, a Hugo taxonomy
(``config.toml`` ``[taxonomies] series = "series"``); the site's shortcode
``layouts/shortcodes/series.html`` (``{{< series name="…" >}}``, placed near the top of most
members) lists the term's pages in an ``<ol reversed>``, newest first, so the oldest member is
numbered 1, and the term pages ``/series/<term>/`` list them newest first. No number is
declared, so parts are date ranks; no two members of a series share a day.

Five posts (the training notes of 2020-06) open with a blank line before their ``---``
fence; Hugo skips leading whitespace before front matter (they are in the built site), so
this module reads them the same way (``tbsmcd_meta``). Posts whose title marks a part or
dates a weekly column without a declared series are left out (``undeclared_parts``), as
earlier rounds did: ``言語処理100本ノック 2020 第N章`` (5) and the weekly
``YYYY-MM-DD の週のトレーニングノート`` (13, like systemoverlord's ``Weekly Reading List for
…``).

``build.py`` loads this module after ``round28.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
29") for the decisions.
"""

from __future__ import annotations

from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


# ---------------------------------------------------------------------------- helpers


def tbsmcd_meta(text: str, path: str) -> dict[str, object] | None:
    """Front matter after leading whitespace: Hugo's page lexer skips spaces and blank lines
    before the ``---`` fence (five training notes start with an empty line, and the built
    site has them), which ``build.py``'s reader does not."""
    return unseen.front_matter(text.lstrip(" \t\r\n"))


# the weekly training notes (week of …), 2020-04 to 2020-07: a dated weekly column, no series
TRAINING_WEEKS = (
    "2020-04-05",
    "2020-04-13",
    "2020-04-20",
    "2020-04-27",
    "2020-05-04",
    "2020-05-11",
    "2020-05-18",
    "2020-05-25",
    "2020-06-01",
    "2020-06-08",
    "2020-06-15",
    "2020-06-22",
    "2020-06-29",
)


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="tbsmcd",
        repo="tbsmcd/tbsmcd.github.io",
        # the `source` branch (the posts and the site's layouts); `master` is the built site
        commit="6af71c83462c9c2c85c9896a53bf80b82f411844",
        site="https://tbsmcd.net/",
        generator="Hugo 0.61 (hugo-xmin, site layouts, site series shortcode)",
        language="ja",
        licence="no licence stated (no LICENSE in the repository; the site names none)",
        all_paths=True,
        # the page bundles `content/post/<name>/index.md`; `content/_index.md`, `profile.md`
        # and `search.md` are pages, not posts
        include=r"^content/post/[^/]+/index\.md$",
        meta=tbsmcd_meta,
        undeclared_parts=(
            # titles numbered as chapters of a run that declares no series (tag only)
            "言語処理100本ノック2020 を始めた 第1章",
            "言語処理100本ノック 2020 第2章",
            "言語処理100本ノック 2020 第3章",
            "言語処理100本ノック 2020 第4章",
            "言語処理100本ノック 2020 第5章",
            # an undeclared weekly column titled by its week (tag `トレーニングノート`)
            *(f"{d} の週のトレーニングノート" for d in TRAINING_WEEKS),
        ),
        # parts: date ranks (the shortcode's reversed list numbers the term's pages oldest
        # first); no series is a column
        # config.toml: baseURL "/", no permalinks; the CNAME (copied into the built site) is
        # tbsmcd.net; Hugo's default content path /post/<bundle directory>/, as the built
        # `master` branch and the site's own links (https://tbsmcd.net/post/notion2hugo/)
        # have it; no post sets `slug` or `url`
        url=unseen.hugo_path("https://tbsmcd.net", "content/"),
        url_source="reconstructed: Hugo, no permalink rule: content path /post/<bundle "
        'directory>/ under the CNAME https://tbsmcd.net (config.toml baseURL "/")',
    ),
]
