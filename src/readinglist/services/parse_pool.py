"""Worker processes for the CPU part of a big sync (``services.prepare``), on every core.

A first sync of a large library is parsing bound: feedparser, nh3, hashing, text and
series grouping for every entry, then the writer's inserts. On threads all of that
shares one GIL with the writer. ``ParsePool`` hands each fetched document to a
``ProcessPoolExecutor`` instead, and the fetch thread that fetched it waits for the
plain records to come back; the writer stays on the caller's thread as before.

When: the pool starts only once a run has fetched ``min_bytes`` of documents, so a
sync of a few feeds and a sync where everything answered 304 (nothing to parse) never
pay for starting processes; below that, and where there is one core, documents are
prepared on the fetch thread as before. Once started, the pool serves the rest of the
run and is shut down when the run ends (``close``).

How: ``spawn`` processes (never ``fork``: the fetch threads and the GUI's threads are
running), which import only ``feeds/``, ``model/`` and ``storage.codec``. A cancel
shuts the pool down without waiting and ends parses under way (``close(cancelled=True)``),
so no worker outlives the run. Multiprocessing keeps one helper process of its own
(the resource tracker) until the interpreter exits.

Failures stay with their feed: an exception in ``prepare`` comes back through the
future and becomes that feed's error; a worker that dies (a crash in a parser) fails
the feeds it had, and the next document starts a fresh pool.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from readinglist.model.errors import FeedError
from readinglist.model.records import Feed
from readinglist.services.prepare import Fetched, Validators, prepare

#: Bytes a run fetches before its documents go to worker processes: about two
#: seconds of parsing, well over what starting two interpreters costs.
MIN_BYTES = 4_000_000
#: Seconds ``close(cancelled=True)`` waits for a terminated worker to go.
_JOIN = 2.0


def default_processes() -> int:
    """Worker processes for this machine: one per core up to four, none on one core
    (the writer needs a core of its own) and none in a frozen bundle, which does not
    set up ``multiprocessing`` (see ``packaging/``)."""
    cores = os.cpu_count() or 1
    if cores < 2 or getattr(sys, "frozen", False):
        return 0
    return min(4, cores)


class WorkerStopped(FeedError):
    """The worker process preparing this feed ended before it answered."""


class ParsePool:
    """Prepares fetched documents on worker processes once a run has enough to parse.

    Thread-safe: every fetch thread calls ``prepare``; the run calls ``close`` once.
    """

    def __init__(self, processes: int | None = None, min_bytes: int = MIN_BYTES) -> None:
        self.processes = default_processes() if processes is None else max(0, processes)
        self.min_bytes = min_bytes
        self.started = 0  # pools started in this run (tests and benchmarks read it)
        self._fetched = 0
        self._executor: ProcessPoolExecutor | None = None
        self._closed = False
        self._lock = threading.Lock()

    def prepare(
        self,
        feed: Feed,
        content: bytes,
        url: str,
        content_type: str | None,
        checked: Validators | None,
    ) -> Fetched:
        """``services.prepare.prepare`` on a worker when the pool runs, else here."""
        executor = self._executor_for(len(content))
        if executor is None:
            return prepare(feed, content, url, content_type, checked)
        try:
            future: Future[Fetched] = executor.submit(
                prepare, feed, content, url, content_type, checked
            )
        except RuntimeError:  # shut down by a cancel, or broken: this feed is done here
            if self._closed:
                raise WorkerStopped("the sync was cancelled") from None
            self._forget(executor)
            return prepare(feed, content, url, content_type, checked)
        try:
            return future.result()
        except BrokenProcessPool:
            self._forget(executor)
            raise WorkerStopped(
                "the process parsing this feed stopped unexpectedly; it is tried again "
                "on the next sync"
            ) from None

    def _executor_for(self, size: int) -> ProcessPoolExecutor | None:
        with self._lock:
            self._fetched += size
            if (
                self._executor is None
                and not self._closed
                and self.processes > 0
                and self._fetched >= self.min_bytes
            ):
                self._executor = ProcessPoolExecutor(
                    self.processes, mp_context=multiprocessing.get_context("spawn")
                )
                self.started += 1
            return self._executor

    def _forget(self, executor: ProcessPoolExecutor) -> None:
        """A broken pool: the next document starts a new one."""
        with self._lock:
            if self._executor is executor:
                self._executor = None
        executor.shutdown(wait=False, cancel_futures=True)

    def close(self, *, cancelled: bool = False) -> None:
        """End the pool: after a finished run wait for it (nothing is left to do);
        after a cancel stop the workers now, parses under way included."""
        with self._lock:
            self._closed = True
            executor, self._executor = self._executor, None
        if executor is None:
            return
        if not cancelled:
            executor.shutdown(wait=True)
            return
        processes: dict[Any, Any] = dict(getattr(executor, "_processes", None) or {})
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes.values():
            if process.is_alive():
                process.terminate()
        for process in processes.values():
            process.join(_JOIN)
