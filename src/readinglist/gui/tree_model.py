"""The library tree as a ``QAbstractItemModel`` over plain ``Node`` objects.

Top: smart views (All unread, Starred, With notes, Recently added). Below: every feed,
holding its series (parts in order, each run of missing parts as one greyed row) and a
"Standalone" group. Children load on demand through ``canFetchMore``/``fetchMore``;
with a ``run`` function (the window passes ``BackgroundRunner.submit``) the store reads
happen off the GUI thread. Changes never reset the model: ``article_changed`` repaints
the touched rows and the counts above them, ``refresh`` reconciles the loaded nodes
with the store row by row (inserting and removing only what changed), so selection,
expansion and scroll position survive a sync.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from readinglist.gui import theme
from readinglist.gui import tree_rows as rows
from readinglist.gui.tree_nodes import PAGE_SIZE as PAGE
from readinglist.gui.tree_nodes import Key, Node, NodeType, SmartView, TreeLoader, TreeReads
from readinglist.model.errors import NotFoundError

if TYPE_CHECKING:
    from readinglist.model.changes import Changes
    from readinglist.model.records import Article

Index = QModelIndex | QPersistentModelIndex
Runner = Callable[[Callable[[], Any], Callable[[Any], None]], None]

NodeTypeRole = Qt.ItemDataRole.UserRole + 1  # int(NodeType)
IdRole = Qt.ItemDataRole.UserRole + 2  # feed / series / article id, smart view name
FeedIdRole = Qt.ItemDataRole.UserRole + 3
PartRole = Qt.ItemDataRole.UserRole + 4
PayloadRole = Qt.ItemDataRole.UserRole + 5  # the Feed / Series / Article dataclass
KeyRole = Qt.ItemDataRole.UserRole + 6  # ("article", 12), ("series", 3) ...


_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_BRANCH_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_FLAGS = {
    NodeType.ARTICLE: _BRANCH_FLAGS | Qt.ItemFlag.ItemNeverHasChildren,
    NodeType.PLACEHOLDER: Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren,
}


def _display(node: Node, column: int) -> Any:
    return rows.title(node) if column == 0 else rows.progress(node)


def _font(node: Node, column: int) -> Any:
    return rows.font(node) if column == 0 else None


def _foreground(node: Node, column: int) -> Any:
    return theme.placeholder_color() if node.type is NodeType.PLACEHOLDER else None


def _decoration(node: Node, column: int) -> Any:
    return rows.icon(node) if column == 0 else None


def _alignment(node: Node, column: int) -> Any:
    return _RIGHT if column == 1 else None


def _part(node: Node, column: int) -> Any:
    if node.type is NodeType.PLACEHOLDER:
        return node.part
    return node.article.part if node.article else None


_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ROLE_ANSWERS: dict[int, Callable[[Node, int], Any]] = {
    int(Qt.ItemDataRole.DisplayRole): _display,
    int(Qt.ItemDataRole.FontRole): _font,
    int(Qt.ItemDataRole.ForegroundRole): _foreground,
    int(Qt.ItemDataRole.DecorationRole): _decoration,
    int(Qt.ItemDataRole.ToolTipRole): lambda node, _column: rows.tooltip(node),
    int(Qt.ItemDataRole.TextAlignmentRole): _alignment,
    int(NodeTypeRole): lambda node, _column: int(node.type),
    int(IdRole): lambda node, _column: node.item_id,
    int(FeedIdRole): lambda node, _column: node.feed_id,
    int(PartRole): _part,
    int(PayloadRole): lambda node, _column: node.article or node.series or node.feed,
    int(KeyRole): lambda node, _column: node.key,
}


def run_now(fn: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
    on_done(fn())


class TreeModel(QAbstractItemModel):
    COLUMNS = ("Title", "Progress")
    refreshed = Signal()  # a refresh() has been applied

    def __init__(
        self,
        reads: TreeReads | None,
        *,
        run: Runner | None = None,
        unread_only: bool = False,
        sort: str = "published_desc",
        parent: Any = None,
        root: list[Node] | None = None,
    ) -> None:
        """``root``: the top rows, already read (``TreeLoader.root_children``, or
        ``root_nodes`` over the feeds launch peeked at before the library was open).

        ``reads`` may be ``None`` when ``root`` is given: the window then paints these
        rows first and calls ``attach_reads`` a moment later; until then no row loads
        its children.
        """
        super().__init__(parent)
        if reads is None and root is None:
            raise ValueError("TreeModel needs the library's reads or its top rows")
        self.reads = reads
        self.loader = TreeLoader(reads, unread_only=unread_only, sort=sort)
        self._run: Runner = run or run_now
        self.root = Node(NodeType.ROOT, loaded=True)
        self.row_count = 0  # rows held in memory, at any depth (``CollapsedBranches`` reads it)
        self._by_key: dict[Key, list[Node]] = defaultdict(list)
        self._attach(self.root, root if root is not None else self.loader.root_children(), 0)

    def attach_reads(self, reads: TreeReads, run: Runner | None = None) -> None:
        """Start reading from ``reads`` (and through ``run``, when given)."""
        self.reads = self.loader.reads = reads
        if run is not None:
            self._run = run

    # --- node bookkeeping ------------------------------------------------------------

    def _register(self, node: Node) -> None:
        node.alive = True
        self.row_count += 1
        self._by_key[node.key].append(node)
        for child in node.children:
            self._register(child)

    def _unregister(self, node: Node) -> None:
        node.alive = False
        self.row_count -= 1
        nodes = self._by_key.get(node.key)
        if nodes is not None:
            nodes[:] = [n for n in nodes if n is not node]
            if not nodes:
                del self._by_key[node.key]
        for child in node.children:
            self._unregister(child)

    def _attach(self, parent: Node, nodes: list[Node], at: int) -> None:
        for node in nodes:
            node.parent = parent
        parent.children[at:at] = nodes
        for node in nodes:
            self._register(node)

    def nodes(self, key: Key) -> list[Node]:
        return list(self._by_key.get(key, ()))

    def node(self, index: Index) -> Node:
        if index.isValid():
            ptr = index.internalPointer()
            if isinstance(ptr, Node):
                return ptr
        return self.root

    def index_of(self, node: Node, column: int = 0) -> QModelIndex:
        if node is self.root or node.parent is None or not node.alive:
            return QModelIndex()
        return self.createIndex(node.row(), column, node)

    # --- QAbstractItemModel ----------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self.node(parent)
        if 0 <= row < len(node.children) and 0 <= column < len(self.COLUMNS):
            return self.createIndex(row, column, node.children[row])
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        up = self.node(index).parent
        return self.index_of(up) if up is not None else QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Asked for every shown row at each layout of the view: a lookup, no flag
        arithmetic; rows that never have children say so, and the view then asks
        nothing more about them (``hasChildren``)."""
        if not index.isValid():
            return _NO_FLAGS
        ptr = index.internalPointer()
        return _FLAGS.get(ptr.type, _BRANCH_FLAGS) if isinstance(ptr, Node) else _BRANCH_FLAGS

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        node = self.node(parent)
        if node is self.root or node.children:
            return True
        if not node.lazy or node.loaded:
            return False
        if node.type is NodeType.FEED and node.feed is not None:
            return node.feed.article_count > 0
        if node.type is NodeType.SERIES and node.series is not None:
            return node.series.article_count > 0
        if node.type is NodeType.STANDALONE:
            return node.total > 0
        return True

    def canFetchMore(self, parent: Index) -> bool:
        """Only a lazy node not read yet. A smart view's next page is read when the
        reader scrolls to its last row (``want_more``), not here: QTreeView asks this,
        and fetches, on every layout of an expanded row, and answering "yes" while more
        existed made "All unread" read page after page until all 100k were loaded."""
        node = self.node(parent)
        return not (node.loading or not node.lazy or self.reads is None or node.loaded)

    def want_more(self, node: Node) -> None:
        """The reader reached the last loaded row of a smart view: read its next page."""
        if node.alive and node.type is NodeType.SMART and node.more and not node.loading:
            self._read_children(node)

    def fetchMore(self, parent: Index) -> None:
        if self.canFetchMore(parent):
            self._read_children(self.node(parent))

    def _read_children(self, node: Node) -> None:
        """A lazy node's children, or a smart view's rows up to its next page, off the
        GUI thread."""
        node.loading = True
        key, loader, known = node.key, self.loader, node.series
        limit = len(node.children) + (PAGE if node.type is NodeType.SMART else 0)
        self._run(
            lambda: loader.children(key, limit or None, known=known),
            lambda nodes: self._loaded(node, nodes, limit),
        )

    def unload(self, node: Node) -> bool:
        """Forget a branch's rows; they are read again when it is next expanded.

        What keeps a window that is open all day from holding every article the user
        ever expanded (see ``CollapsedBranches``). Refused while a read for the node is
        on its way, so its result never lands on a node that forgot it asked.
        """
        if not node.alive or not node.lazy or node.loading or not node.loaded:
            return False
        if node.children:
            self.beginRemoveRows(self.index_of(node), 0, len(node.children) - 1)
            for child in node.children:
                self._unregister(child)
                child.parent = None
            node.children = []
            self.endRemoveRows()
        node.loaded = node.more = False
        return True

    def load_more_now(self, node: Node) -> bool:
        """A smart view's next page, read on this thread: j/n stepped past its last row
        and the next one is wanted now. True when rows came."""
        if node.type is not NodeType.SMART or not node.more or node.loading or not node.alive:
            return False
        before = len(node.children)
        limit = before + PAGE
        self._loaded(node, self.loader.children(node.key, limit), limit)
        return len(node.children) > before

    def more_below(self, index: Index, within: int = 1) -> None:
        """Down (``within`` 1) or PageDown (a page of rows) at the end of what a smart view
        has loaded: its next page now, so the cursor goes on inside the view."""
        parent = self.node(index).parent
        if (
            parent is not None
            and parent.type is NodeType.SMART
            and parent.more
            and index.row() >= len(parent.children) - max(1, within)
        ):
            self.load_more_now(parent)

    def load_now(self, node: Node) -> None:
        """Load a node's children on this thread (keyboard navigation needs them now)."""
        if node.lazy and not node.loaded:
            limit = PAGE if node.type is NodeType.SMART else None
            self._loaded(node, self.loader.children(node.key, limit), limit or 0)

    def _loaded(self, node: Node, nodes: list[Node], limit: int) -> None:
        node.loading = False
        if not node.alive:
            return
        if node.type is NodeType.SMART:
            node.more = limit > 0 and len(nodes) >= limit
            self.dataChanged.emit(self.index_of(node), self.index_of(node, 1))
        node.loaded = True
        self._reconcile(node, nodes)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Asked about a dozen times for every row painted: roles are compared as plain
        ints (an enum lookup per comparison cost more than the answer) and a role the
        tree never answers returns at once."""
        answer = _ROLE_ANSWERS.get(int(role))
        if answer is None or not index.isValid():
            return None
        return answer(self.node(index), index.column())

    # --- changes ---------------------------------------------------------------------

    def _changed(self, node: Node) -> None:
        if node.alive and node.parent is not None:
            self.dataChanged.emit(self.index_of(node, 0), self.index_of(node, 1))

    def apply_changes(self, changes: Changes) -> None:
        """The tree's answer to the window's change signal (``ChangesHub.changed``).

        Only articles named (a read or star toggle, a page's length): repaint their rows
        and the counts above them, at once and without moving rows — so an article
        marked read stays where the reader is. Feeds or series named (a sync, a move, a
        merge, a follow, marking a group read, missing parts found): reconcile those
        feeds' loaded rows and the smart views through the reads lane; ``feed_list``
        (feeds added, removed, renamed, synced) always reconciles the top rows too.
        """
        if not (changes.feeds or changes.series or changes.feed_list):
            for article_id in changes.articles:
                self.article_changed(article_id)
            return
        feeds = set(changes.feeds)
        for series_id in changes.series:  # a series' rows are under its feed's row
            feeds.update(n.feed_id for n in self.nodes(("series", series_id)) if n.feed_id)
        self.refresh(feeds)

    def article_changed(self, article_id: int) -> None:
        """Repaint the rows of one article and the counts above it (no structure change)."""
        try:
            article = self.loader.require_reads().get_article(article_id)
        except NotFoundError:
            return
        for node in self.nodes(("article", article_id)):
            if node.article != article:
                node.article = article
                self._changed(node)
        self._article_counts_changed(article)

    def _article_counts_changed(self, article: Article) -> None:
        """The counts one article's change can touch: its feed, its series (or the
        feed's standalone group) and the unread view. Two small reads, where
        ``counts_changed`` recomputes every series of the feed."""
        feed_id = article.feed_id
        feed_nodes = self.nodes(("feed", feed_id))
        if not feed_nodes:
            return
        old = feed_nodes[0].feed
        series_nodes = self.nodes(("series", article.series_id)) if article.series_id else []
        expanded = any(n.loaded or n.children for n in feed_nodes)
        if expanded and (old is None or (article.series_id is not None and not series_nodes)):
            self.counts_changed([feed_id])  # not a case the shortcut knows: the full way
            return
        reads, series_id = self.loader.require_reads(), article.series_id
        try:
            feed = reads.get_feed(feed_id)
            series = reads.get_series(series_id) if series_nodes and series_id else None
        except NotFoundError:
            return
        if series is not None:
            for node in series_nodes:
                fresh = Node(NodeType.SERIES, series=series, feed_id=node.feed_id)
                if node.take_payload(fresh):
                    self._changed(node)
        elif article.series_id is None and old is not None:
            # Standalone = feed minus its series, and no series changed: shift by the
            # feed's own change.
            d_total = feed.article_count - old.article_count
            d_unread = feed.unread_count - old.unread_count
            for node in self.nodes(("standalone", feed_id)):
                total, unread = node.total + d_total, max(0, node.unread + d_unread)
                if (total, unread) != (node.total, node.unread):
                    node.total, node.unread = total, unread
                    self._changed(node)
        for node in feed_nodes:
            if node.feed != feed:
                node.feed = feed
                self._changed(node)
        self._unread_total_changed()

    def counts_changed(self, feed_ids: Iterable[int]) -> None:
        """Refresh the counts of these feeds, their series and the unread smart view."""
        for feed_id in set(feed_ids):
            feed_nodes = self.nodes(("feed", feed_id))
            if not feed_nodes:
                continue
            try:
                fresh = self.loader.feed_children(feed_id)
                feed = self.loader.require_reads().get_feed(feed_id)
            except NotFoundError:
                continue
            for node in feed_nodes:
                if node.feed != feed:
                    node.feed = feed
                    self._changed(node)
            for new in fresh:
                for node in self.nodes(new.key):
                    if node.take_payload(new):
                        self._changed(node)
        self._unread_total_changed()

    def _unread_total_changed(self) -> None:
        total = sum(n.feed.unread_count for n in self.root.children if n.feed is not None)
        for node in self.nodes(("smart", SmartView.UNREAD.value)):
            if node.unread != total:
                node.unread = node.total = total
                self._changed(node)

    def refresh(self, feed_ids: Iterable[int] | None = None, *, smart: bool = True) -> None:
        """Bring loaded nodes up to date with the store, inserting/removing only changed rows.

        ``feed_ids`` None: every loaded feed. The reads run through ``run``.

        Nodes whose children are still being read count as loaded here: their read may
        have run before the change being refreshed, and the runner delivers results in
        submission order, so by the time this refresh's reads arrive the stale children
        are in place and get reconciled (otherwise a series expanded a moment before a
        sync or backfill wrote to it kept its old rows).
        """
        wanted = None if feed_ids is None else set(feed_ids)
        plan: list[tuple[Key, int]] = [(self.root.key, 0)]
        for feed in self.root.children:
            if feed.type is NodeType.SMART and smart and _read_or_reading(feed):
                shown = len(feed.children) + (PAGE if feed.loading else 0)  # a page on its way
                plan.append((feed.key, max(shown, PAGE)))
                plan.extend((c.key, 0) for c in feed.children if c.lazy and _read_or_reading(c))
            if feed.type is not NodeType.FEED or not _read_or_reading(feed):
                continue
            if wanted is not None and feed.feed_id not in wanted:
                continue
            plan.append((feed.key, 0))
            plan.extend((child.key, 0) for child in feed.children if _read_or_reading(child))
        loader = self.loader

        def collect() -> list[tuple[Key, list[Node], int]]:
            out = []
            for key, limit in plan:
                try:
                    out.append((key, loader.children(key, limit or None), limit))
                except NotFoundError:
                    out.append((key, [], limit))
            return out

        self._run(collect, self._apply)

    def _apply(self, results: list[tuple[Key, list[Node], int]]) -> None:
        for key, nodes, limit in results:
            for node in self.nodes(key) if key != self.root.key else [self.root]:
                if node.loaded and not node.loading:
                    if node.type is NodeType.SMART:
                        node.more = len(nodes) >= limit
                    self._reconcile(node, nodes)
        self.refreshed.emit()

    def _reconcile(self, parent: Node, desired: list[Node]) -> None:
        """Make ``parent.children`` match ``desired`` by key, keeping surviving nodes."""
        pindex = self.index_of(parent)
        if not parent.children:  # a first read: one insertion, so the view lays out once
            if desired:
                self.beginInsertRows(pindex, 0, len(desired) - 1)
                self._attach(parent, desired, 0)
                self.endInsertRows()
            return
        keys = {n.key for n in desired}
        for i in range(len(parent.children) - 1, -1, -1):
            if parent.children[i].key not in keys:
                self._remove(parent, pindex, i)
        for i, want in enumerate(desired):
            children = parent.children
            if i < len(children) and children[i].key == want.key:
                if children[i].take_payload(want):
                    self._changed(children[i])
                continue
            old = next(
                (j for j in range(i + 1, len(children)) if children[j].key == want.key), None
            )
            if old is not None:  # moved: keep the node (and its loaded children)
                node = children[old]
                self._remove(parent, pindex, old, keep=True)
                node.take_payload(want)
                want = node
            self.beginInsertRows(pindex, i, i)
            self._attach(parent, [want], i)
            self.endInsertRows()

    def _remove(self, parent: Node, pindex: QModelIndex, row: int, keep: bool = False) -> None:
        self.beginRemoveRows(pindex, row, row)
        node = parent.children.pop(row)
        self._unregister(node)
        node.parent = None
        self.endRemoveRows()
        if keep:
            node.alive = True

    def set_unread_only(self, unread_only: bool) -> None:
        """Show only unread articles (a deliberate switch: the model is rebuilt)."""
        if unread_only == self.loader.unread_only:
            return
        self.rebuild(unread_only=unread_only)

    def set_sort(self, sort: str) -> None:
        if sort != self.loader.sort:
            self.rebuild(sort=sort)

    def rebuild(self, *, unread_only: bool | None = None, sort: str | None = None) -> None:
        self.beginResetModel()
        for child in self.root.children:
            self._unregister(child)
        self.root.children = []
        self.loader = TreeLoader(
            self.reads,
            unread_only=self.loader.unread_only if unread_only is None else unread_only,
            sort=sort or self.loader.sort,
        )
        self._attach(self.root, self.loader.root_children(), 0)
        self.endResetModel()

    # --- finding rows -----------------------------------------------------------------

    def feed_title(self, feed_id: int) -> str:
        """The feed's name as its row shows it ("" for a feed not in the tree)."""
        for node in self._by_key.get(("feed", feed_id), ()):
            if node.feed is not None:
                return node.feed.display_title
        return ""

    def feed_index(self, feed_id: int) -> QModelIndex:
        for node in self.nodes(("feed", feed_id)):
            return self.index_of(node)
        return QModelIndex()

    def series_index(self, series_id: int) -> QModelIndex:
        found = self.nodes(("series", series_id))
        if not found:
            try:
                series = self.loader.require_reads().get_series(series_id)
            except NotFoundError:
                return QModelIndex()
            for feed in self.nodes(("feed", series.feed_id)):
                self.load_now(feed)
            found = self.nodes(("series", series.id))
        return self.index_of(found[0]) if found else QModelIndex()

    def article_index(self, article_id: int) -> QModelIndex:
        """The article's row under its feed (loading the feed/series as needed)."""

        def in_feeds(node: Node) -> bool:
            while node.parent is not None and node.parent is not self.root:
                node = node.parent
            return node.type is NodeType.FEED

        found = [n for n in self.nodes(("article", article_id)) if in_feeds(n)]
        if not found:
            try:
                article = self.loader.require_reads().get_article(article_id)
            except NotFoundError:
                return QModelIndex()
            for feed in self.nodes(("feed", article.feed_id)):
                self.load_now(feed)
            key = (
                ("series", article.series_id)
                if article.series_id
                else ("standalone", article.feed_id)
            )
            for group in self.nodes(key):
                self.load_now(group)
            found = [n for n in self.nodes(("article", article_id)) if in_feeds(n)]
        return self.index_of(found[0]) if found else QModelIndex()


def _read_or_reading(node: Node) -> bool:
    """Children loaded, or their read already queued (``TreeModel.refresh`` covers both)."""
    return node.loaded or node.loading
