"""The filter box and "Unread only" toggle above the tree, and the flat results list.

Typing in the box emits ``searchChanged`` after a short pause; the window runs the
full-text search on its ``BackgroundRunner`` and hands the articles to ``ResultsModel``
(drawn by ``result_rows.ResultDelegate``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QWidget

from readinglist.gui import theme
from readinglist.gui.tree_model import FeedIdRole, IdRole, NodeTypeRole, PayloadRole
from readinglist.gui.tree_nodes import NodeType

if TYPE_CHECKING:
    from readinglist.gui.background import BackgroundRunner
    from readinglist.models import Article
    from readinglist.snippets import Segment
    from readinglist.storage import Store

DEBOUNCE_MS = 250
FIRST_EXCERPTS = 60  # read first: more than a screenful of result rows
MetaRole = Qt.ItemDataRole.UserRole + 20  # "Feed · Series, part 4 · 2024-01-04"
ExcerptRole = Qt.ItemDataRole.UserRole + 21  # the filter's words in context: segments


class FilterBar(QWidget):
    searchChanged = Signal(str)  # debounced; "" when the filter was cleared
    unreadOnlyChanged = Signal(bool)
    escapePressed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("filterBox")
        self.edit.setPlaceholderText("Filter (/) — titles, text and notes")
        self.edit.setClearButtonEnabled(True)
        self.unread_only = QCheckBox("Unread only", self)
        self.unread_only.setObjectName("unreadOnly")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.unread_only)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit)
        self.edit.textChanged.connect(self._on_text)
        self.unread_only.toggled.connect(self.unreadOnlyChanged)

    def text(self) -> str:
        return self.edit.text().strip()

    def focus_filter(self) -> None:
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def clear(self) -> None:
        self.edit.clear()
        self._timer.stop()
        self._emit()

    def _on_text(self, _text: str) -> None:
        if not self.text():
            self._timer.stop()
            self._emit()  # clearing shows the tree again at once
        else:
            self._timer.start()

    def _emit(self) -> None:
        self.searchChanged.emit(self.text())


def results_summary(shown: int, total: int | None, text: str) -> str:
    """The status line for a filter: "12 articles match", "500 of 99,987 articles match"
    (``total`` None: the list was cut and the count is still running)."""
    if total is None:
        return f"{shown:,} articles shown — counting matches for “{text}”…"
    noun = "article" if total == 1 else "articles"
    if total > shown:
        return f"{shown:,} of {total:,} {noun} match “{text}”"
    return f"{total:,} {noun} match “{text}”"


class ResultsModel(QAbstractListModel):
    """A flat list of articles (filter results), with the tree's roles.

    Each row says where the article is from (``MetaRole``: feed, series and part, date)
    and where the filter's words are in it (``ExcerptRole``). The excerpts are read
    after the list is shown, off the GUI thread, the first screenful first, so a
    filter shows its rows as fast as before.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.articles: list[Article] = []
        self.query = ""
        self.excerpts: dict[int, tuple[Segment, ...]] = {}
        self._generation = 0  # one per list set: excerpts of an older list are dropped
        self._store: Store | None = None
        self._runner: BackgroundRunner | None = None
        self._feed_title: Callable[[int], str] = lambda _feed_id: ""

    def attach(
        self, store: Store, runner: BackgroundRunner, feed_title: Callable[[int], str]
    ) -> None:
        """Where excerpts are read (``store`` through ``runner``) and feeds are named."""
        self._store, self._runner, self._feed_title = store, runner, feed_title

    def set_articles(self, articles: list[Article], query: str = "") -> None:
        self.beginResetModel()
        self.articles = list(articles)
        self.query = query
        self.excerpts = {}
        self._generation += 1
        self.endResetModel()
        self._read_excerpts(0)

    def _read_excerpts(self, start: int) -> None:
        store, runner, query, generation = self._store, self._runner, self.query, self._generation
        if store is None or runner is None or not query or start >= len(self.articles):
            return
        total = len(self.articles)
        end = min(start + FIRST_EXCERPTS if start == 0 else total, total)
        ids = [a.id for a in self.articles[start:end]]

        def read() -> dict[int, tuple[Segment, ...]]:  # on the runner's thread
            found = store.match_excerpts(ids, query)
            if end >= total:
                store.release_cache()  # as after the search itself: one-off pages
            return found

        runner.submit_latest(
            "result-excerpts",
            read,
            lambda found: self._excerpts_read(generation, start, end, found),
        )

    def _excerpts_read(
        self, generation: int, start: int, end: int, found: dict[int, tuple[Segment, ...]]
    ) -> None:
        if generation != self._generation:
            return  # another list by now
        self.excerpts.update(found)
        last = min(end, len(self.articles)) - 1
        if last >= start:
            self.dataChanged.emit(self.index(start), self.index(last), [ExcerptRole])
        self._read_excerpts(end)

    def row_of(self, article_id: int) -> int:
        return next((i for i, a in enumerate(self.articles) if a.id == article_id), -1)

    def update_article(self, article: Article) -> None:
        row = self.row_of(article.id)
        if row >= 0:
            self.articles[row] = article
            self.dataChanged.emit(self.index(row), self.index(row))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.articles)

    def meta_text(self, a: Article) -> str:
        """ "Example Blog · Transfer Learning, part 4 · 2024-01-04"."""
        bits = [self._feed_title(a.feed_id)]
        if a.series_name:
            bits.append(f"{a.series_name}, part {a.part}" if a.part is not None else a.series_name)
        when = a.published or a.first_seen
        if when is not None:
            bits.append(when.strftime("%Y-%m-%d"))
        return " · ".join(b for b in bits if b)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.articles):
            return None
        a = self.articles[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return a.title or a.link or f"Article {a.id}"
        if role == MetaRole:
            return self.meta_text(a)
        if role == ExcerptRole:
            return self.excerpts.get(a.id, ())
        if role == Qt.ItemDataRole.FontRole:
            return None if a.read else theme.bold_font()
        if role == Qt.ItemDataRole.DecorationRole:
            return theme.icon("star") if a.starred else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{a.title}\n{self.meta_text(a)}"
        if role == NodeTypeRole:
            return int(NodeType.ARTICLE)
        if role == IdRole:
            return a.id
        if role == FeedIdRole:
            return a.feed_id
        if role == PayloadRole:
            return a
        return None
