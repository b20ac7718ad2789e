"""The download timeout: one setting for every fetch, and a stuck feed never holds a sync.

``Library.set_download_timeout`` is what ``readinglist sync --timeout`` and the window's
Preferences call; these tests go through it, not around it.
"""

from __future__ import annotations

import pytest

from feedgen import rss, series_items
from readinglist.feeds.fetch import Fetcher, FetchLimits
from readinglist.model.query import ArticleQuery
from readinglist.model.records import FeedSyncResult, SyncStatus
from readinglist.services.library import Library
from readinglist.storage.store import Store


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (4.9, "the download timeout must be between 5 and 600 seconds, not 4.9"),
        (601, "the download timeout must be between 5 and 600 seconds, not 601"),
        (0, "the download timeout must be between 5 and 600 seconds, not 0"),
        (-30, "the download timeout must be between 5 and 600 seconds, not -30"),
        (float("nan"), "the download timeout must be a number of seconds, not nan"),
        (float("inf"), "the download timeout must be a number of seconds, not inf"),
        ("30", "the download timeout must be a number of seconds, not '30'"),
        (True, "the download timeout must be a number of seconds, not True"),
    ],
)
def test_out_of_range_timeouts_are_refused(library: Library, value, message) -> None:
    with pytest.raises(ValueError) as info:
        library.set_download_timeout(value)
    assert str(info.value) == message
    assert library.download_timeout == 30.0  # nothing changed


def test_timeout_set_before_the_fetcher_exists(library: Library) -> None:
    assert library.download_timeout == 30.0
    library.set_download_timeout(45)
    assert library.download_timeout == 45.0
    assert library.fetcher.limits.deadline == 45.0  # made lazily, with the setting


def test_timeout_set_after_the_fetcher_exists(library: Library) -> None:
    fetcher = library.fetcher
    assert fetcher.limits.deadline == 30.0
    library.set_download_timeout(5)
    assert library.fetcher is fetcher  # the same pooled client, new deadline
    assert fetcher.limits.deadline == 5.0
    library.set_download_timeout(600)
    assert fetcher.limits.deadline == 600.0


def test_a_dripping_feed_times_out_and_the_others_are_stored(store: Store, loopback) -> None:
    """One server sends a byte a second; the good feeds finish and are stored meanwhile."""
    good = []
    for i in range(5):
        loopback.route(f"/good{i}.xml", body=rss(series_items(f"Good {i}", [1, 2, 3])))
        good.append(store.add_feed(loopback.url(f"/good{i}.xml")).id)
    loopback.route("/drip.xml", body=rss(series_items("Drip", [1, 2])), drip=1.0, drip_size=1)
    drip = store.add_feed(loopback.url("/drip.xml")).id

    with Fetcher(FetchLimits(connect_timeout=2, read_timeout=3)) as fetcher:
        library = Library(store, fetcher=fetcher)
        library.set_download_timeout(5)  # the shortest allowed: the test stays short
        order: list[FeedSyncResult] = []
        summary = library.sync(on_result=order.append)

    by_id = {r.feed_id: r for r in summary.results}
    assert [by_id[i].status for i in good] == [SyncStatus.UPDATED] * 5
    for feed_id in good:
        assert len(store.list_articles(ArticleQuery(feed_id=feed_id))) == 3
        assert store.get_feed(feed_id).last_error is None
    failed = by_id[drip]
    assert failed.status is SyncStatus.FAILED
    assert failed.error == "timed out: the server had not finished sending the feed after 5 s"
    assert store.get_feed(drip).last_error == failed.error
    assert store.list_articles(ArticleQuery(feed_id=drip)) == []
    # the good feeds were stored while the dripping one was still downloading
    assert order[-1].feed_id == drip
    assert summary.describe() == "15 new articles, 1 feed failed"
