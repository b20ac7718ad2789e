"""The feed list with its counts: one query for ``FeedStore`` and for the first paint.

``read_feeds`` is what ``Store.list_feeds`` runs. ``peek_feeds`` runs the same query on
a read-only connection of its own, before the library is opened: the window paints its
feed rows from it while peewee and the rest of ``storage/`` load, and opens the library
right after (``gui/launch``). Plain ``sqlite3`` only, so this module stays cheap.

The peek never decides anything about the file. Whenever it is not sure it is looking
at a current, healthy library of ours (no file, an empty one, another program's, an
older schema that needs migrating, a newer one, a damaged or locked one) it answers
``None`` and the caller opens the library first, which reports or fixes the problem.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from readinglist.model.feed_row import Feed
from readinglist.storage.layout import APPLICATION_ID, CURRENT_SCHEMA, SQLITE_MAGIC, to_datetime

Execute = Callable[[str, Sequence[Any]], Iterable[tuple[Any, ...]]]

# One row per (feed, hidden, read), kept by triggers (``schema.TALLY_TRIGGERS``): a few
# rows per feed however many articles there are; the rows are folded in Python.
_COUNTS_SQL = "SELECT feed_id, hidden, read, n FROM article_tally{where}"
_FEEDS_SQL = (
    "SELECT id, url, user_title, title, site_url, folder, etag, last_modified,"
    " content_hash, last_checked, last_success, last_error, retry_after FROM feed{where}"
    " ORDER BY LOWER(COALESCE(user_title, title, url))"
)


def feed_counts(
    execute: Execute, feed_ids: Sequence[int] | None = None
) -> dict[int, tuple[int, int]]:
    """``{feed id: (articles, unread)}`` over the visible (not hidden) articles."""
    where, params = "", list[Any]()
    if feed_ids is not None:
        where = f" WHERE feed_id IN ({', '.join('?' * len(feed_ids))})"
        params = list(feed_ids)
    counts: dict[int, tuple[int, int]] = {}
    for fid, hidden, read, n in execute(_COUNTS_SQL.format(where=where), params):
        if hidden:
            continue
        total, unread = counts.get(fid, (0, 0))
        counts[fid] = (total + n, unread + (0 if read else n))
    return counts


def read_feeds(
    execute: Execute, *, include_unsubscribed: bool = False, feed_id: int | None = None
) -> list[Feed]:
    """Every feed by display title, with its counts (``Store.list_feeds``); or the one
    feed ``feed_id``, subscribed or not (``Store.get_feed``)."""
    if feed_id is not None:
        counts = feed_counts(execute, [feed_id])
        where, params = " WHERE id = ?", [feed_id]
    else:
        counts = feed_counts(execute)
        where, params = ("" if include_unsubscribed else " WHERE unsubscribed = 0"), []
    feeds = []
    for row in execute(_FEEDS_SQL.format(where=where), params):
        (id_, url, user_title, title, site_url, folder, etag, modified, content_hash) = row[:9]
        checked, success, error, retry_after = row[9:]
        total, unread = counts.get(id_, (0, 0))
        feeds.append(
            Feed(
                id=id_,
                url=url,
                title=user_title or title or "",
                site_url=site_url,
                folder=folder,
                etag=etag,
                last_modified=modified,
                content_hash=content_hash,
                last_checked=to_datetime(checked),
                last_success=to_datetime(success),
                last_error=error,
                retry_after=to_datetime(retry_after),
                article_count=total,
                unread_count=unread,
            )
        )
    return feeds


def peek_feeds(path: Path) -> list[Feed] | None:
    """The feed list of the library at ``path``, read without opening it; ``None`` when
    the file must go through ``Library.open`` first (see the module docstring)."""
    try:
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                return None
        # Read-only and no pragmas: this connection never changes a byte of the file.
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.5)
    except (OSError, sqlite3.Error):
        return None
    try:
        app_id = con.execute("PRAGMA application_id").fetchone()[0]
        version = con.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID or version != CURRENT_SCHEMA:
            return None
        con.execute("BEGIN")  # one read transaction: counts and rows from one snapshot
        return read_feeds(lambda sql, params: con.execute(sql, params))
    except sqlite3.Error:
        return None
    finally:
        con.close()
