"""Library's one door: reads delegate, write verbs change the library and say what changed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from feedgen import rss, series_items
from helpers import entry, incoming
from readinglist.model.changes import Changes
from readinglist.model.errors import ArticleNotFoundError, SeriesNotFoundError
from readinglist.model.query import ArticleQuery
from readinglist.services.library import Library


def _fill(library: Library) -> dict[str, int]:
    """Two feeds: feed A has series "nlp" (parts 1, 2) and two standalone posts."""
    store = library.store
    a = store.add_feed("https://a.example/feed.xml").id
    b = store.add_feed("https://b.example/feed.xml").id
    store.upsert_entries(
        a,
        [
            incoming(entry("n1", "NLP 1", day=1), "nlp", 1),
            incoming(entry("n2", "NLP 2", day=2), "nlp", 2),
            incoming(entry("s1", "Alone 1", day=3)),
            incoming(entry("s2", "Alone 2", day=4)),
        ],
    )
    store.upsert_entries(b, [incoming(entry("b1", "Other", day=5))])
    by_guid = {a_.title: a_.id for a_ in store.list_articles()}
    (series,) = store.list_series(feed_id=a)
    return {
        "a": a,
        "b": b,
        "nlp": series.id,
        "n1": by_guid["NLP 1"],
        "n2": by_guid["NLP 2"],
        "s1": by_guid["Alone 1"],
        "s2": by_guid["Alone 2"],
        "b1": by_guid["Other"],
    }


def test_reads_delegate_to_the_store(library: Library) -> None:
    ids = _fill(library)
    assert library.get_feed(ids["a"]).article_count == 4
    assert [f.id for f in library.list_feeds()] == [ids["a"], ids["b"]]
    assert library.find_feed("https://b.example/feed.xml").id == ids["b"]  # type: ignore[union-attr]
    assert library.get_series(ids["nlp"]).parts == (1, 2)
    assert [s.id for s in library.list_series(feed_id=ids["a"])] == [ids["nlp"]]
    assert library.get_article(ids["n1"]).title == "NLP 1"
    assert library.get_content(ids["n1"]).summary_html
    query = ArticleQuery(feed_id=ids["a"], standalone_only=True)
    assert {a.id for a in library.list_articles(query)} == {ids["s1"], ids["s2"]}
    assert library.count_articles(query) == 2
    assert library.series_member_parts(ids["nlp"]) == [(ids["n1"], 1, None), (ids["n2"], 2, None)]
    assert library.get_note(ids["n1"]) is None
    assert library.page_word_count(ids["n1"]) is None


def test_mark_read_reports_only_what_changed(library: Library) -> None:
    ids = _fill(library)
    changes = library.mark_read([ids["n1"], ids["s1"]])
    assert changes == Changes.of(
        feeds=[ids["a"]], series=[ids["nlp"]], articles=[ids["n1"], ids["s1"]]
    )
    assert library.get_article(ids["n1"]).read
    again = library.mark_read([ids["n1"], ids["n2"]])
    assert again.articles == {ids["n2"]}  # n1 was read already: not a change
    assert not library.mark_read([ids["n1"]])  # nothing changed: empty, falsy
    unread = library.mark_read([ids["n1"]], False)
    assert unread.articles == {ids["n1"]} and not library.get_article(ids["n1"]).read
    with pytest.raises(ArticleNotFoundError):
        library.mark_read([999])


def test_mark_read_where_counts_by_its_articles(library: Library) -> None:
    ids = _fill(library)
    changes = library.mark_read_where(series_id=ids["nlp"])
    assert changes.articles == {ids["n1"], ids["n2"]}
    assert changes.series == {ids["nlp"]} and changes.feeds == {ids["a"]}
    before = library.mark_read_where(before=datetime(2024, 1, 4, tzinfo=UTC))
    assert before.articles == {ids["s1"]}  # n1, n2 already read; s2 is on the 4th
    assert len(library.mark_read_where(feed_id=ids["b"]).articles) == 1
    assert library.get_article(ids["b1"]).read and not library.get_article(ids["s2"]).read


def test_mark_standalone_read_leaves_series_alone(library: Library) -> None:
    ids = _fill(library)
    changes = library.mark_standalone_read(ids["a"])
    assert changes == Changes.of(feeds=[ids["a"]], articles=[ids["s1"], ids["s2"]])
    assert not library.get_article(ids["n1"]).read
    assert library.mark_standalone_read(ids["b"]).articles == {ids["b1"]}  # standalone too
    assert not library.mark_standalone_read(ids["b"])  # already read: nothing changed
    assert library.mark_standalone_read(ids["a"], read=False).articles == {ids["s1"], ids["s2"]}
    assert not library.mark_standalone_read(12345)


def test_stars_notes_and_page_length(library: Library) -> None:
    ids = _fill(library)
    assert library.set_starred([ids["n2"]]).articles == {ids["n2"]}
    assert not library.set_starred([ids["n2"]])
    assert library.get_article(ids["n2"]).starred
    note = library.set_note(ids["n1"], "remember")
    assert note == Changes.of(feeds=[ids["a"]], series=[ids["nlp"]], articles=[ids["n1"]])
    assert library.get_note(ids["n1"]) == "remember"
    length = library.set_page_word_count(ids["n1"], 2300)
    assert length.series == {ids["nlp"]} and library.page_word_count(ids["n1"]) == 2300


def test_series_edits_report_series_and_feeds(library: Library) -> None:
    ids = _fill(library)
    assert library.rename_series(ids["nlp"], "Language") == Changes.of(
        feeds=[ids["a"]], series=[ids["nlp"]]
    )
    assert library.get_series(ids["nlp"]).name == "Language"
    assert library.set_series_note(ids["nlp"], "series note").series == {ids["nlp"]}
    assert library.get_series(ids["nlp"]).note == "series note"
    assert library.set_followed(ids["nlp"], True).series == {ids["nlp"]}
    assert library.get_series(ids["nlp"]).followed
    with pytest.raises(SeriesNotFoundError):
        library.set_followed(999, True)


def test_move_and_reset_name_the_series_left_and_joined(library: Library) -> None:
    ids = _fill(library)
    made = library.create_series(ids["a"], "Handmade")
    assert made.series.name == "Handmade"
    assert made.changes == Changes.of(feeds=[ids["a"]], series=[made.series.id])
    moved = library.move_articles([ids["n2"]], made.series.id, part=7)
    assert moved.series == {ids["nlp"], made.series.id} and moved.articles == {ids["n2"]}
    assert library.get_article(ids["n2"]).part == 7
    reset = library.reset_series_override([ids["n2"]])
    assert reset.series == {ids["nlp"], made.series.id}
    assert library.get_article(ids["n2"]).series_id == ids["nlp"]
    alone = library.move_articles([ids["n1"]], None)
    assert alone.series == {ids["nlp"]} and library.get_article(ids["n1"]).series_id is None


def test_move_to_new_series_makes_it_in_the_articles_feed(library: Library) -> None:
    ids = _fill(library)
    result = library.move_to_new_series(ids["s1"], "Fresh")
    assert result.series.name == "Fresh" and result.series.feed_id == ids["a"]
    assert result.series.article_count == 1
    assert library.get_article(ids["s1"]).series_id == result.series.id
    assert result.changes == Changes.of(
        feeds=[ids["a"]], series=[result.series.id], articles=[ids["s1"]]
    )
    with pytest.raises(ArticleNotFoundError):
        library.move_to_new_series(999, "Nowhere")
    assert [s.name for s in library.list_series(feed_id=ids["a"])] == ["Fresh", "Nlp"]


def test_merge_reports_the_moved_articles(library: Library) -> None:
    ids = _fill(library)
    other = library.move_to_new_series(ids["s1"], "Other").series
    merged = library.merge_series([other.id], ids["nlp"])
    assert merged.articles == {ids["s1"]}  # its length is the count the CLI prints
    assert merged.series == {other.id, ids["nlp"]} and merged.feeds == {ids["a"]}
    assert library.get_article(ids["s1"]).series_id == ids["nlp"]


def test_remove_feed_reports_the_feed_list(library: Library) -> None:
    ids = _fill(library)
    library.set_note(ids["b1"], "keep me")
    removed = library.remove_feed(ids["b"])
    assert removed.kept == 1
    assert removed.changes == Changes.of(feeds=[ids["b"]], feed_list=True)
    assert [f.id for f in library.list_feeds()] == [ids["a"]]
    assert library.remove_feed(ids["a"], keep_annotated=False).kept == 0


def test_subscribe_sync_and_import_expose_changes(library: Library, loopback) -> None:
    loopback.route("/f.xml", body=rss(series_items("NLP", [1, 2])))
    subscription = library.subscribe(loopback.url("/f.xml"))
    feed, summary = subscription  # still unpacks as a pair
    articles = library.list_articles()
    assert summary is not None
    assert subscription.changes == Changes.of(
        feeds=[feed.id],
        series=[s.id for s in library.list_series()],
        articles=[a.id for a in articles],
        feed_list=True,
    )
    loopback.route("/f.xml", body=rss(series_items("NLP", [1, 2, 3])))
    report = library.sync()
    (new,) = report.results[0].new_article_ids
    (series,) = library.list_series()
    assert report.changes == Changes.of(feeds=[feed.id], series=[series.id], articles=[new])
    assert not library.sync().changes  # nothing new
    opml = b"""<opml version="2.0"><body>
      <outline type="rss" xmlUrl="https://x.example/feed.xml" text="X"/></body></opml>"""
    imported = library.import_opml(opml)
    assert imported.changes == Changes.of(feeds=[imported.added[0].id], feed_list=True)


def test_exports_go_through_the_library(library: Library) -> None:
    ids = _fill(library)
    library.set_note(ids["n1"], "exported note")
    assert b"https://a.example/feed.xml" in library.export_opml()
    assert "exported note" in library.export_markdown()
    assert '"articles"' in library.export_json()
