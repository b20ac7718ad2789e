"""The tree view: selection helpers, keyboard navigation and the row context menus.

Every change a menu makes goes through a ``Library`` verb; what it changed is published
on the window's ``ChangesHub`` once, and the model decides which rows to redraw. The
view never edits nodes itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTreeView, QWidget

from readinglist.gui.changes_hub import ChangesHub, in_place
from readinglist.gui.feed_settings_menu import add_feed_settings
from readinglist.gui.paint_hold import PaintHold
from readinglist.gui.tree_budget import CollapsedBranches
from readinglist.gui.tree_delegate import SeriesRowDelegate, span_group_rows
from readinglist.gui.tree_model import TreeModel
from readinglist.gui.tree_nodes import Node, NodeType
from readinglist.gui.tree_walk import walk
from readinglist.model.changes import Changes
from readinglist.model.errors import ReadingListError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from readinglist.services.library import Library

# Room for the focus frame around the progress text (PM_FocusFrameHMargin is 1-2 px in
# the built-in styles). A constant: asking the style would create QStyle's large enums
# in Python before the first paint.
FOCUS_MARGIN_PX = 2 * (2 + 1)


class SeriesTree(QTreeView):
    """The left-hand tree. ``statusMessage`` reports what a menu action did."""

    statusMessage = Signal(str)
    followChanged = Signal(int, bool)  # a series was (un)followed from the menu
    findMissingRequested = Signal(object, object)  # (series ids or None, feed id or None)
    keepOfflineRequested = Signal(object, object)  # (series id or None, feed id or None)
    readSiteSeriesRequested = Signal(int)  # feed id: file its posts as its site lists them

    def __init__(
        self,
        library: Library | None,
        model: TreeModel,
        parent: QWidget | None = None,
        *,
        hub: ChangesHub | None = None,
    ) -> None:
        """``library`` may come later (``attach``), once the window has painted.

        ``hub``: where the menus' changes go (the window's); without one the tree keeps
        its own, heard by its model alone.
        """
        super().__init__(parent)
        if hub is None:
            hub = ChangesHub(self)
            hub.changed.connect(model.apply_changes)
        self.hub = hub
        if library is not None:
            self.attach(library)
        self.setObjectName("libraryTree")
        self.setModel(model)
        self.setItemDelegateForColumn(0, SeriesRowDelegate(self))
        model.rowsInserted.connect(lambda parent, a, b: span_group_rows(self, parent, a, b))
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setExpandsOnDoubleClick(True)
        self.setAnimated(False)
        self.setAllColumnsShowFocus(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.fit_progress_column()
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.branches = CollapsedBranches(model)
        self._paint_hold = PaintHold(self.viewport())
        self._following: _FollowMoved | None = None  # a moved article to select again
        self._trim = QTimer(self)  # one trim per event-loop turn, after the expand is done
        self._trim.setSingleShot(True)
        self._trim.setInterval(0)
        self._trim.timeout.connect(lambda: self.branches.trim(self.current_node()))
        self.expanded.connect(self._branch_expanded)
        self.collapsed.connect(self._branch_collapsed)
        # A smart view reads its next page when its last row comes into view (after a
        # scroll, or when new rows leave it on screen), never on its own.
        self._more = QTimer(self)
        self._more.setSingleShot(True)
        self._more.setInterval(0)
        self._more.timeout.connect(self._read_more_where_shown)
        self.verticalScrollBar().valueChanged.connect(lambda _value: self._more.start())
        model.rowsInserted.connect(lambda *_args: self._more.start())
        self.expanded.connect(lambda _index: self._more.start())

    def _read_more_where_shown(self) -> None:
        model = self.tree_model()
        shown = self.viewport().rect()
        for node in model.root.children:
            if node.type is not NodeType.SMART or not node.more or not node.children:
                continue
            if not self.isExpanded(model.index_of(node)):
                continue
            if self.visualRect(model.index_of(node.children[-1])).intersects(shown):
                model.want_more(node)

    def rowsInserted(
        self, parent: QModelIndex | QPersistentModelIndex, start: int, end: int
    ) -> None:
        """The first rows of an expanded branch (a lazy read landed): lay out that branch
        alone. Qt's own answer to rows inserted under an expanded row is a layout of
        every shown row of the whole tree, which asks the model about each of them: at
        a million articles with a few dozen feeds open, 30 ms for one series' 50 parts.
        Collapsing the empty branch and expanding it again lays out only its rows; the
        tree's own expanded/collapsed handlers do not hear it (signals blocked)."""
        model = self.model()
        if (
            start == 0
            and parent.isValid()
            and self.isExpanded(parent)
            and model.rowCount(parent) == end + 1
        ):
            blocked = self.blockSignals(True)
            try:
                self.collapse(parent)
                super().rowsInserted(parent, start, end)
                self.expand(parent)
            finally:
                self.blockSignals(blocked)
            self._paint_hold.release()
            return
        super().rowsInserted(parent, start, end)

    def _branch_expanded(self, index: QModelIndex) -> None:
        node = self.tree_model().node(index)
        if node.loading and not node.children:  # its rows are on their way: one paint
            self._paint_hold.hold()
        self.branches.expanded(node)
        self._trim.start()

    def _branch_collapsed(self, index: QModelIndex) -> None:
        self.branches.collapsed(self.tree_model().node(index))
        self._trim.start()

    def attach(self, library: Library) -> None:
        self.library = library

    def fit_progress_column(self) -> None:
        """A fixed width that fits the widest progress text of a row that has that
        column (a bold date; series rows span both columns, see ``tree_delegate``).

        Not ``ResizeToContents``: with it every ``dataChanged`` or inserted row makes the
        header measure up to 1,000 rows synchronously (130 ms per read toggle, 140 ms
        per series expanded, on a 100k-article library). Called again after the saved
        header state is restored, since that state carries the resize mode.
        """
        header = self.header()
        bold = QFont(self.font())
        bold.setBold(True)
        text = QFontMetrics(bold).horizontalAdvance("8888-88-88") + FOCUS_MARGIN_PX + 2
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, max(text, header.sectionSizeHint(1)))

    def tree_model(self) -> TreeModel:
        model = self.model()
        assert isinstance(model, TreeModel)
        return model

    # --- selection ------------------------------------------------------------------

    def current_node(self) -> Node | None:
        index = self.currentIndex()
        return self.tree_model().node(index) if index.isValid() else None

    def selected_node(self) -> Node | None:
        """The selected row (focus alone makes a row current without selecting it)."""
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isSelected(index):
            return None
        return self.tree_model().node(index)

    def select_index(self, index: QModelIndex) -> bool:
        if not index.isValid():
            return False
        index = index.siblingAtColumn(0)
        parent = index.parent()
        chain = []
        while parent.isValid():
            chain.append(parent)
            parent = parent.parent()
        for item in reversed(chain):
            self.expand(item)
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)
        return True

    def select_node(self, node: Node) -> bool:
        return self.select_index(self.tree_model().index_of(node))

    def select_article(self, article_id: int) -> bool:
        current = self.current_node()
        if current is not None and current.article is not None and current.article.id == article_id:
            return True
        return self.select_index(self.tree_model().article_index(article_id))

    def reveal(self, article_id: int | None) -> None:
        """Back from the filter results: select ``article_id`` (the article open on the
        right) where it lives in the tree, expanding its path and leaving every other
        branch as it was, and scroll it into view. ``None``: keep the selection and
        only bring the current row into view."""
        if article_id is not None:
            self.select_article(article_id)
        current = self.currentIndex()
        if current.isValid():
            self.scrollTo(current, QAbstractItemView.ScrollHint.EnsureVisible)

    # --- keyboard navigation (j/k/n/p) ----------------------------------------------

    def select_next(self, *, forward: bool = True, unread: bool = False) -> bool:
        """Select the next/previous (unread) article in tree order, loading as needed.

        Within a smart view the walk stays inside it; elsewhere it walks the feeds.
        With nothing selected the first matching article is chosen.
        """
        model = self.tree_model()

        def wanted(node: Node) -> bool:
            return node.type is NodeType.ARTICLE and (
                not unread or not (node.article and node.article.read)
            )

        def pruned(node: Node) -> bool:
            if not unread:
                return False
            if node.type is NodeType.FEED and node.feed is not None:
                return node.feed.unread_count == 0
            if node.type is NodeType.SERIES and node.series is not None:
                return node.series.read_count >= node.series.article_count
            return node.type is NodeType.STANDALONE and node.unread == 0

        start = self.selected_node()  # a row made current by focus alone does not count
        for node in walk(model, start, forward, pruned, model.load_now):
            if wanted(node):
                return self.select_node(node)
        return False

    def moveCursor(self, action: Any, modifiers: Any) -> QModelIndex:
        """Down or PageDown at a smart view's last loaded rows reads its next page first."""
        steps = {self.CursorAction.MoveDown: 1, self.CursorAction.MovePageDown: 60}
        if action in steps:
            self.tree_model().more_below(self.currentIndex(), steps[action])
        return super().moveCursor(action, modifiers)

    # --- context menus ---------------------------------------------------------------

    def _context_menu(self, pos: QPoint) -> None:
        index = self.indexAt(pos)
        if not index.isValid():
            return
        from PySide6.QtWidgets import QMenu  # on use: its classes cost start-up time

        node = self.tree_model().node(index)
        menu = QMenu(self)
        self.fill_menu(menu, node)
        if not menu.isEmpty():
            menu.exec(self.viewport().mapToGlobal(pos))

    def fill_menu(self, menu: QMenu, node: Node) -> None:
        t = node.type
        if t is NodeType.ARTICLE and node.article is not None:
            a = node.article
            menu.addAction(
                "Mark unread" if a.read else "Mark read",
                lambda: self._mark_article(a.id, not a.read),
            )
            menu.addSeparator()
            menu.addAction("Move to series…", lambda: self.move_to_series(a.id))
            if a.series_id is not None:
                menu.addAction("Mark standalone", lambda: self.mark_standalone(a.id))
            menu.addSeparator()
            copy = menu.addAction("Copy link", lambda: self.copy_text(a.link or ""))
            copy.setEnabled(bool(a.link))
        elif t is NodeType.SERIES and node.series is not None:
            s = node.series
            menu.addAction(
                "Mark series read", lambda: self._mark_where(s.feed_id, series_id=s.id, read=True)
            )
            menu.addAction(
                "Mark series unread",
                lambda: self._mark_where(s.feed_id, series_id=s.id, read=False),
            )
            menu.addSeparator()
            menu.addAction("Rename series…", lambda: self.rename_series(s.id))
            menu.addAction("Merge series into…", lambda: self.merge_series(s.id))
            menu.addSeparator()
            menu.addAction(
                "Unfollow series" if s.followed else "Follow series",
                lambda: self.set_followed(s.id, not s.followed),
            )
            menu.addAction(
                "Find missing parts", lambda: self.findMissingRequested.emit((s.id,), None)
            )
            menu.addAction(
                "Keep for offline reading", lambda: self.keepOfflineRequested.emit(s.id, None)
            )
        elif t is NodeType.PLACEHOLDER and node.series_id is not None:
            sid = node.series_id  # a run of missing parts: search the series' own site
            menu.addAction(
                "Find missing parts", lambda: self.findMissingRequested.emit((sid,), None)
            )
        elif t is NodeType.STANDALONE and node.feed_id is not None:
            fid = node.feed_id
            menu.addAction("Mark standalone posts read", lambda: self._mark_standalone_group(fid))
        elif t is NodeType.FEED and node.feed is not None:
            f = node.feed
            menu.addAction("Mark feed read", lambda: self._mark_where(f.id, read=True))
            menu.addAction("Mark feed unread", lambda: self._mark_where(f.id, read=False))
            menu.addSeparator()
            menu.addAction(
                "Find missing parts (all series)",
                lambda: self.findMissingRequested.emit(None, f.id),
            )
            menu.addAction(
                "Read series from the site", lambda: self.readSiteSeriesRequested.emit(f.id)
            )
            menu.addAction(
                "Keep for offline reading", lambda: self.keepOfflineRequested.emit(None, f.id)
            )
            add_feed_settings(menu, f.id, self.library, self._guard, self.statusMessage.emit)
            menu.addSeparator()
            menu.addAction("Copy feed address", lambda: self.copy_text(f.url))
            menu.addSeparator()
            menu.addAction("Unsubscribe…", lambda: self.unsubscribe(f.id))

    # --- what the menu items do --------------------------------------------------------

    def _guard(self, what: str, fn: Callable[[], Changes | None]) -> bool:
        """Run one write; publish what it changed, or say why it could not be done."""
        try:
            changes = fn()
        except ReadingListError as exc:
            self.statusMessage.emit(f"Could not {what}: {exc}")
            return False
        if changes:
            self.hub.publish(changes)
        return True

    def _mark_article(self, article_id: int, read: bool) -> None:
        self._guard(
            "mark the article", lambda: in_place(self.library.mark_read([article_id], read))
        )

    def _mark_where(self, feed_id: int, *, series_id: int | None = None, read: bool) -> None:
        def mark() -> Changes:
            changes = self.library.mark_read_where(feed_id=feed_id, series_id=series_id, read=read)
            self._say_marked(len(changes.articles), read)
            return changes | Changes.of(feeds=[feed_id])  # the feed's rows, also when none

        self._guard("mark articles", mark)

    def _mark_standalone_group(self, feed_id: int) -> None:
        def mark() -> Changes:
            changes = self.library.mark_standalone_read(feed_id)
            self._say_marked(len(changes.articles), True)
            return changes | Changes.of(feeds=[feed_id])

        self._guard("mark articles", mark)

    def _say_marked(self, n: int, read: bool) -> None:
        """A bulk mark says how many it changed, and that Edit ▸ Undo takes it back."""
        state = "read" if read else "unread"
        undo = " (Ctrl+Z undoes it)" if n else ""
        self.statusMessage.emit(f"Marked {n} post{'s' if n != 1 else ''} {state}{undo}")

    def move_to_series(self, article_id: int) -> None:
        article = self.library.get_article(article_id)
        series = self.library.list_series(feed_id=article.feed_id)
        from readinglist.gui.dialogs.series_pick import pick_series  # loads on first use

        choice = pick_series(
            self,
            series,
            title="Move to series",
            exclude={article.series_id} if article.series_id else set(),
        )
        if choice is None:
            return

        def move() -> Changes:
            if isinstance(choice, int):
                return self.library.move_articles([article_id], choice)
            return self.library.move_to_new_series(article_id, choice).changes

        follow = self._follow_if_open(article_id)
        if self._guard("move the article", move):
            self.statusMessage.emit("Moved the article.")
        else:
            follow.cancel()

    def mark_standalone(self, article_id: int) -> None:
        follow = self._follow_if_open(article_id)
        if not self._guard(
            "mark the article standalone", lambda: self.library.move_articles([article_id], None)
        ):
            follow.cancel()

    def _follow_if_open(self, article_id: int) -> _FollowMoved:
        """When the article about to move is the one open, select it again in its new
        place once the tree has re-read its feed; the re-read runs on the reads lane
        after the move returns, and until then the row is still in its old place."""
        current = self.current_node()
        article = current.article if current is not None else None
        is_open = article is not None and article.id == article_id
        if self._following is not None:
            self._following.cancel()  # the newest move is the one to follow
        # Held here: Qt keeps only a weak reference to a plain object's bound method.
        self._following = _FollowMoved(self, article_id if is_open else None)
        return self._following

    def rename_series(self, series_id: int) -> None:
        series = self.library.get_series(series_id)
        from readinglist.gui.dialogs.series_pick import rename_series_dialog

        name = rename_series_dialog(self, series.name)
        if name is None:
            return

        self._guard("rename the series", lambda: self.library.rename_series(series_id, name))

    def merge_series(self, series_id: int) -> None:
        series = self.library.get_series(series_id)
        others = self.library.list_series(feed_id=series.feed_id)
        from readinglist.gui.dialogs.series_pick import pick_series

        choice = pick_series(
            self, others, title=f"Merge “{series.name}” into…", exclude={series_id}, allow_new=False
        )
        if not isinstance(choice, int):
            return
        target = choice

        if self._guard("merge the series", lambda: self.library.merge_series([series_id], target)):
            self.statusMessage.emit("Merged the series.")

    def set_followed(self, series_id: int, followed: bool) -> None:
        if self._guard("follow the series", lambda: self.library.set_followed(series_id, followed)):
            self.followChanged.emit(series_id, followed)

    def unsubscribe(self, feed_id: int) -> None:
        from PySide6.QtWidgets import QMessageBox

        feed = self.library.get_feed(feed_id)
        answer = QMessageBox.question(
            self,
            "Unsubscribe",
            f"Unsubscribe from “{feed.display_title}”?\n\n"
            "Articles with notes or stars are kept in your library; the rest of this "
            "feed's articles are removed.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        kept = 0

        def remove() -> Changes:
            nonlocal kept
            removed = self.library.remove_feed(feed_id)
            kept = removed.kept
            return removed.changes

        if self._guard("unsubscribe", remove):
            extra = f" ({kept} annotated article{'s' if kept != 1 else ''} kept)" if kept else ""
            self.statusMessage.emit(f"Unsubscribed from {feed.display_title}{extra}.")

    @staticmethod
    def copy_text(text: str) -> None:
        if text:
            QApplication.clipboard().setText(text)


class _FollowMoved:
    """Selects a moved article in its new place after the refresh that moves its row.

    Waits for ``TreeModel.refreshed`` until the article's row sits under the series
    (or standalone group) the library now has it in; gives up after a few refreshes
    so a move whose feed is not shown leaves nothing connected."""

    MAX_REFRESHES = 4

    def __init__(self, tree: SeriesTree, article_id: int | None) -> None:
        self._tree = tree
        self._article_id = article_id
        self._left = self.MAX_REFRESHES
        if article_id is not None:
            tree.tree_model().refreshed.connect(self._on_refreshed)

    def cancel(self) -> None:
        if self._article_id is not None:
            self._article_id = None
            self._tree.tree_model().refreshed.disconnect(self._on_refreshed)

    def _on_refreshed(self) -> None:
        article_id = self._article_id
        if article_id is None:
            return
        self._left -= 1
        if self._in_new_place(article_id):
            self._tree.select_article(article_id)
            self.cancel()
        elif self._left <= 0:
            self.cancel()

    def _in_new_place(self, article_id: int) -> bool:
        """True once no row of the article under its feed is left in the old place (a
        refresh applied before the move's own leaves it there). The new row may not be
        loaded yet: ``select_article`` loads it."""
        tree = self._tree
        try:
            series_id = tree.library.get_article(article_id).series_id
        except ReadingListError:
            return False
        for node in tree.tree_model().nodes(("article", article_id)):
            parent = node.parent
            if not node.alive or parent is None or _top(node).type is not NodeType.FEED:
                continue  # gone, or a smart view's copy
            if parent.type is NodeType.STANDALONE:
                in_place = series_id is None
            else:
                in_place = parent.series is not None and parent.series.id == series_id
            if not in_place:
                return False
        return True


def _top(node: Node) -> Node:
    """The node's top-level row (a feed or a smart view)."""
    while node.parent is not None and node.parent.type is not NodeType.ROOT:
        node = node.parent
    return node
