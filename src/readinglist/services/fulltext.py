"""The full text of an article, read from its own page: fetched only on the reader's
behalf, kept so it reads offline, never written by a sync.

Why its own module: this is the one kind of column that is neither the feed's nor the
reader's (see the design notes, *Data ownership*): fetched when the reader asks,
directly (``fetch_fulltext``, ``keep_offline``) or through a feed's policy. The policy
is the reader's, per feed: ``auto`` (the default: a feed recognised as carrying only
teasers has its articles' full text fetched when they are opened), ``ask`` (only on
request) or ``never`` (not offered; an explicit request still fetches).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from readinglist.model.changes import Changes
from readinglist.model.errors import PageTextError, ReadingListError, UnsupportedURLError
from readinglist.model.query import ArticleQuery
from readinglist.model.records import Article, ArticleContent, FetchResult
from readinglist.services.reads import LibraryReads
from readinglist.services.results import FullText

if TYPE_CHECKING:
    from readinglist.feeds.fetch import Fetcher

#: Content types an article's page is read from (a missing type is given the benefit).
_PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})

#: When a feed's full texts are fetched (see the module notes).
FULLTEXT_POLICIES = ("auto", "ask", "never")


def opens_in_full(
    article: Article,
    content: ArticleContent,
    *,
    offline: bool,
    policy: str,
    teasers: Callable[[], bool],
) -> bool:
    """The one rule for fetching the full text by itself when an article is opened:
    its feed's policy is ``auto`` and the feed carries only teasers (``teasers``, asked
    last: it reads the feed's newest posts), the article has only a summary and no full
    text yet, and a web page of its own (never the offline sample library's)."""
    if policy != "auto" or offline or content.fulltext_html or content.content_html:
        return False
    link = (article.link or "").strip()
    if urlsplit(link).scheme.lower() not in ("http", "https"):
        return False
    return teasers()


@dataclass(frozen=True, slots=True)
class OfflineReport:
    """``keep_offline``: what was fetched now, what was already kept, what failed."""

    fetched: tuple[int, ...]
    already: tuple[int, ...]
    failed: tuple[tuple[int, str], ...]  # (article id, the reason)
    changes: Changes


class FullTextVerbs(LibraryReads):
    """Fetching and keeping full texts, and the per-feed policy."""

    def page_fetcher(self) -> Fetcher:
        """The fetcher pages are read with (``Library`` gives its own)."""
        raise NotImplementedError

    def _fetch_page(self, article_id: int, cancel: threading.Event | None) -> FetchResult:
        """The article's own web page, under the feed fetch rules (caps, deadline, http or
        https only, no redirect to another site). Refuses before any request what has no
        page: the offline sample library, an article without an http(s) link."""
        article = self.store.get_article(article_id)
        if self.store.get_feed(article.feed_id).offline:
            raise PageTextError(
                "the sample library is offline: its articles have no page on the web"
            )
        if not article.link:
            raise PageTextError(f"article {article_id} has no web address to fetch")
        parts = urlsplit(article.link.strip())
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            raise UnsupportedURLError(
                f"the article's address is not an http or https address: {article.link!r}"
            )
        result = self.page_fetcher().fetch(article.link.strip(), same_host=True, cancel=cancel)
        mime = (result.content_type or "").split(";", 1)[0].strip().lower()
        if mime and mime not in _PAGE_TYPES:
            raise PageTextError(f"{result.final_url} is not a web page ({mime})")
        return result

    def fetch_page_length(self, article_id: int, *, cancel: threading.Event | None = None) -> int:
        """Fetch the article's full text from its page and return its word count (the
        article's reading length from then on). Kept for ``fetch-length``; the same as
        ``fetch_fulltext(refresh=True).words``."""
        return self.fetch_fulltext(article_id, refresh=True, cancel=cancel).words

    def fetch_fulltext(
        self, article_id: int, *, refresh: bool = False, cancel: threading.Event | None = None
    ) -> FullText:
        """The article's text read from its own page, stored so it reads offline.

        For feeds that carry a teaser. Fetched only on the user's behalf, never by a sync;
        an article that has one is not fetched again unless ``refresh``. The page's main
        part is sanitized like feed content; its words become the reading length; the
        article's highlights are anchored again in the new text. Raises
        ``ArticleNotFoundError`` for an unknown id, else a ``FeedError`` subclass with a
        readable message, and stores nothing then.
        """
        from readinglist.feeds.sanitize import sanitize_html, word_count
        from readinglist.feeds.site.text import main_html
        from readinglist.services.highlights import reanchor

        stored = None if refresh else self.store.fulltext_words(article_id)
        if stored is not None:
            return FullText(stored, False, Changes())
        result = self._fetch_page(article_id, cancel)
        html = sanitize_html(main_html(result.content or b"", result.final_url), result.final_url)
        words = word_count(html)
        if words <= 0:
            raise PageTextError(f"no article text was found on {result.final_url}")
        self.store.set_fulltext(
            article_id,
            html,
            words=words,
            source_url=result.final_url,
            # the page is read for its date only when the feed gave the post none
            published=None if self.store.get_article(article_id).published else _page_date(result),
        )
        reanchor(self.store, [article_id])
        return FullText(words, True, self._take_declared_series(article_id, result))

    def _take_declared_series(self, article_id: int, page: FetchResult) -> Changes:
        """What the page declares about its series is kept, and the feed is grouped
        again at once when it declares one: declared evidence outranks our guesses.
        The changes name the article, and the feed (its branch is re-listed) when its
        grouping changed."""
        from readinglist.feeds.site.declared import parse_declared_series
        from readinglist.services.sync import regroup_feed

        declared = parse_declared_series(page.content or b"", page.final_url)
        if declared is not None and declared.names_only:
            # a badge link (or page data without an order) names the series and no
            # place: what the site's list or a box said of this post before says more
            article = self.store.get_article(article_id)
            kept = self.store.feed_declarations(article.feed_id).get(article.link or "")
            if kept is not None and not kept.names_only:
                return self.touched([article_id])
        self.store.set_declared_series(article_id, declared)
        if declared is None:
            return self.touched([article_id])
        feed_id = self.store.get_article(article_id).feed_id
        _feeds, before = self.store.feeds_and_series_of([article_id])
        moved = regroup_feed(self.store, feed_id)
        if not moved:
            return self.touched([article_id])
        return self.touched([article_id, *moved], series=before, feeds=[feed_id])

    # --- the policy, per feed ------------------------------------------------------

    def fulltext_policy(self, feed_id: int) -> str:
        """ "auto", "ask" or "never" (see the module notes)."""
        return self.store.fulltext_policy(feed_id)

    def set_fulltext_policy(self, feed_id: int, policy: str) -> Changes:
        if policy not in FULLTEXT_POLICIES:
            raise ValueError(f"a full-text policy is one of {', '.join(FULLTEXT_POLICIES)}")
        self.store.set_fulltext_policy(feed_id, policy)
        return Changes.of(feeds=[feed_id])

    def carries_summaries_only(self, feed_id: int) -> bool:
        """Whether the feed gives teasers rather than articles (its newest posts)."""
        return self.store.carries_summaries_only(feed_id)

    def wants_fulltext(self, article_id: int) -> bool:
        """Whether opening this article should fetch its full text by itself
        (``opens_in_full``, with what the library knows of it and its feed)."""
        article = self.store.get_article(article_id)
        feed_id = article.feed_id
        return opens_in_full(
            article,
            self.store.get_content(article_id),
            offline=self.store.get_feed(feed_id).offline,
            policy=self.fulltext_policy(feed_id),
            teasers=lambda: self.carries_summaries_only(feed_id),
        )

    def keep_offline(
        self,
        *,
        feed_id: int | None = None,
        series_id: int | None = None,
        cancel: threading.Event | None = None,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> OfflineReport:
        """Fetch ahead the full text of every teaser article of a feed or a series (an
        article whose feed gives its content needs none), so it all reads offline.
        One page at a time, under the feed rules; a failure is recorded and the rest
        go on. ``on_progress(done, total)`` after each article."""
        if (feed_id is None) == (series_id is None):
            raise ValueError("keep_offline wants a feed or a series")
        if feed_id is not None:
            self.store.get_feed(feed_id)
        else:
            assert series_id is not None
            self.store.get_series(series_id)
        query = ArticleQuery(feed_id=feed_id, series_id=series_id, order="part")
        articles = [a for a in self.store.list_articles(query) if a.link]
        fetched: list[int] = []
        already: list[int] = []
        failed: list[tuple[int, str]] = []
        for done, article in enumerate(articles, 1):
            if cancel is not None and cancel.is_set():
                break
            content = self.store.get_content(article.id)
            if content.fulltext_html or content.content_html:
                already.append(article.id)
            else:
                try:
                    self.fetch_fulltext(article.id, cancel=cancel)
                    fetched.append(article.id)
                except ReadingListError as exc:
                    failed.append((article.id, str(exc)))
            if on_progress is not None:
                on_progress(done, len(articles))
        changes = self.touched(fetched) if fetched else Changes()
        return OfflineReport(tuple(fetched), tuple(already), tuple(failed), changes)


def _page_date(page: FetchResult) -> datetime | None:
    """The publication date the article's page declares (``feeds.site.page_date``): it
    dates an article whose feed gave none, so it sorts where it was written."""
    from readinglist.feeds.site.links import parse_page

    declared = parse_page(page.content or b"", page.final_url).published
    if declared is None:
        return None
    try:
        return datetime.fromisoformat(declared)
    except ValueError:
        return None
