"""``Pages``: the right side — a stack of (article page | series page | empty state).

The article and series pages are built on first use (or right after the first paint:
the first paint needs only the tree and the empty state); ``build`` is handed in by
the window, which wires them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QStackedWidget, QWidget

from readinglist.gui.empty_state import EmptyState

if TYPE_CHECKING:
    from readinglist.gui.article_view import ArticlePane
    from readinglist.gui.series_pane import SeriesPane


class Pages:
    """What the right side shows; the two pages come from ``build`` when first needed."""

    def __init__(self, build: Callable[[], tuple[ArticlePane, SeriesPane]]) -> None:
        self._build = build
        self._article_pane: ArticlePane | None = None
        self._series_pane: SeriesPane | None = None
        self.empty_state = EmptyState()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_state)

    def build(self) -> None:
        """Build the two pages (idempotent); the current page stays current."""
        if self._article_pane is not None:
            return
        article, series = self._build()
        self._article_pane, self._series_pane = article, series
        self.stack.insertWidget(0, article)
        self.stack.insertWidget(1, series)

    @property
    def article_pane(self) -> ArticlePane:
        self.build()
        assert self._article_pane is not None
        return self._article_pane

    @property
    def series_pane(self) -> SeriesPane:
        self.build()
        assert self._series_pane is not None
        return self._series_pane

    def current(self) -> QWidget:
        return self.stack.currentWidget()

    def showing_article(self) -> bool:
        return self._article_pane is not None and self.current() is self._article_pane

    def showing_series(self) -> bool:
        return self._series_pane is not None and self.current() is self._series_pane

    def showing_empty(self) -> bool:
        return self.current() is self.empty_state

    def article_open(self) -> int | None:
        """The id of the article shown, or None when another page is up."""
        if not self.showing_article():
            return None
        return self.article_pane.current_article_id()

    def show_article(self, article_id: int) -> None:
        pane = self.article_pane
        if not self.showing_article() or pane.current_article_id() != article_id:
            pane.show_article(article_id)  # the same article again keeps its scroll position
        self.stack.setCurrentWidget(pane)

    def show_series(self, series_id: int) -> None:
        self.series_pane.show_series(series_id)
        self.stack.setCurrentWidget(self.series_pane)

    def show_hint(self, title: str, text: str | None = None) -> None:
        if self._article_pane is not None:
            self._article_pane.clear()
        self.empty_state.show_hint(title, text) if text else self.empty_state.show_hint(title)
        self.stack.setCurrentWidget(self.empty_state)

    def show_first_run(self) -> None:
        if self._article_pane is not None:
            self._article_pane.clear()
        self.empty_state.show_first_run()
        self.stack.setCurrentWidget(self.empty_state)

    def flush_notes(self) -> None:
        """Save the notes being typed on either page."""
        if self._article_pane is not None:
            self._article_pane.flush_note()
        if self._series_pane is not None:
            self._series_pane.flush_note()
