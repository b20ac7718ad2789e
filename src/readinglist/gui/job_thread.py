"""One long job at a time on its own ``QThread``: the plumbing sync and backfill share.

A ``JobWorker`` lives on the thread, calls a plain Qt-free service and turns its
callbacks into signals; a ``JobController`` on the GUI thread starts runs, cancels them
through a ``threading.Event`` and joins the thread on quit. The GUI thread never waits
on the worker except in ``shutdown``. Only ids, Events and frozen dataclasses cross.

Signals of both (delivered on the GUI thread, in this order for one run)::

    started()            the worker began the run
    progress(int, int)   (done, total)
    finished(object)     the run's result
    failed(str)          an unexpected exception ended the run instead of finished
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

__all__ = ["JobController", "JobWorker"]

log = logging.getLogger(__name__)


class JobWorker(QObject):
    """Runs ``work`` on the job thread; subclasses say what the work is."""

    started = Signal()
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    #: The start of the message ``failed`` carries ("sync failed: …").
    failure_text = "the job failed"

    def __init__(self, library: Any) -> None:
        super().__init__()
        self._library = library

    def work(self, *args: Any, cancel: threading.Event) -> object:
        raise NotImplementedError

    @Slot(object)
    def run(self, request: tuple[Any, ...]) -> None:
        *args, cancel = request
        self.started.emit()
        try:
            result = self.work(*args, cancel=cancel)
        except Exception as exc:  # report, never kill the thread
            log.exception(self.failure_text)
            self.failed.emit(f"{self.failure_text}: {exc}")
        else:
            self.finished.emit(result)
        finally:
            # This thread's SQLite connection; the next run opens a fresh one.
            store = getattr(self._library, "store", None)
            if store is not None:
                try:
                    store.close()
                except Exception:
                    log.exception("closing the job thread's connection failed")


class JobController(QObject):
    """Start, cancel and join runs of one ``JobWorker``; re-emits its signals."""

    started = Signal()
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    _request = Signal(object)

    def __init__(self, worker: JobWorker, thread_name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running = False
        self._cancel: threading.Event | None = None
        self._was_cancelled = False
        self._shut_down = False
        self._thread = QThread()
        self._thread.setObjectName(thread_name)
        self._worker = worker
        worker.moveToThread(self._thread)
        self._request.connect(worker.run)
        worker.started.connect(self.started)
        worker.progress.connect(self.progress)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        self._thread.finished.connect(worker.deleteLater)

    def _submit(self, *args: Any) -> bool:
        """Send one run to the worker; False when one is running or we are shutting down."""
        if self._running or self._shut_down:
            return False
        if not self._thread.isRunning():
            self._thread.start()
        self._running = True
        self._cancel = threading.Event()
        self._request.emit((*args, self._cancel))
        return True

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

    def _end_run(self) -> None:
        self._running = False
        self._was_cancelled = self._cancel is not None and self._cancel.is_set()
        self._cancel = None

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        self._end_run()
        self.finished.emit(result)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._end_run()
        self.failed.emit(message)

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Cancel, stop the thread's loop and join it (on quit).

        True when the thread has stopped. False means the job is still blocked (a fetch
        on a silent server ends within its read timeout); call again before letting the
        controller be destroyed.
        """
        self._shut_down = True
        self.cancel()
        self._thread.quit()
        if not self._thread.isRunning():
            return True
        stopped = bool(self._thread.wait(max(0, timeout_ms)))
        if stopped:
            self._running = False
        return stopped
