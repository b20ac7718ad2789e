"""Worker processes for the CPU part of a big sync (``services.prepare``), on every core.

A first sync of a large library is parsing bound: feedparser, nh3, hashing, text and
series grouping for every entry, then the writer's inserts. On threads all of that
shares one GIL with the writer. ``ParsePool`` hands each fetched document to a worker
process instead, and the fetch thread that fetched it waits for the plain records to
come back; the writer stays on the caller's thread as before.

When: the pool starts only once a run has fetched ``min_bytes`` of documents, so a
sync of a few feeds and a sync where everything answered 304 (nothing to parse) never
pay for starting processes; below that, and where there is one core, documents are
prepared on the fetch thread as before. Once started, the pool serves the rest of the
run and is shut down when the run ends (``close``).

While the pool runs the sync's own process is one of its parsers too, one document at
a time (``here``): a fetch thread that finds every worker busy parses its document
itself if no other thread does.

How: each worker is a child interpreter started fresh (never ``fork``: the fetch
threads and the GUI's threads are running) that runs ``services.parse_worker`` and
imports only ``feeds/``, ``model/`` and ``storage.codec``; a fetch thread takes an idle
worker, writes the job to its stdin and reads the answer from its stdout (see
``parse_worker`` for the frames and for why not ``multiprocessing``). No helper process
or thread of our own runs beside them. A cancel terminates the workers, parses under
way included (``close(cancelled=True)``), so no worker outlives the run; a worker also
ends by itself when its input closes, so none outlives the sync's process either.

Failures stay with their feed: an exception in ``prepare`` comes back and becomes that
feed's error; a worker that dies (a crash in a parser) fails the feed it had, and the
next document starts a new worker in its place.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
from typing import IO, Any

from readinglist.model.errors import FeedError
from readinglist.model.records import Feed
from readinglist.services.parse_worker import BOOT, receive, send
from readinglist.services.prepare import Fetched, Validators, prepare

#: Bytes a run fetches before its documents go to worker processes: a fifth of a
#: second of parsing, about what starting a worker costs. Below it a document is parsed
#: in the sync's own process, beside the writer: a big document never is, so the sync's
#: process never holds feedparser's structures for one (they set its memory peak).
MIN_BYTES = 1_000_000

#: Seconds ``close`` waits for a worker to go.
_JOIN = 2.0
#: The argument a frozen bundle's entry point answers by running ``parse_worker.main``.
FROZEN_WORKER_ARG = "--parse-worker"


def default_processes() -> int:
    """Worker processes for this machine: one per core but one, up to three, none on
    one core. The sync's own process parses too while they run (``ParsePool.here``):
    beside the writer (about an eighth of a first sync's CPU) it has most of a core
    free, and a worker costs about 45 MB where parsing here adds about 10. On two
    cores, one worker and the sync's process: 121 MB for all processes and the same
    time as two workers (152 MB), 200 feeds x 500 entries."""
    cores = os.cpu_count() or 1
    if cores < 2:
        return 0
    return min(3, cores - 1)


def worker_command() -> list[str]:
    """How to start a worker: this interpreter with our ``sys.path``, or in a frozen
    bundle its own executable, whose entry point runs the worker for
    ``FROZEN_WORKER_ARG`` (``packaging/entry_*.py``)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, FROZEN_WORKER_ARG]
    flags: list[str] = subprocess._args_from_interpreter_flags()  # type: ignore[attr-defined]
    return [sys.executable, *flags, "-c", BOOT, *sys.path]


_HERE = object()  # ``_take``: parse in this process


class WorkerStopped(FeedError):
    """The worker process preparing this feed ended before it answered."""


class _Worker:
    """One child process; used by one thread at a time (the pool hands it out)."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            worker_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self._in: IO[bytes] = self.process.stdin  # type: ignore[assignment]
        self._out: IO[bytes] = self.process.stdout  # type: ignore[assignment]

    def call(self, function: Any, *args: Any) -> Any:
        """``function(*args)`` in the worker; raises what it raised, or ``WorkerStopped``."""
        try:
            send(self._in, (function, args))
            ok, value = receive(self._out)
        except Exception:  # a broken pipe, an answer cut short, closed under us by a cancel
            raise WorkerStopped("the worker process ended") from None
        if not ok:
            raise value
        return value

    def stop(self, *, terminate: bool) -> None:
        """End the process: close its input (it exits), or terminate it at once."""
        if terminate:
            self.process.terminate()
        else:
            with contextlib.suppress(OSError):
                self._in.close()
        try:
            self.process.wait(_JOIN)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def release(self) -> None:
        """Close our ends of its pipes (after ``stop``; by the thread that used it)."""
        for stream in (self._in, self._out):
            with contextlib.suppress(OSError):
                stream.close()


class ParsePool:
    """Prepares fetched documents on worker processes once a run has enough to parse.

    Thread-safe: every fetch thread calls ``prepare``; the run calls ``close`` once.
    """

    def __init__(
        self, processes: int | None = None, min_bytes: int = MIN_BYTES, *, here: bool = True
    ) -> None:
        self.processes = default_processes() if processes is None else max(0, processes)
        self.min_bytes = min_bytes
        # while the pool runs, the sync's own process parses too, one document at a time
        # (its peak memory is feedparser's structures for one document)
        self.here = here and self.processes > 0
        self._here_busy = False
        # The sync's own process has one interpreter lock for its writer and its parse:
        # it takes a document only while the writer waits (``writer_waiting``), else the
        # parse would slow the writer down and the worker would sit idle.
        self._writer_waiting = True
        self.started = 0  # pools started in this run (tests and benchmarks read it)
        self._fetched = 0
        self._running = False
        self._closed = False
        self._idle: list[_Worker] = []
        self._workers: set[_Worker] = set()
        self._changed = threading.Condition()

    @property
    def running(self) -> bool:
        """True once documents go to worker processes (until ``close``)."""
        return self._running and not self._closed

    def prepare(
        self,
        feed: Feed,
        content: bytes,
        url: str,
        content_type: str | None,
        checked: Validators | None,
    ) -> Fetched:
        """``services.prepare.prepare`` on a worker when the pool runs, else here."""
        worker = self._take(len(content))
        if worker is None:
            return prepare(feed, content, url, content_type, checked)
        if not isinstance(worker, _Worker):  # _HERE
            try:
                return prepare(feed, content, url, content_type, checked)
            finally:
                with self._changed:
                    self._here_busy = False
                    self._changed.notify()
        try:
            fetched: Fetched = worker.call(prepare, feed, content, url, content_type, checked)
        except WorkerStopped:
            self._drop(worker)
            if self._closed:
                raise WorkerStopped("the sync was cancelled") from None
            raise WorkerStopped(
                "the process parsing this feed stopped unexpectedly; it is tried again "
                "on the next sync"
            ) from None
        except BaseException:
            self._give_back(worker)
            raise
        self._give_back(worker)
        return fetched

    def _take(self, size: int) -> _Worker | object | None:
        """An idle worker (waiting for one if all are busy), ``_HERE`` (this process's
        turn), or None: the pool does not run, prepare here."""
        with self._changed:
            self._fetched += size
            if not self._running:
                if self._closed or self.processes == 0 or self._fetched < self.min_bytes:
                    return None
                self._running = True
                self.started += 1
            while not self._idle and not self._closed:
                if len(self._workers) < self.processes:  # at the start, or after a death
                    worker = _Worker()
                    self._workers.add(worker)
                    return worker
                if self.here and not self._here_busy and self._writer_waiting:
                    self._here_busy = True
                    return _HERE
                self._changed.wait()
            if self._closed:
                raise WorkerStopped("the sync was cancelled")
            return self._idle.pop()

    def writer_waiting(self, waiting: bool) -> None:
        """The run's writer waits for documents (True) or stores one (False)."""
        with self._changed:
            self._writer_waiting = waiting
            if waiting:
                self._changed.notify_all()

    def _give_back(self, worker: _Worker) -> None:
        with self._changed:
            if worker in self._workers:
                self._idle.append(worker)
                self._changed.notify()
                return
        worker.release()  # the pool was closed meanwhile (and stopped it)

    def _drop(self, worker: _Worker) -> None:
        """A worker that stopped answering: gone from the pool; the next one replaces it."""
        with self._changed:
            self._workers.discard(worker)
            self._changed.notify()
        worker.stop(terminate=True)
        worker.release()

    def close(self, *, cancelled: bool = False) -> None:
        """End the pool: after a finished run let the workers exit (nothing is left to
        do); after a cancel terminate them now, parses under way included (a document
        being parsed here finishes on its fetch thread, which the run does not wait for)."""
        with self._changed:
            self._closed = True
            workers, idle = list(self._workers), set(self._idle)
            self._workers.clear()
            self._idle.clear()
            self._changed.notify_all()
        for worker in workers:
            worker.stop(terminate=cancelled or worker not in idle)
        for worker in idle:
            worker.release()
