"""The main window: composes the parts, wires their signals, owns the threads.

Left: filter bar over a stack of (library tree | flat filter results). Right: a stack of
(ArticlePane | SeriesPane | EmptyState). Sync progress and outcomes go to the status
bar; a failed feed shows as a warning icon on its row, never as a modal dialog.
File-level commands (add, import, export, preferences) live in ``window_commands``.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from readinglist.gui import result_rows, theme
from readinglist.gui.actions import Actions
from readinglist.gui.background import TaskManager
from readinglist.gui.empty_state import EmptyState
from readinglist.gui.filter_bar import FilterBar, ResultsModel, results_summary
from readinglist.gui.series_commands import SeriesCommands
from readinglist.gui.series_tree import SeriesTree
from readinglist.gui.settings import Settings
from readinglist.gui.sync_worker import SyncController
from readinglist.gui.tree_model import IdRole, TreeModel
from readinglist.gui.tree_nodes import Node, NodeType
from readinglist.gui.window_commands import WindowCommands
from readinglist.model.errors import NotFoundError
from readinglist.storage.query import ArticleQuery

if TYPE_CHECKING:
    from readinglist.gui.article_view import ArticlePane
    from readinglist.gui.series_pane import SeriesPane
    from readinglist.model.records import FeedSyncResult, SyncSummary
    from readinglist.services.library import Library

SEARCH_LIMIT = 500
REFRESH_DELAY_MS = 400  # sync results are folded into the tree in batches
COUNT_DELAY_MS = 300  # a cut filter list is counted once the typing pauses


def _then_release(store: Any, result: Any) -> Any:
    """A filter reads pages no other view needs: free them on the runner's connection."""
    store.release_cache()
    return result


class MainWindow(SeriesCommands, WindowCommands, QMainWindow):
    """The window. Built in two steps so it can paint before the library is open:

    ``MainWindow(library)`` does both at once. ``MainWindow(None, data_dir=...,
    root_nodes=...)`` builds the shell (menus, toolbar, filter box, the tree's top rows
    as launch peeked at them, the saved layout); ``attach(library)`` brings the store,
    the threads and the wiring right after the first paint. In between, commands are
    ignored (``run_command``), the tree loads no children and selections reach no
    page: nothing can touch the store before it is there.
    """

    def __init__(
        self,
        library: Library | None,
        *,
        settings: Settings | None = None,
        root_nodes: list[Node] | None = None,  # the tree's top rows, read ahead by launch
        data_dir: Path | None = None,  # where the library is, when it comes later
    ) -> None:
        super().__init__()
        if library is None and (data_dir is None or root_nodes is None):
            raise ValueError("a window without its library needs data_dir and root_nodes")
        folder = library.data_dir if library is not None else data_dir
        assert folder is not None
        self.settings = settings or Settings.for_data_dir(folder)
        self.prefs = self.settings.preferences()
        self._apply_theme()
        self._closed = False
        self._attached = False
        self.setWindowTitle("readinglist")
        self.setWindowIcon(theme.icon("readinglist"))
        self.resize(1200, 760)

        self.model = TreeModel(
            None if library is None else library.store,
            sort=self.prefs.default_sort,
            parent=self,
            root=root_nodes,
        )
        self.tree = SeriesTree(None, self.model)
        self.filter_bar = FilterBar()
        self.results_model = ResultsModel(self)
        self.results = QListView()
        self.results.setObjectName("filterResults")
        self.results.setModel(self.results_model)
        result_rows.install(self.results)  # title, feed · series · date, matching words
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.left_stack = QStackedWidget()
        self.left_stack.addWidget(self.tree)
        self.left_stack.addWidget(self.results)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(4, 4, 0, 0)
        column.addWidget(self.filter_bar)
        column.addWidget(self.left_stack, 1)

        # The article and series pages are built once the window has painted (or on
        # first use): the first paint needs only the tree and the empty state.
        self._article_pane: ArticlePane | None = None
        self._series_pane: SeriesPane | None = None
        self.empty_state = EmptyState()
        self.right_stack = QStackedWidget()
        self.right_stack.addWidget(self.empty_state)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right_stack)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([380, 820])
        self.setCentralWidget(self.splitter)

        self.actions = Actions(self)
        self.statusBar().showMessage("Ready")
        self._pending_feeds: set[int] = set()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self._flush_refresh)
        self._restore_layout()
        if library is not None:
            self.attach(library)

    def attach(self, library: Library) -> None:
        """The second step: the store, the worker threads, the wiring, the last selection."""
        if self._attached:
            return
        self.library = library
        self.store = library.store
        self.tasks = TaskManager(self, thread_finalizer=self.store.close)
        self.runner, self.net_runner = self.tasks.reads, self.tasks.network
        self.sync = SyncController(library, self)
        self.tasks.adopt(self.sync)
        self._apply_download_timeout()
        self.model.attach_store(self.store, run=self._run)
        self.results_model.attach(self.store, self.runner, self.model.feed_title)
        self.tree.attach(library)
        self._wire()
        self._wire_series()
        self._attached = True
        self._restore_selection()
        if self.filter_bar.text():  # typed before the library was there
            self._search(self.filter_bar.text())

    def is_attached(self) -> bool:
        return self._attached

    def is_closed(self) -> bool:
        return self._closed

    def run_command(self, command: str) -> None:
        """What a menu item, toolbar button or shortcut does (nothing until attached)."""
        if self._attached and not self._closed:
            getattr(self, command)()

    # --- wiring -------------------------------------------------------------------------

    def _wire(self) -> None:
        self.tree.selectionModel().selectionChanged.connect(self._on_tree_selection)
        self.results.selectionModel().currentChanged.connect(self._on_result_current)
        self.tree.statusMessage.connect(self.status)
        self.tree.libraryChanged.connect(self._library_changed)
        self.model.refreshed.connect(self._update_empty_state)
        self.filter_bar.searchChanged.connect(self._search)
        self.filter_bar.unreadOnlyChanged.connect(self._set_unread_only)
        self.empty_state.addFeedRequested.connect(self.add_feed)
        self.empty_state.importRequested.connect(self.import_opml)
        self.empty_state.sampleRequested.connect(self.load_sample_library)
        self.sync.started.connect(self._sync_started)
        self.sync.progress.connect(self._sync_progress)
        self.sync.feedResult.connect(self._sync_result)
        self.sync.finished.connect(self._sync_finished)
        self.sync.failed.connect(self._sync_failed)

    # --- the article and series pages (built lazily) ------------------------------------

    @property
    def article_pane(self) -> ArticlePane:
        if self._article_pane is None:
            self._build_panes()
        assert self._article_pane is not None
        return self._article_pane

    @property
    def series_pane(self) -> SeriesPane:
        if self._series_pane is None:
            self._build_panes()
        assert self._series_pane is not None
        return self._series_pane

    def _build_panes_if_open(self) -> None:
        """The deferred build after the first paint; nothing to do once closing began."""
        if not self._closed:
            self._build_panes()

    def _build_panes(self) -> None:
        """Build and wire the article and series pages (idempotent)."""
        if self._article_pane is not None:
            return
        from readinglist.gui.article_view import ArticlePane
        from readinglist.gui.series_pane import SeriesPane

        pane = ArticlePane(
            self.library,
            runner=self.net_runner,
            mark_read_on_open=self.prefs.mark_read_on_open,
            load_remote_images=self.prefs.load_remote_images,
        )
        self._configure_article_pane(pane)
        series = SeriesPane(self.library)
        self._article_pane, self._series_pane = pane, series
        self.right_stack.insertWidget(0, pane)  # the current page stays current
        self.right_stack.insertWidget(1, series)
        pane.readToggled.connect(self._article_changed)
        pane.starToggled.connect(self._article_changed)
        pane.pageLengthFetched.connect(self._page_length_fetched)
        pane.navigateRequested.connect(self.show_article_in_tree)
        pane.linkRefused.connect(lambda url: self.status(f"Refused to open {url}"))
        pane.statusMessage.connect(self.status)
        pane.notes_editor().escapePressed.connect(self.focus_tree)
        series.articleActivated.connect(self.show_article_in_tree)
        series.markSeriesRead.connect(self._series_marked)
        series.statusMessage.connect(self.status)
        series.notes_editor().escapePressed.connect(self.focus_tree)
        self._wire_series_panes()

    def _run(self, fn: Any, on_done: Any) -> None:
        self.runner.submit(
            fn, on_done, lambda exc: self.status(f"Could not read the library: {exc}")
        )

    def status(self, text: str) -> None:
        self.statusBar().showMessage(text)

    def start(self, *, sync_on_start: bool = True) -> None:
        """Called once the window is shown: the first sync and the refresh timer."""
        self.sync.set_interval_minutes(self.prefs.refresh_minutes)
        if sync_on_start:
            QTimer.singleShot(0, self.sync_now)
        # Two turns of the event loop: the first exposes and paints the window.
        QTimer.singleShot(0, self, lambda: QTimer.singleShot(0, self, self._build_panes_if_open))

    # --- what the right side shows --------------------------------------------------------

    def _on_tree_selection(self, *_args: object) -> None:
        node = self.tree.selected_node()
        self._on_tree_current(self.model.index_of(node) if node else QModelIndex())

    def _on_tree_current(self, current: QModelIndex) -> None:
        if not current.isValid():
            self._show_nothing()
            return
        node = self.model.node(current)
        if node.type is NodeType.ARTICLE and node.article is not None:
            self._show_article(node.article.id)
        elif node.type is NodeType.SERIES and node.series is not None:
            self.series_pane.show_series(node.series.id)
            self.right_stack.setCurrentWidget(self.series_pane)
        elif node.type is NodeType.FEED and node.feed is not None:
            feed = self.store.get_feed(node.feed.id)  # one indexed count: fresh after syncs
            text = f"{feed.article_count} articles, {feed.unread_count} unread.\n{feed.url}"
            if feed.last_error:
                text += f"\n\nThe last sync failed: {feed.last_error}"
            self._show_hint(feed.display_title, text)
        else:
            self._show_hint(str(current.data()))

    def _on_result_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show_article(int(current.data(IdRole)))

    def _show_article(self, article_id: int) -> None:
        pane = self.article_pane
        if self.right_stack.currentWidget() is not pane or pane.current_article_id() != article_id:
            pane.show_article(article_id)  # the same article again keeps its scroll position
        self.right_stack.setCurrentWidget(pane)

    def _show_hint(self, title: str, text: str | None = None) -> None:
        if self._article_pane is not None:
            self._article_pane.clear()
        self.empty_state.show_hint(title, text) if text else self.empty_state.show_hint(title)
        self.right_stack.setCurrentWidget(self.empty_state)

    def _show_nothing(self) -> None:
        if self._has_feeds():
            self._show_hint("Pick something to read")
        else:
            if self._article_pane is not None:
                self._article_pane.clear()
            self.empty_state.show_first_run()
            self.right_stack.setCurrentWidget(self.empty_state)

    def _has_feeds(self) -> bool:
        return any(n.type is NodeType.FEED for n in self.model.root.children)

    def _update_empty_state(self) -> None:
        first_run = self.empty_state.is_first_run()
        showing_empty = self.right_stack.currentWidget() is self.empty_state
        if (first_run and self._has_feeds()) or (showing_empty and not self._has_feeds()):
            self._show_nothing()

    def show_article_in_tree(self, article_id: int) -> None:
        """Select an article (from a part link or the series pane) and show it."""
        if self.left_stack.currentWidget() is self.results:
            self.filter_bar.clear()
        if self.tree.select_article(article_id):
            return
        self._show_article(article_id)

    def _article_open(self) -> int | None:
        pane = self._article_pane
        if pane is None or self.right_stack.currentWidget() is not pane:
            return None
        return pane.current_article_id()

    # --- changes ---------------------------------------------------------------------------

    def _article_changed(self, article_id: int, _value: bool = False) -> None:
        self.model.article_changed(article_id)
        if self.results_model.row_of(article_id) >= 0:
            self.results_model.update_article(self.store.get_article(article_id))

    def _page_length_fetched(self, article_id: int, _words: int) -> None:
        """An article's reading time now comes from its page: its row, its series' time left."""
        with contextlib.suppress(NotFoundError):  # removed while its page was fetched
            self._article_changed(article_id)
            series_id = self.store.get_article(article_id).series_id
            if series_id is not None and self.series_pane.current_series_id() == series_id:
                self.series_pane.refresh()

    def _series_marked(self, series_id: int) -> None:
        self.model.refresh([self.store.get_series(series_id).feed_id], smart=True)

    def _library_changed(self) -> None:
        self.model.refresh()

    def _set_unread_only(self, on: bool) -> None:
        self.actions.action("toggle_unread_only").setChecked(on)
        selected = self.tree.selected_node()
        key = selected.key if selected is not None else None
        self.model.set_unread_only(on)
        if key and key[0] == "article":
            self.tree.select_article(int(key[1]))  # type: ignore[call-overload]
        if self.filter_bar.text():
            self._search(self.filter_bar.text())

    def _search(self, text: str) -> None:
        if not text:
            self.runner.cancel_channel("search")
            self.runner.cancel_channel("search-count")
            if self.left_stack.currentWidget() is self.results:
                self.left_stack.setCurrentWidget(self.tree)
                self.tree.reveal(self._article_open())  # the tree as it was, and that article
                self.statusBar().clearMessage()  # "12 articles match …" no longer applies
            return
        store, unread = self.store, self.filter_bar.unread_only.isChecked()
        query = ArticleQuery(search=text, unread_only=unread, limit=SEARCH_LIMIT)
        self.runner.submit_latest(
            "search",
            lambda: _then_release(store, store.list_articles(query)),
            lambda articles: self._show_results(text, articles, query),
            lambda exc: self.status(f"Search failed: {exc}"),
        )

    def _show_results(self, text: str, articles: list[Any], query: ArticleQuery) -> None:
        if self.filter_bar.text() != text:
            return
        self.results_model.set_articles(articles, text)
        self.left_stack.setCurrentWidget(self.results)
        n = len(articles)
        self.status(results_summary(n, None if n >= SEARCH_LIMIT else n, text))
        if n >= SEARCH_LIMIT:  # the list is cut: count every match once typing pauses
            QTimer.singleShot(COUNT_DELAY_MS, self, lambda: self._count_matches(text, n, query))

    def _count_matches(self, text: str, shown: int, query: ArticleQuery) -> None:
        if self._closed or self.results_model.query != text or self.filter_bar.text() != text:
            return  # another filter by now: its own list comes first on the runner
        store = self.store
        self.runner.submit_latest(
            "search-count",
            lambda: _then_release(store, store.count_articles(query)),
            lambda total: self._show_count(text, shown, total),
        )

    def _show_count(self, text: str, shown: int, total: int) -> None:
        if self.results_model.query == text and self.filter_bar.text() == text:
            self.status(results_summary(shown, total, text))

    # --- sync ------------------------------------------------------------------------------

    def _sync_started(self) -> None:
        self.status("Syncing…")
        self.actions.action("sync_now").setEnabled(False)
        self.actions.action("cancel_sync").setEnabled(True)

    def _sync_progress(self, done: int, total: int) -> None:
        self.status(f"Syncing {done} of {total} feed{'s' if total != 1 else ''}…")

    def _sync_result(self, result: FeedSyncResult) -> None:
        if result.new_count or result.updated_count:
            self._pending_feeds.add(result.feed_id)
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def _flush_refresh(self) -> None:
        self._refresh_timer.stop()
        feeds, self._pending_feeds = self._pending_feeds, set()
        self.model.refresh(feeds)
        pane = self._article_pane
        shown = pane.current_article() if pane is not None else None
        if pane is not None and shown is not None and shown.feed_id in feeds:
            pane.refresh()
        self.refresh_hint()

    def refresh_hint(self) -> None:
        """Re-draw the feed/smart-view page after a refresh changed its counts."""
        if self.right_stack.currentWidget() is self.empty_state:
            self._on_tree_selection()

    def _sync_done(self) -> None:
        self.actions.action("sync_now").setEnabled(True)
        self.actions.action("cancel_sync").setEnabled(False)
        self._flush_refresh()

    def _sync_finished(self, summary: SyncSummary) -> None:
        self._sync_done()
        self.status(summary.describe())

    def _sync_failed(self, message: str) -> None:
        self._sync_done()
        self.status(message)

    # --- quitting -------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Save the note being typed and the window state, stop the threads (idempotent)."""
        if self._closed:
            return
        self._closed = True
        for page in (self._article_pane, self._series_pane):
            if page is not None:
                page.flush_note()
        self._save_state()
        self.actions.uninstall()
        self._refresh_timer.stop()
        if not self._attached:
            return  # closed before the library came: no threads, nothing to flush
        self._shutdown_series()
        self.tasks.shutdown()  # sync, then finding missing parts, then the two lanes
        with contextlib.suppress(Exception):  # quitting must not fail on a busy WAL
            self.store.checkpoint()

    def _save_state(self) -> None:
        s = self.settings
        s.set_geometry(self.saveGeometry())
        s.set_window_state(self.saveState())
        s.set_splitter_state(self.splitter.saveState())
        s.set_header_state(self.tree.header().saveState())
        if not self._attached:
            s.sync()  # nothing could be selected yet: keep the saved selection
            return
        node = self.tree.selected_node()
        kind = node.key[0] if node is not None else None
        item = node.item_id if node is not None else None
        if kind not in ("article", "series", "feed") or not isinstance(item, int):
            kind, item = None, None
        s.set_last_selection(str(kind) if kind else None, item)
        s.sync()

    def _restore_layout(self) -> None:
        s = self.settings
        if (geometry := s.geometry()) is not None:
            self.restoreGeometry(geometry)
        if (state := s.window_state()) is not None:
            self.restoreState(state)
        if (splitter := s.splitter_state()) is not None:
            self.splitter.restoreState(splitter)
        if (header := s.header_state()) is not None:
            self.tree.header().restoreState(header)
            self.tree.fit_progress_column()  # older saved states say ResizeToContents
        self._show_nothing()
        self.tree.setFocus()

    def _restore_selection(self) -> None:
        if self.tree.selected_node() is not None:  # clicked before the library was there
            self._on_tree_selection()
            return
        last = self.settings.last_selection()
        if last is not None:
            kind, item = last
            finder = {
                "article": self.model.article_index,
                "series": self.model.series_index,
                "feed": self.model.feed_index,
            }.get(kind)
            if finder is not None:
                self.tree.select_index(finder(item))
        self.tree.setFocus()
