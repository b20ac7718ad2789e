"""A feed follows its site's series: each sync's new posts are filed as the site says.

"Read series from the site" files the posts a feed has; the posts published after it
must not fall back to being grouped by titles that say nothing of their series. The
loopback pottery blog of ``pottery_site``; every title and address is invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from loopback import LoopbackServer
from pottery_site import (
    FAST,
    FRESH,
    KILN,
    POSTS,
    PotterySite,
    grouping_of,
    kiln_basics,
    kiln_posts,
    plain_pages,
    status_messages,
    subscribed,
    window_over_kiln_basics,
)
from readinglist.model.changes import NO_CHANGES
from readinglist.model.records import SyncSummary
from readinglist.services.backfill import site_follow
from readinglist.services.library import Library

GLAZE = ("glaze-firing", "Firing a glaze load", "2031-02-20")  # published after the reading


@pytest.fixture
def site(loopback: LoopbackServer, monkeypatch: pytest.MonkeyPatch) -> PotterySite:
    monkeypatch.setattr(site_follow, "FOLLOW_LIMITS", FAST)  # no spacing between requests
    return PotterySite(loopback)


def _following_kiln_basics(site: PotterySite, data_dir: Path) -> tuple[Library, int]:
    """The site lists Kiln Basics, the feed is subscribed and its site read (so it
    follows it): (the library, the feed id)."""
    kiln_basics(site)
    lib, feed_id = subscribed(data_dir, site)
    lib.read_series_index(feed_id, limits=FAST)
    return lib, feed_id


def _publish_glaze(site: PotterySite) -> None:
    """A new post, whose title says nothing of its series, in the feed and in Kiln
    Basics' feed."""
    site.publish([*POSTS, GLAZE])
    site.series_feed("kiln-basics", [*kiln_posts(), GLAZE])


def _series_requests(site: PotterySite) -> list[tuple[str, str | None]]:
    """(path, If-None-Match) of each request for the site's lists so far."""
    return [
        (path, headers.get("If-None-Match"))
        for _method, path, headers in site.server.requests
        if path.startswith("/series/")
    ]


def test_a_new_post_is_filed_as_the_sites_list_says_at_the_sync_that_brings_it(
    site: PotterySite, data_dir: Path
) -> None:
    kiln_basics(site)
    lib, feed_id = subscribed(data_dir, site)
    assert not lib.follows_site_series(feed_id)
    lib.read_series_index(feed_id, limits=FAST)
    assert lib.follows_site_series(feed_id)  # the site declares its series: followed

    _publish_glaze(site)
    site.server.clear_log()
    summary = lib.sync()

    assert grouping_of(lib, feed_id)["Firing a glaze load"] == ("Kiln Basics", 5)
    assert grouping_of(lib, feed_id)["Loading a kiln"] == ("Kiln Basics", 4)
    (new_id,) = summary.results[0].new_article_ids
    assert new_id in summary.site_series.articles and new_id in summary.changes.articles
    assert summary.site_series_problems == ()
    assert "filed as the site lists" in summary.describe()
    # the lists were asked again though their cached answers were young, conditionally:
    # the unchanged list of series answered 304, the series' feed its new text
    asked = _series_requests(site)
    assert sorted(path for path, _etag in asked) == [
        "/series/index.xml",
        "/series/kiln-basics/index.xml",
    ]
    assert all(etag is not None for _path, etag in asked)
    lib.close()


def test_only_the_series_the_list_dates_after_the_new_posts_are_asked_again(
    site: PotterySite, data_dir: Path
) -> None:
    """Hugo dates each series in its list by its newest post: a series last fed before
    the new posts cannot hold them, so its cached feed stands (no request at all)."""
    studio = [("studio-notes", "Notes from the studio", "2031-01-09")]
    site.list_series(
        {"kiln-basics": "Kiln Basics", "studio-life": "Studio Life"},
        {"kiln-basics": "2031-02-02", "studio-life": "2031-01-09"},
    )
    site.series_feed("kiln-basics", kiln_posts())
    site.series_feed("studio-life", studio)
    lib, feed_id = subscribed(data_dir, site)
    lib.read_series_index(feed_id, limits=FAST)

    site.publish([*POSTS, GLAZE])
    site.list_series(
        {"kiln-basics": "Kiln Basics", "studio-life": "Studio Life"},
        {"kiln-basics": GLAZE[2], "studio-life": "2031-01-09"},
    )
    site.series_feed("kiln-basics", [*kiln_posts(), GLAZE])
    site.server.clear_log()
    lib.sync()

    assert sorted(path for path, _etag in _series_requests(site)) == [
        "/series/index.xml",
        "/series/kiln-basics/index.xml",
    ]
    grouped = grouping_of(lib, feed_id)
    assert grouped["Firing a glaze load"] == ("Kiln Basics", 5)
    assert grouped["Notes from the studio"][0] == "Studio Life"  # kept from the cache
    lib.close()


def test_a_list_whose_dates_do_not_move_has_every_series_asked_again(
    site: PotterySite, data_dir: Path
) -> None:
    """The list stays the same (304) though a post joined a series: its dates do not
    follow the posts, so they spare nothing, and the new post is still filed."""
    dated = {"kiln-basics": "2031-02-02", "studio-life": "2031-01-09"}
    names = {"kiln-basics": "Kiln Basics", "studio-life": "Studio Life"}
    site.list_series(names, dated)
    site.series_feed("kiln-basics", kiln_posts())
    site.series_feed("studio-life", [("studio-notes", "Notes from the studio", "2031-01-09")])
    lib, feed_id = subscribed(data_dir, site)
    lib.read_series_index(feed_id, limits=FAST)

    _publish_glaze(site)  # the list is left as it was
    site.server.clear_log()
    lib.sync()

    assert sorted(path for path, _etag in _series_requests(site)) == [
        "/series/index.xml",
        "/series/kiln-basics/index.xml",
        "/series/studio-life/index.xml",
    ]
    assert grouping_of(lib, feed_id)["Firing a glaze load"] == ("Kiln Basics", 5)
    lib.close()


def test_a_sync_that_brings_nothing_asks_the_site_nothing(
    site: PotterySite, data_dir: Path
) -> None:
    lib, _feed_id = _following_kiln_basics(site, data_dir)
    site.server.clear_log()

    summary = lib.sync()

    assert summary.new_count == 0 and _series_requests(site) == []
    assert summary.site_series == summary.regrouped == NO_CHANGES
    lib.close()


def test_a_feed_told_to_stop_is_not_asked_and_keeps_what_was_read(
    site: PotterySite, data_dir: Path, cli
) -> None:  # type: ignore[no-untyped-def]
    lib, feed_id = _following_kiln_basics(site, data_dir)
    lib.close()
    code, out, _err = cli("site-series", str(feed_id), "--stop")
    assert code == 0 and "no longer read" in out
    _publish_glaze(site)
    site.server.clear_log()

    code, _out, err = cli("sync")

    assert code == 0 and err == "" and _series_requests(site) == []
    lib = Library.open(data_dir)
    assert not lib.follows_site_series(feed_id)
    assert grouping_of(lib, feed_id)["Firing a glaze load"] == (None, None)
    assert grouping_of(lib, feed_id)["Loading a kiln"] == ("Kiln Basics", 4)  # kept
    lib.close()
    code, out, _err = cli("site-series", str(feed_id), "--follow", "--json")
    assert code == 0 and '"follows": true' in out


def test_a_site_with_no_series_is_not_followed(site: PotterySite, data_dir: Path) -> None:
    plain_pages(site)
    lib, feed_id = subscribed(data_dir, site)

    report = lib.read_series_index(feed_id, limits=FAST)

    assert not report.found_series and not lib.follows_site_series(feed_id)
    lib.close()


def _box(site: PotterySite, slug: str, title: str, place: int, members: list[str]) -> None:
    """A post's page whose Jekyll-style series box names Kiln Basics and its part."""
    items = "".join(f'<li><a href="{site.post(s)}">{s}</a></li>' for s in members)
    box = (
        f'<section class="series-box"><p><strong>Series:</strong> Kiln Basics'
        f" <span>Part {place}</span></p><ol>{items}</ol></section>"
    )
    html = f"<html><head><title>{title}</title></head><body>{box}</body></html>"
    site.server.route(f"/posts/{slug}/", body=html, content_type="text/html")


def test_with_no_list_only_the_new_posts_pages_are_read(site: PotterySite, data_dir: Path) -> None:
    plain_pages(site)
    members = KILN[1:]
    titles = {slug: title for slug, title, _day in POSTS}
    for place, slug in enumerate(members, start=2):
        _box(site, slug, titles[slug], place, members)
    lib, feed_id = subscribed(data_dir, site)
    lib.read_series_index(feed_id, limits=FAST)
    assert lib.follows_site_series(feed_id)

    site.publish([*POSTS, GLAZE])
    _box(site, GLAZE[0], GLAZE[1], 5, [*members, GLAZE[0]])
    site.server.clear_log()
    summary = lib.sync()

    pages_asked = [p for _m, p, _h in site.server.requests if p.startswith("/posts/")]
    assert pages_asked == [f"/posts/{GLAZE[0]}/"]  # not the pages read before
    assert grouping_of(lib, feed_id)["Firing a glaze load"] == ("Kiln Basics", 5)
    assert summary.site_series_problems == ()
    lib.close()


def test_a_problem_reading_the_site_is_said_and_fails_no_sync(
    site: PotterySite, data_dir: Path, cli
) -> None:  # type: ignore[no-untyped-def]
    lib, feed_id = _following_kiln_basics(site, data_dir)
    lib.close()
    site.publish([*POSTS, GLAZE])
    site.server.route("/series/kiln-basics/index.xml", status=500)  # the series' feed breaks

    code, out, err = cli("sync")

    assert code == 0 and "1 new article" in out
    assert "the site's series" in err and "Kiln Basics" in err
    lib = Library.open(data_dir)
    assert grouping_of(lib, feed_id)["Loading a kiln"] == ("Kiln Basics", 4)  # nothing undone
    lib.close()


def test_a_post_that_left_a_cut_window_keeps_its_series(site: PotterySite, data_dir: Path) -> None:
    """A series' feed of exactly ten posts may be a window on a longer series (a
    WordPress feed's newest ten): the parts that left it are still in the series."""
    lib, feed_id = _following_kiln_basics(site, data_dir)
    later = [(f"kiln-{n}", f"Kiln notes {n}", f"2031-03-{n:02d}") for n in range(1, 8)]
    site.series_feed("kiln-basics", [*kiln_posts()[1:], *later])  # ten: the oldest left

    lib.read_series_index(feed_id, limits=FRESH)

    grouped = grouping_of(lib, feed_id)
    assert grouped["Why clay shrinks"][0] == "Kiln Basics"
    assert grouped["Loading a kiln"][0] == "Kiln Basics"
    lib.close()


def test_the_sync_summary_says_what_following_did() -> None:
    from readinglist.model.changes import Changes

    summary = SyncSummary(
        site_series=Changes.of(feeds=(1,), articles=(7, 8)),
        site_series_problems=((2, "Kiln Basics: no feed of this series could be read"),),
    )
    text = summary.describe()
    assert "2 posts filed as the site lists" in text
    assert "the site's series unread for 1 feed" in text


def test_an_older_library_gains_the_setting_off(tmp_path: Path) -> None:
    from legacy import old_schema, write_feed
    from readinglist.storage.store import Store

    path = tmp_path / "library.sqlite3"
    with old_schema(path, 12) as old:  # before migration 13 added the setting
        old.db.execute_sql("ALTER TABLE feed DROP COLUMN follow_site_series")
        feed_id = write_feed(old.db, "https://pots.example/index.xml")
    store = Store(path)
    try:
        assert not store.follows_site_series(feed_id)
        assert store.feeds_following_site_series() == frozenset()
        store.set_follow_site_series(feed_id, True)
        assert store.feeds_following_site_series() == {feed_id}
    finally:
        store.close()


def test_the_feeds_menu_shows_and_changes_the_setting(  # type: ignore[no-untyped-def]
    qtbot, site: PotterySite, data_dir: Path, open_window
) -> None:
    from PySide6.QtWidgets import QMenu

    from readinglist.gui.feed_settings_menu import FOLLOW_LABEL

    window, feed_id, messages = window_over_kiln_basics(site, data_dir, open_window)

    def follow_action():  # type: ignore[no-untyped-def]
        (feed_node,) = window.model.nodes(("feed", feed_id))
        menu = QMenu(window)
        window.tree.fill_menu(menu, feed_node)
        (action,) = [a for a in menu.actions() if a.text() == FOLLOW_LABEL]
        return menu, action

    menu, action = follow_action()
    assert action.isCheckable() and not action.isChecked()
    menu.deleteLater()
    assert window.site_series.read_site_series(feed_id)
    qtbot.waitUntil(
        lambda: any("new posts will be read from the site at each sync" in m for m in messages),
        timeout=10_000,
    )
    menu, action = follow_action()
    assert action.isChecked()
    action.trigger()
    assert not window.library.follows_site_series(feed_id)
    assert "no longer read" in messages[-1]
    menu.deleteLater()


def test_the_window_shows_a_new_post_in_the_series_its_site_lists(  # type: ignore[no-untyped-def]
    qtbot, site: PotterySite, data_dir: Path, open_window
) -> None:
    lib, feed_id = _following_kiln_basics(site, data_dir)
    (series,) = lib.list_series(feed_id=feed_id)
    lib.close()
    window = open_window()
    _publish_glaze(site)

    def progress() -> str:
        nodes = window.model.nodes(("series", series.id))
        return str(window.model.index_of(nodes[0], 1).data()) if nodes else ""

    (feed_node,) = window.model.nodes(("feed", feed_id))
    window.tree.expand(window.model.index_of(feed_node))  # its series load as it opens
    qtbot.waitUntil(lambda: progress().startswith("0 of 3 read"), timeout=5000)
    # a slow site: the feed's own result reaches the tree long before the site answers
    site.server.latency = 0.5
    window.run_command("sync_now")
    qtbot.waitUntil(lambda: not window.sync.is_running(), timeout=20_000)
    assert window.statusBar().currentMessage() == "1 new article, 1 post filed as the site lists"
    qtbot.waitUntil(lambda: progress().startswith("0 of 4 read"), timeout=5000)


# --- a feed just added: its site's list, if it keeps one ----------------------------


def test_cli_add_reads_the_sites_list_when_asked(site: PotterySite, data_dir: Path, cli) -> None:  # type: ignore[no-untyped-def]
    kiln_basics(site)

    code, out, err = cli("add", site.feed_url, "--site-series")

    assert code == 0 and err == ""
    assert out.splitlines()[1] == (
        "  The site lists 1 series; 3 posts of this feed filed in 1 of them (3 regrouped)"
    )
    lib = Library.open(data_dir)
    (feed,) = lib.list_feeds()
    assert lib.follows_site_series(feed.id)
    assert grouping_of(lib, feed.id)["Loading a kiln"] == ("Kiln Basics", 4)
    lib.close()


def test_cli_add_on_a_site_with_no_list_reads_no_pages(
    site: PotterySite, data_dir: Path, cli
) -> None:  # type: ignore[no-untyped-def]
    plain_pages(site)

    code, out, err = cli("add", site.feed_url, "--site-series")

    assert code == 0 and err == "" and len(out.splitlines()) == 1
    assert not [p for _m, p, _h in site.server.requests if p.startswith("/posts/")]
    lib = Library.open(data_dir)
    assert not lib.follows_site_series(lib.list_feeds()[0].id)
    lib.close()


@pytest.mark.parametrize("asked", [True, False])
def test_the_window_asks_a_new_feeds_site_for_its_list(  # type: ignore[no-untyped-def]
    qtbot, site: PotterySite, open_window, asked: bool
) -> None:
    from dataclasses import replace

    kiln_basics(site)
    window = open_window()
    window.apply_preferences(replace(window.prefs, site_series_on_subscribe=asked))
    messages = status_messages(window)

    dialog = window.library_commands.add_feed()
    dialog.url.setText(site.feed_url)
    dialog.start()
    qtbot.waitUntil(lambda: any(m.startswith("Subscribed to") for m in messages), timeout=10_000)
    qtbot.waitUntil(lambda: not window.site_series.job.is_running(), timeout=10_000)

    (feed,) = window.library.list_feeds()
    names = {s.name for s in window.library.list_series(feed_id=feed.id)}
    if asked:
        qtbot.waitUntil(lambda: messages[-1].startswith("The site lists 1 series"), timeout=5000)
        assert names == {"Kiln Basics"} and window.library.follows_site_series(feed.id)
    else:
        assert not [p for _m, p, _h in site.server.requests if p.startswith("/series/")]
        assert names == set() and not window.library.follows_site_series(feed.id)
