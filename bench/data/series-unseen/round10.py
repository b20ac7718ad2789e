"""Round 10 of series-unseen (added 2026-12-06): five blogs whose posts declare their series.

yuceltoluyag (Turkish, Pelican with the series plugin and declared ``Series_index``),
webtor (English, Hugo: a streaming service's project blog with its release notes),
bluebirz (English, Jekyll Chirpy: numbered multi-part data-engineering tutorials with a
declared ``series: {key, index}``), fsharpforfunandprofit (English, Hugo: a developer's
long numbered series with declared ``seriesId``/``seriesOrder``) and iodigital (English,
Astro content collections: a company's tech blog). ``build.py`` loads this module after
``round9.py`` and sets ``unseen`` to itself before running it, so these blogs are read by
the same reader, URL helpers and label rules as every other blog of this corpus; their
rows come last in ``corpus.jsonl``. See SOURCES.md ("Round 10") for the decisions.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
hugo_sanitize = unseen.hugo_sanitize
Blog, Post = unseen.Blog, unseen.Post


# ---------------------------------------------------------------------------- helpers


def pelican_fenced_meta(text: str, path: str) -> dict[str, object] | None:
    """Pelican Markdown metadata, also when the block is fenced by ``---`` lines (two
    yuceltoluyag posts): Python-Markdown's meta extension, which Pelican's reader uses,
    accepts a YAML-style ``---`` first line and a ``---``/``...`` closing line."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
    if lines and lines[0].strip() == "---":
        rest = lines[1:]
        end = next((i for i, line in enumerate(rest) if line.strip() in {"---", "..."}), None)
        if end is not None:
            lines = [*rest[:end], "", *rest[end + 1 :]]
    return unseen.pelican_meta("\n".join(lines), path)


def chirpy_series_meta(text: str, path: str) -> dict[str, object] | None:
    """bluebirz's front matter: ``series: {key: terraform, index: 3}``, which its
    ``_includes/bbz_custom/expand_series.html`` lists (``site.posts | where:
    "series.key"``). The key is the series label, the index its declared part."""
    fm = unseen.front_matter(text)
    if fm is not None and isinstance(fm.get("series"), dict):
        series = dict(fm["series"])  # type: ignore[arg-type]
        fm["series"] = series.get("key")
        fm["series_index"] = series.get("index")
    return fm


def astro_hidden_meta(text: str, path: str) -> dict[str, object] | None:
    """iodigital's front matter; ``hideInArticleList: true`` drops the entry from
    ``getArticleCollection()``, which both the article routes and the series pages use,
    so such an entry has no page: read as unpublished."""
    fm = unseen.front_matter(text)
    if fm is not None and fm.get("hideInArticleList") is True:
        fm["published"] = False
    return fm


def hugo_permalink_slug(base: str, prefix: str) -> Callable[[Post], str]:
    """Hugo ``[permalinks] post = "/post/:slug"`` in a language subdirectory: the front
    matter's slug, else the title (Hugo's ``:slug`` falls back to it), sanitized."""

    def f(p: Post) -> str:
        name = str(p.fm.get("slug") or p.fm["title"])
        return base.rstrip("/") + unseen.enc(f"{prefix}{hugo_sanitize(name)}/")

    return f


github_slug = unseen.github_slug  # github-slugger on one path segment (build.py)


def astro_entry(base: str, collection: str, prefix: str) -> Callable[[Post], str]:
    """Astro 4 content collections: the entry's slug is its path under the collection
    (extension dropped, each segment github-slugged), unless the front matter sets
    ``slug``; iodigital's ``src/pages/articles/[...slug].astro`` serves it under
    ``/articles/``."""

    def f(p: Post) -> str:
        slug = p.fm.get("slug")
        if not isinstance(slug, str) or not slug.strip():
            rel = re.sub(r"\.(md|mdx)$", "", p.path[len(collection) :])
            slug = "/".join(github_slug(s) for s in rel.split("/"))
        return base.rstrip("/") + unseen.enc(f"{prefix}{slug.strip('/')}/")

    return f


def fsharp_series(fm: dict[str, object]) -> list[str]:
    """``seriesId:`` (Hugo params are case-insensitive: the layouts read
    ``.Params.seriesid``)."""
    return unseen.as_list(fm.get("seriesId") or fm.get("seriesid"))


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="yuceltoluyag",
        repo="yuceltoluyag/yuceltoluyag.github.io",
        commit="f3a1c5a4a4d08186ed9a48aa0515ac0ffe286bc8",
        site="https://yuceltoluyag.github.io/",
        generator="Pelican (Markdown, series plugin)",
        language="tr",
        licence="CC BY-SA 4.0 (pelicanconf.py CC_LICENSE)",
        all_paths=True,
        # the Turkish site; content/articles/en/ holds the English subsite's translations
        # (i18n_subsites, one per Turkish post), not read
        include=r"^content/articles/[^/]+\.md$",
        meta=pelican_fenced_meta,
        url=unseen.pelican("https://yuceltoluyag.github.io", "{slug}/"),
        url_source="reconstructed: Pelican ARTICLE_URL {slug}/ under publishconf.py SITEURL "
        "https://yuceltoluyag.github.io",
        part_keys=("series_index",),
        undeclared_parts=(
            # a lone numbered part ("Series 1"), declaring no series
            "Her Türk Gencinin İzlemesi Gereken Belgeseller Serisi 1",
        ),
    ),
    Blog(
        id="webtor",
        repo="webtor-io/blog",
        commit="79f4c5c130e9742216007885f0bf37c75f793475",
        site="https://blog.webtor.io/",
        generator="Hugo (hugo-theme-basic)",
        language="en",
        licence="no licence stated (theme MIT, themes/hugo-theme-basic/LICENSE)",
        all_paths=True,
        # the English site; content/ru/ holds the Russian translations (same bundles,
        # same translationKey), not read
        include=r"^content/en/post/[^/]+/index\.md$",
        url=hugo_permalink_slug("https://blog.webtor.io", "/en/post/"),
        url_source="reconstructed: Hugo permalinks post = /post/:slug (slug, else the "
        "title, sanitized) in the /en/ language subdirectory of https://blog.webtor.io",
        recurring={
            # release notes and service news, one post per release or announcement
            # (`… — Webtor 1.2.0`, `Webtor API v1.0.0`, `Summer Updates`, greetings)
            "What's new",
        },
        unordered={
            "Torrent Basics": "five members share the timestamp 2026-01-18T21:47 and three "
            "2026-03-22T12:00, so the rank inside each group is the file order; the "
            "series page lists its members by date only",
            "Keeping Torrents Alive": "all five members are dated 2026-02-06 (19:10 to "
            "19:20); the site orders them by time, the date rank by file path",
            "Watch movies online from any torrent site": "both members are dated "
            "2019-07-23 (14:30 yts.am, 22:26 nyaa.si); the date rank's tie by file path "
            "puts nyaa.si first",
        },
    ),
    Blog(
        id="bluebirz",
        repo="bluebirz/bluebirz.github.io",
        commit="3906d6f3ead146eaffe3ddef2f78b19cfb483d22",
        site="https://bluebirz.net/",
        generator="Jekyll (Chirpy)",
        language="en",
        licence="theme MIT (LICENSE, Chirpy by Cotes Chung); no licence stated for the posts",
        all_paths=True,
        include=r"^_posts/.*\.(md|markdown|html)$",
        meta=chirpy_series_meta,
        url=unseen.jekyll("https://bluebirz.net", "/posts/:title/"),
        url_source="reconstructed: Jekyll _config.yml defaults permalink /posts/:title/ "
        "(url https://bluebirz.net)",
        part_keys=("series_index",),
    ),
    Blog(
        id="fsharpforfunandprofit",
        repo="swlaschin/fsharpforfunandprofit.com",
        commit="15b0a0d2b503aa297f4f5a789ebff00ba53e75b5",
        site="https://fsharpforfunandprofit.com/",
        generator="Hugo (hugo-geekdoc, site layouts)",
        language="en",
        licence="no licence stated",
        all_paths=True,
        include=r"^content/posts/[^/]+/index\.md$",
        url=unseen.hugo_path("https://fsharpforfunandprofit.com", "content/"),
        url_source="reconstructed: Hugo, no permalink rule: content path /posts/<bundle dir>/",
        series_of=fsharp_series,
        part_keys=("seriesOrder", "seriesorder"),
    ),
    Blog(
        id="iodigital",
        repo="iodigital-com/techhub",
        commit="eeaf5fa4fac45b2a13c79cc467e857947af7dd9b",
        site="https://techhub.iodigital.com/",
        generator="Astro (content collections)",
        language="en",
        licence="no licence stated",
        all_paths=True,
        include=r"^src/content/articles/.*\.(md|mdx)$",
        meta=astro_hidden_meta,
        url=astro_entry("https://techhub.iodigital.com", "src/content/articles/", "/articles/"),
        url_source="reconstructed: Astro src/pages/articles/[...slug].astro, /articles/<entry "
        "slug>/ under site https://techhub.iodigital.com",
        undeclared_parts=(
            # a lone "part one", declaring no series
            "A modern dark mode - part one",
        ),
    ),
]
