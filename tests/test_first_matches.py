"""A filter's first screen (found fast however common the word) and abandoned reads."""

from __future__ import annotations

import threading

import pytest

from helpers import entry, incoming
from readinglist.model.errors import QueryAbandoned
from readinglist.model.query import ArticleQuery
from readinglist.storage.first_matches import whole_words
from readinglist.storage.store import Store


def _library(store: Store) -> dict[str, int]:
    """60 posts a day apart, each saying "data" in its title (and so its searched
    text), except every third, which says "database" instead; every tenth "quokka"."""
    feed = store.add_feed("https://blog.example/feed.xml").id
    items = []
    for n in range(60):
        words = "database" if n % 3 == 0 else "data"
        title = f"Post {n} on {words}" + (" and a quokka" if n % 10 == 0 else "")
        items.append(incoming(entry(f"p{n}", title, day=1 + n % 28)))
    store.upsert_entries(feed, items)  # then one distinct date each, a day apart
    for n, article in enumerate(sorted(store.list_articles(), key=lambda a: a.guid)):
        store.db.execute_sql(
            "UPDATE article SET published = ? WHERE id = ?",
            (1_700_000_000 + n * 86_400, article.id),
        )
    return {a.guid: a.id for a in store.list_articles()}


def test_whole_words_quotes_every_word() -> None:
    assert whole_words('data "OR" base*') == '"data" "OR" "base"'
    assert whole_words("  ,. ") is None


def test_first_screen_is_the_top_of_the_full_list_for_a_common_word(store: Store) -> None:
    _library(store)
    full = store.list_articles(ArticleQuery(search="data", limit=500))
    first = store.first_matches(ArticleQuery(search="data", limit=10))
    assert len(first) == 10
    # every row is a match of the full search, newest first ...
    full_ids = [a.id for a in full]
    assert all(a.id in full_ids for a in first)
    dates = [a.published for a in first]
    assert dates == sorted(dates, reverse=True)
    # ... whole words only: "database" posts come with the full list, not before
    assert all("database" not in a.title for a in first)
    assert any("database" in a.title for a in full[:15])


def test_first_screen_of_a_rare_word_and_of_unread_only(store: Store) -> None:
    ids = _library(store)
    rare = store.first_matches(ArticleQuery(search="quokka", limit=40))
    full = store.list_articles(ArticleQuery(search="quokka", limit=500))
    assert [a.id for a in rare] == [a.id for a in full]  # few: all of them, same order
    store.mark_read([ids[f"p{n}"] for n in range(0, 60, 2)])
    unread = store.first_matches(ArticleQuery(search="data", unread_only=True, limit=5))
    assert unread and all(not a.read for a in unread)
    assert [a.id for a in unread] == [
        a.id
        for a in store.list_articles(ArticleQuery(search="data", unread_only=True, limit=500))
        if "database" not in a.title
    ][:5]


def test_only_a_filter_search_has_a_first_screen(store: Store) -> None:
    _library(store)
    assert store.first_matches(ArticleQuery(search="data")) == []  # no page size
    assert store.first_matches(ArticleQuery(search="data", limit=5, starred_only=True)) == []
    assert store.first_matches(ArticleQuery(limit=5)) == []


def test_a_read_stops_once_it_is_not_wanted(store: Store) -> None:
    _library(store)
    wanted = threading.Event()
    with pytest.raises(QueryAbandoned), store.abandon_when(lambda: not wanted.is_set()):
        store.db.execute_sql(  # a long read: a recursive count to a million
            "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 1000000)"
            " SELECT COUNT(*) FROM c"
        ).fetchone()
    wanted.set()
    with store.abandon_when(lambda: not wanted.is_set()):
        assert store.count_articles(ArticleQuery(search="data")) == 60
    # and the handler is gone after the block
    assert store.db.execute_sql("SELECT COUNT(*) FROM article").fetchone()[0] == 60


def test_releasing_a_big_read_trims_the_heap_and_keeps_the_data(store: Store) -> None:
    """After a filter the lane releases its cache and trims the heap (glibc has
    malloc_trim): no error, nothing read afterwards changes. The memory it gives back
    is measured by bench/ui_bench.py, not here."""
    import sys

    from readinglist.storage import heap

    if sys.platform.startswith("linux"):
        assert heap._TRIM is not None  # the C library's malloc_trim was found
    _library(store)
    store.list_articles(ArticleQuery(search="data", limit=500))
    store.release_cache()  # shrinks SQLite's cache and trims the heap: no error
    assert store.count_articles(ArticleQuery(search="data")) == 60
