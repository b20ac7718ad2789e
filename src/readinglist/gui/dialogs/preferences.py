"""Preferences: refresh interval, mark read when opened, remote images, default sort."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from readinglist.gui.settings import SORT_CHOICES, Preferences


class PreferencesDialog(QDialog):
    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self._prefs = prefs
        self.refresh = QSpinBox(self)
        self.refresh.setRange(0, 24 * 60)
        self.refresh.setSuffix(" min")
        self.refresh.setSpecialValueText("Never")
        self.refresh.setValue(prefs.refresh_minutes)
        self.mark_read = QCheckBox("Mark an article read when it is opened", self)
        self.mark_read.setChecked(prefs.mark_read_on_open)
        self.images = QCheckBox("Load remote images (they can tell the site you read)", self)
        self.images.setChecked(prefs.load_remote_images)
        self.sort = QComboBox(self)
        for key, label in SORT_CHOICES.items():
            self.sort.addItem(label, key)
        self.sort.setCurrentIndex(max(0, self.sort.findData(prefs.default_sort)))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Refresh feeds every", self.refresh)
        form.addRow("", self.mark_read)
        form.addRow("", self.images)
        form.addRow("Sort standalone posts and smart views", self.sort)
        form.addRow(buttons)

    def preferences(self) -> Preferences:
        return replace(
            self._prefs,
            refresh_minutes=self.refresh.value(),
            mark_read_on_open=self.mark_read.isChecked(),
            load_remote_images=self.images.isChecked(),
            default_sort=str(self.sort.currentData()),
        )
