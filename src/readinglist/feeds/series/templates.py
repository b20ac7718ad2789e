"""Title templates that speak for or against a group, whatever its clues: said by
``evidence`` when it judges a group.

A column comes back on a schedule (its name or most titles say so: "Weekly", "周刊",
"T-SQL Tuesday", a calendar date in every title), an announcement or advisory template
is the same sentence about different things, a version where a part number would sit
names a release, and titles that each name a different release are a column of release
notes. Kept apart from ``evidence`` so each module stays small. Pure.
"""

from __future__ import annotations

import html
import re

from readinglist.feeds.series.post import Post
from readinglist.feeds.series.rules import normalize
from readinglist.feeds.series.slot_columns import (
    one_title_but_the_month,
    one_title_but_the_month_name,
)

__all__ = [
    "ANNOUNCEMENT",
    "CALENDAR_DATE",
    "DOTTED_VERSION",
    "EDITION",
    "REVIEWED_WORK",
    "SCHEDULE_WORDS",
    "VERSION",
    "WEEKDAY_NAME",
    "announcement_titles",
    "is_recurring",
    "names_a_release",
    "one_title",
    "prerelease_numbers",
    "release_titles",
    "reviews_of_works",
]

SCHEDULE_WORDS = re.compile(
    r"\b(?:weekly|bi-?weekly|monthly|quarterly|daily|this (?:week|month|year) in"
    r"|week in review|month in review|year in review|newsletter|digest|round-?up"
    r"|links? (?:of|for) the (?:week|month)|release(?: notes?)?|changelog|status (?:update|report)"
    r"|what'?s new in|monthly update|weekly update|issue\s*#?\d+|выпуск\s*№?\s*\d+"
    r"|til|today i learned|vol(?:ume)?\.?\s*(?:[ivx]+|\d+),?\s*(?:#|no\.?|issue)\s*\d+"
    r"|semanal|mensual|bolet[ií]n|resumen (?:semanal|mensual|de la semana|del mes)"
    r"|esta semana en|notas de (?:la )?versi[oó]n|mensal|boletim|resumo (?:da semana|do m[eê]s))\b"
    r"|周刊|周报|週報|月报|月報|日报|年报|月度|年度|周记|双周|每周|每月|每日|第\s*\S{1,5}\s*期"
    r"|週刊|月報|日報|今週の|先週の|リリースノート|주간|월간|뉴스레터|릴리스 ?노트|데일리",
    re.IGNORECASE,
)
"""A column that comes back on a schedule or with each release, not one piece in parts:
said in English, Spanish, Portuguese, Chinese, Japanese or Korean."""

WEEKDAY_NAME = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?$"
    r"|^(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
    re.IGNORECASE,
)
"""A name that starts or ends with a day of the week comes back on that day: "T-SQL
Tuesday", "Wordless Wednesday", "Friday Links". Only the group's name: titles "Gizmo
Con: Saturday" and "… Sunday" are the two days of one event."""

CALENDAR_DATE = re.compile(
    r"(?<!\d)(?:19|20)\d\d(?P<sep>[-./])(?:0?[1-9]|1[0-2])(?P=sep)(?:0?[1-9]|[12]\d|3[01])(?!\d)"
    r"|(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d\d년\s*\d{1,2}월\s*\d{1,2}일"
)
"""A day on the calendar in a title: "2022-01-03", "2022.01.03", "2022年1月3日"."""

ANNOUNCEMENT = re.compile(
    r"^(?:announcing|introducing|welcome|welcoming|launching|call for|save the date|advisory)\b"
    r"|\b(?:participates? in|joins|is now available|now available|released|is released|launched"
    r"|security (?:advisory|advisories|notice|bulletin|release))\b",
    re.IGNORECASE,
)
"""Announcement and advisory templates: the same sentence about different things."""

_DOTTED = r"(?<![\w.])v?\d+(?:\.\d+)+(?![\w.])"
DOTTED_VERSION = re.compile(_DOTTED, re.IGNORECASE)
"""A dotted version anywhere in a title: "2.0.4", "v3.6"."""

VERSION = re.compile(rf"{_DOTTED}|(?<![\w.])v\d+(?![\w.])", re.IGNORECASE)
"""A version where a part number would sit: a dotted one, or "v2"."""

EDITION = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
"""A year in a group's name: it names an edition of an event ("MegaConf 2019")."""


def is_recurring(posts: list[Post]) -> bool:
    """A column: its name, or most of its titles, say it comes back on a schedule.

    Titles whose varying slot is a day on the calendar ("[TIL] 2022.01.03", "Notes,
    2021-05-04") say it too: a diary or a log is written day by day, not planned in
    parts, and a date is no part number.
    """
    name = posts[0].name or posts[0].key or ""
    if SCHEDULE_WORDS.search(name) or WEEKDAY_NAME.search(name):
        return True
    if one_title_but_the_month(posts):  # "Updates in April 2019", "… May 2019"
        return True
    if one_title_but_the_month_name(posts):  # "12 Songs für den März", "… April"
        return True
    said = sum(1 for p in posts if SCHEDULE_WORDS.search(p.title) or CALENDAR_DATE.search(p.title))
    return said * 2 > len(posts)


def announcement_titles(posts: list[Post]) -> bool:
    """Most titles of the group are announcements, whatever the group's name."""
    return sum(1 for p in posts if ANNOUNCEMENT.search(p.title)) * 2 > len(posts)


def release_titles(posts: list[Post]) -> bool:
    """Every title names a release by its version ("Gizmo 2.0.4 is out", "Bugfix
    release 4.4.1"): the same sentence about one release after another, in any
    language. Such a group is a column of release notes: shown together, with no part
    order and no missing parts. Only asked of groups with no part numbers. The versions
    must differ: posts that all name "Gizmo 3.1" are about one release, not a column.
    """
    versions = [DOTTED_VERSION.search(p.title) for p in posts]
    return all(versions) and len({m.group().lower() for m in versions if m}) > 1


_PRERELEASE = re.compile(
    r"\b(?:preview|beta|alpha|rc|release candidate|milestone)[\s._-]*0*(\d{1,3})(?!\d|\.\d)",
    re.IGNORECASE,
)


def prerelease_numbers(posts: list[Post]) -> bool:
    """Every numbered title's part is the number of a pre-release ("ABS preview-2: x",
    "Gizmo beta 3 is out", "… RC 2"): a preview, beta or release candidate is one of a
    release's drafts, the next one announced as the last was, so the group is the
    project's column of releases, not a piece whose part 1 is missing."""
    numbered = [p for p in posts if p.part is not None]
    if not numbered:
        return False
    for p in numbered:
        m = _PRERELEASE.search(p.title)
        if m is None or int(m.group(1)) != p.part:
            return False
    return True


def one_title(posts: list[Post]) -> bool:
    """Every post has the same title (spacing, case, punctuation, entities aside).

    A series' parts differ somewhere: by a number, or by what each covers. Posts that
    differ in nothing are one post published twice (a re-post, a copied file, "HA&amp;DRS"
    beside "HA&#038;DRS"), and nothing tells which is "part 1". Posts numbered by
    their titles never reach this test.
    """
    return len({normalize(html.unescape(p.title)) for p in posts}) == 1


_WORDS_AFTER_A_RELEASE = 3


def names_a_release(name: str) -> bool:
    """A version where a part number would sit, ending the name or nearly: "Foo 1.0",
    "Gizmo 3.1 notes". Posts under such a name are about one release, not a series. A
    version deep inside a longer name ("Getting started with Gizmo v10 by building a
    todo app") is what the series is about, and names nothing by itself."""
    return any(
        len(name[m.end() :].split()) < _WORDS_AFTER_A_RELEASE for m in VERSION.finditer(name)
    )


REVIEWED_WORK = re.compile(
    r"^(?P<before>(?:[^\W\d_]+\s*){0,3})(?:«(?P<a>[^»]+)»|“(?P<b>[^”]+)”|《(?P<c>[^》]+)》|"
    r"『(?P<d>[^』]+)』|\"(?P<e>[^\"]+)\")(?P<after>(?:\s*[^\W\d_]+){0,3})\s*[.!?]?$"
)
"""A title that is another work's title in quotes, with at most three words of its own
around it (none between a CJK word and its quotes): "О книге «Фрикономика»" (about the
book), "读《人类简史》", "《人类简史》读书笔记", "Notes on “SICP”"."""


def reviews_of_works(posts: list[Post]) -> bool:
    """Most titles name another work in quotes, each a different one, with the same
    words around it: a column of reviews or reading notes, one work a post, not parts
    of one piece ("О книге «X»", "О книге «Y»": about the book X, then Y)."""
    around: dict[tuple[str, str], set[str]] = {}
    for p in posts:
        m = REVIEWED_WORK.match(p.title)
        if m is not None:
            work = next(w for w in m.group("a", "b", "c", "d", "e") if w is not None)
            key = (normalize(m["before"]), normalize(m["after"]))
            around.setdefault(key, set()).add(normalize(work))
    if not around:
        return False
    works = max(around.values(), key=len)
    return len(posts) >= _REVIEWS and len(works) * 2 > len(posts)


_REVIEWS = 3
"""Reviews of three works or more make a column; two are a pair that may be anything."""
