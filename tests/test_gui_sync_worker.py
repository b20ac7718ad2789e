"""The sync thread: signal order, a GUI that keeps running, prompt cancel, clean join."""

from __future__ import annotations

import itertools
import threading
import time

import pytest
from PySide6.QtCore import QTimer

from feedgen import Item, rss
from readinglist.feeds.fetch import Fetcher, FetchLimits
from readinglist.gui.background import BackgroundRunner
from readinglist.gui.sync_worker import SyncController
from readinglist.model.records import FeedSyncResult, SyncStatus, SyncSummary
from readinglist.services.library import Library
from readinglist.storage.store import Store


def feed_body(name: str, count: int = 2) -> bytes:
    items = [
        Item(
            f"{name}-{i}", f"{name.title()} Notes ({i}): part {i}", f"https://b.example/{name}/{i}/"
        )
        for i in range(1, count + 1)
    ]
    return rss(items, title=f"{name} blog")


class Recorder:
    """Every signal of a controller, in arrival order."""

    def __init__(self, controller: SyncController) -> None:
        self.events: list[tuple[str, object]] = []
        controller.started.connect(lambda: self.events.append(("started", None)))
        controller.progress.connect(lambda d, t: self.events.append(("progress", (d, t))))
        controller.feedResult.connect(lambda r: self.events.append(("feedResult", r)))
        controller.finished.connect(lambda s: self.events.append(("finished", s)))
        controller.failed.connect(lambda m: self.events.append(("failed", m)))

    def names(self) -> list[str]:
        return [name for name, _ in self.events]

    def ended(self) -> bool:
        return bool(self.events) and self.events[-1][0] in ("finished", "failed")

    def summary(self) -> SyncSummary:
        name, value = self.events[-1]
        assert name == "finished", self.events
        assert isinstance(value, SyncSummary)
        return value


@pytest.fixture
def make_controller(qtbot):
    made: list[tuple[SyncController, Library]] = []

    def make(store: Store, limits: FetchLimits | None = None) -> SyncController:
        library = Library(store, fetcher=Fetcher(limits))
        controller = SyncController(library)
        made.append((controller, library))
        return controller

    yield make
    for controller, library in made:
        assert controller.shutdown(10_000)
        library.fetcher.close()


def test_signals_arrive_in_order(qtbot, store: Store, loopback, make_controller) -> None:
    loopback.route("/a.xml", body=feed_body("alpha"), content_type="application/rss+xml")
    loopback.route("/b.xml", body=feed_body("beta", 3), content_type="application/rss+xml")
    a = store.add_feed(loopback.url("/a.xml"))
    b = store.add_feed(loopback.url("/b.xml"))
    controller = make_controller(store)
    seen = Recorder(controller)
    assert controller.start()
    assert controller.is_running()
    assert not controller.start()  # one run at a time
    qtbot.waitUntil(seen.ended, timeout=10_000)
    names = seen.names()
    assert names[0] == "started"
    assert names[-1] == "finished"
    assert names.count("feedResult") == 2
    progress = [v for n, v in seen.events if n == "progress"]
    assert progress[0] == (0, 2) and progress[-1] == (2, 2)
    # progress(n, total) follows the n-th feedResult
    for index, name in enumerate(names):
        if name == "feedResult":
            assert names[index + 1] == "progress"
    results = {r.feed_id: r for n, r in seen.events if n == "feedResult"}
    assert isinstance(results[a.id], FeedSyncResult)
    assert (results[a.id].new_count, results[b.id].new_count) == (2, 3)
    summary = seen.summary()
    assert summary.new_count == 5 and not summary.cancelled
    assert not controller.is_running()
    assert len(store.list_articles()) == 5  # written by the worker, read here


def test_gui_keeps_running_during_a_slow_sync(
    qtbot, store: Store, loopback, make_controller
) -> None:
    loopback.route("/slow.xml", body=feed_body("slow"), delay=2.5)
    loopback.route("/fast.xml", body=feed_body("fast"))
    store.add_feed(loopback.url("/slow.xml"))
    store.add_feed(loopback.url("/fast.xml"))
    controller = make_controller(store)
    seen = Recorder(controller)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    try:
        started = time.monotonic()
        assert controller.start()
        qtbot.waitUntil(seen.ended, timeout=15_000)
        elapsed = time.monotonic() - started
    finally:
        timer.stop()
    assert elapsed >= 2.0  # the slow feed really held the sync
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) > 50
    assert max(gaps) < 0.2, f"GUI thread stalled for {max(gaps):.3f} s"
    assert seen.summary().new_count == 4


def test_cancel_ends_a_stalled_sync_promptly(
    qtbot, store: Store, loopback, make_controller
) -> None:
    # A server that says nothing for 30 s. The fetcher's read timeout bounds how long a
    # read already blocked on it can last after cancel; everything else stops at once.
    loopback.route("/stall.xml", body=feed_body("stall"), delay=30)
    loopback.route("/ok.xml", body=feed_body("ok"))
    stalled = store.add_feed(loopback.url("/stall.xml"))
    store.add_feed(loopback.url("/ok.xml"))
    controller = make_controller(store, FetchLimits(read_timeout=1.0))
    seen = Recorder(controller)
    assert controller.start()
    qtbot.waitUntil(lambda: loopback.count("/stall.xml") == 1, timeout=5000)
    qtbot.wait(200)
    controller.cancel()
    # The read blocked on the silent server ends within its 1 s read timeout, long
    # before the server's 30 s: the run ends cancelled instead of waiting it out.
    qtbot.waitUntil(seen.ended, timeout=5000)
    summary = seen.summary()
    assert summary.cancelled
    by_feed = {r.feed_id: r for r in summary.results}
    assert by_feed[stalled.id].status is SyncStatus.CANCELLED
    assert not controller.is_running()
    # The controller is ready for the next run, and shutdown joins the thread.
    loopback.route("/stall.xml", body=feed_body("stall"))
    seen.events.clear()
    assert controller.start()
    qtbot.waitUntil(seen.ended, timeout=10_000)
    assert not seen.summary().cancelled
    assert controller.shutdown(5000)
    assert not controller.thread_running()
    assert not controller.start()  # a shut-down controller starts nothing


def test_shutdown_during_a_run_joins_the_thread(
    qtbot, store: Store, loopback, make_controller
) -> None:
    loopback.route("/stall.xml", body=feed_body("stall"), delay=30)
    store.add_feed(loopback.url("/stall.xml"))
    controller = make_controller(store, FetchLimits(read_timeout=1.0))
    assert controller.start()
    qtbot.waitUntil(lambda: loopback.count("/stall.xml") == 1, timeout=5000)
    assert controller.shutdown(5000)  # well before the server's 30 s silence ends
    assert not controller.thread_running()


def test_an_unexpected_error_is_reported_and_the_thread_survives(qtbot, loopback) -> None:
    class Broken:
        def list_feeds(self):
            raise RuntimeError("disk on fire")

        def get_account(self):
            raise RuntimeError("disk on fire")

        def close(self) -> None:
            pass

    controller = SyncController(Library(Broken()))  # type: ignore[arg-type]
    try:
        for _ in range(2):
            with qtbot.waitSignal(controller.failed, timeout=5000) as failed:
                assert controller.start()
            assert "disk on fire" in failed.args[0]
            assert not controller.is_running()
    finally:
        assert controller.shutdown(5000)


def test_periodic_refresh_timer(qtbot, store: Store, loopback, make_controller) -> None:
    loopback.route("/a.xml", body=feed_body("alpha"))
    store.add_feed(loopback.url("/a.xml"))
    controller = make_controller(store)
    assert controller.interval_minutes() == 0 and not controller._timer.isActive()
    controller.set_interval_minutes(30)
    assert controller._timer.isActive() and controller._timer.interval() == 30 * 60_000
    with qtbot.waitSignal(controller.finished, timeout=10_000):
        controller._timer.timeout.emit()  # as if 30 minutes had passed
    assert loopback.count("/a.xml") == 1
    controller.set_interval_minutes(0)
    assert not controller._timer.isActive()


# --- BackgroundRunner: the other thread the window uses (short reads) ----------------


def test_runner_delivers_results_and_errors_on_the_gui_thread(qtbot) -> None:
    finalized: list[int] = []
    runner = BackgroundRunner(thread_finalizer=lambda: finalized.append(threading.get_ident()))
    gui = threading.get_ident()
    ran_on: list[int] = []
    got: list[tuple[str, object, int]] = []

    def work() -> int:
        ran_on.append(threading.get_ident())
        return 42

    def boom() -> int:
        raise ValueError("bad query")

    try:
        runner.submit(work, lambda r: got.append(("done", r, threading.get_ident())))
        runner.submit(
            boom,
            lambda r: got.append(("done", r, 0)),
            lambda exc: got.append(("error", str(exc), threading.get_ident())),
        )
        qtbot.waitUntil(lambda: len(got) == 2, timeout=5000)
    finally:
        assert runner.shutdown(5000)
    assert got == [("done", 42, gui), ("error", "bad query", gui)]
    assert ran_on and ran_on[0] != gui
    assert finalized and finalized[0] != gui  # e.g. store.close for that thread
    assert runner.submit(work) == 0  # nothing runs after shutdown


def test_runner_latest_drops_stale_results(qtbot) -> None:
    runner = BackgroundRunner()
    gate = threading.Event()
    ran: list[str] = []
    delivered: list[str] = []

    def job(name: str, wait: bool = False):
        def fn() -> str:
            ran.append(name)
            if wait:
                gate.wait(5)
            return name

        return fn

    try:
        # "sea" is running (blocked) when "sear" and "search" are typed: its result is
        # stale; "sear" never even starts; only "search" is delivered.
        runner.submit_latest("search", job("sea", wait=True), delivered.append)
        qtbot.waitUntil(lambda: ran == ["sea"], timeout=5000)
        runner.submit_latest("search", job("sear"), delivered.append)
        last = runner.submit_latest("search", job("search"), delivered.append)
        assert runner.is_current(last)
        gate.set()
        qtbot.waitUntil(lambda: delivered == ["search"], timeout=5000)
        qtbot.wait(100)
        assert ran == ["sea", "search"]
        assert delivered == ["search"]
        assert runner.pending_count() == 0
        # cancel_channel: the view that asked is gone
        runner.submit_latest("tree", job("tree"), delivered.append)
        runner.cancel_channel("tree")
        qtbot.wait(200)
        assert delivered == ["search"]
    finally:
        assert runner.shutdown(5000)


def test_runner_shutdown_skips_queued_jobs(qtbot) -> None:
    runner = BackgroundRunner()
    gate = threading.Event()
    started = threading.Event()
    ran: list[int] = []

    def hold() -> None:
        started.set()
        gate.wait(5)

    runner.submit(hold)
    for n in range(5):
        runner.submit(lambda n=n: ran.append(n))
    # On a busy machine the worker may not have taken the first job yet; shut down
    # only once it is running, or it would (rightly) be skipped with the rest.
    assert started.wait(5)
    assert not runner.shutdown(0)  # a job is still running: not stopped yet
    gate.set()
    assert runner.shutdown(5000)  # called again, as the docstring asks
    assert not runner.is_running()
    assert ran == []  # queued work is dropped on quit


def test_task_manager_says_when_a_thread_would_not_stop(qtbot) -> None:
    """The window leaves without Qt's teardown only when this says False (a QThread
    destroyed under its running thread crashed the process at exit, exit -11)."""
    from readinglist.gui.background import TaskManager

    tasks = TaskManager()
    gate = threading.Event()
    started = threading.Event()

    def blocked() -> None:
        started.set()
        gate.wait(10)

    tasks.network.submit(blocked)
    assert started.wait(5)
    began = time.monotonic()
    assert tasks.shutdown(wait_ms=300) is False
    assert time.monotonic() - began < 5  # bounded: the window never hangs on quit
    assert tasks.network.is_running() and not tasks.reads.is_running()
    gate.set()
    assert tasks.shutdown(wait_ms=5000) is True  # once it ends, everything is stopped
    assert not tasks.network.is_running()


def test_shutdown_waits_for_a_thread_still_finishing(qtbot) -> None:
    """QThread.isRunning() is already False while the thread emits ``finished`` and
    deletes its worker; a shutdown that trusted it returned with the thread still
    finishing, and PySide's teardown at exit then crashed the process (exit -11)."""
    from PySide6.QtCore import Qt

    runner = BackgroundRunner()
    finished_slowly = threading.Event()

    def slow_finish() -> None:  # runs on the lane's thread, inside QThread's finish
        time.sleep(0.5)
        finished_slowly.set()

    thread = runner._thread  # the lane's QThread (private: this test is about it)
    thread.finished.connect(slow_finish, Qt.ConnectionType.DirectConnection)
    runner.shutdown(0)  # asks the lane to stop, does not wait
    qtbot.waitUntil(lambda: not thread.isRunning(), timeout=5000)  # now in its finish
    assert runner.shutdown(5000)
    assert finished_slowly.is_set()  # returned only once the thread had really ended


def test_runner_tells_a_running_job_when_it_went_stale(qtbot) -> None:
    """An abandonable job polls ``stale()``: false while it is the newest on its
    channel, true once a newer job or a cancel made its answer unwanted."""
    runner = BackgroundRunner()
    started, seen = threading.Event(), []
    delivered: list[str] = []

    def long_read(stale) -> str:
        started.set()
        seen.append(stale())
        for _ in range(500):  # up to 5 s
            if stale():
                seen.append(True)
                return "abandoned"
            threading.Event().wait(0.01)
        return "finished"

    try:
        runner.submit_abandonable("count", long_read, delivered.append)
        assert started.wait(5)
        runner.submit_abandonable("count", lambda stale: "newer", delivered.append)
        qtbot.waitUntil(lambda: delivered == ["newer"], timeout=5000)
        assert seen == [False, True]  # it saw itself superseded and stopped
        runner.submit_abandonable("count", long_read, delivered.append)
        qtbot.waitUntil(lambda: len(seen) == 3, timeout=5000)
        runner.cancel_channel("count")
        qtbot.waitUntil(lambda: len(seen) == 4, timeout=5000)
        qtbot.wait(50)
        assert delivered == ["newer"]  # a stale answer is never delivered
    finally:
        assert runner.shutdown(5000)
