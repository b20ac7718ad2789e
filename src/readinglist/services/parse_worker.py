"""The parse worker process: reads jobs on stdin, answers on stdout (``services.parse_pool``).

Why not ``multiprocessing``: its ``spawn`` start needs its resource-tracker process
(13 MB for the whole run, an eighth of the sync's memory budget) and its queues add a
feeder and a management thread to the sync, which pickle every document into one more
buffer; none of that is needed to hand one document at a time to one process. Here a
worker is a plain child interpreter that imports only what ``services.prepare``
imports (feeds/, model/, ``storage.codec``: no Qt, no peewee, no httpx) and talks
through its pipes:

* the worker starts with the parent's ``sys.path`` (``BOOT``), so a function the
  parent names, even a test's, imports here as it does there;
* a job is one pickle of ``(function, args)`` on stdin; the answer one pickle of
  ``(True, result)`` or ``(False, exception)`` on stdout. Both are streamed
  (``pickle.dump``/``pickle.load`` on the pipe): the document and the answer are never
  copied whole into a message buffer on either side;
* a ``Fetched`` result leaves the entries' HTML behind once it is packed
  (``prepare.for_writer``), halving what comes back;
* end of input (the parent closed the pipe, or died) ends the worker. An answer cut
  short (the worker died) is the end of that worker for the parent.

The worker ignores Ctrl+C (SIGINT reaches the whole process group): the parent decides,
and a cancelled sync terminates its workers itself.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import pickle
import signal
import sys
from typing import IO, Any

#: glibc's ``mallopt`` parameters, and the values ``bound_malloc`` sets.
_M_MMAP_THRESHOLD, _MMAP_THRESHOLD = -3, 256 * 1024
_M_ARENA_MAX, _ARENA_MAX = -8, 2
#: How the parent starts a worker: ``[python, -c, BOOT, *parent's sys.path]``.
BOOT = (
    "import sys; sys.path[:] = sys.argv[1:]; "
    "from readinglist.services.parse_worker import main; main()"
)


def send(stream: IO[bytes], message: Any) -> None:
    """One message, streamed (``pickle.dump`` writes big bytes objects as they are)."""
    pickle.dump(message, stream, protocol=pickle.HIGHEST_PROTOCOL)
    stream.flush()


def receive(stream: IO[bytes]) -> Any:
    """One message; ``EOFError`` at the end of the stream."""
    return pickle.load(stream)


def _answer(job: tuple[Any, tuple[Any, ...]]) -> tuple[bool, Any]:
    from readinglist.services.prepare import Fetched, for_writer

    function, args = job
    try:
        result = function(*args)
    except Exception as exc:
        return False, exc
    return True, for_writer(result) if isinstance(result, Fetched) else result


def serve(inp: IO[bytes], out: IO[bytes]) -> None:
    """Answer jobs until the input ends."""
    while True:
        try:
            job = receive(inp)
        except EOFError:
            return
        except Exception as exc:  # a job that does not unpickle (a function not found)
            reply: tuple[bool, Any] = (False, exc)
        else:
            reply = _answer(job)
        del job  # the document: freed before the answer is written
        if not reply[0]:
            try:  # an exception may not pickle: try it whole before writing a byte
                data = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as exc:
                data = pickle.dumps((False, RuntimeError(f"{reply[1]!r} ({exc})")))
            out.write(data)
            out.flush()
        else:
            send(out, reply)


def bound_malloc() -> None:
    """glibc: big buffers get their own mappings, and threads share two heaps.

    A big sync moves megabyte-sized buffers through its processes (a fetched document
    and the copies feedparser makes of it, the job, the answer) on eight fetch threads.
    glibc raises its mmap threshold to the size of the first such buffer freed, so the
    rest are carved out of the heaps, where freed space stays resident and each
    document raises the peak a little more; and it gives threads heaps of their own (up
    to eight per core), each keeping its freed space. A fixed 256 KB threshold and two
    heaps: the sync's process peaked at 58 MB instead of 84 (60 feeds x 500 entries), a
    worker at 42 instead of 45, for a page fault per 4 KB of those buffers (no
    measurable CPU; the threads allocate under the GIL anyway). Called before a sync
    that may start workers opens its fetch threads, and by each worker; it stays set
    for the rest of the process. Elsewhere than Linux (or without ``mallopt``) nothing
    changes."""
    if not sys.platform.startswith("linux"):
        return
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)
    mallopt(_M_ARENA_MAX, _ARENA_MAX)


def main() -> None:
    """Serve on file descriptors 0 and 1 (not ``sys.stdin``/``sys.stdout``: a windowed
    bundle may have set those to None); whatever else writes to 1 goes to stderr."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    bound_malloc()
    answers = os.dup(1)
    # a stray print (or a C library) must not land in the answers; without a stderr
    # (a windowed bundle) stray output is simply lost
    with contextlib.suppress(OSError):
        os.dup2(2, 1)
    sys.stdout = sys.stderr
    with open(0, "rb", closefd=False) as inp, open(answers, "wb") as out:
        serve(inp, out)


if __name__ == "__main__":
    main()
