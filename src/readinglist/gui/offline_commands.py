"""``OfflineCommands``: "Keep for offline" on a feed or a series, in the background.

The tree's menu asks (``SeriesTree.keepOfflineRequested``); a ``background.Job`` runs
the Qt-free ``Library.keep_offline`` on its own thread, one page at a time, so reading
goes on meanwhile. Progress and the outcome go to the status bar; what was fetched goes
to the change hub once, at the end (the rows' reading times, the page shown).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from readinglist.gui.background import Job, JobContext
from readinglist.services.fulltext import OfflineReport

if TYPE_CHECKING:
    from readinglist.gui.background import TaskManager
    from readinglist.gui.changes_hub import ChangesHub
    from readinglist.services.library import Library

ERROR_CHARS = 90  # the first problem, shortened to fit a status bar


def describe_offline(report: OfflineReport, *, cancelled: bool = False) -> str:
    """'Kept 10 articles for offline reading (2 already readable; 1 failed: …)'."""
    n = len(report.fetched)
    text = f"Kept {n} article{'s' if n != 1 else ''} for offline reading"
    notes = []
    if report.already:
        notes.append(f"{len(report.already)} already readable")
    if report.failed:
        first = report.failed[0][1]
        if len(first) > ERROR_CHARS:
            first = first[: ERROR_CHARS - 1] + "…"
        notes.append(f"{len(report.failed)} failed: {first}")
    if notes:
        text += f" ({'; '.join(notes)})"
    return text + (" (cancelled)" if cancelled else "")


class OfflineCommands(QObject):
    def __init__(
        self,
        *,
        library: Library,
        hub: ChangesHub,
        tasks: TaskManager,
        status: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._library, self._hub, self._status = library, hub, status
        self.job = Job(
            self._work,
            name="readinglist-offline",
            failure_text="Keeping for offline failed",
            after_run=library.close_thread_connection,
            parent=self,
        )
        tasks.adopt(self.job)
        self.job.progress.connect(self._progress)
        self.job.finished.connect(self._finished)
        self.job.failed.connect(status)

    def keep_offline(self, series_id: int | None, feed_id: int | None) -> bool:
        """Start fetching ahead; False (and a status line) when a run is going on."""
        if not self.job.submit(series_id, feed_id):
            self._status("Already keeping articles for offline reading; wait for it to end.")
            return False
        self._status("Keeping for offline reading…")
        return True

    def _work(
        self, series_id: int | None, feed_id: int | None, context: JobContext
    ) -> OfflineReport:
        return self._library.keep_offline(
            feed_id=feed_id,
            series_id=series_id,
            cancel=context.cancel,
            on_progress=context.progress,
        )

    def _progress(self, done: int, total: int) -> None:
        self._status(f"Keeping for offline reading: {done} of {total} articles…")

    def _finished(self, report: object) -> None:
        assert isinstance(report, OfflineReport)
        self._hub.publish(report.changes)
        self._status(describe_offline(report, cancelled=self.job.cancelled()))
