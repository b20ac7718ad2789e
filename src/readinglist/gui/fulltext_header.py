"""``FullTextHeader``: the article header's link to the full text, and the fetch behind it.

For a feed that carries a teaser, the header offers "Summary only · Fetch full text";
when the feed is recognised as carrying only teasers and its policy is ``auto`` (the
default), opening an article fetches it by itself (once a session per article);
``never`` offers nothing.
the page is fetched on the background runner (never on the GUI thread) through
``Library.fetch_fulltext``, kept in the library, and the pane shows it from then on,
offline too: "Full text from the site · Show the feed's summary · Fetch again". Which
one the reader chose to see is remembered per article for the session. Never offered for
the offline sample library, whose example links lead nowhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtWidgets import QLabel

from readinglist.gui.background import BackgroundRunner
from readinglist.gui.safe_browser import is_web_url
from readinglist.model.changes import Changes
from readinglist.model.errors import ReadingListError
from readinglist.model.records import Article, ArticleContent
from readinglist.services.fulltext import opens_in_full

if TYPE_CHECKING:
    from readinglist.services.library import Library

FETCHING = "Summary only · Fetching the full text…"


class FullTextHeader(QObject):
    """Drives ``label`` (rich text of our own words only, never feed text)."""

    fetched = Signal(int, int)  # article id, the full text's words
    statusMessage = Signal(str)

    def __init__(
        self,
        label: QLabel,
        library: Library,
        runner: BackgroundRunner | None,
        *,
        shown: Callable[[], Article | None],
        refresh: Callable[[], None],
        publish: Callable[[Changes], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._label = label
        self._library = library
        self._runner = runner
        self._shown = shown
        self._refresh = refresh
        self._publish = publish
        self._fetching: set[int] = set()  # articles whose page is being fetched
        self._summary_for: set[int] = set()  # full text kept, the feed's summary asked for
        self._tried: set[int] = set()  # fetched by themselves once this session
        self._teaser_feeds: dict[int, bool] = {}  # feed id -> carries only teasers
        label.linkActivated.connect(self._on_link)

    def _policy(self, feed_id: int) -> str:
        try:
            return self._library.fulltext_policy(feed_id)
        except ReadingListError:
            return "ask"

    def _teasers(self, feed_id: int) -> bool:
        """Whether the feed carries only teasers (read once per feed and session: a
        feed does not change its habits between two articles)."""
        if feed_id not in self._teaser_feeds:
            self._teaser_feeds[feed_id] = self._library.carries_summaries_only(feed_id)
        return self._teaser_feeds[feed_id]

    def forget_feed(self, feed_id: int) -> None:
        """The feed's posts or policy changed (the pane passes on every change that
        names a feed): judge it again next time."""
        self._teaser_feeds.pop(feed_id, None)

    def wants_summary(self, article_id: int) -> bool:
        """The reader asked for the feed's summary instead of the fetched full text."""
        return article_id in self._summary_for

    def show(self, article: Article, content: ArticleContent, *, offline: bool) -> None:
        summary_only = not content.content_html and bool(article.link)
        if (
            not summary_only
            or self._runner is None
            or not is_web_url(QUrl(article.link or ""))
            or offline
        ):
            self._label.setText("")
            self._label.hide()
            return
        policy = self._policy(article.feed_id)
        if policy == "never" and not content.fulltext_html:
            self._label.setText("")
            self._label.hide()
            return
        if article.id not in self._tried and opens_in_full(
            article,
            content,
            offline=offline,
            policy=policy,
            teasers=lambda: self._teasers(article.feed_id),
        ):
            self._tried.add(article.id)  # once a session: a failure does not loop
            self._label.show()
            self.fetch()
            return
        if article.id in self._fetching:
            text = FETCHING
        elif content.fulltext_html and article.id in self._summary_for:
            text = "The feed's summary · <a href='fulltext'>Show the full text</a>"
        elif content.fulltext_html:
            text = (
                "Full text from the site · <a href='summary'>Show the feed's summary</a>"
                " · <a href='fetch'>Fetch again</a>"
            )
        else:
            text = "Summary only · <a href='fetch'>Fetch full text</a>"
        self._label.setText(text)
        self._label.show()

    def text(self) -> str:
        """The hint as shown (tags removed), '' when there is none."""
        return re.sub(r"<[^>]+>", "", self._label.text())

    def _on_link(self, href: str) -> None:
        if href in ("fetch", "fetch-length"):
            self.fetch()
        else:
            self.show_feed_summary(href == "summary")

    def show_feed_summary(self, summary: bool) -> None:
        """Show the feed's summary instead of the fetched full text (or back)."""
        article = self._shown()
        if article is None:
            return
        if summary:
            self._summary_for.add(article.id)
        else:
            self._summary_for.discard(article.id)
        self._refresh()

    def fetch(self) -> bool:
        """Fetch the shown article's page on the runner; False when there is nothing to do."""
        article = self._shown()
        if article is None or self._runner is None or article.id in self._fetching:
            return False
        article_id, library = article.id, self._library
        self._fetching.add(article_id)
        self._summary_for.discard(article_id)
        self._label.setText(FETCHING)
        self.statusMessage.emit("Fetching the full article…")
        ticket = self._runner.submit(
            lambda: library.fetch_fulltext(article_id, refresh=True),
            lambda got: self._done(article_id, got.words, got.changes),
            lambda exc: self._failed(article_id, exc),
        )
        if ticket == 0:  # the runner is shut down (quitting)
            self._fetching.discard(article_id)
            return False
        return True

    def _is_shown(self, article_id: int) -> bool:
        article = self._shown()
        return article is not None and article.id == article_id

    def _done(self, article_id: int, words: int, changes: Changes) -> None:
        self._fetching.discard(article_id)
        if self._is_shown(article_id):
            self._refresh()
        self.statusMessage.emit(f"The full article has {words:,} word{'s' if words != 1 else ''}")
        self._publish(changes)  # a refresh always fetched: the article is named
        self.fetched.emit(article_id, words)

    def _failed(self, article_id: int, exc: Exception) -> None:
        self._fetching.discard(article_id)
        if self._is_shown(article_id):
            self._refresh()
        reason = str(exc) if isinstance(exc, ReadingListError) else f"unexpected error ({exc})"
        self.statusMessage.emit(f"Could not fetch the full article: {reason}")
