"""Library operations shared by the CLI and the window: subscribe, sample, restore."""

from __future__ import annotations

import json

import pytest

from feedgen import rss, series_items
from readinglist.model.errors import DiscoveryError, FeedExistsError, UnsupportedURLError
from readinglist.model.query import ArticleQuery
from readinglist.model.records import SyncStatus
from readinglist.services.export import export_json
from readinglist.services.library import Library
from readinglist.storage.store import Store


def test_subscribe_to_a_web_page_discovers_its_feed(library: Library, loopback) -> None:
    loopback.route(
        "/blog/",
        body=b'<html><head><link rel="alternate" type="application/rss+xml" href="feed.xml">'
        b"</head><body>hi</body></html>",
        content_type="text/html",
    )
    loopback.route("/blog/feed.xml", body=rss(series_items("NLP", [1, 2, 4])), etag='"e1"')
    feed, summary = library.subscribe(loopback.url("/blog/"))
    assert feed.url == loopback.url("/blog/feed.xml")
    assert summary is not None and summary.results[0].status is SyncStatus.UPDATED
    assert feed.article_count == 3 and feed.etag == '"e1"'
    assert loopback.count("/blog/feed.xml") == 1  # the probe's document was stored, not refetched
    with pytest.raises(FeedExistsError):
        library.subscribe(loopback.url("/blog/feed.xml"))
    # the next sync asks for a 304 with the probe's validators
    assert library.sync().results[0].status is SyncStatus.NOT_MODIFIED


def test_subscribe_refuses_pages_without_feeds_and_non_http(library: Library, loopback) -> None:
    loopback.route("/page", body=b"<html><body>no feed</body></html>", content_type="text/html")
    with pytest.raises(DiscoveryError, match="neither a feed nor a page that names one"):
        library.subscribe(loopback.url("/page"))
    with pytest.raises(UnsupportedURLError):
        library.subscribe("file:///etc/passwd")
    assert library.store.list_feeds() == []


def test_sample_library_loads_offline_and_is_never_fetched(library: Library) -> None:
    feeds = library.load_sample_library()
    if not feeds:
        pytest.skip("no sample feeds shipped yet")
    assert all(f.url.startswith("sample:") for f in feeds)
    assert library.store.list_series(), "the sample library should show series"
    assert library.sync().results == ()  # sample feeds are not fetched


def test_json_backup_restores_everything(library: Library, loopback, tmp_path) -> None:
    loopback.route("/f.xml", body=rss(series_items("Transfer Learning", [1, 2])))
    _feed, _ = library.subscribe(loopback.url("/f.xml"))
    first, second = library.store.list_articles(ArticleQuery(order="part"))
    library.store.set_note(first.id, "a note to keep")
    library.store.mark_read([second.id])
    (series,) = library.store.list_series()
    library.store.rename_series(series.id, "TL")
    backup = json.loads(export_json(library.store))

    restored = Library(Store(tmp_path / "other.sqlite3"))
    counts = restored.restore_backup(backup)
    assert counts["articles"] == 2
    a = restored.store.get_article(first.id)
    assert (a.note, a.series_name, a.part) == ("a note to keep", "TL", 1)
    assert restored.store.get_article(second.id).read is True
    assert [x.id for x in restored.store.list_articles(ArticleQuery(search="weights"))] == []
    assert {x.id for x in restored.store.list_articles(ArticleQuery(search="body"))} == {
        first.id,
        second.id,
    }
    restored.close()


def test_backfill_never_searches_the_offline_sample_library(library: Library, loopback) -> None:
    library.load_sample_library()
    assert any(s.missing for s in library.store.list_series())
    assert library.backfill() == []
    assert loopback.count() == 0
