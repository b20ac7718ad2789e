"""The GUI's one background mechanism: lanes, long jobs, and the start-up head start.

Why one mechanism: the design forbids the GUI thread from waiting on the network or a
long query, and forbids several threading mechanisms side by side. Everything that may
be slow goes through this module:

* ``BackgroundRunner`` — a *lane*: one worker thread that runs short jobs in submission
  order (a filter search, a tree load, a remote image, a page's length), with
  latest-wins channels. The window's ``TaskManager`` keeps three: ``reads`` (the
  library), ``counts`` (slow reads nobody waits for) and ``network`` (images, page
  lengths, a subscribe).
* ``Job`` — one long, cancellable run at a time with progress (sync, "Find missing
  parts"), on a lane of its own so it never holds up the short reads.
* ``HeadStart`` — ``fn(*args)`` on a plain thread, joined with ``result()``: the start-up
  peek at the feed list, which runs while the window's modules import, before there is
  an event loop to deliver anything.
* ``TaskManager`` — owns the window's lanes and jobs and stops them all on quit.

Results always come back on the GUI thread. This module imports only QtCore and the
standard library: it is on the first-paint path.

Lane API (all methods are called on the GUI thread; callbacks run on the GUI thread)::

    runner = BackgroundRunner(parent=window)

    # run fn on the worker thread, get the result back on the GUI thread
    ticket = runner.submit(lambda: store.list_articles(query),
                           on_done=model.set_articles,        # called with fn's result
                           on_error=lambda exc: status(str(exc)))

    # "only the newest counts": typing "tra", "tran", "trans" quickly submits three
    # searches on the "search" channel; only the last one's on_done is called. Older
    # ones that have not started yet are not run at all.
    runner.submit_latest("search", lambda: store.list_articles(q), on_done=show)
    runner.cancel_channel("search")   # drop whatever is pending on that channel

    runner.shutdown(3000)             # on quit: skip queued jobs, stop, join the thread

Rules for ``fn``:

* It runs on another thread: it must not touch widgets. It may use the shared ``Store``
  (peewee gives each thread its own SQLite connection; pass ``thread_finalizer=
  store.close`` so the worker's connection is closed when the runner shuts down).
* Return ids, frozen dataclasses, tuples/lists of them, ``bytes`` — nothing mutable that
  the GUI thread also holds, never widgets or peewee rows.
* An exception in ``fn`` goes to ``on_error`` (or is logged when there is none); it never
  kills the worker.

Jobs on a lane run one at a time in submission order (one worker thread): reads are
short, and a single reader keeps SQLite and the ordering of results simple.

Job signals (delivered on the GUI thread, in this order for one run)::

    started()            the run began on the job's thread
    progress(int, int)   (done, total)
    reported(object)     whatever the work hands to ``context.report`` (a sync's per-feed
                         results), as it happens
    finished(object)     the run's result
    failed(str)          an unexpected exception ended the run instead of finished
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QThread, Signal, Slot

__all__ = ["BackgroundRunner", "HeadStart", "Job", "JobContext", "TaskManager"]

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Job:
    ticket: int
    fn: Callable[[], Any] | None  # None: the stop sentinel
    channel: str | None = None


@dataclass(slots=True)
class _Pending:
    on_done: Callable[[Any], None] | None
    on_error: Callable[[Exception], None] | None
    channel: str | None


class _Gate:
    """What the worker thread may read about the GUI side's wishes (lock-protected)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._latest: dict[str, int] = {}
        self._closing = False

    def supersede(self, channel: str, ticket: int) -> None:
        with self._lock:
            self._latest[channel] = ticket

    def drop_channel(self, channel: str) -> None:
        with self._lock:
            self._latest[channel] = -1

    def close(self) -> None:
        with self._lock:
            self._closing = True

    def wanted(self, job: _Job) -> bool:
        with self._lock:
            if self._closing:
                return False
            return job.channel is None or self._latest.get(job.channel) == job.ticket


class _Worker(QObject):
    """Lives on the runner's thread; runs jobs in order and reports by queued signals."""

    done = Signal(int, object)
    failed = Signal(int, object)
    skipped = Signal(int)

    def __init__(self, gate: _Gate, finalizer: Callable[[], None] | None) -> None:
        super().__init__()
        self._gate = gate
        self._finalizer = finalizer

    @Slot(object)
    def run(self, job: _Job) -> None:
        if job.fn is None:
            self._stop()
            return
        if not self._gate.wanted(job):
            self.skipped.emit(job.ticket)
            return
        try:
            result = job.fn()
        except Exception as exc:
            self.failed.emit(job.ticket, exc)
            return
        self.done.emit(job.ticket, result)

    def _stop(self) -> None:
        if self._finalizer is not None:
            try:
                self._finalizer()
            except Exception:
                log.exception("background thread finalizer failed")
        thread = QThread.currentThread()
        if thread is not None:
            thread.quit()


class BackgroundRunner(QObject):
    """One worker thread; results and errors come back on the GUI thread."""

    _post = Signal(object)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        name: str = "readinglist-background",
        thread_finalizer: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._gate = _Gate()
        self._pending: dict[int, _Pending] = {}
        self._next_ticket = 1
        self._stopped = False
        self._thread = QThread()
        self._thread.setObjectName(name)
        self._worker = _Worker(self._gate, thread_finalizer)
        self._worker.moveToThread(self._thread)
        self._post.connect(self._worker.run)
        self._worker.done.connect(self._on_done)
        self._worker.failed.connect(self._on_failed)
        self._worker.skipped.connect(self._on_skipped)
        self._thread.finished.connect(self._worker.deleteLater)
        self._thread.start()

    # --- submitting -----------------------------------------------------------------

    def submit(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> int:
        """Run ``fn`` on the worker thread; returns a ticket (0 once shut down)."""
        return self._enqueue(lambda _ticket: fn, on_done, on_error, None)

    def submit_latest(
        self,
        channel: str,
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> int:
        """Like ``submit``, but a newer submission on ``channel`` makes this one stale:
        a stale job is skipped if it has not started, and its callbacks never run."""
        return self._enqueue(lambda _ticket: fn, on_done, on_error, channel)

    def submit_abandonable(
        self,
        channel: str,
        fn: Callable[[Callable[[], bool]], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> int:
        """``submit_latest``, where ``fn`` is handed ``stale()``: true (callable from the
        worker) once a newer submission on ``channel``, or ``cancel_channel``, made this
        job's answer unwanted, so a long read can stop half-way instead of holding up
        the lane (``Library.abandon_when``)."""
        gate = self._gate

        def job_for(ticket: int) -> Callable[[], T]:
            return lambda: fn(lambda: not gate.wanted(_Job(ticket, None, channel)))

        return self._enqueue(job_for, on_done, on_error, channel)

    def cancel_channel(self, channel: str) -> None:
        """Make everything pending on ``channel`` stale (e.g. the view it fed is gone)."""
        self._gate.drop_channel(channel)

    def is_current(self, ticket: int) -> bool:
        """True while ``ticket`` has not delivered and is not stale."""
        pending = self._pending.get(ticket)
        return pending is not None and self._gate.wanted(_Job(ticket, None, pending.channel))

    def pending_count(self) -> int:
        return len(self._pending)

    def _enqueue(
        self,
        job_for: Callable[[int], Callable[[], Any]],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[Exception], None] | None,
        channel: str | None,
    ) -> int:
        """``job_for(ticket)`` is the function the worker runs (it may need its ticket)."""
        if self._stopped:
            return 0
        ticket = self._next_ticket
        self._next_ticket += 1
        if channel is not None:
            self._gate.supersede(channel, ticket)
        self._pending[ticket] = _Pending(on_done, on_error, channel)
        self._post.emit(_Job(ticket, job_for(ticket), channel))
        return ticket

    # --- results (GUI thread) ---------------------------------------------------------

    def _take(self, ticket: int) -> _Pending | None:
        pending = self._pending.pop(ticket, None)
        if pending is None or self._stopped:
            return None
        if pending.channel is not None and not self._gate.wanted(
            _Job(ticket, None, pending.channel)
        ):
            return None  # superseded while it ran
        return pending

    @Slot(int, object)
    def _on_done(self, ticket: int, result: object) -> None:
        pending = self._take(ticket)
        if pending is not None and pending.on_done is not None:
            pending.on_done(result)

    @Slot(int, object)
    def _on_failed(self, ticket: int, exc: object) -> None:
        pending = self._take(ticket)
        if pending is None:
            return
        if pending.on_error is not None and isinstance(exc, Exception):
            pending.on_error(exc)
        else:
            info = exc if isinstance(exc, BaseException) else None
            log.error("background job failed: %r", exc, exc_info=info)

    @Slot(int)
    def _on_skipped(self, ticket: int) -> None:
        self._pending.pop(ticket, None)

    # --- lifecycle --------------------------------------------------------------------

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def shutdown(self, timeout_ms: int = 3000) -> bool:
        """Skip queued jobs, let the running one end, run the finalizer, join the thread.

        Returns True when the thread has stopped. False means a job is still running
        after ``timeout_ms``; call again (the thread must not be destroyed while it runs).
        """
        if not self._stopped:
            self._stopped = True
            self._gate.close()
            self._pending.clear()
            self._post.emit(_Job(0, None))
        # Always wait, never ask isRunning() first: it already says False while the
        # thread is finishing (emitting finished, deleting the worker), and a QThread
        # left finishing when PySide tears Qt down at exit crashed the process (-11).
        # wait() returns at once for a thread that has ended.
        return bool(self._thread.wait(max(0, timeout_ms)))


@dataclass(frozen=True, slots=True)
class JobContext:
    """What a long job's work gets: the cancel flag and two ways to speak while it runs
    (both safe to call from the job's thread: they emit queued signals)."""

    cancel: threading.Event
    progress: Callable[[int, int], None]
    report: Callable[[object], None]


class Job(QObject):
    """One long, cancellable run at a time of ``work(*args, context)`` on its own lane.

    ``after_run`` runs on the job's thread after every run (e.g. close that thread's
    SQLite connection: the next run opens a fresh one). The lane starts with the first
    run unless ``eager``. The GUI thread never waits on it except in ``shutdown``.
    """

    started = Signal()
    progress = Signal(int, int)
    reported = Signal(object)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        work: Callable[..., object],
        *,
        name: str,
        failure_text: str = "the job failed",
        after_run: Callable[[], None] | None = None,
        eager: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._work = work
        self._name = name
        self._failure_text = failure_text
        self._after_run = after_run
        self._lane: BackgroundRunner | None = None
        self._running = False
        self._cancel: threading.Event | None = None
        self._was_cancelled = False
        self._shut_down = False
        if eager:
            self._ensure_lane()

    def _ensure_lane(self) -> BackgroundRunner:
        if self._lane is None:
            self._lane = BackgroundRunner(self, name=self._name)
        return self._lane

    def submit(self, *args: object) -> bool:
        """Start one run; False when one is running or the job was shut down."""
        if self._running or self._shut_down:
            return False
        lane = self._ensure_lane()
        cancel = threading.Event()
        context = JobContext(cancel, self.progress.emit, self.reported.emit)
        self._running, self._cancel = True, cancel
        lane.submit(lambda: self._run(args, context), self._on_finished, self._on_failed)
        return True

    def _run(self, args: tuple[object, ...], context: JobContext) -> object:
        """On the job's thread."""
        self.started.emit()
        try:
            return self._work(*args, context)
        except Exception:
            log.exception(self._failure_text)
            raise
        finally:
            if self._after_run is not None:
                try:
                    self._after_run()
                except Exception:
                    log.exception("cleaning up after %s failed", self._name)

    def cancel(self) -> None:
        """Ask the running job to stop; ``finished`` follows."""
        if self._cancel is not None:
            self._cancel.set()

    def cancelled(self) -> bool:
        """Whether the running (or, once it ended, the last) run was cancelled."""
        if self._cancel is not None:
            return self._cancel.is_set()
        return self._was_cancelled

    def is_running(self) -> bool:
        return self._running

    def thread_running(self) -> bool:
        return self._lane is not None and self._lane.is_running()

    def _end_run(self) -> None:
        self._running = False
        self._was_cancelled = self._cancel is not None and self._cancel.is_set()
        self._cancel = None

    def _on_finished(self, result: object) -> None:
        self._end_run()
        self.finished.emit(result)

    def _on_failed(self, exc: Exception) -> None:
        self._end_run()
        self.failed.emit(f"{self._failure_text}: {exc}")

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Cancel, stop the thread and join it (on quit).

        True when the thread has stopped. False means the job is still blocked (a fetch
        on a silent server ends within its read timeout); call again before letting the
        job be destroyed.
        """
        self._shut_down = True
        self.cancel()
        if self._lane is None:
            return True
        stopped = self._lane.shutdown(timeout_ms)
        if stopped:
            self._running = False
        return stopped


class TaskManager(QObject):
    """The window's lanes and long jobs, and their orderly stop on quit."""

    def __init__(
        self, parent: QObject | None = None, *, thread_finalizer: Callable[[], None] | None = None
    ) -> None:
        super().__init__(parent)
        self.reads = BackgroundRunner(self, thread_finalizer=thread_finalizer)
        self.network = BackgroundRunner(
            self, name="readinglist-network", thread_finalizer=thread_finalizer
        )
        # Slow reads nobody waits for (counting every match of a filter): on their own
        # lane and connection, so a count never holds up the next filter's rows — a
        # search index merge cannot be stopped half-way, only left to finish aside.
        self.counts = BackgroundRunner(
            self, name="readinglist-counts", thread_finalizer=thread_finalizer
        )
        self._jobs: list[Job] = []

    def adopt(self, job: Job) -> None:
        """Stop ``job`` with the rest on quit (jobs stop first, in the order adopted)."""
        self._jobs.append(job)

    def shutdown(self, wait_ms: int = 12_000) -> bool:
        """Stop every job and lane, each given up to ``wait_ms``; True when all ended.

        Up to 12 s because a fetch blocked on a silent server (or a name lookup, which
        no timeout interrupts) ends within its own timeout. False means a thread still
        runs: its ``QThread`` must then never be destroyed (Qt would tear it down under
        the running thread and crash), so the caller leaves without Qt's teardown.
        """
        stopped = True
        stoppables: list[Job | BackgroundRunner] = [
            *self._jobs,
            self.reads,
            self.network,
            self.counts,
        ]
        for stoppable in stoppables:
            if not stoppable.shutdown(wait_ms):  # returns as soon as the thread ends
                log.error("a background thread did not stop within %d ms", wait_ms)
                stopped = False
        return stopped


class HeadStart:
    """``fn(*args)`` on a thread of its own; ``result()`` joins and returns or raises.

    For work that must overlap the GUI thread's own start-up (imports) and is joined
    before there is an event loop to deliver a result through.
    """

    def __init__(self, fn: Callable[..., Any], *args: Any, name: str) -> None:
        self._fn, self._args = fn, args
        self._out: Any = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._out = self._fn(*self._args)
        except BaseException as exc:  # handed to the GUI thread
            self._error = exc

    def result(self) -> Any:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._out
