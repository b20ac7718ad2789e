"""Round 25 of series-unseen (added 2026-12-07): a blog whose posts declare their series.

hunghvu (English, Astro 5 content collections with the site's own series box: Hung Vu's
"Blogfolio" hungvu.tech on Google Cloud, GitHub Actions, headless CMSs, homelab hardware and
hypervisors (Harvester, Proxmox) and tech news, 2022-2026). Its posts declare their series in
the YAML front matter, ``series: Homelab``, a string of the ``blog`` collection's schema
(``src/content/config.ts``); ``src/components/Series.astro`` lists the posts of the same
series by ``publishedDate``, latest first, numbered from the oldest ("1." is the first). No
number is declared, so parts are date ranks. The post's title is ``readerTitle`` (the page's
heading and the series box's link text) and its date ``publishedDate``, written
``February 04, 2022``; ``hunghvu_meta`` reads both. Two series are columns with no sequence
(``recurring``).

``build.py`` loads this module after ``round24.py`` and sets ``unseen`` to itself before
running it, so the blog is read by the same reader, URL helpers and label rules as every
other blog of this corpus; its rows come last in ``corpus.jsonl``. See SOURCES.md ("Round
25") for the decisions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from types import ModuleType

unseen: ModuleType = globals()["unseen"]  # this corpus' build.py sets it before running us
Blog, Post = unseen.Blog, unseen.Post


# ---------------------------------------------------------------------------- helpers

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


def month_name_date(v: object) -> dt.date | None:
    """A date written ``February 04, 2022`` / ``May 3, 2024`` (what the collection's schema
    passes to ``z.coerce.date()``, i.e. ``new Date(...)``: the day as written), or None."""
    m = re.match(r"\s*([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})\s*$", str(v or ""))
    if not m or m[1].lower() not in MONTHS:
        return None
    return dt.date(int(m[3]), MONTHS.index(m[1].lower()) + 1, int(m[2]))


def hunghvu_meta(text: str, path: str) -> dict[str, object] | None:
    """Front matter; the post's title is ``readerTitle`` (the schema has no ``title``; one
    post also sets a ``title`` of the same text) and its date ``publishedDate``, by which
    the site sorts its post list and the series box."""
    fm = unseen.front_matter(text)
    if fm is not None:
        if fm.get("readerTitle"):
            fm["title"] = fm["readerTitle"]
        d = month_name_date(fm.get("publishedDate"))
        if d is not None:
            fm["date"] = d
    return fm


def astro_slug(base: str, collection: str) -> Callable[[Post], str]:
    """``src/pages/[...slug].astro``: ``/`` + the entry's slug (its file name without the
    extension; every name is already lower-case letters, digits and hyphens) + ``/``: Astro's
    default ``directory`` build writes ``<slug>/index.html``, and the post list links there
    (``href={`/${post.slug}/`}``; the series box and the RSS feed drop the slash)."""

    def f(p: Post) -> str:
        rel = re.sub(r"\.(md|mdx)$", "", p.path[len(collection) :])
        return base.rstrip("/") + unseen.enc("/" + rel + "/")

    return f


# ---------------------------------------------------------------------------- the blogs

BLOGS: list[Blog] = [
    Blog(
        id="hunghvu",
        repo="hunghvu/hungvu.tech",
        commit="9257858fbba4c02584d7c7a35e386ec32426e35e",
        site="https://hungvu.tech/",
        generator="Astro (content collections, site series box)",
        language="en",
        licence="no licence stated (no LICENSE in the repository)",
        all_paths=True,
        # `src/content/blog/<slug>.mdx`, the one collection; the pages under `src/pages`
        # (about, 404, 500, the paginated index) are not posts
        include=r"^src/content/blog/[^/]+\.mdx?$",
        meta=hunghvu_meta,
        recurring={
            # homelab notes (GPUs on Linux, Harvester, OpenWrt, TrueNAS, SSD enclosures,
            # passthrough, a router teardown, NIC firmware), 2022-2026, no sequence
            "Homelab",
            # news items (Firefox fixes, WhatsApp Cloud API, Next.js 12.2, AMD RDNA 3), 2022
            "News",
        },
        # parts: date ranks (the series box numbers the members by `publishedDate`, oldest
        # first); `Google technologies` gets null from the marker check (its rank 2 is titled
        # "(Part 1)"), see SOURCES.md
        # astro.config.ts site https://hungvu.tech; src/pages/[...slug].astro routes each
        # entry at /<slug>/; no post sets `slug`
        url=astro_slug("https://hungvu.tech", "src/content/blog/"),
        url_source="reconstructed: Astro src/pages/[...slug].astro, /<entry slug>/ (the "
        "file name; default directory build) under astro.config.ts site https://hungvu.tech "
        "(the post list links these paths; the series box and RSS drop the trailing slash)",
    ),
]
