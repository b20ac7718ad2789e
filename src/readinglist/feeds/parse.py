"""Feed bytes -> ``ParsedFeed`` (pure: no network, no files, no database).

feedparser does the RSS/Atom/RDF work, but only ever on a ``BytesIO`` of the bytes we
fetched: given ``bytes`` or ``str`` it first tries ``open(value)``, so a body reading
``/etc/passwd`` would be read from the local disk. Its own sanitizer and relative-URI
resolver are switched off (``sanitize_html=False``, ``resolve_relative_uris=False``):
nh3 does both (``feeds.sanitize``) faster and more strictly. Its XML parser is the
stock expat reader with expat's text buffering on (``feeds.sax_driver``, installed
below through feedparser's ``PREFERRED_XML_PARSERS``): the same result in a third
less time on feeds of escaped HTML.

XML safety: feedparser removes the document's DOCTYPE and every ``<!ENTITY>``
declaration except plain-text ones before parsing, and turns off external entities in
expat; expat itself (2.4+) refuses billion-laughs amplification. External entities
(``SYSTEM "file:///..."``) are never read. ``tests/test_parse.py`` proves both.

Encoding: we choose the charset ourselves and hand it to feedparser as the HTTP
charset (which takes precedence over the XML declaration). Bytes that are valid
UTF-8 and not pure ASCII are read as UTF-8 whatever the feed declares (a real
Latin-1 text is practically never valid UTF-8); otherwise the declared charset is
used, with ``windows-1252`` standing in for Latin-1 and as the fallback for a false
"utf-8" declaration.

Broken documents: feedparser re-reads an ill-formed document with its forgiving
parser, so entries come back either way. ``feeds.malformed`` decides whether the
fault can have cost entries (a cut-off document, a mismatched tag): then
``ParsedFeed.fault`` carries the feed's error text and the entries read before the
fault are kept (the one the cut fell in is dropped). Untidy but complete documents
(an HTML entity, a bare ``&``, an undeclared prefix) only get a ``warning``.

Entry identity: ``id`` (RSS ``guid``/Atom ``id``), else the link, else
``sha1:`` + SHA-1 of title, summary and content. Entries with none of id, link,
title, summary or content carry nothing to show and are dropped. When one document
repeats an id the first entry wins.
"""

from __future__ import annotations

import codecs
import hashlib
import html
import io
import re
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
import feedparser.api

from readinglist.feeds import sax_driver
from readinglist.feeds.malformed import Fault, find_fault, last_entry_is_cut
from readinglist.feeds.sanitize import sanitize_html, text_value, word_count
from readinglist.feeds.site.declared import declared_in_content
from readinglist.model.errors import ParseError
from readinglist.model.records import DeclaredSeries, ParsedEntry, ParsedFeed

__all__ = ["parse_feed"]

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_HTML_START = re.compile(
    rb"^(?:\s|<\?xml[^>]*>|<!--.*?-->)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])",
    re.IGNORECASE | re.DOTALL,
)
# bozo exceptions that say nothing is wrong with the XML itself
_BENIGN_BOZO = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
_BLANK = b" \t\r\n\x00\xef\xbb\xbf\xfe\xff"

# feedparser asks xml.sax.make_parser for the first driver in this list that imports
# (the stock one is a libxml2 binding that is never installed, then expat).
if sax_driver.__name__ not in feedparser.api.PREFERRED_XML_PARSERS:
    feedparser.api.PREFERRED_XML_PARSERS.insert(0, sax_driver.__name__)


def parse_feed(content: bytes, *, url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse a fetched RSS, Atom or RDF document.

    ``url`` is the feed's address (the base for relative links); ``content_type`` is
    the HTTP Content-Type header, used for its charset and to recognise HTML pages.
    Raises ``ParseError`` when the bytes are empty, an HTML page, or not a feed.
    """
    if not content or not (content[:4096].strip(_BLANK) or content.strip(_BLANK)):
        raise ParseError("the document is empty")

    content = _defuse_doctype(content)
    charset, encoding_warning = _choose_charset(content, content_type)
    # No Content-Location: feedparser would resolve ids against it (so a moved feed
    # would change every guid, and it blanks ids like "tag:..."). Links are resolved
    # against ``url`` below instead.
    headers = {"content-type": "application/xml" + (f"; charset={charset}" if charset else "")}
    result = feedparser.parse(
        io.BytesIO(content),
        response_headers=headers,
        sanitize_html=False,
        resolve_relative_uris=False,
    )

    raw_entries: list[dict[str, Any]] = result.get("entries") or []
    bozo_exc = result.get("bozo_exception") if result.get("bozo") else None
    fault = None
    if bozo_exc is not None and not isinstance(bozo_exc, _BENIGN_BOZO):
        # UTF-16/32 and EBCDIC (charset None) cannot be searched for markup as bytes
        ascii_compatible = charset is not None and not charset.startswith(("utf-16", "utf-32"))
        fault = find_fault(content, bozo_exc, ascii_compatible=ascii_compatible)
        cut = fault is not None and fault.cut and ascii_compatible
        if cut and raw_entries and last_entry_is_cut(content):
            raw_entries = raw_entries[:-1]  # half an entry: a cut title, no body

    entries: list[ParsedEntry] = []
    seen: set[str] = set()
    for raw in raw_entries:
        entry = _entry(raw, url)
        if entry is None or entry.guid in seen:
            continue
        seen.add(entry.guid)
        entries.append(entry)
    if not entries:
        _raise_if_not_feed(content, content_type, result, bozo_exc, fault)

    warning = encoding_warning
    if bozo_exc is not None and not isinstance(bozo_exc, _BENIGN_BOZO) and fault is None:
        warning = f"the feed is not well-formed XML but was read anyway: {_describe(bozo_exc)}"

    feed_info: dict[str, Any] = result.get("feed") or {}

    return ParsedFeed(
        title=_text_field(
            *_value_and_type(dict.get(feed_info, "title"), dict.get(feed_info, "title_detail"))
        ),
        site_url=_http_url(dict.get(feed_info, "link"), url),
        entries=tuple(entries),
        warning=warning,
        fault=fault.describe(len(entries)) if fault is not None else None,
    )


# --- document level ----------------------------------------------------------


def _raise_if_not_feed(
    content: bytes,
    content_type: str | None,
    result: Mapping[str, Any],
    bozo_exc: object,
    fault: Fault | None,
) -> None:
    """Called when no entries are left: tell an empty feed from a broken or non-feed.

    A feed that is untidy but complete (an undefined entity in its title) and has no
    entries right now is an empty feed, not an error.
    """
    version = result.get("version") or ""
    mime = (content_type or "").split(";", 1)[0].strip().lower()
    if not version and (
        _HTML_START.match(content[:2048]) or mime in ("text/html", "application/xhtml+xml")
    ):
        raise ParseError("the server sent an HTML page, not a feed")
    if fault is not None:
        raise ParseError(fault.describe(0))
    if not version and bozo_exc is not None and not isinstance(bozo_exc, _BENIGN_BOZO):
        raise ParseError(f"not a feed: {_describe(bozo_exc)}")
    if not version:
        raise ParseError("not a feed: no RSS, Atom or RDF elements found")
    # A well-formed feed that simply has no entries right now.


_FIRST_ELEMENT = re.compile(rb"<[A-Za-z]")
# Inside a DOCTYPE: quoted strings, other runs, and the structural characters.
_DTD_TOKEN = re.compile(rb"\"[^\"]*\"|'[^']*'|[^\"'\[\]>]+|[\[\]>]|[\"']")
_ENTITY_DECL = re.compile(rb"""<!ENTITY\s+([A-Za-z_][\w.-]*)\s+("[^"]*"|'[^']*')\s*>""")
_UNSAFE_ENTITY_VALUE = re.compile(rb"%|&(?!#[0-9]+;|#x[0-9A-Fa-f]+;)")


def _defuse_doctype(content: bytes) -> bytes:
    """Rewrite the DOCTYPE so that only plain-text internal entities remain.

    feedparser's own clean-up only sees declarations at the start of a line, so a
    one-line DOCTYPE reaches expat intact: expat stops a billion-laughs expansion,
    but only after ~1 s of work. Here the internal subset keeps just
    ``<!ENTITY name "text">`` declarations (character references allowed); entities
    that refer to other entities, external (SYSTEM/PUBLIC) and parameter entities,
    and every other markup declaration are dropped.
    """
    first = _FIRST_ELEMENT.search(content)
    limit = first.start() if first else len(content)
    start = content.find(b"<!DOCTYPE", 0, limit)
    if start < 0:
        return content
    depth = 0
    subset_start = subset_end = -1
    end = -1
    for token in _DTD_TOKEN.finditer(content, start + 9):
        text = token.group()
        if text == b"[":
            depth += 1
            if depth == 1 and subset_start < 0:
                subset_start = token.end()
        elif text == b"]":
            depth -= 1
            if depth == 0 and subset_end < 0:
                subset_end = token.start()
        elif text == b">" and depth <= 0:
            end = token.end()
            break
    if end < 0:  # an unterminated DOCTYPE: nothing after it can be a feed
        return content[:start]
    if subset_start < 0:
        return content  # no internal subset: no entity declarations
    subset = content[subset_start : subset_end if subset_end >= 0 else end - 1]
    if b"<!ENTITY" not in subset and b"%" not in subset:
        return content
    safe = [
        m.group()
        for m in _ENTITY_DECL.finditer(subset)
        if not _UNSAFE_ENTITY_VALUE.search(m.group(2))
    ]
    doctype = content[start : subset_start - 1].rstrip()
    if safe:
        doctype += b" [\n" + b"\n".join(safe) + b"\n]"
    return content[:start] + doctype + b">" + content[end:]


def _describe(exc: object) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


def _choose_charset(content: bytes, content_type: str | None) -> tuple[str | None, str | None]:
    """The charset to decode with, and a warning when the declared one was wrong.

    None leaves the choice to feedparser: UTF-16/32 (BOM or NUL bytes) and EBCDIC
    documents, which feedparser recognises from their first bytes.
    """
    if content.startswith(codecs.BOM_UTF8):
        return "utf-8", None
    head = content[:4]
    if b"\x00" in head or head.startswith((codecs.BOM_UTF16_BE, codecs.BOM_UTF16_LE)):
        return None, None
    if content[:1024].lstrip()[:1] != b"<":
        return None, None  # EBCDIC or not XML at all
    declared_as: str | None = None  # as the feed or server spelled it
    header = _CHARSET_PARAM.search(content_type) if content_type else None
    if header:
        declared_as = header.group(1).lower()
    else:
        xml_decl = _XML_ENCODING.match(content[:512].lstrip())
        if xml_decl:
            declared_as = xml_decl.group(1).decode("ascii").lower()
    declared = None
    if declared_as is not None:
        try:
            info = codecs.lookup(declared_as)
        except LookupError:
            declared_as = None
        else:
            if getattr(info, "_is_text_encoding", True):  # not "zlib", "rot13" ...
                declared = info.name  # canonical, e.g. "iso8859-1"
            else:
                declared_as = None
    if declared in ("utf-16", "utf-16-be", "utf-16-le", "utf-32", "utf-32-be", "utf-32-le"):
        return declared, None
    if content.isascii():
        return declared or "utf-8", None
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if declared in (None, "utf-8", "utf-8-sig"):
            return "utf-8", None
        return "utf-8", f"the feed declared {declared_as} but is UTF-8; read as UTF-8"
    # Not UTF-8: trust the declaration unless it is (wrongly) UTF-8 or undecodable.
    if declared is not None and declared != "utf-8":
        if declared in ("iso8859-1", "ascii"):
            declared = "cp1252"  # what "latin-1" means on the web (curly quotes, €)
        if declared == "gb2312":
            declared = "gb18030"
        try:
            content.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            return declared, None
    fallback = "cp1252"
    try:
        content.decode(fallback)
    except UnicodeDecodeError:
        fallback = "iso-8859-1"
    shown = "windows-1252" if fallback == "cp1252" else fallback
    return shown, f"the feed is not valid {declared_as or 'utf-8'}; read as {shown}"


# --- entry level -------------------------------------------------------------


def _entry(raw: dict[str, Any], feed_url: str) -> ParsedEntry | None:
    # dict.get, not FeedParserDict.get: no key aliasing, no deprecation warnings, faster
    def get(key: str) -> Any:
        return dict.get(raw, key)

    link = _http_url(get("link"), feed_url)
    title_raw, title_type = _value_and_type(get("title"), get("title_detail"))
    summary_raw, summary_type = _value_and_type(get("summary"), get("summary_detail"))
    content_raw, content_type = _content(get("content"))
    raw_id = _text(get("id")).strip()
    if not (raw_id or link or title_raw or summary_raw or content_raw):
        return None
    guid = raw_id or link or _content_hash(title_raw, summary_raw, content_raw)

    base = link or feed_url
    summary_html = _to_html(summary_raw, summary_type, base)
    if content_raw == summary_raw and content_type == summary_type:
        content_html = summary_html
    else:
        content_html = _to_html(content_raw, content_type, base)

    author = _text_field(_text(get("author")), "")
    return ParsedEntry(
        guid=guid,
        title=_text_field(title_raw, title_type),
        link=link,
        author=author or None,
        summary_html=summary_html,
        content_html=content_html,
        published=_datetime(get("published_parsed"), get("published")),
        updated=_datetime(get("updated_parsed"), get("updated")),
        categories=_categories(get("tags")),
        word_count=word_count(content_html or summary_html, sanitized=True),
        declared=_declared(link, (content_raw, content_type), (summary_raw, summary_type)),
    )


_FIVE_DIGITS = re.compile(r"(?<![0-9])[0-9]{5,}(?![0-9.])")


def _text_field(value: str, kind: str) -> str:
    """A title, author or category as text (see ``sanitize.text_value``)."""
    return text_value(value, html=kind.lower() in _HTML_TYPES)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _value_and_type(value: object, detail: object) -> tuple[str, str]:
    kind = "text/html"
    if isinstance(detail, Mapping):
        kind = _text(detail.get("type")) or kind
    return _text(value), kind


def _content(contents: object) -> tuple[str, str]:
    """The entry's main content: the first HTML-typed ``content`` block, else the first."""
    if not isinstance(contents, list) or not contents:
        return "", "text/html"
    chosen = contents[0]
    if len(contents) > 1:
        for block in contents:
            if isinstance(block, Mapping) and _text(block.get("type")).lower() in _HTML_TYPES:
                chosen = block
                break
    if not isinstance(chosen, Mapping):
        return "", "text/html"
    return _text(chosen.get("value")), _text(chosen.get("type")) or "text/html"


def _to_html(value: str, kind: str, base: str) -> str:
    if not value:
        return ""
    if kind.lower() == "text/plain":
        return "<p>" + html.escape(value, quote=False).replace("\n\n", "</p><p>") + "</p>"
    return sanitize_html(value, base)


def _declared(link: str | None, *bodies: tuple[str, str]) -> DeclaredSeries | None:
    """The series box the entry's content (else its summary) carries, read from the raw
    HTML: sanitising drops the classes that mark it."""
    for value, kind in bodies:
        if value and kind.lower() != "text/plain":
            declared = declared_in_content(value, link)
            if declared is not None:
                return declared
    return None


def _content_hash(title: str, summary: str, content: str) -> str:
    data = "\x00".join((title, summary, content)).encode("utf-8", "surrogatepass")
    return "sha1:" + hashlib.sha1(data, usedforsecurity=False).hexdigest()


def _is_http(url: str) -> bool:
    return url[:7].lower() == "http://" or url[:8].lower() == "https://"


def _http_url(value: object, base: str) -> str | None:
    """``value`` as an absolute http(s) URL, or None (javascript:, file:, garbage ...)."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value:
        return None
    if not _is_http(value):
        try:
            value = urljoin(base, value) if _is_http(base) else value
        except ValueError:
            return None
        if not _is_http(value):
            return None
    try:
        if not urlsplit(value).netloc:
            return None
    except ValueError:
        return None
    scheme, rest = value.split(":", 1)
    return scheme.lower() + ":" + rest  # "HTTP://x" -> "http://x"


def _datetime(value: object, raw: object) -> datetime | None:
    """feedparser's UTC ``struct_time`` as an aware datetime; None when unusable.

    A raw date with a five-digit number ("10000-01-01", "01 Jan 10000") is refused:
    feedparser reads some of them as another, plausible date.
    """
    if not isinstance(value, time.struct_time | tuple) or len(value) < 6:
        return None
    if isinstance(raw, str) and _FIVE_DIGITS.search(raw):
        return None
    try:
        year, month, day, hour, minute, second = (int(v) for v in value[:6])
        # a leap second (60, 61 in old struct_times) becomes :59
        return datetime(year, month, day, hour, minute, min(second, 59), tzinfo=UTC)
    except (TypeError, ValueError, OverflowError):
        return None


def _categories(tags: object) -> tuple[str, ...]:
    if not isinstance(tags, list) or not tags:
        return ()
    out: list[str] = []
    seen: set[str] = set()
    for tag in tags:
        if not isinstance(tag, Mapping):
            continue
        name = _text_field(_text(tag.get("term")) or _text(tag.get("label")), "")
        key = name.casefold()
        if name and key not in seen:
            seen.add(key)
            out.append(name)
    return tuple(out)
