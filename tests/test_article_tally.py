"""The per-feed counts table (schema 11) stays equal to counting the articles.

The feed list and the window's first paint read ``article_tally`` instead of counting a
million index entries; triggers keep it. These tests drive every kind of writer through
the real verbs and compare the table with a ``GROUP BY`` over the articles each time.
"""

from __future__ import annotations

import random
from pathlib import Path

from helpers import entry, incoming
from legacy import old_schema, write_article, write_feed
from readinglist.storage import schema
from readinglist.storage.store import Store


def _tally(store: Store) -> dict[tuple[int, int, int], int]:
    rows = store.db.execute_sql("SELECT feed_id, hidden, read, n FROM article_tally")
    return {(f, h, r): n for f, h, r, n in rows if n}


def _counted(store: Store) -> dict[tuple[int, int, int], int]:
    rows = store.db.execute_sql(schema.TALLY_FROM_ARTICLES)
    return {(f, h, r): n for f, h, r, n in rows}


def test_every_writer_keeps_the_tally_exact(store: Store) -> None:
    rng = random.Random(7)
    feeds = [store.add_feed(f"https://blog{i}.example/feed.xml").id for i in range(3)]
    for i, feed_id in enumerate(feeds):
        store.upsert_entries(feed_id, [incoming(entry(f"{i}-{n}", f"Post {n}")) for n in range(40)])
    assert _tally(store) == _counted(store) == {(f, 0, 0): 40 for f in feeds}

    ids = [a.id for a in store.list_articles()]
    for _ in range(60):  # toggles, some no-ops (already read / unread)
        store.mark_read(rng.sample(ids, 5), read=rng.random() < 0.6)
        assert _tally(store) == _counted(store)
    store.mark_read_where(feed_id=feeds[0])
    assert _tally(store) == _counted(store)
    store.mark_read_where(feed_id=feeds[0], read=False)
    store.set_starred([ids[0]])  # a column the tally does not count
    assert _tally(store) == _counted(store)

    # a sync that brings new and changed entries
    store.upsert_entries(
        feeds[1],
        [incoming(entry(f"1-{n}", f"Changed {n}"), chash="h2") for n in range(35, 45)],
    )
    assert _tally(store) == _counted(store)

    # unsubscribing: annotated articles kept, the rest deleted; then a whole feed deleted
    starred = next(a.id for a in store.list_articles() if a.feed_id == feeds[2])
    store.set_starred([starred])
    store.remove_feed(feeds[2])
    assert _tally(store) == _counted(store)
    assert sum(n for (f, _, _), n in _tally(store).items() if f == feeds[2]) == 1
    store.remove_feed(feeds[1], keep_annotated=False)
    assert _tally(store) == _counted(store)
    assert not any(f == feeds[1] for f, _, _ in _tally(store))

    # the feed list reads the tally
    listed = {f.id: (f.article_count, f.unread_count) for f in store.list_feeds()}
    expected_unread = sum(n for (f, _, r), n in _counted(store).items() if f == feeds[0] and not r)
    assert listed[feeds[0]] == (40, expected_unread)


def test_restore_fills_the_tally(store: Store, tmp_path: Path) -> None:
    feed_id = store.add_feed("https://blog.example/feed.xml").id
    store.upsert_entries(feed_id, [incoming(entry(str(n))) for n in range(12)])
    store.mark_read([a.id for a in store.list_articles()][:5])
    dump = store.dump()
    other = Store(tmp_path / "other.sqlite3")
    try:
        other.restore(dump)
        assert _tally(other) == _counted(other) == {(1, 0, 1): 5, (1, 0, 0): 7}
    finally:
        other.close()


def test_migration_counts_an_existing_library(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with old_schema(path, 10) as old:  # today's verbs read the tally: rows by hand
        feed_id = write_feed(old.db, "https://blog.example/feed.xml")
        for n in range(9):
            write_article(old.db, feed_id, str(n), title=f"Post {n}", summary_html="<p>x</p>")
        old.db.execute_sql("UPDATE article SET read = 1 WHERE id IN (1, 2, 3, 4)")
    store = Store(path)
    try:
        assert _tally(store) == {(feed_id, 0, 1): 4, (feed_id, 0, 0): 5}
        (feed,) = store.list_feeds()
        assert (feed.article_count, feed.unread_count) == (9, 5)
    finally:
        store.close()
