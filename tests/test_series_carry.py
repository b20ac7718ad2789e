"""What the reader said about a series follows its posts when detection renames it.

Sync end to end against a loopback feed: the author retitles a series ("Clay Basics —
x" becomes "Clay Fundamentals — x", same posts, same guids), detection gives it a new
key, and the note, the follow and a "not a series" must not be left behind on a row
that no longer holds any post (it would not be shown any more).
"""

from __future__ import annotations

from feedgen import Item, rss
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
