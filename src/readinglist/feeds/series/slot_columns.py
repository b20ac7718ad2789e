"""Columns whose titles differ in one slot: the month, or the release's version.

"Updates in April 2019", "Updates in May 2019"; "2023 年 1 月報報", "2023 年 2 月報報";
"🐤 2023년 3월 회고", "😎 2023년 4월 회고". A monthly report, review or status post is
one column that comes back every month, not a piece in parts, and no other rule groups
it: the titles share no head (they open with the date, or the date is all that varies),
and the month is no part number (January 2024 is not part 1 of anything). The same holds
for release notes: "Announcing Gizmo 1.29.0!", "Announcing Gizmo 1.30.0!"; "Gizmo 2.0.2",
"Gizmo 2.2.1"; "Version 4.2.0", "Version 4.4.0": each is the next release's post, a
column of releases (the issue's own example), never parts with a 1.31 missing. So posts
the other passes left alone, whose titles are one template once the slot is blanked,
are filed as one column; ``templates.is_recurring`` then shows a month's column as a
column whichever pass found it, and ``evidence`` a release column by its versions.

The month counts only *with its year* ("April 2019", "2019-04", "2023 年 1 月", "2023년
3월"): a year alone names an edition ("MegaConf 2019") or a year's review (counted and
refused: see docs/series-detection.md), and a month alone ("March notes") may be
anything. A full day ("2022-01-03") is a diary's date, read by
``templates.CALENDAR_DATE``. The version is a dotted one ("1.29.0", "v3.6"). The
template must keep a word of its own once the slot and any decoration (emoji, brackets,
punctuation) are gone, and three posts must share it, each with another month or
version. Pure.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from readinglist.feeds.series.post import FORM_MONTHLY, FORM_RELEASE, Post, common_spelling
from readinglist.feeds.series.rules import normalize
from readinglist.feeds.series.titles import MEDIUM

Template = Callable[[str], tuple[str, str] | None]

__all__ = [
    "MIN_MONTHS",
    "VERSION_SLOT",
    "YEAR_MONTH",
    "join_slot_columns",
    "monthly_template",
    "one_title_but_the_month",
    "one_title_but_the_month_name",
    "release_template",
]

_MONTH_NAMES = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
    "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    "|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro"
    "|novembro|dezembro|janvier|février|mars|avril|mai|juin|juillet|août|septembre"
    "|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember"
)
YEAR_MONTH = re.compile(
    r"(?<!\d)(?:19|20)\d\d\s*年\s*(?:0?[1-9]|1[0-2])\s*月(?!\s*\d{1,2}\s*[日号號])"
    r"|(?<!\d)(?:19|20)\d\d\s*년\s*(?:0?[1-9]|1[0-2])\s*월(?!\s*\d{1,2}\s*일)"
    r"|(?<![\d./-])(?:19|20)\d\d[-./](?:0[1-9]|1[0-2])(?![\d]|[-./]\d)"
    rf"|\b(?:{_MONTH_NAMES})\.?,?\s+(?:de\s+)?(?:19|20)\d\d(?!\d)"
    rf"|(?<!\d)(?:19|20)\d\d\s+(?:{_MONTH_NAMES})\b",
    re.IGNORECASE,
)
"""A month with its year: "April 2019", "abril de 2024", "2019-04", "2023 年 1 月",
"2023년 3월" (not a full day: "2023-01-03", "2023 年 1 月 3 日")."""

MIN_MONTHS = 3
"""Posts (each of another month) a template needs: two may be a pair of anything."""

_YEAR = re.compile(r"(?:19|20)\d\d")
_SLOT = "monthslot"  # where the month was: a word ``normalize`` keeps as it is
_VERSION_MARK = "versionslot"

VERSION_SLOT = re.compile(r"(?<![\w.])v?\d+(?:\.\d+)+(?![\w.])", re.IGNORECASE)
"""A dotted version: "1.29.0", "v3.6" (``templates.DOTTED_VERSION``)."""
_WORD = re.compile(r"[^\W\d_]", re.UNICODE)
_DECORATION = re.compile(r"^[^\w…]+|[^\w…]+$", re.UNICODE)


def monthly_template(title: str) -> tuple[str, str] | None:
    """(the title with its month blanked, in the comparable form of a name; the month as
    written), when the title carries one month with its year and a word besides."""
    if _YEAR.search(title) is None:  # most titles: no year, so no month with it
        return None
    return _blanked(title, YEAR_MONTH, _SLOT)


def release_template(title: str) -> tuple[str, str] | None:
    """(the title with its version blanked, comparable; the version), when the title
    carries one dotted version and a word besides."""
    if "." not in title:
        return None
    return _blanked(title, VERSION_SLOT, _VERSION_MARK)


def _blanked(title: str, slot: re.Pattern[str], mark: str) -> tuple[str, str] | None:
    found = slot.findall(title)
    if len(found) != 1:
        return None
    template = normalize(slot.sub(f" {mark} ", title))
    kept = template.split()  # numbers too: "Part 1 (May 2030)" is no "Part 2 (June …)"
    if mark not in kept or not any(_WORD.search(t) for t in kept if t != mark):
        return None
    return " ".join(kept), re.sub(r"\s+", "", found[0]).lower().lstrip("v")


def one_title_but_the_month(posts: list[Post]) -> bool:
    """Every title is one template but for its month, and at least ``MIN_MONTHS`` months
    are said: a column, however the group was found ("Kiln log 2030-01", "… 2030-02"
    open alike too). A series whose titles differ besides ("Part 1 (May 2030)", "Part 2
    (June 2030)") is not one."""
    if len(posts) < MIN_MONTHS or monthly_template(posts[0].title) is None:
        return False
    read = [monthly_template(p.title) for p in posts]
    if any(r is None for r in read):
        return False
    templates = {r[0] for r in read if r is not None}
    return len(templates) == 1 and len({r[1] for r in read if r is not None}) >= MIN_MONTHS


_MONTH_NAME = re.compile(rf"(?<!\w)(?:{_MONTH_NAMES})(?!\w)", re.IGNORECASE)


def one_title_but_the_month_name(posts: list[Post]) -> bool:
    """A group some other pass found whose titles are one but for a month's name, with
    no year: "12 Songs für den März", "… April", "… Mai". It comes back every month, a
    column. Never a reason to group posts (a month alone may be anything: "March
    notes"); only to say what a group already found is. Each title names one month,
    ``MIN_MONTHS`` of them at least, and the rest of the titles is the same."""
    if len(posts) < MIN_MONTHS:
        return False
    templates, months = set(), set()
    for p in posts:
        found = _MONTH_NAME.findall(p.title)
        if len(found) != 1:
            return False
        templates.add(normalize(_MONTH_NAME.sub(f" {_SLOT} ", p.title)))
        months.add(found[0].lower())
    return len(templates) == 1 and len(months) >= MIN_MONTHS


def join_slot_columns(items: list[Post]) -> None:
    """File the loose posts whose titles are one template but for the month, or for the
    version, as a column (the month first: "Gizmo 2.0 notes, May 2030" dates a column)."""
    _join(items, monthly_template, YEAR_MONTH, "monthly: ", FORM_MONTHLY)
    _join(items, release_template, VERSION_SLOT, "releases: ", FORM_RELEASE)


def _join(
    items: list[Post], template_of: Template, slot: re.Pattern[str], prefix: str, form: str
) -> None:
    by_template: dict[str, list[tuple[Post, str]]] = defaultdict(list)
    for p in items:
        if p.key is not None:
            continue
        read = template_of(p.title)
        if read is not None:
            by_template[read[0]].append((p, read[1]))
    for template, posts in by_template.items():
        if len({value for _p, value in posts}) < MIN_MONTHS:
            continue
        name = common_spelling(_shown(p.title, slot) for p, _value in posts)
        key = prefix + template.replace(_SLOT, "…").replace(_VERSION_MARK, "…")
        for p, _value in posts:
            p.key, p.name, p.part, p.short_title = key, name, None, p.title
            p.strength, p.form = MEDIUM, form


def _shown(title: str, slot: re.Pattern[str]) -> str:
    """A title as the column's name: its slot as "…", no emoji or brackets around it."""
    text = re.sub(r"\s+", " ", slot.sub("…", title))
    return _DECORATION.sub("", text).strip()
