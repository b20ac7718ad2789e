"""Following a series and finding its missing parts, as a mixin of ``MainWindow``.

* ``toggle_follow`` (key F, the tree's menu, the series pane's star) records the follow
  in the store; the row gets its ★ and the "Following" view re-lists.
* After each sync run, ``FollowNotifier`` raises ONE notification for the new parts of
  followed series (tray message, else the status bar).
* ``find_missing_parts`` runs ``Library.backfill`` in ``BackfillController``'s thread,
  with progress in the status bar; afterwards the touched series are refreshed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from readinglist.gui.backfill_worker import BackfillController, describe_reports
from readinglist.gui.notify import FollowNotifier
from readinglist.gui.tree_nodes import NodeType
from readinglist.model.errors import NotFoundError

if TYPE_CHECKING:
    from readinglist.gui.main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


class SeriesCommands(_Base):
    notifier: FollowNotifier
    backfill: BackfillController

    def _wire_series(self) -> None:
        """Create the notifier and the backfill thread and connect them (after ``_wire``:
        the notifier's status-bar fallback then follows the sync summary)."""
        self.notifier = FollowNotifier(self.store, self, icon=self.windowIcon())
        self.backfill = BackfillController(self.library, self)
        self.tasks.adopt(self.backfill)
        self.sync.started.connect(self.notifier.begin)
        self.sync.feedResult.connect(self.notifier.add_result)
        self.sync.finished.connect(self.notifier.finish)
        self.sync.failed.connect(self.notifier.finish)
        self.notifier.statusMessage.connect(self.status)
        self.notifier.activated.connect(self._show_notified_series)
        self.backfill.started.connect(self._backfill_started)
        self.backfill.progress.connect(self._backfill_progress)
        self.backfill.finished.connect(self._backfill_finished)
        self.backfill.failed.connect(self._backfill_failed)
        self.tree.followChanged.connect(lambda sid, on: self._follow_changed(sid, on, False))
        self.tree.findMissingRequested.connect(self._find_missing_from_menu)
        self.actions.action("cancel_find_missing").setEnabled(False)

    def _wire_series_panes(self) -> None:
        """Connect the article and series pages once they are built."""
        self.series_pane.followToggled.connect(self._follow_changed)
        self.series_pane.findMissingRequested.connect(lambda sid: self.find_missing_parts((sid,)))
        self.article_pane.findMissingRequested.connect(lambda sid: self.find_missing_parts((sid,)))

    def _shutdown_series(self) -> None:
        self.notifier.shutdown()

    # --- which series -----------------------------------------------------------------

    def _series_target(self) -> int | None:
        """The series the user means: the one shown on the right, else the tree row's."""
        shown = self.right_stack.currentWidget()
        if shown is self.series_pane and self.series_pane.current_series_id() is not None:
            return self.series_pane.current_series_id()
        if shown is self.article_pane:
            article = self.article_pane.current_article()
            if article is not None and article.series_id is not None:
                return article.series_id
        node = self.tree.selected_node()
        if node is None or self._filtering():
            return None
        if node.type is NodeType.SERIES and node.series is not None:
            return node.series.id
        if node.type is NodeType.PLACEHOLDER:
            return node.series_id
        if node.article is not None:
            return node.article.series_id
        return None

    # --- following ----------------------------------------------------------------------

    def toggle_follow(self) -> None:
        series_id = self._series_target()
        if series_id is None:
            self.status("Select a series (or one of its parts) first.")
            return
        try:
            followed = not self.store.get_series(series_id).followed
            self.store.set_followed(series_id, followed)
        except NotFoundError:
            self.status("That series is no longer in the library.")
            return
        self._follow_changed(series_id, followed)

    def _follow_changed(self, series_id: int, followed: bool, refresh_model: bool = True) -> None:
        try:
            series = self.store.get_series(series_id)
        except NotFoundError:
            return
        if refresh_model:
            self.model.refresh([series.feed_id], smart=True)
        if self.series_pane.current_series_id() == series.id:
            self.series_pane.refresh()
        if followed:
            self.status(f"Following “{series.name}”: a new part will bring a notification.")
        else:
            self.status(f"No longer following “{series.name}”.")

    def _show_notified_series(self, series_id: int) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()
        if self._filtering():
            self.filter_bar.clear()
        self.tree.select_index(self.model.series_index(series_id))

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
                not self._filtering()
                and node is not None
                and node.type in (NodeType.FEED, NodeType.STANDALONE)
            ):
                feed_id = node.feed_id
            elif (series_id := self._series_target()) is not None:
                series_ids = (series_id,)
            else:
                self.status("Select a series or a feed first.")
                return False
        if self.backfill.is_running():
            self.status("Already finding missing parts…")
            return False
        if not self.backfill.available():
            self.status("Finding missing parts is not available.")
            return False
        if not self.backfill.start(series_ids, feed_id=feed_id):
            self.status("Finding missing parts is not available.")
            return False
        self.status("Finding missing parts…")
        self.actions.action("find_missing_parts").setEnabled(False)
        self.actions.action("cancel_find_missing").setEnabled(True)
        return True

    def cancel_find_missing(self) -> None:
        if self.backfill.is_running():
            self.backfill.cancel()
            self.status("Cancelling the search for missing parts…")

    def _backfill_started(self) -> None:
        self.status("Finding missing parts…")

    def _backfill_progress(self, done: int, total: int) -> None:
        self.status(f"Finding missing parts: {done} of {total} series…")

    def _backfill_done(self) -> None:
        self.actions.action("find_missing_parts").setEnabled(True)
        self.actions.action("cancel_find_missing").setEnabled(False)

    def _backfill_finished(self, reports: Any) -> None:
        self._backfill_done()
        reports = list(reports or [])
        self.status(describe_reports(reports, cancelled=self.backfill.cancelled()))
        touched = {r.series_id for r in reports if r.new_article_ids}
        if not touched:
            return
        feeds = {s.feed_id for s in self.store.list_series(series_ids=sorted(touched))}
        self.model.refresh(feeds, smart=True)
        self.refresh_hint()
        if self.series_pane.current_series_id() in touched:
            self.series_pane.refresh()
        shown = self.article_pane.current_article()
        if shown is not None and shown.series_id in touched:
            self.article_pane.refresh()

    def _backfill_failed(self, message: str) -> None:
        self._backfill_done()
        self.status(message)
