"""Where the account's password lives: the system's keyring, else a private file.

The keyring library picks the platform's store (Secret Service or KWallet on Linux,
the macOS Keychain, the Windows Credential Locker). Where none exists (a bare window
manager, a server, CI) it has only its "fail" backend; then the password goes to
``account-password`` in the library's folder, created with mode 0600 so only the user
can read it, and ``where()`` says so, so the CLI and the window can tell the user once,
when the account is set.

The password is stored under the service ``readinglist`` and the name ``USER@URL``, so
two libraries on one account share it and another account never reads it.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from readinglist.model.errors import SecretStoreError

SERVICE = "readinglist"
FILE_NAME = "account-password"


def _keyring():  # type: ignore[no-untyped-def]
    """The platform keyring, or None where there is none worth the name."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:  # pragma: no cover - a bundle built without it
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken backend configuration: behave as if none
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None
    return backend


class SecretStore:
    """Get, set and delete the account password (one per ``USER@URL`` key)."""

    def __init__(self, data_dir: Path) -> None:
        self.file = Path(data_dir) / FILE_NAME

    def where(self) -> str:
        """Where a password set now would be kept, in words for the user."""
        backend = _keyring()
        if backend is not None:
            return f"the system keyring ({type(backend).__name__})"
        return f"{self.file} (no system keyring was found; only you can read the file)"

    @property
    def uses_file(self) -> bool:
        return _keyring() is None

    def get(self, key: str) -> str | None:
        backend = _keyring()
        if backend is not None:
            try:
                value = backend.get_password(SERVICE, key)
            except Exception as exc:  # a locked or broken keyring: say so, don't crash
                raise SecretStoreError(f"the system keyring could not be read: {exc}") from exc
            if value is not None:
                return str(value)
        return self._read_file().get(key)

    def set(self, key: str, password: str) -> None:
        backend = _keyring()
        if backend is not None:
            try:
                backend.set_password(SERVICE, key, password)
            except Exception as exc:
                raise SecretStoreError(f"the system keyring refused the password: {exc}") from exc
            self._drop_from_file(key)
            return
        data = self._read_file()
        data[key] = password
        self._write_file(data)

    def delete(self, key: str) -> None:
        backend = _keyring()
        if backend is not None:
            with contextlib.suppress(Exception):  # not there, or the keyring is locked
                backend.delete_password(SERVICE, key)
        self._drop_from_file(key)

    def _read_file(self) -> dict[str, str]:
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise SecretStoreError(f"{self.file} could not be read: {exc}") from exc
        if not isinstance(data, dict):
            return {}
        return {k: v for k, v in data.items() if isinstance(v, str)}

    def _write_file(self, data: dict[str, str]) -> None:
        if not data:
            with contextlib.suppress(FileNotFoundError):
                self.file.unlink()
            return
        tmp = self.file.with_name(self.file.name + ".tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o600)  # an older file of the same name kept its mode
            os.replace(tmp, self.file)
        except OSError as exc:
            raise SecretStoreError(
                f"the password could not be written to {self.file}: {exc}"
            ) from exc

    def _drop_from_file(self, key: str) -> None:
        if not self.file.exists():
            return
        data = self._read_file()
        if data.pop(key, None) is not None:
            self._write_file(data)


def secret_key(user: str, url: str) -> str:
    return f"{user}@{url}"
