"""``SyncController``: runs ``readinglist.sync.sync_feeds`` on its own thread.

A ``background.Job`` (a lane of its own): a sync can take a while (one slow feed has a
30 s deadline by default) and must not hold up the short reads the window queues on its
reads lane. The job calls the plain, Qt-free sync service and turns its callbacks into
signals; the GUI thread only sets a ``threading.Event`` to cancel and never waits on the
job (except in ``shutdown`` on quit).

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

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from readinglist.gui.background import Job, JobContext

if TYPE_CHECKING:
    from readinglist.services.library import Library

__all__ = ["SyncController"]


class SyncController(Job):
    """Start, cancel and schedule syncs; every signal arrives on the GUI thread."""

    feedResult = Signal(object)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(
            self._work,
            name="readinglist-sync",
            failure_text="sync failed",
            # this thread's connection; the next run opens a fresh one
            after_run=library.close_thread_connection,
            eager=True,
            parent=parent,
        )
        self._library = library
        self.reported.connect(self.feedResult)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer)
        self._interval_minutes = 0
        self.unit = "feed"  # what progress counts: "feed", or "item" with a sync account

    def _work(self, feed_ids: tuple[int, ...] | None, context: JobContext) -> object:
        """On the sync thread (``Library.sync`` imports httpx and feedparser there: they
        are not needed to show the window)."""
        # what progress counts, set here (a query) before the first progress is queued
        self.unit = "item" if self._library.has_account() else "feed"
        return self._library.sync(
            feed_ids, cancel=context.cancel, on_result=context.report, on_progress=context.progress
        )

    def start(self, feed_ids: Sequence[int] | None = None) -> bool:
        """Begin a sync of ``feed_ids`` (all feeds when None). False if one is running.

        With a sync account the server is synced, and progress counts its items."""
        return self.submit(tuple(feed_ids) if feed_ids is not None else None)

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
