"""A sync server failing in each way it can: one readable sentence per cause, a retry at
the next sync, nothing lost. These servers are loopback stand-ins that fail on purpose
(FreshRSS does not fail on demand); the working protocol is tested against the real
FreshRSS in test_account_sync.py."""

from __future__ import annotations

import pytest

from loopback import LoopbackServer, Reply
from readinglist.feeds import greader
from readinglist.model.errors import (
    LoginRefusedError,
    SyncProtocolError,
    SyncServerError,
    SyncTimeoutError,
)
from readinglist.model.query import ArticleQuery
from readinglist.services.account.client import GReaderClient
from readinglist.services.library import Library

API = "/api/greader.php"


def login_ok(loopback: LoopbackServer) -> None:
    loopback.route(f"{API}/accounts/ClientLogin", body="SID=x\nLSID=null\nAuth=reader/abc\n")


def test_a_wrong_password_is_refused_and_nothing_is_saved(tmp_path, loopback):
    loopback.route(f"{API}/accounts/ClientLogin", status=401, body="Unauthorized!")
    with Library.open(tmp_path / "lib") as lib:
        with pytest.raises(LoginRefusedError, match="refused the user name 'reader'"):
            lib.set_account("greader", loopback.url(API), "reader", "wrong")
        assert lib.account() is None
    assert not (tmp_path / "lib" / "account-password").exists()


def test_an_address_that_answers_a_web_page_is_named_as_not_the_api(tmp_path, loopback):
    loopback.route(
        f"{API}/accounts/ClientLogin",
        body="<!doctype html><html><body>Welcome</body></html>",
        content_type="text/html",
    )
    with Library.open(tmp_path / "lib") as lib, pytest.raises(SyncProtocolError, match="web page"):
        lib.set_account("greader", loopback.url(API), "reader", "pw")


def test_an_html_answer_to_an_api_call_is_one_sentence():
    with pytest.raises(SyncProtocolError, match="web page, not the Google Reader API"):
        greader.parse_subscriptions(b"<html><body>Log in</body></html>")
    with pytest.raises(SyncProtocolError, match="not JSON"):
        greader.parse_id_page(b"{broken")
    # JSON nested deeper than the parser's stack: a sentence, not a RecursionError
    with pytest.raises(SyncProtocolError, match="nested too deeply"):
        greader.parse_items(b"[" * 200_000 + b"]" * 200_000)


def test_a_silent_server_times_out_with_a_sentence_that_says_so(loopback):
    login_ok(loopback)
    loopback.route(f"{API}/reader/api/0/subscription/list", delay=3.0, body="{}")
    with (
        GReaderClient(loopback.url(API), "reader", "pw", timeout=0.5) as client,
        pytest.raises(SyncTimeoutError, match="timed out"),
    ):
        client.subscriptions()


def test_a_server_error_and_a_rate_limit_fail_the_sync_and_the_next_one_waits(tmp_path, loopback):
    login_ok(loopback)
    loopback.route(f"{API}/reader/api/0/subscription/list", status=500, body="oops")
    with Library.open(tmp_path / "lib") as lib:
        lib.set_account("greader", loopback.url(API), "reader", "pw")
        first = lib.sync()
        assert first.account_error == "the sync server answered HTTP 500 to list"
        assert "sync server failed: the sync server answered HTTP 500" in first.describe()

        loopback.route(
            f"{API}/reader/api/0/subscription/list",
            status=429,
            headers={"Retry-After": "120"},
            body="slow down",
        )
        limited = lib.sync()
        assert limited.account_error and "asked to wait 120 s" in limited.account_error
        asked = loopback.count(f"{API}/reader/api/0/subscription/list")
        waiting = lib.sync()  # within the two minutes: the server is not asked at all
        assert waiting.account_error and "asked to wait until" in waiting.account_error
        assert loopback.count(f"{API}/reader/api/0/subscription/list") == asked
        forced = lib.sync(respect_retry_after=False)
        assert loopback.count(f"{API}/reader/api/0/subscription/list") == asked + 1
        assert forced.account_error


def test_an_expired_session_logs_in_again_once(loopback):
    loopback.route(f"{API}/accounts/ClientLogin", body="Auth=reader/new\n")
    loopback.route(
        f"{API}/reader/api/0/subscription/list",
        replies=[
            Reply(status=401, body="Unauthorized!"),
            Reply(body='{"subscriptions": []}', content_type="application/json"),
        ],
    )
    with GReaderClient(loopback.url(API), "reader", "pw", auth="reader/old") as client:
        assert client.subscriptions() == []
    assert loopback.count(f"{API}/accounts/ClientLogin") == 1


def test_a_server_that_keeps_refusing_the_session_fails_with_one_sentence(loopback):
    login_ok(loopback)
    loopback.route(f"{API}/reader/api/0/subscription/list", status=401, body="Unauthorized!")
    with (
        GReaderClient(loopback.url(API), "reader", "pw") as client,
        pytest.raises(LoginRefusedError, match="no longer accepts the login of reader"),
    ):
        client.subscriptions()


def test_an_unreachable_server_loses_nothing_waiting(tmp_path):
    server = LoopbackServer()
    login_ok(server)
    url = server.url(API)
    with Library.open(tmp_path / "lib") as lib:
        lib.set_account("greader", url, "reader", "pw")
        server.close()
        summary = lib.sync()
        assert summary.account_error and "could not be reached" in summary.account_error
        assert lib.list_articles(ArticleQuery()) == []
        assert lib.account().last_error == summary.account_error  # shown until it works


def test_item_ids_fold_into_sqlite_integers_and_back():
    for value in (0, 1, 1796525024662087, (1 << 63) - 1, 1 << 63, (1 << 64) - 1):
        signed = greader.to_signed(value)
        assert -(1 << 63) <= signed < (1 << 63)
        assert greader.to_unsigned(signed) == value
        assert greader.parse_item_id(greader.item_id_param(signed)) == signed
    assert greader.parse_item_id("tag:google.com,2005:reader/item/000661ee13ecd247") == int(
        "000661ee13ecd247", 16
    )
    assert greader.parse_item_id("not an id") is None


def test_items_from_the_server_are_sanitized_like_any_feed():
    body = (
        b'{"items": [{"id": "tag:google.com,2005:reader/item/0000000000000001",'
        b' "title": "Part 1 <b>bold</b>", "origin": {"streamId": "feed/1"},'
        b' "canonical": [{"href": "javascript:alert(1)"}],'
        b' "alternate": [{"href": "https://blog.example/p1"}],'
        b' "summary": {"content": "<p onclick=x>hi<script>alert(1)</script></p>"},'
        b' "categories": ["user/-/state/com.google/read", "user/-/label/ML"],'
        b' "published": 1704067200, "timestampUsec": "1704067200000001"},'
        b' {"id": 5}, "junk", {"title": "no id"}]}'
    )
    (item,) = greader.parse_items(body)
    assert item.entry.link == "https://blog.example/p1"
    assert "script" not in item.entry.content_html and "onclick" not in item.entry.content_html
    assert item.entry.title == "Part 1 bold"
    assert item.read and not item.starred and item.entry.categories == ("ML",)


def test_server_errors_are_sync_failures_for_the_cli_exit_code():
    from readinglist.cli.errors import EXIT_FAILED, EXIT_REFUSED, exit_code_for

    assert exit_code_for(SyncServerError("x")) == EXIT_FAILED
    assert exit_code_for(SyncTimeoutError()) == EXIT_FAILED
    assert exit_code_for(LoginRefusedError()) == EXIT_REFUSED  # asking again fails again
