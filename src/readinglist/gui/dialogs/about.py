"""Help → About: name, version, where the library lives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from readinglist import __version__
from readinglist.gui import theme


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About readinglist")
        icon = QLabel(self)
        icon.setPixmap(theme.icon("readinglist").pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lines = [
            f"readinglist {__version__}",
            "",
            "A reading-list manager that puts blog series in part order.",
        ]
        if data_dir is not None:
            lines += ["", f"Library: {data_dir}"]
        self.text.setText("\n".join(lines))
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(icon)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
