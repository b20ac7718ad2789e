"""How the CLI prints things: the JSON contract scripts rely on, and readable tables.

The JSON keys are a contract and never change. The text tables are for people: every
table starts with a header row naming its columns, so "3" under UNREAD needs no guessing,
and part numbers are written as runs ("1–12, 14–15"), the way people read them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from readinglist.model.parts import format_part_ranges
from readinglist.model.records import Article, Feed, Highlight, Series

if TYPE_CHECKING:
    from readinglist.services.backfill.run import BackfillReport


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def feed_json(feed: Feed) -> dict[str, Any]:
    return {
        "id": feed.id,
        "url": feed.url,
        "title": feed.title,
        "site_url": feed.site_url,
        "last_error": feed.last_error,
        "last_checked": iso(feed.last_checked),
        "article_count": feed.article_count,
        "unread_count": feed.unread_count,
    }


def article_json(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "feed_id": article.feed_id,
        "title": article.title,
        "url": article.link,
        "series_id": article.series_id,
        "series": article.series_name,
        "part": article.part,
        "published": iso(article.published),
        "read": article.read,
        "starred": article.starred,
        "note": article.note,
        "reading_minutes": article.reading_minutes,
    }


def series_json(series: Series) -> dict[str, Any]:
    return {
        "id": series.id,
        "feed_id": series.feed_id,
        "name": series.name,
        "parts": list(series.parts),
        "missing": list(series.missing),
        "article_count": series.article_count,
        "read_count": series.read_count,
        "next_unread_id": series.next_unread_id,
        "kind": series.kind,
        "guess": series.guess,
        "why": series.why,
    }


#: (header, right-aligned?) for each column of a table.
Column = tuple[str, bool]

FEED_COLUMNS: tuple[Column, ...] = (
    ("ID", True),
    ("UNREAD", True),
    ("ARTICLES", True),
    ("TITLE", False),
    ("URL", False),
    ("LAST ERROR", False),
)
SERIES_COLUMNS: tuple[Column, ...] = (
    ("ID", True),
    ("READ", True),
    ("ARTICLES", True),
    ("NAME", False),
    ("PARTS", False),
    ("MISSING", False),
)
ARTICLE_COLUMNS: tuple[Column, ...] = (
    ("ID", True),
    ("PUBLISHED", False),
    ("STATE", False),
    ("TITLE", False),
    ("SERIES", False),
    ("PART", True),
)


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK) characters take two, accents none."""
    total = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def cut(text: str, limit: int) -> str:
    """``text`` shortened to ``limit`` terminal columns, with "…" when something was cut."""
    if width(text) <= limit:
        return text
    out, used = "", 0
    for char in text:
        step = width(char)
        if used + step > limit - 1:
            break
        out, used = out + char, used + step
    return out + "…"


def table(columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> list[str]:
    """The header row and the rows, each column as wide as its widest cell.

    The last column is not padded, and no line ends in spaces.
    """
    cells = [[name for name, _ in columns], *[list(row) for row in rows]]
    widths = [max(width(row[i]) for row in cells) for i in range(len(columns))]
    lines = []
    for row in cells:
        out = []
        for (_, right), cell, size in zip(columns, row, widths, strict=True):
            pad = " " * (size - width(cell))
            out.append(pad + cell if right else cell + pad)
        lines.append("  ".join(out).rstrip())
    return lines


def parts_text(numbers: Sequence[int]) -> str:
    """Part numbers as runs ("1–12, 14–15"), or "-" for none."""
    return format_part_ranges(numbers) or "-"


def feed_rows(feeds: Sequence[Feed]) -> list[str]:
    return table(
        FEED_COLUMNS,
        [
            (
                str(f.id),
                str(f.unread_count),
                str(f.article_count),
                cut(f.display_title, 40),
                f.url,
                f.last_error or "",
            )
            for f in feeds
        ],
    )


def series_label(series: Series) -> str:
    """The name, and what kind of group it is when that matters: "(column)" for a
    recurring one (no part order), "(guess?)" for one found on weak evidence."""
    if series.kind == "recurring":
        return f"{series.name} (column)"
    return f"{series.name} (guess?)" if series.guess else series.name


def series_rows(series: Sequence[Series]) -> list[str]:
    return table(
        SERIES_COLUMNS,
        [
            (
                str(s.id),
                str(s.read_count),
                str(s.article_count),
                cut(series_label(s), 50),
                cut(parts_text(s.parts), 30),
                parts_text(s.missing),
            )
            for s in series
        ],
    )


def article_state(article: Article) -> str:
    """ "unread", "read", with "starred" and "note" when they apply."""
    words = ["read" if article.read else "unread"]
    if article.starred:
        words.append("starred")
    if article.note:
        words.append("note")
    return " ".join(words)


def article_rows(articles: Sequence[Article]) -> list[str]:
    return table(
        ARTICLE_COLUMNS,
        [
            (
                str(a.id),
                a.published.date().isoformat() if a.published else "",
                article_state(a),
                cut(a.title, 60),
                cut(a.series_name or "", 30),
                str(a.part) if a.part is not None else "",
            )
            for a in articles
        ],
    )


def backfill_line(report: BackfillReport) -> str:
    """'Transfer Learning: found parts 3, 5 (2 requests, 14 cached); still missing: 7–9'."""
    found = (
        f"found parts {format_part_ranges(report.parts_found)}"
        if report.parts_found
        else "nothing new"
    )
    text = f"{report.series_name}: {found} ({report.requests} requests, {report.cached} cached)"
    if report.still_missing:
        text += f"; still missing: {format_part_ranges(report.still_missing)}"
    return text


def backfill_json(report: BackfillReport) -> dict[str, Any]:
    return {
        "series_id": report.series_id,
        "series": report.series_name,
        "parts_found": list(report.parts_found),
        "new_article_ids": list(report.new_article_ids),
        "still_missing": list(report.still_missing),
        "requests": report.requests,
        "cached": report.cached,
        "errors": list(report.errors),
    }


def highlight_json(h: Highlight) -> dict[str, Any]:
    """The stable keys scripts rely on (``readinglist highlights --json``)."""
    return {
        "id": h.id,
        "article_id": h.article_id,
        "quote": h.quote,
        "prefix": h.prefix,
        "suffix": h.suffix,
        "note": h.note,
        "created": iso(h.created),
        "orphaned": h.orphaned,
    }


HIGHLIGHT_COLUMNS: tuple[Column, ...] = (
    ("ID", True),
    ("ARTICLE", True),
    ("STATE", False),
    ("QUOTE", False),
    ("NOTE", False),
)


def highlight_rows(highlights: list[Highlight]) -> list[str]:
    rows = [
        (
            str(h.id),
            str(h.article_id),
            "orphaned" if h.orphaned else "anchored",
            cut(" ".join(h.quote.split()), 60),
            cut(" ".join((h.note or "").split()), 40),
        )
        for h in highlights
    ]
    return table(HIGHLIGHT_COLUMNS, rows)
