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
    from readinglist.model.records import Article
    from readinglist.model.snippets import Segment
    from readinglist.services.library import Library

DEBOUNCE_MS = 250
EXCERPTS_AHEAD = 20  # a row drawn without its excerpt asks for the next rows' too
EXCERPT_BATCH = 100  # rows per excerpt read (about 4 ms on the runner)
EXCERPT_CHANNEL = "result-excerpts"
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
    and where the filter's words are in it (``ExcerptRole``). Excerpts are read only
    for the rows that are drawn (and a few below), off the GUI thread, after the list
    is shown: a filter lists its rows as fast as before, and the runner is never busy
    cutting excerpts nobody scrolls to when the next filter comes.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.articles: list[Article] = []
        self.query = ""
        self.partial = False  # a first screen of the filter; the full list comes after
        self.excerpts: dict[int, tuple[Segment, ...]] = {}
        self._rows: dict[int, int] = {}  # article id -> row
        self._wanted: set[int] = set()  # ids drawn without their excerpt yet
        self._reading = False  # one excerpt read on the runner at a time
        self._generation = 0  # one per list: excerpts read for an older list are dropped
        self._library: Library | None = None
        self._runner: BackgroundRunner | None = None
        self._feed_title: Callable[[int], str] = lambda _feed_id: ""
        self._timer = QTimer(self)  # gathers the rows of one paint into one read
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._read_wanted)

    def complete(self, articles: list[Article]) -> bool:
        """The full list of the filter shown, when it begins with the rows shown (a first
        screen, ``partial``): the rows below are added, and the rows on screen, their
        excerpts and the selection stay. False (nothing changed) when it does not."""
        shown = [a.id for a in self.articles]
        if [a.id for a in articles[: len(shown)]] != shown:
            return False
        self.partial = False
        if len(articles) > len(shown):
            self.beginInsertRows(QModelIndex(), len(shown), len(articles) - 1)
            self.articles = list(articles)
            self._rows = {a.id: i for i, a in enumerate(self.articles)}
            self.endInsertRows()
        return True

    def attach(
        self, library: Library, runner: BackgroundRunner, feed_title: Callable[[int], str]
    ) -> None:
        """Where excerpts are read (``library`` through ``runner``) and feeds are named."""
        self._library, self._runner, self._feed_title = library, runner, feed_title

    def set_articles(
        self, articles: list[Article], query: str = "", *, partial: bool = False
    ) -> None:
        """A new list. ``partial``: a first screen, the full list is on its way."""
        self.partial = partial
        self.beginResetModel()
        self.articles = list(articles)
        self._rows = {a.id: i for i, a in enumerate(self.articles)}
        self.query = query
        self.excerpts = {}
        self._wanted.clear()
        self._generation += 1
        if self._reading and self._runner is not None:
            self._runner.cancel_channel(EXCERPT_CHANNEL)  # not started: never will
        self._reading = False
        self.endResetModel()

    def _excerpt(self, row: int) -> tuple[Segment, ...]:
        found = self.excerpts.get(self.articles[row].id)
        if found is not None:
            return found
        if self._library is not None and self.query:
            for a in self.articles[row : row + EXCERPTS_AHEAD]:
                if a.id not in self.excerpts:
                    self._wanted.add(a.id)
            self._timer.start()
        return ()

    def _read_wanted(self) -> None:
        library, runner, query = self._library, self._runner, self.query
        if self._reading or not self._wanted or library is None or runner is None:
            return
        ids = sorted(self._wanted, key=lambda i: self._rows.get(i, 0))[:EXCERPT_BATCH]
        self._wanted.difference_update(ids)
        self._reading = True
        generation = self._generation
        runner.submit_latest(
            EXCERPT_CHANNEL,
            lambda: library.match_excerpts(ids, query),
            lambda found: self._excerpts_read(generation, ids, found),
            lambda _exc: self._excerpts_read(generation, ids, {}),
        )

    def _excerpts_read(
        self, generation: int, ids: list[int], found: dict[int, tuple[Segment, ...]]
    ) -> None:
        if generation != self._generation:
            return  # another list by now
        self._reading = False
        for article_id in ids:
            self.excerpts[article_id] = found.get(article_id, ())  # none: never asked again
        rows = [self._rows[i] for i in ids if i in self._rows]
        if rows:
            self.dataChanged.emit(self.index(min(rows)), self.index(max(rows)), [ExcerptRole])
        self._read_wanted()

    def row_of(self, article_id: int) -> int:
        return self._rows.get(article_id, -1)

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
            return self._excerpt(index.row())
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
