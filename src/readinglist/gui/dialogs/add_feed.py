"""Add a feed: a feed URL or a web page that names one (discovery runs off the GUI thread)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from readinglist.model.records import Feed, SyncSummary
from readinglist.services.library import Library

Submit = Callable[..., Any]  # BackgroundRunner.submit(fn, on_done, on_error)


class AddFeedDialog(QDialog):
    """Runs ``Library.subscribe`` through ``submit``; errors are shown inline."""

    subscribed = Signal(object)  # the new Feed

    def __init__(self, library: Library, submit: Submit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add feed")
        self.setMinimumWidth(460)
        self._library = library
        self._submit = submit
        self._busy = False
        self.feed: Feed | None = None
        self.url = QLineEdit(self)
        self.url.setObjectName("feedUrl")
        self.url.setPlaceholderText("https://example.org/feed.xml or https://example.org/blog/")
        self.message = QLabel("", self)
        self.message.setObjectName("addFeedMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Subscribe")
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel("Address of a feed, or of a web page that links to its feed:", self)
        )
        layout.addWidget(self.url)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.url.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.url.text().strip()) and not self._busy)

    def start(self) -> None:
        url = self.url.text().strip()
        if not url or self._busy:
            return
        self._busy = True
        self.url.setEnabled(False)
        self.message.setText("Looking for the feed…")
        self._update()
        library = self._library

        def subscribe() -> tuple[Feed, SyncSummary | None]:
            return library.subscribe(url)

        self._submit(subscribe, self._done, self._failed)

    def _done(self, result: tuple[Feed, SyncSummary | None]) -> None:
        feed, summary = result
        self.feed = feed
        self.subscribed.emit(feed)
        self._busy = False
        if summary is not None and summary.failed:
            # Subscribed, but the first fetch failed: say so, the feed stays.
            self.message.setText(f"Subscribed, but: {summary.failed[0].error}")
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self._busy = False
        self.url.setEnabled(True)
        self.message.setText(str(exc))
        self._update()
        self.url.setFocus()
