"""Feed verbs: subscribe, unsubscribe, and what a fetch learned about a feed."""

from __future__ import annotations

from datetime import UTC, datetime

import peewee as pw

from readinglist.model.errors import FeedExistsError, FeedNotFoundError
from readinglist.model.records import Feed
from readinglist.storage import search_index
from readinglist.storage.feed_list import read_feeds
from readinglist.storage.schema import ArticleRow, FeedRow, HighlightRow, RemoteRemovalRow


def utcnow() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class FeedStore:
    db: pw.SqliteDatabase

    def add_feed(
        self, url: str, *, title: str = "", site_url: str | None = None, folder: str | None = None
    ) -> Feed:
        """Subscribe to ``url``. Re-subscribing to an unsubscribed feed revives it."""
        with self.db.atomic():
            existing = FeedRow.get_or_none(FeedRow.url == url)
            if existing is not None:
                if not existing.unsubscribed:
                    raise FeedExistsError(f"already subscribed to {url} (feed {existing.id})")
                existing.unsubscribed = False
                existing.folder = folder or existing.folder
                existing.save()
                return self.get_feed(existing.id)
            row = FeedRow.create(
                url=url, title=title, site_url=site_url, folder=folder, created=utcnow()
            )
        return self.get_feed(row.id)

    def _feed_row(self, feed_id: int) -> FeedRow:
        row = FeedRow.get_or_none(FeedRow.id == feed_id)
        if row is None:
            raise FeedNotFoundError(f"no feed with id {feed_id}")
        return row

    def get_feed(self, feed_id: int) -> Feed:
        found = read_feeds(self.db.execute_sql, feed_id=feed_id)
        if not found:
            raise FeedNotFoundError(f"no feed with id {feed_id}")
        return found[0]

    def find_feed(self, url: str) -> Feed | None:
        row = FeedRow.get_or_none(FeedRow.url == url)
        return None if row is None else self.get_feed(row.id)

    def list_feeds(self, *, include_unsubscribed: bool = False) -> list[Feed]:
        return read_feeds(self.db.execute_sql, include_unsubscribed=include_unsubscribed)

    def remove_feed(self, feed_id: int, *, keep_annotated: bool = True) -> int:
        """Unsubscribe. Returns how many articles were kept.

        Articles that carry a note, a star or a highlight are the user's own work: by default they
        stay (the feed row is kept, marked unsubscribed, never synced again). With
        ``keep_annotated=False`` the feed and everything in it is deleted.
        """
        with self.db.atomic():
            row = self._feed_row(feed_id)
            if row.remote_id is not None:  # the sync server unsubscribes at the next sync
                RemoteRemovalRow.insert(
                    remote_id=row.remote_id, created=utcnow()
                ).on_conflict_ignore().execute()  # already waiting: once is enough
                row.remote_id = None
            keep = (ArticleRow.feed == feed_id) & (
                ArticleRow.note.is_null(False)
                | (ArticleRow.starred == True)  # noqa: E712
                | ArticleRow.id.in_(HighlightRow.select(HighlightRow.article))
            )
            kept = ArticleRow.select().where(keep).count() if keep_annotated else 0
            if kept == 0:
                ids = [
                    a
                    for (a,) in ArticleRow.select(ArticleRow.id)
                    .where(ArticleRow.feed == feed_id)
                    .tuples()
                ]
                self._fts_delete(ids)
                row.delete_instance()
                return 0
            doomed = [
                a
                for (a,) in ArticleRow.select(ArticleRow.id)
                .where((ArticleRow.feed == feed_id) & ~keep)
                .tuples()
            ]
            self._fts_delete(doomed)
            ArticleRow.delete().where(ArticleRow.id.in_(doomed)).execute()
            # the kept articles leave the sync server with their feed (which drops its
            # items): from now on their stars and notes are this library's alone
            ArticleRow.update(remote_id=None, remote_read=None, remote_starred=None).where(
                (ArticleRow.feed == feed_id) & ArticleRow.remote_id.is_null(False)
            ).execute()
            row.unsubscribed = True
            row.etag = row.last_modified = row.content_hash = None
            row.save()
            return kept

    def record_fetch_success(
        self,
        feed_id: int,
        *,
        etag: str | None,
        last_modified: str | None,
        content_hash: str | None = None,
        title: str | None = None,
        site_url: str | None = None,
        new_url: str | None = None,
    ) -> None:
        """Remember validators and clear the last error. ``new_url`` follows a 301/308."""
        now = utcnow()
        values: dict[object, object] = {
            FeedRow.etag: etag,
            FeedRow.last_modified: last_modified,
            FeedRow.last_checked: now,
            FeedRow.last_success: now,
            FeedRow.last_error: None,
            FeedRow.retry_after: None,
        }
        if content_hash is not None:
            values[FeedRow.content_hash] = content_hash
        if title:
            values[FeedRow.title] = title
        if site_url:
            values[FeedRow.site_url] = site_url
        with self.db.atomic():
            if (
                new_url
                and not FeedRow.select()
                .where((FeedRow.url == new_url) & (FeedRow.id != feed_id))
                .exists()
            ):
                values[FeedRow.url] = new_url
            FeedRow.update(values).where(FeedRow.id == feed_id).execute()

    def record_fetch_error(
        self, feed_id: int, message: str, *, retry_after: datetime | None = None
    ) -> None:
        """Record a per-feed failure; the feed's articles and validators are left alone."""
        FeedRow.update(
            {
                FeedRow.last_error: message,
                FeedRow.last_checked: utcnow(),
                FeedRow.retry_after: retry_after,
            }
        ).where(FeedRow.id == feed_id).execute()

    def _fts_delete(self, ids: list[int]) -> None:
        search_index.delete(self.db, ids)

    # --- the full text, per feed (user-owned policy; see ``services.library``) ----------

    def fulltext_policy(self, feed_id: int) -> str:
        """ "auto" (the default), "ask" or "never". One column by plain SQL: the article
        pane asks on every switch, and a peewee row costs ten times more to build."""
        row = self.db.execute_sql(
            "SELECT fulltext_policy FROM feed WHERE id = ?", (feed_id,)
        ).fetchone()
        if row is None:
            raise FeedNotFoundError(f"no feed with id {feed_id}")
        return str(row[0] or "auto")

    def set_fulltext_policy(self, feed_id: int, policy: str) -> None:
        self._feed_row(feed_id)  # an unknown id is an error
        value = None if policy == "auto" else policy
        # One column: a save() of the whole row could undo a sync's write meanwhile.
        FeedRow.update(fulltext_policy=value).where(FeedRow.id == feed_id).execute()

    # --- the site's series, per feed (user-owned; see ``services.site_follow``) --------

    def follows_site_series(self, feed_id: int) -> bool:
        """Whether each sync that brings this feed new posts reads their series from the
        site (the reader asked for the site's series, and has not said stop)."""
        row = self.db.execute_sql(
            "SELECT follow_site_series FROM feed WHERE id = ?", (feed_id,)
        ).fetchone()
        if row is None:
            raise FeedNotFoundError(f"no feed with id {feed_id}")
        return bool(row[0])

    def set_follow_site_series(self, feed_id: int, follow: bool) -> None:
        self._feed_row(feed_id)  # an unknown id is an error
        # One column: a save() of the whole row could undo a sync's write meanwhile.
        FeedRow.update(follow_site_series=follow).where(FeedRow.id == feed_id).execute()

    def feeds_following_site_series(self) -> frozenset[int]:
        """The subscribed feeds whose new posts' series are read from their site."""
        rows = self.db.execute_sql(
            "SELECT id FROM feed WHERE follow_site_series AND NOT unsubscribed"
        ).fetchall()
        return frozenset(int(r[0]) for r in rows)

    def carries_summaries_only(self, feed_id: int, *, sample: int = 20) -> bool:
        """Whether the feed gives teasers, not articles: of its newest ``sample`` posts,
        at least four in five have no content besides a summary of under 200 words."""
        # Newest by arrival: ids grow as posts are first seen, and the (feed, hidden,
        # read) index holds them, so only the ``sample`` rows are read. Ordering by
        # ``first_seen`` read every post of the feed (its packed HTML carried through
        # the sort): 4-12 ms of the click that opens an article in a 1,000-post feed.
        rows = self.db.execute_sql(
            "SELECT COALESCE(LENGTH(content_html), 0), word_count FROM article WHERE id IN"
            " (SELECT id FROM article INDEXED BY article_feed_hidden_read"
            "  WHERE feed_id = ? AND hidden = 0 ORDER BY id DESC LIMIT ?)",
            (feed_id, sample),
        ).fetchall()
        if not rows:
            return False
        teasers = sum(1 for length, words in rows if not length and (words or 0) < 200)
        return teasers * 5 >= len(rows) * 4

    # --- which series rules last grouped a feed (feed-owned bookkeeping) -----------------

    def feeds_grouped_before(self, version: str) -> list[int]:
        """Subscribed feeds last grouped by other rules than ``version`` (or never since
        the column came): their stored posts are to be grouped again."""
        rows = self.db.execute_sql(
            "SELECT id FROM feed WHERE unsubscribed = 0"
            " AND (grouped_with IS NULL OR grouped_with != ?) ORDER BY id",
            (version,),
        ).fetchall()
        return [int(row[0]) for row in rows]

    def mark_grouped(self, feed_id: int, version: str) -> None:
        """The feed's posts are grouped by the rules of ``version`` now. Every sync that
        parses a feed says so; only the first one since an update writes."""
        self.db.execute_sql(
            "UPDATE feed SET grouped_with = ?"
            " WHERE id = ? AND (grouped_with IS NULL OR grouped_with != ?)",
            (version, feed_id, version),
        )
