"""Row tuples to frozen dataclasses. Kept apart so queries stay readable."""

from __future__ import annotations

import sys
from datetime import datetime
from typing import Any

import peewee as pw

from readinglist.model.parts import in_reading_order, reading_place
from readinglist.model.records import Article
from readinglist.storage.layout import to_datetime
from readinglist.storage.schema import ArticleRow, SeriesRow

# The effective part: the user's correction wins over the detected number.
EFFECTIVE_PART = pw.fn.COALESCE(ArticleRow.part_override, ArticleRow.detected_part)
# The last part a post covers, as detected: a part the reader set by hand covers one.
EFFECTIVE_PART_LAST = pw.Case(
    None, [(ArticleRow.part_override.is_null(), ArticleRow.detected_part_last)], None
)
SERIES_NAME = pw.fn.COALESCE(SeriesRow.user_name, SeriesRow.detected_name)
# The effective length: the article's own page when the user fetched it, else the feed's.
EFFECTIVE_WORD_COUNT = pw.fn.COALESCE(ArticleRow.page_word_count, ArticleRow.word_count)

ARTICLE_COLUMNS: tuple[Any, ...] = (
    ArticleRow.id,
    ArticleRow.feed,
    ArticleRow.guid,
    ArticleRow.title,
    ArticleRow.link,
    ArticleRow.author,
    ArticleRow.published,
    ArticleRow.updated,
    ArticleRow.first_seen,
    ArticleRow.series,
    SERIES_NAME,
    EFFECTIVE_PART,
    ArticleRow.short_title,
    ArticleRow.read,
    ArticleRow.read_at,
    ArticleRow.starred,
    ArticleRow.note,
    ArticleRow.note_updated,
    EFFECTIVE_WORD_COUNT,
    ArticleRow.found_on_site,
    EFFECTIVE_PART_LAST,
)


def article_select() -> pw.ModelSelect:
    return (
        ArticleRow.select(*ARTICLE_COLUMNS)
        .join(SeriesRow, pw.JOIN.LEFT_OUTER, on=(ArticleRow.series == SeriesRow.id))
        .where(ArticleRow.hidden == False)  # noqa: E712 - peewee expression
    )


def _dt(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return to_datetime(value)


def _shared(text: str | None) -> str | None:
    """One copy of a string every article of a series or feed repeats (series name,
    author): a tree with thousands of loaded articles would hold one copy per row."""
    return None if text is None else sys.intern(text)


def article_from_tuple(row: tuple[Any, ...]) -> Article:
    (
        id_,
        feed_id,
        guid,
        title,
        link,
        author,
        published,
        updated,
        first_seen,
        series_id,
        series_name,
        part,
        short_title,
        read,
        read_at,
        starred,
        note,
        note_updated,
        word_count,
        found_on_site,
        part_last,
    ) = row
    return Article(
        id=id_,
        feed_id=feed_id,
        guid=guid,
        title=title,
        link=link,
        author=_shared(author),
        published=_dt(published),
        updated=_dt(updated),
        first_seen=_dt(first_seen) or datetime.fromtimestamp(0),
        series_id=series_id,
        series_name=_shared(series_name) if series_id is not None else None,
        part=part if series_id is not None else None,
        short_title=short_title or title,
        read=bool(read),
        read_at=_dt(read_at),
        starred=bool(starred),
        note=note,
        note_updated=_dt(note_updated),
        word_count=word_count or 0,
        found_on_site=bool(found_on_site),
        in_feed=not bool(found_on_site),
        part_last=part_last if series_id is not None and part is not None else None,
    )


def in_series_order(articles: list[Article]) -> list[Article]:
    """Articles listed "in part order", each series' posts as a reader meets them
    (``model.parts.in_reading_order``): the unnumbered ones by their dates among the
    numbered, not after them all. In a list mixing series, each series' posts keep the
    places the list gave that series, refilled in its reading order."""
    by_series: dict[int | None, list[Article]] = {}
    for article in articles:
        by_series.setdefault(article.series_id, []).append(article)
    ordered = {
        sid: iter(members if sid is None else in_reading_order(members, reading_place))
        for sid, members in by_series.items()
    }
    return [next(ordered[article.series_id]) for article in articles]
