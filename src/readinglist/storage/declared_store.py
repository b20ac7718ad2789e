"""The series articles' pages declare (``declared_series``): kept, and read back per feed
for series grouping, which ranks them above its own guesses."""

from __future__ import annotations

import json

import peewee as pw

from readinglist.model.records import DeclaredSeries
from readinglist.storage.feed_store import utcnow
from readinglist.storage.schema import ArticleRow, DeclaredSeriesRow


class DeclaredStore:
    db: pw.SqliteDatabase

    def set_declared_series(self, article_id: int, declared: DeclaredSeries | None) -> None:
        """What the article's page declared when it was last fetched (None: nothing)."""
        with self.db.atomic():
            DeclaredSeriesRow.delete().where(DeclaredSeriesRow.article == article_id).execute()
            if declared is not None:
                DeclaredSeriesRow.create(
                    article=article_id,
                    name=declared.name,
                    position=declared.position,
                    total=declared.total,
                    members=json.dumps(list(declared.members)),
                    source=declared.source,
                    fetched=utcnow(),
                )

    def feed_declarations(self, feed_id: int) -> dict[str, DeclaredSeries]:
        """Article link → what its page declared, for one feed's articles."""
        rows = (
            DeclaredSeriesRow.select(
                ArticleRow.link,
                DeclaredSeriesRow.name,
                DeclaredSeriesRow.position,
                DeclaredSeriesRow.total,
                DeclaredSeriesRow.members,
                DeclaredSeriesRow.source,
            )
            .join(ArticleRow)
            .where((ArticleRow.feed == feed_id) & ArticleRow.link.is_null(False))
            .tuples()
        )
        out: dict[str, DeclaredSeries] = {}
        for link, name, position, total, members, source in rows:
            try:
                listed = tuple(m for m in json.loads(members) if isinstance(m, str))
            except ValueError:
                listed = ()
            out[link] = DeclaredSeries(name, position, total, listed, source)
        return out
