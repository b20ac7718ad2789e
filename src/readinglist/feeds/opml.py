"""OPML subscription lists: read (``parse_opml``) and write (``write_opml``). Pure.

Reading uses expat directly with every entity declaration refused: a document that
declares an entity (billion laughs, ``SYSTEM "file:///..."``) fails at once with
``OPMLError``; parameter entities and external DTDs are never loaded.

Only http and https feeds are imported (``feed://host/x`` and ``feed:https://...`` are
rewritten to http/https first). Every outline that is skipped produces one line in
``OPMLImport.problems``; the rest of the import carries on. The lines read::

    refused "file:///etc/passwd" (Local): only http and https feeds can be imported
    invalid address "http://" (Broken): no host name
    duplicate "https://example.com/feed" (Again): already in the list

Outlines without ``xmlUrl`` that contain other outlines are folders; nested folders
become a path joined with ``/`` (``"Tech/ML"``).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit, urlunsplit
from xml.parsers import expat

from readinglist.feeds.sanitize import text_value
from readinglist.model.errors import OPMLError
from readinglist.model.records import Feed, OPMLImport, OutlineFeed

__all__ = ["parse_opml", "write_opml"]

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Characters XML 1.0 cannot carry at all (even escaped).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class _EntityDeclared(Exception):
    pass


def _refuse_entities(*_args: object) -> int:
    raise _EntityDeclared


# --- reading --------------------------------------------------------------------


def parse_opml(content: bytes) -> OPMLImport:
    """Read an OPML 1.0/2.0 subscription list.

    Raises ``OPMLError`` when the bytes are not well-formed XML, declare entities, or
    are not OPML. Problems with single outlines are reported in ``problems``.
    """
    if not content or not content.strip():
        raise OPMLError("the OPML file is empty")

    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = _refuse_entities
    parser.UnparsedEntityDeclHandler = _refuse_entities
    parser.ExternalEntityRefHandler = _refuse_entities

    root: list[str] = []
    body_depth = 0  # depth of <body>: 0 before it, -1 after it
    depth = 0
    # one frame per open <outline> inside <body>: its folder name (None: not a folder)
    frames: list[str | None] = []
    builder = _ImportBuilder()

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal depth, body_depth
        depth += 1
        tag = name.lower()
        if depth == 1:
            root.append(tag)
            if tag != "opml":
                raise OPMLError(f"not an OPML file: the document is <{name}>")
        elif depth == 2 and tag == "body" and body_depth == 0:
            body_depth = depth
        elif body_depth > 0 and depth > body_depth:
            if tag != "outline":
                frames.append(None)
                return
            lowered = {k.lower(): v for k, v in attrs.items()}
            xml_url = lowered.get("xmlurl")
            if xml_url is not None:
                builder.add(lowered, xml_url, "/".join(f for f in frames if f) or None)
                frames.append(None)  # outlines inside a feed stay in its folder
            else:
                label = text_value(lowered.get("title") or lowered.get("text") or "")
                frames.append(label.replace("/", "-") or None)

    def end(name: str) -> None:
        nonlocal depth, body_depth
        if body_depth > 0 and depth > body_depth:
            frames.pop()
        elif depth == body_depth:
            body_depth = -1  # </body>: anything after it is ignored
        depth -= 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(content, True)
    except _EntityDeclared:
        raise OPMLError("the OPML file declares XML entities, which are not allowed") from None
    except expat.ExpatError as exc:
        if not root:
            raise OPMLError(f"not an OPML file: {expat.ErrorString(exc.code)}") from None
        raise OPMLError(
            f"the OPML file is damaged: {expat.ErrorString(exc.code)} (line {exc.lineno})"
        ) from None
    if body_depth == 0:
        raise OPMLError("the OPML file has no <body>")
    return OPMLImport(feeds=tuple(builder.feeds), problems=tuple(builder.problems))


class _ImportBuilder:
    def __init__(self) -> None:
        self.feeds: list[OutlineFeed] = []
        self.problems: list[str] = []
        self._seen: set[str] = set()

    def add(self, attrs: dict[str, str], xml_url: str, folder: str | None) -> None:
        title = text_value(attrs.get("title") or attrs.get("text") or "") or None
        label = f" ({_show(title, 80)})" if title else ""
        url = xml_url.strip()
        shown = _show(url, 200)
        if url.startswith("|"):
            self.problems.append(
                f'refused "{shown}"{label}: only http and https feeds can be imported'
            )
            return
        url = _unfeed(url)
        m = _SCHEME.match(url)
        if m and m.group(1).lower() not in ("http", "https"):
            self.problems.append(
                f'refused "{shown}"{label}: only http and https feeds can be imported'
            )
            return
        reason = _invalid_reason(url)
        if reason:
            self.problems.append(f'invalid address "{shown}"{label}: {reason}')
            return
        key = _dedupe_key(url)
        if key in self._seen:
            self.problems.append(f'duplicate "{shown}"{label}: already in the list')
            return
        self._seen.add(key)
        site = attrs.get("htmlurl", "").strip()
        self.feeds.append(
            OutlineFeed(
                url=url,
                title=title,
                site_url=site if site and not _invalid_reason(site) else None,
                folder=folder,
            )
        )


def _show(text: str, limit: int) -> str:
    text = _CONTROL.sub("?", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _unfeed(url: str) -> str:
    """``feed://host/x`` -> ``http://host/x``; ``feed:https://host/x`` -> ``https://...``."""
    lowered = url[:12].lower()
    if lowered.startswith("feed://"):
        return "http://" + url[7:]
    if lowered.startswith(("feed:http://", "feed:https:/")):
        return url[5:]
    return url


def _invalid_reason(url: str) -> str | None:
    """Why ``url`` is not a usable absolute http(s) URL (None when it is)."""
    if not url:
        return "the address is empty"
    if not _SCHEME.match(url):
        return "not an absolute http or https address"
    if any(c.isspace() for c in url) or _CONTROL.search(url):
        return "the address contains spaces or control characters"
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises ValueError for a bad port
    except ValueError as exc:
        return f"malformed address ({exc})"
    if parts.scheme.lower() not in ("http", "https"):
        return "only http and https feeds can be imported"
    if not parts.hostname:
        return "no host name"
    return None


def _dedupe_key(url: str) -> str:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port is not None and (scheme, port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{port}"
    return urlunsplit((scheme, host, parts.path or "/", parts.query, ""))


# --- writing --------------------------------------------------------------------


def write_opml(feeds: Sequence[Feed], title: str = "readinglist subscriptions") -> bytes:
    """An OPML 2.0 document (UTF-8) listing ``feeds``; folders become nested outlines."""
    opml = ET.Element("opml", version="2.0")
    head = ET.SubElement(opml, "head")
    ET.SubElement(head, "title").text = _xml_text(title)
    body = ET.SubElement(opml, "body")
    folders: dict[tuple[str, ...], ET.Element] = {(): body}

    def folder_element(path: tuple[str, ...]) -> ET.Element:
        element = folders.get(path)
        if element is None:
            parent = folder_element(path[:-1])
            name = _xml_text(path[-1])
            element = ET.SubElement(parent, "outline", text=name, title=name)
            folders[path] = element
        return element

    for feed in feeds:
        path = tuple(p.strip() for p in (feed.folder or "").split("/") if p.strip())
        parent = folder_element(path)
        name = _xml_text(feed.title or feed.url)
        attrs: dict[str, Any] = {"type": "rss", "text": name, "title": name}
        attrs["xmlUrl"] = _xml_text(feed.url)
        if feed.site_url:
            attrs["htmlUrl"] = _xml_text(feed.site_url)
        ET.SubElement(parent, "outline", attrs)

    ET.indent(opml, space="  ")
    return ET.tostring(opml, encoding="utf-8", xml_declaration=True) + b"\n"


def _xml_text(value: str) -> str:
    return _NOT_XML.sub("", value)
