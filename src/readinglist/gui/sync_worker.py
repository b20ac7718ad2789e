"""``SyncController``: runs ``readinglist.sync.sync_feeds`` on its own thread.

Why a separate thread from ``BackgroundRunner``: a sync can take a while (one slow feed
has a 30 s deadline by default) and must not hold up the short reads the window queues on the
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

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from readinglist.gui.job_thread import JobController, JobWorker

if TYPE_CHECKING:
    from readinglist.model.records import FeedSyncResult
    from readinglist.services.library import Library

__all__ = ["SyncController"]


class _SyncWorker(JobWorker):
    """Lives on the sync thread: one ``sync_feeds`` run per request."""

    feedResult = Signal(object)
    failure_text = "sync failed"

    def work(self, feed_ids: tuple[int, ...] | None, *, cancel: threading.Event) -> object:
        # Imported here, on the sync thread: httpx and feedparser are not needed to show
        # the window.
        from readinglist.services.sync import sync_feeds

        return sync_feeds(
            self._library.store,
            feed_ids,
            fetcher=self._library.fetcher,
            cancel=cancel,
            on_result=self._on_result,
            on_progress=self.progress.emit,
        )

    def _on_result(self, result: FeedSyncResult) -> None:
        self.feedResult.emit(result)


class SyncController(JobController):
    """Start, cancel and schedule syncs; re-emits the worker's signals on the GUI thread."""

    feedResult = Signal(object)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        worker = _SyncWorker(library)
        super().__init__(worker, "readinglist-sync", parent)
        self._library = library
        worker.feedResult.connect(self.feedResult)
        self._thread.start()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer)
        self._interval_minutes = 0

    def start(self, feed_ids: Sequence[int] | None = None) -> bool:
        """Begin a sync of ``feed_ids`` (all feeds when None). False if one is running."""
        return self._submit(tuple(feed_ids) if feed_ids is not None else None)

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

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        self._timer.stop()
        return super().shutdown(timeout_ms)
