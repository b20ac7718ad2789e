"""The main window: builds the parts, hands each what it needs, and wires them.

Left: the filter bar over a stack of (library tree | flat filter results), driven by
``Navigator``. Right: ``Pages`` — a stack of (ArticlePane | SeriesPane | EmptyState).
The commands live in plain controllers: ``LibraryCommands`` (add, import, export,
sync), ``SeriesCommands`` (follow, find missing parts, the notifier),
``SiteSeriesCommands`` (a feed's series as its site lists them) and
``PreferenceCommands``; the window maps every binding of ``actions.BINDINGS`` to one
of their callables (``commands``). Background work goes through one ``TaskManager``;
every write's ``Changes`` go through one ``ChangesHub``, which the tree, the pages
and the window listen to. Sync progress and outcomes go to the status bar; a failed
feed shows as a warning icon on its row, never as a modal dialog.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

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
from readinglist.gui.actions import Actions, missing_commands
from readinglist.gui.background import TaskManager
from readinglist.gui.changes_hub import ChangesHub
from readinglist.gui.filter_bar import FilterBar, ResultsModel
from readinglist.gui.navigation import Navigator
from readinglist.gui.pages import Pages
from readinglist.gui.preference_commands import PreferenceCommands
from readinglist.gui.series_tree import SeriesTree
from readinglist.gui.settings import Preferences, Settings
from readinglist.gui.tree_model import IdRole, TreeModel
from readinglist.gui.tree_nodes import Node, NodeType
from readinglist.model.changes import Changes

if TYPE_CHECKING:
    from readinglist.gui.article_view import ArticlePane
    from readinglist.gui.library_commands import LibraryCommands
    from readinglist.gui.series_commands import SeriesCommands
    from readinglist.gui.series_pane import SeriesPane
    from readinglist.gui.sync_worker import SyncController
    from readinglist.gui.undo_command import UndoCommand
    from readinglist.model.records import FeedSyncResult, SyncSummary
    from readinglist.services.library import Library

REFRESH_DELAY_MS = 400  # sync results are folded into the tree in batches

Command = Callable[[], object]


class MainWindow(QMainWindow):
    """The window. Built in two steps so it can paint before the library is open:

    ``MainWindow(library)`` does both at once. ``MainWindow(None, data_dir=...,
    root_nodes=...)`` builds the shell (menus, toolbar, filter box, the tree's top rows
    as launch peeked at them, the saved layout); ``attach(library)`` brings the
    library, the threads, the controllers and the wiring right after the first paint.
    In between, commands are ignored (``run_command``), the tree loads no children and
    selections reach no page: nothing can touch the library before it is there.
    """

    library: Library
    tasks: TaskManager
    sync: SyncController
    library_commands: LibraryCommands
    series_commands: SeriesCommands
    undo_command: UndoCommand

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
        self.preferences = PreferenceCommands(
            settings or Settings.for_data_dir(folder),
            parent=self,
            article_pane=lambda: self.article_pane,
            status=self.status,
        )
        self.settings = self.preferences.settings
        self._closed = False
        self.threads_stopped = True  # see shutdown()
        self._attached = False
        self.commands: dict[str, Command] = {}
        self.hub = ChangesHub(self)
        self.setWindowTitle("readinglist")
        self.setWindowIcon(theme.icon("readinglist"))
        self.resize(1200, 760)

        self.model = TreeModel(
            library,
            sort=self.prefs.default_sort,
            parent=self,
            root=root_nodes,
        )
        self.tree = SeriesTree(None, self.model, hub=self.hub)
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
        self.pages = Pages(self._build_pages)
        self.empty_state = self.pages.empty_state
        self.right_stack = self.pages.stack

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right_stack)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([380, 820])
        self.setCentralWidget(self.splitter)

        self.menus = Actions(self, self.run_command)
        self.navigator = Navigator(
            tree=self.tree,
            model=self.model,
            filter_bar=self.filter_bar,
            results=self.results,
            results_model=self.results_model,
            left_stack=self.left_stack,
            status=self.status,
            clear_status=self.statusBar().clearMessage,
            show_article=self.show_article_in_tree,
            article_open=self.pages.article_open,
            set_unread_checked=self.menus.action("toggle_unread_only").setChecked,
        )
        self.statusBar().showMessage("Ready")
        self._pending = Changes()  # sync results not yet published
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self._flush_refresh)
        self._restore_layout()
        if library is not None:
            self.attach(library)

    # --- the second step -----------------------------------------------------------------

    def attach(self, library: Library) -> None:
        """The library, the threads, the controllers, the wiring, the last selection."""
        if self._attached:
            return
        from readinglist.gui.library_commands import LibraryCommands
        from readinglist.gui.offline_commands import OfflineCommands
        from readinglist.gui.series_commands import SeriesCommands
        from readinglist.gui.site_series_commands import SiteSeriesCommands
        from readinglist.gui.sync_worker import SyncController
        from readinglist.gui.undo_command import UndoCommand

        self.library = library
        self.tasks = TaskManager(self, thread_finalizer=library.close_thread_connection)
        self.sync = SyncController(library, self)
        self.tasks.adopt(self.sync)
        self.preferences.attach(library, self.sync, self.model, self.tasks.network)
        self.model.attach_reads(library, run=self._run)
        self.results_model.attach(library, self.tasks.reads, self.model.feed_title)
        self.tree.attach(library)
        self.navigator.attach(library, self.tasks.reads, self.tasks.counts)
        self.library_commands = LibraryCommands(
            library=library,
            hub=self.hub,
            sync=self.sync,
            network=self.tasks.network,
            parent=self,
            status=self.status,
            flush_note=lambda: self.article_pane.flush_note(),
            focus_tree=self.tree.setFocus,
            after_subscribe=lambda feed: (
                self.prefs.site_series_on_subscribe
                and self.site_series.read_new_feeds_list(feed.id)
            ),
        )
        self._wire()  # before the notifier: its status-bar fallback follows the sync summary
        self.series_commands = SeriesCommands(
            library=library,
            hub=self.hub,
            tasks=self.tasks,
            sync=self.sync,
            navigator=self.navigator,
            model=self.model,
            pages=self.pages,
            window=self,
            action=self.menus.action,
            status=self.status,
        )
        self.undo_command = UndoCommand(
            library=library, hub=self.hub, navigator=self.navigator, model=self.model,
            action=self.menus.action("undo"), status=self.status,
        )  # fmt: skip
        self.offline = OfflineCommands(
            library=library, hub=self.hub, tasks=self.tasks, status=self.status, parent=self
        )
        self.tree.keepOfflineRequested.connect(self.offline.keep_offline)
        self.site_series = SiteSeriesCommands(
            library=library, hub=self.hub, tasks=self.tasks, tree=self.tree,
            status=self.status, parent=self,
        )  # fmt: skip
        self.commands = self._command_table()
        self._attached = True
        self._restore_selection()

    def _command_table(self) -> dict[str, Command]:
        """Every binding's callable (``actions.BINDINGS`` names them by key)."""
        nav, lib = self.navigator, self.library_commands
        prefs, series = self.preferences, self.series_commands
        table: dict[str, Command] = {
            "add_feed": lib.add_feed,
            "import_opml": lib.import_opml,
            "export_opml": lib.export_opml,
            "export_notes": lib.export_notes,
            "sync_now": lib.sync_now,
            "cancel_sync": lib.cancel_sync,
            "show_preferences": prefs.show_preferences,
            "larger_text": prefs.larger_text,
            "smaller_text": prefs.smaller_text,
            "reset_text_size": prefs.reset_text_size,
            "next_article": nav.next_article,
            "previous_article": nav.previous_article,
            "next_unread": nav.next_unread,
            "previous_unread": nav.previous_unread,
            "focus_filter": nav.focus_filter,
            "toggle_unread_only": nav.toggle_unread_only,
            "focus_tree": nav.focus_tree,
            "toggle_read": self.toggle_read,
            "toggle_star": self.toggle_star,
            "open_in_browser": self.open_in_browser,
            "edit_note": self.edit_note,
            "highlight_selection": self.highlight_selection,
            "toggle_follow": series.toggle_follow,
            "confirm_series": series.confirm_series,
            "not_a_series": series.not_a_series,
            "undo": self.undo_command.undo,
            "find_missing_parts": series.find_missing_parts,
            "export_series_epub": series.export_epub,
            "cancel_find_missing": series.cancel_find_missing,
            "read_site_series": self.site_series.read_site_series,
            "show_shortcuts": self.show_shortcuts,
            "show_about": self.show_about,
            "quit": self.close,
        }
        missing = missing_commands(table)
        assert not missing, f"bindings without a command: {missing}"
        return table

    def is_attached(self) -> bool:
        return self._attached

    def is_closed(self) -> bool:
        return self._closed

    def run_command(self, command: str) -> None:
        """What a menu item, toolbar button or shortcut does (nothing until attached)."""
        if self._attached and not self._closed:
            self.commands[command]()

    def _wire(self) -> None:
        self.tree.selectionModel().selectionChanged.connect(self._on_tree_selection)
        self.results.selectionModel().currentChanged.connect(self._on_result_current)
        self.tree.statusMessage.connect(self.status)
        self.hub.changed.connect(self.model.apply_changes)
        self.hub.changed.connect(self._on_changes)
        self.model.refreshed.connect(self._update_empty_state)
        lib = self.library_commands
        self.empty_state.addFeedRequested.connect(lib.add_feed)
        self.empty_state.importRequested.connect(lib.import_opml)
        self.empty_state.sampleRequested.connect(lib.load_sample_library)
        self.sync.started.connect(self._sync_started)
        self.sync.progress.connect(self._sync_progress)
        self.sync.feedResult.connect(self._sync_result)
        self.sync.finished.connect(self._sync_finished)
        self.sync.failed.connect(self._sync_failed)

    # --- the article and series pages (built lazily) ------------------------------------

    @property
    def article_pane(self) -> ArticlePane:
        return self.pages.article_pane

    @property
    def series_pane(self) -> SeriesPane:
        return self.pages.series_pane

    @property
    def prefs(self) -> Preferences:
        return self.preferences.prefs

    def apply_preferences(self, prefs: Preferences) -> None:
        self.preferences.apply_preferences(prefs)

    def _build_pages_if_open(self) -> None:
        """The deferred build after the first paint; nothing to do once closing began."""
        if not self._closed:
            self.pages.build()

    def _build_pages(self) -> tuple[ArticlePane, SeriesPane]:
        """Build and wire the article and series pages (``Pages`` calls this once)."""
        from readinglist.gui.article_view import ArticlePane
        from readinglist.gui.series_pane import SeriesPane

        pane = ArticlePane(
            self.library,
            runner=self.tasks.network,
            mark_read_on_open=self.prefs.mark_read_on_open,
            load_remote_images=self.prefs.load_remote_images,
            hub=self.hub,
        )
        self.preferences.configure_article_pane(pane)
        series = SeriesPane(self.library, hub=self.hub)
        pane.navigateRequested.connect(self.show_article_in_tree)
        pane.linkRefused.connect(lambda url: self.status(f"Refused to open {url}"))
        pane.statusMessage.connect(self.status)
        pane.notes_editor().escapePressed.connect(self.navigator.focus_tree)
        series.articleActivated.connect(self.show_article_in_tree)
        series.statusMessage.connect(self.status)
        series.notes_editor().escapePressed.connect(self.navigator.focus_tree)
        self.series_commands.wire_pages(pane, series)
        return pane, series

    def _run(self, fn: Callable[[], object], on_done: Callable[[object], None]) -> None:
        self.tasks.reads.submit(
            fn, on_done, lambda exc: self.status(f"Could not read the library: {exc}")
        )

    def status(self, text: str) -> None:
        self.statusBar().showMessage(text)

    def start(self, *, sync_on_start: bool = True) -> None:
        """Called once the window is shown: the first sync and the refresh timer."""
        self.sync.set_interval_minutes(self.prefs.refresh_minutes)
        if sync_on_start:
            QTimer.singleShot(0, self.library_commands.sync_now)
        # Two turns of the event loop: the first exposes and paints the window.
        QTimer.singleShot(0, self, lambda: QTimer.singleShot(0, self, self._build_pages_if_open))

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
            self.pages.show_article(node.article.id)
        elif node.type is NodeType.SERIES and node.series is not None:
            self.pages.show_series(node.series.id)
        elif node.type is NodeType.FEED and node.feed is not None:
            # one indexed count: fresh after syncs
            feed = self.library.get_feed(node.feed.id)
            text = f"{feed.article_count} articles, {feed.unread_count} unread.\n{feed.url}"
            if feed.last_error:
                text += f"\n\nThe last sync failed: {feed.last_error}"
            self.pages.show_hint(feed.display_title, text)
        else:
            self.pages.show_hint(str(current.data()))

    def _on_result_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.pages.show_article(int(current.data(IdRole)))

    def _show_nothing(self) -> None:
        if self._has_feeds():
            self.pages.show_hint("Pick something to read")
        else:
            self.pages.show_first_run()

    def _has_feeds(self) -> bool:
        return any(n.type is NodeType.FEED for n in self.model.root.children)

    def _update_empty_state(self) -> None:
        first_run, has_feeds = self.empty_state.is_first_run(), self._has_feeds()
        if (first_run and has_feeds) or (self.pages.showing_empty() and not has_feeds):
            self._show_nothing()

    def show_article_in_tree(self, article_id: int) -> None:
        """Select an article (from a part link or the series pane) and show it."""
        if self.navigator.filtering():
            self.filter_bar.clear()
        if self.tree.select_article(article_id):
            return
        self.pages.show_article(article_id)

    # --- the shown article ---------------------------------------------------------------

    def _article_shown(self) -> bool:
        if self.pages.showing_article() and self.article_pane.current_article_id():
            return True
        self.status("Select an article first.")
        return False

    def toggle_read(self) -> None:
        if self._article_shown():
            self.article_pane.toggle_read()

    def toggle_star(self) -> None:
        if self._article_shown():
            self.article_pane.toggle_star()

    def open_in_browser(self) -> None:
        if self._article_shown():
            self.article_pane.open_in_browser()

    def highlight_selection(self) -> None:
        if self._article_shown():
            self.article_pane.highlight_selection()

    def edit_note(self) -> None:
        if self.pages.showing_series():
            self.series_pane.focus_notes()
        elif self._article_shown():
            self.article_pane.focus_notes()

    # --- changes ---------------------------------------------------------------------------

    def _on_changes(self, changes: Changes) -> None:
        """The window's own share of a change: filter result rows, the feed page."""
        if self.left_stack.currentWidget() is self.results or self.results_model.articles:
            for article_id in changes.articles:
                if self.results_model.row_of(article_id) >= 0:
                    self.results_model.update_article(self.library.get_article(article_id))
        self.refresh_hint()

    def refresh_hint(self) -> None:
        """Re-draw the feed/smart-view page after a change touched its counts."""
        if self.pages.showing_empty():
            self._on_tree_selection()

    # --- sync ------------------------------------------------------------------------------

    def _sync_started(self) -> None:
        self.status("Syncing…")
        self.menus.action("sync_now").setEnabled(False)
        self.menus.action("cancel_sync").setEnabled(True)

    def _sync_progress(self, done: int, total: int) -> None:
        unit = self.sync.unit  # feeds we fetch, or items a sync account's server sends
        self.status(f"Syncing {done} of {total} {unit}{'s' if total != 1 else ''}…")

    def _sync_result(self, result: FeedSyncResult) -> None:
        self._pending |= result.changes
        if result.new_count or result.updated_count:
            self._pending |= Changes.of(feeds=[result.feed_id])
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def _flush_refresh(self) -> None:
        """Publish a batch of sync results: the feeds that got articles, and the feed
        rows themselves (status, errors, titles) — ``feed_list``."""
        self._refresh_timer.stop()
        changes, self._pending = self._pending, Changes()
        self.hub.publish(changes | Changes(feed_list=True))

    def _sync_done(self) -> None:
        self.menus.action("sync_now").setEnabled(True)
        self.menus.action("cancel_sync").setEnabled(False)
        self._flush_refresh()

    def _sync_finished(self, summary: SyncSummary) -> None:
        # read and stars from other devices, feeds grouped again by newer rules, new
        # posts filed as their site lists them: none came with a feed's own result
        self._pending |= summary.after_results
        self._sync_done()
        self.status(summary.describe())

    def _sync_failed(self, message: str) -> None:
        self._sync_done()
        self.status(message)

    # --- dialogs ---------------------------------------------------------------------------

    def show_preferences(self) -> QWidget:
        return self.preferences.show_preferences()

    def show_shortcuts(self) -> QWidget:
        from readinglist.gui.dialogs.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.open()
        return dialog

    def show_about(self) -> QWidget:
        from readinglist.gui.dialogs.about import AboutDialog

        dialog = AboutDialog(self.library.data_dir, self)
        dialog.open()
        return dialog

    # --- quitting -------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        event.accept()

    def shutdown(self) -> None:
        """Save the note being typed and the window state, stop the threads (idempotent).

        ``threads_stopped`` says afterwards whether every background thread ended."""
        if self._closed:
            return
        self._closed = True
        self.pages.flush_notes()
        self._save_state()
        self.menus.uninstall()
        self._refresh_timer.stop()
        self.navigator.close()
        if not self._attached:
            return  # closed before the library came: no threads, nothing to flush
        self.series_commands.shutdown()
        # sync, then finding missing parts, then the two lanes
        self.threads_stopped = self.tasks.shutdown()
        with contextlib.suppress(Exception):  # quitting must not fail on a busy WAL
            self.library.checkpoint()

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
