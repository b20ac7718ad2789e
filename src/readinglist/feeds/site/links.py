"""What an article page says about its neighbours (pure: bytes in, dataclasses out).

Feeds carry a window of posts; the page itself usually knows more: ``og:title`` and
``<title>`` name it, ``rel="prev"``/``rel="next"`` and "Part 3"/"Next part" links lead
to its siblings, ``<link rel="alternate">`` announces a section or series feed. This
module reads those with the standard library's ``html.parser`` (no scripts run, no
resource is loaded) and keeps only http/https links; ``file:``, ``javascript:`` and
other schemes are dropped here, before any caller could think of fetching them.

It also guesses where a series' own feed lives from an article URL (Hugo section
feeds, WordPress category/tag/series feeds) and tells whether two URLs share a host.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from readinglist.feeds.discover import FEED_MIME_TYPES
from readinglist.feeds.site.page_date import DateClues, is_published_time, page_date
from readinglist.feeds.site.sitemap import http_url

__all__ = [
    "PageInfo",
    "parse_page",
    "section_feed_candidates",
    "site_of",
]

MAX_LINKS = 200  # part links kept per page: a page of 10,000 links is not a series index
MAX_PAGE_CHARS = 2 * 1024 * 1024
_MAX_JSON_LD = 256 * 1024  # one ld+json block read for its date: a page's JSON is input

_PART_TEXT = re.compile(
    r"^\s*(?:(?:next|previous|prev)\s+(?:part|chapter|episode)"
    r"|(?:part|chapter|episode|ep\.?|lesson)\s*(?:\d{1,3}|[ivxlc]{1,6})\b)",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class PageInfo:
    """The facts about one HTML page that finding a series' missing parts needs."""

    title: str  # og:title, else <title>, else the first <h1>; "" when none
    canonical: str | None
    prev: tuple[str, ...]  # rel="prev"/"previous" targets (link and a elements)
    next: tuple[str, ...]
    part_links: tuple[tuple[str, str], ...]  # (url, link text) of "Part N"/"Next part" links
    feeds: tuple[str, ...]  # <link rel="alternate" type="application/rss+xml"> targets
    description: str
    published: str | None  # ISO date the page declares (``feeds.site.page_date``)
    word_count: int


def site_of(url: str) -> tuple[str, int] | None:
    """(host, port) with the scheme's default port filled in; None for non-http(s)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return None
    return parts.hostname.lower(), port or (443 if scheme == "https" else 80)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base: str | None = None
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.links: list[tuple[str, str]] = []  # (rel, href) of <link>
        self.anchors: list[tuple[str, str, str]] = []  # (rel, href, text)
        self.feeds: list[str] = []
        self.dates = DateClues(meta=self.meta)
        self.words = 0
        self._in: list[str] = []
        self._anchor: tuple[str, str] | None = None
        self._anchor_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): (value or "") for name, value in attrs}
        rel = values.get("rel", "").lower()
        if tag == "base" and self.base is None:
            self.base = values.get("href") or None
        elif tag == "meta":
            key = (values.get("property") or values.get("name") or "").lower()
            if key and key not in self.meta:
                self.meta[key] = values.get("content", "")
            if values.get("itemprop", "").lower() == "datepublished":
                self.dates.itemprop_dates.append(values.get("content", ""))
        elif tag == "time" and values.get("datetime") and is_published_time(values):
            self.dates.marked_times.append(values["datetime"])
        elif tag == "link":
            mime = values.get("type", "").split(";", 1)[0].strip().lower()
            if "alternate" in rel.split() and mime in FEED_MIME_TYPES:
                self.feeds.append(values.get("href", ""))
            else:
                self.links.append((rel, values.get("href", "")))
        elif tag == "a":
            self._anchor = (rel, values.get("href", ""))
            self._anchor_text = []
        if tag == "script" and values.get("type", "").lower() == "application/ld+json":
            self._in.append("ld+json")
            self.dates.json_ld.append("")
        elif tag in ("title", "h1", "script", "style"):
            self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._anchor is not None:
            rel, href = self._anchor
            text = " ".join("".join(self._anchor_text).split())
            self.anchors.append((rel, href, text))
            self._anchor = None
        if self._in and (self._in[-1] == tag or (tag == "script" and self._in[-1] == "ld+json")):
            self._in.pop()

    def handle_data(self, data: str) -> None:
        inside = self._in[-1] if self._in else None
        if inside == "title":
            self.title_parts.append(data)
        elif inside == "h1":
            self.h1_parts.append(data)
        elif inside == "ld+json":
            room = _MAX_JSON_LD - len(self.dates.json_ld[-1])
            self.dates.json_ld[-1] += data[: max(room, 0)]
        if inside in ("script", "style", "ld+json"):
            return
        if self._anchor is not None:
            self._anchor_text.append(data)
        self.words += len(_WORD.findall(data))


def _decode(content: bytes) -> str:
    head = content[:MAX_PAGE_CHARS]
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError:
        return head.decode("cp1252", errors="replace")


def _clean(text: str) -> str:
    return " ".join(text.split())


def _unique(urls: list[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(u for u in urls if u))


def parse_page(content: bytes, base_url: str) -> PageInfo:
    """Read one HTML page. Never raises for bad markup: what was read so far is kept."""
    parser = _PageParser()
    try:
        parser.feed(_decode(content))
        parser.close()
    except (AssertionError, ValueError):
        pass
    base = http_url(parser.base, base_url) if parser.base else None
    base = base or base_url
    title = _clean(parser.meta.get("og:title", "")) or _clean("".join(parser.title_parts))
    title = title or _clean("".join(parser.h1_parts))
    prev: list[str | None] = []
    nxt: list[str | None] = []
    canonical: str | None = None
    for rel, href in parser.links:
        rels = rel.split()
        if "canonical" in rels and canonical is None:
            canonical = http_url(href, base)
        if "prev" in rels or "previous" in rels:
            prev.append(http_url(href, base))
        if "next" in rels:
            nxt.append(http_url(href, base))
    part_links: list[tuple[str, str]] = []
    for rel, href, text in parser.anchors:
        url = http_url(href, base)
        if url is None:
            continue
        rels = rel.split()
        if "prev" in rels or "previous" in rels:
            prev.append(url)
        elif "next" in rels:
            nxt.append(url)
        elif _PART_TEXT.match(text) and len(part_links) < MAX_LINKS:
            part_links.append((url, text[:200]))
    return PageInfo(
        title=title[:500],
        canonical=canonical,
        prev=_unique(prev),
        next=_unique(nxt),
        part_links=tuple(dict.fromkeys(part_links)),
        feeds=_unique([http_url(h, base) for h in parser.feeds]),
        description=_clean(parser.meta.get("og:description") or parser.meta.get("description", ""))[
            :2000
        ],
        published=page_date(parser.dates, base_url),
        word_count=parser.words,
    )


def _slugify(text: str) -> str:
    return "-".join(_WORD.findall(text.lower()))


def section_feed_candidates(article_url: str, series_name: str | None = None) -> list[str]:
    """Where a series' own feed may live, most likely first (same host as the article).

    ``/en/linear-algebra/13-x/`` gives the Hugo section feed
    ``/en/linear-algebra/index.xml`` and the WordPress-style ``…/feed/``; a series name
    adds ``/series/<slug>/feed/``, ``/category/<slug>/feed/`` and ``/tag/<slug>/feed/``.
    Nothing here is fetched: the caller spends its request budget on them in order.
    """
    try:
        parts = urlsplit(article_url)
    except ValueError:
        return []
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return []
    root = f"{parts.scheme}://{parts.netloc}"
    segments = [s for s in parts.path.split("/") if s]
    found: list[str] = []
    dirs = segments[:-1]
    # the deepest directory that is not a date or a generic word names the section
    while dirs and (dirs[-1].isdigit() or dirs[-1].lower() in ("posts", "post", "blog", "p")):
        dirs = dirs[:-1]
    if dirs:
        section = root + "/" + "/".join(dirs) + "/"
        found += [section + "index.xml", section + "feed/"]
    slugs = [_slugify(series_name)] if series_name else []
    if dirs:
        slugs.append(dirs[-1].lower())
    for slug in dict.fromkeys(s for s in slugs if s):
        for kind in ("series", "category", "tag"):
            found.append(f"{root}/{kind}/{slug}/feed/")
    return list(dict.fromkeys(found))
