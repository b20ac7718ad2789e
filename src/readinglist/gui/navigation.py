"""``Navigator``: the left side — the filter, its results, and moving between articles.

It owns what the keys j/k/n/p, / and Esc do and the filter search (run on the reads
lane, latest wins, the count of a cut list once typing pauses). It is handed the
widgets it drives and a few callbacks; it knows nothing of the window's class.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QListView, QStackedWidget

from readinglist.gui.filter_bar import FilterBar, ResultsModel, results_summary
from readinglist.gui.tree_model import TreeModel
from readinglist.model.query import ArticleQuery

if TYPE_CHECKING:
    from readinglist.gui.background import BackgroundRunner
    from readinglist.gui.series_tree import SeriesTree
    from readinglist.model.records import Article
    from readinglist.services.library import Library

T = TypeVar("T")

SEARCH_LIMIT = 500
FIRST_ROWS = 40  # a screen of results, shown before the full list when that is slower
COUNT_DELAY_MS = 300  # a cut filter list is counted once the typing pauses


class Navigator:
    """The tree, the filter box and its results: which list is shown, and stepping."""

    def __init__(
        self,
        *,
        tree: SeriesTree,
        model: TreeModel,
        filter_bar: FilterBar,
        results: QListView,
        results_model: ResultsModel,
        left_stack: QStackedWidget,
        status: Callable[[str], None],
        clear_status: Callable[[], None],
        show_article: Callable[[int], None],  # select it in the tree (or just show it)
        article_open: Callable[[], int | None],  # the article shown on the right
        set_unread_checked: Callable[[bool], None],  # the menu's "Unread only" tick
    ) -> None:
        self.tree, self.model, self.filter_bar = tree, model, filter_bar
        self.results, self.results_model, self.left_stack = results, results_model, left_stack
        self._status, self._clear_status = status, clear_status
        self._show_article, self._article_open = show_article, article_open
        self._set_unread_checked = set_unread_checked
        self._library: Library | None = None
        self._reads: BackgroundRunner | None = None
        self._counts: BackgroundRunner | None = None
        self._closed = False
        self._full_list_shown = False  # of the newest search: a first screen is too late

    def attach(
        self, library: Library, reads: BackgroundRunner, counts: BackgroundRunner | None = None
    ) -> None:
        """``counts``: the lane for counting every match (``reads`` when None)."""
        self._library, self._reads, self._counts = library, reads, counts or reads
        self.filter_bar.searchChanged.connect(self.search)
        self.filter_bar.unreadOnlyChanged.connect(self.set_unread_only)
        if self.filter_bar.text():  # typed before the library was there
            self.search(self.filter_bar.text())

    def close(self) -> None:
        self._closed = True

    def filtering(self) -> bool:
        return self.left_stack.currentWidget() is self.results

    def _step(self, *, forward: bool, unread: bool) -> None:
        if self.filtering():
            self._step_results(forward=forward, unread=unread)
        elif not self.tree.select_next(forward=forward, unread=unread):
            what = "unread article" if unread else "article"
            self._status(f"No {'next' if forward else 'previous'} {what}.")

    def _step_results(self, *, forward: bool, unread: bool) -> None:
        articles = self.results_model.articles
        row = self.results.currentIndex().row()
        rows = range(row + 1, len(articles)) if forward else range(row - 1, -1, -1)
        if row < 0:
            rows = range(len(articles)) if forward else range(len(articles) - 1, -1, -1)
        for r in rows:
            if not unread or not articles[r].read:
                self.results.setCurrentIndex(self.results_model.index(r))
                return
        self._status("No more matching articles.")

    def next_article(self) -> None:
        self._step(forward=True, unread=False)

    def previous_article(self) -> None:
        self._step(forward=False, unread=False)

    def next_unread(self) -> None:
        if not self._step_in_series(forward=True):
            self._step(forward=True, unread=True)

    def previous_unread(self) -> None:
        if not self._step_in_series(forward=False):
            self._step(forward=False, unread=True)

    def _step_in_series(self, *, forward: bool) -> bool:
        """n/p on a part of a series: its next (previous) unread part in part order.

        From a flat list (All unread, Continue reading …) this is what a reader wants:
        the next part, not the next post by date. False when the series has no unread
        part after (before) this one: then n/p walk the tree as usual.
        """
        if self.filtering() or self._library is None:
            return False
        node = self.tree.selected_node()
        if node is None or node.article is None or node.article.series_id is None:
            return False
        current = node.article
        parts = self._library.list_articles(ArticleQuery(series_id=current.series_id, order="part"))
        ids = [a.id for a in parts]
        if current.id not in ids:
            return False
        at = ids.index(current.id)
        candidates = parts[at + 1 :] if forward else list(reversed(parts[:at]))
        target = next((a for a in candidates if not a.read), None)
        if target is None:
            return False
        parent = node.parent
        for sibling in parent.children if parent is not None else ():
            if sibling.article is not None and sibling.article.id == target.id:
                return self.tree.select_node(sibling)
        self._show_article(target.id)
        return True

    def focus_filter(self) -> None:
        self.filter_bar.focus_filter()

    def focus_tree(self) -> None:
        """Esc: back to the list on the left (the filter results while filtering). From
        the filter box or its results, Esc clears the filter: the tree comes back as it
        was, with the article open on the right selected in it."""
        if self.filter_bar.text() and QApplication.focusWidget() in (
            self.filter_bar.edit,
            self.results,
        ):
            self.filter_bar.clear()
        (self.results if self.filtering() else self.tree).setFocus()

    def toggle_unread_only(self) -> None:
        box = self.filter_bar.unread_only
        box.setChecked(not box.isChecked())

    # --- the filter ----------------------------------------------------------------------

    def set_unread_only(self, on: bool) -> None:
        self._set_unread_checked(on)
        selected = self.tree.selected_node()
        key = selected.key if selected is not None else None
        self.model.set_unread_only(on)
        if key and key[0] == "article" and isinstance(key[1], int):
            self.tree.select_article(key[1])
        if self.filter_bar.text():
            self.search(self.filter_bar.text())

    def search(self, text: str) -> None:
        """List the newest matches of ``text``: a first screen found fast (however
        common the words, see ``storage.first_matches``), then the full list, then,
        when it was cut, the count. Each is abandoned half-way once newer text is
        typed, so a long read never holds up the next filter."""
        reads, library = self._reads, self._library
        if reads is None or library is None:
            return
        if self._counts is not None:  # a count for older text: stop it (or forget it)
            self._counts.cancel_channel("search-count")
        if not text:
            reads.cancel_channel("search-first")
            reads.cancel_channel("search")
            if self.filtering():
                self.left_stack.setCurrentWidget(self.tree)
                self.tree.reveal(self._article_open())  # the tree as it was, and that article
                self._clear_status()  # "12 articles match …" no longer applies
            return
        unread = self.filter_bar.unread_only.isChecked()
        query = ArticleQuery(search=text, unread_only=unread, limit=SEARCH_LIMIT)
        first = replace(query, limit=FIRST_ROWS)
        self._full_list_shown = False
        reads.submit_abandonable(
            "search-first",
            lambda stale: _abandonable(library, stale, lambda: library.first_matches(first)),
            lambda articles: self._show_first(text, articles),
            lambda _exc: None,  # the full list says what went wrong
        )
        reads.submit_abandonable(
            "search",
            lambda stale: _abandonable(
                library, stale, lambda: library.list_articles(query), release=True
            ),
            lambda articles: self._show_results(text, articles, query),
            lambda exc: self._status(f"Search failed: {exc}"),
        )

    def _show_first(self, text: str, articles: list[Article]) -> None:
        if not articles or self.filter_bar.text() != text or self._full_list_shown:
            return
        self.results_model.set_articles(articles, text, partial=True)
        self.left_stack.setCurrentWidget(self.results)
        self._status(f"Newest matches for “{text}” — searching for more…")

    def _show_results(self, text: str, articles: list[Article], query: ArticleQuery) -> None:
        if self.filter_bar.text() != text:
            return
        self._full_list_shown = True
        model = self.results_model
        if not (model.query == text and model.partial and model.complete(articles)):
            chosen = self._chosen_result()
            model.set_articles(articles, text)
            row = model.row_of(chosen) if chosen is not None else -1
            if row >= 0:
                self.results.setCurrentIndex(model.index(row, 0))
        self.left_stack.setCurrentWidget(self.results)
        n = len(articles)
        self._status(results_summary(n, None if n >= SEARCH_LIMIT else n, text))
        if n >= SEARCH_LIMIT:  # the list is cut: count every match once typing pauses
            QTimer.singleShot(
                COUNT_DELAY_MS, self.results, lambda: self._count_matches(text, n, query)
            )

    def _chosen_result(self) -> int | None:
        """The article picked in the first screen, to keep picked in the full list."""
        row = self.results.currentIndex().row()
        articles = self.results_model.articles
        return articles[row].id if 0 <= row < len(articles) else None

    def _count_matches(self, text: str, shown: int, query: ArticleQuery) -> None:
        if self._closed or self.results_model.query != text or self.filter_bar.text() != text:
            return  # another filter by now: its own list comes first on the lane
        library = self._library
        if self._counts is None or library is None:
            return
        self._counts.submit_abandonable(
            "search-count",
            lambda stale: _abandonable(
                library, stale, lambda: library.count_articles(query), release=True
            ),
            lambda total: self._show_count(text, shown, total),
        )

    def _show_count(self, text: str, shown: int, total: int) -> None:
        if self.results_model.query == text and self.filter_bar.text() == text:
            self._status(results_summary(shown, total, text))


def _abandonable(
    library: Library, stale: Callable[[], bool], read: Callable[[], T], *, release: bool = False
) -> T:
    """``read()``, stopped half-way (``QueryAbandoned``) once ``stale()``. ``release``:
    a filter reads pages no other view needs; free them on the lane's connection after,
    whether the read finished or was abandoned."""
    try:
        with library.abandon_when(stale):
            return read()
    finally:
        if release:
            library.release_cache()
