"""Sync end to end against loopback feeds: every failure stays with its own feed."""

from __future__ import annotations

import gzip
import threading

import pytest

from feedgen import Item, atom, rss, series_items
from readinglist.feeds.fetch import Fetcher, FetchLimits
from readinglist.model.query import ArticleQuery
from readinglist.model.records import SyncStatus
from readinglist.services import prepare as prepare_module
from readinglist.services.sync import sync_feeds
from readinglist.storage.store import Store

RSS = "application/rss+xml"


@pytest.fixture
def fetcher():
    limits = FetchLimits(
        connect_timeout=2, read_timeout=2, deadline=3, max_bytes=2_000_000,
        max_decompressed_bytes=3_000_000, max_retry_after=3600,
    )  # fmt: skip
    with Fetcher(limits) as f:
        yield f


def _count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = prepare_module.parse_feed

    def counting(content: bytes, **kw):
        calls.append(kw["url"])
        return real(content, **kw)

    monkeypatch.setattr(prepare_module, "parse_feed", counting)
    return calls


def test_first_and_second_sync(store: Store, loopback, fetcher, monkeypatch) -> None:
    loopback.route(
        "/a.xml",
        body=rss(series_items("Transfer Learning", [1, 2, 4])),
        etag='"a1"',
        content_type=RSS,
    )
    loopback.route(
        "/b.xml",
        body=atom(series_items("Time Series", [2, 3])),
        last_modified="Mon, 04 Mar 2024 10:00:00 GMT",
    )
    a = store.add_feed(loopback.url("/a.xml")).id
    b = store.add_feed(loopback.url("/b.xml")).id
    parses = _count_parses(monkeypatch)
    summary = sync_feeds(store, fetcher=fetcher)
    assert {r.feed_id: (r.status, r.new_count) for r in summary.results} == {
        a: (SyncStatus.UPDATED, 3),
        b: (SyncStatus.UPDATED, 2),
    }
    assert len(parses) == 2
    series = {s.name: s for s in store.list_series()}
    assert series["Transfer Learning"].parts == (1, 2, 4)
    assert series["Transfer Learning"].missing == (3,)
    assert series["Time Series"].missing == (1,)
    feed_a = store.get_feed(a)
    assert feed_a.etag == '"a1"' and feed_a.title == "Test Blog" and feed_a.last_error is None

    loopback.clear_log()
    second = sync_feeds(store, fetcher=fetcher)
    assert {r.status for r in second.results} == {SyncStatus.NOT_MODIFIED}
    assert len(parses) == 2  # nothing parsed again
    assert loopback.requests_for("/a.xml")[0].headers["If-None-Match"] == '"a1"'
    assert (
        loopback.requests_for("/b.xml")[0].headers["If-Modified-Since"]
        == "Mon, 04 Mar 2024 10:00:00 GMT"
    )


def test_same_bytes_without_validators_are_not_parsed(
    store, loopback, fetcher, monkeypatch
) -> None:
    loopback.route("/a.xml", body=rss(series_items("X", [1])))
    store.add_feed(loopback.url("/a.xml"))
    parses = _count_parses(monkeypatch)
    sync_feeds(store, fetcher=fetcher)
    summary = sync_feeds(store, fetcher=fetcher)
    assert [r.status for r in summary.results] == [SyncStatus.UNCHANGED]
    assert len(parses) == 1


BAD_FEEDS = {
    "/truncated.xml": (dict(body=rss(series_items("T", [1, 2]))[:180]), "the feed is malformed"),
    "/empty.xml": (dict(body=b""), "the document is empty"),
    "/page.html": (
        dict(
            body=b"<!doctype html><html><head><title>Hi</title></head><body><p>hello</p></body></html>",
            content_type="text/html",
        ),
        "the server sent an HTML page, not a feed",
    ),
    "/404.xml": (dict(status=404), "HTTP 404"),
    "/410.xml": (dict(status=410), "HTTP 410"),
    "/500.xml": (dict(status=500), "HTTP 500"),
    "/short.xml": (dict(body=rss(series_items("S", [1])), content_length=100_000), "closed"),
    "/bomb.xml": (dict(body=b"\0" * 8_000_000, gzip=True, content_type=RSS), "after decompression"),
    "/drip.xml": (dict(body=rss(series_items("D", [1])), drip=1.0, drip_size=1), "timed out"),
}


def test_every_failure_is_recorded_on_its_feed_and_the_rest_sync(store, loopback, fetcher) -> None:
    loopback.route("/good.xml", body=rss(series_items("Good", [1, 2])))
    good = store.add_feed(loopback.url("/good.xml")).id
    ids = {}
    for path, (reply, _msg) in BAD_FEEDS.items():
        loopback.route(path, **reply)
        ids[path] = store.add_feed(loopback.url(path)).id
    loopback.redirect("/loop1.xml", "/loop2.xml", 302)
    loopback.redirect("/loop2.xml", "/loop1.xml", 302)
    loopback.redirect("/tofile.xml", "file:///etc/passwd", 301)
    loop = store.add_feed(loopback.url("/loop1.xml")).id
    tofile = store.add_feed(loopback.url("/tofile.xml")).id
    # the user's state on the good feed must survive everything
    sync_feeds(store, [good], fetcher=fetcher)
    first = store.list_articles(ArticleQuery(feed_id=good))[0]
    store.set_note(first.id, "keep this")
    store.mark_read([first.id])

    summary = sync_feeds(store, fetcher=fetcher)
    by_id = {r.feed_id: r for r in summary.results}
    assert len(summary.failed) == len(BAD_FEEDS) + 2
    for path, (_reply, message) in BAD_FEEDS.items():
        result = by_id[ids[path]]
        assert result.status is SyncStatus.FAILED, path
        assert message in (result.error or ""), (path, result.error)
        assert store.get_feed(ids[path]).last_error == result.error
    assert "redirect" in (by_id[loop].error or "").lower()
    assert "file" in (by_id[tofile].error or "")
    assert by_id[good].status is SyncStatus.UNCHANGED
    kept = store.get_article(first.id)
    assert (kept.note, kept.read) == ("keep this", True)
    assert store.integrity_ok()


def test_content_change_updates_article_and_keeps_note(store, loopback, fetcher) -> None:
    items = series_items("Series", [1, 2])
    loopback.route("/a.xml", body=rss(items))
    fid = store.add_feed(loopback.url("/a.xml")).id
    sync_feeds(store, fetcher=fetcher)
    article = store.list_articles(ArticleQuery(feed_id=fid, order="part"))[0]
    store.set_note(article.id, "my note")
    store.set_starred([article.id])
    changed = [Item(items[0].guid, items[0].title, items[0].link, "<p>Revised text</p>", 1)]
    loopback.route("/a.xml", body=rss(changed))  # part 2 also drops out of the feed
    summary = sync_feeds(store, fetcher=fetcher)
    assert summary.results[0].updated_count == 1
    assert "Revised text" in store.get_content(article.id).summary_html
    after = store.get_article(article.id)
    assert (after.note, after.starred) == ("my note", True)
    assert len(store.list_articles(ArticleQuery(feed_id=fid))) == 2  # part 2 stays


def test_permanent_redirect_updates_the_feed_url(store, loopback, fetcher) -> None:
    loopback.route("/new.xml", body=rss(series_items("R", [1])))
    loopback.redirect("/old.xml", "/new.xml", 301)
    fid = store.add_feed(loopback.url("/old.xml")).id
    sync_feeds(store, fetcher=fetcher)
    assert store.get_feed(fid).url == loopback.url("/new.xml")


def test_temporary_redirect_keeps_the_feed_url(store, loopback, fetcher) -> None:
    loopback.route("/new.xml", body=rss(series_items("R", [1])))
    loopback.redirect("/old.xml", "/new.xml", 302)
    fid = store.add_feed(loopback.url("/old.xml")).id
    sync_feeds(store, fetcher=fetcher)
    assert store.get_feed(fid).url == loopback.url("/old.xml")


@pytest.mark.parametrize(
    "value", ["120", "99999999999", "-5", "soon", "Fri, 31 Dec 9999 23:59:59 GMT"]
)
def test_retry_after_backs_off_within_bounds(store, loopback, fetcher, value) -> None:
    loopback.route("/busy.xml", status=429, headers={"Retry-After": value})
    fid = store.add_feed(loopback.url("/busy.xml")).id
    summary = sync_feeds(store, fetcher=fetcher)
    assert summary.results[0].status is SyncStatus.FAILED
    feed = store.get_feed(fid)
    assert feed.retry_after is not None and feed.last_checked is not None
    wait = (feed.retry_after - feed.last_checked).total_seconds()
    assert 59 <= wait <= 3601  # clamped to [60 s, the configured maximum]
    loopback.clear_log()
    again = sync_feeds(store, fetcher=fetcher)
    assert again.results[0].status is SyncStatus.SKIPPED
    assert loopback.count() == 0  # we honoured Retry-After
    forced = sync_feeds(store, fetcher=fetcher, respect_retry_after=False)
    assert forced.results[0].status is SyncStatus.FAILED and loopback.count() == 1


def test_entries_without_id_or_link_and_duplicates(store, loopback, fetcher) -> None:
    items = [
        Item(None, "No id, has link", "https://blog.example/p1/"),
        Item(None, "Neither id nor link", None, "<p>unique body</p>"),
        Item("dup", "First of duplicates", "https://blog.example/d1/"),
        Item("dup", "Second of duplicates", "https://blog.example/d2/"),
    ]
    loopback.route("/a.xml", body=rss(items))
    fid = store.add_feed(loopback.url("/a.xml")).id
    sync_feeds(store, fetcher=fetcher)
    titles = sorted(a.title for a in store.list_articles(ArticleQuery(feed_id=fid)))
    assert titles == ["First of duplicates", "Neither id nor link", "No id, has link"]
    # a second sync of the same entries creates nothing new
    loopback.route("/a.xml", body=rss(items) + b"\n")
    assert sync_feeds(store, fetcher=fetcher).results[0].new_count == 0


def test_hostile_html_is_sanitized_before_storage(store, loopback, fetcher) -> None:
    evil = (
        '<p onclick="steal()">hi<script>alert(1)</script>'
        '<a href="javascript:alert(1)">a</a><a href="&#106;avascript:alert(1)">b</a>'
        '<a href="java&#9;script:alert(1)">c</a><img src="file:///etc/hostname">'
        '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg></p>'
    )
    loopback.route("/a.xml", body=rss([Item("1", "Evil", "https://blog.example/e/", evil)]))
    fid = store.add_feed(loopback.url("/a.xml")).id
    sync_feeds(store, fetcher=fetcher)
    (article,) = store.list_articles(ArticleQuery(feed_id=fid))
    stored = store.get_content(article.id).summary_html.lower()
    for bad in ("<script", "onclick", "javascript", "file:", "xlink", "&#106;"):
        assert bad not in stored
    assert "hi" in stored


def test_series_regroup_when_a_second_part_arrives(store, loopback, fetcher) -> None:
    first = [Item("p1", "Deep Dive into Caches, Part 1", "https://blog.example/caches-1/", day=1)]
    loopback.route("/a.xml", body=rss(first))
    fid = store.add_feed(loopback.url("/a.xml")).id
    sync_feeds(store, fetcher=fetcher)
    second = [
        *first,
        Item("p2", "Deep Dive into Caches, Part 2", "https://blog.example/caches-2/", day=2),
    ]
    loopback.route("/a.xml", body=rss(second))
    sync_feeds(store, fetcher=fetcher)
    (series,) = store.list_series(feed_id=fid)
    assert series.parts == (1, 2) and series.article_count == 2


def test_a_post_the_feed_still_carries_joins_the_group_its_new_siblings_make(
    store, loopback, fetcher
) -> None:
    """The first "Methods of Proof — x" alone is no series; when two more arrive, the
    feed still carries it unchanged, and it must become part 1, not a missing part."""
    first = [
        Item("p1", "Methods of Proof — Direct Implication", "https://blog.example/mop-1/", day=1),
        Item("w", "Notes from a walk", "https://blog.example/walk/", day=2),
    ]
    loopback.route("/a.xml", body=rss(first))
    fid = store.add_feed(loopback.url("/a.xml")).id
    sync_feeds(store, fetcher=fetcher)
    assert store.list_series(feed_id=fid) == []
    second = [
        *first,
        Item("p2", "Methods of Proof — Contrapositive", "https://blog.example/mop-2/", day=3),
        Item("p3", "Methods of Proof — Induction", "https://blog.example/mop-3/", day=4),
    ]
    loopback.route("/a.xml", body=rss(second))
    sync_feeds(store, fetcher=fetcher)
    (series,) = store.list_series(feed_id=fid)
    assert series.article_count == 3 and series.parts == (1, 2, 3) and series.missing == ()


def test_cancel_stops_promptly(store, loopback, fetcher) -> None:
    for i in range(6):
        loopback.route(f"/slow{i}.xml", body=rss(series_items("S", [1])), delay=2.5)
        store.add_feed(loopback.url(f"/slow{i}.xml"))
    cancel = threading.Event()
    timer = threading.Timer(0.3, cancel.set)
    timer.start()
    summary = sync_feeds(store, fetcher=fetcher, cancel=cancel, workers=2)
    timer.join()
    assert summary.cancelled
    assert {r.status for r in summary.results} <= {SyncStatus.CANCELLED, SyncStatus.UPDATED}
    assert any(r.status is SyncStatus.CANCELLED for r in summary.results)


def test_gzip_feed_syncs(store, loopback, fetcher) -> None:
    body = rss(series_items("G", [1, 2]))
    loopback.route("/g.xml", body=body, gzip=True)
    store.add_feed(loopback.url("/g.xml"))
    assert sync_feeds(store, fetcher=fetcher).results[0].new_count == 2
    assert gzip.compress(body)  # sanity: the route really compresses


@pytest.mark.slow
def test_huge_feed_is_stored_whole(store, loopback) -> None:
    """A 20 MB feed with 50,000 entries syncs with the default limits; others are unaffected."""
    items = [
        Item(
            f"g{i}",
            f"Post number {i}",
            f"https://big.example/p/{i}/",
            "<p>" + "word " * 60 + "</p>",
            i % 300,
        )
        for i in range(50_000)
    ]
    body = rss(items)
    assert len(body) > 20_000_000
    loopback.route("/huge.xml", body=body)
    loopback.route("/small.xml", body=rss(series_items("Small", [1, 2])))
    huge = store.add_feed(loopback.url("/huge.xml")).id
    small = store.add_feed(loopback.url("/small.xml")).id
    summary = sync_feeds(store)
    counts = {r.feed_id: r.new_count for r in summary.results}
    assert counts == {huge: 50_000, small: 2}
    assert store.get_feed(huge).article_count == 50_000
    assert not summary.failed


KILL_SCRIPT = """
import sys
from readinglist.cli.commands import run
sys.exit(run(["sync", "--data-dir", sys.argv[1]]))
"""


def test_process_killed_mid_sync(data_dir, loopback) -> None:
    """Killed while syncing: committed notes survive, the file is sound, the next sync completes."""
    import subprocess
    import sys
    import time

    from readinglist.services.paths import database_path

    loopback.route("/fast.xml", body=rss(series_items("Fast", [1, 2])))
    for i in range(6):
        loopback.route(f"/slow{i}.xml", body=rss(series_items(f"Slow {i}", [1, 2, 3])), delay=1.5)
    path = database_path(data_dir)
    store = Store(path)
    fast = store.add_feed(loopback.url("/fast.xml")).id
    for i in range(6):
        store.add_feed(loopback.url(f"/slow{i}.xml"))
    sync_feeds(store, [fast])
    article = store.list_articles(ArticleQuery(feed_id=fast))[0]
    store.set_note(article.id, "written before the crash")
    store.close()

    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(data_dir)])
    deadline = time.monotonic() + 20
    while loopback.count() < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)
    proc.kill()
    proc.wait()

    store = Store(path)
    assert store.integrity_ok()
    assert store.get_note(article.id) == "written before the crash"
    summary = sync_feeds(store)
    assert not summary.failed
    assert len(store.list_series()) == 7
    store.close()


def test_cancel_does_not_wait_for_a_silent_server(store, loopback) -> None:
    """A fetch stuck on a server that never answers must not hold the cancel up."""
    import time

    loopback.route("/silent.xml", body=rss(series_items("S", [1])), delay=8)
    store.add_feed(loopback.url("/silent.xml"))
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    start = time.monotonic()
    with Fetcher(FetchLimits(read_timeout=20, deadline=30)) as slow_fetcher:
        summary = sync_feeds(store, fetcher=slow_fetcher, cancel=cancel)
        elapsed = time.monotonic() - start
    assert summary.cancelled and [r.status for r in summary.results] == [SyncStatus.CANCELLED]
    assert elapsed < 2.0
