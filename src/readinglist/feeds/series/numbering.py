"""A group pass of ``series.group()``: parts whose author kept the numbering, not the name.

Some authors number a series but give each part its own title: "系统静态分析建模(一)",
"系统动态行为建模（二）" … "系统质量属性设计（五）", then "系统分析与设计（六）" to "（十）";
"A Very Naive Overview of Nutrition (Part 1)", "(Part 2)", then "A Very Naive Overview
of Exercise (Part 3)". Read alone, each differently named part is a series of one with
parts missing before it; beside the group they continue, they are its parts. The
numbers are the evidence: a lone numbered post joins a group only where its number is
one the group lacks, the group's numbers and the joiners' together make one unbroken
run from 1 (or 0), no two claim one number, and its name opens as the group's does
(the first two words, or the first two characters of a CJK or Hangul name). A number
that leaves a gap ("Episode 36" beside episodes 1 and 68) joins nothing.

Without a group to continue (``number_lone_runs``): three or more lone posts whose titles
each say a part the same way ("… (Episode 1)", "… (Episode 2)", …) under names of their
own, and whose numbers in date order are exactly 1, 2, 3, … are one series the author
never named in its titles; it takes the first part's name.

A part split in pieces (``number_split_parts``): "X Tutorial 05 part 1" and "… 05 part 2"
read alone are a two-part series "X Tutorial 05"; beside "X Tutorial 04" and "… 06",
which lack a 5, they are the two pieces of part 5 of "X Tutorial".

A bare counter that starts again (``split_restarted_counters``): "Day 1: x" … "Day 30:
y", then "Day 1: z" … "Day 10: w" are two courses named only by their counter, not one
series with ten parts twice.

A bare counter's day taken by an inner marker (``fill_counter_gaps``): "Day 9 Kata:
FizzBuzz (一)" and "Day 10 - Kata: FizzBuzz (二)" read alone are a two-part "Kata" series;
between "Day 8" and "Day 11" of a thirty-day run that lacks exactly days 9 and 10, posted
between them, they are days 9 and 10: the counter the title opens with is the outer
numbering, the inner one a piece inside it.

Every rule describes how authors write, never a particular blog or series.
"""

from __future__ import annotations

import re
from collections import defaultdict

from readinglist.feeds.series.post import FORM_CONTINUED, Post, calendar_date, common_spelling
from readinglist.feeds.series.rules import normalize
from readinglist.feeds.series.titles import NAMELESS_COUNTERS, STRONG

__all__ = [
    "continue_numbering",
    "fill_counter_gaps",
    "number_lone_runs",
    "number_split_parts",
    "split_restarted_counters",
]

_CJK_OPENING = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]{2}")
_WORD = re.compile(r"[^\W_]+")


def _opening(key: str) -> str | None:
    """How a normalised name opens: its first two CJK/Hangul characters, else its
    first two words (one word says only the topic: "python", "docker")."""
    cjk = _CJK_OPENING.match(key)
    if cjk is not None:
        return cjk.group(0)
    words = _WORD.findall(key)
    return " ".join(words[:2]) if len(words) >= 2 and words[0].isascii() else None


def _one_word_apart(lone: str, group: str) -> bool:
    """The group's name is the lone post's with one word before or after it."""
    if not lone or lone == group or len(group.split()) != len(lone.split()) + 1:
        return False
    return group.endswith(" " + lone) or group.startswith(lone + " ")


def _unbroken(numbers: set[int]) -> bool:
    return min(numbers) <= 1 and numbers == set(range(min(numbers), max(numbers) + 1))


def continue_numbering(items: list[Post]) -> None:
    """Lone numbered posts whose numbers complete a group's run join that group."""
    by_key: dict[str, list[Post]] = defaultdict(list)
    for p in items:
        if p.key is not None:
            by_key[p.key].append(p)
    groups: dict[str, set[int]] = {}
    lone: list[Post] = []
    for key, posts in by_key.items():
        numbers = {p.part for p in posts if p.part is not None}
        if len(posts) == 1 and numbers and "{}" in posts[0].form:
            lone.append(posts[0])  # read from a part marker in its title
        elif len(numbers) >= 2:
            groups[key] = numbers
    if not lone or not groups:
        return
    openings: dict[str, list[str]] = defaultdict(list)
    for key in sorted(groups):
        opening = _opening(key)
        if opening is not None:
            openings[opening].append(key)
    claims: dict[str, list[Post]] = defaultdict(list)
    for p in sorted(lone, key=lambda p: p.key or ""):
        opening = _opening(p.key or "")
        fits = [k for k in openings.get(opening or "", ()) if p.part not in groups[k]]
        if not fits:  # "TypeScript – część 1" before "Kurs TypeScript – część 2", "… 3"
            fits = [
                k for k in groups if _one_word_apart(p.key or "", k) and p.part not in groups[k]
            ]
        if len(fits) == 1:  # two groups it could continue: it continues neither
            claims[fits[0]].append(p)
    for key in sorted(claims):
        joiners = claims[key]
        claimed = [p.part for p in joiners if p.part is not None]
        if len(set(claimed)) != len(claimed) or not _unbroken(groups[key] | set(claimed)):
            continue
        name = common_spelling(p.name for p in by_key[key])
        for p in joiners:
            p.key, p.name, p.short_title, p.form = key, name, p.title, FORM_CONTINUED


_LONE_RUN = 3
"""Lone parts said the same way that make a series of their own: three or more."""


def number_lone_runs(items: list[Post]) -> None:
    """Lone parts said one way, numbered 1, 2, 3, … in date order: one unnamed series."""
    count: dict[str, int] = defaultdict(int)
    for p in items:
        if p.key is not None:
            count[p.key] += 1
    by_form: dict[str, list[Post]] = defaultdict(list)
    for p in items:
        if (
            p.key is not None
            and count[p.key] == 1
            and p.part is not None
            and p.strength >= STRONG
            and "{}" in p.form
        ):
            by_form[p.form].append(p)
    for form in sorted(by_form):
        posts = by_form[form]
        if len(posts) < _LONE_RUN or any(p.when is None for p in posts):
            continue  # undated, the order the numbers must follow is unknown
        posts.sort(key=lambda p: (p.when or 0.0, p.part or 0))
        if [p.part for p in posts] != list(range(1, len(posts) + 1)):
            continue  # a gap, a repeat or numbers out of date order: separate pieces
        first = posts[0]
        for p in posts[1:]:
            p.key, p.name, p.short_title, p.form = first.key, first.name, p.title, FORM_CONTINUED


_NUMBERED_NAME = re.compile(r"^(?P<stem>.*\S)\s+0*(?P<n>\d{1,3})$")


def number_split_parts(items: list[Post]) -> None:
    """Pieces of one part ("X 05 part 1", "X 05 part 2") join X as part 5.

    Only where X is a numbered group that lacks that number and the number sits inside
    or right after its run: the pieces fill X's gap, as "Section 5-1" and "5-2" are
    both part 5. Two or more pieces, each numbered as a piece.
    """
    by_key: dict[str, list[Post]] = defaultdict(list)
    for p in items:
        if p.key is not None:
            by_key[p.key].append(p)
    for key in sorted(by_key):
        m = _NUMBERED_NAME.match(key)
        pieces = by_key[key]
        if m is None or m["stem"] not in by_key or len(pieces) < 2:
            continue
        if any(p.part is None for p in pieces):
            continue
        outer = by_key[m["stem"]]
        numbers = {p.part for p in outer if p.part is not None}
        n = int(m["n"])
        if len(numbers) < 2 or n in numbers or not min(numbers) < n <= max(numbers) + 1:
            continue
        name = common_spelling(p.name for p in outer)
        for p in pieces:
            p.key, p.name, p.part, p.form = m["stem"], name, n, FORM_CONTINUED


def split_restarted_counters(items: list[Post]) -> None:
    """A bare counter's run that starts again at 1 (or 0) is a new series each time.

    Posts in date order; a post numbered 1 (or 0) when its run already has that number
    opens a new run (a first part posted late, "实验1" after "实验10", joins its run).
    Each run is named by the counter and the month it began ("Day (2025-09)"), so two
    courses of thirty days are two series of thirty parts, not one series whose every
    part is there twice. Undated posts give no order: their group is left as it is.
    """
    by_key: dict[str, list[Post]] = defaultdict(list)
    for p in items:
        if p.key is not None:
            by_key[p.key].append(p)
    for key in sorted(by_key):
        posts = by_key[key]
        if key not in NAMELESS_COUNTERS or any(p.when is None or p.part is None for p in posts):
            continue  # only a counter that is the series' whole name ("Day 3: x", "Lab 2 y")
        posts.sort(key=lambda p: (p.when or 0.0, p.part or 0))
        runs: list[list[Post]] = [[posts[0]]]
        for p in posts[1:]:
            if (p.part or 0) <= 1 and any(q.part == p.part for q in runs[-1]):
                runs.append([])  # a second part 1: another course begins
            runs[-1].append(p)
        if len(runs) < 2:
            continue
        for run in runs:
            name = f"{run[0].name or key} ({calendar_date(run[0].when or 0.0):%Y-%m})"
            for p in run:
                p.key, p.name = normalize(name), name


_OPENING_COUNTER = re.compile(r"^\s*(?P<word>[^\W\d_]+)\.?\s*0*(?P<n>\d{1,3})(?!\d)")
_RUN_MONTH = re.compile(r"^\d{4} \d{2}$")
_COUNTER_RUN_PARTS = 3
"""A counter's run takes in a post only when it already has this many parts."""


def _counter_word(key: str) -> str | None:
    """ "day" for the keys of a bare counter's run: "day", "day 2025 08" (a restarted one)."""
    word, _, month = key.partition(" ")
    if word in NAMELESS_COUNTERS and (not month or _RUN_MONTH.match(month)):
        return word
    return None


def fill_counter_gaps(items: list[Post]) -> None:
    """A post opening with a bare counter's number its run lacks joins the run there.

    The number must fall inside the run (not before its first part or after its last)
    and the post must be dated between the run's parts around that number, so a "Day 3
    in Kyoto" of another year or another trip stays where it is.
    """
    by_key: dict[str, list[Post]] = defaultdict(list)
    for p in items:
        if p.key is not None:
            by_key[p.key].append(p)
    runs = {key: word for key in sorted(by_key) if (word := _counter_word(key)) is not None}
    for key, word in runs.items():
        run = by_key[key]
        if any(p.when is None or p.part is None for p in run):
            continue
        taken = {p.part: p.when or 0.0 for p in run if p.part is not None}
        if len(taken) < _COUNTER_RUN_PARTS:
            continue
        name = common_spelling(p.name for p in run)
        for p in items:
            if p.key == key or p.when is None or (p.key in runs and p.part is not None):
                continue
            m = _OPENING_COUNTER.match(p.title)
            if m is None or normalize(m["word"]) != word:
                continue
            n = int(m["n"])
            if n in taken or not min(taken) < n < max(taken):
                continue
            before = max(when for part, when in taken.items() if part < n)
            after = min(when for part, when in taken.items() if part > n)
            if not before <= p.when <= after:
                continue
            p.key, p.name, p.part, p.form = key, name, n, FORM_CONTINUED
            p.short_title = p.title[m.end() :].strip(" -–—:：.") or p.title
            taken[n] = p.when
