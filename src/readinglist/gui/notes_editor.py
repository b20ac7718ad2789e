"""``NotesEditor``: the reader's own note for one article (or one series), autosaved.

Why saves are synchronous on the GUI thread: a note is the one thing the user typed and
cannot get back. ``Store.set_note`` is a single-row write in WAL mode (a millisecond or
two), and doing it right here means that when ``flush()`` returns the note is on disk —
before a switch of article, before the app quits, before SIGTERM ends the process. A
background write would need the same guarantee and gain nothing.

When it saves: ~700 ms after typing stops (debounce), when the editor loses focus, when
it is hidden, before it switches to another target (``set_target``/``set_article``),
and on ``flush()`` (the window calls it on quit). It never reloads text from the
database while there are unsaved edits: a sync that rewrites the same article cannot
replace what is being typed (``offer_text`` is ignored while dirty).

The editor does not know what it edits: the save function is injected. Article notes
use ``Library.set_note`` (the default); the series pane passes ``Library.set_series_note``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from readinglist.model.errors import NotFoundError
from readinglist.services.library import Library

__all__ = ["DEBOUNCE_MS", "NotesEditor"]

log = logging.getLogger(__name__)

DEBOUNCE_MS = 700

SaveFunction = Callable[[int, str | None], object]


class NotesEditor(QWidget):
    """A plain-text note editor with autosave. See the module docstring."""

    noteSaved = Signal(int)  # the target id whose note is now on disk
    saveFailed = Signal(str)  # a readable message; the text stays in the editor
    escapePressed = Signal()

    def __init__(
        self,
        library: Library,
        parent: QWidget | None = None,
        *,
        save: SaveFunction | None = None,
        title: str = "Notes",
        placeholder: str = "Your notes on this article…",
        debounce_ms: int = DEBOUNCE_MS,
    ) -> None:
        super().__init__(parent)
        self._save_fn: SaveFunction = save or library.set_note
        self._target: int | None = None
        self._dirty = False
        self._loading = False
        self._unsaved: dict[int, str] = {}  # target -> text whose save failed

        self._edit = QPlainTextEdit(self)
        self._edit.setPlaceholderText(placeholder)
        self._edit.setTabChangesFocus(True)
        self._edit.installEventFilter(self)
        self._edit.textChanged.connect(self._on_text_changed)
        self._title = QLabel(title, self)
        self._title.setTextFormat(Qt.TextFormat.PlainText)
        self._state = QLabel("", self)
        self._state.setTextFormat(Qt.TextFormat.PlainText)
        self._state.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self._title)
        head.addStretch(1)
        head.addWidget(self._state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self._edit)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.flush)
        self.setEnabled(False)

    # --- what is edited ---------------------------------------------------------------

    def set_target(self, target_id: int | None, text: str | None) -> None:
        """Edit the note of ``target_id`` (None: nothing, the editor is disabled).

        The previous target's unsaved text is saved first. Setting the same target again
        only offers ``text`` (kept out while there are unsaved edits).
        """
        if target_id is not None and target_id == self._target:
            self.offer_text(text)
            return
        if not self.flush() and self._target is not None and self._dirty:
            # Keep the text that could not be written; flush() retries it.
            self._unsaved[self._target] = self._edit.toPlainText()
        self._target = target_id
        self._load(text or "")
        self._state.setText("")
        self.setEnabled(target_id is not None)

    def set_article(self, article_id: int | None, text: str | None) -> None:
        """The article flavour of ``set_target``."""
        self.set_target(article_id, text)

    def target_id(self) -> int | None:
        return self._target

    def offer_text(self, text: str | None) -> bool:
        """Show ``text`` from the database unless the user has unsaved edits.

        Returns True when the editor now shows ``text``.
        """
        if self._dirty:
            return False
        if self._edit.toPlainText() != (text or ""):
            self._load(text or "")
        return True

    def _load(self, text: str) -> None:
        self._timer.stop()
        self._loading = True
        try:
            self._edit.setPlainText(text)
        finally:
            self._loading = False
        self._dirty = False

    # --- state ------------------------------------------------------------------------

    def text(self) -> str:
        return self._edit.toPlainText()

    def set_text(self, text: str) -> None:
        """Replace the text as if typed (marks dirty, starts the debounce)."""
        self._edit.setPlainText(text)

    def is_dirty(self) -> bool:
        return self._dirty

    def editor(self) -> QPlainTextEdit:
        return self._edit

    def focus_editor(self) -> None:
        self._edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def status_text(self) -> str:
        return self._state.text()

    def _on_text_changed(self) -> None:
        if self._loading or self._target is None:
            return
        if not self._dirty:
            self._dirty = True
            self._state.setText("Editing…")
        self._timer.start()

    # --- saving -----------------------------------------------------------------------

    def flush(self) -> bool:
        """Save unsaved text now (synchronously). True when nothing is left unsaved."""
        self._timer.stop()
        for target, text in list(self._unsaved.items()):
            if self._write(target, text):
                del self._unsaved[target]
        if not self._dirty or self._target is None:
            return not self._unsaved
        if not self._write(self._target, self._edit.toPlainText()):
            self._state.setText("Not saved!")
            return False
        self._dirty = False
        self._state.setText("Saved")
        return not self._unsaved

    def _write(self, target: int, text: str) -> bool:
        try:
            self._save_fn(target, text if text.strip() else None)
        except NotFoundError as exc:  # the article/series is gone: nowhere to save
            log.error("note for %s dropped: %s", target, exc)
            self.saveFailed.emit(f"Your note could not be saved: {exc}")
            return True
        except Exception as exc:
            log.exception("saving note %s failed", target)
            self.saveFailed.emit(f"Your note could not be saved: {exc}")
            return False
        self.noteSaved.emit(target)
        return True

    # --- events -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._edit:
            kind = event.type()
            if kind == QEvent.Type.FocusOut:
                self.flush()
            elif (
                kind == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Escape
            ):
                self.flush()
                self.escapePressed.emit()
                return True
        return super().eventFilter(watched, event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()
        super().hideEvent(event)
