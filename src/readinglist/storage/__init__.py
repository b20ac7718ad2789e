"""The library on disk. The only package that imports peewee.

Callers get ``Store`` (typed verbs) and frozen dataclasses from ``readinglist.model.records``;
peewee rows never leave this package.

The names below are loaded on first use (PEP 562): importing a peewee-free module of
this package (``query``, ``layout``, ``feed_list``) must not load peewee, so that the
window can paint its feed rows before the rest of ``storage/`` is imported.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from readinglist.model.query import ArticleQuery
    from readinglist.storage.db import SCHEMA_VERSION, open_database
    from readinglist.storage.store import Store, UpsertOutcome

_HOMES = {
    "SCHEMA_VERSION": "db",
    "open_database": "db",
    "ArticleQuery": "query",
    "Store": "store",
    "UpsertOutcome": "store",
}

__all__ = [
    "SCHEMA_VERSION",
    "ArticleQuery",
    "Store",
    "UpsertOutcome",
    "open_database",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # later lookups are plain attribute reads
    return value
