"""``SeriesCommands``: following a series and finding its missing parts.

* ``toggle_follow`` (key F, the tree's menu, the series pane's star) records the follow
  through the library; its ``Changes`` go to the hub (the row gets its ★, the
  "Following" view re-lists, the series page redraws).
* After each sync run, ``FollowNotifier`` raises ONE notification for the new parts of
  followed series (tray message, else the status bar).
* ``find_missing_parts`` runs ``Library.backfill`` as a background ``Job``
  (``BackfillController``), with progress in the status bar; what it found goes to the
  hub.
* ``export_epub`` makes the series an e-book (``Library.export_epub``) on the reads lane:
  a long series is many texts to read and parse, and the window must not wait on it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from readinglist.gui.backfill_worker import BackfillController, describe_reports
from readinglist.gui.notify import FollowNotifier
from readinglist.gui.tree_nodes import NodeType
from readinglist.model.changes import Changes
from readinglist.model.errors import NotFoundError, ReadingListError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from readinglist.gui.article_view import ArticlePane
    from readinglist.gui.background import TaskManager
    from readinglist.gui.changes_hub import ChangesHub
    from readinglist.gui.navigation import Navigator
    from readinglist.gui.pages import Pages
    from readinglist.gui.series_pane import SeriesPane
    from readinglist.gui.sync_worker import SyncController
    from readinglist.gui.tree_model import TreeModel
    from readinglist.services.library import Library


class SeriesCommands:
    def __init__(
        self,
        *,
        library: Library,
        hub: ChangesHub,
        tasks: TaskManager,
        sync: SyncController,
        navigator: Navigator,
        model: TreeModel,
        pages: Pages,
        window: QMainWindow,  # raised when a notification is clicked; its icon
        action: Callable[[str], QAction],
        status: Callable[[str], None],
    ) -> None:
        self._library, self._hub, self._nav, self._model = library, hub, navigator, model
        self._pages, self._window, self._action, self._status = pages, window, action, status
        self.tree = navigator.tree
        self._reads = tasks.reads
        self.notifier = FollowNotifier(library, window, icon=window.windowIcon())
        self.backfill = BackfillController(library, window)
        tasks.adopt(self.backfill)
        sync.started.connect(self.notifier.begin)
        sync.feedResult.connect(self.notifier.add_result)
        sync.finished.connect(self.notifier.finish)
        sync.failed.connect(self.notifier.finish)
        self.notifier.statusMessage.connect(status)
        self.notifier.activated.connect(self._show_notified_series)
        self.backfill.started.connect(self._backfill_started)
        self.backfill.progress.connect(self._backfill_progress)
        self.backfill.finished.connect(self._backfill_finished)
        self.backfill.failed.connect(self._backfill_failed)
        self.tree.followChanged.connect(self._say_followed)
        self.tree.findMissingRequested.connect(self._find_missing_from_menu)
        action("cancel_find_missing").setEnabled(False)

    def wire_pages(self, article: ArticlePane, series: SeriesPane) -> None:
        """Connect the article and series pages once they are built."""
        series.followToggled.connect(self._say_followed)
        series.findMissingRequested.connect(lambda sid: self.find_missing_parts((sid,)))
        article.findMissingRequested.connect(lambda sid: self.find_missing_parts((sid,)))

    def shutdown(self) -> None:
        self.notifier.shutdown()

    # --- which series -----------------------------------------------------------------

    def series_target(self) -> int | None:
        """The series the user means: the one shown on the right, else the tree row's."""
        pages = self._pages
        if pages.showing_series() and pages.series_pane.current_series_id() is not None:
            return pages.series_pane.current_series_id()
        if pages.showing_article():
            article = pages.article_pane.current_article()
            if article is not None and article.series_id is not None:
                return article.series_id
        node = self.tree.selected_node()
        if node is None or self._nav.filtering():
            return None
        if node.type is NodeType.SERIES and node.series is not None:
            return node.series.id
        if node.type is NodeType.PLACEHOLDER:
            return node.series_id
        if node.article is not None:
            return node.article.series_id
        return None

    # --- the series as an e-book ----------------------------------------------------------

    def export_epub(self, path: str | None = None) -> None:
        """Ask where (unless ``path``), then write the e-book off the GUI thread."""
        series_id = self.series_target()
        if series_id is None:
            self._status("Pick a series (or one of its articles) to export it as an e-book.")
            return
        try:
            name = self._library.get_series(series_id).name
        except NotFoundError:
            return
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            suggested = "".join(c if c.isalnum() or c in " -_" else "_" for c in name).strip()
            path, _ = QFileDialog.getSaveFileName(
                self._window,
                "Export series as e-book",
                str(Path.home() / f"{suggested or 'series'}.epub"),
                "EPUB e-book (*.epub)",
            )
        if not path:
            return
        target, library = Path(path), self._library

        def make() -> int:
            data = library.export_epub(series_id)
            target.write_bytes(data)
            return len(data)

        self._status(f"Making the e-book of {name}…")
        self._reads.submit(
            make,
            on_done=lambda size: self._status(f"Saved {target} ({max(1, size // 1024)} KB)"),
            on_error=lambda exc: self._status(f"Could not export {name}: {_reason(exc)}"),
        )

    # --- following ----------------------------------------------------------------------

    def _chosen_series(self) -> int | None:
        """The series the menu command is for, or None (and the reader is told why)."""
        series_id = self.series_target()
        if series_id is None:
            self._status("Select a series (or one of its parts) first.")
        return series_id

    def toggle_follow(self) -> None:
        series_id = self._chosen_series()
        if series_id is None:
            return
        library = self._library
        try:
            followed = not library.get_series(series_id).followed
            changes = library.set_followed(series_id, followed)
        except NotFoundError:
            self._status("That series is no longer in the library.")
            return
        self._hub.publish(changes)
        self._say_followed(series_id, followed)

    def confirm_series(self) -> None:
        """A guessed group is a series: it is no longer marked (Series ▸ Confirm series)."""
        series_id = self._chosen_series()
        if series_id is None:
            return
        try:
            name = self._library.get_series(series_id).name
            self._hub.publish(self._library.confirm_series(series_id))
        except NotFoundError:
            self._status("That series is no longer in the library.")
            return
        self._status(f"“{name}” is a series: no longer marked as a guess.")

    def not_a_series(self) -> None:
        """Dissolve a wrongly detected group; later posts detected into it stay
        standalone (Series ▸ Not a series)."""
        series_id = self._chosen_series()
        if series_id is None:
            return
        try:
            name = self._library.get_series(series_id).name
            changes = self._library.dismiss_series(series_id)
        except ReadingListError as exc:
            self._status(str(exc))
            return
        self._hub.publish(changes)
        self._status(
            f"“{name}” is not a series: its {len(changes.articles)} posts are standalone,"
            " and later ones will be too (Ctrl+Z undoes it)."
        )

    def _say_followed(self, series_id: int, followed: bool) -> None:
        try:
            series = self._library.get_series(series_id)
        except NotFoundError:
            return
        if followed:
            self._status(f"Following “{series.name}”: a new part will bring a notification.")
        else:
            self._status(f"No longer following “{series.name}”.")

    def _show_notified_series(self, series_id: int) -> None:
        window = self._window
        window.showNormal()
        window.raise_()
        window.activateWindow()
        if self._nav.filtering():
            self._nav.filter_bar.clear()
        self.tree.select_index(self._model.series_index(series_id))

    # --- finding missing parts ------------------------------------------------------------

    def _find_missing_from_menu(self, series_ids: object, feed_id: object) -> None:
        ids = tuple(series_ids) if isinstance(series_ids, (tuple, list)) else None
        self.find_missing_parts(ids, feed_id if isinstance(feed_id, int) else None)

    def find_missing_parts(
        self, series_ids: Sequence[int] | None = None, feed_id: int | None = None
    ) -> bool:
        """Search the selected series (or every series of the selected feed) for parts
        the feed no longer lists. False when nothing was started."""
        if series_ids is None and feed_id is None:
            node = self.tree.selected_node()
            if (
                not self._nav.filtering()
                and node is not None
                and node.type in (NodeType.FEED, NodeType.STANDALONE)
            ):
                feed_id = node.feed_id
            elif (series_id := self.series_target()) is not None:
                series_ids = (series_id,)
            else:
                self._status("Select a series or a feed first.")
                return False
        if self.backfill.is_running():
            self._status("Already finding missing parts…")
            return False
        if not self.backfill.available():
            self._status("Finding missing parts is not available.")
            return False
        if not self.backfill.start(series_ids, feed_id=feed_id):
            self._status("Finding missing parts is not available.")
            return False
        self._status("Finding missing parts…")
        self._action("find_missing_parts").setEnabled(False)
        self._action("cancel_find_missing").setEnabled(True)
        return True

    def cancel_find_missing(self) -> None:
        if self.backfill.is_running():
            self.backfill.cancel()
            self._status("Cancelling the search for missing parts…")

    def _backfill_started(self) -> None:
        self._status("Finding missing parts…")

    def _backfill_progress(self, done: int, total: int) -> None:
        self._status(f"Finding missing parts: {done} of {total} series…")

    def _backfill_done(self) -> None:
        self._action("find_missing_parts").setEnabled(True)
        self._action("cancel_find_missing").setEnabled(False)

    def _backfill_finished(self, reports: object) -> None:
        self._backfill_done()
        found = list(reports) if isinstance(reports, (list, tuple)) else []
        self._status(describe_reports(found, cancelled=self.backfill.cancelled()))
        changes = Changes()
        for report in found:
            changes |= report.changes
        self._hub.publish(changes)

    def _backfill_failed(self, message: str) -> None:
        self._backfill_done()
        self._status(message)


def _reason(exc: Exception) -> str:
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
