"""``Store``: the library behind one typed object with verb-named methods.

Thread use: one ``Store`` may be shared; peewee gives every thread its own connection.
Writes from sync and from the user are separate short transactions under WAL, so the
GUI thread never waits long for a writer.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import peewee as pw

from readinglist.model.query import ArticleQuery
from readinglist.storage.account_store import AccountStore
from readinglist.storage.article_store import ArticleStore
from readinglist.storage.backfill_store import BackfillStore
from readinglist.storage.backup import dump_library, restore_library
from readinglist.storage.db import integrity_ok, open_database
from readinglist.storage.declared_store import DeclaredStore
from readinglist.storage.excerpt_store import ExcerptStore
from readinglist.storage.feed_store import FeedStore
from readinglist.storage.highlight_store import HighlightStore
from readinglist.storage.series_store import SeriesStore
from readinglist.storage.undo_store import UndoStore
from readinglist.storage.upsert_store import UpsertOutcome, UpsertStore

__all__ = ["ArticleQuery", "Store", "UpsertOutcome"]


class Store(
    FeedStore,
    UpsertStore,
    ArticleStore,
    SeriesStore,
    BackfillStore,
    ExcerptStore,
    HighlightStore,
    AccountStore,
    DeclaredStore,
    UndoStore,
):
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.db = open_database(self.path)

    def close(self) -> None:
        """Close this thread's connection (other threads close theirs on exit).

        First ``PRAGMA optimize``, as SQLite advises before closing: it refreshes the
        planner's statistics only for tables that grew a lot since they were taken (a
        new library after its first syncs), and costs nothing otherwise."""
        if not self.db.is_closed():
            with contextlib.suppress(pw.OperationalError):  # read-only, busy: skip it
                self.db.execute_sql("PRAGMA optimize")
            self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several verbs into one atomic unit (nested calls become savepoints)."""
        with self.db.atomic():
            yield

    def integrity_ok(self) -> bool:
        return integrity_ok(self.db)

    def checkpoint(self) -> None:
        """Fold the WAL back into the main file (on quit, and after big syncs)."""
        self.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def dump(self) -> dict[str, object]:
        """The whole library as JSON-able data (see ``storage.backup``)."""
        return dump_library(self.db)

    def restore(self, data: dict[str, object]) -> dict[str, int]:
        return restore_library(self.db, data)
