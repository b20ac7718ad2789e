"""A page's JSON-LD blocks (schema.org), read as the untrusted input they are.

Two readers look into them: ``declared`` for ``isPartOf``/``partOfSeries`` and
``page_date`` for ``datePublished``. A block is a page's text like any other: JSON
nested a few hundred thousand deep makes ``json.loads`` raise ``RecursionError``, not
``ValueError``, and an object graph may hold thousands of nodes. Here a block that is
no JSON, or too deep to read, is no block, and the walk over its objects stops at a
depth and a count no real page comes near.
"""

from __future__ import annotations

import json
from typing import Any

__all__ = ["MAX_DEPTH", "MAX_OBJECTS", "load", "objects", "place", "types"]

MAX_DEPTH = 8
"""Levels of ``@graph``/``mainEntity`` nesting walked: real pages use two or three."""

MAX_OBJECTS = 200
"""Objects looked at per block: a real page's graph holds a few dozen."""

_NESTED_KEYS = ("@graph", "mainEntity", "mainEntityOfPage")


def load(raw: str) -> Any | None:
    """The block's JSON, or None when it is none (or nested too deep to read)."""
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        return None


def objects(value: Any) -> list[dict[str, Any]]:
    """Every object of a JSON-LD document and those nested in ``@graph``,
    ``mainEntity`` and ``mainEntityOfPage``, outermost first, within the bounds."""
    found: list[dict[str, Any]] = []
    _walk(value, 0, found)
    return found


def _walk(value: Any, depth: int, found: list[dict[str, Any]]) -> None:
    if depth > MAX_DEPTH or len(found) >= MAX_OBJECTS:
        return
    if isinstance(value, dict):
        found.append(value)
        for key in _NESTED_KEYS:
            _walk(value.get(key), depth + 1, found)
    elif isinstance(value, list):
        for item in value[:MAX_OBJECTS]:
            _walk(item, depth + 1, found)


def types(obj: dict[str, Any]) -> set[str]:
    """An object's ``@type``s, lower-cased (one string or a list of them)."""
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


MAX_PLACE = 999
"""The largest part number a page's data may give: beyond it is an id or a count."""


def place(value: object) -> int | None:
    """A part's place as a page gives it (a JSON value, a box's digits): a positive
    integer up to ``MAX_PLACE``, or its digits as a string ("3"); anything else (a bool,
    0, "III", "²", 2024) is none."""
    if isinstance(value, str) and value.strip().isdecimal():
        value = int(value.strip())
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_PLACE:
        return value
    return None
