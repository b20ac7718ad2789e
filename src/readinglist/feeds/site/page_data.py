"""The data a page was rendered from: the post's own front matter, series and all.

A Next.js site built with the Pages Router (and Hashnode, which runs on it) ships each
page's props as JSON in ``<script id="__NEXT_DATA__" type="application/json">`` so the
browser can hydrate it: ``{"props": {"pageProps": {"post": {"title": …, "series":
{"name": "Kiln Basics", "slug": "kiln-basics"}}}}}``. When the post's front matter says
``series: Kiln Basics`` (and perhaps ``seriesOrder: 3``), the page carries the author's
declaration even when its theme draws no box and no badge from it.

A Nuxt 3 site does the same in ``<script id="__NUXT_DATA__">``, flattened (see
``nuxt_payload``); Nuxt Content keeps each page's document, front matter included,
under the payload's ``data``.

It is read as the untrusted input it is: the block is parsed by ``json_ld.load`` (no
JSON nested too deep to read), only objects are walked, never lists (a list holds other
posts: related posts, the series' list, a page of an index), to a bounded depth and
count, and only an object that is a post (it has a ``title``, or it sits under a key
such as ``frontmatter`` or ``post``) may declare. Two different series at the shallowest
depth declare nothing. No script runs; the JSON is data, never code.
"""

from __future__ import annotations

import re
from collections import deque
from typing import Any

from readinglist.feeds.site import json_ld
from readinglist.model.records import PAGE_DATA, DeclaredSeries

__all__ = ["declared_in_page_data", "nuxt_payload"]

MAX_DATA_CHARS = 1024 * 1024
MAX_DEPTH = 5
"""Objects below ``pageProps`` walked: real pages keep the post two or three down."""
MAX_OBJECTS = 300
MAX_NAME = 200


def _script_with_id(script_id: str) -> re.Pattern[str]:
    """``<script id="…">`` and its text, the JSON a framework hands the browser."""
    return re.compile(
        rf"<script\b[^>]*\bid\s*=\s*[\"']?{script_id}[\"']?[^>]*>(?P<json>.*?)</script\s*>",
        re.IGNORECASE | re.DOTALL,
    )


_NEXT_DATA = _script_with_id("__NEXT_DATA__")
_NUXT_DATA = _script_with_id("__NUXT_DATA__")
_SERIES_KEYS = ("series", "serie", "seriesName", "series_name", "seriesTitle", "series_title")
_POSITION_KEYS = (
    "seriesOrder", "series_order", "seriesPart", "series_part", "seriesNumber",
    "series_number", "seriesPosition", "series_position", "part",
)  # fmt: skip
"""Beside ``series`` in a post: its place in the series, as front matter names it."""
_INNER_POSITION_KEYS = ("order", "position", "part", "number")
"""Inside a ``series`` object: the post's place."""
_INNER_TOTAL_KEYS = ("total", "count")
_POST_KEYS = frozenset(
    ("frontmatter", "frontMatter", "front_matter", "matter", "meta", "metadata", "post",
     "article", "entry", "blogPost", "page", "data", "fields")
)  # fmt: skip
"""Keys an object that is the page's post sits under, when it has no ``title``."""


def declared_in_page_data(text: str) -> DeclaredSeries | None:
    """The series the page's own data (``__NEXT_DATA__``, ``__NUXT_DATA__``) says its
    post belongs to, or None."""
    if "__NEXT_DATA__" in text:
        data = _script_json(_NEXT_DATA, text)
        props = data.get("props") if isinstance(data, dict) else None
        page_props = props.get("pageProps") if isinstance(props, dict) else None
        if isinstance(page_props, dict):
            return _shallowest_declaration(page_props, "pageProps")
    if "__NUXT_DATA__" in text:
        payload = nuxt_payload(_script_json(_NUXT_DATA, text))
        data = payload.get("data") if isinstance(payload, dict) else None
        if isinstance(data, dict):
            return _shallowest_declaration(data, "data")
    return None  # most pages are neither


def _script_json(pattern: re.Pattern[str], text: str) -> Any:
    found = pattern.search(text)
    if found is None or len(found["json"]) > MAX_DATA_CHARS:
        return None
    return json_ld.load(found["json"])


MAX_NUXT_NODES = 5000
"""Values rebuilt from a Nuxt payload: a post's page holds a few hundred."""
_WRAPPERS = frozenset(("Reactive", "ShallowReactive", "Ref", "ShallowRef"))


def nuxt_payload(flat: object) -> object:
    """A Nuxt 3 payload, rebuilt from its flat form, within bounds; None if it is none.

    Nuxt serialises the state it rendered a page with (``devalue``): one JSON array
    whose first item is the root, where an object's values and an array's items are the
    indices of other items, and an array opening with a name is a typed value
    (``["ShallowReactive", 1]``, ``["Date", "…"]``). Only objects, plain arrays,
    reactive wrappers and plain values are rebuilt; anything else (a ``Set``, a ``Map``,
    a cycle, an index out of range) is None. Depth and the number of values rebuilt are
    bounded, so a hostile payload costs little.
    """
    if not isinstance(flat, list) or not flat:
        return None
    budget = [MAX_NUXT_NODES]

    def build(index: object, depth: int, path: frozenset[int]) -> object:
        if not isinstance(index, int) or isinstance(index, bool):
            return None
        if not 0 <= index < len(flat) or index in path or depth > MAX_DEPTH * 3:
            return None  # out of range, a cycle, or deeper than any page's state
        budget[0] -= 1
        if budget[0] < 0:
            return None
        value = flat[index]
        inner = path | {index}
        if isinstance(value, dict):
            return {k: build(v, depth + 1, inner) for k, v in list(value.items())[:MAX_OBJECTS]}
        if isinstance(value, list):
            if value and isinstance(value[0], str):
                if value[0] in _WRAPPERS and len(value) == 2:
                    return build(value[1], depth + 1, inner)
                return None  # a typed value: a date, a set, a map, an error
            return [build(v, depth + 1, inner) for v in value[:MAX_OBJECTS]]
        return value

    return build(0, 0, frozenset())


def _shallowest_declaration(root: dict[str, Any], name: str) -> DeclaredSeries | None:
    """Breadth first over objects only; the first depth that declares decides."""
    queue: deque[tuple[dict[str, Any], str, int]] = deque([(root, name, 0)])
    seen = 0
    depth_found: int | None = None
    found: list[DeclaredSeries] = []
    while queue and seen < MAX_OBJECTS:
        obj, key, depth = queue.popleft()
        seen += 1
        if depth_found is not None and depth > depth_found:
            break
        declared = _declared_by(obj, key)
        if declared is not None:
            depth_found = depth
            found.append(declared)
            continue
        if depth < MAX_DEPTH:
            queue.extend(
                (value, child, depth + 1)
                for child, value in obj.items()
                if isinstance(value, dict) and isinstance(child, str)
            )
    names = {d.name.casefold() for d in found}
    return found[0] if len(names) == 1 else None


def _declared_by(obj: dict[str, Any], key: str) -> DeclaredSeries | None:
    """The series this object declares, when it is a post that names one."""
    if not (isinstance(obj.get("title"), str) or key in _POST_KEYS):
        return None
    for series_key in _SERIES_KEYS:
        value = obj.get(series_key)
        name, position, total = _series_value(value)
        if name:
            if position is None:
                position = _first_place(obj, _POSITION_KEYS)
            return DeclaredSeries(name, position, total, source=PAGE_DATA)
    return None


def _series_value(value: object) -> tuple[str, int | None, int | None]:
    """(name, position, total) from ``series: "X"`` or ``series: {name: "X", …}``."""
    if isinstance(value, str):
        return _name(value), None, None
    if not isinstance(value, dict):
        return "", None, None  # a list is of several series, or of posts: no declaration
    name = _name(value.get("name")) or _name(value.get("title"))
    position = _first_place(value, _INNER_POSITION_KEYS)
    total = _first_place(value, _INNER_TOTAL_KEYS)
    return name, position, total


def _name(value: object) -> str:
    if not isinstance(value, str):
        return ""
    name = " ".join(value.split())
    if not name or len(name) > MAX_NAME or "://" in name or name.casefold() in _NO_NAME:
        return ""
    return name


_NO_NAME = frozenset(("none", "null", "false", "undefined", "-"))


def _first_place(obj: dict[str, Any], keys: tuple[str, ...]) -> int | None:
    """The first of ``keys`` that holds a part's place (``json_ld.place``)."""
    return next((n for k in keys if (n := json_ld.place(obj.get(k))) is not None), None)
