"""Storage: user-owned state survives every sync; queries return what the user sees."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from helpers import entry, incoming
from readinglist.model.errors import ArticleNotFoundError, FeedExistsError, SeriesNotFoundError
from readinglist.model.query import ArticleQuery
from readinglist.storage.store import Store


@pytest.fixture
def feed_id(store: Store) -> int:
    return store.add_feed("https://blog.example/feed.xml", title="Example").id


def test_upsert_reports_new_then_updated_then_nothing(store: Store, feed_id: int) -> None:
    first = store.upsert_entries(feed_id, [incoming(entry("a")), incoming(entry("b"))])
    assert len(first.new_ids) == 2 and first.updated_ids == ()
    again = store.upsert_entries(feed_id, [incoming(entry("a")), incoming(entry("b"))])
    assert again.new_ids == () and again.updated_ids == ()
    changed = store.upsert_entries(feed_id, [incoming(entry("a", "New title"), chash="h2")])
    assert changed.new_ids == () and changed.updated_ids == (first.new_ids[0],)


def test_content_update_keeps_read_star_and_note(store: Store, feed_id: int) -> None:
    (aid,) = store.upsert_entries(feed_id, [incoming(entry("a", "Old"))]).new_ids
    store.mark_read([aid])
    store.set_starred([aid])
    store.set_note(aid, "my precious note")
    read_at = store.get_article(aid).read_at
    store.upsert_entries(feed_id, [incoming(entry("a", "New", summary="<p>v2</p>"), chash="h2")])
    article = store.get_article(aid)
    assert article.title == "New"
    assert store.get_content(aid).summary_html == "<p>v2</p>"
    assert (article.read, article.starred, article.note) == (True, True, "my precious note")
    assert article.read_at == read_at


def test_articles_that_leave_the_feed_stay(store: Store, feed_id: int) -> None:
    store.upsert_entries(feed_id, [incoming(entry("a")), incoming(entry("b"))])
    store.upsert_entries(feed_id, [incoming(entry("c"))])
    assert sorted(a.guid for a in store.list_articles()) == ["a", "b", "c"]


def test_series_parts_and_gaps(store: Store, feed_id: int) -> None:
    store.upsert_entries(
        feed_id,
        [
            incoming(entry("13", "Essence of Linear Algebra (13)"), "essence", 13),
            incoming(entry("16", "Essence of Linear Algebra (16)"), "essence", 16),
            incoming(entry("solo", "A standalone post")),
        ],
    )
    (series,) = store.list_series()
    assert series.parts == (13, 16)
    assert series.missing == (*range(1, 13), 14, 15)
    assert series.article_count == 2 and series.read_count == 0
    in_order = store.list_articles(ArticleQuery(series_id=series.id, order="part"))
    assert [a.part for a in in_order] == [13, 16]
    assert series.next_unread_id == in_order[0].id
    standalone = store.list_articles(ArticleQuery(feed_id=feed_id, standalone_only=True))
    assert [a.guid for a in standalone] == ["solo"]


def test_manual_move_rename_and_merge_survive_sync(store: Store, feed_id: int) -> None:
    batch = [
        incoming(entry("1", "Time Series Models (1)"), "ts-models", 1),
        incoming(entry("2", "Time Series Forecasting (2)"), "ts-forecasting", 2),
        incoming(entry("x", "Unrelated")),
    ]
    ids = store.upsert_entries(feed_id, batch).new_ids
    models, forecasting = sorted(store.list_series(), key=lambda s: s.key)[::-1]
    store.merge_series([forecasting.id], models.id)
    store.rename_series(models.id, "Time Series")
    store.move_articles([ids[2]], models.id, part=3)
    # a later sync still detects the old keys and rewrites every feed-owned column
    store.upsert_entries(
        feed_id, [incoming(e.entry, e.series.key, e.series.part, "h9") for e in batch]
    )
    (series,) = store.list_series()
    assert series.name == "Time Series" and series.parts == (1, 2, 3)
    moved = store.get_article(ids[2])
    assert (moved.series_id, moved.part) == (series.id, 3)
    store.move_articles([ids[0]], None)
    store.upsert_entries(feed_id, [incoming(batch[0].entry, "ts-models", 1, "h10")])
    assert store.get_article(ids[0]).series_id is None
    store.reset_series_override([ids[0]])
    assert store.get_article(ids[0]).series_id == series.id


def test_search_covers_title_body_and_note(store: Store, feed_id: int) -> None:
    a, b = store.upsert_entries(
        feed_id, [incoming(entry("a", "Transformers explained")), incoming(entry("b", "Other"))]
    ).new_ids
    store.set_note(b, "remember quaternions")
    assert [x.id for x in store.list_articles(ArticleQuery(search="transf"))] == [a]
    assert [x.id for x in store.list_articles(ArticleQuery(search="quaternion"))] == [b]
    assert {x.id for x in store.list_articles(ArticleQuery(search="searchable"))} == {a, b}
    # FTS syntax in user text is never interpreted
    assert store.list_articles(ArticleQuery(search='") OR title:* NEAR(')) == []
    assert store.list_articles(ArticleQuery(search="***")) == []
    store.set_note(b, "")
    assert store.list_articles(ArticleQuery(search="quaternion")) == []


def test_filters(store: Store, feed_id: int) -> None:
    a, b, c = store.upsert_entries(
        feed_id, [incoming(entry(g, day=d)) for g, d in (("a", 1), ("b", 2), ("c", 3))]
    ).new_ids
    store.mark_read([a])
    store.set_starred([b])
    store.set_note(c, "n")
    ids = lambda q: [x.id for x in store.list_articles(q)]
    assert ids(ArticleQuery()) == [c, b, a]  # newest first
    assert ids(ArticleQuery(unread_only=True)) == [c, b]
    assert ids(ArticleQuery(starred_only=True)) == [b]
    assert ids(ArticleQuery(with_notes=True)) == [c]
    assert len(store.mark_read_where(before=datetime(2024, 1, 3, tzinfo=UTC))) == 1
    assert ids(ArticleQuery(unread_only=True)) == [c]


def test_unknown_ids_raise_and_change_nothing(store: Store, feed_id: int) -> None:
    (a,) = store.upsert_entries(feed_id, [incoming(entry("a"))]).new_ids
    with pytest.raises(ArticleNotFoundError, match="no article with id 999"):
        store.mark_read([a, 999])
    assert store.get_article(a).read is False
    with pytest.raises(SeriesNotFoundError):
        store.rename_series(42, "x")
    with pytest.raises(FeedExistsError):
        store.add_feed("https://blog.example/feed.xml")


def test_unsubscribe_keeps_annotated_articles(store: Store, feed_id: int) -> None:
    a, b, _c = store.upsert_entries(feed_id, [incoming(entry(g)) for g in "abc"]).new_ids
    store.set_note(a, "keep me")
    store.set_starred([b])
    assert store.remove_feed(feed_id) == 2
    assert store.list_feeds() == []
    assert sorted(x.id for x in store.list_articles()) == [a, b]
    assert store.get_note(a) == "keep me"
    # re-subscribing revives the same feed and its kept articles
    revived = store.add_feed("https://blog.example/feed.xml")
    assert revived.id == feed_id and revived.article_count == 2


def test_unsubscribe_all_deletes_everything(store: Store, feed_id: int) -> None:
    (a,) = store.upsert_entries(feed_id, [incoming(entry("a"))]).new_ids
    store.set_note(a, "gone")
    assert store.remove_feed(feed_id, keep_annotated=False) == 0
    assert store.list_articles() == []
    assert store.list_articles(ArticleQuery(search="gone")) == []


def test_fetch_error_is_recorded_and_cleared(store: Store, feed_id: int) -> None:
    store.record_fetch_error(feed_id, "HTTP 500 Internal Server Error")
    assert store.get_feed(feed_id).last_error == "HTTP 500 Internal Server Error"
    store.record_fetch_success(
        feed_id, etag='W/"x"', last_modified=None, new_url="https://new.example/f"
    )
    feed = store.get_feed(feed_id)
    assert (feed.last_error, feed.etag, feed.url) == (None, 'W/"x"', "https://new.example/f")


def test_backup_round_trip(store: Store, feed_id: int, tmp_path) -> None:
    a, _b = store.upsert_entries(
        feed_id, [incoming(entry("a", "Part (1)"), "s", 1), incoming(entry("b"))]
    ).new_ids
    store.set_note(a, "note a")
    store.mark_read([a])
    data = store.dump()
    other = Store(tmp_path / "restored.sqlite3")
    counts = other.restore(data)
    assert counts == {"feeds": 1, "series": 1, "articles": 2, "highlights": 0, "fulltexts": 0}
    restored = other.get_article(a)
    assert (restored.note, restored.read, restored.series_name, restored.part) == (
        "note a",
        True,
        "S",
        1,
    )
    other.close()


def test_sync_can_only_name_feed_owned_columns() -> None:
    """The upsert's SET list comes from FEED_OWNED_ARTICLE_FIELDS: no user column in it."""
    from readinglist.storage.schema import FEED_OWNED_ARTICLE_FIELDS, USER_OWNED_ARTICLE_FIELDS

    feed_owned = {f.name for f in FEED_OWNED_ARTICLE_FIELDS}
    user_owned = {f.name for f in USER_OWNED_ARTICLE_FIELDS}
    assert feed_owned.isdisjoint(user_owned)
    assert {"read", "read_at", "starred", "note", "note_updated", "series_override"} <= user_owned


def _found_on_site(store: Store, feed_id: int, url: str, part: int) -> int:
    """A post "Find missing parts" stored from the site: guid and link are its URL."""
    store.upsert_entries(feed_id, [incoming(entry("tl-1", day=1), "transfer", 1)])
    (series,) = store.list_series(feed_id=feed_id)
    identity = store.series_identity(series.id)
    page = entry(url, f"Transfer Learning ({part}) from the page", link=url, day=part)
    (aid,) = store.add_found_articles(identity, [incoming(page, "transfer", part, chash="page")])
    assert store.get_article(aid).found_on_site
    return aid


def test_a_found_post_reaching_the_feed_under_another_guid_is_adopted(
    store: Store, feed_id: int
) -> None:
    """The feed later carries the found post as ``?p=7`` with the same page (trailing
    slash and scheme aside): one row, the feed's guid and text, the user's state kept."""
    aid = _found_on_site(store, feed_id, "http://blog.example/transfer-2", 2)
    store.mark_read([aid])
    store.set_starred([aid])
    store.set_note(aid, "read this one twice")
    before = store.count_articles(ArticleQuery(feed_id=feed_id))

    carried = entry(
        "https://blog.example/?p=7",
        "Transfer Learning (2): From the feed",
        link="https://blog.example/transfer-2/",
        day=2,
    )
    outcome = store.upsert_entries(feed_id, [incoming(carried, "transfer", 2, chash="feed")])

    assert outcome.new_ids == () and outcome.updated_ids == (aid,)
    assert store.count_articles(ArticleQuery(feed_id=feed_id)) == before
    article = store.get_article(aid)
    assert article.guid == "https://blog.example/?p=7"
    assert article.title == "Transfer Learning (2): From the feed"
    assert (article.found_on_site, article.in_feed) == (False, True)
    assert (article.read, article.starred, article.note) == (True, True, "read this one twice")
    again = store.upsert_entries(feed_id, [incoming(carried, "transfer", 2, chash="feed")])
    assert again == outcome.__class__((), ())
    assert [a.id for a in store.list_articles(ArticleQuery(search="from the feed"))] == [aid]


def test_a_found_post_the_feed_carries_under_its_guid_is_no_longer_found_on_site(
    store: Store, feed_id: int
) -> None:
    url = "https://blog.example/transfer-3/"
    aid = _found_on_site(store, feed_id, url, 3)
    other = _found_on_site(store, feed_id, "https://blog.example/transfer-5/", 5)
    store.upsert_entries(feed_id, [incoming(entry(url, link=url, day=3), "transfer", 3)])
    assert not store.get_article(aid).found_on_site
    assert store.get_article(other).found_on_site  # not in the feed: still found on the site


def test_unread_newest_first_reads_its_index_not_a_sort(store: Store) -> None:
    """'All unread' asks for the newest unread page of every article; with the index of
    migration 6 SQLite walks it backwards instead of sorting every unread row (110 ms
    at 100k). The index is an expression index, so it only serves while the query
    orders by the very same expression: this holds the two together."""
    from readinglist.model.query import ArticleQuery

    feed = store.add_feed("https://blog.example/feed.xml")
    store.upsert_entries(
        feed.id, [incoming(entry(f"p{n}", f"Post {n}", day=n)) for n in range(1, 9)]
    )
    seen: list[str] = []
    connection = store.db.connection()
    connection.set_trace_callback(seen.append)
    try:
        page = store.list_articles(ArticleQuery(unread_only=True, limit=5))
    finally:
        connection.set_trace_callback(None)
    assert [a.title for a in page] == [f"Post {n}" for n in (8, 7, 6, 5, 4)]
    (query,) = [sql for sql in seen if sql.lstrip().upper().startswith("SELECT")]
    plan = " ".join(str(row[-1]) for row in store.db.execute_sql("EXPLAIN QUERY PLAN " + query))
    assert "article_unread_dated" in plan and "TEMP B-TREE" not in plan, plan


def test_statistics_keep_id_lookups_on_the_primary_key(tmp_path) -> None:
    """The unread index starts with ``hidden, read``, which nearly every row shares.
    Without statistics the planner took it for the filter's lookups of a page of ids
    (24 ms at 100k, where the primary key takes 2): closing a store runs PRAGMA
    optimize, which takes them once the library has grown."""
    from readinglist.model.query import ArticleQuery

    store = Store(tmp_path / "library.sqlite3")
    feed = store.add_feed("https://blog.example/feed.xml")
    store.upsert_entries(
        feed.id, [incoming(entry(f"p{n}", f"Post {n}", day=1 + n % 28)) for n in range(3000)]
    )
    store.close()
    store = Store(tmp_path / "library.sqlite3")
    seen: list[str] = []
    connection = store.db.connection()
    connection.set_trace_callback(seen.append)
    try:
        found = store.list_articles(ArticleQuery(search="post", unread_only=True, limit=50))
    finally:
        connection.set_trace_callback(None)
        store.close()
    assert len(found) == 50
    store = Store(tmp_path / "library.sqlite3")
    lookups = [sql for sql in seen if " IN (" in sql and 'FROM "article"' in sql]
    assert lookups, seen
    for sql in lookups:
        plan = " ".join(str(row[-1]) for row in store.db.execute_sql("EXPLAIN QUERY PLAN " + sql))
        assert "PRIMARY KEY" in plan and "article_unread_dated" not in plan, plan
    store.close()
