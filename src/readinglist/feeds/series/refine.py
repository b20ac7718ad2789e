"""Passes of ``series.group()`` that refine groups already proposed by shared heads.

* ``Timeline``  cadence: do some posts of the feed form a run in time (posted one
  after another, few other posts between), the way the parts of a series usually are?
  Only ever a weight next to what the titles say, never a reason on its own.
* ``close_in_time``  a weak template reused years apart is the author's phrasing:
  the members of a group split where a year or more passes between two of them.
* ``drop_heads_years_apart``  a head that only posts years apart share ("Merry
  Christmas, and Thank You!" and, ten years on, "Merry Christmas: an Ornament") is
  the author's phrasing come back, like an opening reused years apart; so is a head
  most of whose posts come one at a time, seasons apart (an event's name).
* ``split_second_heads``  "X - Health Checks - a", "X - Health Checks - b", "X -
  AutoMapper - c", "X - AutoMapper - d": when the rest of the titles under one head
  starts with a second head that repeats, the first head names a product or a topic
  and the second names the series. Each repeated second head becomes its own group;
  the titles under the first head that name none of them are not a series by the
  first head alone (it has been shown to be a topic), so they are left standalone.

Pure, like the rest of ``feeds.series``; every rule describes how authors write
titles, never a particular blog.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import pairwise

from readinglist.feeds.series.evidence import is_column
from readinglist.feeds.series.post import (
    FORM_HEAD,
    FORM_TOPIC,
    FORM_URL_NAME,
    Post,
    common_spelling,
    head_is_series_like,
    title_head,
)
from readinglist.feeds.series.rules import normalize, squash
from readinglist.feeds.series.titles import title_marker

__all__ = ["Timeline", "close_in_time", "drop_heads_years_apart", "split_second_heads"]

_SECOND_HEAD_POSTS = 2
"""A second-level head names a series when at least this many titles repeat it."""


def split_second_heads(items: list[Post]) -> None:
    """Split a shared-head group by a second-level head that repeats (in place)."""
    groups: dict[str, list[Post]] = defaultdict(list)
    for p in items:
        if p.key is not None and p.form == FORM_HEAD:
            groups[p.key].append(p)
    for key in sorted(groups):
        posts = groups[key]
        if len(posts) < _SECOND_HEAD_POSTS + 1:
            continue
        seconds: dict[int, tuple[str, str, str]] = {}
        for p in posts:
            if p.short_title == p.title:
                continue  # joined by a prefix, not under the head itself
            head = title_head(p.short_title)
            # the shared first head already shows the structure: a one-word second
            # head ("Mappers") counts here, post kinds ("Tip", "Update") do not
            if head and head_is_series_like(head[1], True):
                seconds[id(p)] = (squash(head[0]), head[1], head[2])
        count = Counter(sq for sq, _, _ in seconds.values())
        repeated = {sq for sq, n in count.items() if n >= _SECOND_HEAD_POSTS}
        if not repeated:
            continue
        name = common_spelling(p.name for p in posts) or key
        spelled: dict[str, str] = {}
        for squashed, second, _ in sorted(seconds.values()):
            if squashed in repeated:
                spelled.setdefault(squashed, second)
        for p in posts:
            found = seconds.get(id(p))
            sq: str | None
            if found is not None and found[0] in repeated:
                sq, rest = found[0], found[2]
            else:
                sq = _named_inside(p.title, {s: normalize(n) for s, n in spelled.items()})
                rest = p.short_title
            if sq is None:
                p.key, p.name, p.part, p.short_title = None, None, None, p.title
                p.form = FORM_TOPIC  # not regrouped by the same words as an opening
                continue
            p.key = normalize(f"{name} {spelled[sq]}")
            p.name, p.short_title = f"{name} - {spelled[sq]}", rest


def _named_inside(title: str, seconds: dict[str, str]) -> str | None:
    """The one second-level name that ``title`` contains as whole words, if exactly one."""
    text = f" {normalize(title)} "
    found = [sq for sq, key in sorted(seconds.items()) if f" {key} " in text]
    return found[0] if len(found) == 1 else None


_RUN_SHARE = 2 / 3
"""In a run, at least this share of the feed's posts between the first and the last
member are members."""


class Timeline:
    """The publication days of every dated post of one feed."""

    def __init__(self, items: Sequence[Post]) -> None:
        self.days = sorted(p.when for p in items if p.when is not None)

    def is_run(self, posts: Sequence[Post]) -> bool:
        """All dated, and few other posts of the feed published between the first and last."""
        when = [p.when for p in posts]
        if len(posts) < 2 or any(w is None for w in when):
            return False
        dated = sorted(w for w in when if w is not None)
        inside = bisect_right(self.days, dated[-1]) - bisect_left(self.days, dated[0])
        return len(posts) >= _RUN_SHARE * inside


YEAR = 365.0
"""Days: a pause longer than this between two posts of a weak group breaks it."""


def close_in_time(posts: Sequence[Post], max_gap: float = YEAR) -> list[list[Post]]:
    """``posts`` split into runs where no two neighbours in time are ``max_gap`` apart.

    A series is written within months; the same opening ("Getting Started in x") on
    posts years apart is how the author phrases titles, not one piece. Undated
    posts give no evidence: when any post is undated, all stay one run.
    """
    if any(p.when is None for p in posts):
        return [list(posts)]
    ordered = sorted(posts, key=lambda p: (p.when or 0.0, p.title))
    runs: list[list[Post]] = [[ordered[0]]]
    for prev, post in pairwise(ordered):
        if (post.when or 0.0) - (prev.when or 0.0) > max_gap:
            runs.append([])
        runs[-1].append(post)
    return runs


_NAMING_ONLY = (FORM_HEAD, FORM_URL_NAME)
"""Forms that name a group without ordering it: a shared title head, a slug prefix."""


def drop_heads_years_apart(items: list[Post]) -> None:
    """Groups tied only by a shared head (or a slug prefix) whose posts are not close
    in time go.

    Parts of one piece are written within months of each other; a column may pause
    for a year and come back, but then its posts still come in runs. When every post
    of an unnumbered head group stands more than a year from the next one (two
    posts ten years apart, say), the head is how the author phrases a kind of title
    (a holiday greeting, a yearly visit), not a series. Likewise when most posts of
    a head group of three or more stand a season or more from every sibling ("Gizmo
    Con: day one" one year, "Gizmo Con 2021: x" years later, one close pair between):
    the head names an event or a topic the author comes back to, one post at a time.
    Undated posts give no evidence; a group whose posts mostly come in runs is kept
    whole (a series resumed years later keeps its straggler). A lone number read
    from a URL ("gizmo-con-day1") is no part marker here either: it orders nothing.
    """
    groups: dict[str, list[Post]] = defaultdict(list)
    for p in items:
        if p.key is not None:
            groups[p.key].append(p)
    for posts in groups.values():
        if len(posts) < 2 or any(p.form not in _NAMING_ONLY for p in posts) or _numbered(posts):
            continue
        if all(len(run) == 1 for run in close_in_time(posts)) or _scattered(posts):
            for p in posts:
                p.key, p.name, p.part, p.short_title, p.form = None, None, None, p.title, ""


def _numbered(posts: Sequence[Post]) -> bool:
    """Numbers that can order the group: two or more, or one from a title marker."""
    numbered = [p for p in posts if p.part is not None]
    return len(numbered) > 1 or any(title_marker(p.title) is not None for p in numbered)


SEASON = 120.0
"""Days: a post this close to a sibling was written in the same stretch of work (a
third of a year, so that a quarterly column's posts are still close)."""

_SCATTERED_MIN_POSTS = 3
"""Below this, a head group's spread is judged by ``close_in_time`` alone (a year)."""


def _scattered(posts: Sequence[Post]) -> bool:
    """Three or more dated posts, fewer than half of them within a season of a sibling.

    Not a column ("Gift Guide 2019", "… 2020", "… 2021"): its posts are far apart by
    design, and the evidence reads it as recurring.
    """
    if len(posts) < _SCATTERED_MIN_POSTS or any(p.when is None for p in posts):
        return False
    if is_column(list(posts)):
        return False
    when = sorted(p.when or 0.0 for p in posts)
    close = sum(
        1
        for i, w in enumerate(when)
        if (i > 0 and w - when[i - 1] <= SEASON)
        or (i + 1 < len(when) and when[i + 1] - w <= SEASON)
    )
    return 2 * close < len(posts)
