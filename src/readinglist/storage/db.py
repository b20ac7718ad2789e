"""Open the library file safely: check it is ours, migrate it, set the pragmas.

Why so careful: the file holds the user's notes. A file we do not recognise, one written
by a newer version, or one that is damaged is refused with a clear message and left
exactly as it was. Before any migration a full copy is written with ``VACUUM INTO``.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import peewee as pw

from readinglist.model.errors import (
    DatabaseCorruptError,
    DatabaseLockedError,
    DatabaseNotOursError,
    DatabaseReadOnlyError,
    DatabaseTooNewError,
    StorageError,
)
from readinglist.storage import codec, schema
from readinglist.storage.layout import APPLICATION_ID, SQLITE_MAGIC

BUSY_TIMEOUT_SECONDS = 5.0

PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "full",  # notes are precious: durable on power loss
    "foreign_keys": 1,
    "cache_size": -2 * 1024,  # 2 MiB: enough for our indexes, kind to RSS
    "temp_store": "memory",
}


# The search index as schemas 1-6 made it: it kept a copy of every column it indexed.
_FTS_DDL_1 = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5("
    "title, body, note, tokenize='unicode61 remove_diacritics 2')"
)


def _migrate_to_1(db: pw.SqliteDatabase) -> None:
    db.create_tables(schema.MODELS)
    db.execute_sql(_FTS_DDL_1)


def _migrate_to_2(db: pw.SqliteDatabase) -> None:
    # Per-feed article and unread counts (the tree's first paint, `feeds`) read this
    # narrow index instead of every wide article row.
    db.execute_sql(
        "CREATE INDEX IF NOT EXISTS article_feed_hidden_read ON article (feed_id, hidden, read)"
    )


def _migrate_to_3(db: pw.SqliteDatabase) -> None:
    # "Find missing parts" remembers what each page, feed and sitemap said, so a second
    # run asks the site almost nothing.
    db.create_tables([schema.BackfillCacheRow])


def _migrate_to_4(db: pw.SqliteDatabase) -> None:
    # "Fetch full length": the word count of the article's own page, fetched on the
    # user's request. A library created by migration 1 of this version already has it.
    if "page_word_count" not in {c.name for c in db.get_columns("article")}:
        db.execute_sql("ALTER TABLE article ADD COLUMN page_word_count INTEGER")


def _migrate_to_5(db: pw.SqliteDatabase) -> None:
    # Highlights: passages the reader marked, anchored by quote and context; and the
    # full text of an article read from its own page.
    db.create_tables([schema.HighlightRow, schema.FullTextRow])
    # Per feed, when the full text is fetched (a library made by migration 1 of this
    # version has the column already).
    if "fulltext_policy" not in {c.name for c in db.get_columns("feed")}:
        db.execute_sql("ALTER TABLE feed ADD COLUMN fulltext_policy TEXT")


def _migrate_to_6(db: pw.SqliteDatabase) -> None:
    # "All unread" (and every view of unread articles newest first) reads its first page
    # by walking this index backwards: 0.2 ms at 100k articles, where sorting every
    # unread row took 110 ms. The expression is the one the queries order by.
    db.execute_sql(
        "CREATE INDEX IF NOT EXISTS article_unread_dated"
        " ON article (hidden, read, COALESCE(published, first_seen), id)"
    )
    # Statistics, so the planner knows ``hidden = 0`` (or ``read = 0``) keeps nearly
    # every row: without them it took this index for a lookup of 500 ids (24 ms where
    # the primary key takes 2). ``Store.close`` keeps them current (PRAGMA optimize).
    db.execute_sql("ANALYZE")


def _migrate_to_7(db: pw.SqliteDatabase) -> None:
    # A sync account (a Google Reader API server): the account row, the ids of feeds and
    # items on the server, the read/star state the server is known to hold (where it
    # differs from ours, our change waits to be sent) and unsubscriptions waiting to be
    # sent. A library made by migration 1 of this version has the columns already.
    for table, column, kind in (
        ("feed", "remote_id", "TEXT"),
        ("article", "remote_id", "INTEGER"),
        ("article", "remote_read", "INTEGER"),
        ("article", "remote_starred", "INTEGER"),
    ):
        if column not in {c.name for c in db.get_columns(table)}:
            db.execute_sql(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
    db.create_tables([schema.AccountRow, schema.RemoteRemovalRow])
    for ddl in schema.ACCOUNT_INDEXES:
        db.execute_sql(ddl)


def _migrate_to_8(db: pw.SqliteDatabase) -> None:
    # Half the disk (a 100k-article library: 703 MB before, 339 MB after; bench/disk_bench.py).
    # 1. The search index keeps no copy of its columns (2.3 KB an article): the text it
    #    was fed moves to ``search_text``, its body compressed (see ``search_index``).
    #    The new index is filled from the old one's copy, so nothing is re-derived.
    # 2. The article HTML and kept full texts are stored compressed, and a summary that
    #    repeats the content (every Atom entry without a summary) is stored once (see
    #    ``codec``). User-owned columns are not touched.
    # The file shrinks only when it is rewritten: ``_migrate`` runs VACUUM after this.
    con = db.connection()
    con.create_function("rl_pack", 1, codec.pack, deterministic=True)
    con.create_function("rl_pack_summary", 2, codec.pack_summary, deterministic=True)
    db.execute_sql(schema.SEARCH_TEXT_DDL)
    if db.table_exists("article_fts_content"):  # the old index's copy: not yet moved
        db.execute_sql(
            "INSERT INTO search_text(article_id, title, body, note) SELECT rowid,"
            " COALESCE(title, ''), rl_pack(COALESCE(body, '')), COALESCE(note, '')"
            " FROM article_fts"
        )
        db.execute_sql(schema.FTS_DDL.replace("article_fts", "article_fts_compact", 1))
        db.execute_sql(
            "INSERT INTO article_fts_compact(rowid, title, body, note) SELECT rowid,"
            " COALESCE(title, ''), COALESCE(body, ''), COALESCE(note, '') FROM article_fts"
        )
        db.execute_sql("DROP TABLE article_fts")
        db.execute_sql("ALTER TABLE article_fts_compact RENAME TO article_fts")
    # Both functions leave a packed value as it is, so a second run changes nothing.
    db.execute_sql(
        "UPDATE article SET summary_html = rl_pack_summary(summary_html, content_html),"
        " content_html = rl_pack(content_html)"
    )
    db.execute_sql("UPDATE fulltext SET html = rl_pack(html)")


def _migrate_to_9(db: pw.SqliteDatabase) -> None:
    # Series detection says what kind of group it found (a multi-part piece or a
    # recurring column), how sure it is and why; the reader may confirm a guess or say
    # "not a series", and later syncs remember it. A library made by migration 1 of this
    # version has the columns already.
    have = {c.name for c in db.get_columns("series")}
    for column, ddl in (
        ("kind", "TEXT NOT NULL DEFAULT 'multipart'"),
        ("strength", "TEXT NOT NULL DEFAULT 'strong'"),
        ("why", "TEXT NOT NULL DEFAULT ''"),
        ("confirmed", "INTEGER NOT NULL DEFAULT 0"),
        ("dismissed", "INTEGER NOT NULL DEFAULT 0"),
    ):
        if column not in have:
            db.execute_sql(f"ALTER TABLE series ADD COLUMN {column} {ddl}")


def _migrate_to_10(db: pw.SqliteDatabase) -> None:
    # What an article's own page declares about its series (schema.org, a theme's series
    # box), kept when the page is fetched: declared evidence outranks guessed evidence.
    db.create_tables([schema.DeclaredSeriesRow])


def _migrate_to_11(db: pw.SqliteDatabase) -> None:
    # Article and unread counts per feed kept in a small table by triggers: the window's
    # first paint read every article's index entry for them (74 ms at a million
    # articles, 2x the bare window's whole start). Filled once from the articles.
    db.execute_sql(schema.TALLY_DDL)
    db.execute_sql("DELETE FROM article_tally")
    db.execute_sql(
        f"INSERT INTO article_tally (feed_id, hidden, read, n) {schema.TALLY_FROM_ARTICLES}"
    )
    for ddl in schema.TALLY_TRIGGERS:
        db.execute_sql(ddl)


def _migrate_to_12(db: pw.SqliteDatabase) -> None:
    # Which version of the series rules last grouped each feed: a feed grouped by older
    # rules is grouped again once (``services.regroup``), so better rules reach posts a
    # quiet feed will never send again. NULL: never, or before this column existed.
    if "grouped_with" not in {c.name for c in db.get_columns("feed")}:
        db.execute_sql("ALTER TABLE feed ADD COLUMN grouped_with TEXT")


def _migrate_to_13(db: pw.SqliteDatabase) -> None:
    # Whether a sync that brings a feed new posts reads their series from the site again
    # (the reader asked for the site's series once); off for every feed until then.
    if "follow_site_series" not in {c.name for c in db.get_columns("feed")}:
        db.execute_sql("ALTER TABLE feed ADD COLUMN follow_site_series INTEGER NOT NULL DEFAULT 0")


def _migrate_to_14(db: pw.SqliteDatabase) -> None:
    # A series correction or a bulk read mark can be taken back: how the series and
    # posts it touched stood before it is kept until undone or aged out (``UndoStore``).
    db.create_tables([schema.CorrectionUndoRow])


def _migrate_to_15(db: pw.SqliteDatabase) -> None:
    # A post may cover several parts ("Day 4-7"): the last one it covers, so those parts
    # count as the reader's, not missing. A library made by migration 1 of this version
    # has the column already.
    if "detected_part_last" not in {c.name for c in db.get_columns("article")}:
        db.execute_sql("ALTER TABLE article ADD COLUMN detected_part_last INTEGER")


#: Migrations that free much of the file: it is rewritten (VACUUM) after them.
_SHRINKING = (_migrate_to_8,)

#: Ordered migrations: entry N brings a library from version N-1 to version N.
MIGRATIONS: tuple[Callable[[pw.SqliteDatabase], None], ...] = (
    _migrate_to_1,
    _migrate_to_2,
    _migrate_to_3,
    _migrate_to_4,
    _migrate_to_5,
    _migrate_to_6,
    _migrate_to_7,
    _migrate_to_8,
    _migrate_to_9,
    _migrate_to_10,
    _migrate_to_11,
    _migrate_to_12,
    _migrate_to_13,
    _migrate_to_14,
    _migrate_to_15,
)
SCHEMA_VERSION = len(MIGRATIONS)


def _check_file(path: Path) -> bool:
    """Return True when the file exists and has content; refuse anything not SQLite."""
    if not path.exists():
        return False
    if path.is_dir():
        raise DatabaseNotOursError(f"{path} is a directory, not a readinglist library")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except PermissionError as exc:
        raise DatabaseReadOnlyError(f"cannot read {path}: permission denied") from exc
    if not header:
        return False  # an empty file is a new library (SQLite treats it so too)
    if header != SQLITE_MAGIC:
        raise DatabaseNotOursError(
            f"{path} is not a readinglist library (not an SQLite database); it was left untouched"
        )
    return True


def _check_writable(path: Path) -> None:
    directory = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        raise DatabaseReadOnlyError(
            f"the library {path} is read-only; readinglist needs to write it"
        )
    if not os.access(directory, os.W_OK):
        raise DatabaseReadOnlyError(
            f"the folder {directory} is read-only; readinglist keeps its journal beside the library"
        )


def _translate(exc: Exception, path: Path) -> StorageError:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return DatabaseLockedError(f"the library {path} is in use by another program ({exc})")
    if "readonly" in text or "read-only" in text:
        return DatabaseReadOnlyError(f"the library {path} cannot be written ({exc})")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return DatabaseCorruptError(f"the library {path} is damaged ({exc}); it was left untouched")
    return StorageError(f"the library {path} could not be opened: {exc}")


def _backup(db: pw.SqliteDatabase, path: Path, version: int) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    db.execute_sql("VACUUM INTO ?", (str(target),))
    return target


def _inspect(path: Path) -> tuple[int, int, list[str]]:
    """(application_id, user_version, tables) read without changing a single byte.

    Opening with our pragmas would switch the file to WAL mode (it rewrites the
    header), so a file is judged through a read-only connection first.
    """
    uri = f"file:{path}?mode=ro"
    con = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    try:
        app_id = con.execute("PRAGMA application_id").fetchone()[0]
        version = con.execute("PRAGMA user_version").fetchone()[0]
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return app_id, version, tables
    finally:
        con.close()


def _judge(path: Path, app_id: int, version: int, tables: list[str]) -> None:
    if (tables or version) and app_id != APPLICATION_ID:
        raise DatabaseNotOursError(
            f"{path} is an SQLite database of another program; it was left untouched"
        )
    if version > SCHEMA_VERSION:
        raise DatabaseTooNewError(
            f"the library {path} was written by a newer readinglist (schema {version}, "
            f"this version reads up to {SCHEMA_VERSION}); please upgrade readinglist"
        )


def _migrate(db: pw.SqliteDatabase, path: Path, version: int, tables: list[str]) -> None:
    if version == SCHEMA_VERSION:
        return
    if tables:
        _backup(db, path, version)
    shrink = False
    for target in range(version + 1, SCHEMA_VERSION + 1):
        with db.atomic():
            MIGRATIONS[target - 1](db)
            db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute_sql(f"PRAGMA user_version = {target}")
        shrink = shrink or MIGRATIONS[target - 1] in _SHRINKING
    if shrink and tables:
        # Outside any transaction (VACUUM cannot run in one), once every step is
        # committed: a crash here leaves a migrated, merely larger file.
        db.execute_sql("VACUUM")
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def open_database(path: Path) -> pw.SqliteDatabase:
    """Open (creating or migrating when needed) the library at ``path``.

    Raises a ``StorageError`` subclass with a readable message; never overwrites a file
    it does not recognise.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    had_content = _check_file(path)
    _check_writable(path)
    version, tables = 0, list[str]()
    if had_content:
        try:
            app_id, version, tables = _inspect(path)
        except sqlite3.DatabaseError as exc:
            raise _translate(exc, path) from exc
        _judge(path, app_id, version, tables)
    db = pw.SqliteDatabase(
        str(path), pragmas=PRAGMAS, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False
    )
    schema.database_proxy.initialize(db)
    try:
        db.connect(reuse_if_open=True)
        _migrate(db, path, version, tables)
    except StorageError:
        db.close()
        raise
    except (pw.DatabaseError, sqlite3.DatabaseError) as exc:
        db.close()
        raise _translate(exc, path) from exc
    return db


def integrity_ok(db: pw.SqliteDatabase) -> bool:
    row = db.execute_sql("PRAGMA integrity_check").fetchone()
    return bool(row and row[0] == "ok")
