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
import os
import pickle
import signal
import sys
from typing import IO, Any

from readinglist.storage.heap import bound_malloc

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
