"""The C heap: hand back what a big read freed, and keep big buffers out of it.

Why: a filter over every article of a million-article library has SQLite build a set
of a million ids; freed, those pages stayed in the C library's heap, and the window
that is left open all day kept them — 40 MB after a few filters (``bench/ui_bench.py
--articles 1000000 --feeds 1000``). ``malloc_trim`` returns them. Where there is no
such call (macOS, Windows, musl) this does nothing: those allocators give memory back
on their own terms.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable


def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim = ctypes.CDLL(None).malloc_trim  # the C library this process already has
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


_TRIM = _malloc_trim()

#: glibc's ``mallopt`` parameters, and the values ``bound_malloc`` sets.
_M_MMAP_THRESHOLD, _MMAP_THRESHOLD = -3, 256 * 1024
_M_ARENA_MAX, _ARENA_MAX = -8, 2


def give_back_freed_memory() -> None:
    """Return the heap's free pages to the system, on every thread's arena."""
    if _TRIM is not None:
        _TRIM(0)


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
    measurable CPU; the threads allocate under the GIL anyway). The window's lanes are
    threads too: a filter's search-index merge over a million articles left 14 MB in
    a lane's heap that no trim returned; with these settings it all goes back. Called
    when a library is opened (``Library.open``: the window and the CLI), before a sync
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
