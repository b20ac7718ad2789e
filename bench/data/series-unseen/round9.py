"""Round 9 of series-unseen (added 2026-12-06): five blogs whose posts declare their series.

ufostation (Russian, Astro), eanlee (Traditional Chinese, Astro content collections),
bacarotech (Italian, Hugo: a developer community's blog), jamalhansen (English, Hugo
PaperMod: multi-part SQL tutorials) and devopsvn (English, Jekyll collection: multi-part
DevOps tutorials with declared part numbers). ``build.py`` loads this module after
``round8.py`` and sets ``unseen`` to itself before running it, so these blogs are read by
the same reader, URL helpers and label rules as every other blog of this corpus; their
rows come last in ``corpus.jsonl``. See SOURCES.md ("Round 9") for the decisions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
hugo_sanitize = unseen.hugo_sanitize
Blog, Post = unseen.Blog, unseen.Post


# ---------------------------------------------------------------------------- helpers

MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def month_day_year(v: object) -> dt.date | None:
    """A date written ``Nov 24 2021`` / ``June 10 2021`` / ``Sep 2 2023`` (what the
    blog's layout passes to ``new Date(...)``), or None."""
    m = re.match(r"\s*([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})\s*$", str(v or ""))
    if not m or m[1][:3].lower() not in MONTHS:
        return None
    return dt.date(int(m[3]), MONTHS.index(m[1][:3].lower()) + 1, int(m[2]))


def pubdate_meta(text: str, path: str) -> dict[str, object] | None:
    """Front matter; the post's date is ``pubDate`` (the blog sorts its post list and its
    series by it), written as ``Mon DD YYYY``."""
    fm = unseen.front_matter(text)
    if fm is not None and fm.get("date") is None:
        d = month_day_year(fm.get("pubDate"))
        if d is not None:
            fm["date"] = d
    return fm


def astro_route(base: str, pages_root: str = "src/pages/") -> Callable[[Post], str]:
    """Astro file-based routing: the page's path under ``src/pages`` without its
    extension, as the blog's own links write it (``post.url``, no trailing slash); a post
    whose front matter sets ``externalUrl`` is listed by the blog as a link to that
    address (its list and "read more" links point there), so that is its URL."""

    def f(p: Post) -> str:
        ext = p.fm.get("externalUrl")
        if isinstance(ext, str) and ext.strip():
            return ext.strip()
        rel = re.sub(r"\.(md|mdx)$", "", p.path[len(pages_root) :])
        return base.rstrip("/") + unseen.enc("/" + rel)

    return f


def astro_post_dir(base: str, collection: str, prefix: str) -> Callable[[Post], str]:
    """eanlee's ``src/pages/[...slug].astro``: ``post/`` + the entry id without its last
    segment (``index.md``), lower-cased, with a trailing slash."""

    def f(p: Post) -> str:
        rel = p.path[len(collection) :]
        rel = rel[: rel.rfind("/")].lower()
        return base.rstrip("/") + unseen.enc(f"{prefix}{rel}/")

    return f


def hugo_bundle(base: str, strip: str) -> Callable[[Post], str]:
    """Hugo without a permalink rule: the content path of the page bundle (its
    directory), sanitized as Hugo does, with a trailing slash."""

    def f(p: Post) -> str:
        rel = p.path[len(strip) :]
        rel = rel[: rel.rfind("/")] if rel.endswith("/index.md") else re.sub(r"\.md$", "", rel)
        return base.rstrip("/") + unseen.enc("/" + hugo_sanitize(rel) + "/")

    return f


def hugo_slug_else_title(base: str, section: str) -> Callable[[Post], str]:
    """Hugo ``permalinks: blog: /blog/:slug/``: the front matter's slug, else the title
    (Hugo's ``:slug`` falls back to it), URL-ized."""

    def f(p: Post) -> str:
        name = str(p.fm.get("slug") or p.fm["title"])
        return base.rstrip("/") + unseen.enc(section + hugo_sanitize(name) + "/")

    return f


def string_series(fm: dict[str, object]) -> list[str]:
    """The ``series`` taxonomy, names only: an entry that is not a string (one post
    writes ``series:`` followed by ``- cover:``, a mapping) names no series."""
    v = fm.get("series")
    items = v if isinstance(v, list) else [v]
    return [s.strip() for s in items if isinstance(s, str) and s.strip()]


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="ufostation",
        repo="ufocoder/ufostation.tech",
        commit="c8d25c594420047eea3782a807f9208cd5a659dc",
        site="http://ufostation.tech/",
        generator="Astro",
        language="ru",
        licence="CC BY-SA 4.0 (site footer; about page: all materials)",
        all_paths=True,
        include=r"^src/pages/ru/(posts|series)/.*\.mdx?$",
        meta=pubdate_meta,
        url=astro_route("http://ufostation.tech"),
        url_source="reconstructed: Astro file route under src/pages (SITE_URL "
        "http://ufostation.tech), or the front matter's externalUrl (link entries)",
    ),
    Blog(
        id="eanlee",
        repo="EanLee/eanlee.github.io",
        commit="61e3d177f6dd06ee3a57627e3c69047543f759d7",
        site="https://eandev.com/",
        generator="Astro (content collections)",
        language="zh-TW",
        licence="no licence stated (site footer: all rights reserved)",
        all_paths=True,
        include=r"^src/content/blog/.*\.md$",
        url=astro_post_dir("https://eandev.com", "src/content/blog/", "/post/"),
        url_source="reconstructed: Astro src/pages/[...slug].astro, /post/<entry directory, "
        "lower-cased>/ under site https://eandev.com",
        undeclared_parts=(
            # a numbered pair and a lone part 1, none of them declaring a series
            "GitLab CI 實作記錄(1) - 使用 Docker 在同台主機運行 GitLab 與 GitLab-Runner",
            "GitLab CI 實作記錄(2) - Gitlab CI 的私有環境建置",
            "系統架構演進與 AWS 雲端服務結合(1) - 內部系統快速驗證",
        ),
    ),
    Blog(
        id="bacarotech",
        repo="BacaroTech/bacarotech.github.io",
        commit="2ef3e1a8a0cae101cf55ad84a9915936dd45cb7c",
        site="https://bacarotech.github.io/",
        generator="Hugo (adritian theme)",
        language="it",
        licence="no licence stated",
        all_paths=True,
        include=r"^content/blog/.*\.md$",
        url=hugo_bundle("https://bacarotech.github.io", "content/"),
        url_source="reconstructed: Hugo, no permalink rule: content path "
        "/blog/<year>/<bundle dir>/ (sanitized and lower-cased as Hugo does)",
        recurring={
            # one post per episode of the community's live show (both spellings)
            "BacaroLive",
            "BACAROLIVE",
            # one post per talk's slide deck
            "Slide",
            # one LeetCode problem per post
            "CodingLeetCode",
            "SQLLeetCode",
            "Leetcode",
        },
        unordered={
            "Corso C zero to hero": "titled `PT0` … `PT26`: `PT0 - presentazione` is rank 1, "
            "so `PT1` is rank 2, and `PT25` comes twice (`struct`, `ricerca binaria`); the "
            "marker check does not read `PT`",
            "Corso C": "24 lessons `lezione 1` … `lezione 24` all dated 2026-02-25 (an "
            "import): the file order puts `lezione 10` … `19` before `lezione 2`",
            "AlgoritmiTeoria": "25 notes all dated 2026-02-25, numbered by chapter (`1 - "
            "array - …` nine times, … `7 - graph - …`); the file order is alphabetical "
            "inside a chapter",
            "DesingPatternTeoria": "ten notes all dated 2026-02-25 (`Behavioral`, "
            "`Creational`, `Structural` patterns); the rank would be the file order",
            "Keycloak": "`customizzazione temi - PT1`, `PT2`, then `temi react - PT1`, "
            "`pt 2` (two sub-series) at ranks 1–4",
            "Springboot": "`PT1`, `PT2.1`, `PT2.2`, `PT3.1`, `PT3.2`, `PT4` … `PT9`: the "
            "titles number sub-parts, so `PT2.2` is rank 3 and `PT9` rank 11",
            "STRUTTURE DATI UTILI": "`PT 8.1` and `PT 8.2` at ranks 1–2 (parts of a larger "
            "numbering)",
            "Pocket italy": "three posts dated 2024-06-14; the file order puts the group's "
            "`presentazione` after the two user manuals",
        },
        drop={
            # episodes of the declared live show whose posts declare no series
            "/cloudflare-e-altri-drammi-con-angela-petraglia/index.md": "title marks a part, "
            "no series declared",
            "/bacarolive-ep-8--hybris-gdg-lecce-e-tanto-altro-/index.md": "title marks a "
            "part, no series declared",
            "/bacarolive-ep-9-freelancing-e-free-coding-con-luca-de-corte/index.md": "title "
            "marks a part, no series declared",
            "/bacarolive-ep-11-sviluppare-una-app-angular-da-zero-con-i-signal-venerd-24-"
            "aprile-alle-18-30-live-su-youtube/index.md": "title marks a part, no series declared",
        },
        undeclared_parts=(
            "Kotlin, scopriamolo con moreno! - pt.1",
            "Kotlin, scopriamolo con moreno! - PT2",
        ),
    ),
    Blog(
        id="jamalhansen",
        repo="jamalhansen/jamalhansen.com",
        commit="a4e3bc51cce5e2fb8ad985e7d025cd01f88334ae",
        site="https://jamalhansen.com/",
        generator="Hugo (PaperMod)",
        language="en",
        licence="no licence stated",
        all_paths=True,
        include=r"^content/blog/.*\.md$",
        url=hugo_slug_else_title("https://jamalhansen.com", "/blog/"),
        url_source="reconstructed: Hugo permalinks blog = /blog/:slug/ (slug, else the "
        "title, URL-ized)",
        series_of=string_series,
    ),
    Blog(
        id="devopsvn",
        repo="VersusControl/devops-vn-blog",
        commit="bd6ca8a1ad42768524959970cd9efff2aa1e47c5",
        site="https://devopsvn.tech/",
        generator="Jekyll (articles collection)",
        language="en",
        licence="no licence stated",
        all_paths=True,
        include=r"^_articles/.*\.(md|markdown|html)$",
        url=unseen.jekyll("https://devopsvn.tech", "/:title/"),
        url_source="reconstructed: Jekyll collection articles, permalink /:title/ "
        "(_config.yml, url https://devopsvn.tech)",
        part_keys=("part",),
    ),
]
