"""The plain reads of ``Library``: what the faces may ask of the library without changing it.

Why a separate module: the faces (window and CLI) talk only to ``Library``, never to
``storage/`` (lemon24/reader keeps its ``_storage`` behind ``Reader`` the same way), so
every read they need has a ``Library`` method. These are one-line delegations with the
store's own names and signatures; keeping them here leaves ``library.py`` to the verbs
that do real work (subscribe, sync, backfill, page fetches).

``LibraryReads`` is also the base of the verb mixins (``reading``, ``series_edits``):
it declares the one attribute they share, ``store``, and ``touched``, which turns the
ids a write touched into the ``Changes`` value it returns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from readinglist.model.changes import Changes
from readinglist.model.query import ArticleQuery
from readinglist.model.records import Article, ArticleContent, Feed, Series

if TYPE_CHECKING:
    from readinglist.model.snippets import Segment
    from readinglist.storage.store import Store


class LibraryReads:
    """Reads delegated to the store, plus the ``Changes`` helper the verbs share."""

    store: Store

    def touched(
        self,
        article_ids: Iterable[int] = (),
        *,
        series: Iterable[int] = (),
        feeds: Iterable[int] = (),
        feed_list: bool = False,
    ) -> Changes:
        """``Changes`` naming ``article_ids`` with the feeds and series they are in now
        (one query), plus any ``series``/``feeds`` the caller already knows it touched."""
        ids = list(dict.fromkeys(article_ids))
        their_feeds, their_series = self.store.feeds_and_series_of(ids) if ids else (set(), set())
        return Changes.of(
            feeds=their_feeds | set(feeds),
            series=their_series | set(series),
            articles=ids,
            feed_list=feed_list,
        )

    # --- feeds -------------------------------------------------------------------------

    def get_feed(self, feed_id: int) -> Feed:
        """One feed with its counts; ``FeedNotFoundError`` for an unknown id."""
        return self.store.get_feed(feed_id)

    def find_feed(self, url: str) -> Feed | None:
        """The feed stored under exactly ``url``, if any."""
        return self.store.find_feed(url)

    def list_feeds(self, *, include_unsubscribed: bool = False) -> list[Feed]:
        """Every subscribed feed (and the unsubscribed ones kept for their notes, if asked)."""
        return self.store.list_feeds(include_unsubscribed=include_unsubscribed)

    # --- series ------------------------------------------------------------------------

    def get_series(self, series_id: int) -> Series:
        """One series with progress and gaps (a merged id resolves to its target)."""
        return self.store.get_series(series_id)

    def list_series(
        self, *, feed_id: int | None = None, series_ids: Sequence[int] | None = None
    ) -> list[Series]:
        """Series with progress and gaps, of one feed, of some ids, or all."""
        return self.store.list_series(feed_id=feed_id, series_ids=series_ids)

    def followed_series(self) -> list[Series]:
        """Followed series, the one with the newest article first."""
        return self.store.followed_series()

    def continue_reading(self, limit: int = 200) -> list[Article]:
        """The next unread part of every series in progress, most recent activity first."""
        return self.store.continue_reading(limit)

    def articles_in_followed_series(self, article_ids: Sequence[int]) -> list[Article]:
        """Those of ``article_ids`` that belong to a followed series."""
        return self.store.articles_in_followed_series(article_ids)

    def series_member_parts(self, series_id: int) -> list[tuple[int, int | None, int | None]]:
        """(article id, part, last part it covers) of a series' visible articles in part
        order (three columns)."""
        return self.store.series_member_parts(series_id)

    def series_kind(self, series_id: int) -> str:
        """ "multipart", or "recurring" for a column (one row read)."""
        return self.store.series_kind(series_id)

    # --- articles ----------------------------------------------------------------------

    def get_article(self, article_id: int) -> Article:
        """One article; ``ArticleNotFoundError`` for an unknown id."""
        return self.store.get_article(article_id)

    def get_content(self, article_id: int) -> ArticleContent:
        """An article's stored HTML (summary and content)."""
        return self.store.get_content(article_id)

    def list_articles(self, query: ArticleQuery | None = None) -> list[Article]:
        """Articles matching ``query`` (all visible articles when None)."""
        return self.store.list_articles(query)

    def first_matches(self, query: ArticleQuery) -> list[Article]:
        """A first screen of a filter search, fast however common its words; the full
        ``list_articles`` answer replaces it (see ``storage.first_matches``)."""
        return self.store.first_matches(query)

    def abandon_when(self, stale: Callable[[], bool]) -> AbstractContextManager[None]:
        """Reads in the block stop (``QueryAbandoned``) once ``stale()`` is true."""
        return self.store.abandon_when(stale)

    def count_articles(self, query: ArticleQuery) -> int:
        """How many articles ``list_articles(query)`` would list without its limit."""
        return self.store.count_articles(query)

    def get_note(self, article_id: int) -> str | None:
        """An article's note, or None."""
        return self.store.get_note(article_id)

    def page_word_count(self, article_id: int) -> int | None:
        """Words counted on the article's own page when the user fetched it, else None."""
        return self.store.page_word_count(article_id)

    def match_excerpts(
        self, article_ids: Sequence[int], text: str
    ) -> dict[int, tuple[Segment, ...]]:
        """For each id, the words of a search ``text`` in context (see ``ExcerptStore``)."""
        return self.store.match_excerpts(article_ids, text)

    # --- the connection of the calling thread ------------------------------------------

    def release_cache(self) -> None:
        """Give back this thread's page cache after a one-off big read."""
        self.store.release_cache()

    def checkpoint(self) -> None:
        """Fold the write-ahead log back into the library file (on quit, after big syncs)."""
        self.store.checkpoint()

    def close_thread_connection(self) -> None:
        """Close the calling thread's connection: the finalizer of a worker thread.

        ``Library.close`` ends the whole library; this ends one thread's share of it.
        """
        self.store.close()
