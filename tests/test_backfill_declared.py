"""Find missing parts on a site whose pages declare their series (tests/declsite.py):
the titles never name the series, the pages do. The declared members are fetched
first, taken as their declared parts, kept declared for the next regrouping; a page
that declares another series is refused whatever its title says; the theme's
chronological prev/next links (head, footer) are never followed."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from declsite import DECOY, NOTES, PARTS, SERIES, DeclaringSite
from loopback import LoopbackServer
from readinglist.model.query import ArticleQuery
from readinglist.services.backfill.run import BackfillLimits
from readinglist.services.library import Library
from readinglist.storage.backfill_store import CachedFetch

FAST = BackfillLimits(min_interval=0)


def _library(data_dir: Path, site: DeclaringSite, read_in_full: tuple[int, ...]) -> Library:
    """Subscribed to the feed (parts 1 and 4), with the full text of some parts read:
    that is how the library learns the series their titles do not show."""
    lib = Library.open(data_dir)
    lib.subscribe(site.feed_url)
    assert lib.list_series() == []
    by_link = {a.link: a.id for a in lib.list_articles(ArticleQuery())}
    for part in read_in_full:
        lib.fetch_fulltext(by_link[site.url(PARTS[part][1])])
    (series,) = lib.list_series()
    assert (series.name, series.parts, series.missing) == (SERIES, (1, 4), (2, 3))
    site.server.clear_log()
    return lib


def _found(lib: Library, series_id: int) -> dict[str, int | None]:
    return {
        a.title: a.part
        for a in lib.list_articles(ArticleQuery(series_id=series_id))
        if a.found_on_site
    }


def _assert_theme_links_never_followed(server: LoopbackServer) -> None:
    assert [server.count(n) for n in NOTES] == [0] * len(NOTES)


@pytest.mark.parametrize(
    ("declared_by", "read_in_full"), [("list", (4,)), ("box", (1, 4)), ("schema", (1, 4))]
)
def test_declared_members_are_found_as_their_declared_parts(
    loopback: LoopbackServer, data_dir: Path, declared_by: str, read_in_full: tuple[int, ...]
) -> None:
    site = DeclaringSite(loopback, declared_by, sitemap=declared_by == "schema")
    with _library(data_dir, site, read_in_full) as lib:
        (series,) = lib.list_series()
        (report,) = lib.backfill([series.id], limits=FAST)

        assert (report.parts_found, report.still_missing, report.errors) == ((2, 3), (), ())
        assert _found(lib, series.id) == {"Attention": 2, "Decoding": 3}
        assert lib.get_series(series.id).parts == (1, 2, 3, 4)
        _assert_theme_links_never_followed(loopback)
        assert [loopback.count(PARTS[n][1]) for n in (2, 3)] == [1, 1]
        # what the new articles' pages declared is kept, so a regrouping keeps them
        declared = lib.store.feed_declarations(series.feed_id)
        assert declared[site.url(PARTS[2][1])].position == 2
        lib.sync()
        assert lib.get_series(series.id).parts == (1, 2, 3, 4)


def test_the_start_pages_list_is_fetched_before_any_search(
    loopback: LoopbackServer, data_dir: Path
) -> None:
    site = DeclaringSite(loopback, "list", sitemap=True)
    with _library(data_dir, site, (4,)) as lib:
        (series,) = lib.list_series()
        (report,) = lib.backfill([series.id], limits=FAST)
        assert report.parts_found == (2, 3)
        # the site listed the series: no sitemap read, no page beyond the list fetched
        assert loopback.count("/sitemap.xml") == 0
        assert loopback.count(DECOY) == 0
        articles = {path for _title, path in PARTS.values()} | {DECOY}
        pages = [r.path for r in loopback.requests if r.path in articles]
        assert sorted(pages) == sorted(PARTS[n][1] for n in (2, 3, 4))  # 4: the start


def test_a_box_without_a_list_is_crawled_through_the_box_alone(
    loopback: LoopbackServer, data_dir: Path
) -> None:
    """Part 4's box links part 3 (fetched as declared); part 3's box links part 2 (the
    crawl). Every page also links the garden notes (head, footer) and a "Part 5" decoy:
    none of those is asked."""
    site = DeclaringSite(loopback, "box", sitemap=False)
    with _library(data_dir, site, (1, 4)) as lib:
        (series,) = lib.list_series()
        (report,) = lib.backfill([series.id], limits=FAST)
        assert report.parts_found == (2, 3)
        assert loopback.count(DECOY) == 0
        _assert_theme_links_never_followed(loopback)


def test_a_page_that_declares_another_series_is_refused_despite_its_title(
    loopback: LoopbackServer, data_dir: Path
) -> None:
    site = DeclaringSite(loopback, "schema", sitemap=True)
    with _library(data_dir, site, (1, 4)) as lib:
        (series,) = lib.list_series()
        (report,) = lib.backfill([series.id], limits=FAST)
        assert loopback.count(DECOY) == 1  # in the series' URL section: it was read
        links = {a.link for a in lib.list_articles(ArticleQuery())}
        assert site.url(DECOY) not in links  # "... Part 5: Serving" of another series
        assert report.parts_found == (2, 3)


def test_a_page_digest_cached_before_declarations_is_read_again(
    loopback: LoopbackServer, data_dir: Path
) -> None:
    """An older version cached page digests without what the page declares: such a
    digest is read again in full (a 304 would leave nothing to read), not taken for a
    page that declares nothing."""
    site = DeclaringSite(loopback, "schema", sitemap=True)
    start = site.url(PARTS[4][1])
    with _library(data_dir, site, (1, 4)) as lib:
        old = {"title": PARTS[4][0], "prev": [], "next": [], "part_links": [], "feeds": []}
        lib.store.put_cached_fetch(
            CachedFetch(start, "page", 200, start, '"v1"', None, datetime.now(UTC), None, old)
        )
        (series,) = lib.list_series()
        (report,) = lib.backfill([series.id], limits=FAST)
        (asked,) = loopback.requests_for(PARTS[4][1])
        assert "if-none-match" not in {k.lower() for k in asked.headers}
        cached = lib.store.get_cached_fetch(start)
        assert cached is not None and cached.summary["declared"]["position"] == 4
        assert report.parts_found == (2, 3)
