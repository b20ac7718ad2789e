"""Highlight verbs: the passages a reader marked, and their anchors.

Highlights are user-owned (see the design notes): only the reader's verbs create,
annotate or delete them. A changed text re-anchors them (``update_anchors``) and one
whose quote is gone is marked orphaned, never removed. Their quotes and comments are
searchable: they live in the ``note`` column of the article's full-text row beside the
article's own note (``_refresh_fts_note``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import peewee as pw

from readinglist.model.errors import HighlightNotFoundError
from readinglist.model.records import Highlight
from readinglist.storage import search_index
from readinglist.storage.chunks import chunks
from readinglist.storage.feed_store import utcnow
from readinglist.storage.schema import ArticleRow, HighlightRow


@dataclass(frozen=True, slots=True)
class Anchored:
    """Where a highlight sits now (``orphaned``: its quote is gone; position kept)."""

    highlight_id: int
    prefix: str
    suffix: str
    start: int
    end: int
    orphaned: bool


def _highlight(row: tuple[Any, ...]) -> Highlight:
    hid, article_id, quote, prefix, suffix, start, end, note, created, orphaned = row
    assert isinstance(created, datetime)
    return Highlight(
        id=int(hid),
        article_id=int(article_id),
        quote=str(quote),
        prefix=str(prefix),
        suffix=str(suffix),
        start=int(start),
        end=int(end),
        note=None if note is None else str(note),
        created=created,
        orphaned=bool(orphaned),
    )


_COLUMNS = (
    HighlightRow.id,
    HighlightRow.article,
    HighlightRow.quote,
    HighlightRow.prefix,
    HighlightRow.suffix,
    HighlightRow.start,
    HighlightRow.end,
    HighlightRow.note,
    HighlightRow.created,
    HighlightRow.orphaned,
)


class HighlightStore:
    db: pw.SqliteDatabase
    _require: Callable[[Sequence[int]], list[int]]  # ArticleStore's: unknown ids raise

    def add_highlight(
        self,
        article_id: int,
        *,
        quote: str,
        prefix: str,
        suffix: str,
        start: int,
        end: int,
        note: str | None = None,
    ) -> Highlight:
        """Store a highlight already anchored by the caller; durable when this returns."""
        self._require([article_id])
        with self.db.atomic():
            hid = HighlightRow.insert(
                article=article_id,
                quote=quote,
                prefix=prefix,
                suffix=suffix,
                start=start,
                end=end,
                note=_clean(note),
                created=utcnow(),
            ).execute()
            refresh_fts_note(self.db, [article_id])
        return self.get_highlight(int(hid))

    def get_highlight(self, highlight_id: int) -> Highlight:
        row = HighlightRow.select(*_COLUMNS).where(HighlightRow.id == highlight_id).tuples().first()
        if row is None:
            raise HighlightNotFoundError(f"no highlight with id {highlight_id}")
        return _highlight(row)

    def list_highlights(self, article_ids: Iterable[int] | None = None) -> list[Highlight]:
        """Highlights in reading order (article, then position in its text); all of
        them when ``article_ids`` is None."""
        query = HighlightRow.select(*_COLUMNS)
        if article_ids is None:
            rows = list(query.order_by(HighlightRow.article, HighlightRow.start).tuples())
            return [_highlight(r) for r in rows]
        out: list[Highlight] = []
        for chunk in chunks(list(dict.fromkeys(article_ids))):
            out.extend(
                _highlight(r) for r in query.where(HighlightRow.article.in_(list(chunk))).tuples()
            )
        return sorted(out, key=lambda h: (h.article_id, h.start, h.id))

    def highlighted_article_ids(self, article_ids: Sequence[int]) -> set[int]:
        """Which of ``article_ids`` carry at least one highlight."""
        found: set[int] = set()
        for chunk in chunks(list(dict.fromkeys(article_ids))):
            found.update(
                int(a)
                for (a,) in HighlightRow.select(HighlightRow.article)
                .where(HighlightRow.article.in_(list(chunk)))
                .distinct()
                .tuples()
            )
        return found

    def set_highlight_note(self, highlight_id: int, note: str | None) -> Highlight:
        """The reader's comment on a highlight (empty text removes it)."""
        highlight = self.get_highlight(highlight_id)
        with self.db.atomic():
            HighlightRow.update(note=_clean(note)).where(HighlightRow.id == highlight_id).execute()
            refresh_fts_note(self.db, [highlight.article_id])
        return self.get_highlight(highlight_id)

    def remove_highlight(self, highlight_id: int) -> Highlight:
        """Delete one highlight (the reader's verb); returns what was removed."""
        highlight = self.get_highlight(highlight_id)
        with self.db.atomic():
            HighlightRow.delete().where(HighlightRow.id == highlight_id).execute()
            refresh_fts_note(self.db, [highlight.article_id])
        return highlight

    def update_anchors(self, anchors: Sequence[Anchored]) -> None:
        """Record where highlights sit in a changed text. Quote and note are the reader's
        and stay as they are; an orphaned highlight keeps its last position."""
        with self.db.atomic():
            for a in anchors:
                if a.orphaned:
                    HighlightRow.update(orphaned=True).where(
                        HighlightRow.id == a.highlight_id
                    ).execute()
                else:
                    HighlightRow.update(
                        prefix=a.prefix, suffix=a.suffix, start=a.start, end=a.end, orphaned=False
                    ).where(HighlightRow.id == a.highlight_id).execute()


def refresh_fts_note(db: pw.SqliteDatabase, article_ids: Sequence[int]) -> None:
    """The searchable ``note`` of each article: its note, then every highlight's quote
    and comment, so ``list --search`` finds an article by what was highlighted."""
    for chunk in chunks(list(dict.fromkeys(article_ids))):
        notes = dict(
            ArticleRow.select(ArticleRow.id, ArticleRow.note)
            .where(ArticleRow.id.in_(list(chunk)))
            .tuples()
        )
        marked: dict[int, list[str]] = {}
        for article_id, quote, note in (
            HighlightRow.select(HighlightRow.article, HighlightRow.quote, HighlightRow.note)
            .where(HighlightRow.article.in_(list(chunk)))
            .order_by(HighlightRow.start)
            .tuples()
        ):
            marked.setdefault(int(article_id), []).extend(t for t in (quote, note) if t)
        search_index.set_notes(
            db,
            {
                int(article_id): "\n".join([note or "", *marked.get(int(article_id), [])]).strip()
                for article_id, note in notes.items()
            },
        )


def _clean(note: str | None) -> str | None:
    return note.strip() if note and note.strip() else None
