"""A Google Reader API client: the calls FreshRSS, Miniflux, Inoreader, The Old Reader and
BazQux answer alike, each turned into one typed method.

Errors are per cause, each one ``SyncServerError`` sentence: a refused login
(``LoginRefusedError``), an error status, no answer in time (``SyncTimeoutError``), an
answer that is a web page or not JSON (``SyncProtocolError``), and 429/503 with
``Retry-After`` (``SyncRetryLaterError``: the next sync waits that long). An expired
session (401 after login) logs in again once; an expired write token is fetched again
once. Redirects are not followed: a POST must not turn into a GET elsewhere, and an
address that moved should be corrected by the user, so the error names the new one.

Long id lists go in requests of ``BATCH`` ids: servers cap a request's size, and a
failure costs one batch, not the whole list.
"""

from __future__ import annotations

import email.utils
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime

import httpx

from readinglist.feeds import greader
from readinglist.feeds.greader import IdPage, RemoteItem, Subscription
from readinglist.model.errors import (
    LoginRefusedError,
    SyncProtocolError,
    SyncRetryLaterError,
    SyncServerError,
    SyncTimeoutError,
)

BATCH = 250  # item ids per contents or edit-tag request
ID_PAGE = 10000  # ids per stream/items/ids request
DEFAULT_RETRY_AFTER = 60.0
USER_AGENT = "readinglist (Google Reader API client)"


def _retry_after(value: str | None) -> float:
    if not value:
        return DEFAULT_RETRY_AFTER
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return DEFAULT_RETRY_AFTER
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class GReaderClient:
    """One session with one server; ``requests`` counts what it asked (for the bench)."""

    def __init__(
        self,
        base_url: str,
        user: str,
        password: str,
        *,
        timeout: float = 30.0,
        auth: str | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.user = user
        self._password = password
        self._auth = auth
        self._token: str | None = None
        self.requests = 0
        self.calls: Counter[str] = Counter()  # requests by the path's last word
        self._http = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT},
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> GReaderClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def auth(self) -> str | None:
        """The session token after a login (the caller may keep it for the next sync)."""
        return self._auth

    # --- transport --------------------------------------------------------------------

    def _send(
        self,
        method: str,
        path: str,
        *,
        params: Sequence[tuple[str, str]] = (),
        data: Sequence[tuple[str, str]] | None = None,
        authorized: bool = True,
    ) -> httpx.Response:
        url = self.base_url + path
        headers = {}
        if authorized:
            headers["Authorization"] = f"GoogleLogin auth={self._auth}"
        self.requests += 1
        self.calls[path.rsplit("/", 1)[-1]] += 1
        try:
            response = self._http.request(
                method,
                url,
                params=list(params),
                data=_multi(data) if data is not None else None,
                headers=headers,
            )
        except httpx.TimeoutException:
            raise SyncTimeoutError(f"the sync server at {self.base_url} timed out") from None
        except httpx.HTTPError as exc:
            raise SyncServerError(
                f"the sync server at {self.base_url} could not be reached: {exc}"
            ) from None
        if response.status_code in (429, 503):
            raise SyncRetryLaterError(_retry_after(response.headers.get("Retry-After")))
        if 300 <= response.status_code < 400:
            where = response.headers.get("Location", "elsewhere")
            raise SyncServerError(
                f"the sync server redirects {path or '/'} to {where}; set the account's"
                " address to the API's own"
            )
        return response

    def _call(
        self,
        method: str,
        path: str,
        *,
        params: Sequence[tuple[str, str]] = (),
        data: Sequence[tuple[str, str]] | None = None,
    ) -> bytes:
        """An API call, logging in first (and again once when the session expired)."""
        if self._auth is None:
            self.login()
        for attempt in range(2):
            sent = list(data) if data is not None else None
            if sent is not None:
                sent.append(("T", self.token()))
            response = self._send(method, path, params=params, data=sent)
            if response.status_code == 401 and attempt == 0:
                if sent is not None and response.headers.get("X-Reader-Google-Bad-Token"):
                    self._token = None  # only the write token expired
                else:
                    self._auth = None
                    self._token = None
                    self.login()
                continue
            break
        if response.status_code == 401:
            raise LoginRefusedError(
                f"the sync server at {self.base_url} no longer accepts the login of {self.user}"
            )
        if response.status_code >= 400:
            raise SyncServerError(
                f"the sync server answered HTTP {response.status_code} to {path.rsplit('/', 1)[-1]}"
            )
        return response.content

    # --- session ----------------------------------------------------------------------

    def login(self) -> str:
        """ClientLogin with the API password; returns (and keeps) the session token."""
        response = self._send(
            "POST",
            "/accounts/ClientLogin",
            data=[("Email", self.user), ("Passwd", self._password)],
            authorized=False,
        )
        if response.status_code in (401, 403):
            raise LoginRefusedError(
                f"the sync server at {self.base_url} refused the user name {self.user!r}"
                " or its API password"
            )
        if response.status_code == 400:
            raise LoginRefusedError(
                f"the sync server at {self.base_url} does not know the user name {self.user!r}"
            )
        if response.status_code == 404:
            raise SyncProtocolError(
                f"{self.base_url} has no Google Reader API login (HTTP 404); FreshRSS's is"
                " …/api/greader.php"
            )
        if response.status_code >= 400:
            raise SyncServerError(f"the sync server answered HTTP {response.status_code} to login")
        if response.headers.get("content-type", "").startswith("text/html"):
            raise SyncProtocolError(
                f"{self.base_url} answered the login with a web page, not the Google Reader API"
            )
        self._auth = greader.parse_login(response.content)
        return self._auth

    def token(self) -> str:
        if self._token is None:
            response = self._send("GET", "/reader/api/0/token")
            if response.status_code >= 400:
                raise SyncServerError(
                    f"the sync server answered HTTP {response.status_code} to the token request"
                )
            self._token = response.text.strip()
        return self._token

    # --- reading ----------------------------------------------------------------------

    def subscriptions(self) -> list[Subscription]:
        return greader.parse_subscriptions(
            self._call("GET", "/reader/api/0/subscription/list", params=[("output", "json")])
        )

    def id_page(
        self,
        stream: str,
        *,
        include: str | None = None,
        exclude: str | None = None,
        newer_than: int | None = None,
        continuation: str | None = None,
        count: int = ID_PAGE,
        oldest_first: bool = False,
    ) -> IdPage:
        params = [("s", stream), ("n", str(count)), ("output", "json")]
        if oldest_first:
            params.append(("r", "o"))
        if include:
            params.append(("it", include))
        if exclude:
            params.append(("xt", exclude))
        if newer_than:
            params.append(("ot", str(newer_than)))
        if continuation:
            params.append(("c", continuation))
        return greader.parse_id_page(
            self._call("GET", "/reader/api/0/stream/items/ids", params=params)
        )

    def item_ids(
        self,
        stream: str,
        *,
        include: str | None = None,
        exclude: str | None = None,
        newer_than: int | None = None,
        oldest_first: bool = False,
    ) -> Iterator[tuple[int, ...]]:
        """Every id of a stream, a page at a time (the continuation followed to the end)."""
        continuation: str | None = None
        seen: set[str] = set()
        while True:
            page = self.id_page(
                stream,
                include=include,
                exclude=exclude,
                newer_than=newer_than,
                continuation=continuation,
                oldest_first=oldest_first,
            )
            if page.ids:
                yield page.ids
            if not page.continuation or page.continuation in seen or not page.ids:
                return
            seen.add(page.continuation)
            continuation = page.continuation

    def items(self, remote_ids: Sequence[int]) -> list[RemoteItem]:
        """The contents of up to ``BATCH`` items (the caller batches)."""
        data = [("i", greader.item_id_param(i)) for i in remote_ids]
        return greader.parse_items(
            self._call("POST", "/reader/api/0/stream/items/contents", data=data)
        )

    # --- writing ----------------------------------------------------------------------

    def edit_tag(self, remote_ids: Sequence[int], *, add: str = "", remove: str = "") -> None:
        for start in range(0, len(remote_ids), BATCH):
            data = [("i", greader.item_id_param(i)) for i in remote_ids[start : start + BATCH]]
            if add:
                data.append(("a", add))
            if remove:
                data.append(("r", remove))
            self._call("POST", "/reader/api/0/edit-tag", data=data)

    def quickadd(self, url: str) -> str | None:
        """Subscribe the account to ``url``; the new stream id, None when refused."""
        return greader.parse_quickadd(
            self._call("POST", "/reader/api/0/subscription/quickadd", data=[("quickadd", url)])
        )

    def edit_subscription(
        self, stream_id: str, *, action: str, title: str | None = None, label: str | None = None
    ) -> None:
        data = [("ac", action), ("s", stream_id)]
        if title:
            data.append(("t", title))
        if label:
            data.append(("a", greader.LABEL_PREFIX + label))
        self._call("POST", "/reader/api/0/subscription/edit", data=data)


def _multi(pairs: Sequence[tuple[str, str]]) -> dict[str, list[str]]:
    """Form pairs with repeated keys (``i=…&i=…``) in the shape httpx sends them."""
    out: dict[str, list[str]] = {}
    for key, value in pairs:
        out.setdefault(key, []).append(value)
    return out
