"""Storage verbs for "find missing parts": the fetch cache and found articles.

Found articles go through the same ``upsert_entries`` sync uses, so the feed-owned /
user-owned split holds for them too; only new rows are ever written (an article that is
already stored, by guid or by link, is skipped, never rewritten), and those new rows are
stored ``found_on_site``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import peewee as pw

from readinglist.model.errors import SeriesNotFoundError
from readinglist.model.records import IncomingArticle, SeriesGuess
from readinglist.storage.schema import ArticleRow, BackfillCacheRow, SeriesRow

if TYPE_CHECKING:
    from readinglist.storage.upsert_store import UpsertOutcome

__all__ = ["BackfillStore", "CachedFetch", "SeriesIdentity"]


@dataclass(frozen=True, slots=True)
class CachedFetch:
    """One remembered answer: what a URL said when it was last asked."""

    url: str
    kind: str
    status: int
    final_url: str | None
    etag: str | None
    last_modified: str | None
    fetched_at: datetime
    error: str | None
    summary: dict[str, Any]


@dataclass(frozen=True, slots=True)
class SeriesIdentity:
    """What a new article needs to land in an existing series row."""

    series_id: int
    feed_id: int
    key: str
    detected_name: str
    name: str  # what the user sees (their rename wins)


class BackfillStore:
    db: pw.SqliteDatabase

    if TYPE_CHECKING:  # provided by UpsertStore in ``Store``

        def upsert_entries(
            self, feed_id: int, incoming: Sequence[IncomingArticle], *, found_on_site: bool
        ) -> UpsertOutcome: ...

    # --- the cache -----------------------------------------------------------------

    def get_cached_fetch(self, url: str) -> CachedFetch | None:
        row = BackfillCacheRow.get_or_none(BackfillCacheRow.url == url)
        if row is None:
            return None
        try:
            summary = json.loads(row.summary or "{}")
        except ValueError:
            summary = {}
        return CachedFetch(
            url=row.url,
            kind=row.kind,
            status=row.status,
            final_url=row.final_url,
            etag=row.etag,
            last_modified=row.last_modified,
            fetched_at=row.fetched_at,
            error=row.error,
            summary=summary if isinstance(summary, dict) else {},
        )

    def put_cached_fetch(self, entry: CachedFetch) -> None:
        """Insert or replace the cache row for ``entry.url`` (cache rows hold no user data)."""
        values = {
            "url": entry.url,
            "kind": entry.kind,
            "status": entry.status,
            "final_url": entry.final_url,
            "etag": entry.etag,
            "last_modified": entry.last_modified,
            "fetched_at": entry.fetched_at,
            "error": entry.error,
            "summary": json.dumps(entry.summary, ensure_ascii=False, separators=(",", ":")),
        }
        update = {getattr(BackfillCacheRow, k): v for k, v in values.items() if k != "url"}
        BackfillCacheRow.insert(values).on_conflict(
            conflict_target=[BackfillCacheRow.url], update=update
        ).execute()

    def series_identity(self, series_id: int) -> SeriesIdentity:
        """The series row behind ``series_id`` (a merged series resolves to its target)."""
        row = SeriesRow.get_or_none(SeriesRow.id == series_id)
        if row is None:
            raise SeriesNotFoundError(f"no series with id {series_id}")
        if row.merged_into_id is not None:
            return self.series_identity(row.merged_into_id)
        return SeriesIdentity(
            series_id=row.id,
            feed_id=row.feed_id,
            key=row.key,
            detected_name=row.detected_name or row.key,
            name=row.user_name or row.detected_name or row.key,
        )

    def feed_article_links(self, feed_id: int) -> dict[str, str]:
        """guid -> link of every stored article of a feed (to skip what is already here)."""
        return {
            guid: link or ""
            for guid, link in ArticleRow.select(ArticleRow.guid, ArticleRow.link)
            .where(ArticleRow.feed == feed_id)
            .tuples()
        }

    def add_found_articles(
        self, identity: SeriesIdentity, incoming: Sequence[IncomingArticle]
    ) -> tuple[int, ...]:
        """Store articles found on the site in ``identity``'s series; returns the new ids.

        Articles whose guid is already stored for the feed are left exactly as they are.
        Each incoming guess is pinned to the series' own key and detected name, so the
        article lands in that row (merges followed) and the series keeps its name.
        """
        known = set(self.feed_article_links(identity.feed_id))
        fresh = [item for item in incoming if item.entry.guid not in known]
        if not fresh:
            return ()
        # what detection said of the series stays (kind, strength, why are the series'
        # own, and the upsert writes them from its guesses: a found part must not blank
        # the why or make a guess look certain until the next sync says them again)
        row = SeriesRow.get_by_id(identity.series_id)
        pinned = [
            IncomingArticle(
                item.entry,
                SeriesGuess(
                    identity.key,
                    identity.detected_name,
                    item.series.part,
                    item.series.short_title,
                    kind=row.kind,
                    strength=row.strength,
                    why=row.why or "",
                ),
                item.content_hash,
                item.search_text,
            )
            for item in fresh
        ]
        outcome = self.upsert_entries(identity.feed_id, pinned, found_on_site=True)
        return tuple(int(i) for i in outcome.new_ids)
