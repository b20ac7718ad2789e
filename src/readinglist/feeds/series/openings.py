"""A pass of ``series.group()``: standalone titles that open with the same words.

"A GPU Approach to Voronoi Diagrams", "... to Path Finding", "... to Particle
Physics": a title template repeated on one site is a series, when its posts are
close in time (``refine.close_in_time``). Kept apart from ``detect`` so each module
stays small; every rule describes how authors write titles, never a particular blog.
"""

from __future__ import annotations

from collections import defaultdict

from readinglist.feeds.series.post import FORM_OPENING, FORM_TOPIC, Post
from readinglist.feeds.series.refine import close_in_time
from readinglist.feeds.series.rules import clean_name, normalize
from readinglist.feeds.series.titles import MEDIUM

__all__ = ["OPENERS", "shared_openings"]


OPENERS = frozenset(
    (
        "how", "what", "why", "when", "where", "who", "which", "whose", "is", "are", "was",
        "do", "does", "did", "can", "could", "should", "would", "will", "i", "im", "ive", "my",
        "we", "our", "you", "your", "it", "its", "this", "that", "these", "those", "there",
        "here", "a", "an", "the", "in", "on", "of", "to", "for", "and", "or", "with", "at",
        "by", "from", "using", "introducing", "announcing", "on", "not", "no", "new", "more",
        "some", "one", "two", "three", "all",
        # Spanish and Portuguese: question words, articles, prepositions, "my"
        "cómo", "como", "qué", "que", "por", "porqué", "cuándo", "quando", "dónde", "onde",
        "el", "la", "los", "las", "un", "una", "o", "os", "as", "um", "uma", "en", "de",
        "del", "do", "da", "no", "na", "con", "com", "para", "mi", "mis", "meu", "minha",
        "y", "e", "nuevo", "nueva", "novo", "nova"
    )
)  # fmt: skip
_OPENING_WORDS = 3
_OPENING_MIN_POSTS = 3
_KIND_OPENINGS = frozenset(
    (
        ("getting", "started"), ("getting", "to"), ("first", "step"), ("first", "look"),
        ("quick", "look"), ("deep", "dive"), ("lesson", "learned"), ("tip", "and"),
        ("hand", "on"), ("primero", "paso"), ("premier", "pas"),
        # a course's or a series' own introduction: each names another course
        ("presentation", "of"), ("presentación", "del"), ("présentation", "du"),
        ("apresentação", "do"),
    )
)  # fmt: skip
"""Openings that say what kind of post it is, not which series: "Getting started with
Cosmos DB" and "… with GraphQL" are two introductions, as "How to x" and "How to y" are
two how-tos (the words as ``normalize`` leaves them: "lessons" is "lesson")."""


def shared_openings(items: list[Post]) -> None:
    """Three or more standalone titles opening with the same three words form a series.

    "A GPU Approach to Voronoi Diagrams", "... to Path Finding", "... to Particle
    Physics": a title template repeated on one site. Question and how-to openers
    ("How to write ...", "What do I think about ...") and openings that name a kind of
    post ("Getting started with ...", ``_KIND_OPENINGS``) are common phrasing, not series,
    and so is an opening the author comes back to years later ("Getting Started in x"
    in one year, "... in y" three years on): the three must be close in time
    (``refine.close_in_time``), when the posts are dated.
    """
    groups: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(items):
        if p.key is not None or p.form == FORM_TOPIC:
            continue
        tokens = normalize(p.title).split()
        if len(tokens) <= _OPENING_WORDS or tokens[0] in OPENERS:
            continue
        if tuple(tokens[:2]) in _KIND_OPENINGS:
            continue
        content = [t for t in tokens[:_OPENING_WORDS] if t not in OPENERS]
        words = tokens[:_OPENING_WORDS]
        while words and words[-1].isdigit():
            words = words[:-1]
        if sum(1 for t in content if not t.isdigit()) >= 2:  # "TIL 2022 01": no words
            # a date or a count after the opening words varies, the words stay: "Weekly
            # update 2022-01-03" and "... 2023-01-02" open alike; a number between them
            # is an id ("[Bronze / 10991] x"), and keeps each opening its own
            groups[" ".join(words)].append(i)
    for key in sorted(groups):
        if len(groups[key]) < _OPENING_MIN_POSTS:
            continue
        runs = close_in_time([items[i] for i in groups[key]])
        runs = [run for run in runs if len(run) >= _OPENING_MIN_POSTS]
        for n, run in enumerate(runs, start=1):  # years apart: separate series
            _name_opening(key if n == 1 else f"{key} {n}", run)


_LINKING_WORDS = frozenset(
    """a an the and or of with without for to in on at by from into using via vs
    de del la el los las en con para por y e da do das dos em com le les des du et au
    avec pour sur der die und mit für von zu""".split()  # noqa: SIM905 (read as words)
)
"""Words that join a name to what follows it: a name does not end with one (the part's
title, "with kerl", keeps it)."""


def _name_opening(key: str, posts: list[Post]) -> None:
    """The posts of one opening group: their common words name it, the rest is short."""
    words = [p.title.split() for p in posts]
    common = 0
    while all(len(w) > common + 1 for w in words) and len({w[common] for w in words}) == 1:
        common += 1
    while common > 1 and words[0][common - 1].lower() in _LINKING_WORDS:
        common -= 1  # "Integrating direnv with …": the name is "Integrating direnv"
    name = clean_name(" ".join(words[0][:common])) or key  # "Weekly update:" -> "Weekly update"
    for p in posts:
        p.key, p.name, p.part, p.strength = key, name, None, MEDIUM
        p.form = FORM_OPENING
        p.short_title = " ".join(p.title.split()[common:]) or p.title
