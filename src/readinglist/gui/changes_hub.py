"""``ChangesHub``: the one change signal of the window (Anki's ``OpChanges`` pattern).

Every write the GUI makes goes through a ``Library`` verb, which returns a
``readinglist.model.changes.Changes`` (ids of the feeds, series and articles it
touched). The part that made the write hands that value to ``ChangesHub.publish`` once;
the parts that show the library listen to ``changed`` and each decide what to redraw:

* the tree model (``TreeModel.apply_changes``): articles → repaint their rows and the
  counts above them; feeds or series → reconcile those feeds' loaded rows and the smart
  views; ``feed_list`` → the feed list itself changed;
* the article page: its article, feed or series is named;
* the series page: its series or feed is named, or one of its parts;
* the window: the filter results' rows and the feed page's counts.

Nobody calls ``refresh`` by hand after a write. ``initiator`` lets a part that already
shows its own change (the article page after it toggled read) skip the echo.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from readinglist.model.changes import Changes

__all__ = ["ChangesHub"]


class ChangesHub(QObject):
    """Broadcasts each write's ``Changes``; delivered synchronously on the GUI thread."""

    changed = Signal(object)  # a Changes (never empty)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._initiator: object | None = None

    def publish(self, changes: Changes, initiator: object | None = None) -> None:
        """Tell every listener what a write touched (nothing happens for no changes)."""
        if not changes:
            return
        previous, self._initiator = self._initiator, initiator
        try:
            self.changed.emit(changes)
        finally:
            self._initiator = previous

    def initiator(self) -> object | None:
        """Who published the change being delivered (None: not said)."""
        return self._initiator


def in_place(changes: Changes) -> Changes:
    """``changes`` as an in-place change: its articles only.

    A read, star or page-length change of a few articles names their feeds and series
    too (``Library.touched``), for whoever counts. The window's listeners need only the
    articles for it — the tree repaints those rows and the counts above them without
    moving rows (an article marked read stays put in "All unread" while it is read) —
    whereas feeds or series named make the tree reconcile them. Hence this narrowing
    for the verbs the reader uses while reading.
    """
    return Changes(articles=changes.articles)
