"""The account verbs on ``Library``: set, show and remove a sync account, and sync with it.

Setting an account logs in first: a wrong password or an address that is not the API is
refused with one sentence and nothing is saved. The library itself stays as it is when
an account is set or removed; only the server's ids go with a removed account.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from readinglist.model.errors import AccountError, SecretStoreError
from readinglist.model.records import Account, FeedSyncResult, SyncSummary
from readinglist.services.account.secrets import SecretStore, secret_key
from readinglist.storage.store import Store

if TYPE_CHECKING:  # httpx loads only when an account is used: the window starts without it
    from readinglist.services.account.client import GReaderClient

KINDS = ("greader",)


def check_account_url(url: str) -> str:
    url = url.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise AccountError(f"the server address must be an http or https URL, not {url!r}")
    return url


class AccountVerbs:
    """Mixed into ``Library``; uses its store, data folder and download timeout."""

    store: Store
    _account_lock: threading.Lock
    _greader: GReaderClient | None

    @property
    def data_dir(self) -> Path:  # pragma: no cover - Library provides it
        raise NotImplementedError

    @property
    def download_timeout(self) -> float:  # pragma: no cover - Library provides it
        raise NotImplementedError

    def _secrets(self) -> SecretStore:
        return SecretStore(self.data_dir)

    def has_account(self) -> bool:
        """One small query: whether this library syncs with a server."""
        return self.store.get_account() is not None

    def account(self) -> Account | None:
        """The sync account, or None for a local library."""
        state = self.store.get_account()
        if state is None:
            return None
        return Account(
            kind=state.kind,
            url=state.url,
            user=state.user,
            last_sync=state.last_sync,
            last_error=state.last_error,
            password_store=self._secrets().where(),
            pending=self.store.pending_count(),
        )

    def set_account(self, kind: str, url: str, user: str, password: str) -> Account:
        """Check the login, then keep the account (and the password in the keyring).

        Raises ``LoginRefusedError`` for a wrong user or password, another
        ``SyncServerError`` when the server cannot be asked, ``AccountError`` for a kind
        or address that cannot be one; nothing is saved then."""
        if kind not in KINDS:
            raise AccountError(f"unknown account kind {kind!r} (known: {', '.join(KINDS)})")
        url = check_account_url(url)
        user = user.strip()
        if not user:
            raise AccountError("the account needs a user name")
        if not password:
            raise AccountError("the account needs its API password")
        from readinglist.services.account.client import GReaderClient

        with GReaderClient(url, user, password, timeout=self.download_timeout) as client:
            client.login()
            auth = client.auth
        old = self.store.get_account()
        secrets = self._secrets()
        secrets.set(secret_key(user, url), password)
        if old is not None and (old.url, old.user) != (url, user):
            secrets.delete(secret_key(old.user, old.url))
        self.store.save_account(kind, url, user)
        with self._account_lock:
            self._drop_client()
            self._greader = GReaderClient(
                url, user, password, timeout=self.download_timeout, auth=auth
            )
        account = self.account()
        assert account is not None
        return account

    def remove_account(self) -> Account:
        """Back to a local library: articles, notes and feeds stay; the password goes."""
        state = self.store.get_account()
        if state is None:
            raise AccountError("there is no sync account to remove")
        removed = self.account()
        assert removed is not None
        self._secrets().delete(secret_key(state.user, state.url))
        self.store.remove_account()
        with self._account_lock:
            self._drop_client()
        return removed

    def _drop_client(self) -> None:
        if self._greader is not None:
            self._greader.close()
            self._greader = None

    def _client(self) -> GReaderClient:
        from readinglist.services.account.client import GReaderClient

        state = self.store.get_account()
        if state is None:
            raise AccountError()
        with self._account_lock:
            client = self._greader
            if client is not None and (client.base_url, client.user) == (state.url, state.user):
                return client
            self._drop_client()
            try:
                password = self._secrets().get(secret_key(state.user, state.url))
            except SecretStoreError:
                password = None
            if password is None:
                raise AccountError(
                    f"no password is stored for {state.user} at {state.url}; set the account"
                    " again (readinglist account set, or Preferences → Account)"
                )
            self._greader = GReaderClient(
                state.url, state.user, password, timeout=self.download_timeout
            )
            return self._greader

    def sync_account(
        self,
        *,
        cancel: threading.Event | None = None,
        on_result: Callable[[FeedSyncResult], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        respect_retry_after: bool = True,
    ) -> SyncSummary:
        """Sync with the account's server (see ``services.account.sync``)."""
        from readinglist.services.account.sync import AccountSync

        try:
            client = self._client()
        except AccountError as exc:
            self.store.record_account_sync(error=str(exc))
            return SyncSummary(account_error=str(exc))
        run = AccountSync(
            self.store, client, cancel=cancel, on_progress=on_progress, on_result=on_result
        )
        return run.run(respect_retry_after=respect_retry_after)
