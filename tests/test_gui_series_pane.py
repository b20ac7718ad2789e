"""The series pane says how far a series is read and which parts are missing, as ranges."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt

from helpers import entry, incoming
from readinglist.gui.series_pane import SeriesPane, series_rows
from readinglist.gui.tree_nodes import NodeType, TreeLoader
from readinglist.model.query import ArticleQuery
from readinglist.model.records import IncomingArticle
from readinglist.services.library import Library


def gappy(store) -> int:
    """'Attention' with only parts 13 and 16; returns the series id."""
    feed = store.add_feed("https://gaps.example/feed.xml", title="Gappy Blog")
    store.upsert_entries(
        feed.id,
        [
            incoming(entry("at-13", "Attention (13): Rotary Positions", day=13), "attention", 13),
            incoming(entry("at-16", "Attention (16): Sparse Heads", day=16), "attention", 16),
        ],
    )
    series_id = store.list_articles(ArticleQuery(feed_id=feed.id))[0].series_id
    assert series_id is not None
    return series_id


def test_progress_and_missing_ranges(qtbot, store) -> None:
    series_id = gappy(store)
    pane = SeriesPane(Library(store))
    qtbot.addWidget(pane)
    assert pane.show_series(series_id)
    assert pane.progress_text() == "0 of 2 read · 14 missing"
    assert pane.missing_text() == "Missing: 1–12, 14–15"
    parts = pane.parts_list()
    rows = [parts.item(i) for i in range(parts.count())]
    assert [r.text() for r in rows] == [
        "   Parts 1–12 — not in the feed",
        "• Part 13 — Attention (13): Rotary Positions",
        "   Parts 14–15 — not in the feed",
        "• Part 16 — Attention (16): Sparse Heads",
    ]
    assert not rows[0].flags() & Qt.ItemFlag.ItemIsEnabled
    assert rows[2].toolTip().startswith("Parts 14–15 are not in the feed")


def test_nothing_missing_says_only_read_of_total(qtbot, store) -> None:
    feed = store.add_feed("https://whole.example/feed.xml", title="Whole Blog")
    store.upsert_entries(
        feed.id,
        [incoming(entry(f"p{n}", f"Rust (n): Part {n}", day=n), "rust", n) for n in (1, 2)],
    )
    articles = store.list_articles(ArticleQuery(feed_id=feed.id))
    store.mark_read([articles[0].id], True)
    pane = SeriesPane(Library(store))
    qtbot.addWidget(pane)
    assert pane.show_series(articles[0].series_id)
    assert pane.progress_text() == "1 of 2 read"
    assert pane.missing_text() == ""
    series = store.get_series(articles[0].series_id)
    assert [aid is None for _, aid in series_rows(series, articles)] == [False, False]


def kiln_diary(store, *more: IncomingArticle) -> int:  # type: ignore[no-untyped-def]
    """Parts 1 and 4 of "Kiln Diary" with two unnumbered posts of one day between them
    (and ``more``); returns the feed id."""
    feed = store.add_feed("https://kiln.example/feed.xml", title="Kiln Blog")
    store.upsert_entries(
        feed.id,
        [
            incoming(entry("k1", "Kiln Diary: a site", day=1), "kiln diary", 1),
            incoming(entry("k2", "Kiln Diary: the foundation", day=3), "kiln diary", None),
            incoming(entry("k3", "Kiln Diary: the arch", day=3), "kiln diary", None),
            incoming(entry("k4", "Kiln Diary: first firing", day=6), "kiln diary", 4),
            *more,
        ],
    )
    return int(feed.id)


def test_unnumbered_parts_are_listed_where_their_dates_fall(qtbot, store) -> None:
    """Two posts of one day that detection left unnumbered sit between parts 1 and 4,
    and hold parts 2 and 3: no "not in the feed" row for them."""
    feed_id = kiln_diary(store)
    series_id = store.list_articles(ArticleQuery(feed_id=feed_id))[0].series_id
    pane = SeriesPane(Library(store))
    qtbot.addWidget(pane)
    assert pane.show_series(series_id)
    texts = [pane.parts_list().item(i).text() for i in range(pane.parts_list().count())]
    assert texts[0].endswith("Part 1 — Kiln Diary: a site") and "Part 4" in texts[3]
    assert len(texts) == 4 and not any("not in the feed" in t for t in texts)
    assert pane.missing_text() == ""
    # the rows do not depend on the order they are given in
    articles = store.list_articles(ArticleQuery(feed_id=feed_id))  # newest first
    assert [t for t, _ in series_rows(store.get_series(series_id), articles)] == texts


def test_the_tree_shows_no_missing_row_for_parts_its_unnumbered_posts_hold(store) -> None:
    """The tree reads a series' rows with the series record it already holds: its own
    count of the gaps agrees with the series list's."""
    feed_id = kiln_diary(
        store, incoming(entry("k7", "Kiln Diary: glazing", day=9), "kiln diary", 7)
    )
    series = store.list_series(feed_id=feed_id)[0]
    assert series.missing == (5, 6)
    nodes = TreeLoader(Library(store)).children(("series", series.id), known=series)
    kinds = [n.type for n in nodes]
    assert kinds.count(NodeType.PLACEHOLDER) == 1 and kinds[4] == NodeType.PLACEHOLDER
    assert (nodes[4].part, nodes[4].last) == (5, 6)


def test_a_post_covering_several_days_is_listed_as_those_parts(qtbot, store) -> None:
    """ "Kiln log Day 2-4" covers days 2–4: the pane and the tree say "Parts 2–4" and
    show no missing row for them."""
    from dataclasses import replace

    feed = store.add_feed("https://kilnlog.example/feed.xml", title="Kiln Log")
    days = [incoming(entry("d1", "Kiln log Day 1", day=1), "kiln log", 1)]
    ranged = incoming(entry("d2", "Kiln log Day 2-4", day=2), "kiln log", 2)
    days.append(replace(ranged, series=replace(ranged.series, part_last=4)))
    days.append(incoming(entry("d5", "Kiln log Day 5", day=5), "kiln log", 5))
    store.upsert_entries(feed.id, days)
    articles = store.list_articles(ArticleQuery(feed_id=feed.id))
    series = store.get_series(articles[0].series_id)
    assert series.parts == (1, 2, 3, 4, 5) and series.missing == ()
    assert [t for t, _ in series_rows(series, articles)] == [
        "• Part 1 — Kiln log Day 1",
        "• Parts 2–4 — Kiln log Day 2-4",
        "• Part 5 — Kiln log Day 5",
    ]
    from readinglist.gui.article_view import ArticlePane
    from readinglist.gui.tree_rows import title

    pane = ArticlePane(Library(store))
    qtbot.addWidget(pane)
    assert pane.show_article(next(a.id for a in articles if a.part == 2))
    assert pane._series.text() == "Kiln Log — Parts 2–4 of 5"
    assert pane._gap.text() == ""  # days 3 and 4 are the reader's, not missing
    rows = TreeLoader(Library(store)).series_children(series.id)
    assert [title(n) for n in rows] == [
        "Part 1 — Kiln log Day 1",
        "Parts 2–4 — Kiln log Day 2-4",
        "Part 5 — Kiln log Day 5",
    ]
