"""The first screen of a filter over a very large library, before its full list.

Why: a filter lists the newest matches. For a word in a few articles the search index
answers at once; for a word in nearly every one ("data" in a library of data blogs)
the index hands over a million ids, and sorting them by date costs a quarter of a
second at a million articles, however few rows are wanted (``ArticleStore.
_search_newest``; its cost grows with the matches, not with the page).

This walks the other way: the newest articles in list order, asking the index about
each one (a seek, about 50 µs), until a screen of matches is found or a few hundred
articles were asked about. A common word fills the screen in a few dozen seeks; a rare
one gives up quickly and leaves the work to the full search, which is fast for it.

Only whole words are asked about: the filter matches every word that *starts with*
what was typed ("data" also finds "database"), and a prefix is answered by merging
every word that starts with it, for each seek. A row found here is therefore a true
match, in the right order among the rows found here, but an article matching only
through a longer word ("database") may be missing between them until the full list
replaces this one (``gui.navigation``).
"""

from __future__ import annotations

import heapq
import re
import sqlite3
from collections.abc import Iterator

import peewee as pw

_WORD = re.compile(r"\w+", re.UNICODE)  # as ``article_store.fts_query`` reads the words

#: Articles asked about at most; past this the word is rare and the full search is fast.
PROBES = 400

_PROBE = "SELECT 1 FROM article_fts WHERE article_fts MATCH ? AND rowid = ?"
# One walk per read state over the narrow (hidden, read, date, id) index: together, in
# the order every article list uses (COALESCE(published, first_seen) DESC, id DESC).
_NEWEST = (
    "SELECT COALESCE(published, first_seen), id FROM article INDEXED BY article_unread_dated"
    " WHERE hidden = 0 AND read = ? ORDER BY COALESCE(published, first_seen) DESC, id DESC"
    " LIMIT ?"
)


def whole_words(text: str) -> str | None:
    """The filter's words as an index query of whole words (each quoted: no user input
    is read as query syntax); None when there are none. The same words as the
    filter's own query, without its trailing ``*``: every match here matches there."""
    words = _WORD.findall(text)
    return " ".join(f'"{w}"' for w in words) if words else None


def newest_whole_word_ids(
    db: pw.SqliteDatabase, text: str, *, unread_only: bool, rows: int, probes: int = PROBES
) -> list[int]:
    """Up to ``rows`` ids of the newest articles holding every word of ``text`` whole,
    newest first, found among the newest ``probes`` articles; fewer (maybe none) when
    the words are rarer than that."""
    match = whole_words(text)
    if match is None or rows <= 0:
        return []
    con: sqlite3.Connection = db.connection()
    walks = [con.execute(_NEWEST, (0, probes))]
    if not unread_only:
        walks.append(con.execute(_NEWEST, (1, probes)))
    probe = con.cursor()
    found: list[int] = []
    try:
        for _when, article_id in _newest(walks, limit=probes):
            if probe.execute(_PROBE, (match, article_id)).fetchone() is not None:
                found.append(article_id)
                if len(found) >= rows:
                    break
    finally:  # statements let go now, not when the collector gets to them
        for cursor in (probe, *walks):
            cursor.close()
    return found


def _newest(walks: list[sqlite3.Cursor], *, limit: int) -> Iterator[tuple[int, int]]:
    """The unread walk, or both walks merged in list order, ``limit`` rows at most."""
    merged = heapq.merge(*walks, key=lambda row: (row[0] or 0, row[1]), reverse=True)
    return (row for _, row in zip(range(limit), merged, strict=False))
