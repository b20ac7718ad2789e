"""Part numbers for a group whose titles do not give them all: dates and post ids.

``evidence.assess`` asks these, in this order, once a group is judged: a group with no
numbers at all is ordered by its dates, else by the ids in its URLs, else by its dates
around the days several of its posts share; a group with
numbers places an unnumbered introduction before part 1, or lets unnumbered posts take
the numbers their dates fall between. Each returns whether it numbered anything, so the
``why`` can say so. Pure, like the rest of ``feeds.series``.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from readinglist.feeds.series.post import Post, calendar_year

__all__ = [
    "by_date",
    "by_date_around_ties",
    "by_url_id",
    "gaps_by_date",
    "intro_before_part_one",
    "posted_once_a_year",
    "years_posted",
]


def by_date(posts: list[Post]) -> bool:
    """A group with no numbers at all takes its part order from the dates (1 = oldest).

    Only when every post is dated and no two share a moment: a theme's series list
    shows "part k of n" by date, and that is the order a reader meets the parts in.
    Where the feed gives the time of day, parts posted on one day are ordered by it
    (an author publishing parts 1 to 3 in an afternoon publishes them in order);
    date-only posts of one day (several write-ups posted at once) tie, and a tie
    leaves the order unknown.
    """
    moments = [p.when for p in posts]
    if len(set(moments)) < len(moments):
        return False
    return by_date_around_ties(posts)  # no ties: every post is placed


def by_date_around_ties(posts: list[Post]) -> bool:
    """Where posts share a day, the rest still know their place: each post dated apart
    from the others is part 1 + the number of posts dated before it.

    Asked after ``by_date`` and ``by_url_id`` found no complete order: a write-up's
    second and third parts posted the same day leave those two unordered, not the
    first part nor the fourth. True when at least one post got a part.
    """
    dates = [p.when for p in posts]
    if len(posts) < 2 or any(when is None for when in dates):
        return False
    moments: Counter[float] = Counter(when for when in dates if when is not None)
    placed = False
    for p in posts:
        when = p.when or 0.0
        if moments[when] == 1:
            p.part = 1 + sum(n for other, n in moments.items() if other < when)
            placed = True
    return placed


def by_url_id(posts: list[Post]) -> bool:
    """A group with no numbers nor usable dates is ordered by numeric post ids (1 = lowest).

    Where a URL ends in a bare number ("/issues/381", "/post/7161320926"), the blogging
    platform counted its posts as they were created, so the ids order the parts as the
    dates would have (and break the ties of posts published the same day). Only when
    every post has such an id and no two share one.
    """
    if len(posts) < 2:
        return False
    ids = [p.url.slug for p in posts if p.url is not None and p.url.slug.isdigit()]
    if len(ids) < len(posts) or len(set(ids)) < len(ids):
        return False
    for rank, p in enumerate(sorted(posts, key=lambda p: int(p.url.slug) if p.url else 0), 1):
        p.part = rank
    return True


def intro_before_part_one(posts: list[Post]) -> bool:
    """ "X: Introduction" posted before "X Part 1": part 0, the parts keep their numbers.

    Exactly one unnumbered post, dated before every numbered one, in a group whose
    numbers start at 1: an introduction ahead of the author's own count, not a reason
    to renumber. (Part 1 missing: the old rule, "X" + "X Part 2", makes it part 1.)
    """
    loose = [p for p in posts if p.part is None]
    numbered = [p for p in posts if p.part is not None]
    if len(loose) != 1 or not numbered or min(p.part or 0 for p in numbered) != 1:
        return False
    first = loose[0].when
    if first is None or any(p.when is None or p.when <= first for p in numbered):
        return False
    loose[0].part = 0
    return True


def gaps_by_date(posts: list[Post]) -> bool:
    """ "X: Images", "X: Networking", then "X Part 3": the first two are parts 1 and 2.

    An author who numbers only some parts leaves the others' places to their dates: when
    the numbered parts come in date order, and between two of them (or before the first)
    the unnumbered posts are exactly as many as the numbers missing there, each takes
    one in date order. Anything less exact keeps its unknown place (``None``).
    """
    loose = [p for p in posts if p.part is None]
    if not loose or any(p.when is None for p in posts):
        return False
    ordered = sorted(posts, key=lambda p: (p.when or 0.0, p.title))
    numbers = [p.part for p in ordered if p.part is not None]
    if numbers != sorted(set(numbers)):
        return False  # numbered parts out of date order, or one number twice
    filled: list[tuple[Post, int]] = []
    below, waiting = 0, []
    for p in [*ordered, None]:
        if p is not None and p.part is None:
            waiting.append(p)
            continue
        above = p.part if p is not None else None
        if waiting and above is not None:
            if above - below - 1 != len(waiting):
                return False
            filled += [(w, below + 1 + k) for k, w in enumerate(waiting)]
        elif waiting:
            return False  # after the last number: a bonus, an epilogue, or the next part
        below, waiting = (above or 0), []
    for p, part in filled:
        p.part = part
    return bool(filled)


_YEARLY_POSTS = 3
_YEARLY_GAP_DAYS = (300.0, 430.0)
_YEAR_DAYS = 365.25
_SEASON_DAYS = 65.0
"""Posts years apart come back within about two months of the same date."""
"""About a year between one post and the next: an October post, then the next October's."""


def posted_once_a_year(posts: list[Post]) -> bool:
    """Three or more posts, each about a year after the one before: a yearly column.

    A year the author skipped leaves two or more years between two posts, in the same
    season; most of the gaps are still one year.

    "Brazilian projects for this Hacktoberfest" every October, its titles naming no
    year: the dates say what "Gift Guide 2019", "… 2020" say in their titles. Parts of
    one piece come within months; posts a year apart, every time, come back with a
    season.
    """
    days = sorted(p.when for p in posts if p.when is not None)
    if len(days) < _YEARLY_POSTS or len(days) != len(posts):
        return False
    years = [_whole_years(later - earlier) for earlier, later in pairwise(days)]
    if any(n is None for n in years):
        return False
    # a year the author skipped leaves two years between posts, in the same season
    return sum(1 for n in years if n == 1) >= max(2, (len(years) + 1) // 2)


def _whole_years(gap: float) -> int | None:
    """How many years ``gap`` days are, when it is a whole number of them (a season)."""
    low, high = _YEARLY_GAP_DAYS
    if low <= gap <= high:
        return 1
    n = round(gap / _YEAR_DAYS)
    return n if n >= 2 and abs(gap - n * _YEAR_DAYS) <= _SEASON_DAYS else None


def years_posted(posts: list[Post]) -> list[str]:
    """The calendar years the posts came out in, oldest first."""
    return sorted({str(calendar_year(p.when)) for p in posts if p.when is not None})
