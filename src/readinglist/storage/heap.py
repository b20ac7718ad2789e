"""Hand memory a big read freed back to the system (glibc keeps it otherwise).

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


def give_back_freed_memory() -> None:
    """Return the heap's free pages to the system, on every thread's arena."""
    if _TRIM is not None:
        _TRIM(0)
