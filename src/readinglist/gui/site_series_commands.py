"""``SiteSeriesCommands``: "Read series from the site" for a feed, in the background.

The Feed menu and the tree's menu on a feed ask; a ``background.Job`` runs the Qt-free
``Library.read_series_index`` on its own thread (a list page and one feed per series,
politely spaced), and the outcome goes to the status bar, what it regrouped to the
change hub, once, at the end.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from readinglist.gui.background import Job, JobContext

if TYPE_CHECKING:
    from readinglist.gui.background import TaskManager
    from readinglist.gui.changes_hub import ChangesHub
    from readinglist.gui.series_tree import SeriesTree
    from readinglist.services.backfill.series_index import SeriesIndexReport
    from readinglist.services.library import Library

ERROR_CHARS = 90  # the first problem, shortened to fit a status bar


def describe_index(report: SeriesIndexReport) -> str:
    """The report's line, with its first problem when there is one."""
    text = report.describe()
    if report.errors:
        first = report.errors[0]
        text += ": " + (first if len(first) <= ERROR_CHARS else first[: ERROR_CHARS - 1] + "…")
    return text


class SiteSeriesCommands(QObject):
    def __init__(
        self,
        *,
        library: Library,
        hub: ChangesHub,
        tasks: TaskManager,
        tree: SeriesTree,
        status: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._library, self._hub, self._tree, self._status = library, hub, tree, status
        self.job = Job(
            self._work,
            name="readinglist-site-series",
            failure_text="Reading the site's series failed",
            after_run=library.close_thread_connection,
            parent=self,
        )
        self._quiet: set[int] = set()  # feeds just added, whose reading speaks only of a list
        tasks.adopt(self.job)
        self.job.finished.connect(self._finished)
        self.job.failed.connect(status)
        tree.readSiteSeriesRequested.connect(self.read_site_series)

    def _work(self, feed_id: int, list_only: bool, context: JobContext) -> object:
        return self._library.read_series_index(feed_id, cancel=context.cancel, list_only=list_only)

    def read_new_feeds_list(self, feed_id: int) -> bool:
        """A feed was just added: ask its site for its list of series, quietly (the
        status bar speaks only when the site keeps one; no post pages are read)."""
        self._quiet.add(feed_id)  # before the reading can end
        if not self.job.submit(feed_id, True):
            self._quiet.discard(feed_id)
            return False  # another reading runs: the reader can ask later
        return True

    def read_site_series(self, feed_id: int | None = None) -> bool:
        """Read the list of series on the site of ``feed_id`` (else the selected row's
        feed). False when nothing was started."""
        if feed_id is None:
            feed_id = self._selected_feed()
        if feed_id is None:
            self._status("Select a feed (or one of its series or articles) first.")
            return False
        if not self.job.submit(feed_id, False):
            self._status("Already reading a site's series…")
            return False
        self._status("Reading the site's list of series…")
        return True

    def _selected_feed(self) -> int | None:
        """The feed of the selected row: a feed, its standalone posts, a series, an article."""
        node = self._tree.selected_node()
        if node is None:
            return None
        if node.article is not None:
            return node.article.feed_id
        if node.series is not None:
            return node.series.feed_id
        return node.feed_id

    def _finished(self, report: object) -> None:
        from readinglist.services.backfill.series_index import SeriesIndexReport

        if not isinstance(report, SeriesIndexReport):
            return
        quiet = report.feed_id in self._quiet
        self._quiet.discard(report.feed_id)
        if quiet and not report.found_series:
            return  # a site with no list is no news for a feed just added
        text = describe_index(report)
        if report.found_series:  # ``Library.read_series_index`` follows the site from now
            text += " · new posts will be read from the site at each sync"
        self._status(text)
        self._hub.publish(report.changes)
