"""The library tree model: contents, order, looks, laziness and row-level refreshes."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QTreeView

from helpers import entry, incoming
from readinglist.gui.tree_model import FeedIdRole, IdRole, NodeTypeRole, TreeModel
from readinglist.gui.tree_nodes import NodeType
from tree_helpers import DISPLAY, FEED_ROW, build, child, expand, texts


@pytest.fixture
def library_tree(qtbot, store):
    feed, ids = build(store)
    model = TreeModel(store)
    return model, feed, ids


def test_top_level_has_smart_views_then_feeds(library_tree) -> None:
    model, feed, _ = library_tree
    top = texts(model, QModelIndex())
    assert top == [
        "All unread (5)",
        "Continue reading",
        "Following",
        "Starred",
        "With notes",
        "Recently added",
        "Example Blog",
    ]
    feed_index = model.index(FEED_ROW, 0)
    assert feed_index.data(NodeTypeRole) == NodeType.FEED
    assert feed_index.data(IdRole) == feed.id
    assert model.index(FEED_ROW, 1).data(DISPLAY) == "5"  # unread count


def test_series_in_part_order_with_placeholder_and_standalone(library_tree) -> None:
    model, feed, ids = library_tree
    feed_index = expand(model, model.index(FEED_ROW, 0))
    assert texts(model, feed_index) == ["Transfer", "Standalone"]
    series = expand(model, child(model, feed_index, "Transfer"))
    assert texts(model, series) == [
        "Part 1 — Transfer Learning (1): Pretraining",
        "Part 2 — Transfer Learning (2): Fine-Tuning",
        "Part 3 — not in the feed",
        "Part 4 — Transfer Learning (4): Domain Adaptation",
    ]
    assert series.siblingAtColumn(1).data(DISPLAY) == "0 of 3 read · 1 missing"
    placeholder = model.index(2, 0, series)
    assert placeholder.data(NodeTypeRole) == NodeType.PLACEHOLDER
    assert not placeholder.flags() & Qt.ItemFlag.ItemIsSelectable
    assert placeholder.data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    first = model.index(0, 0, series)
    assert first.data(NodeTypeRole) == NodeType.ARTICLE
    assert first.data(IdRole) == ids["tl-1"]
    assert first.data(FeedIdRole) == feed.id
    standalone = expand(model, child(model, feed_index, "Standalone"))
    assert texts(model, standalone) == ["Mixed Precision Checklist", "Data Versioning"]


def test_unread_is_bold_and_read_is_not(qtbot, store) -> None:
    _feed, ids = build(store)
    store.mark_read([ids["tl-1"]], True)
    model = TreeModel(store)
    series = expand(model, child(model, expand(model, model.index(FEED_ROW, 0)), "Transfer"))
    read_font = model.index(0, 0, series).data(Qt.ItemDataRole.FontRole)
    unread_font = model.index(1, 0, series).data(Qt.ItemDataRole.FontRole)
    assert read_font is None or not read_font.bold()
    assert unread_font is not None and unread_font.bold()
    assert series.siblingAtColumn(1).data(DISPLAY) == "1 of 3 read · 1 missing"


def test_feed_error_shows_icon_and_tooltip(qtbot, store) -> None:
    feed, _ = build(store)
    store.record_fetch_error(feed.id, "HTTP 503: the server is unavailable")
    model = TreeModel(store)
    index = model.index(FEED_ROW, 0)
    icon = index.data(Qt.ItemDataRole.DecorationRole)
    assert icon is not None and not icon.isNull()
    assert "HTTP 503" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_smart_views_list_articles(qtbot, store) -> None:
    _feed, ids = build(store)
    store.set_starred([ids["solo-b"]], True)
    store.set_note(ids["tl-2"], "compare with ULMFiT")
    model = TreeModel(store)
    starred = expand(model, model.index(3, 0))
    assert texts(model, starred) == ["Data Versioning"]
    assert model.index(0, 0, starred).data(Qt.ItemDataRole.DecorationRole) is not None
    notes = expand(model, model.index(4, 0))
    assert texts(model, notes) == ["Transfer Learning (2): Fine-Tuning"]
    unread = expand(model, model.index(0, 0))
    assert model.rowCount(unread) == 5
    recent = expand(model, model.index(5, 0))
    assert model.rowCount(recent) == 5


def test_children_load_only_on_demand(qtbot, store) -> None:
    build(store)
    calls = []
    model = TreeModel(store)
    original = model.loader.children
    model.loader.children = lambda key, limit=None, **kw: (
        calls.append(key) or original(key, limit, **kw)
    )
    feed_index = model.index(FEED_ROW, 0)
    assert model.hasChildren(feed_index)
    assert model.rowCount(feed_index) == 0
    assert model.canFetchMore(feed_index)
    assert calls == []
    model.fetchMore(feed_index)
    assert calls == [("feed", feed_index.data(IdRole))]
    assert not model.canFetchMore(feed_index)
    assert model.rowCount(feed_index) == 2


def test_article_changed_touches_only_its_rows(qtbot, store) -> None:
    feed, ids = build(store)
    model = TreeModel(store)
    feed_index = expand(model, model.index(FEED_ROW, 0))
    series = expand(model, child(model, feed_index, "Transfer"))
    expand(model, child(model, feed_index, "Standalone"))
    changed: list[tuple[object, object]] = []
    resets: list[int] = []
    model.dataChanged.connect(lambda a, b, _roles=(): changed.append((model.node(a).key, a.row())))
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda *a: resets.append(2))
    model.rowsRemoved.connect(lambda *a: resets.append(3))

    store.mark_read([ids["tl-2"]], True)
    model.article_changed(ids["tl-2"])

    keys = {k for k, _ in changed}
    assert ("article", ids["tl-2"]) in keys
    assert ("series", series.data(IdRole)) in keys
    assert ("feed", feed.id) in keys
    assert ("smart", "unread") in keys
    assert ("article", ids["tl-1"]) not in keys
    assert ("standalone", feed.id) not in keys  # its counts did not change
    assert resets == []
    assert model.index(1, 0, series).data(Qt.ItemDataRole.FontRole) is None
    assert series.siblingAtColumn(1).data(DISPLAY) == "1 of 3 read · 1 missing"
    assert model.index(0, 0).data(DISPLAY) == "All unread (4)"


def test_new_articles_are_inserted_keeping_selection(qtbot, store) -> None:
    feed, ids = build(store)
    model = TreeModel(store)
    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    feed_index = expand(model, model.index(FEED_ROW, 0))
    view.expand(feed_index)
    series = expand(model, child(model, feed_index, "Transfer"))
    view.expand(series)
    selected = model.index(3, 0, series)  # Part 4
    view.selectionModel().setCurrentIndex(
        selected, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))

    outcome = store.upsert_entries(
        feed.id,
        [
            incoming(
                entry("tl-3", "Transfer Learning (3): Feature Extraction", day=6), "transfer", 3
            ),
            incoming(entry("solo-c", "Profiling PyTorch", day=7)),
        ],
    )
    assert len(outcome.new_ids) == 2
    model.refresh([feed.id])

    assert resets == []
    assert texts(model, series)[2] == "Part 3 — Transfer Learning (3): Feature Extraction"
    assert "Part 3 — not in the feed" not in texts(model, series)
    current = view.currentIndex()
    assert current.data(IdRole) == ids["tl-4"]
    assert view.selectionModel().isSelected(current)
    assert view.isExpanded(series)
    standalone = child(model, feed_index, "Standalone")
    assert not model.canFetchMore(standalone) or model.rowCount(standalone) == 0
    assert model.index(0, 0).data(DISPLAY) == "All unread (7)"
    assert model.index(FEED_ROW, 1).data(DISPLAY) == "7"


def test_new_feed_appears_and_removed_feed_goes(qtbot, store) -> None:
    build(store)
    model = TreeModel(store)
    other = store.add_feed("https://other.example/feed.xml", title="Another Blog")
    model.refresh()
    assert texts(model, QModelIndex())[FEED_ROW:] == ["Another Blog", "Example Blog"]
    store.remove_feed(other.id)
    model.refresh()
    assert texts(model, QModelIndex())[FEED_ROW:] == ["Example Blog"]


def test_unread_only_hides_read_articles_and_placeholders(qtbot, store) -> None:
    _feed, ids = build(store)
    store.mark_read([ids["tl-1"], ids["solo-a"], ids["solo-b"]], True)
    model = TreeModel(store, unread_only=True)
    feed_index = expand(model, model.index(FEED_ROW, 0))
    assert texts(model, feed_index) == ["Transfer"]  # the standalone group is all read
    series = expand(model, child(model, feed_index, "Transfer"))
    assert texts(model, series) == [
        "Part 2 — Transfer Learning (2): Fine-Tuning",
        "Part 4 — Transfer Learning (4): Domain Adaptation",
    ]


def test_article_index_loads_the_path(qtbot, store) -> None:
    _feed, ids = build(store)
    model = TreeModel(store)
    index = model.article_index(ids["tl-4"])
    assert index.isValid()
    assert index.data(IdRole) == ids["tl-4"]
    assert index.parent().data(DISPLAY) == "Transfer"
    assert model.article_index(ids["solo-a"]).parent().data(DISPLAY) == "Standalone"


class QueuedRunner:
    """Runs reads and their callbacks only when told, in submission order — the order
    the window's one-thread ``BackgroundRunner`` keeps — so a test can interleave a
    write between a read being queued and its result arriving."""

    def __init__(self) -> None:
        self.jobs: list = []

    def __call__(self, fn, on_done) -> None:
        self.jobs.append((fn, on_done))

    def read_all(self) -> list:
        """Run every queued read now (the worker got to them), callbacks not yet."""
        done = [(on_done, fn()) for fn, on_done in self.jobs]
        self.jobs.clear()
        return done

    def deliver(self, done: list) -> None:
        for on_done, result in done:
            on_done(result)


def test_refresh_while_children_are_loading_is_not_lost(qtbot, store) -> None:
    """A series expanded just before new parts are written, and refreshed while its
    children's read is still on its way, ends up showing the new parts: the children's
    read saw the old rows, so the refresh must cover the loading node too."""
    feed, _ids = build(store)
    runner = QueuedRunner()
    model = TreeModel(store, run=runner)
    feed_index = expand(model, model.index(FEED_ROW, 0))
    runner.deliver(runner.read_all())
    series = expand(model, child(model, feed_index, "Transfer"))
    stale = runner.read_all()  # the series' parts are read before the write…
    store.upsert_entries(
        feed.id,
        [
            incoming(
                entry("tl-3", "Transfer Learning (3): Feature Extraction", day=6), "transfer", 3
            )
        ],
    )
    model.refresh([feed.id])  # …and the refresh is planned before they arrive
    runner.deliver(stale)
    assert "Part 3 — not in the feed" in texts(model, series)
    runner.deliver(runner.read_all())
    assert texts(model, series)[2] == "Part 3 — Transfer Learning (3): Feature Extraction"
    assert "Part 3 — not in the feed" not in texts(model, series)


def test_collapsed_branches_forget_their_rows_over_the_budget(qtbot, store) -> None:
    """Over the row budget, the longest-collapsed branches unload (and load again when
    expanded); the branch holding the current row never does; below it nothing does."""
    from readinglist.gui.series_tree import SeriesTree

    feed, ids = build(store)
    store.upsert_entries(
        feed.id,
        [
            incoming(entry(f"nlp-{n}", f"NLP Part {n}: Topic {n}", day=10 + n), "nlp", n)
            for n in (1, 2, 3)
        ],
    )
    model = TreeModel(store)
    tree = SeriesTree(None, model)
    qtbot.addWidget(tree)

    def open_branch(index: QModelIndex) -> None:
        tree.expand(expand(model, index))  # an offscreen view fetches on paint; do it now
        settle()

    def close_branch(index: QModelIndex) -> None:
        tree.collapse(index)
        settle()

    def settle() -> None:  # the trim runs on the event-loop turn after an expand/collapse
        qtbot.wait(1)

    feed_index = model.index(FEED_ROW, 0)
    open_branch(feed_index)
    nlp, transfer = child(model, feed_index, "Nlp"), child(model, feed_index, "Transfer")
    open_branch(nlp)
    open_branch(transfer)
    nlp_rows, transfer_rows = texts(model, nlp), texts(model, transfer)
    assert len(nlp_rows) == 3 and len(transfer_rows) == 4
    tree.select_index(model.index(3, 0, transfer))  # Part 4
    held = model.row_count

    close_branch(nlp)  # within the budget: kept
    assert model.rowCount(nlp) == 3 and model.row_count == held
    tree.branches.budget = held - 1
    close_branch(transfer)  # over it: the oldest collapsed goes, the current row stays
    assert model.rowCount(nlp) == 0 and model.hasChildren(nlp) and model.canFetchMore(nlp)
    assert model.row_count == held - 3
    assert texts(model, transfer) == transfer_rows
    tree.branches.budget = 0
    close_branch(feed_index)  # holds the current row: nothing to forget yet
    assert model.row_count == held - 3
    assert tree.currentIndex().data(IdRole) == ids["tl-4"]

    open_branch(feed_index)
    open_branch(nlp)
    assert texts(model, nlp) == nlp_rows  # read again on expand
    tree.select_index(nlp)
    close_branch(feed_index)  # the current row is the feed's child: kept
    assert model.row_count > 6
    tree.select_index(model.index(0, 0))
    unread = model.index(0, 0)
    open_branch(unread)  # expanding trims again: the feed no longer holds the current row
    assert model.rowCount(feed_index) == 0 and not model.canFetchMore(unread)
    assert model.row_count == 7 + model.rowCount(unread)  # 6 views, the feed, the unread
    assert len(tree.branches) == 0
    open_branch(feed_index)
    assert texts(model, feed_index) == ["Nlp", "Transfer", "Standalone"]


def test_selecting_into_collapsed_branches_over_the_budget_keeps_the_row(qtbot, store) -> None:
    """``select_index`` expands a chain of rows, then selects the row it was given. The
    unloading waits for the next event-loop turn, so that row's branch is never
    unloaded in between (its index would point at a forgotten node)."""
    from readinglist.gui.series_tree import SeriesTree

    _feed, ids = build(store)
    model = TreeModel(store)
    tree = SeriesTree(None, model)
    qtbot.addWidget(tree)
    feed_index = expand(model, model.index(FEED_ROW, 0))
    tree.expand(feed_index)
    series = expand(model, child(model, feed_index, "Transfer"))
    tree.expand(series)
    tree.collapse(series)
    tree.collapse(feed_index)  # remembered: the series first, then the feed
    qtbot.wait(1)
    assert len(tree.branches) == 2 and model.rowCount(series) == 4
    tree.branches.budget = 0
    target = model.index(3, 0, series)  # Part 4, an index into the collapsed branch
    assert tree.select_index(target)
    assert tree.currentIndex().data(IdRole) == ids["tl-4"]
    qtbot.wait(1)  # the trim: the current row's branches stay
    assert tree.currentIndex().data(IdRole) == ids["tl-4"]
    assert model.rowCount(series) == 4 and tree.isExpanded(series)


def build_gappy(store):
    """'Attention' with only parts 13 and 16: parts 1–12 and 14–15 are missing."""
    feed = store.add_feed("https://gaps.example/feed.xml", title="Gappy Blog")
    store.upsert_entries(
        feed.id,
        [
            incoming(entry("at-16", "Attention (16): Sparse Heads", day=16), "attention", 16),
            incoming(entry("at-13", "Attention (13): Rotary Positions", day=13), "attention", 13),
        ],
    )
    return feed


def test_a_run_of_missing_parts_is_one_row(qtbot, store) -> None:
    build_gappy(store)
    model = TreeModel(store)
    feed_index = expand(model, model.index(FEED_ROW, 0))
    series = expand(model, child(model, feed_index, "Attention"))
    assert texts(model, series) == [
        "Parts 1–12 — not in the feed",
        "Part 13 — Attention (13): Rotary Positions",
        "Parts 14–15 — not in the feed",
        "Part 16 — Attention (16): Sparse Heads",
    ]
    assert model.row_count == 6 + 1 + 1 + 4  # views, the feed, the series, its 4 rows
    assert series.siblingAtColumn(1).data(DISPLAY) == "0 of 2 read · 14 missing"
    tip = series.data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines() == ["Attention", "0 of 2 read · 14 missing", "Missing: 1–12, 14–15"]
    run = model.index(0, 0, series)
    assert run.data(NodeTypeRole) == NodeType.PLACEHOLDER
    assert run.data(IdRole) == series.data(IdRole)  # the run row stands for its series
    assert not run.flags() & Qt.ItemFlag.ItemIsSelectable
    assert run.data(Qt.ItemDataRole.ToolTipRole).startswith("Parts 1–12 are not in the feed")


def test_a_run_row_offers_find_missing_parts(qtbot, store) -> None:
    from PySide6.QtWidgets import QMenu

    from readinglist.gui.series_tree import SeriesTree

    build_gappy(store)
    model = TreeModel(store)
    tree = SeriesTree(None, model)
    qtbot.addWidget(tree)
    series = expand(model, child(model, expand(model, model.index(FEED_ROW, 0)), "Attention"))
    menu = QMenu(tree)
    tree.fill_menu(menu, model.node(model.index(2, 0, series)))  # Parts 14–15
    assert [a.text() for a in menu.actions()] == ["Find missing parts"]
    with qtbot.waitSignal(tree.findMissingRequested, timeout=1000) as asked:
        menu.actions()[0].trigger()
    assert asked.args == [(series.data(IdRole),), None]


def test_a_found_part_splits_the_run_row(qtbot, store) -> None:
    feed = build_gappy(store)
    model = TreeModel(store)
    series = expand(model, child(model, expand(model, model.index(FEED_ROW, 0)), "Attention"))
    store.upsert_entries(
        feed.id,
        [incoming(entry("at-5", "Attention (5): Masks", day=5), "attention", 5)],
    )
    model.refresh([feed.id])
    assert texts(model, series) == [
        "Parts 1–4 — not in the feed",
        "Part 5 — Attention (5): Masks",
        "Parts 6–12 — not in the feed",
        "Part 13 — Attention (13): Rotary Positions",
        "Parts 14–15 — not in the feed",
        "Part 16 — Attention (16): Sparse Heads",
    ]
    assert series.siblingAtColumn(1).data(DISPLAY) == "0 of 3 read · 13 missing"


def test_standalone_progress_says_read_of_total(library_tree) -> None:
    model, _feed, _ids = library_tree
    feed_index = expand(model, model.index(FEED_ROW, 0))
    standalone = child(model, feed_index, "Standalone")
    assert standalone.siblingAtColumn(1).data(DISPLAY) == "0 of 2 read"


def test_series_rows_span_the_tree_with_their_progress(qtbot, store) -> None:
    """A series row's progress is wider than the dates column: the row spans both
    columns, so article rows keep a narrow dates column and their titles' room."""
    from readinglist.gui.series_tree import SeriesTree

    build_gappy(store)
    model = TreeModel(store)
    tree = SeriesTree(None, model)
    qtbot.addWidget(tree)
    tree.resize(380, 400)
    tree.show()
    feed_index = model.index(FEED_ROW, 0)
    tree.expand(expand(model, feed_index))
    series = child(model, feed_index, "Attention")
    tree.expand(expand(model, series))
    assert tree.isFirstColumnSpanned(series.row(), feed_index)
    assert not tree.isFirstColumnSpanned(1, series)  # Part 13: title | date
    dates = tree.header().sectionSize(1)
    width = tree.fontMetrics().horizontalAdvance("0 of 2 read · 14 missing")
    assert dates < width  # the column fits a date, not the series' progress
    assert not tree.grab().isNull()  # the delegate paints the spanned rows
