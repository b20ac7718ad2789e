"""Where a filter's words are in each found article: one short, marked excerpt per row.

The filter's result list shows the matching words in context. The excerpt is cut from
the text the full-text index holds (title, summary or content text, note), read by
rowid, which is a plain b-tree lookup; the cutting is ``readinglist.model.snippets``' (see
there why not FTS5's ``snippet()``).
"""

from __future__ import annotations

from collections.abc import Sequence

import peewee as pw

from readinglist.model.snippets import Segment, excerpt, highlight, match_pattern, opening

_CHUNK = 400


class ExcerptStore:
    db: pw.SqliteDatabase

    def match_excerpts(
        self, article_ids: Sequence[int], text: str
    ) -> dict[int, tuple[Segment, ...]]:
        """For each id: the words of ``text`` in context, as (piece, is_match) segments.

        Taken from the article's text, else its note ("Note: …"), else its title; when
        none shows the words as typed (the search also folds diacritics), the text's
        opening words, unmarked. Ids without indexed text are left out.
        """
        pattern = match_pattern(text)
        out: dict[int, tuple[Segment, ...]] = {}
        ids = list(article_ids)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute_sql(
                f"SELECT rowid, title, body, note FROM article_fts WHERE rowid IN ({marks})",
                chunk,
            ).fetchall()
            for rowid, title, body, note in rows:
                cut = excerpt(body or "", pattern)
                if not cut and note and (cut := excerpt(note, pattern)):
                    cut = f"Note: {cut}"
                cut = cut or excerpt(title or "", pattern) or opening(body or "")
                out[int(rowid)] = highlight(cut, pattern)
        return out
