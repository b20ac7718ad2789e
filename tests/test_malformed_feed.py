"""A feed cut off in the middle of an item: entries before the cut kept, the feed failed.

The server sends a matching Content-Length, so the download itself succeeds; only the
document is broken. The feed must show as failed everywhere a failed feed shows (the
sync result, the stored error, ``readinglist sync``'s exit code and stderr line).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from feedgen import rss, series_items
from readinglist.cli.commands import run
from readinglist.feeds.fetch import Fetcher, FetchLimits
from readinglist.model.query import ArticleQuery
from readinglist.model.records import SyncStatus
from readinglist.services.sync import sync_feeds
from readinglist.storage.store import Store

FULL = rss(series_items("Attention", [1, 2, 3, 4, 5]))
# cut inside part 4's title: parts 1-3 are whole, part 4 is half an entry
CUT = FULL[: FULL.index(b"<title>Attention (4)") + len(b"<title>Atten")]
CUT_LINE = CUT.count(b"\n") + 1
ERROR = (
    f"the feed is malformed (cut off at line {CUT_LINE}: no element found): "
    "kept the 3 entries before the cut"
)


@pytest.fixture
def fetcher():
    with Fetcher(FetchLimits(connect_timeout=2, read_timeout=2, deadline=5)) as f:
        yield f


def _titles(store: Store, feed_id: int) -> list[str]:
    return sorted(a.title for a in store.list_articles(ArticleQuery(feed_id=feed_id)))


def test_cut_feed_keeps_entries_fails_and_a_good_fetch_clears_it(
    store: Store, loopback, fetcher
) -> None:
    loopback.route("/cut.xml", body=CUT, etag='"cut"')  # Content-Length == len(CUT)
    loopback.route("/good.xml", body=rss(series_items("Other", [1])))
    cut = store.add_feed(loopback.url("/cut.xml")).id
    good = store.add_feed(loopback.url("/good.xml")).id

    summary = sync_feeds(store, fetcher=fetcher)
    by_id = {r.feed_id: r for r in summary.results}
    result = by_id[cut]
    assert result.status is SyncStatus.FAILED and result.failed
    assert result.error == ERROR
    assert result.new_count == 3 and len(result.new_article_ids) == 3
    assert by_id[good].status is SyncStatus.UPDATED
    assert summary.describe() == "4 new articles, 1 feed failed"
    assert _titles(store, cut) == [f"Attention ({n}): Chapter {n}" for n in (1, 2, 3)]
    feed = store.get_feed(cut)
    assert feed.last_error == ERROR
    assert feed.etag is None  # not remembered: the next sync asks for the whole feed

    # the server still sends the broken document: still failed, nothing lost or doubled
    again = sync_feeds(store, [cut], fetcher=fetcher)
    assert [(r.status, r.error, r.new_count) for r in again.results] == [
        (SyncStatus.FAILED, ERROR, 0)
    ]
    assert "If-None-Match" not in loopback.requests_for("/cut.xml")[-1].headers

    # the server is fixed: the whole feed arrives, the error is cleared
    loopback.route("/cut.xml", body=FULL, etag='"full"')
    fixed = sync_feeds(store, [cut], fetcher=fetcher)
    assert [(r.status, r.error, r.new_count) for r in fixed.results] == [
        (SyncStatus.UPDATED, None, 2)
    ]
    assert store.get_feed(cut).last_error is None
    assert len(_titles(store, cut)) == 5


def test_cli_sync_reports_the_cut_feed_and_exits_1(
    data_dir: Path, loopback, capsys: pytest.CaptureFixture[str]
) -> None:
    loopback.route("/cut.xml", body=CUT)
    url = loopback.url("/cut.xml")
    assert run(["add", "--no-sync", url, "--data-dir", str(data_dir)]) == 0
    capsys.readouterr()
    assert run(["sync", "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [f"readinglist: feed 1 ({url}): {ERROR}"]
