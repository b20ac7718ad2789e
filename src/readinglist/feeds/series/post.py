"""The working record of one post inside ``series.group()``, and title heads.

Shared by ``series`` (detect() and the first unification passes) and
``series_links`` (the passes that link posts through nested names, quotes and
topic phrases), so neither has to import the other.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from readinglist.feeds.series.rules import (
    POST_KINDS,
    UrlParts,
    clean,
    clean_name,
    normalize,
    tidy_part_title,
)
from readinglist.model.records import SeriesGuess

__all__ = [
    "FORM_CONTINUED",
    "FORM_ENDING",
    "FORM_HEAD",
    "FORM_LINKED",
    "FORM_MONTHLY",
    "FORM_OPENING",
    "FORM_RELEASE",
    "FORM_TOPIC",
    "FORM_UNNUMBERED",
    "FORM_URL",
    "FORM_URL_NAME",
    "FORM_URL_PREFIX",
    "FORM_URL_STEM",
    "FORM_URL_WORD",
    "Post",
    "PostTuple",
    "calendar_date",
    "calendar_year",
    "common_spelling",
    "day_number",
    "head_is_series_like",
    "title_head",
]

Published = datetime | date | str | None
PostTuple = tuple[str, str | None, Sequence[str]] | tuple[str, str | None, Sequence[str], Published]
"""What ``group()`` reads per post: (title, link, categories[, published])."""


def day_number(value: object) -> float | None:
    """A publication date as days since 1970 (a sort key), or None when unknown.

    Accepts a datetime (naive ones are read as UTC), a date, or an ISO 8601 string
    ("2021-03-04", "2021-03-04T10:00:00Z"); anything else, or garbage, is None.
    """
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            value = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            try:
                value = date.fromisoformat(text[:10])
            except ValueError:
                return None
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.replace(tzinfo=None) - (value.utcoffset() or _ZERO)
        return (value - _EPOCH).total_seconds() / 86400
    if isinstance(value, date):
        return float(value.toordinal() - _EPOCH_ORDINAL)
    return None


def calendar_date(day: float) -> date:
    """The calendar day of a ``day_number`` (days since 1970)."""
    return date.fromordinal(int(day) + _EPOCH_ORDINAL)


def calendar_year(day: float) -> int:
    """The year of a ``day_number`` (days since 1970)."""
    return calendar_date(day).year


_EPOCH = datetime(1970, 1, 1)
_EPOCH_ORDINAL = _EPOCH.toordinal()
_ZERO = _EPOCH - _EPOCH

_HEAD_SEP = re.compile(
    r"\s+[-–—|]{1,2}\s+|\s*--\s*|\s*[:：丨｜]\s*|\s+[·•]\s+|(?<=[^\x00-\x7f])-(?=\S)"
    r"|(?P<cn>\s*系列(?:\s*之|\s*[-–—:：]+)?\s*|(?<=\S)\s*之(?![前后後间間])\s*)"
)
_TRAILING_PAREN = re.compile(r"^(?P<head>[^()]{8,}?)\s+\((?P<inner>[^()]+)\)$")


@dataclass(slots=True)
class Post:
    """One post while group() works on it: detect()'s guess plus what unification needs."""

    title: str
    url: UrlParts | None
    key: str | None = None
    name: str | None = None
    part: int | None = None
    short_title: str = ""
    strength: int = 0
    form: str = ""
    """How this post got its key: a title marker template ("{} Part N"), or one of
    the ``FORM_*`` names below. ``evidence.assess`` reads it to write the ``why``."""
    kind: str = "multipart"
    grade: str = "strong"
    why: str = ""
    when: float | None = None
    """Publication date in days since 1970, when the feed gave one."""
    attached_to: str | None = None
    """The numbered group an unnumbered post was hung on ("X" + "X Part 2"), if any."""
    in_run: bool = False
    """Joined because its group was posted as a run in time (cadence decided)."""
    tags: frozenset[str] = field(default_factory=frozenset)
    """The post's categories and tags, normalised."""
    series_tag: str | None = None
    """The series a tag of the post names as one ("Series: Kiln Basics", "Kafka系列")."""
    slug_part: int | None = None
    """The number the slug gives the name an unnumbered title carries ("(CNN) x" at
    /cnn-02-x/); the group reads it as the part only when the slugs make a run."""
    covers: tuple[int, int] | None = None
    """The parts the title says the post covers ("X Day 4-7": (4, 7)), as read alone; it
    holds only while the post keeps the first of them as its part."""

    def guess(self) -> SeriesGuess:
        if self.key is None:
            return SeriesGuess(None, None, None, self.title, why="")
        return SeriesGuess(
            self.key,
            self.name,
            self.part,
            tidy_part_title(self.short_title or self.title, self.title),
            kind=self.kind,
            strength=self.grade,
            why=self.why,
            part_last=self.covers[1] if self.covers and self.covers[0] == self.part else None,
        )


FORM_URL = "url"  # a numbered URL slug or a numbered file in a URL section
FORM_URL_NAME = "url-name"  # a series name put before the title in the slug
FORM_URL_WORD = "url-word"  # a numbered slug with a one-word stem: "minios64_2"
FORM_URL_STEM = "url-stem"  # a slug the series' other slugs extend: "x-checks" < "x-checks-json"
FORM_URL_PREFIX = "url-prefix"  # a slug under the series' own prefix: "git-desde-cero-hooks"
FORM_UNNUMBERED = "unnumbered"  # an unnumbered post joining a numbered series
FORM_HEAD = "head"  # a shared title head, "Name: x" / "Name — x"
FORM_OPENING = "opening"  # a shared three-word opening
FORM_ENDING = "ending"  # two posts in a row ending with the same Title Case phrase
FORM_LINKED = "linked"  # a nested name, a topic phrase, a quote, a title naming the series
FORM_TOPIC = "topic"  # standalone: under a head shown to name a topic (series.refine)
FORM_CONTINUED = "continued"  # a differently named part taking up a group's numbering
FORM_MONTHLY = "monthly"  # a title the same as others but for its month: a column
FORM_RELEASE = "release"  # a title the same as others but for its version: a column
FORM_STUCK = "{}N"  # a number stuck to its stem, "JDBC2"


def common_spelling(names: Iterable[str | None]) -> str | None:
    """The spelling most posts of a series use, ties broken alphabetically, so that the
    name never depends on the order the feed listed its posts in."""
    counts = Counter(n for n in names if n)
    return min(counts, key=lambda n: (-counts[n], n)) if counts else None


def title_head(title: str) -> tuple[str, str, str, bool] | None:
    """ "Methods of Proof — Induction" -> (key, "Methods of Proof", "Induction", explicit).

    ``explicit`` is true when the separator itself says "series" (系列, 之): then even
    a one-word head ("React 之 Suspense") names a series.
    """
    m = _HEAD_SEP.search(title)
    explicit = False
    if m and m.start() > 0:
        name, rest = clean_name(title[: m.start()]), clean(title[m.end() :])
        explicit = m.group("cn") is not None
    else:
        paren = _TRAILING_PAREN.match(title)  # "The Theorem (with Galois Theory)"
        if not paren or any(c.isdigit() for c in paren["inner"]):
            return None
        name, rest = clean_name(paren["head"]), clean(paren["inner"])
    key = normalize(name)
    if not key or not rest:
        return None
    return key, name, rest, explicit


_HANGUL_WORD = re.compile(r"^[\uac00-\ud7a3]+$")
_HAN_WORD = re.compile(r"^[\u4e00-\u9fff]{1,2}$")


def plain_word(name: str) -> bool:
    """One everyday word in a script without capitals: "파이썬", "算法".

    Korean words stand between spaces as English ones do, and a Chinese word is one or
    two characters; neither script has the capitals that set "AiC" or "ES6" apart from
    "hugo". Longer Chinese names are phrases ("深入理解Go", "JavaScript专题").
    """
    return bool(_HANGUL_WORD.match(name) or _HAN_WORD.match(name))


def head_is_series_like(name: str, explicit: bool) -> bool:
    """Could this title head be a series name? Post kinds ("Guest post: x") are not."""
    key = normalize(name)
    if key in POST_KINDS or _ends_with_kind(key):
        return False  # "Guest post: x", "Course Review: x", "Jekyll Tip: x"
    if explicit or len(key.split()) >= 2:
        return True
    if name.isascii():  # "AiC: x", "GC: y": a one-word name, needs 3+ titles (series.group)
        return len(name) >= 2 and any(c.isupper() or c.isdigit() for c in name[1:])
    return len(name) >= 2


def _ends_with_kind(key: str) -> bool:
    tokens = key.split()
    return len(tokens) > 1 and (tokens[-1] in POST_KINDS or " ".join(tokens[-2:]) in POST_KINDS)
