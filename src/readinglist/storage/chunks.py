"""Splitting id lists for ``IN (...)`` clauses.

SQLite caps the number of bound parameters in one statement (999 on older builds), so
every verb that takes a list of ids walks it in slices. One public home, so the
stores do not import each other's private helpers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

#: Ids per ``IN (...)``: well under SQLite's oldest parameter limit.
CHUNK = 400

T = TypeVar("T")


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterable[Sequence[T]]:
    """``items`` in consecutive slices of at most ``size``."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


__all__ = ["CHUNK", "chunks"]
