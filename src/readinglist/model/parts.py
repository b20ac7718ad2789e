"""Part numbers of a series: which are missing, and how to say so briefly.

Pure helpers shared by storage (series progress), the missing-parts search and both
faces. A series that has parts 13 and 16 is missing twelve parts in one run and two in
another; people read that as "1–12, 14–15", never as fourteen numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

#: Gaps wider than this are not listed part by part ("Part 2024" is not 2,023 gaps).
MAX_LISTED_MISSING = 200

#: The dash between the ends of a run, as typeset ("1–12"): an en dash, not a hyphen.
RANGE_DASH = "\N{EN DASH}"


def missing_parts(parts: Sequence[int]) -> tuple[int, ...]:
    """Part numbers absent below the highest present one (1-based; 0 counts if used)."""
    if not parts:
        return ()
    present = set(parts)
    top = max(present)
    start = 0 if 0 in present else 1
    if top - start > MAX_LISTED_MISSING:
        return ()
    return tuple(n for n in range(start, top) if n not in present)


def part_runs(numbers: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive numbers folded into (first, last) runs, in ascending order.

    >>> part_runs([1, 2, 3, 5, 7, 8])
    [(1, 3), (5, 5), (7, 8)]
    """
    runs: list[tuple[int, int]] = []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


def format_run(first: int, last: int) -> str:
    """One run as text: "4" alone, "4–5" or "1–12"."""
    return str(first) if first == last else f"{first}{RANGE_DASH}{last}"


def format_part_ranges(numbers: Iterable[int]) -> str:
    """Numbers as comma-separated runs: "1–12, 14–15" (empty string for none)."""
    return ", ".join(format_run(first, last) for first, last in part_runs(numbers))
