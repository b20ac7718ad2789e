"""Preferences: refresh interval, download timeout, reading, images (and how many are
kept for offline reading), theme, text size, and the sync account (its own dialog).

The dialog only edits a copy of ``Preferences``; the window saves and applies it on OK
(``WindowCommands.apply_preferences``), so Cancel leaves everything as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from readinglist.gui.settings import (
    DOWNLOAD_TIMEOUTS,
    IMAGE_CACHE_MB,
    SORT_CHOICES,
    TEXT_SIZES,
    THEME_CHOICES,
    Preferences,
)
from readinglist.gui.theme import THEMES


def system_text_size() -> int:
    """The point size of the window's font: the article's size while none is chosen."""
    return QApplication.font().pointSize()


class PreferencesDialog(QDialog):
    def __init__(
        self,
        prefs: Preferences,
        parent: QWidget | None = None,
        *,
        account_text: str = "",
        on_account: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self._prefs = prefs
        self.account = QLabel(account_text, self)
        self.account.setObjectName("accountSummary")
        self.account_button = QPushButton("Account…", self)
        self.account_button.setObjectName("accountButton")
        if on_account is not None:
            self.account_button.clicked.connect(on_account)
        self.refresh = QSpinBox(self)
        self.refresh.setRange(0, 24 * 60)
        self.refresh.setSuffix(" min")
        self.refresh.setSpecialValueText("Never")
        self.refresh.setValue(prefs.refresh_minutes)
        self.timeout = QSpinBox(self)
        self.timeout.setRange(*DOWNLOAD_TIMEOUTS)
        self.timeout.setSuffix(" s")
        self.timeout.setValue(prefs.download_timeout)
        self.timeout.setToolTip("A feed that has not finished downloading by then fails")
        self.image_cache = QSpinBox(self)
        self.image_cache.setRange(*IMAGE_CACHE_MB)
        self.image_cache.setSuffix(" MB")
        self.image_cache.setSpecialValueText("Keep none")
        self.image_cache.setValue(prefs.image_cache_mb)
        self.image_cache.setToolTip(
            "Images you load are kept on disk so articles keep their pictures offline;"
            " the least recently seen go first"
        )
        self.mark_read = QCheckBox("Mark an article read when it is opened", self)
        self.mark_read.setChecked(prefs.mark_read_on_open)
        self.images = QCheckBox(
            "Load remote images in every article (they can tell the site you read)", self
        )
        self.images.setChecked(prefs.load_remote_images)
        self.site_series = QCheckBox(
            "Ask a new feed's site for its list of series (and follow it)", self
        )
        self.site_series.setToolTip(
            "When you add a feed, its site's /series/ list (if it keeps one) files the"
            " posts as the author did; the posts' own pages are read only when you ask"
        )
        self.site_series.setChecked(prefs.site_series_on_subscribe)
        self.sites = QListWidget(self)
        self.sites.setObjectName("imageSites")
        self.sites.addItems(sorted(prefs.image_site_set()))
        self.sites.setMaximumHeight(90)
        self.forget_site = QPushButton("Forget", self)
        self.forget_site.clicked.connect(self._forget_site)
        self.sort = QComboBox(self)
        for key, label in SORT_CHOICES.items():
            self.sort.addItem(label, key)
        self.sort.setCurrentIndex(max(0, self.sort.findData(prefs.default_sort)))
        self.theme = QComboBox(self)
        for key in THEME_CHOICES:
            self.theme.addItem(THEMES[key], key)
        self.theme.setCurrentIndex(max(0, self.theme.findData(prefs.theme)))
        self.text_size = QSpinBox(self)
        self.text_size.setRange(*TEXT_SIZES)
        self.text_size.setSuffix(" pt")
        self.text_size.setValue(prefs.text_size or system_text_size())
        self.text_size.setToolTip("Ctrl+= and Ctrl+- change it too; Ctrl+0 goes back")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        account_box = QHBoxLayout()
        account_box.addWidget(self.account, 1)
        account_box.addWidget(self.account_button, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow("Sync account", account_box)
        if on_account is None:
            self.account.hide()
            self.account_button.hide()
        form.addRow("Refresh feeds every", self.refresh)
        form.addRow("Give up on a feed after", self.timeout)
        form.addRow("", self.mark_read)
        form.addRow("", self.site_series)
        form.addRow("Sort standalone posts and smart views", self.sort)
        form.addRow("Theme", self.theme)
        form.addRow("Article text size", self.text_size)
        form.addRow("", self.images)
        if self.sites.count():
            site_box = QHBoxLayout()
            site_box.addWidget(self.sites, 1)
            side = QVBoxLayout()
            side.addWidget(self.forget_site)
            side.addStretch(1)
            site_box.addLayout(side)
            form.addRow("Images always load from", site_box)
        else:  # nothing to forget: no empty list (made anyway, to keep one code path)
            self.sites.hide()
            self.forget_site.hide()
        form.addRow("Keep loaded images for offline, up to", self.image_cache)
        form.addRow(buttons)
        chain: list[QWidget] = [self.account_button, self.refresh, self.timeout]
        chain += [self.mark_read, self.site_series, self.sort]
        chain += [self.theme, self.text_size, self.images, self.sites, self.forget_site]
        chain += [self.image_cache]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)  # Tab follows the form, not creation order

    def _forget_site(self) -> None:
        for item in self.sites.selectedItems() or [self.sites.currentItem()]:
            if item is not None:
                self.sites.takeItem(self.sites.row(item))

    def image_sites(self) -> list[str]:
        return [self.sites.item(row).text() for row in range(self.sites.count())]

    def preferences(self) -> Preferences:
        size = self.text_size.value()
        if not self._prefs.text_size and size == system_text_size():
            size = 0  # untouched: keep following the system's font
        return replace(
            self._prefs,
            refresh_minutes=self.refresh.value(),
            download_timeout=self.timeout.value(),
            image_cache_mb=self.image_cache.value(),
            mark_read_on_open=self.mark_read.isChecked(),
            site_series_on_subscribe=self.site_series.isChecked(),
            load_remote_images=self.images.isChecked(),
            image_sites=" ".join(self.image_sites()),
            default_sort=str(self.sort.currentData()),
            theme=str(self.theme.currentData()),
            text_size=size,
        )
