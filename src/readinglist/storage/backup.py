"""The whole library as plain JSON-able data, and back.

A backup must hold *everything* a user would miss: every feed, series and article with
its sanitized HTML and every user-owned column (read and when, stars, notes, series
renames, merges, overrides, follows). Column lists come from the schema, so a new
column is backed up without anyone remembering to add it here.

The HTML columns are stored packed (``codec``); a backup holds their text, so a backup
reads the same whichever way a library stores them, and a restore packs them again.
"""

from __future__ import annotations

from typing import Any

import peewee as pw

from readinglist import __version__
from readinglist.model.errors import ImportExportError
from readinglist.storage import search_index
from readinglist.storage.codec import pack, pack_summary, unpack, unpack_summary
from readinglist.storage.db import SCHEMA_VERSION
from readinglist.storage.highlight_store import refresh_fts_note
from readinglist.storage.schema import ArticleRow, FeedRow, FullTextRow, HighlightRow, SeriesRow

FORMAT = "readinglist-backup"
_TABLES: tuple[tuple[str, type[pw.Model]], ...] = (
    ("feeds", FeedRow),
    ("series", SeriesRow),
    ("articles", ArticleRow),
    ("highlights", HighlightRow),
    ("fulltexts", FullTextRow),
)


def _columns(model: type[pw.Model]) -> list[str]:
    return [field.column_name for field in model._meta.sorted_fields]


def _unpacked(name: str, row: dict[str, Any]) -> dict[str, Any]:
    """A row as a backup holds it: the packed HTML columns as text."""
    if name == "articles":
        content = unpack(row["content_html"])
        row["summary_html"] = unpack_summary(row["summary_html"], content)
        row["content_html"] = content
    elif name == "fulltexts":
        row["html"] = unpack(row["html"])
    return row


def _packed(name: str, row: dict[str, Any]) -> dict[str, Any]:
    """A backup's row as it is stored (see ``_unpacked``)."""
    if name == "articles":
        content = row.get("content_html") or ""
        row["summary_html"] = pack_summary(row.get("summary_html") or "", content)
        row["content_html"] = pack(content)
    elif name == "fulltexts" and "html" in row:
        row["html"] = pack(row["html"])
    return row


def dump_library(db: pw.SqliteDatabase) -> dict[str, Any]:
    """Every row of every table as dicts keyed by column name (datetimes as Unix seconds)."""
    out: dict[str, Any] = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "app_version": __version__,
    }
    for name, model in _TABLES:
        columns = _columns(model)
        table = model._meta.table_name
        cursor = db.execute_sql(
            f'SELECT {", ".join(chr(34) + c + chr(34) for c in columns)} FROM "{table}" ORDER BY id'
        )
        out[name] = [
            _unpacked(name, dict(zip(columns, row, strict=True))) for row in cursor.fetchall()
        ]
    return out


def restore_library(db: pw.SqliteDatabase, data: dict[str, Any]) -> dict[str, int]:
    """Load a backup into an EMPTY library (ids kept). Refuses anything else."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportExportError("not a readinglist backup file")
    if int(data.get("schema_version", 0)) > SCHEMA_VERSION:
        raise ImportExportError("the backup was written by a newer readinglist")
    if FeedRow.select().exists():
        raise ImportExportError("restore needs an empty library; this one already has feeds")
    counts: dict[str, int] = {}
    with db.atomic():
        for name, model in _TABLES:
            columns = set(_columns(model))
            rows = [
                _packed(name, {k: v for k, v in row.items() if k in columns})
                for row in data.get(name, [])
            ]
            table = model._meta.table_name
            for row in rows:
                keys = list(row)
                marks = ", ".join("?" for _ in keys)
                names = ", ".join(f'"{k}"' for k in keys)
                db.execute_sql(
                    f'INSERT INTO "{table}" ({names}) VALUES ({marks})', [row[k] for k in keys]
                )
            counts[name] = len(rows)
        # Titles now; the text is indexed by ``Library.restore_backup``, notes below.
        search_index.write(db, list(db.execute_sql("SELECT id, title, '' FROM article")))
        search_index.set_notes(
            db, dict(db.execute_sql("SELECT id, note FROM article WHERE note IS NOT NULL"))
        )
        highlighted = [a for (a,) in db.execute_sql("SELECT DISTINCT article_id FROM highlight")]
        refresh_fts_note(db, highlighted)
    return counts
