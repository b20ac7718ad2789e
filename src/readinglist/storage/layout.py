"""Facts about the library file that need no peewee: its marks and its timestamps.

Kept apart from ``db``/``schema`` so the window's first paint (``feed_list.peek_feeds``)
can check and read the file without loading peewee and the rest of ``storage/``.
"""

from __future__ import annotations

from datetime import UTC, datetime

#: "RdLs" — marks a SQLite file as a readinglist library (PRAGMA application_id).
APPLICATION_ID = 0x52644C73
SQLITE_MAGIC = b"SQLite format 3\x00"
#: The schema this version writes; ``db.MIGRATIONS`` has exactly this many steps (tested).
CURRENT_SCHEMA = 15


def to_datetime(value: int | None) -> datetime | None:
    """Stored integer Unix seconds back to an aware UTC datetime."""
    return None if value is None else datetime.fromtimestamp(int(value), UTC)


def to_epoch(value: datetime | None) -> int | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return int(value.timestamp())
