"""Where a filter's words are in each found article: one short, marked excerpt per row.

The filter's result list shows the matching words in context. The excerpt is cut from
the text the full-text index was fed (title, summary or content text, note), kept in
``search_text`` and read by id, a plain b-tree lookup (see ``search_index``); the
cutting is ``readinglist.model.snippets``' (see there why not FTS5's ``snippet()``).
"""

from __future__ import annotations

from collections.abc import Sequence

import peewee as pw

from readinglist.model.snippets import Segment, excerpt, highlight, match_pattern, opening
from readinglist.storage import search_index


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
        for rowid, (title, body, note) in search_index.indexed(self.db, article_ids).items():
            cut = excerpt(body, pattern)
            if not cut and note and (cut := excerpt(note, pattern)):
                cut = f"Note: {cut}"
            cut = cut or excerpt(title, pattern) or opening(body)
            out[rowid] = highlight(cut, pattern)
        return out
