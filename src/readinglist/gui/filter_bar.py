"""The filter box and "Unread only" toggle above the tree, and the flat results list.

Typing in the box emits ``searchChanged`` after a short pause; the window runs the
full-text search on its ``BackgroundRunner`` and hands the articles to ``ResultsModel``.
"""

from __future__ import annotations

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
    from readinglist.models import Article

DEBOUNCE_MS = 250


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
    """A flat list of articles (filter results), with the tree's roles."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.articles: list[Article] = []
        self.query = ""

    def set_articles(self, articles: list[Article], query: str = "") -> None:
        self.beginResetModel()
        self.articles = list(articles)
        self.query = query
        self.endResetModel()

    def row_of(self, article_id: int) -> int:
        return next((i for i, a in enumerate(self.articles) if a.id == article_id), -1)

    def update_article(self, article: Article) -> None:
        row = self.row_of(article.id)
        if row >= 0:
            self.articles[row] = article
            self.dataChanged.emit(self.index(row), self.index(row))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.articles)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.articles):
            return None
        a = self.articles[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            prefix = (
                f"{a.series_name} ({a.part}) — " if a.series_name and a.part is not None else ""
            )
            return prefix + (a.short_title if prefix else a.title)
        if role == Qt.ItemDataRole.FontRole:
            return None if a.read else theme.bold_font()
        if role == Qt.ItemDataRole.DecorationRole:
            return theme.icon("star") if a.starred else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return a.title
        if role == NodeTypeRole:
            return int(NodeType.ARTICLE)
        if role == IdRole:
            return a.id
        if role == FeedIdRole:
            return a.feed_id
        if role == PayloadRole:
            return a
        return None
