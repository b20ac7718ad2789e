"""The page shown when there is nothing to read yet, or nothing selected.

First run (no feeds): three ways in — Add feed, Import OPML, "Try a sample library".
Otherwise a short hint about the selected row and the keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from readinglist.gui import theme

HINT = "Select an article in the tree, or press J for the first one and N for the next unread."


class EmptyState(QWidget):
    addFeedRequested = Signal()
    importRequested = Signal()
    sampleRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.icon = QLabel(self)
        self.icon.setPixmap(theme.icon("readinglist").pixmap(72, 72))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setWordWrap(True)
        self.add_button = QPushButton(theme.icon("add"), "Add feed…", self)
        self.import_button = QPushButton("Import OPML…", self)
        self.sample_button = QPushButton("Try a sample library", self)
        self.sample_button.setObjectName("sampleButton")
        self.add_button.clicked.connect(self.addFeedRequested)
        self.import_button.clicked.connect(self.importRequested)
        self.sample_button.clicked.connect(self.sampleRequested)
        self.buttons = QWidget(self)
        row = QHBoxLayout(self.buttons)
        row.addStretch(1)
        for button in (self.add_button, self.import_button, self.sample_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.icon)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addSpacing(12)
        layout.addWidget(self.buttons)
        layout.addStretch(3)
        self.show_first_run()

    def show_first_run(self) -> None:
        self.title.setText("Nothing to read yet")
        self.text.setText(
            "Subscribe to a blog's feed, import the subscriptions of another reader, "
            "or look around in a sample library that works offline."
        )
        self.buttons.setVisible(True)
        self.icon.setVisible(True)

    def show_hint(self, title: str, text: str = HINT) -> None:
        self.title.setText(title)
        self.text.setText(text)
        self.buttons.setVisible(False)
        self.icon.setVisible(False)

    def is_first_run(self) -> bool:
        return self.buttons.isVisibleTo(self)
