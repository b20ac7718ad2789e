"""Hold a widget's paints for a moment while the rows it is about to show are read.

Why: expanding a branch whose rows are not read yet painted the tree twice — once with
the arrow open over nothing, and again a few milliseconds later when the rows arrived —
and the first paint held up the second (at a million articles, a full repaint of the
tree costs about as much as reading a series). Holding paints until the rows land, or
until a short deadline whatever happens, shows the open branch once, with its rows.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

#: The longest a hold lasts: a read that takes longer paints the empty branch, as before.
HOLD_MS = 120


class PaintHold(QObject):
    def __init__(self, widget: QWidget, deadline_ms: int = HOLD_MS) -> None:
        super().__init__(widget)
        self._widget = widget
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(deadline_ms)
        self._deadline.timeout.connect(self.release)
        self._held = False

    @property
    def holding(self) -> bool:
        return self._held

    def hold(self) -> None:
        """No paints until ``release`` or the deadline, whichever comes first."""
        if not self._widget.updatesEnabled():
            return  # someone else holds it; not ours to give back
        self._widget.setUpdatesEnabled(False)
        self._held = True
        self._deadline.start()

    def release(self) -> None:
        """Paint again, if this hold is the one holding (else nothing changes)."""
        if self._held:
            self._held = False
            self._deadline.stop()
            self._widget.setUpdatesEnabled(True)  # schedules the one repaint
