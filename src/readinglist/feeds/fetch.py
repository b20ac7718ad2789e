"""Fetch one feed over HTTP: conditional GET, manual redirects, hard caps, readable errors.

``Fetcher.fetch`` returns a :class:`~readinglist.models.FetchResult` or raises a
:class:`~readinglist.errors.FetchError` subclass whose text a user can read. No httpx
exception ever escapes.

What it guarantees:

* only ``http``/``https``, also for every redirect target; redirects are followed by hand
  (at most ``max_redirects``, loops detected); ``permanent_url`` only when every hop was
  301/308;
* the stored validators are echoed byte for byte (``If-None-Match``/``If-Modified-Since``);
* bytes are capped twice: on the wire (``max_bytes``) and after gzip/deflate decoding
  (``max_decompressed_bytes``), decoding ourselves with ``zlib`` and ``max_length`` so a
  gzip bomb never grows past the cap in memory. Only ``gzip, deflate`` are offered;
* an overall ``deadline`` across redirects and body (a dripping server fails), plus
  connect/read timeouts; every blocking read is bounded by ``min(read_timeout, time left)``
  so the deadline can overshoot by at most that much. Every timeout's message starts
  with "timed out:" so a user reads it as one whichever wait ran out;
* at most ``per_host_connections`` requests at once to one host (host and port);
* ``cancel`` is checked while waiting for a host slot, between redirect hops and between
  body chunks (a read already blocked ends within its read timeout).
"""

from __future__ import annotations

import contextlib
import errno
import http
import math
import re
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from types import TracebackType
from typing import Self

import httpx

from readinglist import __version__
from readinglist.feeds.decode import Decoder as _Decoder
from readinglist.feeds.decode import human_size as _mb
from readinglist.model.errors import (
    FetchCancelledError,
    FetchError,
    FetchTimeoutError,
    HTTPStatusError,
    RedirectError,
    RetryLaterError,
    TooLargeError,
    UnsupportedURLError,
)
from readinglist.model.records import FetchResult

MiB = 1024 * 1024

USER_AGENT = f"readinglist/{__version__} (+feed reader)"
ACCEPT = (
    "application/atom+xml, application/rss+xml, application/rdf+xml;q=0.9, "
    "application/feed+json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, "
    "text/html;q=0.5, */*;q=0.1"
)
ACCEPT_ENCODING = "gzip, deflate"  # brotli/zstd are never offered: we could not cap them

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECTS = frozenset({301, 308})
RETRY_STATUSES = frozenset({429, 503})
ALLOWED_SCHEMES = frozenset({"http", "https"})

DEFAULT_RETRY_AFTER = 15 * 60.0
MIN_RETRY_AFTER = 60.0

_POLL = 0.1  # seconds between cancel checks while waiting for a host slot

# Worded for any address: the same fetcher reads feeds, article pages and images.
_STATUS_HINTS = {
    401: "the address needs a login",
    403: "the server refused access",
    404: "nothing is at that address",
    410: "gone for good; the site removed it",
    500: "the server failed",
    502: "the server's gateway failed",
    504: "the server's gateway timed out",
}


@dataclass(frozen=True)
class FetchLimits:
    """Caps for one ``fetch`` (one feed). All times are seconds."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # longest silence between two reads
    # whole fetch, every redirect hop plus the body: a server that drips bytes fails here
    # instead of holding a sync worker (and the sync's last result) for minutes
    deadline: float = 30.0
    max_bytes: int = 32 * MiB  # on the wire, i.e. still compressed (a 20 MB feed fits)
    max_decompressed_bytes: int = 64 * MiB
    max_redirects: int = 5
    min_retry_after: float = MIN_RETRY_AFTER
    max_retry_after: float = 6 * 3600.0
    default_retry_after: float = DEFAULT_RETRY_AFTER  # 429/503 without a usable Retry-After
    # Six, as browsers allow: with every feed on one host (YouTube channels, GitHub
    # release feeds, Substack) and 50 ms latency, an all-304 sync of 200 feeds took
    # 5.4 s with 2, 2.8 s with 4 and 1.8 s with 6; spread over 50 hosts it is 1.4 s
    # whichever (bench/sync_bench.py --hosts 1|50 --per-host N, medians of three).
    # sync.DEFAULT_WORKERS (8) stays above it, so one host never takes every worker.
    per_host_connections: int = 6


def _seconds(s: float) -> str:
    return f"{s:g} s"


def _deadline_message(lim: FetchLimits) -> str:
    """The overall deadline passed: say 'timed out' first, as every timeout here does."""
    return f"timed out: the server had not finished sending the feed after {_seconds(lim.deadline)}"


def describe_delay(seconds: float) -> str:
    """A wait as words: '60 seconds', '15 minutes', '6 hours'."""
    s = round(seconds)
    if s < 120:
        return f"{s} seconds"
    minutes = round(seconds / 60)
    if minutes < 120:
        return f"{minutes} minutes"
    return f"{round(seconds / 3600)} hours"


def parse_retry_after(
    value: str | None,
    *,
    now: datetime | None = None,
    default: float = DEFAULT_RETRY_AFTER,
    minimum: float = MIN_RETRY_AFTER,
    maximum: float = 6 * 3600.0,
) -> float:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), clamped.

    Missing or unreadable values give ``default``; everything is clamped to
    ``[minimum, maximum]``. Never raises.
    """
    seconds = default
    text = (value or "").strip()
    if re.fullmatch(r"[+-]?\d+(\.\d+)?", text):
        seconds = maximum if len(text) > 15 else float(text)
    elif text:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            when = None
        if when is not None:
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            try:
                seconds = (when - (now or datetime.now(UTC))).total_seconds()
            except OverflowError:
                seconds = maximum
    if math.isnan(seconds):
        seconds = default
    return float(min(max(seconds, minimum), maximum))


def _status_head(status: int, reason: str | None = None) -> str:
    """'HTTP 404 Not Found'."""
    try:
        phrase = http.HTTPStatus(status).phrase
    except ValueError:
        phrase = (reason or "").strip()
    return f"HTTP {status} {phrase}".rstrip()


def _status_message(status: int, reason: str | None = None) -> str:
    head = _status_head(status, reason)
    hint = _STATUS_HINTS.get(status)
    if hint is None:
        if 400 <= status < 500:
            hint = "the server refused the request"
        elif status >= 500:
            hint = "the server had a problem"
        else:
            hint = "unexpected answer from the server"
    return f"{head}: {hint}"


def _network_reason(exc: BaseException) -> str:
    """A short readable cause for a connection failure, from the exception chain."""
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, ssl.SSLCertVerificationError):
            return f"the secure connection failed ({cur.verify_message or 'bad certificate'})"
        if isinstance(cur, ssl.SSLError):
            return f"the secure connection failed ({cur.reason or cur})"
        if isinstance(cur, socket.gaierror):
            return "the host name could not be found"
        if isinstance(cur, ConnectionRefusedError) or (
            isinstance(cur, OSError) and cur.errno == errno.ECONNREFUSED
        ):
            return "connection refused"
        if isinstance(cur, ConnectionResetError):
            return "the connection was reset"
        if isinstance(cur, OSError) and cur.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
            return "the network is unreachable"
        cur = cur.__cause__ or cur.__context__
    text = str(exc).strip()
    if "name or service not known" in text.lower() or "nodename nor servname" in text.lower():
        return "the host name could not be found"
    if "refused" in text.lower():
        return "connection refused"
    return text or type(exc).__name__


def _host_label(url: httpx.URL) -> str:
    port = f":{url.port}" if url.port else ""
    return f"{url.host}{port}"


class Fetcher:
    """Thread-safe HTTP fetcher; one per sync run (or per app).

    Wraps one ``httpx.Client`` (connection pooling, http/https only) and a per-host
    semaphore so at most ``limits.per_host_connections`` requests hit one host at once.
    ``transport`` is passed to ``httpx.Client`` (tests may use ``httpx.MockTransport``).
    """

    def __init__(
        self,
        limits: FetchLimits | None = None,
        user_agent: str | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.limits = limits or FetchLimits()
        self.user_agent = user_agent or USER_AGENT
        self._client = httpx.Client(
            transport=transport,
            follow_redirects=False,
            timeout=httpx.Timeout(
                connect=self.limits.connect_timeout,
                read=self.limits.read_timeout,
                write=self.limits.read_timeout,
                pool=self.limits.deadline,
            ),
            headers={
                "User-Agent": self.user_agent,
                "Accept": ACCEPT,
                "Accept-Encoding": ACCEPT_ENCODING,
            },
        )
        self._host_lock = threading.Lock()
        self._host_slots: dict[tuple[str, int | None], threading.BoundedSemaphore] = {}
        self._closed = False

    # -- lifecycle ---------------------------------------------------------

    def close(self) -> None:
        self._closed = True
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def set_deadline(self, seconds: float) -> None:
        """Use ``seconds`` as the overall deadline for every fetch that starts from now.

        Fetches already under way keep the deadline they started with (each takes one
        snapshot of ``limits``); swapping the frozen ``FetchLimits`` is a single
        assignment, so no lock is needed against the pool threads reading it.
        """
        self.limits = replace(self.limits, deadline=float(seconds))

    # -- per-host limit ----------------------------------------------------

    def _slot(self, url: httpx.URL) -> threading.BoundedSemaphore:
        key = (url.host.lower(), url.port)
        with self._host_lock:
            sem = self._host_slots.get(key)
            if sem is None:
                sem = threading.BoundedSemaphore(max(1, self.limits.per_host_connections))
                self._host_slots[key] = sem
            return sem

    @contextlib.contextmanager
    def _host_slot(
        self,
        url: httpx.URL,
        cancel: threading.Event | None,
        deadline_at: float | None,
        lim: FetchLimits,
    ) -> Iterator[None]:
        sem = self._slot(url)
        while True:
            _check_cancel(cancel)
            wait = _POLL
            if deadline_at is not None:
                left = deadline_at - time.monotonic()
                if left <= 0:
                    raise FetchTimeoutError(_deadline_message(lim))
                wait = min(wait, left)
            if sem.acquire(timeout=wait if cancel is not None or deadline_at else None):
                break
        try:
            yield
        finally:
            sem.release()

    # -- the fetch ---------------------------------------------------------

    def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        cancel: threading.Event | None = None,
        same_host: bool = False,
    ) -> FetchResult:
        """One conditional GET of ``url``; see the module docstring for the rules.

        ``same_host`` refuses redirects to any other host before they are followed
        (backfill promises to ask nothing of sites other than the series' own).
        """
        if self._closed:
            raise FetchError("the fetcher is closed")
        lim = self.limits  # one snapshot per fetch: set_deadline may swap it meanwhile
        current = _parse_url(url)
        _check_cancel(cancel)

        headers: dict[str, str] = {}
        if etag is not None:
            headers["If-None-Match"] = etag
        if last_modified is not None:
            headers["If-Modified-Since"] = last_modified

        visited = {str(current)}
        all_permanent = True
        hops = 0
        deadline_at: float | None = None  # starts once the first host slot is ours

        while True:
            with self._host_slot(current, cancel, deadline_at, lim):
                if deadline_at is None:
                    deadline_at = time.monotonic() + lim.deadline
                outcome = self._one_hop(current, headers, cancel, deadline_at, lim)
            if isinstance(outcome, _Redirect):
                target = outcome.target
                hops += 1
                if target.scheme not in ALLOWED_SCHEMES:
                    shown = _shorten(outcome.location)
                    raise RedirectError(
                        f"the feed redirected to a forbidden address ({shown}); "
                        "only http and https are allowed"
                    )
                if same_host and _host_label(target) != _host_label(current):
                    raise RedirectError(
                        f"the address redirected to another site ({_shorten(str(target))}); "
                        "not followed"
                    )
                if str(target) in visited:
                    raise RedirectError(
                        f"the feed redirects in a loop (back to {_shorten(str(target))})"
                    )
                if hops > lim.max_redirects:
                    raise RedirectError(
                        f"the feed redirected too many times (more than {lim.max_redirects})"
                    )
                visited.add(str(target))
                all_permanent = all_permanent and outcome.status in PERMANENT_REDIRECTS
                current = target
                continue
            status, content, resp_headers = outcome
            final_url = str(current)
            new_etag = resp_headers.get("etag")
            new_lm = resp_headers.get("last-modified")
            if status == 304:
                return FetchResult(
                    requested_url=url,
                    final_url=final_url,
                    status=304,
                    content=None,
                    etag=new_etag if new_etag is not None else etag,
                    last_modified=new_lm if new_lm is not None else last_modified,
                    content_type=resp_headers.get("content-type"),
                    permanent_url=final_url if hops and all_permanent else None,
                )
            return FetchResult(
                requested_url=url,
                final_url=final_url,
                status=status,
                content=content,
                etag=new_etag,
                last_modified=new_lm,
                content_type=resp_headers.get("content-type"),
                permanent_url=final_url if hops and all_permanent else None,
            )

    def _one_hop(
        self,
        url: httpx.URL,
        headers: dict[str, str],
        cancel: threading.Event | None,
        deadline_at: float,
        lim: FetchLimits,
    ) -> _Redirect | tuple[int, bytes | None, httpx.Headers]:
        left = deadline_at - time.monotonic()
        if left <= 0:
            raise FetchTimeoutError(_deadline_message(lim))
        timeout = httpx.Timeout(
            connect=min(lim.connect_timeout, left),
            read=min(lim.read_timeout, left),
            write=min(lim.read_timeout, left),
            pool=left,
        )
        host = _host_label(url)
        try:
            request = self._client.build_request("GET", url, headers=headers, timeout=timeout)
            response = self._client.send(request, stream=True)
        except httpx.TimeoutException as exc:
            raise _timeout_error(exc, deadline_at, host, lim, connecting=True) from None
        except httpx.UnsupportedProtocol:
            raise UnsupportedURLError(
                f"only http and https addresses can be fetched, not {_shorten(str(url))}"
            ) from None
        except (httpx.ConnectError, httpx.ProxyError) as exc:
            raise FetchError(f"could not connect to {host}: {_network_reason(exc)}") from None
        except httpx.NetworkError as exc:
            raise FetchError(
                f"the connection to {host} broke before the server answered "
                f"({_network_reason(exc)})"
            ) from None
        except httpx.RemoteProtocolError as exc:
            raise FetchError(f"the server at {host} sent a broken answer ({exc})") from None
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise FetchError(f"could not fetch the feed from {host}: {exc}") from None

        try:
            status = response.status_code
            if status in REDIRECT_STATUSES:
                location = response.headers.get("location")
                if not location or not location.strip():
                    raise HTTPStatusError(
                        status, f"HTTP {status}: the server redirected without saying where"
                    )
                try:
                    target = url.join(location.strip())
                except (httpx.InvalidURL, ValueError):
                    raise RedirectError(
                        f"the feed redirected to an invalid address ({_shorten(location)})"
                    ) from None
                return _Redirect(status, target, location.strip())
            if status in RETRY_STATUSES:
                wait = parse_retry_after(
                    response.headers.get("retry-after"),
                    default=lim.default_retry_after,
                    minimum=lim.min_retry_after,
                    maximum=lim.max_retry_after,
                )
                head = _status_head(status, response.reason_phrase)
                raise RetryLaterError(
                    status,
                    wait,
                    f"{head}: the server asked to retry later (in {describe_delay(wait)})",
                )
            if status == 304:
                return (304, None, response.headers)
            if not 200 <= status < 300:
                raise HTTPStatusError(status, _status_message(status, response.reason_phrase))
            content = self._read_body(response, cancel, deadline_at, host, lim)
            return (status, content, response.headers)
        finally:
            response.close()

    def _read_body(
        self,
        response: httpx.Response,
        cancel: threading.Event | None,
        deadline_at: float,
        host: str,
        lim: FetchLimits,
    ) -> bytes:
        too_large = f"the feed is larger than the {_mb(lim.max_bytes)} limit"
        declared = response.headers.get("content-length")
        if declared is not None and declared.strip().isdigit() and int(declared) > lim.max_bytes:
            raise TooLargeError(f"{too_large} (the server announced {_mb(int(declared))})")

        encoding = response.headers.get("content-encoding", "").strip().lower()
        if encoding in ("", "identity"):
            encoding = "identity"
        elif encoding in ("x-gzip",):
            encoding = "gzip"
        elif encoding not in ("gzip", "deflate"):
            raise FetchError(
                f"the server compressed the feed with {encoding!r}, which readinglist cannot read"
            )
        decoder = _Decoder(encoding, lim.max_decompressed_bytes)

        parts: list[bytes] = []
        received = 0
        try:
            for chunk in response.iter_raw():
                _check_cancel(cancel)
                if time.monotonic() > deadline_at:
                    raise FetchTimeoutError(_deadline_message(lim))
                received += len(chunk)
                if received > lim.max_bytes:
                    raise TooLargeError(too_large)
                parts.extend(decoder.feed(chunk))
            parts.extend(decoder.finish())
        except httpx.TimeoutException as exc:
            raise _timeout_error(exc, deadline_at, host, lim, connecting=False) from None
        except httpx.RemoteProtocolError:
            raise FetchError(
                f"connection closed before the whole feed arrived (after {_mb(received)})"
            ) from None
        except (httpx.NetworkError, httpx.StreamError, httpx.HTTPError) as exc:
            raise FetchError(
                f"the connection to {host} broke while downloading the feed "
                f"({_network_reason(exc)})"
            ) from None
        _check_cancel(cancel)
        return b"".join(parts)


@dataclass(frozen=True, slots=True)
class _Redirect:
    status: int
    target: httpx.URL
    location: str  # as the server sent it, for messages


def _timeout_error(
    exc: httpx.TimeoutException,
    deadline_at: float,
    host: str,
    lim: FetchLimits,
    *,
    connecting: bool,
) -> FetchTimeoutError:
    """Every timeout reads as one: 'timed out: ' and then which wait ran out."""
    if time.monotonic() >= deadline_at - 0.05:
        return FetchTimeoutError(_deadline_message(lim))
    if isinstance(exc, httpx.ConnectTimeout):
        return FetchTimeoutError(
            f"timed out: could not connect to {host} within {_seconds(lim.connect_timeout)}"
        )
    if isinstance(exc, httpx.PoolTimeout):
        return FetchTimeoutError("timed out: no free connection to the server in time")
    what = "answer" if connecting else "send more"
    return FetchTimeoutError(
        f"timed out: the server at {host} did not {what} within {_seconds(lim.read_timeout)}"
    )


def _check_cancel(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise FetchCancelledError("cancelled")


def _shorten(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _parse_url(url: str) -> httpx.URL:
    text = (url or "").strip()
    scheme = text.split(":", 1)[0].lower() if ":" in text else ""
    if scheme not in ALLOWED_SCHEMES:
        shown = _shorten(text) or "an empty address"
        raise UnsupportedURLError(f"only http and https addresses can be fetched, not {shown}")
    try:
        parsed = httpx.URL(text)
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        raise UnsupportedURLError(f"the address {_shorten(text)} is not valid ({exc})") from None
    if not parsed.host:
        raise UnsupportedURLError(f"the address {_shorten(text)} has no host name")
    return parsed
