"""Is this a feed? And if it is a web page, which feeds does it announce?

Pure functions over bytes: no network, no database. ``discover_feeds`` reads the
``<link rel="alternate" type="application/rss+xml" href="…">`` elements of an HTML page
with the standard library's ``html.parser``.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

from readinglist.model.records import DiscoveredFeed

SNIFF_BYTES = 8192

FEED_MIME_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/feed+json",
        "application/x-rss+xml",
        "application/x-atom+xml",
        "text/rss+xml",
        "text/atom+xml",
    }
)

# media types a <link rel="alternate"> may carry for a feed (not plain application/json:
# WordPress announces its REST API that way)
_LINK_TYPES = FEED_MIME_TYPES | {"application/json+feed"}

_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_FIRST_ELEMENT = re.compile(r"<([A-Za-z_][\w:.-]*)")
_FEED_ROOTS = frozenset({"rss", "feed", "rdf"})


def _mime(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _sniff_text(content: bytes) -> str:
    head = content[:SNIFF_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="replace")
    if head.startswith(b"<\x00"):
        return head.decode("utf-16-le", errors="replace")
    if head.startswith(b"\x00<"):
        return head.decode("utf-16-be", errors="replace")
    return head.decode("latin-1").removeprefix("\u00ef\u00bb\u00bf")  # UTF-8 BOM


def _root_element(text: str) -> str | None:
    """Local name (lowercase) of the first element, skipping <?…?>, <!…> and comments."""
    match = _FIRST_ELEMENT.search(_COMMENT.sub("", text))
    if match is None:
        return None
    return match.group(1).rsplit(":", 1)[-1].lower()


def looks_like_feed(content: bytes, content_type: str | None) -> bool:
    """True when ``content`` is (probably) RSS, Atom, RDF or JSON Feed.

    The document's first element decides (``rss``, ``feed``, ``RDF``, with or without a
    namespace prefix); an ``html`` root means a web page whatever the server said.
    Without a recognisable root a feed media type decides.
    """
    text = _sniff_text(content)
    root = _root_element(text)
    if root in _FEED_ROOTS:
        return True
    if root == "html":
        return False
    stripped = text.lstrip()
    if stripped.startswith("{") and "jsonfeed.org/version" in stripped:
        return True
    if root is not None:
        return False  # some other XML vocabulary (OPML, SVG, …)
    return bool(stripped) and _mime(content_type) in FEED_MIME_TYPES


def _http_url(href: str, base: str) -> str | None:
    """``href`` resolved against ``base``; None unless the result is http(s)."""
    href = href.strip()
    if not href:
        return None
    lowered = href.lower()
    if lowered.startswith("feed:"):  # feed://host/x, feed:https://host/x
        rest = href[5:]
        href = rest if rest.lower().startswith(("http:", "https:")) else "http:" + rest
    try:
        resolved = urljoin(base, href)
        parts = urlsplit(resolved)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return urldefrag(resolved).url


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base_href: str | None = None
        self.links: list[tuple[str, str | None, str]] = []  # (href, title, mime)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("link", "base"):
            return
        values = {name.lower(): (value or "") for name, value in attrs}
        if tag == "base":
            if self.base_href is None and values.get("href", "").strip():
                self.base_href = values["href"]
            return
        rels = values.get("rel", "").lower().split()
        mime = _mime(values.get("type"))
        if "alternate" not in rels or mime not in _LINK_TYPES:
            return
        href = values.get("href", "")
        title = values.get("title", "").strip() or None
        self.links.append((href, title, mime))

    handle_startendtag = handle_starttag


def _decode_html(html: bytes) -> str:
    try:
        return html.decode("utf-8")
    except UnicodeDecodeError:
        return html.decode("cp1252", errors="replace")


def discover_feeds(html: bytes, base_url: str) -> list[DiscoveredFeed]:
    """Feeds a web page announces with ``<link rel="alternate" type="…">``.

    Hrefs are resolved against the page's ``<base href>`` (the first one, itself resolved
    against ``base_url``) or ``base_url``. Only http/https results are kept; duplicates
    (same URL, fragment ignored) keep their first occurrence; document order is kept.
    An empty list means none was found.
    """
    collector = _LinkCollector()
    try:
        collector.feed(_decode_html(html))
        collector.close()
    except (AssertionError, ValueError):  # html.parser on badly broken markup
        pass
    base = base_url
    if collector.base_href is not None:
        resolved_base = _http_url(collector.base_href, base_url)
        if resolved_base is not None:
            base = resolved_base
    found: list[DiscoveredFeed] = []
    seen: set[str] = set()
    for href, title, mime in collector.links:
        url = _http_url(href, base)
        if url is None or url in seen:
            continue
        seen.add(url)
        found.append(DiscoveredFeed(url=url, title=title, mime_type=mime))
    return found
