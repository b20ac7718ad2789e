"""One sync with a Google Reader API account: send what changed here, take what changed
there. The server fetches the feeds; we take its items and keep ours on top of them
(series, notes, highlights, corrections), tied to the same article rows.

The order, and why:

1. **Unsubscriptions, then subscriptions** made here: a feed removed and added again
   before a sync is unsubscribed first, then subscribed anew. A feed the server already
   has (same URL) is matched, never added twice.
2. **Read and star states** that differ from what the server is known to hold
   (``storage.account_store``): sent in batches; each batch is recorded as sent only
   for the rows that still hold the value sent.
3. **New items**: the ids since the newest item taken last time (oldest first, so a
   first sync cut short goes on where it stopped), then their contents, ``BATCH`` at a
   time, each batch stored in one transaction per feed. An item whose link or guid names
   an article we fetched ourselves is tied to it: no duplicate, and the reader's marks on
   it win. Series are detected here, exactly as for our own fetches.
4. **Read and star states from the server**: the unread and starred id lists, compared
   with what the server was known to hold. Where the server changed and we did not, the
   server's state becomes ours; where both changed, both changed the same way (a state
   has two values), so only the record moves.

Which action wins when the same article changed here and on another device: the API
keeps no time of a read or a star, so "later" is decided by what this device knows.
Changes made here go out first (step 2, within one sync of being made, at once when
the window is open and the server answers), so a change on another device that arrives
later is later and wins at the next sync, and one that came before it is overwritten by
ours, which is later. The one case this cannot date: both devices change the same
article while this one cannot reach the server; then the change made here wins.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from readinglist.feeds import greader
from readinglist.feeds.greader import RemoteItem, Subscription
from readinglist.feeds.sanitize import html_to_text
from readinglist.model.changes import NO_CHANGES, Changes
from readinglist.model.errors import (
    FeedExistsError,
    LoginRefusedError,
    SyncRetryLaterError,
    SyncServerError,
)
from readinglist.model.records import (
    FeedSyncResult,
    IncomingArticle,
    SyncStatus,
    SyncSummary,
)
from readinglist.services.account.client import BATCH, GReaderClient
from readinglist.storage.account_store import FlagUpdate
from readinglist.storage.store import Store

ProgressCallback = Callable[[int, int], None]
ResultCallback = Callable[[FeedSyncResult], None]
SEARCH_TEXT_CHARS = 4000


@dataclass
class _Run:
    """What one sync has done so far (kept when it stops half-way)."""

    new: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    series: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    flipped: set[int] = field(default_factory=set)
    feeds_changed: set[int] = field(default_factory=set)
    feed_list: bool = False
    newest_usec: int = 0

    def results(self, store: Store) -> tuple[FeedSyncResult, ...]:
        feeds = {f.id: f.url for f in store.list_feeds(include_unsubscribed=True)}
        out = []
        for feed_id in sorted(set(self.new) | self.feeds_changed):
            if feed_id not in feeds:
                continue
            new_ids = tuple(self.new.get(feed_id, ()))
            out.append(
                FeedSyncResult(
                    feed_id,
                    feeds[feed_id],
                    SyncStatus.UPDATED,
                    new_count=len(new_ids),
                    new_article_ids=new_ids,
                    series_ids=tuple(sorted(self.series.get(feed_id, ()))),
                )
            )
        return tuple(out)

    def changes(self, store: Store) -> Changes:
        if not (self.flipped or self.feed_list or self.feeds_changed):
            return NO_CHANGES
        feeds, series = store.feeds_and_series_of(self.flipped)
        return Changes.of(
            feeds=feeds | self.feeds_changed,
            series=series,
            articles=self.flipped,
            feed_list=self.feed_list,
        )


class AccountSync:
    """One sync run; ``run()`` never raises a server error, it reports it."""

    def __init__(
        self,
        store: Store,
        client: GReaderClient,
        *,
        cancel: threading.Event | None = None,
        on_progress: ProgressCallback | None = None,
        on_result: ResultCallback | None = None,
    ) -> None:
        self.store = store
        self.client = client
        self.cancel = cancel or threading.Event()
        self.on_progress = on_progress
        self.on_result = on_result
        self.run_state = _Run()

    def run(self, *, respect_retry_after: bool = True) -> SyncSummary:
        account = self.store.get_account()
        if account is None:
            return SyncSummary()
        now = datetime.now(UTC)
        if respect_retry_after and account.retry_after and account.retry_after > now:
            wait = account.retry_after.strftime("%H:%M UTC")
            return SyncSummary(account_error=f"the sync server asked to wait until {wait}")
        self.run_state.newest_usec = account.newest_usec
        error: str | None = None
        retry_after: datetime | None = None
        try:
            self._steps()
        except SyncRetryLaterError as exc:
            error = str(exc)
            retry_after = now + timedelta(seconds=exc.retry_after_seconds)
        except (SyncServerError, LoginRefusedError) as exc:
            error = str(exc)
        cancelled = self.cancel.is_set()
        if error is not None or not cancelled:
            self.store.record_account_sync(
                error=error, newest_usec=self.run_state.newest_usec, retry_after=retry_after
            )
        results = self.run_state.results(self.store)
        if self.on_result:
            for result in results:
                self.on_result(result)
        return SyncSummary(
            results,
            cancelled=cancelled,
            account_error=error,
            account_changes=self.run_state.changes(self.store),
        )

    def _steps(self) -> None:
        subscriptions = self._sync_subscriptions()
        if self.cancel.is_set():
            return
        self._send_flags()
        if self.cancel.is_set():
            return
        self._take_items(subscriptions)
        if self.cancel.is_set():
            return
        self._send_flags()  # articles we had before the server sent them: our marks go out
        if self.cancel.is_set():
            return
        self._take_flags()

    # --- 1. subscriptions ---------------------------------------------------------------

    def _sync_subscriptions(self) -> list[Subscription]:
        store, client = self.store, self.client
        for removed in store.removals():
            client.edit_subscription(removed, action="unsubscribe")
            store.drop_removal(removed)
        subscriptions = client.subscriptions()
        self._match_feeds(subscriptions)
        added = False
        for feed_id, url, folder in store.feeds_to_subscribe():
            stream_id = client.quickadd(url)
            if stream_id is None:
                store.record_fetch_error(feed_id, "the sync server could not subscribe to it")
                continue
            store.set_feed_remote_id(feed_id, stream_id)
            if folder:
                client.edit_subscription(stream_id, action="edit", label=folder)
            added = True
        if added:
            subscriptions = client.subscriptions()
        self._take_subscriptions(subscriptions)
        return subscriptions

    def _match_feeds(self, subscriptions: Sequence[Subscription]) -> None:
        """Tie local feeds to the server's by URL (a library moving onto an account)."""
        known = self.store.remote_feeds()
        by_url = self.store.feed_ids_by_url()
        for sub in subscriptions:
            if sub.stream_id not in known and sub.url in by_url:
                self.store.set_feed_remote_id(by_url.pop(sub.url), sub.stream_id)

    def _take_subscriptions(self, subscriptions: Sequence[Subscription]) -> None:
        """Feeds subscribed or unsubscribed on another device, titles and folders."""
        store, run = self.store, self.run_state
        known = store.remote_feeds()
        on_server = {sub.stream_id for sub in subscriptions}
        for sub in subscriptions:
            feed_id = known.get(sub.stream_id)
            if feed_id is None:
                try:
                    feed_id = store.add_feed(
                        sub.url, title=sub.title, site_url=sub.site_url, folder=sub.label
                    ).id
                except FeedExistsError:
                    continue  # matched by URL above; cannot happen twice
                store.set_feed_remote_id(feed_id, sub.stream_id)
                run.feed_list = True
                run.feeds_changed.add(feed_id)
            elif store.set_feed_from_server(
                feed_id, title=sub.title, site_url=sub.site_url, folder=sub.label
            ):
                run.feed_list = True
                run.feeds_changed.add(feed_id)
        for stream_id, feed_id in known.items():
            if stream_id not in on_server:  # unsubscribed on another device
                store.set_feed_remote_id(feed_id, None)
                store.remove_feed(feed_id, keep_annotated=True)
                run.feed_list = True

    # --- 2. our read and star states ------------------------------------------------------

    def _send_flags(self) -> None:
        pending = self.store.pending_flags()
        if not pending:
            return
        groups: dict[tuple[str, bool], list[int]] = defaultdict(list)
        for state in pending:
            if state.read != state.remote_read:
                groups[("read", state.read)].append(state.remote_id)
            if state.starred != state.remote_starred:
                groups[("starred", state.starred)].append(state.remote_id)
        for (flag, value), ids in groups.items():
            tag = greader.READ if flag == "read" else greader.STARRED
            for start in range(0, len(ids), BATCH):
                batch = ids[start : start + BATCH]
                if value:
                    self.client.edit_tag(batch, add=tag)
                else:
                    self.client.edit_tag(batch, remove=tag)
                self.store.mark_sent(batch, flag=flag, value=value)
                if self.cancel.is_set():
                    return

    # --- 3. new items -----------------------------------------------------------------

    def _take_items(self, subscriptions: Sequence[Subscription]) -> None:
        run = self.run_state
        since = run.newest_usec // 1_000_000 - 1 if run.newest_usec else None
        missing: list[int] = []
        for page in self.client.item_ids(greader.READING_LIST, newer_than=since, oldest_first=True):
            known = self.store.known_remote_ids(page)
            missing.extend(i for i in page if i not in known)
            if self.cancel.is_set():
                return
        feeds = self.store.remote_feeds()
        total = len(missing)
        if self.on_progress:
            self.on_progress(0, total)
        for start in range(0, total, BATCH):
            items = self.client.items(missing[start : start + BATCH])
            by_feed: dict[int, list[RemoteItem]] = defaultdict(list)
            for item in items:
                feed_id = feeds.get(item.stream_id)
                if feed_id is not None:
                    by_feed[feed_id].append(item)
            with self.store.transaction():
                for feed_id, feed_items in by_feed.items():
                    self._store_items(feed_id, feed_items)
                newest = max((i.crawled_usec for i in items), default=0)
                if newest > run.newest_usec:
                    run.newest_usec = newest
                    self.store.record_newest_item(newest)
            if self.on_progress:
                self.on_progress(min(start + BATCH, total), total)
            if self.cancel.is_set():
                return

    def _store_items(self, feed_id: int, items: Sequence[RemoteItem]) -> None:
        from readinglist.services.prepare import entry_hash
        from readinglist.services.regroup import GROUPING_VERSION
        from readinglist.services.sync import group_with_stored

        store, run = self.store, self.run_state
        ours = store.unmatched_articles(feed_id)
        tied: set[int] = set()
        ties: list[tuple[int, int, bool, bool]] = []
        fresh: dict[str, RemoteItem] = {}
        for item in items:
            entry = item.entry
            article_id = ours.get(entry.guid) or (ours.get(entry.link) if entry.link else None)
            if article_id is not None and article_id not in tied:
                tied.add(article_id)
                ties.append((article_id, item.remote_id, item.read, item.starred))
            elif article_id is None and entry.guid not in fresh:
                fresh[entry.guid] = item
        if ties:
            store.tie_to_server(ties, take_state=False)
        if not fresh:
            return
        entries = [item.entry for item in fresh.values()]
        guesses, regrouped = group_with_stored(store, feed_id, entries)
        store.mark_grouped(feed_id, GROUPING_VERSION)  # all its posts, by these rules
        incoming = [
            IncomingArticle(
                entry,
                guess,
                entry_hash(entry),
                html_to_text(entry.summary_html or entry.content_html)[:SEARCH_TEXT_CHARS],
            )
            for entry, guess in zip(entries, guesses, strict=True)
        ]
        outcome = store.upsert_entries(feed_id, incoming, regrouped)
        ids = store.article_ids_for_guids(feed_id, list(fresh))
        new_ties = [
            (article_id, item.remote_id, item.read, item.starred)
            for article_id, item in zip(ids, fresh.values(), strict=True)
        ]
        run.flipped.update(store.tie_to_server(new_ties, take_state=True))
        run.new[feed_id].extend(outcome.new_ids)
        if outcome.new_ids or outcome.updated_ids:
            run.series[feed_id].update(
                store.feeds_and_series_of(outcome.new_ids + outcome.updated_ids)[1]
            )

    # --- 4. read and star states from the server ------------------------------------------

    def _take_flags(self) -> None:
        unread: set[int] = set()
        for page in self.client.item_ids(greader.READING_LIST, exclude=greader.READ):
            unread.update(page)
        starred: set[int] = set()
        for page in self.client.item_ids(greader.STARRED):
            starred.update(page)
        for batch in self.store.remote_states():
            updates = []
            for state in batch:
                server_read = state.remote_id not in unread
                server_star = state.remote_id in starred
                if server_read == state.remote_read and server_star == state.remote_starred:
                    continue
                take_read = server_read != state.remote_read and state.read == state.remote_read
                take_star = (
                    server_star != state.remote_starred and state.starred == state.remote_starred
                )
                updates.append(
                    FlagUpdate(state.article_id, server_read, server_star, take_read, take_star)
                )
                if (take_read and state.read != server_read) or (
                    take_star and state.starred != server_star
                ):
                    self.run_state.flipped.add(state.article_id)
            if updates:
                self.store.apply_server_flags(updates)
