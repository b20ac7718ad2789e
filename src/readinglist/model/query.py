"""``ArticleQuery``: what to list, as a plain value.

A plain value in the shared model: the window and the CLI build queries and hand them
to ``Library.list_articles`` without importing ``storage/`` (and without loading
peewee before the window's first paint); ``storage.article_store`` runs them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class ArticleQuery:
    """What to list. All filters combine with AND."""

    feed_id: int | None = None
    series_id: int | None = None
    standalone_only: bool = False  # articles with no series
    unread_only: bool = False
    starred_only: bool = False
    with_notes: bool = False
    search: str | None = None
    since: datetime | None = None  # first seen at or after
    ids: tuple[int, ...] | None = None
    order: str = "published_desc"  # or "part", "first_seen_desc"
    limit: int | None = None
