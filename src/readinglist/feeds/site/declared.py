"""What an article's own page declares about its series (pure: bytes in, a record out).

Guessing a series from titles is the fallback; many sites say it outright, and what a
site declares outranks what we guess. Three declarations are read, the first found wins:

* **schema.org** in JSON-LD or microdata: the article ``isPartOf`` (or ``partOfSeries``)
  a ``CreativeWorkSeries`` (or ``Series``/``Collection``/``CreativeWork``) with a
  ``name``, and its ``position``. ``isPartOf`` a ``WebSite``, ``Blog`` or ``WebPage``
  names the site, not a series (SEO plug-ins put it on every page), and is ignored.
* **A series box**, as Hugo, Jekyll, Hexo, WordPress and dev.to themes render it: an
  element whose class or id names a series, saying "This post is part 3 of 5 in the
  series Transformers Explained" (or "part 3 of the X series", "part of the series: X"),
  usually with the series' posts listed in order; the page's place in that list is its
  position when the text gives none.

Read with the standard library's ``html.parser``: no script runs and nothing is loaded.
Links are kept only when they are http(s), resolved against the page's address.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from readinglist.feeds.site.sitemap import http_url
from readinglist.model.records import DeclaredSeries
from readinglist.model.urls import normalize_url

__all__ = ["DeclaredSeries", "parse_declared_series"]

MAX_PAGE_CHARS = 2 * 1024 * 1024
MAX_MEMBERS = 200
_SERIES_TYPES = frozenset({"creativeworkseries", "series", "collection", "creativework"})
_SITE_TYPES = frozenset({"website", "blog", "webpage", "organization", "person"})
_BOX = re.compile(r"(?:^|[-_\s])series(?:$|[-_\s])|series(?:nav|box|meta|list|toc|part)", re.I)
_NAME = r"[\"“”'‘’«]?(?P<name>[^\"“”‘’«»\n]{2,100}?)[\"“”'‘’»]?"
_TEXT_RULES = (
    # "part 3 of 5 in the series X", "Part 3 of 5 of the series: X"
    re.compile(
        r"\bpart\s+(?P<pos>\d{1,3})\s+of\s+(?P<total>\d{1,3})\s+(?:in|of)\s+(?:the|a|an|my|this)?"
        r"\s*series\s*:?\s*" + _NAME + r"\s*(?:[.,;:!)]|$)",
        re.I,
    ),
    # "part 3 of the Transformers Explained series"
    re.compile(
        r"\bpart\s+(?P<pos>\d{1,3})\s+of\s+(?:the|a|an|my|this)\s+" + _NAME + r"\s+series\b",
        re.I,
    ),
    # "part of the series: X" / "part of the X series" (position from the list)
    re.compile(
        r"\bpart of (?:the|a|an|my|this)?\s*series\s*:?\s*" + _NAME + r"\s*(?:[.,;:!)]|$)", re.I
    ),
    re.compile(r"\bpart of (?:the|a|an|my|this)\s+" + _NAME + r"\s+series\b", re.I),
)


def parse_declared_series(content: bytes, page_url: str) -> DeclaredSeries | None:
    """The series ``content`` (an article page fetched from ``page_url``) declares."""
    text = content[: MAX_PAGE_CHARS * 2].decode("utf-8", "replace")[:MAX_PAGE_CHARS]
    reader = _Reader(page_url)
    try:
        reader.feed(text)
        reader.close()
    except Exception:  # html.parser is forgiving; a pathological page declares nothing
        return None
    return _from_schema(reader) or _from_boxes(reader, page_url)


# --- reading ---------------------------------------------------------------------------


@dataclass
class _Box:
    depth: int
    text: list[str]
    items: list[tuple[str | None, bool]]  # (link, is this page) per list item or link


class _Reader(HTMLParser):
    def __init__(self, base: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.json_ld: list[str] = []
        self.microdata: dict[str, str] = {}
        self.boxes: list[_Box] = []
        self._open: list[_Box] = []
        self._depth = 0
        self._script: list[str] | None = None
        self._prop: str | None = None
        self._li_link: bool = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "script":
            kind = a.get("type", "").lower()
            self._script = [] if kind == "application/ld+json" else None
            return
        if tag in ("br", "img", "meta", "link", "hr", "input"):
            self._void(tag, a)
            return
        self._depth += 1
        marker = f"{a.get('class', '')} {a.get('id', '')}"
        if _BOX.search(marker) and len(self.boxes) < 20:
            box = _Box(self._depth, [], [])
            self.boxes.append(box)
            self._open.append(box)
        prop = a.get("itemprop", "").lower()
        if prop in ("name", "position") and "ispartof" in self.microdata.get("_scope", ""):
            self._prop = prop
        if prop in ("ispartof", "partofseries"):
            self.microdata["_scope"] = "ispartof"
        if self._open:
            box = self._open[-1]
            current = a.get("aria-current") or any(
                c in a.get("class", "").split() for c in ("current", "active", "is-current")
            )
            if tag == "li":
                box.items.append((None, bool(current)))
                self._li_link = False
            elif tag == "a" and len(box.items) < MAX_MEMBERS:
                link = http_url(a.get("href", ""), self.base)
                if box.items and box.items[-1][0] is None and not self._li_link:
                    box.items[-1] = (link, box.items[-1][1] or bool(current))
                    self._li_link = True
                elif not box.items or self._li_link:
                    box.items.append((link, bool(current)))

    def _void(self, tag: str, a: dict[str, str]) -> None:
        if tag == "meta" and a.get("itemprop", "").lower() == "position" and a.get("content"):
            self.microdata.setdefault("position", a["content"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            if self._script is not None:
                self.json_ld.append("".join(self._script))
            self._script = None
            return
        while self._open and self._open[-1].depth >= self._depth:
            self._open.pop()
        self._depth = max(0, self._depth - 1)
        self._prop = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)
            return
        if self._prop is not None and data.strip():
            self.microdata.setdefault(self._prop, data.strip())
        for box in self._open:
            box.text.append(data)


# --- schema.org -------------------------------------------------------------------------


def _objects(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        out = [value]
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            out += _objects(value.get(key))
        return out
    if isinstance(value, list):
        return [o for item in value for o in _objects(item)]
    return []


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _int(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value if 0 < value < 1000 else None
    if isinstance(value, str) and value.strip().isdigit():
        return _int(int(value.strip()))
    return None


def _from_schema(reader: _Reader) -> DeclaredSeries | None:
    for raw in reader.json_ld:
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        for obj in _objects(data):
            for key in ("partOfSeries", "isPartOf"):
                for part in _objects(obj.get(key)) or (
                    [obj[key]] if isinstance(obj.get(key), str) else []
                ):
                    name = part if isinstance(part, str) else part.get("name")
                    if isinstance(part, dict) and (
                        _types(part) & _SITE_TYPES or not _types(part) & _SERIES_TYPES
                    ):
                        continue
                    if key == "isPartOf" and isinstance(part, str):
                        continue  # a bare string isPartOf is usually a URL or the site
                    if isinstance(name, str) and name.strip():
                        return DeclaredSeries(
                            name.strip(), _int(obj.get("position")), source="schema.org"
                        )
    name = reader.microdata.get("name")
    if reader.microdata.get("_scope") and name:
        return DeclaredSeries(name, _int(reader.microdata.get("position")), source="schema.org")
    return None


# --- series boxes -----------------------------------------------------------------------


def _from_boxes(reader: _Reader, page_url: str) -> DeclaredSeries | None:
    here = normalize_url(page_url)
    for box in reader.boxes:
        text = " ".join(" ".join(box.text).split())
        for rule in _TEXT_RULES:
            found = rule.search(text)
            if found is None:
                continue
            name = found.group("name").strip(" .:-–—")
            if not name:
                continue
            # the series' posts as listed; the current one (often not a link) is this page
            listed = [page_url if current else link for link, current in box.items]
            members = tuple(dict.fromkeys(m for m in listed if m))
            position = _int(found.groupdict().get("pos"))
            if position is None:
                position = _place(box, here)
            total = _int(found.groupdict().get("total"))
            return DeclaredSeries(name, position, total, members, source="series box")
    return None


def _place(box: _Box, here: str) -> int | None:
    """The page's place in the box's list: its own link, or the item marked current."""
    for index, (link, current) in enumerate(box.items, 1):
        if current or (link is not None and normalize_url(link) == here):
            return index
    return None
