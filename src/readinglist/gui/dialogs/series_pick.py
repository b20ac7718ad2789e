"""Pick a series to move an article to (or a new one), or a series to merge into."""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readinglist.model.records import Series

NEW_SERIES = -1


class SeriesPickDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        series: Iterable[Series],
        *,
        title: str,
        exclude: AbstractSet[int] = frozenset(),
        allow_new: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.list = QListWidget(self)
        for s in series:
            if s.id in exclude:
                continue
            item = QListWidgetItem(
                f"{s.name}  ({s.article_count} article{'s' if s.article_count != 1 else ''})"
            )
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            self.list.addItem(item)
        if allow_new:
            item = QListWidgetItem("New series…")
            item.setData(Qt.ItemDataRole.UserRole, NEW_SERIES)
            self.list.addItem(item)
        self.new_name = QLineEdit(self)
        self.new_name.setPlaceholderText("Name of the new series")
        self.new_name.setVisible(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Series of this feed:", self))
        layout.addWidget(self.list)
        layout.addWidget(self.new_name)
        layout.addWidget(buttons)
        self.list.currentItemChanged.connect(self._update)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.new_name.textChanged.connect(self._update)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update()

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _update(self) -> None:
        is_new = self.selected_id() == NEW_SERIES
        self.new_name.setVisible(is_new)
        if is_new:
            self.new_name.setFocus()
        self.ok.setEnabled(
            self.selected_id() is not None and (not is_new or bool(self.new_name.text().strip()))
        )

    def choice(self) -> int | str | None:
        """A series id, the name of a new series, or None."""
        sid = self.selected_id()
        if sid == NEW_SERIES:
            return self.new_name.text().strip() or None
        return sid


def pick_series(
    parent: QWidget | None,
    series: Iterable[Series],
    *,
    title: str,
    exclude: set[int] | None = None,
    allow_new: bool = True,
) -> int | str | None:
    dialog = SeriesPickDialog(
        parent, series, title=title, exclude=exclude or set(), allow_new=allow_new
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.choice()


def rename_series_dialog(parent: QWidget | None, current: str) -> str | None:
    """The new name (empty: back to the detected name), or None when cancelled."""
    text, ok = QInputDialog.getText(
        parent,
        "Rename series",
        "New name (leave empty to use the detected name):",
        QLineEdit.EchoMode.Normal,
        current,
    )
    return text.strip() if ok else None
