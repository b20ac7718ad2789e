"""Refresh many feeds at once: fetch -> parse -> detect series -> upsert.

Fetching and parsing run on a small thread pool (network waits overlap; nh3 and the
expat parser release the GIL for part of their work). All database writes happen on
the calling thread, one transaction per feed, so the writer never contends with itself
and a crash mid-sync leaves every feed either fully stored or untouched.

A feed whose document is broken in a way that can lose entries (cut off, mismatched
tags; see ``feeds.malformed``) keeps the entries read before the fault and is reported
``FAILED`` with the parser's sentence, exactly like any other failed feed: the CLI
exits 1 with a line for it and the window marks it. A new status would have had to be
taught to every reader of ``FeedSyncResult``, and any that missed it would pass the
feed silently again. Its validators are not stored, so the next sync fetches it whole.

Nothing here touches Qt: the GUI's worker thread calls ``sync_feeds`` and turns the
callbacks into signals.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TypedDict

from readinglist.feeds.fetch import Fetcher
from readinglist.feeds.parse import parse_feed
from readinglist.feeds.sanitize import html_to_text
from readinglist.feeds.series import detect as series_detection
from readinglist.model.errors import FeedError, RetryLaterError
from readinglist.model.records import (
    Feed,
    FeedSyncResult,
    FetchResult,
    IncomingArticle,
    ParsedEntry,
    ParsedFeed,
    SeriesGuess,
    SyncStatus,
    SyncSummary,
)
from readinglist.services.highlights import reanchor
from readinglist.storage.store import Store

# Above FetchLimits.per_host_connections (6): a host's feeds fill six workers and the
# other two still serve the rest of the library.
DEFAULT_WORKERS = 8
CANCEL_GRACE = 0.5  # seconds a cancelled run waits for fetches already under way
SEARCH_TEXT_CHARS = 4000

ResultCallback = Callable[[FeedSyncResult], None]
ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class _Fetched:
    """What a pool thread hands the writer for one feed."""

    feed: Feed
    status: SyncStatus
    parsed: ParsedFeed | None = None
    hashes: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    new_url: str | None = None
    error: str | None = None
    retry_after_seconds: float | None = None


def entry_hash(entry: ParsedEntry) -> str:
    """A digest of the feed-owned fields: equal hash means nothing to rewrite."""
    digest = hashlib.blake2b(digest_size=16)
    for value in (
        entry.title,
        entry.link or "",
        entry.author or "",
        entry.summary_html,
        entry.content_html,
        entry.published.isoformat() if entry.published else "",
        entry.updated.isoformat() if entry.updated else "",
        "\n".join(entry.categories),
    ):
        digest.update(value.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


class _Validators(TypedDict):
    etag: str | None
    last_modified: str | None
    new_url: str | None


def _validators(result: FetchResult | None) -> _Validators:
    if result is None:
        return {"etag": None, "last_modified": None, "new_url": None}
    return {
        "etag": result.etag,
        "last_modified": result.last_modified,
        "new_url": result.permanent_url,
    }


def _parsed(
    feed: Feed,
    content: bytes,
    url: str,
    content_type: str | None,
    fetched: FetchResult | None = None,
) -> _Fetched:
    """Parse fetched bytes and prepare everything the writer needs (runs off the writer)."""
    content_hash = hashlib.sha256(content).hexdigest()
    if content_hash == feed.content_hash:
        return _Fetched(
            feed, SyncStatus.UNCHANGED, content_hash=content_hash, **_validators(fetched)
        )
    try:
        parsed = parse_feed(content, url=url, content_type=content_type)
    except FeedError as exc:
        return _Fetched(feed, SyncStatus.FAILED, error=str(exc))
    hashes = tuple(entry_hash(e) for e in parsed.entries)
    texts = tuple(
        html_to_text(e.summary_html or e.content_html)[:SEARCH_TEXT_CHARS] for e in parsed.entries
    )
    if parsed.fault is not None:
        # A broken document (cut off, mismatched tags): keep what was read, fail the feed.
        # No validators and no content hash are stored, so the next sync asks for the
        # whole document again and the error stays until the server sends a good one.
        return _Fetched(
            feed, SyncStatus.FAILED, parsed=parsed, hashes=hashes, texts=texts, error=parsed.fault
        )
    return _Fetched(
        feed,
        SyncStatus.UPDATED,
        parsed=parsed,
        hashes=hashes,
        texts=texts,
        content_hash=content_hash,
        **_validators(fetched),
    )


def ingest_document(
    store: Store,
    feed_id: int,
    content: bytes,
    *,
    url: str,
    content_type: str | None = None,
    fetched: FetchResult | None = None,
) -> FeedSyncResult:
    """Store a feed document we already hold (the sample library, a subscribe probe).

    ``fetched`` carries the response's validators so the next sync can ask for a 304.
    """
    feed = store.get_feed(feed_id)
    return _store(store, _parsed(feed, content, url, content_type, fetched))


def _fetch_and_parse(fetcher: Fetcher, feed: Feed, cancel: threading.Event) -> _Fetched:
    if cancel.is_set():
        return _Fetched(feed, SyncStatus.CANCELLED)
    try:
        result = fetcher.fetch(
            feed.url, etag=feed.etag, last_modified=feed.last_modified, cancel=cancel
        )
    except RetryLaterError as exc:
        return _Fetched(
            feed, SyncStatus.FAILED, error=str(exc), retry_after_seconds=exc.retry_after_seconds
        )
    except FeedError as exc:
        status = SyncStatus.CANCELLED if cancel.is_set() else SyncStatus.FAILED
        return _Fetched(feed, status, error=str(exc))
    if result.not_modified or result.content is None:
        return _Fetched(
            feed, SyncStatus.NOT_MODIFIED, content_hash=feed.content_hash, **_validators(result)
        )
    return _parsed(feed, result.content, result.final_url, result.content_type, result)


def group_with_stored(
    store: Store, feed_id: int, entries: Sequence[ParsedEntry]
) -> tuple[list[SeriesGuess], dict[str, SeriesGuess]]:
    """Series for the incoming entries, grouped together with everything stored.

    Returns the guesses for ``entries`` and, for stored articles not in ``entries``,
    the guesses that changed since they were stored.
    """
    incoming = {e.guid for e in entries}
    stored = [s for s in store.feed_post_signatures(feed_id) if s.guid not in incoming]
    posts = [(e.title, e.link, e.categories, e.published) for e in entries] + [
        (s.title, s.link, s.categories, s.published) for s in stored
    ]
    guesses = series_detection.group(posts)
    regrouped = {}
    for signature, guess in zip(stored, guesses[len(entries) :], strict=True):
        if (signature.series_key, signature.part, signature.short_title) != (
            guess.key,
            guess.part,
            guess.short_title,
        ):
            regrouped[signature.guid] = guess
    return guesses[: len(entries)], regrouped


def _store(store: Store, fetched: _Fetched) -> FeedSyncResult:
    feed = fetched.feed
    if fetched.status is SyncStatus.FAILED and fetched.parsed is None:
        retry = None
        if fetched.retry_after_seconds is not None:
            retry = datetime.now(UTC) + timedelta(seconds=fetched.retry_after_seconds)
        store.record_fetch_error(feed.id, fetched.error or "failed", retry_after=retry)
        return FeedSyncResult(feed.id, feed.url, SyncStatus.FAILED, error=fetched.error)
    if fetched.status is SyncStatus.CANCELLED:
        return FeedSyncResult(feed.id, feed.url, SyncStatus.CANCELLED)
    parsed = fetched.parsed
    with store.transaction():
        new_ids: tuple[int, ...] = ()
        series_ids: tuple[int, ...] = ()
        updated = 0
        if parsed is not None:
            guesses, regrouped = group_with_stored(store, feed.id, parsed.entries)
            incoming = [
                IncomingArticle(entry, guess, chash, text)
                for entry, guess, chash, text in zip(
                    parsed.entries, guesses, fetched.hashes, fetched.texts, strict=True
                )
            ]
            outcome = store.upsert_entries(feed.id, incoming, regrouped)
            new_ids, updated = outcome.new_ids, len(outcome.updated_ids)
            if outcome.updated_ids:  # a changed text: highlights are anchored again
                reanchor(store, outcome.updated_ids)
            if new_ids or outcome.updated_ids:  # one query, only when something changed
                series_ids = tuple(
                    sorted(store.feeds_and_series_of(new_ids + outcome.updated_ids)[1])
                )
        if fetched.status is SyncStatus.FAILED:  # malformed: entries kept, error shown
            store.record_fetch_error(feed.id, fetched.error or "failed")
            return FeedSyncResult(
                feed.id,
                feed.url,
                SyncStatus.FAILED,
                new_count=len(new_ids),
                updated_count=updated,
                error=fetched.error,
                new_article_ids=new_ids,
                series_ids=series_ids,
            )
        store.record_fetch_success(
            feed.id,
            etag=fetched.etag,
            last_modified=fetched.last_modified,
            content_hash=fetched.content_hash,
            title=parsed.title if parsed else None,
            site_url=parsed.site_url if parsed else None,
            new_url=fetched.new_url,
        )
    return FeedSyncResult(
        feed.id,
        fetched.new_url or feed.url,
        fetched.status,
        new_count=len(new_ids),
        updated_count=updated,
        new_article_ids=new_ids,
        series_ids=series_ids,
    )


def iter_sync(
    store: Store,
    feed_ids: Sequence[int] | None = None,
    *,
    fetcher: Fetcher | None = None,
    cancel: threading.Event | None = None,
    workers: int = DEFAULT_WORKERS,
    respect_retry_after: bool = True,
) -> Iterator[FeedSyncResult]:
    """Yield one result per feed as each finishes. Writes happen on the caller's thread."""
    cancel = cancel or threading.Event()
    feeds = [f for f in store.list_feeds() if not f.offline]
    if feed_ids is not None:
        wanted = set(feed_ids)
        feeds = [f for f in feeds if f.id in wanted]
    now = datetime.now(UTC)
    own_fetcher = fetcher is None
    fetcher = fetcher or Fetcher()
    pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="sync")
    cancelled_at: float | None = None
    try:
        queue: list[Feed] = []
        for feed in feeds:
            if respect_retry_after and feed.retry_after and feed.retry_after > now:
                yield FeedSyncResult(feed.id, feed.url, SyncStatus.SKIPPED, error=feed.last_error)
            else:
                queue.append(feed)
        queue.reverse()
        # A bounded window of feeds in flight: parsed documents wait for the writer only
        # this many at a time, which caps memory however many feeds there are.
        window = max(2, workers + 2)
        pending: dict[Future[_Fetched], Feed] = {}
        while queue or pending:
            while queue and len(pending) < window and not cancel.is_set():
                feed = queue.pop()
                pending[pool.submit(_fetch_and_parse, fetcher, feed, cancel)] = feed
            if cancel.is_set():
                cancelled_at = cancelled_at or time.monotonic()
                while queue:
                    feed = queue.pop()
                    yield FeedSyncResult(feed.id, feed.url, SyncStatus.CANCELLED)
                for future in list(pending):
                    # not started yet, or still blocked on a silent server after a grace
                    # period: report it cancelled and stop waiting for it
                    if future.cancel() or time.monotonic() - cancelled_at > CANCEL_GRACE:
                        feed = pending.pop(future)
                        yield FeedSyncResult(feed.id, feed.url, SyncStatus.CANCELLED)
            if not pending:
                continue
            done, _ = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
            for future in done:
                feed = pending.pop(future)
                try:
                    fetched = future.result()
                except Exception as exc:  # a bug in one feed's path must not stop the rest
                    fetched = _Fetched(feed, SyncStatus.FAILED, error=f"internal error: {exc!r}")
                yield _store(store, fetched)
    finally:
        # After a cancel, abandoned fetches end on their own (they see the event between
        # chunks, or hit their read timeout); nobody waits for them.
        pool.shutdown(wait=cancelled_at is None, cancel_futures=True)
        if own_fetcher and cancelled_at is None:
            fetcher.close()


def sync_feeds(
    store: Store,
    feed_ids: Sequence[int] | None = None,
    *,
    fetcher: Fetcher | None = None,
    cancel: threading.Event | None = None,
    workers: int = DEFAULT_WORKERS,
    on_result: ResultCallback | None = None,
    on_progress: ProgressCallback | None = None,
    respect_retry_after: bool = True,
) -> SyncSummary:
    """Sync feeds and return the summary; callbacks fire on the caller's thread."""
    cancel = cancel or threading.Event()
    total = (
        len(feed_ids)
        if feed_ids is not None
        else sum(1 for f in store.list_feeds() if not f.offline)
    )
    results: list[FeedSyncResult] = []
    if on_progress:
        on_progress(0, total)
    for result in iter_sync(
        store,
        feed_ids,
        fetcher=fetcher,
        cancel=cancel,
        workers=workers,
        respect_retry_after=respect_retry_after,
    ):
        results.append(result)
        if on_result:
            on_result(result)
        if on_progress:
            on_progress(len(results), total)
    return SyncSummary(tuple(results), cancelled=cancel.is_set())
