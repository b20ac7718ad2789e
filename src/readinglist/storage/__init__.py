"""The library on disk. The only package that imports peewee.

Callers get ``Store`` (typed verbs) and frozen dataclasses from ``readinglist.models``;
peewee rows never leave this package.
"""

from readinglist.storage.db import SCHEMA_VERSION, open_database
from readinglist.storage.store import ArticleQuery, PostSignature, Store, UpsertOutcome

__all__ = [
    "SCHEMA_VERSION",
    "ArticleQuery",
    "PostSignature",
    "Store",
    "UpsertOutcome",
    "open_database",
]
