"""The full-text index: a contentless FTS5 table and, beside it, the text it was fed.

Why two tables: an ordinary FTS5 table keeps a verbatim copy of every column it
indexes (its ``_content`` shadow table), about 2.3 KB per article and a third of a
library's bytes. A contentless table (``content=''``) keeps only the index. SQLite
3.40, which Python links here, has no ``contentless_delete``: a contentless row is
removed or changed only by FTS5's ``'delete'`` command, given exactly the values it
was indexed with. ``search_text`` keeps those values (the body zlib-packed, see
``codec``), about 0.8 KB per article; the filter's excerpts are cut from it too.

Every write to the index goes through this module, so the two never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import peewee as pw

from readinglist.storage.chunks import chunks
from readinglist.storage.codec import Stored, pack, unpack

SEARCH_TEXT_LIMIT = 4000  # characters of an article's text that are searchable

_DROP = (
    "INSERT INTO article_fts(article_fts, rowid, title, body, note) VALUES ('delete', ?, ?, ?, ?)"
)
_ADD = "INSERT INTO article_fts(rowid, title, body, note) VALUES (?, ?, ?, ?)"
# an upsert naming its columns (never REPLACE, which deletes the row first)
_KEEP = (
    "INSERT INTO search_text(article_id, title, body, note) VALUES (?, ?, ?, ?)"
    " ON CONFLICT(article_id) DO UPDATE SET"
    " title = excluded.title, body = excluded.body, note = excluded.note"
)

Indexed = tuple[str, str, str]  # (title, body, note) as the index was fed them


def indexed(db: pw.SqliteDatabase, article_ids: Iterable[int]) -> dict[int, Indexed]:
    """What the index holds for each id (ids never indexed are left out)."""
    out: dict[int, Indexed] = {}
    for chunk in chunks(list(dict.fromkeys(article_ids))):
        marks = ",".join("?" * len(chunk))
        for aid, title, body, note in db.execute_sql(
            f"SELECT article_id, title, body, note FROM search_text WHERE article_id IN ({marks})",
            list(chunk),
        ):
            out[int(aid)] = (title or "", unpack(body), note or "")
    return out


def _drop(db: pw.SqliteDatabase, old: Mapping[int, Indexed]) -> None:
    db.connection().executemany(_DROP, [(aid, *values) for aid, values in old.items()])


def _add(
    db: pw.SqliteDatabase,
    rows: Sequence[tuple[int, str, str, str]],
    packed: Sequence[Stored | None] = (),
) -> None:
    """Index ``(id, title, body, note)`` rows; ``packed[i]``, when given, is
    ``pack(body)`` of row i made earlier (by the sync's worker), so it is not packed twice."""
    con = db.connection()
    con.executemany(_ADD, rows)
    bodies = [
        packed[i] if i < len(packed) and packed[i] is not None else pack(row[2])
        for i, row in enumerate(rows)
    ]
    con.executemany(
        _KEEP,
        [
            (aid, title, body, note)
            for (aid, title, _text, note), body in zip(rows, bodies, strict=True)
        ],
    )


def write(
    db: pw.SqliteDatabase,
    rows: Sequence[tuple[int, str, str] | tuple[int, str, str, Stored | None]],
) -> None:
    """(id, title, plain text) into the index; each article's note stays as it is.

    A row may carry a fourth value: ``pack(text[:SEARCH_TEXT_LIMIT])`` made beforehand
    (None: pack it here)."""
    if not rows:
        return
    # One row per id (the last): a contentless index would keep both, not replace.
    unique = list({int(r[0]): r for r in rows}.values())
    old = indexed(db, [r[0] for r in unique])
    _drop(db, old)
    _add(
        db,
        [
            (aid, title or "", (text or "")[:SEARCH_TEXT_LIMIT], old.get(aid, ("", "", ""))[2])
            for aid, title, text, *_packed in unique
        ],
        [r[3] if len(r) > 3 else None for r in unique],
    )


def set_notes(db: pw.SqliteDatabase, notes: Mapping[int, str]) -> None:
    """The searchable note of each article (its note and highlights, see
    ``highlight_store.refresh_fts_note``); articles never indexed are skipped."""
    old = indexed(db, notes)
    changed = {aid: v for aid, v in old.items() if v[2] != notes[aid]}
    _drop(db, changed)
    _add(db, [(aid, title, body, notes[aid]) for aid, (title, body, _n) in changed.items()])


def delete(db: pw.SqliteDatabase, article_ids: Iterable[int]) -> None:
    """Take articles out of the index (before their rows are deleted)."""
    old = indexed(db, article_ids)
    _drop(db, old)
    for chunk in chunks(list(old)):
        marks = ",".join("?" * len(chunk))
        db.execute_sql(f"DELETE FROM search_text WHERE article_id IN ({marks})", list(chunk))
