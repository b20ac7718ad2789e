"""feeds.fetch against the loopback server: every outcome asserted exactly."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from fetch_limits import FAST, LAST_MODIFIED, RSS
from loopback import LoopbackServer
from readinglist import __version__
from readinglist.feeds.fetch import Fetcher, FetchLimits, parse_retry_after
from readinglist.model.errors import (
    FetchError,
    HTTPStatusError,
    RedirectError,
    RetryLaterError,
    TooLargeError,
    UnsupportedURLError,
)

ETAG = 'W/"abc-123"'
HOUR = 3600.0


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(FAST) as f:
        yield f


def test_200_returns_body_and_validators(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    loopback.route(
        "/feed.xml",
        body=RSS,
        etag=ETAG,
        last_modified=LAST_MODIFIED,
        content_type="application/rss+xml; charset=utf-8",
    )
    result = fetcher.fetch(loopback.url("/feed.xml"))
    assert result.status == 200
    assert result.content == RSS
    assert result.etag == ETAG
    assert result.last_modified == LAST_MODIFIED
    assert result.content_type == "application/rss+xml; charset=utf-8"
    assert result.requested_url == result.final_url == loopback.url("/feed.xml")
    assert result.permanent_url is None
    assert not result.not_modified
    # a first fetch sends no conditional headers
    _, _, headers = loopback.requests[0]
    assert "If-None-Match" not in headers
    assert "If-Modified-Since" not in headers


def test_304_echoes_validators_exactly(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    loopback.route("/feed.xml", body=RSS, etag=ETAG, last_modified=LAST_MODIFIED)
    result = fetcher.fetch(loopback.url("/feed.xml"), etag=ETAG, last_modified=LAST_MODIFIED)
    method, path, headers = loopback.requests[0]
    assert (method, path) == ("GET", "/feed.xml")
    assert headers["If-None-Match"] == 'W/"abc-123"'
    assert headers["If-Modified-Since"] == "Wed, 21 Oct 2015 07:28:00 GMT"
    assert result.status == 304
    assert result.not_modified
    assert result.content is None
    assert result.etag == ETAG
    assert result.last_modified == LAST_MODIFIED


def test_304_without_validators_keeps_the_old_ones(loopback: LoopbackServer) -> None:
    loopback.route("/feed.xml", status=304)
    with Fetcher(FAST) as f:
        result = f.fetch(loopback.url("/feed.xml"), etag='"old"', last_modified="yesterday")
    assert (result.status, result.content) == (304, None)
    assert (result.etag, result.last_modified) == ('"old"', "yesterday")


def test_304_with_a_new_etag_returns_it(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    loopback.route("/feed.xml", status=304, headers={"ETag": '"new"'})
    result = fetcher.fetch(loopback.url("/feed.xml"), etag='"old"', last_modified=LAST_MODIFIED)
    assert (result.etag, result.last_modified) == ('"new"', LAST_MODIFIED)


def test_changed_feed_after_etag_returns_200(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    loopback.route("/feed.xml", body=RSS, etag='"v2"')
    result = fetcher.fetch(loopback.url("/feed.xml"), etag='"v1"')
    assert (result.status, result.content, result.etag) == (200, RSS, '"v2"')


def test_user_agent_and_accept_encoding(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    loopback.route("/feed.xml", body=RSS)
    fetcher.fetch(loopback.url("/feed.xml"))
    _, _, headers = loopback.requests[0]
    assert headers["User-Agent"] == f"readinglist/{__version__} (+feed reader)"
    assert headers["Accept-Encoding"] == "gzip, deflate"


def test_custom_user_agent(loopback: LoopbackServer) -> None:
    loopback.route("/feed.xml", body=RSS)
    with Fetcher(FAST, user_agent="probe/1") as f:
        f.fetch(loopback.url("/feed.xml"))
    assert loopback.requests[0].headers["User-Agent"] == "probe/1"


# --- redirects ---------------------------------------------------------------


def test_301_sets_permanent_url(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    loopback.redirect("/old", "/new", status=301)
    loopback.route("/new", body=RSS)
    result = fetcher.fetch(loopback.url("/old"))
    assert result.content == RSS
    assert result.requested_url == loopback.url("/old")
    assert result.final_url == loopback.url("/new")
    assert result.permanent_url == loopback.url("/new")


def test_302_gives_no_permanent_url(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    loopback.redirect("/old", "/new", status=302)
    loopback.route("/new", body=RSS)
    result = fetcher.fetch(loopback.url("/old"))
    assert result.final_url == loopback.url("/new")
    assert result.permanent_url is None


def test_308_chain_is_permanent(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    loopback.redirect("/a", "/b", status=308)
    loopback.redirect("/b", loopback.url("/c"), status=301)
    loopback.redirect("/c", "d", status=308)  # relative to /c
    loopback.route("/d", body=RSS)
    result = fetcher.fetch(loopback.url("/a"))
    assert result.permanent_url == loopback.url("/d")
    assert [r.path for r in loopback.requests] == ["/a", "/b", "/c", "/d"]


def test_307_inside_a_permanent_chain_cancels_it(
    loopback: LoopbackServer, fetcher: Fetcher
) -> None:
    loopback.redirect("/a", "/b", status=301)
    loopback.redirect("/b", "/c", status=307)
    loopback.redirect("/c", "/d", status=308)
    loopback.route("/d", body=RSS)
    result = fetcher.fetch(loopback.url("/a"))
    assert result.final_url == loopback.url("/d")
    assert result.permanent_url is None


def test_301_then_304_still_reports_the_move(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    loopback.redirect("/old", "/new", status=301)
    loopback.route("/new", body=RSS, etag=ETAG)
    result = fetcher.fetch(loopback.url("/old"), etag=ETAG)
    assert result.status == 304
    assert result.permanent_url == loopback.url("/new")
    assert loopback.requests[1].headers["If-None-Match"] == ETAG


def test_redirect_loop(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    loopback.redirect("/a", "/b", status=302)
    loopback.redirect("/b", "/a", status=302)
    with pytest.raises(RedirectError) as info:
        fetcher.fetch(loopback.url("/a"))
    assert str(info.value) == f"the feed redirects in a loop (back to {loopback.url('/a')})"


def test_redirect_to_file_url_is_refused(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    loopback.redirect("/feed", "file:///etc/passwd", status=301)
    with pytest.raises(RedirectError) as info:
        fetcher.fetch(loopback.url("/feed"))
    assert str(info.value) == (
        "the feed redirected to a forbidden address (file:///etc/passwd); "
        "only http and https are allowed"
    )
    assert loopback.count() == 1


def test_too_many_redirects(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    for i in range(10):
        loopback.redirect(f"/r{i}", f"/r{i + 1}", status=302)
    with pytest.raises(RedirectError) as info:
        fetcher.fetch(loopback.url("/r0"))
    assert str(info.value) == "the feed redirected too many times (more than 5)"
    assert loopback.count() == 6  # the original request plus five redirects


def test_five_redirects_are_allowed(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    for i in range(5):
        loopback.redirect(f"/r{i}", f"/r{i + 1}", status=301)
    loopback.route("/r5", body=RSS)
    result = fetcher.fetch(loopback.url("/r0"))
    assert result.permanent_url == loopback.url("/r5")


def test_redirect_without_location(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    loopback.route("/feed", status=302)
    with pytest.raises(HTTPStatusError) as info:
        fetcher.fetch(loopback.url("/feed"))
    assert info.value.status == 302
    assert str(info.value) == "HTTP 302: the server redirected without saying where"


# --- URLs -------------------------------------------------------------------


ONLY_HTTP = "only http and https addresses can be fetched, not "


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("file:///etc/passwd", ONLY_HTTP + "file:///etc/passwd"),
        ("ftp://example.org/feed", ONLY_HTTP + "ftp://example.org/feed"),
        ("javascript:alert(1)", ONLY_HTTP + "javascript:alert(1)"),
        ("example.org/feed", ONLY_HTTP + "example.org/feed"),
        ("", ONLY_HTTP + "an empty address"),
        ("http://", "the address http:// has no host name"),
    ],
)
def test_non_http_urls_are_refused(fetcher: Fetcher, url: str, message: str) -> None:
    with pytest.raises(UnsupportedURLError) as info:
        fetcher.fetch(url)
    assert str(info.value) == message


# --- HTTP errors ------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (404, "HTTP 404 Not Found: nothing is at that address"),
        (410, "HTTP 410 Gone: gone for good; the site removed it"),
        (500, "HTTP 500 Internal Server Error: the server failed"),
        (403, "HTTP 403 Forbidden: the server refused access"),
        (418, "HTTP 418 I'm a Teapot: the server refused the request"),
        (599, "HTTP 599: the server had a problem"),
    ],
)
def test_error_statuses(
    loopback: LoopbackServer, fetcher: Fetcher, status: int, message: str
) -> None:
    loopback.route("/feed", status=status, body=b"<html>nope</html>")
    with pytest.raises(HTTPStatusError) as info:
        fetcher.fetch(loopback.url("/feed"))
    assert info.value.status == status
    assert str(info.value) == message


def test_unrouted_path_is_404(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    with pytest.raises(HTTPStatusError, match=r"^HTTP 404 Not Found"):
        fetcher.fetch(loopback.url("/nothing-here"))


# --- Retry-After ------------------------------------------------------------


def _http_date(delta: timedelta) -> str:
    return format_datetime(datetime.now(UTC) + delta, usegmt=True)


@pytest.mark.parametrize("status", [429, 503])
@pytest.mark.parametrize(
    ("retry_after", "expected", "words"),
    [
        ("119", 119.0, "119 seconds"),
        ("120", 120.0, "2 minutes"),
        ("3600", HOUR, "60 minutes"),
        ("5", 60.0, "60 seconds"),  # floor
        ("99999999999", 6 * HOUR, "6 hours"),  # clamped
        ("-5", 60.0, "60 seconds"),
        ("soon", 15 * 60.0, "15 minutes"),  # garbage -> default
        ("Fri, 31 Dec 9999 23:59:59 GMT", 6 * HOUR, "6 hours"),
        ("Thu, 01 Jan 1970 00:00:00 GMT", 60.0, "60 seconds"),
        (None, 15 * 60.0, "15 minutes"),  # missing -> default
        ("1" * 5000, 6 * HOUR, "6 hours"),
    ],
)
def test_retry_later(
    loopback: LoopbackServer,
    fetcher: Fetcher,
    status: int,
    retry_after: str | None,
    expected: float,
    words: str,
) -> None:
    headers = {} if retry_after is None else {"Retry-After": retry_after}
    loopback.route("/feed", status=status, headers=headers)
    with pytest.raises(RetryLaterError) as info:
        fetcher.fetch(loopback.url("/feed"))
    phrase = {429: "Too Many Requests", 503: "Service Unavailable"}[status]
    assert info.value.status == status
    assert info.value.retry_after_seconds == expected
    assert (
        str(info.value) == f"HTTP {status} {phrase}: the server asked to retry later (in {words})"
    )


def test_retry_after_http_date(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    loopback.route("/feed", status=503, headers={"Retry-After": _http_date(timedelta(hours=2))})
    with pytest.raises(RetryLaterError) as info:
        fetcher.fetch(loopback.url("/feed"))
    assert 2 * HOUR - 10 <= info.value.retry_after_seconds <= 2 * HOUR
    assert (
        str(info.value)
        == "HTTP 503 Service Unavailable: the server asked to retry later (in 2 hours)"
    )


@pytest.mark.parametrize(
    "value", ["", "   ", "1e9", "NaN", "inf", "Mon, 99 Foo 2020", "\x00", "12:00", "-0", "3.5"]
)
def test_parse_retry_after_never_crashes(value: str) -> None:
    seconds = parse_retry_after(value)
    assert 60.0 <= seconds <= 6 * HOUR


def test_parse_retry_after_naive_date_is_utc() -> None:
    now = datetime(2020, 1, 1, tzinfo=UTC)
    assert parse_retry_after("Wed, 01 Jan 2020 01:00:00", now=now) == HOUR


# --- compression and size caps ----------------------------------------------


def test_gzip_feed_is_decoded(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    loopback.route("/feed", body=RSS * 50, gzip=True, content_type="application/rss+xml")
    result = fetcher.fetch(loopback.url("/feed"))
    assert result.content == RSS * 50


def test_multi_member_gzip_is_decoded(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    body = gzip.compress(b"<rss>") + gzip.compress(b"</rss>")
    loopback.route("/feed", body=body, headers={"Content-Encoding": "gzip"})
    assert fetcher.fetch(loopback.url("/feed")).content == b"<rss></rss>"


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS], ids=["zlib", "raw"])
def test_deflate_feed_is_decoded(loopback: LoopbackServer, fetcher: Fetcher, wbits: int) -> None:
    co = zlib.compressobj(wbits=wbits)
    body = co.compress(RSS) + co.flush()
    loopback.route("/feed", body=body, headers={"Content-Encoding": "deflate"})
    assert fetcher.fetch(loopback.url("/feed")).content == RSS


def test_gzip_bomb_is_refused(loopback: LoopbackServer) -> None:
    bomb = gzip.compress(b"\0" * (10 * 1024 * 1024), compresslevel=9)
    assert len(bomb) < 64 * 1024
    loopback.route("/feed", body=bomb, headers={"Content-Encoding": "gzip"})
    limits = FetchLimits(deadline=10.0, max_bytes=64 * 1024, max_decompressed_bytes=1024 * 1024)
    with Fetcher(limits) as f, pytest.raises(TooLargeError) as info:
        f.fetch(loopback.url("/feed"))
    assert str(info.value) == "the feed is larger than 1 MB after decompression"


def test_damaged_gzip(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    loopback.route("/feed", body=b"this is not gzip", headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError) as info:
        fetcher.fetch(loopback.url("/feed"))
    assert str(info.value) == (
        "the feed's gzip compression is damaged (Error -3 while decompressing data: "
        "incorrect header check)"
    )


def test_truncated_gzip(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    body = gzip.compress(RSS * 20)[:-20]
    loopback.route("/feed", body=body, headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError) as info:
        fetcher.fetch(loopback.url("/feed"))
    assert str(info.value) == (
        "connection closed before the whole feed arrived (compressed data cut short)"
    )


def test_brotli_is_refused(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    loopback.route("/feed", body=b"\x0b\x02\x80", headers={"Content-Encoding": "br"})
    with pytest.raises(FetchError) as info:
        fetcher.fetch(loopback.url("/feed"))
    assert (
        str(info.value) == "the server compressed the feed with 'br', which readinglist cannot read"
    )


def test_content_length_too_large_is_refused_early(
    loopback: LoopbackServer, fetcher: Fetcher
) -> None:
    loopback.route("/feed", body=b"x" * 100_000)
    with pytest.raises(TooLargeError) as info:
        fetcher.fetch(loopback.url("/feed"))
    assert str(info.value) == (
        "the feed is larger than the 64 KB limit (the server announced 97.7 KB)"
    )


def test_chunked_body_too_large(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    loopback.route("/feed", body=b"x" * 200_000, chunked=True)
    with pytest.raises(TooLargeError) as info:
        fetcher.fetch(loopback.url("/feed"))
    assert str(info.value) == "the feed is larger than the 64 KB limit"


def test_chunked_body_within_limit(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    loopback.route("/feed", body=RSS * 10, chunked=True)
    assert fetcher.fetch(loopback.url("/feed")).content == RSS * 10


def test_body_shorter_than_content_length(loopback: LoopbackServer, fetcher: Fetcher) -> None:
    loopback.route("/feed", body=b"<rss>partial", content_length=5000)
    with pytest.raises(FetchError) as info:
        fetcher.fetch(loopback.url("/feed"))
    assert type(info.value) is FetchError
    assert str(info.value) == "connection closed before the whole feed arrived (after 12 bytes)"
