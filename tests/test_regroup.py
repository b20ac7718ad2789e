"""Feeds grouped by older series rules are grouped again once, at the next sync.

A sync groups a feed only when the feed sends something, so after an update a quiet
feed kept the groups the old rules made. Here "the old rules" are played by a library
whose posts were left standalone and whose feed says it was grouped by another
version; the feed then sends the very same bytes (nothing for the sync to store).
"""

from __future__ import annotations

from pathlib import Path

from feedgen import Item, rss
from legacy import old_schema
from readinglist.services.library import Library
from readinglist.services.regroup import GROUPING_VERSION
from readinglist.storage.db import SCHEMA_VERSION
from readinglist.storage.store import Store

TITLES = ("Direct Implication", "Contrapositive", "Induction")


def _feed() -> bytes:
    items = [
        Item(f"p{n}", f"Methods of Proof — {t}", f"https://blog.example/mop-{n}/", day=n)
        for n, t in enumerate(TITLES, 1)
    ]
    items.append(Item("walk", "Notes from a walk", "https://blog.example/walk/", day=9))
    return rss(items)


def _subscribed(store: Store, library: Library, loopback) -> int:
    """The feed, subscribed and synced once (grouped by today's rules)."""
    loopback.route("/a.xml", body=_feed())
    fid = store.add_feed(loopback.url("/a.xml")).id
    library.sync()
    return fid


def _stamp_older_rules(store: Store, feed_id: int) -> None:
    store.db.execute_sql("UPDATE feed SET grouped_with = '0.0.1+rules.0' WHERE id = ?", (feed_id,))


def _as_if_grouped_by_older_rules(store: Store, feed_id: int) -> None:
    """What an older release left: these posts standalone, the feed marked by it."""
    store.db.execute_sql(
        "UPDATE article SET detected_series_id = NULL, detected_part = NULL,"
        " series_id = CASE WHEN series_override_id IS NOT NULL THEN series_override_id END"
        " WHERE feed_id = ?",
        (feed_id,),
    )
    _stamp_older_rules(store, feed_id)


def test_a_quiet_feed_grouped_by_older_rules_is_grouped_again_once(
    store: Store, library: Library, loopback
) -> None:
    fid = _subscribed(store, library, loopback)
    (series,) = store.list_series(feed_id=fid)
    walk = next(a for a in store.list_articles() if a.title == "Notes from a walk")
    first = next(a for a in store.list_articles() if a.title.endswith("Direct Implication"))
    store.move_articles([first.id], None)  # the reader: this one is standalone
    _as_if_grouped_by_older_rules(store, fid)
    assert store.list_series(feed_id=fid) == []

    summary = library.sync()  # the feed sends the same bytes: nothing new to store
    assert summary.new_count == 0 and summary.updated_count == 0
    (again,) = store.list_series(feed_id=fid)
    assert again.key == series.key and again.parts == (2, 3)  # part 1: the reader's choice
    assert fid in summary.regrouped.feeds and walk.id not in summary.regrouped.articles
    assert "series regrouped in 1 feed" in summary.describe()
    assert store.feeds_grouped_before(GROUPING_VERSION) == []

    assert not library.sync().regrouped.feeds  # once: now grouped by these rules


def test_a_sync_marks_the_feeds_it_groups(store: Store, library: Library, loopback) -> None:
    loopback.route("/a.xml", body=_feed())
    fid = store.add_feed(loopback.url("/a.xml")).id
    assert store.feeds_grouped_before(GROUPING_VERSION) == [fid]  # never grouped yet
    library.sync()
    assert store.feeds_grouped_before(GROUPING_VERSION) == []


def test_a_schema_11_library_gains_the_column_and_is_regrouped(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    with old_schema(path, 11) as old:
        # a schema 11 file has no such column (migration 1 makes today's tables)
        old.db.execute_sql("ALTER TABLE feed DROP COLUMN grouped_with")
        old.db.execute_sql(
            "INSERT INTO feed (url, title, created, unsubscribed) VALUES (?, ?, 0, 0)",
            ("https://blog.example/feed.xml", "Blog"),
        )
    store = Store(path)
    try:
        assert store.db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert "grouped_with" in {c.name for c in store.db.get_columns("feed")}
        assert len(store.feeds_grouped_before(GROUPING_VERSION)) == 1
    finally:
        store.close()


def test_what_newer_rules_say_of_a_series_reaches_its_stored_row(
    store: Store, library: Library, loopback
) -> None:
    """Same posts, same parts, but the rules now say another kind, strength or why."""
    fid = _subscribed(store, library, loopback)
    (series,) = store.list_series(feed_id=fid)
    store.db.execute_sql(
        "UPDATE series SET why = 'what older rules said', strength = 'strong' WHERE id = ?",
        (series.id,),
    )
    _stamp_older_rules(store, fid)
    library.sync()
    (again,) = store.list_series(feed_id=fid)
    assert (again.why, again.guess) == (series.why, series.guess)


def test_a_stale_feed_that_sends_something_is_grouped_once(
    store: Store, library: Library, loopback, monkeypatch
) -> None:
    """The sync groups it as it stores it; the regroup after it has nothing left to do."""
    from readinglist.feeds.series import detect

    fid = _subscribed(store, library, loopback)
    _as_if_grouped_by_older_rules(store, fid)
    loopback.route("/a.xml", body=_feed() + b"\n")  # new bytes, same posts
    calls: list[int] = []
    real_group = detect.group
    monkeypatch.setattr(
        detect, "group", lambda posts: calls.append(len(posts)) or real_group(posts)
    )
    summary = library.sync()
    assert calls == [4]  # one grouping of the feed's four posts
    (again,) = store.list_series(feed_id=fid)
    assert again.parts == (1, 2, 3) and not summary.regrouped.feeds
    assert store.feeds_grouped_before(GROUPING_VERSION) == []
