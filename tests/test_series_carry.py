"""What the reader said about a series follows its posts when detection renames it.

Sync end to end against a loopback feed: the author retitles a series ("Clay Basics —
x" becomes "Clay Fundamentals — x", same posts, same guids), detection gives it a new
key, and the note, the follow and a "not a series" must not be left behind on a row
that no longer holds any post (it would not be shown any more).
"""

from __future__ import annotations

import pytest

from feedgen import Item, rss
from readinglist.model.query import ArticleQuery
from readinglist.services.library import Library
from readinglist.storage.store import Store

TOPICS = ("wedging", "centering", "trimming")


def _feed(name: str, topics: tuple[str, ...] = TOPICS) -> bytes:
    items = [
        Item(f"p{n}", f"{name} — {topic}", f"https://blog.example/{topic}/", day=n)
        for n, topic in enumerate(topics, 1)
    ]
    items.append(Item("walk", "Notes from a walk", "https://blog.example/walk/", day=9))
    return rss(items)


def _subscribe(store: Store, library: Library, loopback, name: str) -> int:
    loopback.route("/a.xml", body=_feed(name))
    fid = store.add_feed(loopback.url("/a.xml")).id
    library.sync()
    return fid


def test_a_renamed_series_keeps_its_note_and_follow(
    store: Store, library: Library, loopback
) -> None:
    fid = _subscribe(store, library, loopback, "Clay Basics")
    (before,) = store.list_series(feed_id=fid)
    store.set_series_note(before.id, "Ask the studio about the wheel.")
    store.set_followed(before.id, True)
    loopback.route("/a.xml", body=_feed("Clay Fundamentals"))
    library.sync()
    (after,) = store.list_series(feed_id=fid)
    assert after.key != before.key and after.article_count == 3
    assert after.note == "Ask the studio about the wheel."
    assert after.followed


def test_not_a_series_still_holds_after_the_series_is_renamed(
    store: Store, library: Library, loopback
) -> None:
    fid = _subscribe(store, library, loopback, "Clay Basics")
    (before,) = store.list_series(feed_id=fid)
    store.dismiss_series(before.id)
    assert store.list_series(feed_id=fid) == []
    loopback.route("/a.xml", body=_feed("Clay Fundamentals"))
    library.sync()
    assert store.list_series(feed_id=fid) == []  # the reader's answer, remembered


def test_a_note_stays_where_posts_remain(store: Store, library: Library, loopback) -> None:
    """Only some posts leave (the others keep the old name): the note stays put."""
    fid = _subscribe(store, library, loopback, "Clay Basics")
    (before,) = store.list_series(feed_id=fid)
    store.set_series_note(before.id, "Mine.")
    mixed = rss(
        [
            Item("p1", "Clay Basics — wedging", "https://blog.example/wedging/", day=1),
            Item("p2", "Clay Basics — centering", "https://blog.example/centering/", day=2),
            Item("p3", "Glaze Lab (1): trimming", "https://blog.example/trimming/", day=3),
            Item("p4", "Glaze Lab (2): firing", "https://blog.example/firing/", day=4),
            Item("walk", "Notes from a walk", "https://blog.example/walk/", day=9),
        ]
    )
    loopback.route("/a.xml", body=mixed)
    library.sync()
    by_key = {s.key: s for s in store.list_series(feed_id=fid)}
    assert by_key[before.key].note == "Mine." and by_key[before.key].article_count == 2
    assert all(s.note is None for k, s in by_key.items() if k != before.key)


def _two_series(clay: str, glaze: str, *more: Item) -> bytes:
    return rss(
        [
            Item("c1", f"{clay} — wedging", "https://blog.example/wedging/", day=1),
            Item("c2", f"{clay} — centering", "https://blog.example/centering/", day=2),
            Item("c3", f"{clay} — trimming", "https://blog.example/trimming/", day=3),
            Item("g1", f"{glaze} (1): mixing", "https://blog.example/mixing/", day=4),
            Item("g2", f"{glaze} (2): firing", "https://blog.example/firing/", day=5),
            Item("walk", "Notes from a walk", "https://blog.example/walk/", day=9),
            *more,
        ]
    )


def _merged(store: Store, library: Library, loopback) -> tuple[int, int]:
    """The reader folds "Glaze Lab" into "Clay Basics"; returns (feed, target series)."""
    loopback.route("/a.xml", body=_two_series("Clay Basics", "Glaze Lab"))
    fid = store.add_feed(loopback.url("/a.xml")).id
    library.sync()
    by_name = {s.name: s.id for s in store.list_series(feed_id=fid)}
    library.merge_series([by_name["Glaze Lab"]], by_name["Clay Basics"])
    return fid, by_name["Clay Basics"]


def _shown(store: Store, fid: int) -> dict[str, set[str]]:
    """Series name -> the titles shown in it."""
    return {
        s.name: {a.title for a in store.list_articles(ArticleQuery(series_id=s.id))}
        for s in store.list_series(feed_id=fid)
    }


@pytest.mark.parametrize(
    ("clay", "glaze"),
    [
        ("Clay Basics", "Glaze Studio"),  # the author renames the merged series
        ("Clay Fundamentals", "Glaze Lab"),  # ... or the series it was merged into
        ("Clay Fundamentals", "Glaze Studio"),  # ... or both in one sync
    ],
)
def test_a_merge_holds_when_the_author_renames_either_series(
    store: Store, library: Library, loopback, clay: str, glaze: str
) -> None:
    fid, _target = _merged(store, library, loopback)
    loopback.route("/a.xml", body=_two_series(clay, glaze))
    library.sync()
    shown = _shown(store, fid)
    assert list(shown) == [clay] and len(shown[clay]) == 5
    assert f"{glaze} (2): firing" in shown[clay]


def test_merged_posts_are_where_the_next_grouping_expects_them(
    store: Store, library: Library, loopback
) -> None:
    """A merge moves what the reader sees, not what detection found: a part that
    arrives after the merge shows in the target, and grouping the feed again finds
    nothing to move (before, it was stored under the target's key, and every later
    parse of the feed rewrote it)."""
    from readinglist.services.sync import group_with_stored

    fid, _target = _merged(store, library, loopback)
    third = Item("g3", "Glaze Lab (3): glazing", "https://blog.example/glazing/", day=6)
    loopback.route("/a.xml", body=_two_series("Clay Basics", "Glaze Lab", third))
    library.sync()
    assert "Glaze Lab (3): glazing" in _shown(store, fid)["Clay Basics"]
    assert group_with_stored(store, fid, [])[1] == {}


def test_merged_posts_stored_by_an_older_release_are_stored_again_once(
    store: Store, library: Library, loopback
) -> None:
    """Older releases stored a merged post under the merge target; the regroup after an
    update puts it back under the series detection found, and the merge holds."""
    fid, target = _merged(store, library, loopback)
    store.db.execute_sql(  # what an older release left: detected = shown
        "UPDATE article SET detected_series_id = series_id WHERE feed_id = ?", (fid,)
    )
    store.db.execute_sql("UPDATE feed SET grouped_with = 'older' WHERE id = ?", (fid,))
    library.sync()  # same bytes: only the regroup runs
    rows = store.db.execute_sql(
        "SELECT guid, detected_series_id, series_id FROM article WHERE feed_id = ?", (fid,)
    ).fetchall()
    glaze = {guid: (detected, shown) for guid, detected, shown in rows if guid[0] == "g"}
    assert all(shown == target and detected != target for detected, shown in glaze.values())
    assert list(_shown(store, fid)) == ["Clay Basics"]
    from readinglist.services.sync import group_with_stored

    assert group_with_stored(store, fid, [])[1] == {}
