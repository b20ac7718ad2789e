"""Part numbers of a series: which are missing, and how to say so briefly.

Pure helpers shared by storage (series progress), the missing-parts search and both
faces. A series that has parts 13 and 16 is missing twelve parts in one run and two in
another; people read that as "1–12, 14–15", never as fourteen numbers.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from readinglist.model.records import Article

T = TypeVar("T")
Place = tuple[int | None, datetime | None, int]
"""What orders a post in its series: (part, date, id)."""

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


def missing_around_unnumbered(
    numbered: Sequence[tuple[int, datetime | None]], unnumbered: Sequence[datetime | None]
) -> tuple[int, ...]:
    """Missing parts, less the gaps that the series' own unnumbered posts are dated in.

    Detection leaves a post unnumbered where its place is unknown: two posts of one day
    in a series ordered by date (a date-only feed cannot say which came first) take no
    numbers, and the posts after them keep their ranks, so "3" follows two unnumbered
    posts and parts 1–2 look missing though the reader has them. A run of missing
    numbers is held when at least as many unnumbered posts are dated between the parts
    around it (the days themselves included) as the run has numbers; each unnumbered
    post holds one number. A side story posted after the last part holds nothing, so a
    series missing its part 2 still says so.
    """
    missing = missing_parts(sorted({part for part, _ in numbered}))
    if not missing:
        return ()
    dated = sorted(when for when in unnumbered if when is not None)
    if not dated:
        return missing
    earliest: dict[int, datetime] = {}
    latest: dict[int, datetime] = {}
    for part, when in numbered:
        if when is not None:
            earliest[part] = min(earliest.get(part, when), when)
            latest[part] = max(latest.get(part, when), when)
    still: list[int] = []
    for first, last in part_runs(missing):
        low = latest.get(first - 1)  # no part before the run: any earlier day will do
        high = earliest.get(last + 1)
        inside = [
            when
            for when in dated
            if (low is None or when >= low) and (high is None or when <= high)
        ]
        size = last - first + 1
        if len(inside) >= size:
            for when in inside[:size]:
                dated.remove(when)
        else:
            still.extend(range(first, last + 1))
    return tuple(still)


def in_reading_order(items: Sequence[T], place: Callable[[T], Place]) -> list[T]:
    """A series' posts in the order a reader meets them: numbered parts by number, and
    each unnumbered post where its date falls among them.

    ``place(item)`` is (part, date, id). An unnumbered post goes after the last part
    dated on or before its day, or before the first part when it is older than all of
    them: the two posts of one day that a date-only feed could not rank come between
    the parts before and after them, an introduction first, a side story where it was
    published. Undated unnumbered posts come last; ties go by date, then id.
    """
    places = [place(item) for item in items]
    dated_parts = sorted((when, part) for part, when, _ in places if part is not None and when)
    days = [when for when, _ in dated_parts]
    latest_part: list[int] = []  # the highest part dated on or before each of ``days``
    for _, part in dated_parts:
        latest_part.append(max(part, latest_part[-1]) if latest_part else part)
    first = min((part for part, _, _ in places if part is not None), default=0)

    def position(part: int | None, when: datetime | None) -> float:
        if part is not None:
            return float(part)
        if when is None:
            return float("inf")
        before = bisect_right(days, when)
        return latest_part[before - 1] + 0.5 if before else first - 0.5

    keys = [
        (position(part, when), when is None, when.timestamp() if when else 0.0, ident)
        for part, when, ident in places
    ]
    return [item for _, item in sorted(zip(keys, items, strict=True), key=lambda pair: pair[0])]


def missing_among(articles: Iterable[Article], found: Iterable[int] = ()) -> tuple[int, ...]:
    """``missing_around_unnumbered`` for a series' articles (and parts ``found`` for it
    that are not stored yet): the missing parts as the series list says them."""
    numbered: list[tuple[int, datetime | None]] = [(part, None) for part in found]
    unnumbered: list[datetime | None] = []
    for article in articles:
        part, when, _ = reading_place(article)
        if part is None:
            unnumbered.append(when)
        else:
            numbered.extend((n, when) for n in covered(part, article.part_last))
    return missing_around_unnumbered(numbered, unnumbered)


def part_words(part: int, last: int | None = None) -> str:
    """ "Part 4", or "Parts 4–7" for a post that covers several ("Day 4-7")."""
    if last is not None and last > part:
        return f"Parts {part}{RANGE_DASH}{last}"
    return f"Part {part}"


def covered(part: int, last: int | None) -> range:
    """The parts a post covers: its part, or every part up to ``last`` ("Day 4-7")."""
    return range(part, (last if last is not None and last > part else part) + 1)


def reading_place(article: Article) -> Place:
    """What orders an article in its series (``in_reading_order``): part, date, id."""
    return article.part, article.published or article.first_seen, article.id


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
