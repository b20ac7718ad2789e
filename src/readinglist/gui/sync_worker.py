"""``SyncController``: runs ``readinglist.sync.sync_feeds`` on its own thread.

Why a separate thread from ``BackgroundRunner``: a sync can take a minute (one slow feed
has a 60 s deadline) and must not hold up the short reads the window queues on the
runner. The worker calls the plain, Qt-free sync service and turns its callbacks into
signals; the GUI thread only sets a ``threading.Event`` to cancel and never waits on the
worker (except in ``shutdown`` on quit).

Signals (delivered on the GUI thread, in this order for one run)::

    started()                 the worker began the run
    progress(int, int)        (feeds done, feeds total), first (0, total)
    feedResult(object)        one FeedSyncResult per feed, as each finishes
    finished(object)          the SyncSummary (``summary.cancelled`` after cancel())
    failed(str)               an unexpected exception ended the run instead of finished

Cancelling: ``cancel()`` sets the event; feeds not yet fetched are skipped at once, a
fetch in the middle of a body stops at the next chunk, and a fetch blocked waiting for
a silent server ends within the fetcher's read timeout (``FetchLimits.read_timeout``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from readinglist.library import Library
from readinglist.models import FeedSyncResult

__all__ = ["SyncController"]

log = logging.getLogger(__name__)


class _SyncWorker(QObject):
    """Lives on the sync thread. Only ids, Events and frozen dataclasses pass through."""

    started = Signal()
    progress = Signal(int, int)
    feedResult = Signal(object)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, library: Library) -> None:
        super().__init__()
        self._library = library

    @Slot(object, object)
    def run(self, feed_ids: tuple[int, ...] | None, cancel: threading.Event) -> None:
        self.started.emit()
        try:
            # Imported here, on the sync thread: httpx and feedparser are not needed to
            # show the window.
            from readinglist.sync import sync_feeds

            summary = sync_feeds(
                self._library.store,
                feed_ids,
                fetcher=self._library.fetcher,
                cancel=cancel,
                on_result=self._on_result,
                on_progress=self.progress.emit,
            )
        except Exception as exc:  # report, never kill the thread
            log.exception("sync failed")
            self.failed.emit(f"sync failed: {exc}")
        else:
            self.finished.emit(summary)
        finally:
            # This thread's SQLite connection; the next run opens a fresh one.
            try:
                self._library.store.close()
            except Exception:
                log.exception("closing the sync thread's connection failed")

    def _on_result(self, result: FeedSyncResult) -> None:
        self.feedResult.emit(result)


class SyncController(QObject):
    """Start, cancel and schedule syncs; re-emits the worker's signals on the GUI thread."""

    started = Signal()
    progress = Signal(int, int)
    feedResult = Signal(object)
    finished = Signal(object)
    failed = Signal(str)

    _request = Signal(object, object)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._running = False
        self._cancel: threading.Event | None = None
        self._shut_down = False
        self._thread = QThread()
        self._thread.setObjectName("readinglist-sync")
        self._worker = _SyncWorker(library)
        self._worker.moveToThread(self._thread)
        self._request.connect(self._worker.run)
        self._worker.started.connect(self.started)
        self._worker.progress.connect(self.progress)
        self._worker.feedResult.connect(self.feedResult)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._thread.finished.connect(self._worker.deleteLater)
        self._thread.start()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer)
        self._interval_minutes = 0

    # --- running ----------------------------------------------------------------------

    def start(self, feed_ids: Sequence[int] | None = None) -> bool:
        """Begin a sync of ``feed_ids`` (all feeds when None). False if one is running."""
        if self._running or self._shut_down:
            return False
        self._running = True
        self._cancel = threading.Event()
        ids = tuple(feed_ids) if feed_ids is not None else None
        self._request.emit(ids, self._cancel)
        return True

    def cancel(self) -> None:
        """Ask the running sync to stop; ``finished`` follows with ``cancelled`` set."""
        if self._cancel is not None:
            self._cancel.set()

    def is_running(self) -> bool:
        return self._running

    @Slot(object)
    def _on_finished(self, summary: object) -> None:
        self._running = False
        self._cancel = None
        self.finished.emit(summary)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._running = False
        self._cancel = None
        self.failed.emit(message)

    # --- periodic refresh -------------------------------------------------------------

    def set_interval_minutes(self, minutes: int) -> None:
        """Sync every ``minutes`` (0 turns the timer off). Runs start() on the GUI thread."""
        self._interval_minutes = max(0, int(minutes))
        if self._interval_minutes == 0 or self._shut_down:
            self._timer.stop()
        else:
            self._timer.start(self._interval_minutes * 60_000)

    def interval_minutes(self) -> int:
        return self._interval_minutes

    def _on_timer(self) -> None:
        self.start()  # a run already in progress makes this a no-op

    # --- quitting ---------------------------------------------------------------------

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Cancel, stop the thread's loop and join it (on quit).

        Returns True when the thread has stopped. False means a fetch is still blocked
        on a silent server after ``timeout_ms`` (it ends within the fetcher's read
        timeout); call again before letting the controller be destroyed.
        """
        self._shut_down = True
        self._timer.stop()
        self.cancel()
        self._thread.quit()
        if not self._thread.isRunning():
            return True
        stopped = bool(self._thread.wait(max(0, timeout_ms)))
        if stopped:
            self._running = False
        return stopped
