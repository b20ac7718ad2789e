"""Preferences → Account: keep this library in step with a Google Reader API server.

The login is checked off the GUI thread (``submit`` is the network lane's) before
anything is saved; a refusal is shown in the dialog, in the library's own words, and
the fields stay as typed so one letter can be fixed. Removing the account asks first
and keeps every article, note and highlight.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readinglist.model.records import Account
from readinglist.services.library import Library

Submit = Callable[..., Any]  # BackgroundRunner.submit(fn, on_done, on_error)

KIND = "greader"
KIND_LABEL = "Google Reader API (FreshRSS, Miniflux, Inoreader, The Old Reader, BazQux)"


def describe_account(account: Account | None) -> str:
    """One line for Preferences and the dialog's head."""
    if account is None:
        return "None: this library lives on this computer only"
    when = account.last_sync.strftime("%Y-%m-%d %H:%M UTC") if account.last_sync else "never"
    lines = [f"{account.user} at {account.url}", f"Last sync: {when}"]
    if account.pending:
        lines[1] += f" · {account.pending} change{'s' if account.pending != 1 else ''} to send"
    if account.last_error:
        lines.append(f"Last sync failed: {account.last_error}")
    return "\n".join(lines)  # lines, not wrapping: a wrapped label in a form gets clipped


class AccountDialog(QDialog):
    """Set, change or remove the sync account; ``changed`` carries the new Account|None."""

    changed = Signal(object)

    def __init__(
        self,
        library: Library,
        account: Account | None,
        submit: Submit,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sync account")
        self.setMinimumWidth(520)
        self._library, self._submit = library, submit
        self._busy = False
        self._has_account = account is not None
        self.state = QLabel(describe_account(account), self)
        self.state.setObjectName("accountState")
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.url = QLineEdit(account.url if account else "", self)
        self.url.setObjectName("accountUrl")
        self.url.setPlaceholderText("https://rss.example.org/api/greader.php")
        self.user = QLineEdit(account.user if account else "", self)
        self.user.setObjectName("accountUser")
        self.password = QLineEdit(self)
        self.password.setObjectName("accountPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("the API password (FreshRSS: Profile → API management)")
        self.message = QLabel("", self)
        self.message.setObjectName("accountMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save = QPushButton("Check and save", self)
        self.save.setDefault(True)
        self.buttons.addButton(self.save, QDialogButtonBox.ButtonRole.ActionRole)
        self.remove = QPushButton("Remove account…", self)
        self.buttons.addButton(self.remove, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.save.clicked.connect(self.start)
        self.remove.clicked.connect(self._confirm_remove)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Now", self.state)
        form.addRow("Kind", QLabel(KIND_LABEL, self))
        form.addRow("Server address", self.url)
        form.addRow("User name", self.user)
        form.addRow("API password", self.password)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        for field in (self.url, self.user, self.password):
            field.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        filled = all(f.text().strip() for f in (self.url, self.user)) and bool(self.password.text())
        self.save.setEnabled(filled and not self._busy)
        self.remove.setEnabled(self._has_account and not self._busy)

    def _set_busy(self, busy: bool, text: str) -> None:
        self._busy = busy
        for field in (self.url, self.user, self.password):
            field.setEnabled(not busy)
        self.message.setText(text)
        self._update()

    def start(self) -> None:
        if self._busy or not self.save.isEnabled():
            return
        url, user = self.url.text().strip(), self.user.text().strip()
        password = self.password.text()
        self._set_busy(True, "Checking the login…")
        library = self._library

        def set_account() -> Account:
            return library.set_account(KIND, url, user, password)

        self._submit(set_account, self._saved, self._failed)

    def _saved(self, account: Account) -> None:
        self.password.clear()
        self._set_busy(False, "")
        self.state.setText(describe_account(account))
        note = "Saved. The next sync brings this library in step with the server."
        if "no system keyring" in account.password_store:
            note += f"\nThe password is kept in {account.password_store}."
        self.message.setText(note)
        self._has_account = True
        self._update()
        self.changed.emit(account)

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False, str(exc))
        self.password.setFocus()

    def _confirm_remove(self) -> None:
        answer = QMessageBox.question(
            self,
            "Remove the sync account?",
            "This library stops syncing and stays on this computer, with every article,"
            " note and highlight. The server keeps its copy.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.remove_now()

    def remove_now(self) -> None:
        library = self._library
        self._set_busy(True, "Removing…")
        self._submit(library.remove_account, self._removed, self._failed)

    def _removed(self, _account: Account) -> None:
        self._set_busy(False, "Removed: this library is local again.")
        self.state.setText(describe_account(None))
        self._has_account = False
        self._update()
        self.changed.emit(None)
