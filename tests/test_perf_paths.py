"""The fast paths behind the window's speed goals give the same answers as the plain ones."""

from __future__ import annotations

import json
import subprocess
import sys

import peewee as pw
import pytest

from helpers import entry, incoming
from readinglist.model.query import ArticleQuery
from readinglist.storage.article_store import fts_query
from readinglist.storage.convert import article_from_tuple
from readinglist.storage.schema import ArticleRow
from readinglist.storage.store import Store


def plain(store: Store, query: ArticleQuery) -> list[int]:
    """``list_articles``' plain query: every match sorted by date, then cut."""
    select = store._filtered(query, fts_query(query.search or ""))
    dated = pw.fn.COALESCE(ArticleRow.published, ArticleRow.first_seen)
    select = select.order_by(dated.desc(), ArticleRow.id.desc())
    if query.limit is not None:
        select = select.limit(query.limit)
    return [article_from_tuple(row).id for row in select.tuples()]


@pytest.fixture
def searchable(store: Store) -> Store:
    """60 posts over two feeds: every one says "common", every third "rare"; some read,
    hidden or undated, and several share a publication day."""
    for f in range(2):
        feed = store.add_feed(f"https://blog{f}.example/feed.xml")
        items = []
        for n in range(30):
            words = "common rare" if n % 3 == 0 else "common"
            item = incoming(entry(f"{f}-{n}", f"Post {words} {n}", day=1 + n % 7))
            items.append(item)
        store.upsert_entries(feed.id, items)
    ids = [a.id for a in store.list_articles()]
    store.mark_read(ids[::2])
    store.db.execute_sql("UPDATE article SET published = NULL WHERE id % 7 = 0")
    store.db.execute_sql("UPDATE article SET hidden = 1 WHERE id % 11 = 0")
    return store


@pytest.mark.parametrize("text", ["common", "rare", "comm", "common rare", "nothing"])
@pytest.mark.parametrize("unread_only", [False, True])
@pytest.mark.parametrize("limit", [1, 5, 12, 500])
def test_a_cut_search_lists_the_newest_matches_in_date_order(
    searchable: Store, text: str, unread_only: bool, limit: int
) -> None:
    query = ArticleQuery(search=text, unread_only=unread_only, limit=limit)
    assert [a.id for a in searchable.list_articles(query)] == plain(searchable, query)


@pytest.mark.parametrize("text", ["common", "rare", "nothing", "!!"])
@pytest.mark.parametrize("unread_only", [False, True])
def test_count_articles_counts_what_an_uncut_list_lists(
    searchable: Store, text: str, unread_only: bool
) -> None:
    query = ArticleQuery(search=text, unread_only=unread_only, limit=3)
    uncut = ArticleQuery(search=text, unread_only=unread_only)
    assert searchable.count_articles(query) == len(searchable.list_articles(uncut))
    by_feed = ArticleQuery(feed_id=1, search=text, unread_only=unread_only)
    assert searchable.count_articles(by_feed) == len(searchable.list_articles(by_feed))


def test_feed_counts_leave_hidden_articles_out(searchable: Store) -> None:
    for feed in searchable.list_feeds():
        visible = searchable.list_articles(ArticleQuery(feed_id=feed.id))
        assert feed.article_count == len(visible)
        assert feed.unread_count == sum(not a.read for a in visible)
        assert searchable.get_feed(feed.id) == feed


def test_the_window_path_does_not_load_the_network_stack() -> None:
    code = (
        "import json, sys\n"
        "import readinglist.services.library, readinglist.gui.tree_nodes\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = set(json.loads(out.stdout))
    assert not loaded & {
        "httpx",
        "feedparser",
        "readinglist.services.sync",
        "readinglist.services.backfill.run",
    }


def test_results_summary() -> None:
    pytest.importorskip("PySide6")
    from readinglist.gui.filter_bar import results_summary

    assert results_summary(1, 1, "x") == "1 article match “x”"
    assert results_summary(12, 12, "x") == "12 articles match “x”"
    assert results_summary(500, 99987, "data") == "500 of 99,987 articles match “data”"
    assert "counting" in results_summary(500, None, "data")


def test_the_walk_is_used_on_a_fresh_library(searchable: Store) -> None:
    query = ArticleQuery(search="common", limit=5)
    assert searchable._search_newest(query, fts_query("common") or "") is not None


def test_toggling_one_article_updates_its_counts_like_a_full_recount(qtbot, store) -> None:
    from readinglist.gui.tree_model import TreeModel
    from readinglist.gui.tree_nodes import NodeType

    feed = store.add_feed("https://blog.example/feed.xml", title="Example Blog")
    store.upsert_entries(
        feed.id,
        [
            incoming(entry("tl-1", "Transfer Learning (1)", day=1), "transfer", 1),
            incoming(entry("tl-2", "Transfer Learning (2)", day=2), "transfer", 2),
            incoming(entry("rl-1", "Reinforcement (1)", day=3), "rl", 1),
            incoming(entry("solo-a", "Mixed Precision", day=5)),
            incoming(entry("solo-b", "Data Versioning", day=3)),
        ],
    )
    ids = {a.guid: a.id for a in store.list_articles()}
    model = TreeModel(store)
    (feed_node,) = model.nodes(("feed", feed.id))
    model.load_now(feed_node)

    def shown() -> list[tuple[object, ...]]:
        return [(n.key, n.payload()) for n in feed_node.children] + [
            (feed_node.key, feed_node.payload())
        ]

    def recounted() -> list[tuple[object, ...]]:
        fresh = model.loader.feed_children(feed.id)
        return [(n.key, n.payload()) for n in fresh] + [
            (feed_node.key, (store.get_feed(feed.id), None, None, 0, 0))
        ]

    for guid in ("tl-2", "solo-a", "rl-1", "solo-a", "tl-2"):
        article = store.get_article(ids[guid])
        store.mark_read([article.id], not article.read)
        model.article_changed(article.id)
        assert shown() == recounted(), guid
        (unread_view,) = model.nodes(("smart", "unread"))
        assert unread_view.unread == store.get_feed(feed.id).unread_count
    assert any(n.type is NodeType.STANDALONE for n in feed_node.children)
