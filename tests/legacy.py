"""Libraries as older versions wrote them, for migration tests.

Today's ``Store`` writes today's layout (packed HTML, a contentless search index beside
``search_text``), so an older library cannot be made by calling it on an older schema.
``old_schema(n)`` opens a store that runs only the first ``n`` migrations, and the
``write_*`` functions put rows in as schemas 1-6 did: HTML as plain text, and the
search index keeping its own copy of title, body and note.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import peewee as pw

from readinglist.storage import db as dbmod
from readinglist.storage.store import Store


@contextmanager
def old_schema(path: Path, version: int) -> Iterator[Store]:
    """A store over ``path`` migrated only up to ``version`` (then closed)."""
    saved = dbmod.MIGRATIONS, dbmod.SCHEMA_VERSION
    dbmod.MIGRATIONS, dbmod.SCHEMA_VERSION = saved[0][:version], version
    try:
        store = Store(path)
        try:
            yield store
        finally:
            store.checkpoint()
            store.close()
    finally:
        dbmod.MIGRATIONS, dbmod.SCHEMA_VERSION = saved


def write_feed(db: pw.SqliteDatabase, url: str, title: str = "Blog") -> int:
    """A feed row as every schema wrote it (today's ``add_feed`` reads tables an older
    schema lacks, such as the counts table of schema 11)."""
    cursor = db.execute_sql(
        "INSERT INTO feed (url, title, created, unsubscribed) VALUES (?, ?, 1704067200, 0)",
        (url, title),
    )
    return int(cursor.lastrowid)


def write_article(
    db: pw.SqliteDatabase,
    feed_id: int,
    guid: str,
    *,
    title: str,
    summary_html: str,
    content_html: str = "",
    body: str = "",
    note: str | None = None,
    read: bool = False,
    starred: bool = False,
    day: int = 1,
) -> int:
    """An article row and its search row, as ``upsert_entries`` wrote them up to schema 6."""
    cursor = db.execute_sql(
        "INSERT INTO article (feed_id, guid, title, link, author, summary_html, content_html,"
        " published, categories, word_count, content_hash, short_title, found_on_site, read,"
        " starred, note, standalone_override, hidden, first_seen)"
        " VALUES (?, ?, ?, ?, 'Ada', ?, ?, ?, '', ?, 'h1', ?, 0, ?, ?, ?, 0, 0, ?)",
        (
            feed_id,
            guid,
            title,
            f"https://blog.example/{guid}/",
            summary_html,
            content_html,
            1_704_067_200 + day * 86_400,
            len(body.split()),
            title,
            int(read),
            int(starred),
            note,
            1_704_067_200,
        ),
    )
    article_id = int(cursor.lastrowid)
    db.execute_sql(
        "INSERT INTO article_fts(rowid, title, body, note) VALUES (?, ?, ?, ?)",
        (article_id, title, body, note or ""),
    )
    return article_id


def write_highlight(db: pw.SqliteDatabase, article_id: int, quote: str, note: str = "") -> None:
    """A highlight, and the article's searchable note as schema 5-6 refreshed it."""
    db.execute_sql(
        'INSERT INTO highlight (article_id, quote, prefix, suffix, start, "end", note,'
        " created, orphaned) VALUES (?, ?, '', '', 0, ?, ?, 1704067200, 0)",
        (article_id, quote, len(quote), note or None),
    )
    (own,) = db.execute_sql("SELECT note FROM article WHERE id = ?", (article_id,)).fetchone()
    quotes = [
        t
        for q, n in db.execute_sql(
            "SELECT quote, note FROM highlight WHERE article_id = ? ORDER BY start", (article_id,)
        )
        for t in (q, n)
        if t
    ]
    text = "\n".join([own or "", *quotes]).strip()
    db.execute_sql("UPDATE article_fts SET note = ? WHERE rowid = ?", (text, article_id))


def write_fulltext(db: pw.SqliteDatabase, article_id: int, html: str, words: int) -> None:
    db.execute_sql(
        "INSERT INTO fulltext (article_id, html, words, source_url, fetched)"
        " VALUES (?, ?, ?, 'https://page.example/', 1704067200)",
        (article_id, html, words),
    )
    db.execute_sql("UPDATE article SET page_word_count = ? WHERE id = ?", (words, article_id))
