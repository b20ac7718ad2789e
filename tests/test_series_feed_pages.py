"""A series' feed read past its first page (issue #12): WordPress sends a series' newest
ten posts, and the older ones at ``?paged=2``, ``?paged=3``, …

A loopback pottery blog whose titles say nothing of their series; every title and
address is invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from feedgen import Item, rss
from loopback import LoopbackServer
from pottery_site import FAST, PotterySite, grouping_of, rss_document, subscribed
from readinglist.services.backfill.feed_pages import paged_url
from readinglist.services.backfill.series_index import read_series_index
from readinglist.services.library import Library


@pytest.fixture
def site(loopback: LoopbackServer) -> PotterySite:
    return PotterySite(loopback)


GLAZES = [
    "Celadon", "Tenmoku", "Shino", "Wood ash", "Chun", "Oribe", "Crawl",
    "Crystalline", "Copper red", "Iron red", "Satin matte", "Floating blue", "Rutile", "Nuka",
]  # fmt: skip


def _glaze_lab(count: int) -> list[tuple[str, str, str]]:
    """``count`` posts of one series whose titles say nothing of it, oldest first."""
    return [
        (f"glaze-{n:02d}", name, f"2031-04-{n:02d}")
        for n, name in enumerate(GLAZES[:count], start=1)
    ]


def _serve_series_pages(
    site: PotterySite, path: str, pages: list[list[tuple[str, str, str]]]
) -> None:
    """A WordPress series feed: page 1 at ``path``, page N at ``path?paged=N``."""
    for n, posts in enumerate(pages, start=1):
        items = [(t, site.post(slug), day) for slug, t, day in reversed(posts)]
        body = rss_document("Glaze Lab", items)
        site.server.route(
            path if n == 1 else f"{path}?paged={n}",
            body=body,
            content_type="application/rss+xml",
            etag=f'"page-{n}-{len(body)}"',  # asked again conditionally: 304 until it changes
        )


def test_a_series_feed_cut_to_its_newest_ten_is_read_page_by_page(
    site: PotterySite, data_dir: Path
) -> None:
    """WordPress sends a series' newest ten; ``?paged=2`` has the four before them. Read
    whole, the list places the feed's posts as parts 5-14, parts 1-4 shown missing."""
    posts = _glaze_lab(14)
    site.publish(posts[4:])  # the blog's own feed: its newest ten posts
    site.list_series({"glaze-lab": "Glaze Lab"})
    _serve_series_pages(site, "/series/glaze-lab/feed/", [posts[4:], posts[:4]])
    lib, feed_id = subscribed(data_dir, site)

    report = lib.read_series_index(feed_id, limits=FAST)

    assert report.series == (("Glaze Lab", 10),) and report.errors == ()
    grouped = grouping_of(lib, feed_id)
    assert grouped["Chun"] == ("Glaze Lab", 5)
    assert grouped["Nuka"] == ("Glaze Lab", 14)
    (series,) = lib.list_series(feed_id=feed_id)
    assert series.missing == (1, 2, 3, 4)
    assert site.server.count("/series/glaze-lab/feed/") == 2  # page 1 and page 2, no more

    # a follow asks the series' feed again: unchanged, its older pages are not asked
    follow = frozenset({"feed", "index"})
    read_series_index(lib.store, feed_id, fetcher=lib.fetcher, limits=FAST, revalidate=follow)
    assert site.server.count("/series/glaze-lab/feed/") == 3
    assert grouping_of(lib, feed_id)["Chun"] == ("Glaze Lab", 5)
    lib.close()


def test_a_feed_that_ignores_the_page_stays_a_window(site: PotterySite, data_dir: Path) -> None:
    """A static host answers ``?paged=2`` with the first page again: nothing is added,
    the ten stay a window (numbered by the feed's dates, nothing shown missing); a
    series of exactly ten whose next page is not found is whole, and placed."""
    posts = _glaze_lab(14)
    site.publish(posts[6:])  # the blog's feed: the series' newest eight
    site.list_series({"glaze-lab": "Glaze Lab"})
    _serve_series_pages(site, "/series/glaze-lab/feed/", [posts[4:]])  # the query ignored
    lib, feed_id = subscribed(data_dir, site)

    report = lib.read_series_index(feed_id, limits=FAST)

    assert report.series == (("Glaze Lab", 8),)
    assert grouping_of(lib, feed_id)["Crawl"] == ("Glaze Lab", 1)
    (series,) = lib.list_series(feed_id=feed_id)
    assert series.missing == ()
    lib.close()


def test_ten_posts_and_no_second_page_are_the_whole_series(
    site: PotterySite, data_dir: Path
) -> None:
    """A series' feed of exactly ten whose second page is not found is the whole series:
    its oldest post is part 1 though the blog's feed no longer carries it."""
    posts = _glaze_lab(10)
    site.publish(posts[2:])  # the blog's feed has let the first two go
    site.list_series({"glaze-lab": "Glaze Lab"})
    series_feed = "/series/glaze-lab/feed/"
    _serve_series_pages(site, series_feed, [posts])
    site.server.route(f"{series_feed}?paged=2", status=404, body="not found")
    lib, feed_id = subscribed(data_dir, site)

    lib.read_series_index(feed_id, limits=FAST)

    assert grouping_of(lib, feed_id)["Shino"] == ("Glaze Lab", 3)
    assert grouping_of(lib, feed_id)["Iron red"] == ("Glaze Lab", 10)
    (series,) = lib.list_series(feed_id=feed_id)
    assert series.missing == (1, 2)
    lib.close()


def test_the_next_page_of_a_feed_keeps_its_query() -> None:
    assert paged_url("https://pots.example/series/x/feed/", 2) == (
        "https://pots.example/series/x/feed/?paged=2"
    )
    assert paged_url("https://pots.example/?feed=rss2&series=x&paged=2", 3) == (
        "https://pots.example/?feed=rss2&series=x&paged=3"
    )


def _chemistry_site(server: LoopbackServer) -> None:
    """Twelve parts of "Glaze Chemistry (N): x"; the tag feed has parts 11 and 12, and
    each part's page announces the series' WordPress feed: its newest ten on page 1,
    parts 1 and 2 on ``?paged=2``."""
    parts = {n: f"/2031/05/glaze-chemistry-{n}/" for n in range(1, 13)}

    def item(n: int) -> Item:
        url = server.url(parts[n])
        return Item(guid=url, title=f"Glaze Chemistry ({n}): Oxide {n}", link=url, day=n)

    server.route("/tags/glazes/feed/", body=rss([item(12), item(11)]), content_type="text/xml")
    server.route(
        "/series/glaze-chemistry/feed/",
        body=rss([item(n) for n in range(12, 2, -1)]),
        content_type="text/xml",
    )
    server.route(
        "/series/glaze-chemistry/feed/?paged=2",
        body=rss([item(2), item(1)]),
        content_type="text/xml",
    )
    feed = '<link rel="alternate" type="application/rss+xml" href="/series/glaze-chemistry/feed/">'
    for n, path in parts.items():
        title = f"Glaze Chemistry ({n}): Oxide {n}"
        html = f"<html><head><title>{title}</title>{feed}</head><body><p>{title}.</p></body></html>"
        server.route(path, body=html, content_type="text/html")


def test_find_missing_parts_reads_the_series_feed_past_its_newest_ten(
    loopback: LoopbackServer, data_dir: Path
) -> None:
    _chemistry_site(loopback)
    lib = Library.open(data_dir)
    lib.subscribe(loopback.url("/tags/glazes/feed/"))
    (series,) = lib.store.list_series()
    assert series.parts == (11, 12)

    (report,) = lib.backfill([series.id], limits=FAST)

    assert report.parts_found == tuple(range(1, 11)) and report.still_missing == ()
    assert lib.store.get_series(series.id).parts == tuple(range(1, 13))
    assert loopback.count("/series/glaze-chemistry/feed/") == 2  # page 1, then page 2
    lib.close()
