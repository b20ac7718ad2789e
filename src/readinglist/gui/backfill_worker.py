"""``BackfillController``: "Find missing parts" on its own thread.

Same pattern as ``sync_worker``: a ``background.Job`` calls the plain, Qt-free
``Library.backfill`` service and turns its callbacks into signals; the
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

import threading
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QObject

from readinglist.gui.background import Job, JobContext

__all__ = ["BackfillController", "Backfiller", "describe_reports"]
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


class BackfillController(Job):
    """Start and cancel "Find missing parts"; every signal arrives on the GUI thread.

    The thread starts with the first search: most sessions never need it.
    """

    def __init__(self, library: Backfiller, parent: QObject | None = None) -> None:
        super().__init__(
            self._work,
            name="readinglist-backfill",
            failure_text="Finding missing parts failed",
            # this thread's SQLite connection (fakes in tests may have none)
            after_run=getattr(library, "close_thread_connection", None),
            parent=parent,
        )
        self._library = library

    def _work(
        self, series_ids: tuple[int, ...] | None, feed_id: int | None, context: JobContext
    ) -> object:
        return list(
            self._library.backfill(
                series_ids, feed_id=feed_id, cancel=context.cancel, on_progress=context.progress
            )
        )

    def available(self) -> bool:
        """False until the library offers ``backfill`` (older builds, fakes without it)."""
        return callable(getattr(self._library, "backfill", None))

    def start(self, series_ids: Sequence[int] | None = None, *, feed_id: int | None = None) -> bool:
        """Search the missing parts of ``series_ids`` (or of every series of ``feed_id``).

        False when a search is already running, or none is possible.
        """
        if not self.available():
            return False
        ids = tuple(series_ids) if series_ids is not None else None
        return self.submit(ids, feed_id)
