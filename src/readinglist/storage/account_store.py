"""The sync account's bookkeeping: the account row, server ids, and what waits to be sent.

Why changes are not an event queue: a read or a star is a state, and the library already
holds the state the reader chose. Beside it each article keeps the state the server is
known to hold (``remote_read``, ``remote_starred``); where the two differ, the reader's
change waits to be sent. That record is written in the same transaction as the change
itself, so a change made offline, or just before the app was killed, cannot be lost or
sent twice, and flipping a star on and off offline sends nothing. Subscriptions work the
same way (a feed without a ``remote_id`` waits to be subscribed); only an unsubscription
needs a row of its own (``remote_removal``), since the feed row may be deleted.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import peewee as pw

from readinglist.model.feed_row import LOCAL_SCHEME
from readinglist.storage.chunks import chunks
from readinglist.storage.feed_store import utcnow
from readinglist.storage.layout import to_epoch
from readinglist.storage.schema import AccountRow, ArticleRow, FeedRow, RemoteRemovalRow


@dataclass(frozen=True, slots=True)
class AccountState:
    kind: str
    url: str
    user: str
    last_sync: datetime | None
    last_error: str | None
    retry_after: datetime | None
    newest_usec: int


@dataclass(frozen=True, slots=True)
class RemoteArticleState:
    """One article known to the server: our state and the server's last known state."""

    article_id: int
    remote_id: int
    read: bool
    starred: bool
    remote_read: bool | None
    remote_starred: bool | None


@dataclass(frozen=True, slots=True)
class FlagUpdate:
    """The server's state for one article, to take as ours (``take``) or as known only."""

    article_id: int
    read: bool
    starred: bool
    take_read: bool
    take_starred: bool


_PENDING = ArticleRow.remote_id.is_null(False) & (
    pw.Expression(ArticleRow.read, "IS NOT", ArticleRow.remote_read)
    | pw.Expression(ArticleRow.starred, "IS NOT", ArticleRow.remote_starred)
)


_STATE = (
    ArticleRow.id,
    ArticleRow.remote_id,
    ArticleRow.read,
    ArticleRow.starred,
    ArticleRow.remote_read,
    ArticleRow.remote_starred,
)


def _state(row: tuple[Any, ...]) -> RemoteArticleState:
    article_id, remote_id, read, starred, remote_read, remote_starred = row
    return RemoteArticleState(
        article_id,
        remote_id,
        bool(read),
        bool(starred),
        None if remote_read is None else bool(remote_read),
        None if remote_starred is None else bool(remote_starred),
    )


class AccountStore:
    db: pw.SqliteDatabase

    # --- the account ----------------------------------------------------------------

    def get_account(self) -> AccountState | None:
        row = AccountRow.select().order_by(AccountRow.id).first()
        if row is None:
            return None
        return AccountState(
            row.kind,
            row.url,
            row.username,
            row.last_sync,
            row.last_error,
            row.retry_after,
            int(row.newest_usec or 0),
        )

    def save_account(self, kind: str, url: str, user: str) -> None:
        """Set the account. Another server or user than before starts afresh: the old
        server's ids mean nothing on the new one (articles and user data stay)."""
        with self.db.atomic():
            old = self.get_account()
            if old is None or (old.kind, old.url, old.user) != (kind, url, user):
                self._forget_server()
            AccountRow.delete().execute()
            AccountRow.create(kind=kind, url=url, username=user, created=utcnow())

    def remove_account(self) -> None:
        """Back to a local library: the account and every server id go, nothing else."""
        with self.db.atomic():
            AccountRow.delete().execute()
            self._forget_server()

    def _forget_server(self) -> None:
        FeedRow.update(remote_id=None).where(FeedRow.remote_id.is_null(False)).execute()
        ArticleRow.update(remote_id=None, remote_read=None, remote_starred=None).where(
            ArticleRow.remote_id.is_null(False)
        ).execute()
        RemoteRemovalRow.delete().execute()

    def record_account_sync(
        self,
        *,
        error: str | None,
        newest_usec: int | None = None,
        retry_after: datetime | None = None,
    ) -> None:
        """What the last sync came to; ``last_sync`` moves only when it reached the end."""
        values: dict[pw.Field, object] = {
            AccountRow.last_error: error,
            AccountRow.retry_after: retry_after,
        }
        if error is None:
            values[AccountRow.last_sync] = utcnow()
        if newest_usec is not None:
            values[AccountRow.newest_usec] = newest_usec
        AccountRow.update(values).execute()

    def record_newest_item(self, newest_usec: int) -> None:
        """Progress through a long first sync: a restart goes on after this item."""
        AccountRow.update(newest_usec=newest_usec).where(
            AccountRow.newest_usec < newest_usec
        ).execute()

    def pending_count(self) -> int:
        """Local changes waiting to be sent: read/star states, subscriptions, removals."""
        articles = ArticleRow.select().where(_PENDING).count()
        return articles + len(self.feeds_to_subscribe()) + RemoteRemovalRow.select().count()

    # --- feeds ------------------------------------------------------------------------

    def feeds_to_subscribe(self) -> list[tuple[int, str, str | None]]:
        """(feed id, url, folder) of subscribed feeds the server does not know yet."""
        rows = (
            FeedRow.select(FeedRow.id, FeedRow.url, FeedRow.folder)
            .where(
                FeedRow.remote_id.is_null()
                & (FeedRow.unsubscribed == False)  # noqa: E712
                & ~FeedRow.url.startswith(LOCAL_SCHEME)
            )
            .order_by(FeedRow.id)
            .tuples()
        )
        return list(rows)

    def remote_feeds(self) -> dict[str, int]:
        """Stream id → feed id of every feed the server knows."""
        rows = FeedRow.select(FeedRow.remote_id, FeedRow.id).where(FeedRow.remote_id.is_null(False))
        return dict(rows.tuples())

    def feed_ids_by_url(self) -> dict[str, int]:
        """URL → id of subscribed feeds not yet matched to a server feed."""
        rows = FeedRow.select(FeedRow.url, FeedRow.id).where(
            FeedRow.remote_id.is_null() & (FeedRow.unsubscribed == False)  # noqa: E712
        )
        return dict(rows.tuples())

    def set_feed_remote_id(self, feed_id: int, stream_id: str | None) -> None:
        with self.db.atomic():
            if stream_id is not None:  # a stream id names one feed: take it off any other
                FeedRow.update(remote_id=None).where(
                    (FeedRow.remote_id == stream_id) & (FeedRow.id != feed_id)
                ).execute()
            FeedRow.update(remote_id=stream_id).where(FeedRow.id == feed_id).execute()

    def set_feed_from_server(
        self, feed_id: int, *, title: str, site_url: str | None, folder: str | None
    ) -> bool:
        """The server's title, site and folder for a feed; True when one differed."""
        row = FeedRow.get_or_none(FeedRow.id == feed_id)
        if row is None:
            return False
        changed = False
        if title and row.title != title:
            row.title, changed = title, True
        if site_url and row.site_url != site_url:
            row.site_url, changed = site_url, True
        if folder != row.folder:
            row.folder, changed = folder, True
        if changed:
            row.save()
        return changed

    def removals(self) -> list[str]:
        return [r for (r,) in RemoteRemovalRow.select(RemoteRemovalRow.remote_id).tuples()]

    def drop_removal(self, stream_id: str) -> None:
        RemoteRemovalRow.delete().where(RemoteRemovalRow.remote_id == stream_id).execute()

    # --- items ------------------------------------------------------------------------

    def known_remote_ids(self, remote_ids: Sequence[int]) -> set[int]:
        found: set[int] = set()
        for chunk in chunks(list(remote_ids)):
            found.update(
                r
                for (r,) in ArticleRow.select(ArticleRow.remote_id)
                .where(ArticleRow.remote_id.in_(list(chunk)))
                .tuples()
            )
        return found

    def unmatched_articles(self, feed_id: int) -> dict[str, int]:
        """Link (and guid) → id of a feed's articles not yet tied to a server item: how
        an item the server fetched finds the article we fetched ourselves."""
        out: dict[str, int] = {}
        rows = ArticleRow.select(ArticleRow.id, ArticleRow.guid, ArticleRow.link).where(
            (ArticleRow.feed == feed_id) & ArticleRow.remote_id.is_null()
        )
        for article_id, guid, link in rows.tuples():
            out.setdefault(guid, article_id)
            if link:
                out.setdefault(link, article_id)
        return out

    def tie_to_server(
        self, ties: Sequence[tuple[int, int, bool, bool]], *, take_state: bool
    ) -> list[int]:
        """Tie articles to server items: (article id, remote id, read, starred).

        ``take_state``: the server's read/star become ours (new articles). Otherwise ours
        stay and the server's are only recorded as known, so where they differ, ours is
        sent (an article we had before it came through the server: the reader's own
        marks win). Returns the ids whose read or star changed. One prepared statement
        for the lot: a first sync ties thousands of rows per batch."""
        now = to_epoch(utcnow())
        with self.db.atomic():
            cursor = self.db.connection()
            if take_state:
                cursor.executemany(
                    "UPDATE article SET remote_id = ?, remote_read = ?, remote_starred = ?,"
                    " read = ?, read_at = ?, starred = ? WHERE id = ?",
                    [
                        (remote, read, star, read, now if read else None, star, article)
                        for article, remote, read, star in ties
                    ],
                )
                return [article for article, _, read, star in ties if read or star]
            cursor.executemany(
                "UPDATE article SET remote_id = ?, remote_read = ?, remote_starred = ?"
                " WHERE id = ?",
                [(remote, read, star, article) for article, remote, read, star in ties],
            )
        return []

    def remote_states(self, batch: int = 5000) -> Iterator[list[RemoteArticleState]]:
        """Every article tied to the server, in batches (by id, so memory stays small)."""
        last = 0
        while True:
            rows = list(
                ArticleRow.select(*_STATE)
                .where(ArticleRow.remote_id.is_null(False) & (ArticleRow.id > last))
                .order_by(ArticleRow.id)
                .limit(batch)
                .tuples()
            )
            if not rows:
                return
            last = rows[-1][0]
            yield [_state(row) for row in rows]

    def apply_server_flags(self, updates: Sequence[FlagUpdate]) -> None:
        """Record the server's state, and take it as ours where ``take_*`` says so."""
        now = to_epoch(utcnow())
        rows = [
            (
                u.read,
                u.starred,
                u.take_read,
                u.read,
                u.take_read,
                now if u.read else None,
                u.take_starred,
                u.starred,
                u.article_id,
            )
            for u in updates
        ]
        with self.db.atomic():
            self.db.connection().executemany(
                "UPDATE article SET remote_read = ?, remote_starred = ?,"
                " read = CASE WHEN ? THEN ? ELSE read END,"
                " read_at = CASE WHEN ? THEN ? ELSE read_at END,"
                " starred = CASE WHEN ? THEN ? ELSE starred END"
                " WHERE id = ?",
                rows,
            )

    def pending_flags(self) -> list[RemoteArticleState]:
        """Articles whose read or star differs from the server's: what waits to be sent."""
        return [_state(row) for row in ArticleRow.select(*_STATE).where(_PENDING).tuples()]

    def mark_sent(self, remote_ids: Sequence[int], *, flag: str, value: bool) -> None:
        """The server now holds ``value`` for ``flag`` on these items. Only rows that still
        hold it are marked: a change made while the request was out waits its turn."""
        field, known = (
            (ArticleRow.read, ArticleRow.remote_read)
            if flag == "read"
            else (ArticleRow.starred, ArticleRow.remote_starred)
        )
        with self.db.atomic():
            for chunk in chunks(list(remote_ids)):
                ArticleRow.update({known: value}).where(
                    ArticleRow.remote_id.in_(list(chunk)) & (field == value)
                ).execute()
