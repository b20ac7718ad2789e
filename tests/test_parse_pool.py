"""A big sync prepares documents on worker processes: same library, clean ends."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from feedgen import Item, atom, rss, series_items
from readinglist.feeds.fetch import Fetcher, FetchLimits
from readinglist.model.query import ArticleQuery
from readinglist.model.records import Feed, SyncStatus
from readinglist.services import parse_pool as pool_module
from readinglist.services.parse_pool import ParsePool
from readinglist.services.sync import sync_feeds
from readinglist.storage.store import Store

RSS = "application/rss+xml"


def _children() -> set[int]:
    """Live processes whose parent is this one, multiprocessing's resource tracker left
    out (it serves the whole interpreter and ends with it)."""
    out = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if (
            int(fields[1]) == os.getpid()
            and fields[0] != "Z"
            and b"resource_tracker" not in cmdline
        ):
            out.add(int(entry.name))
    return out


def _wait_no_children(before: set[int], timeout: float = 5.0) -> set[int]:
    deadline = time.monotonic() + timeout
    while (left := _children() - before) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")


@pytest.fixture
def fetcher():
    with Fetcher(FetchLimits(connect_timeout=2, read_timeout=5, deadline=10)) as f:
        yield f


def _library(store: Store, loopback, feeds: int = 6) -> None:
    for i in range(feeds):
        items = series_items(f"Topic {i}", [1, 2, 3, 5])
        items.append(Item(f"solo{i}", f"A note {i}", f"https://blog.example/n{i}/", day=9))
        body = (rss if i % 2 else atom)(items)
        loopback.route(f"/f{i}.xml", body=body, content_type=RSS, etag=f'"{i}"')
        store.add_feed(loopback.url(f"/f{i}.xml"))


def _snapshot(store: Store):
    articles = sorted(
        (a.feed_id, a.guid, a.title, a.series_id is not None, a.part, a.word_count)
        for a in store.list_articles()
    )
    series = sorted((s.feed_id, s.name, s.parts) for s in store.list_series())
    found = [a.guid for a in store.list_articles(ArticleQuery(search="topic"))]
    contents = sorted(store.get_content(a.id).content_html for a in store.list_articles())
    return articles, series, sorted(found), contents


def test_worker_processes_store_what_threads_store(tmp_path, loopback, fetcher) -> None:
    snapshots = []
    for name, pool in (("a", ParsePool(0)), ("b", ParsePool(2, min_bytes=0))):
        store = Store(tmp_path / f"{name}.sqlite3")  # one open at a time (peewee's proxy)
        _library(store, loopback)
        summary = sync_feeds(store, fetcher=fetcher, parse_pool=pool)
        assert not summary.failed and summary.new_count == 30
        snapshots.append(_snapshot(store))
        store.close()
    assert snapshots[0] == snapshots[1]
    assert pool.started == 1


def test_a_pool_sync_from_another_thread_leaves_no_process(store, loopback, fetcher) -> None:
    _library(store, loopback)
    before = _children()
    out = {}
    pool = ParsePool(2, min_bytes=0)

    def run() -> None:  # as the window's sync job: Library.sync on a worker thread
        out["summary"] = sync_feeds(store, fetcher=fetcher, parse_pool=pool)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(60)
    assert not thread.is_alive()
    assert pool.started == 1
    assert out["summary"].new_count == 6 * 5 and not out["summary"].failed
    assert not _wait_no_children(before)


def test_small_and_unchanged_syncs_start_no_process(store, loopback, fetcher) -> None:
    _library(store, loopback)
    before = _children()
    first = ParsePool(2)  # the default threshold: a few small feeds stay on threads
    assert sync_feeds(store, fetcher=fetcher, parse_pool=first).new_count == 30
    second = ParsePool(2, min_bytes=1)  # everything answers 304: nothing to parse
    summary = sync_feeds(store, fetcher=fetcher, parse_pool=second)
    assert {r.status for r in summary.results} <= {SyncStatus.NOT_MODIFIED, SyncStatus.UNCHANGED}
    assert first.started == second.started == 0
    assert _children() <= before


def test_cancel_ends_parses_under_way(store, loopback, fetcher, monkeypatch) -> None:
    """A cancel mid-parse returns within the grace period and leaves no worker behind."""
    _library(store, loopback, feeds=4)
    before = _children()
    pool = ParsePool(2, min_bytes=0, here=False)  # a parse here is not interrupted
    monkeypatch.setattr(pool_module, "prepare", _slow_prepare)
    cancel = threading.Event()
    cancelled_at: list[float] = []

    def stop() -> None:
        cancelled_at.append(time.monotonic())
        cancel.set()

    threading.Timer(1.5, stop).start()  # the workers are up and parsing by then
    summary = sync_feeds(store, fetcher=fetcher, cancel=cancel, parse_pool=pool)
    elapsed = time.monotonic() - cancelled_at[0]
    assert summary.cancelled and pool.started == 1
    assert {r.status for r in summary.results} == {SyncStatus.CANCELLED}
    assert elapsed < 1.5  # the grace period (0.5 s) and the workers' end
    assert not _wait_no_children(before, timeout=3)


def _slow_prepare(*args, **kwargs):  # runs in the worker (imported by name there)
    time.sleep(30)
    raise AssertionError("cancelled before this")


def test_a_worker_that_dies_fails_its_feed_only(store, loopback, fetcher, monkeypatch) -> None:
    _library(store, loopback, feeds=3)
    loopback.route("/crash.xml", body=rss(series_items("Crash", [1])), content_type=RSS)
    crash = store.add_feed(loopback.url("/crash.xml")).id
    monkeypatch.setattr(pool_module, "prepare", _crash_on_crash_feed)
    pool = ParsePool(1, min_bytes=0, here=False)  # every feed in the worker, the crash too
    summary = sync_feeds(store, fetcher=fetcher, parse_pool=pool, workers=1)
    failed = {r.feed_id: r.error for r in summary.failed}
    assert list(failed) == [crash] and "stopped unexpectedly" in (failed[crash] or "")
    assert summary.new_count == 3 * 5
    assert store.get_feed(crash).last_error


def _crash_on_crash_feed(feed: Feed, *args, **kwargs):
    from readinglist.services.prepare import prepare

    if feed.url.endswith("/crash.xml"):
        os._exit(3)  # a parser crashing its process
    return prepare(feed, *args, **kwargs)


def test_a_closed_pool_starts_nothing() -> None:
    pool = ParsePool(2, min_bytes=0)
    pool.close(cancelled=True)  # nothing was started: nothing to stop
    assert pool._take(10**9) is None and pool.started == 0


def test_the_syncs_process_parses_one_document_while_the_workers_are_busy() -> None:
    pool = ParsePool(1, min_bytes=0)
    try:
        worker = pool._take(1)
        assert isinstance(worker, pool_module._Worker) and pool.started == 1
        assert pool._take(1) is pool_module._HERE  # the worker is busy: parse here
        third: list[object] = []
        waiting = threading.Thread(target=lambda: third.append(pool._take(1)))
        waiting.start()
        time.sleep(0.2)
        assert not third  # one parse here at a time: it waits for a worker
        pool._give_back(worker)
        waiting.join(5)
        assert third == [worker]
    finally:
        pool.close()
    assert ParsePool(0).here is False  # no workers (one core): not a pool at all


def test_the_syncs_process_parses_only_while_its_writer_waits() -> None:
    """One interpreter lock for the writer and a parse here: while the writer stores a
    document, a fetch thread waits for the worker instead; once the writer waits
    again, the waiting thread parses here."""
    pool = ParsePool(1, min_bytes=0)
    try:
        worker = pool._take(1)
        assert isinstance(worker, pool_module._Worker)
        pool.writer_waiting(False)  # the writer is storing a feed
        second: list[object] = []
        waiting = threading.Thread(target=lambda: second.append(pool._take(1)))
        waiting.start()
        time.sleep(0.2)
        assert not second  # not here while the writer works
        pool.writer_waiting(True)
        waiting.join(5)
        assert second == [pool_module._HERE]
    finally:
        pool.close()
