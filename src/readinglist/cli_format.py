"""How the CLI prints things: the JSON contract scripts rely on, and readable tables."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from readinglist.models import Article, Feed, Series


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
    }


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def feed_line(feed: Feed) -> str:
    status = f"  ! {feed.last_error}" if feed.last_error else ""
    return (
        f"{feed.id:>5}  {feed.unread_count:>5}/{feed.article_count:<5}  "
        f"{_cut(feed.display_title, 40):<40}  {feed.url}{status}"
    )


def article_line(article: Article) -> str:
    flags = (
        ("*" if article.starred else " ")
        + (" " if article.read else "●")
        + ("✎" if article.note else " ")
    )
    where = ""
    if article.series_name:
        part = f" #{article.part}" if article.part is not None else ""
        where = f"  [{_cut(article.series_name, 30)}{part}]"
    date = article.published.date().isoformat() if article.published else "          "
    return f"{article.id:>6} {flags} {date}  {_cut(article.title, 70)}{where}"


def series_line(series: Series) -> str:
    missing = ""
    if series.missing:
        missing = "  missing " + ",".join(str(n) for n in series.missing[:20])
        if len(series.missing) > 20:
            missing += ",…"
    return (
        f"{series.id:>5}  {series.read_count:>3}/{series.article_count:<3}  "
        f"{_cut(series.name, 50):<50}  parts {','.join(map(str, series.parts)) or '-'}{missing}"
    )
