"""Refresh many feeds at once: fetch -> parse -> detect series -> upsert.

Fetching runs on a small thread pool (network waits overlap). Preparing each document
(parse, sanitize, hashes, search text, packing, series grouping: ``services.prepare``)
runs on the fetch thread for a small sync and on worker processes once a run has
enough bytes to parse (``services.parse_pool``), so a big first sync uses every core.
All database writes happen on the calling thread, one transaction per feed, so the
writer never contends with itself and a crash mid-sync leaves every feed either fully
stored or untouched.

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
from datetime import UTC, datetime, timedelta

from readinglist.feeds.fetch import Fetcher
from readinglist.feeds.series import detect as series_detection
from readinglist.model.errors import FeedError, RetryLaterError
from readinglist.model.records import (
    DeclaredSeries,
    Feed,
    FeedSyncResult,
    FetchResult,
    IncomingArticle,
    ParsedEntry,
    PostSignature,
    SeriesGuess,
    SyncStatus,
    SyncSummary,
)
from readinglist.services.highlights import reanchor
from readinglist.services.parse_pool import ParsePool
from readinglist.services.prepare import (
    SEARCH_TEXT_CHARS,
    Fetched,
    entry_hash,
    prepare,
    validators,
)
from readinglist.services.regroup import GROUPING_VERSION
from readinglist.storage.heap import bound_malloc
from readinglist.storage.store import Store

__all__ = [
    "SEARCH_TEXT_CHARS",
    "entry_hash",
    "group_with_stored",
    "ingest_document",
    "iter_sync",
    "sync_feeds",
]

# Above FetchLimits.per_host_connections (6): a host's feeds fill six workers and the
# other two still serve the rest of the library.
DEFAULT_WORKERS = 8
CANCEL_GRACE = 0.5  # seconds a cancelled run waits for fetches already under way
# Feeds in flight beyond the parse workers' number while they run: fetching (or
# fetched and waiting) while the workers parse.
PARSE_AHEAD = 3

ResultCallback = Callable[[FeedSyncResult], None]
ProgressCallback = Callable[[int, int], None]


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
    return _store(store, prepare(feed, content, url, content_type, validators(fetched)))


def _fetch_and_parse(
    fetcher: Fetcher, feed: Feed, cancel: threading.Event, parse_pool: ParsePool
) -> Fetched:
    if cancel.is_set():
        return Fetched(feed, SyncStatus.CANCELLED)
    try:
        result = fetcher.fetch(
            feed.url, etag=feed.etag, last_modified=feed.last_modified, cancel=cancel
        )
    except RetryLaterError as exc:
        return Fetched(
            feed, SyncStatus.FAILED, error=str(exc), retry_after_seconds=exc.retry_after_seconds
        )
    except FeedError as exc:
        status = SyncStatus.CANCELLED if cancel.is_set() else SyncStatus.FAILED
        return Fetched(feed, status, error=str(exc))
    if result.not_modified or result.content is None:
        return Fetched(
            feed, SyncStatus.NOT_MODIFIED, content_hash=feed.content_hash, **validators(result)
        )
    if cancel.is_set():
        return Fetched(feed, SyncStatus.CANCELLED)
    if hashlib.sha256(result.content).hexdigest() == feed.content_hash:
        # the same bytes again (a server without validators): nothing to prepare
        return Fetched(
            feed, SyncStatus.UNCHANGED, content_hash=feed.content_hash, **validators(result)
        )
    try:
        return parse_pool.prepare(
            feed, result.content, result.final_url, result.content_type, validators(result)
        )
    except FeedError as exc:  # the worker process preparing it stopped
        status = SyncStatus.CANCELLED if cancel.is_set() else SyncStatus.FAILED
        return Fetched(feed, status, error=str(exc))


def group_with_stored(
    store: Store,
    feed_id: int,
    entries: Sequence[ParsedEntry],
    alone: Sequence[SeriesGuess] | None = None,
) -> tuple[list[SeriesGuess], dict[str, SeriesGuess]]:
    """Series for the incoming entries, grouped together with everything stored.

    Returns the guesses for ``entries`` and, for stored articles not in ``entries``,
    the guesses that changed since they were stored. ``alone``: the entries already
    grouped on their own (``services.prepare``), the answer when nothing else is stored.
    """
    incoming = {e.guid for e in entries}
    signatures = store.feed_post_signatures(feed_id)
    stored = [s for s in signatures if s.guid not in incoming]
    # stored posts the feed still carries: their rows are rewritten only when their
    # text changed, so a new grouping reaches them through ``regrouped`` too
    carried = {s.guid: s for s in signatures if s.guid in incoming}
    # what the site declared (its pages, its list of series, the boxes in the feed's
    # copies of its posts) outranks the guesses; the document's own grouping never saw
    # it, so it serves only a feed with none
    declared = with_feed_boxes(store.feed_declarations(feed_id), entries)
    if not stored and not declared and alone is not None and len(alone) == len(entries):
        guesses = list(alone)
    else:
        posts = [(e.title, e.link, e.categories, e.published) for e in entries] + [
            (s.title, s.link, s.categories, s.published) for s in stored
        ]
        guesses = series_detection.group(posts)
        if declared:
            from readinglist.feeds.series.declared import apply_declared

            links, dates = [post[1] for post in posts], [post[3] for post in posts]
            guesses = apply_declared(links, guesses, declared, dates)
    regrouped = {}
    for signature, guess in zip(stored, guesses[len(entries) :], strict=True):
        if _moved(signature, guess):
            regrouped[signature.guid] = guess
    for entry, guess in zip(entries, guesses, strict=False):
        kept = carried.get(entry.guid)
        if kept is not None and _moved(kept, guess):
            regrouped[entry.guid] = guess
    return guesses[: len(entries)], regrouped


def with_feed_boxes(
    stored: dict[str, DeclaredSeries], entries: Sequence[ParsedEntry]
) -> dict[str, DeclaredSeries]:
    """The feed's declarations (link -> what was declared) with what the incoming
    entries' own HTML declares now: a box the feed carries replaces the one it carried,
    one it no longer carries goes, and neither speaks over a page or the site's list
    (``storage.declared_store.keep_feed_boxes`` keeps the same order when it stores them)."""
    out = dict(stored)
    for entry in entries:
        if not entry.link:
            continue
        old = out.get(entry.link)
        if old is not None and not old.from_feed:
            continue
        if entry.declared is not None:
            out[entry.link] = entry.declared
        elif old is not None:
            del out[entry.link]
    return out


def _moved(signature: PostSignature, guess: SeriesGuess) -> bool:
    """Does the new guess put a stored post in another series, part or short title, or
    say something else of its series (name, kind, strength, why: newer rules may)?"""
    if (signature.series_key, signature.part, signature.short_title, signature.part_last) != (
        guess.key,
        guess.part,
        guess.short_title,
        guess.part_last,
    ):
        return True
    said = (guess.name or guess.key, guess.kind, guess.strength, guess.why)
    return guess.key is not None and signature.series_said not in (None, said)


def regroup_feed(store: Store, feed_id: int) -> tuple[int, ...]:
    """Group a feed's stored posts again, now (a fetched page declared a series); the
    ids of the articles whose series or part changed."""
    _guesses, regrouped = group_with_stored(store, feed_id, [])
    if not regrouped:
        return ()
    with store.transaction():
        store.upsert_entries(feed_id, [], regrouped)
    return tuple(store.article_ids_for_guids(feed_id, list(regrouped)))


def _store(store: Store, fetched: Fetched) -> FeedSyncResult:
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
            guesses, regrouped = group_with_stored(store, feed.id, parsed.entries, fetched.guesses)
            store.mark_grouped(feed.id, GROUPING_VERSION)  # all its posts, by these rules
            incoming = [
                IncomingArticle(entry, guess, chash, text, stored, packed)
                for entry, guess, chash, text, stored, packed in zip(
                    parsed.entries,
                    guesses,
                    fetched.hashes,
                    fetched.texts,
                    fetched.stored_html,
                    fetched.packed_texts,
                    strict=True,
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
    parse_pool: ParsePool | None = None,
) -> Iterator[FeedSyncResult]:
    """Yield one result per feed as each finishes. Writes happen on the caller's thread.

    ``parse_pool`` prepares the fetched documents (default: a ``ParsePool`` for this
    run, which starts worker processes once there is enough to parse); it is closed
    when the run ends."""
    cancel = cancel or threading.Event()
    feeds = [f for f in store.list_feeds() if not f.offline]
    if feed_ids is not None:
        wanted = set(feed_ids)
        feeds = [f for f in feeds if f.id in wanted]
    now = datetime.now(UTC)
    own_fetcher = fetcher is None
    fetcher = fetcher or Fetcher()
    parse_pool = parse_pool or ParsePool()
    if parse_pool.processes:
        bound_malloc()  # before the fetch threads start (see there)
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
        # this many at a time, which caps memory however many feeds there are. While the
        # parse workers run, documents are big and parsing is the bottleneck: a few more
        # than the workers keep them busy, and each one more would only wait in memory.
        # Until the first feed is done nobody knows which kind of run this is, so it
        # starts with the small window too (a burst of big documents set the peak).
        window = max(2, workers + 2)
        parse_window = min(window, parse_pool.processes + PARSE_AHEAD)
        finished = 0
        pending: dict[Future[Fetched], Feed] = {}
        while queue or pending:
            limit = window
            if parse_pool.running or (finished == 0 and parse_pool.processes):
                limit = parse_window
            while queue and len(pending) < limit and not cancel.is_set():
                feed = queue.pop()
                pending[pool.submit(_fetch_and_parse, fetcher, feed, cancel, parse_pool)] = feed
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
            parse_pool.writer_waiting(True)
            done, _ = wait(pending, timeout=0.1, return_when=FIRST_COMPLETED)
            parse_pool.writer_waiting(False)
            for future in done:
                feed = pending.pop(future)
                finished += 1
                try:
                    fetched = future.result()
                except Exception as exc:  # a bug in one feed's path must not stop the rest
                    fetched = Fetched(feed, SyncStatus.FAILED, error=f"internal error: {exc!r}")
                yield _store(store, fetched)
    finally:
        # After a cancel, abandoned fetches end on their own (they see the event between
        # chunks, or hit their read timeout); nobody waits for them.
        pool.shutdown(wait=cancelled_at is None, cancel_futures=True)
        parse_pool.close(cancelled=cancelled_at is not None)
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
    parse_pool: ParsePool | None = None,
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
        parse_pool=parse_pool,
    ):
        results.append(result)
        if on_result:
            on_result(result)
        if on_progress:
            on_progress(len(results), total)
    return SyncSummary(tuple(results), cancelled=cancel.is_set())
