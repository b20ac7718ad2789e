"""feeds.fetch against the loopback server: deadlines, cancelling, network failures,
per-host concurrency, and the loopback server itself (split from test_fetch.py)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from fetch_limits import FAST, LAST_MODIFIED, RSS
from loopback import LoopbackServer, Reply, Request
from readinglist.feeds.fetch import Fetcher, FetchLimits
from readinglist.model.errors import (
    FetchCancelledError,
    FetchError,
    FetchTimeoutError,
    RedirectError,
    RetryLaterError,
)


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(FAST) as f:
        yield f


# --- time -------------------------------------------------------------------


def test_drip_hits_the_deadline(loopback: LoopbackServer) -> None:
    loopback.route("/feed", body=RSS, drip=1.0)
    limits = FetchLimits(connect_timeout=2.0, read_timeout=10.0, deadline=2.0)
    with Fetcher(limits) as f, pytest.raises(FetchTimeoutError) as info:
        f.fetch(loopback.url("/feed"))
    assert str(info.value) == ("timed out: the server had not finished sending the feed after 2 s")


def test_the_default_deadline_is_30_seconds() -> None:
    assert FetchLimits().deadline == 30.0


def test_set_deadline_applies_to_the_next_fetch(loopback: LoopbackServer) -> None:
    loopback.route("/feed", body=RSS, drip=1.0)
    with Fetcher(FetchLimits(read_timeout=10.0, deadline=60.0)) as f:
        f.set_deadline(1.5)
        assert f.limits.deadline == 1.5
        assert f.limits.read_timeout == 10.0  # only the deadline changes
        with pytest.raises(FetchTimeoutError) as info:
            f.fetch(loopback.url("/feed"))
    assert str(info.value) == (
        "timed out: the server had not finished sending the feed after 1.5 s"
    )


def test_connect_and_pool_timeouts_read_as_timeouts() -> None:
    from readinglist.feeds.fetch import _timeout_error

    far = time.monotonic() + 60
    lim = FetchLimits(connect_timeout=10.0)
    connect = _timeout_error(httpx.ConnectTimeout("x"), far, "example.org", lim, connecting=True)
    pool = _timeout_error(httpx.PoolTimeout("x"), far, "example.org", lim, connecting=True)
    assert str(connect) == "timed out: could not connect to example.org within 10 s"
    assert str(pool) == "timed out: no free connection to the server in time"


def test_silent_server_hits_the_read_timeout(loopback: LoopbackServer) -> None:
    loopback.route("/feed", body=RSS, delay=3.0)
    limits = FetchLimits(connect_timeout=1.0, read_timeout=0.5, deadline=10.0)
    with Fetcher(limits) as f, pytest.raises(FetchTimeoutError) as info:
        f.fetch(loopback.url("/feed"))
    assert str(info.value) == (
        f"timed out: the server at 127.0.0.1:{loopback.port} did not answer within 0.5 s"
    )


def test_deadline_spans_redirects(loopback: LoopbackServer) -> None:
    loopback.latency = 0.4
    for i in range(5):
        loopback.redirect(f"/r{i}", f"/r{i + 1}", status=302)
    loopback.route("/r5", body=RSS)
    limits = FetchLimits(read_timeout=5.0, deadline=1.0)
    with Fetcher(limits) as f, pytest.raises(FetchTimeoutError) as info:
        f.fetch(loopback.url("/r0"))
    assert str(info.value) == "timed out: the server had not finished sending the feed after 1 s"


def test_cancel_stops_a_slow_download(loopback: LoopbackServer) -> None:
    loopback.route("/feed", body=RSS, drip=0.1)
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    start = time.monotonic()
    with Fetcher(FAST) as f, pytest.raises(FetchCancelledError) as info:
        f.fetch(loopback.url("/feed"), cancel=cancel)
    assert time.monotonic() - start < 1.0
    assert str(info.value) == "cancelled"
    assert isinstance(info.value, FetchError)


def test_cancel_before_start_sends_nothing(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    loopback.route("/feed", body=RSS)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(FetchCancelledError, match=r"^cancelled$"):
        fetcher.fetch(loopback.url("/feed"), cancel=cancel)
    assert loopback.count() == 0


def test_cancel_while_waiting_for_a_host_slot(loopback: LoopbackServer) -> None:
    loopback.route("/slow", body=RSS, delay=1.0)
    limits = FetchLimits(per_host_connections=1, deadline=5.0)
    cancel = threading.Event()
    with Fetcher(limits) as f:
        busy = threading.Thread(target=f.fetch, args=(loopback.url("/slow"),))
        busy.start()
        time.sleep(0.2)
        threading.Timer(0.2, cancel.set).start()
        start = time.monotonic()
        with pytest.raises(FetchCancelledError):
            f.fetch(loopback.url("/slow"), cancel=cancel)
        assert time.monotonic() - start < 0.6
        busy.join()
    assert loopback.count() == 1


# --- network ----------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_connection_refused(fetcher: Fetcher) -> None:
    port = _free_port()
    with pytest.raises(FetchError) as info:
        fetcher.fetch(f"http://127.0.0.1:{port}/feed")
    assert type(info.value) is FetchError
    assert str(info.value) == f"could not connect to 127.0.0.1:{port}: connection refused"


def test_unknown_host() -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno -2] Name or service not known", request=request)

    with Fetcher(FAST, transport=httpx.MockTransport(fail)) as f, pytest.raises(FetchError) as info:
        f.fetch("https://no-such-host.invalid/feed")
    assert (
        str(info.value)
        == "could not connect to no-such-host.invalid: the host name could not be found"
    )


def test_broken_response(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    loopback.route("/feed", raw=b"NOT HTTP AT ALL\r\n\r\n")
    with pytest.raises(FetchError) as info:
        fetcher.fetch(loopback.url("/feed"))
    assert type(info.value) is FetchError
    assert str(info.value).startswith(
        f"the server at 127.0.0.1:{loopback.port} sent a broken answer"
    )


def test_closed_fetcher(loopback: LoopbackServer) -> None:
    f = Fetcher(FAST)
    f.close()
    with pytest.raises(FetchError, match=r"^the fetcher is closed$"):
        f.fetch(loopback.url("/feed"))


# --- concurrency -------------------------------------------------------------


def test_at_most_six_requests_per_host(loopback: LoopbackServer) -> None:
    """Six at once, as browsers allow (bench/sync_bench.py --hosts 1 shows why)."""
    loopback.route("/feed", body=RSS, delay=0.3)
    results: list[int] = []
    errors: list[BaseException] = []

    def run(f: Fetcher, i: int) -> None:
        try:
            results.append(f.fetch(loopback.url(f"/feed?n={i}")).status)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    with Fetcher(FAST) as f:
        assert f.limits.per_host_connections == 6
        threads = [threading.Thread(target=run, args=(f, i)) for i in range(10)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert errors == []
    assert results == [200] * 10
    assert loopback.count("/feed") == 10
    assert loopback.max_concurrent == 6


def test_other_hosts_are_not_held_up(loopback: LoopbackServer) -> None:
    with LoopbackServer() as other:
        loopback.route("/slow", body=RSS, delay=1.0)
        other.route("/fast", body=RSS)
        limits = FetchLimits(per_host_connections=1, deadline=5.0)
        with Fetcher(limits) as f:
            busy = threading.Thread(target=f.fetch, args=(loopback.url("/slow"),))
            busy.start()
            time.sleep(0.1)
            start = time.monotonic()
            assert f.fetch(other.url("/fast")).content == RSS
            assert time.monotonic() - start < 0.5
            busy.join()


# --- the loopback server itself ------------------------------------------------


def test_loopback_handler_and_replies(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    def echo(request: Request) -> Reply:
        return Reply(body=request.path.encode(), content_type="text/plain")

    loopback.route("/echo", handler=echo)
    loopback.route("/seq", replies=[Reply(status=503), Reply(body=RSS)])
    assert fetcher.fetch(loopback.url("/echo?x=1")).content == b"/echo?x=1"
    with pytest.raises(RetryLaterError):
        fetcher.fetch(loopback.url("/seq"))
    assert fetcher.fetch(loopback.url("/seq")).content == RSS
    assert fetcher.fetch(loopback.url("/seq")).content == RSS
    assert loopback.count("/seq") == 3
    assert [r.method for r in loopback.requests_for("/echo")] == ["GET"]


def test_loopback_if_modified_since(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    loopback.route("/feed", body=RSS, last_modified=LAST_MODIFIED)
    result = fetcher.fetch(loopback.url("/feed"), last_modified=LAST_MODIFIED)
    assert result.status == 304
    assert result.last_modified == LAST_MODIFIED


def test_server_hangs_up_without_answering(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    loopback.route("/feed", raw=b"")
    with pytest.raises(FetchError) as info:
        fetcher.fetch(loopback.url("/feed"))
    assert type(info.value) is FetchError
    assert str(info.value) == (
        f"the server at 127.0.0.1:{loopback.port} sent a broken answer "
        "(Server disconnected without sending a response.)"
    )


def test_same_host_refuses_a_redirect_to_another_site(loopback) -> None:
    from loopback import LoopbackServer

    with LoopbackServer() as other:
        other.route("/elsewhere.xml", body=b"<rss/>")
        loopback.redirect("/page", other.url("/elsewhere.xml"), 302)
        with Fetcher() as fetcher:
            with pytest.raises(RedirectError, match="redirected to another site"):
                fetcher.fetch(loopback.url("/page"), same_host=True)
            assert other.count() == 0
            # without the flag the redirect is followed as usual
            assert fetcher.fetch(loopback.url("/page")).content == b"<rss/>"
