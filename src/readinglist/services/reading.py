"""The reader's own marks on articles: read, starred, notes, the page's length.

Why its own module: these are the user-owned columns (see the design notes), written
only on the user's request and never by a sync. Every verb returns ``Changes``: the
articles whose state really changed, with their feeds and series, so the window redraws
just those rows and the CLI can count them (``len(changes.articles)``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from readinglist.model.changes import Changes
from readinglist.model.query import ArticleQuery
from readinglist.services.reads import LibraryReads


class ReadingVerbs(LibraryReads):
    """Read/unread, stars, notes and page word counts, each returning ``Changes``."""

    def mark_read(self, article_ids: Sequence[int], read: bool = True) -> Changes:
        """Mark articles read (or unread). ``changes.articles`` holds those that were
        not already so; its length is the count the store used to return. Unknown ids
        raise ``ArticleNotFoundError`` and nothing changes."""
        return self.store.mark_read_changes(article_ids, read)

    def mark_read_where(
        self,
        *,
        feed_id: int | None = None,
        series_id: int | None = None,
        before: datetime | None = None,
        read: bool = True,
    ) -> Changes:
        """Bulk marking (a feed, a series, everything before a date; filters combine).

        ``len(changes.articles)`` is how many changed."""
        with self.store.transaction():
            ids = self.store.mark_read_where(
                feed_id=feed_id, series_id=series_id, before=before, read=read
            )
            self.store.record_marks(_bulk_label(feed_id, series_id, before, read), ids, read)
        return self.touched(ids)

    def mark_standalone_read(self, feed_id: int, read: bool = True) -> Changes:
        """Mark every standalone article of a feed (in no series) read, or unread.

        The window's "Mark standalone posts read" did this in two steps of its own;
        now the CLI can too (``mark-read --feed ID --standalone``). An unknown feed
        has no standalone articles: nothing changes."""
        ids = [
            a.id
            for a in self.store.list_articles(ArticleQuery(feed_id=feed_id, standalone_only=True))
        ]
        if not ids:
            return Changes()
        with self.store.transaction():
            changes = self.mark_read(ids, read)
            label = "Mark standalone posts read" if read else "Mark standalone posts unread"
            self.store.record_marks(label, changes.articles, read)
        return changes

    def set_starred(self, article_ids: Sequence[int], starred: bool = True) -> Changes:
        """Star (or unstar); ``changes.articles`` holds those whose star changed."""
        return self.store.set_starred_changes(article_ids, starred)

    def set_note(self, article_id: int, text: str | None) -> Changes:
        """Save an article's note (empty text removes it); durable when this returns.

        Reports the article (and its feed and series) even when the text is unchanged:
        the store does not compare, and a redraw of one row is cheap."""
        self.store.set_note(article_id, text)
        return self.touched([article_id])

    def set_page_word_count(self, article_id: int, n: int | None) -> Changes:
        """Record the words on the article's own page (None forgets them). Its series'
        time left changes with it, so the series is reported too."""
        self.store.set_page_word_count(article_id, n)
        return self.touched([article_id])


def _bulk_label(
    feed_id: int | None, series_id: int | None, before: datetime | None, read: bool
) -> str:
    """What Edit ▸ Undo names a bulk mark by: "Mark series read", "Mark all unread"."""
    what = "series" if series_id is not None else "feed" if feed_id is not None else "all"
    when = f" before {before:%Y-%m-%d}" if before is not None else ""
    return f"Mark {what} {'read' if read else 'unread'}{when}"
