"""``UndoCommand``: Edit ▸ Undo (Ctrl+Z) takes back the newest undoable action.

What can be taken back is kept in the library, not here (``storage.undo_store``): the
series corrections (Not a series, It is a series, rename, merge, move) and the bulk
read marks (a series, a feed, a feed's standalone posts marked read at once), whether
the window or ``readinglist`` made them. This part only names the newest in the menu
("Undo Not a series"), runs ``Library.undo`` and shows what came back. A note being
typed keeps its own Ctrl+Z: the editor takes the key before the window's shortcut.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from readinglist.model.errors import ReadingListError

if TYPE_CHECKING:
    from readinglist.gui.changes_hub import ChangesHub
    from readinglist.gui.navigation import Navigator
    from readinglist.gui.tree_model import TreeModel
    from readinglist.services.library import Library

UNDO_LABEL = "Undo"


class UndoCommand:
    def __init__(
        self,
        *,
        library: Library,
        hub: ChangesHub,
        navigator: Navigator,
        model: TreeModel,
        action: QAction,
        status: Callable[[str], None],
    ) -> None:
        self._library, self._hub, self._nav, self._model = library, hub, navigator, model
        self._action, self._status = action, status
        hub.changed.connect(self.update)
        self.update()

    def undo(self) -> None:
        """Take back the newest undoable action; the tree and pages redraw from its
        changes, and a series that came back is selected."""
        try:
            undone = self._library.undo()
        except ReadingListError as exc:
            self._status(str(exc))
            return
        if undone is None:
            self._status("Nothing to undo.")
            self.update()
            return
        if undone.focus_series is not None and not self._nav.filtering():
            self._show_when_refreshed(undone.focus_series)
        self._hub.publish(self._library.undone_changes(undone))
        self.update()
        n = len(undone.article_ids)
        self._status(f"Undid “{undone.label}”: {n} post{'s' if n != 1 else ''} back as they were.")

    def update(self, _changes: object = None) -> None:
        """The menu names what Undo would take back ("Undo Not a series"); one row read."""
        try:
            label = self._library.last_undoable()
        except ReadingListError:
            label = None
        self._action.setEnabled(label is not None)
        self._action.setText(f"{UNDO_LABEL} {label}" if label else UNDO_LABEL)

    def _show_when_refreshed(self, series_id: int) -> None:
        """Select the series an undo brought back once the tree has its row again (the
        tree reconciles a change on the reads lane, after ``publish`` returns)."""

        def show() -> None:
            self._model.refreshed.disconnect(show)
            index = self._model.series_index(series_id)
            if index.isValid() and not self._nav.filtering():
                self._nav.tree.select_index(index)

        self._model.refreshed.connect(show)
