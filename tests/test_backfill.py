"""Find missing parts: the loopback blog (tests/blogsite.py), end to end.

The library subscribes to the blog's tag feed only (two parts of each of three series);
backfill must complete every series from the site itself, with a bounded number of
requests, nothing sent to another host or to a ``file:`` URL, a second run answered from
the cache, and the reader's state on existing articles untouched.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from blogsite import ALL_PARTS, COFFEE, LA, PRIVATE, TL, TS, BlogSite, post
from loopback import LoopbackServer
from readinglist.cli import commands as cli
from readinglist.feeds.fetch import Fetcher
from readinglist.model.errors import SeriesNotFoundError
from readinglist.model.query import ArticleQuery
from readinglist.services.backfill import run as backfill_module
from readinglist.services.backfill.run import BackfillLimits, BackfillReport
from readinglist.services.library import Library
from readinglist.services.paths import database_path
from readinglist.storage.store import Store

FAST = BackfillLimits(min_interval=0)


class RecordingFetcher(Fetcher):
    """A Fetcher that remembers every URL it was asked for (to prove what never was)."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def fetch(self, url: str, **kwargs: object) -> object:  # type: ignore[override]
        self.asked.append(url)
        return super().fetch(url, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def other() -> Iterator[LoopbackServer]:
    server = LoopbackServer()
    try:
        yield server
    finally:
        server.close()


def _library(data_dir: Path, site: BlogSite) -> tuple[Library, RecordingFetcher]:
    fetcher = RecordingFetcher()
    lib = Library(Store(database_path(data_dir)), fetcher=fetcher)
    lib.subscribe(site.tag_feed_url)
    site.server.clear_log()
    fetcher.asked.clear()
    return lib, fetcher


def _ids(lib: Library) -> dict[str, int]:
    return {s.name: s.id for s in lib.store.list_series()}


def _by_name(reports: list[BackfillReport]) -> dict[str, BackfillReport]:
    return {r.series_name: r for r in reports}


def test_completes_every_series_from_the_tag_feed_alone(
    loopback: LoopbackServer, other: LoopbackServer, data_dir: Path
) -> None:
    site = BlogSite(loopback, other)
    lib, fetcher = _library(data_dir, site)
    ids = _ids(lib)
    assert {n: lib.store.get_series(i).parts for n, i in ids.items()} == {
        LA: (3, 6),
        TL: (2, 5),
        TS: (2, 4),
    }
    # the reader's own state on an article that is already there
    la3 = next(a for a in lib.store.list_articles() if a.title.startswith(f"{LA} (3)"))
    lib.store.mark_read([la3.id])
    lib.store.set_starred([la3.id])
    lib.store.set_note(la3.id, "my note")
    before = {a.id: a for a in lib.store.list_articles()}

    progress: list[tuple[int, int]] = []
    reports = _by_name(
        lib.backfill(list(ids.values()), on_progress=lambda *p: progress.append(p), limits=FAST)
    )

    assert {n: r.parts_found for n, r in reports.items()} == {
        LA: (1, 2, 4, 5, 7, 8),  # the section feed announced on the page
        TL: (1, 3, 4, 6),  # the sitemap index's second sitemap (part 7 is robots-private)
        TS: (1, 3, 5),  # rel=prev/next only; part 5's "next" (coffee) is rejected
    }
    assert all(r.still_missing == () and r.errors == () for r in reports.values())
    assert {n: lib.store.get_series(i).parts for n, i in ids.items()} == {
        n: tuple(parts) for n, parts in ALL_PARTS.items()
    }
    # requests: robots + one page + the section feed; one page + 3 guessed series feeds
    # + 3 sitemaps... (TL reads the sitemaps the TS search already read: cached)
    assert {n: r.requests for n, r in reports.items()} == {LA: 3, TL: 8, TS: 12}
    assert loopback.count() == 23
    assert progress == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert other.count() == 0
    assert loopback.count(PRIVATE) == 0  # robots.txt said no
    assert all(u.startswith(loopback.base_url) for u in fetcher.asked)
    assert not any("passwd" in r.path or "f.xml" in r.path for r in loopback.requests)
    assert loopback.count(COFFEE) == 1

    after = {a.id: a for a in lib.store.list_articles()}
    for aid, old in before.items():
        assert after[aid] == old  # nothing about an existing article changed
    assert (after[la3.id].read, after[la3.id].starred, after[la3.id].note) == (
        True,
        True,
        "my note",
    )
    new = [after[i] for r in reports.values() for i in r.new_article_ids]
    assert len(new) == 13 and all(a.found_on_site and not a.in_feed for a in new)
    tl3 = next(a for a in new if a.link == site.url(post(TL, 3)))
    assert (tl3.title, tl3.part, tl3.series_id) == (f"{TL} (3): Lesson 3", 3, ids[TL])
    la7 = next(a for a in new if a.link == site.url(post(LA, 7)))
    assert la7.published is not None and la7.series_name == LA
    # a page found by its links is dated as it says (JSON-LD); one that says nothing, in a
    # URL naming only a month, stays undated rather than taking the day it was found
    ts3 = next(a for a in new if a.link == site.url(post(TS, 3)))
    assert ts3.published == datetime(2024, 5, 3, 9, 0, tzinfo=UTC)
    assert tl3.published is None

    # a second run: everything from the cache, nothing new, nothing duplicated
    loopback.clear_log()
    again = _by_name(lib.backfill(list(ids.values()), limits=FAST))
    assert loopback.count() == 0
    assert all(r.parts_found == () and r.requests == 0 and r.cached > 0 for r in again.values())
    assert len(lib.store.list_articles()) == len(after)


def test_hostile_site_big_sitemap_and_redirect_loop(
    loopback: LoopbackServer, other: LoopbackServer, data_dir: Path
) -> None:
    site = BlogSite(loopback, other, big_sitemap=True, redirect_loop=True)
    lib, _fetcher = _library(data_dir, site)
    ids = _ids(lib)
    # 100k URLs in the sitemap: reading stops at the cap (test_sitemap_cap_gzip_and_index),
    # so none of the junk is ever requested and the requests stay within the budget
    reports = _by_name(lib.backfill(list(ids.values()), limits=FAST))
    assert reports[TL].parts_found == (1, 3, 4, 6)
    assert loopback.count("/archive/junk-1/") == 0
    assert reports[TS].parts_found == (1, 5)
    assert reports[TS].still_missing == (3,)
    assert len(reports[TS].errors) == 1
    assert (
        reports[TS]
        .errors[0]
        .endswith(
            f"time-series-forecasting-part-3/: the feed redirects in a loop "
            f"(back to {loopback.url('/loop-a/')})"
        )
    )
    assert not reports[TS].failed
    assert loopback.count() <= FAST.max_requests + 2  # the loop's hops are one fetch each
    assert other.count() == 0


def test_request_budget_is_a_hard_cap(
    loopback: LoopbackServer, other: LoopbackServer, data_dir: Path
) -> None:
    site = BlogSite(loopback, other)
    lib, fetcher = _library(data_dir, site)
    limits = BackfillLimits(min_interval=0, max_requests=5)
    reports = lib.backfill(list(_ids(lib).values()), limits=limits)
    assert len(fetcher.asked) == 5 == sum(r.requests for r in reports)
    assert any("request limit" in e for r in reports for e in r.errors)


def test_library_scopes_and_unknown_ids(
    loopback: LoopbackServer, other: LoopbackServer, data_dir: Path, monkeypatch
) -> None:
    site = BlogSite(loopback, other)
    lib, fetcher = _library(data_dir, site)
    monkeypatch.setattr(backfill_module, "BackfillLimits", lambda: FAST)
    with pytest.raises(SeriesNotFoundError):
        lib.backfill([999])
    assert fetcher.asked == []
    feed_id = lib.store.list_feeds()[0].id
    reports = lib.backfill(feed_id=feed_id)
    assert sorted(r.series_name for r in reports) == [LA, TS, TL]
    assert lib.backfill() == []  # no series has a gap any more
    unread = lib.store.list_articles(ArticleQuery(unread_only=True))
    assert len(unread) == 7 + 13  # the tag feed's posts plus everything found


def test_cli_backfill_prints_one_line_per_series(
    loopback: LoopbackServer, other: LoopbackServer, data_dir: Path, monkeypatch, capsys
) -> None:
    site = BlogSite(loopback, other)
    monkeypatch.setattr(backfill_module, "BackfillLimits", lambda: FAST)
    assert cli.run(["add", site.tag_feed_url, "--data-dir", str(data_dir)]) == 0
    assert cli.run(["backfill", "12345", "--data-dir", str(data_dir)]) == 2
    capsys.readouterr()
    with Store(database_path(data_dir)) as store:
        ts = next(s.id for s in store.list_series() if s.name == TS)
    assert cli.run(["backfill", str(ts), "--data-dir", str(data_dir)]) == 0
    out, err = capsys.readouterr()
    assert out == f"{TS}: found parts 1, 3, 5 (13 requests, 0 cached)\n"  # robots.txt too
    assert err == ""
    assert cli.run(["backfill", "--data-dir", str(data_dir), "--json"]) == 0
    out, _ = capsys.readouterr()
    assert '"parts_found": [\n      1,\n      2,' in out  # the other two series
    assert other.count() == 0
