"""Sitemaps and robots.txt -> the site's own list of pages (pure: bytes in, dataclasses out).

Why a streaming reader: a sitemap may hold 50,000 URLs per file by the protocol and
hostile or careless sites send far more. The document is fed to expat in slices and
reading stops as soon as ``max_urls`` locations were seen, so a 100k-URL sitemap costs
the time of the first few thousand. Gzip sitemaps (``sitemap.xml.gz``) are inflated in
capped steps, so a compression bomb never grows past ``max_bytes`` in memory.

XML safety: any DOCTYPE or entity declaration aborts the parse (a sitemap never needs
one), so no entity is ever expanded and nothing external is ever read. Only http/https
locations are returned; the caller decides which host it may ask.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.robotparser import RobotFileParser
from xml.parsers import expat

from readinglist.model.errors import ParseError

__all__ = ["RobotsRules", "Sitemap", "parse_robots", "parse_sitemap"]

DEFAULT_MAX_URLS = 5000
DEFAULT_MAX_BYTES = 16 * 1024 * 1024
_SLICE = 64 * 1024


@dataclass(frozen=True, slots=True)
class Sitemap:
    """One sitemap document: page URLs (``<urlset>``) or child sitemaps (``<sitemapindex>``)."""

    urls: tuple[str, ...]
    lastmods: tuple[str | None, ...]  # same length as ``urls``
    sitemaps: tuple[str, ...]  # children of a sitemap index
    truncated: bool  # reading stopped at the cap: more URLs were there


class _Stop(Exception):
    """Raised inside expat handlers to end the parse early (cap reached)."""


class _Refused(Exception):
    """A DOCTYPE or entity declaration: refused rather than interpreted."""


def http_url(href: str, base: str | None = None) -> str | None:
    """``href`` as an absolute http(s) URL without fragment, or None (``file:``, junk)."""
    text = (href or "").strip()
    if not text:
        return None
    try:
        resolved = urljoin(base, text) if base else text
        parts = urlsplit(resolved)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return urldefrag(resolved).url


def _chunks(content: bytes, max_bytes: int) -> Iterator[bytes]:
    """The document in slices, inflating gzip with a hard output cap."""
    if not content.startswith(b"\x1f\x8b"):
        for start in range(0, len(content), _SLICE):
            yield content[start : start + _SLICE]
        return
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    total = 0
    data = content
    try:
        while data and not inflater.eof:
            out = inflater.decompress(data, _SLICE)
            total += len(out)
            if total > max_bytes:
                raise ParseError("the sitemap is larger than the size limit once unpacked")
            if out:
                yield out
            data = inflater.unconsumed_tail
    except zlib.error as exc:
        raise ParseError(f"the sitemap's gzip compression is damaged ({exc})") from None


class _Collector:
    """expat callbacks: collect ``<loc>`` texts under ``<url>`` or ``<sitemap>``."""

    def __init__(self, base: str, max_urls: int) -> None:
        self.base = base
        self.max_urls = max_urls
        self.root: str | None = None
        self.urls: list[str] = []
        self.lastmods: list[str | None] = []
        self.sitemaps: list[str] = []
        self.truncated = False
        self._stack: list[str] = []
        self._text: list[str] = []
        self._loc: str | None = None
        self._lastmod: str | None = None

    def start(self, name: str, _attrs: dict[str, str]) -> None:
        local = name.rsplit("}", 1)[-1].rsplit(" ", 1)[-1].lower()
        if self.root is None:
            self.root = local
        self._stack.append(local)
        self._text = []
        if local in ("url", "sitemap"):
            self._loc = self._lastmod = None

    def end(self, _name: str) -> None:
        local = self._stack.pop() if self._stack else ""
        text = "".join(self._text).strip()
        self._text = []
        if local == "loc":
            self._loc = text
        elif local == "lastmod":
            self._lastmod = text or None
        elif local in ("url", "sitemap") and self._loc:
            url = http_url(self._loc, self.base)
            if url is None:
                return
            if local == "sitemap" and self.root == "sitemapindex":
                self.sitemaps.append(url)
            elif local == "url":
                self.urls.append(url)
                self.lastmods.append(self._lastmod)
            if len(self.urls) + len(self.sitemaps) >= self.max_urls:
                self.truncated = True
                raise _Stop

    def data(self, text: str) -> None:
        self._text.append(text)


def _refuse(*_args: object) -> None:
    raise _Refused


def parse_sitemap(
    content: bytes,
    *,
    url: str,
    max_urls: int = DEFAULT_MAX_URLS,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Sitemap:
    """Read a sitemap or sitemap index, stopping after ``max_urls`` locations.

    Raises ``ParseError`` for a document that is not a sitemap, is broken before any
    location was read, or declares a DOCTYPE/entities.
    """
    collector = _Collector(url, max(1, max_urls))
    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartElementHandler = collector.start
    parser.EndElementHandler = collector.end
    parser.CharacterDataHandler = collector.data
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        for chunk in _chunks(content, max_bytes):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _Stop:
        pass
    except _Refused:
        raise ParseError("the sitemap declares a DOCTYPE or entities; refused") from None
    except expat.ExpatError as exc:
        if not (collector.urls or collector.sitemaps):
            raise ParseError(f"the sitemap is not valid XML ({exc})") from None
    if collector.root not in ("urlset", "sitemapindex"):
        raise ParseError("the document is not a sitemap")
    return Sitemap(
        tuple(collector.urls),
        tuple(collector.lastmods),
        tuple(collector.sitemaps),
        collector.truncated,
    )


@dataclass(frozen=True, slots=True)
class RobotsRules:
    """What robots.txt says to us: where the sitemaps are and which paths are off limits."""

    text: str
    sitemaps: tuple[str, ...]

    def allows(self, url: str, user_agent: str) -> bool:
        """False when robots.txt disallows ``url`` for ``user_agent`` (or for ``*``)."""
        parser = RobotFileParser()
        parser.parse(self.text.splitlines())
        return parser.can_fetch(user_agent, url)


def parse_robots(content: bytes, *, url: str, max_chars: int = 64 * 1024) -> RobotsRules:
    """robots.txt -> its rules and its ``Sitemap:`` lines (http/https, resolved)."""
    text = content[:max_chars].decode("utf-8", errors="replace")
    sitemaps: list[str] = []
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "sitemap":
            found = http_url(value.split("#", 1)[0], url)
            if found and found not in sitemaps:
                sitemaps.append(found)
    return RobotsRules(text, tuple(sitemaps))
