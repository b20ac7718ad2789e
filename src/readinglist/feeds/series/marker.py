"""What a title marker is: its strength, its shape, and the names no series carries.

Shared by ``titles`` (the rules, most explicit first) and ``counted`` (the markers that
count or order parts: "2편", "第3篇", "(2/3)", "segunda parte", 上/下).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "BOOK_CHAPTER_FORM",
    "GENERIC_NAMES",
    "MEDIUM",
    "STRONG",
    "TAIL_SEP",
    "WEAK",
    "TitleMarker",
    "ok_name",
    "side_story_base",
]

TAIL_SEP = r"\s*(?:[:：\-–—.|/]+\s*)?"
"""Between a marker and the subtitle after it: a colon, a dash, a bar, a slash or a dot."""

STRONG = 3
"""Part N, (N), #N, 第N期, Day N ...: a series on its own, even with one post."""
MEDIUM = 2
"""[Name] x, x take 2, chapter references: a series when it has a part or a sibling."""
WEAK = 1
"""Name N: x, trailing numbers, URL numbers: only with a sibling of the same key."""


@dataclass(frozen=True, slots=True)
class TitleMarker:
    """A series marker found in a title."""

    name: str
    part: int | None
    short_title: str
    strength: int
    url_part_preferred: bool = False  # "(Chapter 12~17)": a book reference, not our order
    form: str = ""  # the marker as a template, "{} Part N": the series' ``why``


GENERIC_NAMES = frozenset(
    (
        "top", "best", "worst", "my", "our", "the", "a", "an", "my", "new", "why", "how",
        "what", "when", "with", "in", "on", "of", "for", "and", "part", "chapter", "episode",
        "day", "lecture", "version", "v", "vol", "issue", "no", "week", "round", "take",
        "제", "第",  # the ordinal prefix of "제 3장", "第 3 章": "chapter 3" names nothing
    )
)  # fmt: skip


def ok_name(name: str) -> bool:
    words = name.lower().split()
    return bool(words) and not (len(words) == 1 and words[0] in GENERIC_NAMES)


BOOK_CHAPTER_FORM = "{} Chapter N (the book's chapters)"
"""The ``why`` template of a group whose chapter numbers belong to a book, not to it."""


_SIDE_STORY = re.compile(
    r"^(?P<base>.+?)\s*(?:"
    r"[（(【\[]\s*(?:番外篇?|番外編|后传|後傳|外传|外傳|번외편?|bonus|epilogue|addendum)\s*[)）】\]]"
    r"|[-–—:：]\s*(?:番外篇?|番外編|后传|後傳|外传|外傳|번외편?|bonus|epilogue|addendum))\s*$",
    re.IGNORECASE,
)


def side_story_base(title: str) -> str | None:
    """The series a side story ends by naming: "与复杂同行（番外）", "雪人（后传）", "Kiln
    Basics (Bonus)", "x - Epilogue" -> the title before the marker.

    A side story (番外, 外传), a sequel (后传), a bonus or an epilogue belongs to the
    series it names but has no place among its numbered parts: it joins unnumbered.
    """
    m = _SIDE_STORY.match(title.strip())
    return m["base"] if m is not None and m["base"].strip() else None
