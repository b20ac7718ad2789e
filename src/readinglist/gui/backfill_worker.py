"""``BackfillController``: "Find missing parts" on its own thread.

Same pattern as ``sync_worker``: a worker ``QObject`` moved to a ``QThread`` calls the
plain, Qt-free ``Library.backfill`` service and turns its callbacks into signals; the
GUI thread only sets a ``threading.Event`` to cancel. A search reads sitemaps and
archive pages, so it can take a while and must not hold up the window's short reads.

Signals (delivered on the GUI thread, in this order for one run)::

    started()                 the worker began the run
    progress(int, int)        (series done, series total)
    finished(object)          the list of BackfillReport (one per series searched)
    failed(str)               an unexpected exception ended the run instead

``Library.backfill(series_ids, *, feed_id=None, cancel=None, on_progress=None)`` returns
``list[BackfillReport]``; anything with that method will do (tests pass a fake).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QObject, QThread, Signal, Slot

__all__ = ["BackfillController", "Backfiller", "describe_reports"]

log = logging.getLogger(__name__)
ERROR_CHARS = 90  # the first problem, shortened to fit a status bar


class Backfiller(Protocol):
    def backfill(
        self,
        series_ids: Sequence[int] | None = None,
        *,
        feed_id: int | None = None,
        cancel: threading.Event | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> list[Any]: ...


def describe_reports(reports: Sequence[Any], *, cancelled: bool = False) -> str:
    """One status-bar line: 'Found 4 missing parts in 2 series' (and what went wrong)."""
    found = [r for r in reports if r.new_article_ids]
    parts = sum(len(r.new_article_ids) for r in found)
    if parts:
        text = f"Found {parts} missing part{'s' if parts != 1 else ''} in {len(found)} series"
    else:
        n = len(reports)
        text = f"No missing parts found ({n} series searched)"
    errors = [e for r in reports for e in r.errors]
    if errors:
        first = errors[0] if len(errors[0]) <= ERROR_CHARS else errors[0][: ERROR_CHARS - 1] + "…"
        text += f"; {len(errors)} problem{'s' if len(errors) != 1 else ''}: {first}"
    if cancelled:
        text += " (cancelled)"
    return text


class _BackfillWorker(QObject):
    """Lives on the backfill thread. Only ids, Events and frozen dataclasses pass."""

    started = Signal()
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, library: Backfiller) -> None:
        super().__init__()
        self._library = library

    @Slot(object, object, object)
    def run(
        self, series_ids: tuple[int, ...] | None, feed_id: int | None, cancel: threading.Event
    ) -> None:
        self.started.emit()
        try:
            reports = self._library.backfill(
                series_ids, feed_id=feed_id, cancel=cancel, on_progress=self.progress.emit
            )
        except Exception as exc:  # report, never kill the thread
            log.exception("finding missing parts failed")
            self.failed.emit(f"Finding missing parts failed: {exc}")
        else:
            self.finished.emit(list(reports))
        finally:
            store = getattr(self._library, "store", None)
            if store is not None:  # this thread's SQLite connection
                try:
                    store.close()
                except Exception:
                    log.exception("closing the backfill thread's connection failed")


class BackfillController(QObject):
    """Start and cancel "Find missing parts"; re-emits the worker's signals."""

    started = Signal()
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    _request = Signal(object, object, object)

    def __init__(self, library: Backfiller, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._running = False
        self._cancel: threading.Event | None = None
        self._shut_down = False
        self._thread = QThread()
        self._thread.setObjectName("readinglist-backfill")
        self._worker = _BackfillWorker(library)
        self._worker.moveToThread(self._thread)
        self._request.connect(self._worker.run)
        self._worker.started.connect(self.started)
        self._worker.progress.connect(self.progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._thread.finished.connect(self._worker.deleteLater)
        # The thread starts with the first search: most sessions never need it.

    def available(self) -> bool:
        """False until the library offers ``backfill`` (older builds, fakes without it)."""
        return callable(getattr(self._library, "backfill", None))

    def start(self, series_ids: Sequence[int] | None = None, *, feed_id: int | None = None) -> bool:
        """Search the missing parts of ``series_ids`` (or of every series of ``feed_id``).

        False when a search is already running, or none is possible.
        """
        if self._running or self._shut_down or not self.available():
            return False
        if not self._thread.isRunning():
            self._thread.start()
        self._running = True
        self._cancel = threading.Event()
        ids = tuple(series_ids) if series_ids is not None else None
        self._request.emit(ids, feed_id, self._cancel)
        return True

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel is not None and self._cancel.is_set()

    def is_running(self) -> bool:
        return self._running

    @Slot(object)
    def _on_finished(self, reports: object) -> None:
        self._running = False
        self.finished.emit(reports)
        self._cancel = None

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._running = False
        self._cancel = None
        self.failed.emit(message)

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Cancel, stop the thread's loop and join it (on quit). True once stopped."""
        self._shut_down = True
        self.cancel()
        self._thread.quit()
        if not self._thread.isRunning():
            return True
        stopped = bool(self._thread.wait(max(0, timeout_ms)))
        if stopped:
            self._running = False
        return stopped
