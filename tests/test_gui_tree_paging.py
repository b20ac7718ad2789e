"""The library tree: big smart views read a page at a time, and a branch read later is
laid out alone and painted once (split from test_gui_tree.py)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt

from helpers import entry, incoming
from readinglist.gui.tree_model import TreeModel
from readinglist.gui.tree_nodes import PAGE_SIZE
from tree_helpers import FEED_ROW, build, child, texts


def many_unread(qtbot, store, count: int):
    """A tree over one feed of ``count`` unread standalone posts (more than a page)."""
    from readinglist.gui.series_tree import SeriesTree

    feed = store.add_feed("https://many.example/feed.xml", title="Many")
    store.upsert_entries(
        feed.id,
        [incoming(entry(f"post-{n}", f"Post number {n}", day=1 + n % 28)) for n in range(count)],
    )
    model = TreeModel(store)
    tree = SeriesTree(None, model)
    qtbot.addWidget(tree)
    return model, tree


def test_a_big_smart_view_reads_a_page_then_waits_for_the_reader(qtbot, store) -> None:
    """'All unread' over many articles shows its first page and settles: the next page is
    read only when the reader scrolls to the last row shown (QTreeView fetches on every
    layout of an expanded row, and used to read every article, page after page)."""
    model, tree = many_unread(qtbot, store, 450)
    tree.resize(600, 400)
    tree.show()
    all_unread = model.index(0, 0)
    assert model.node(all_unread).smart is not None
    tree.expand(all_unread)
    qtbot.waitUntil(lambda: model.rowCount(all_unread) == PAGE_SIZE, timeout=5000)
    qtbot.wait(300)  # layouts come and go; nothing more is read
    assert model.rowCount(all_unread) == PAGE_SIZE
    assert not model.canFetchMore(all_unread)

    tree.scrollTo(model.index(PAGE_SIZE - 1, 0, all_unread))  # the reader reaches the end
    qtbot.waitUntil(lambda: model.rowCount(all_unread) == 2 * PAGE_SIZE, timeout=5000)
    qtbot.wait(300)
    assert model.rowCount(all_unread) == 2 * PAGE_SIZE
    tree.scrollTo(model.index(2 * PAGE_SIZE - 1, 0, all_unread))
    qtbot.waitUntil(lambda: model.rowCount(all_unread) == 450, timeout=5000)
    assert not model.node(all_unread).more


def test_stepping_past_a_smart_views_last_loaded_row_reads_its_next_page(qtbot, store) -> None:
    """j at the last loaded row of 'All unread' goes on to the next article of the view
    (its next page read there and then), not out of the view."""
    model, tree = many_unread(qtbot, store, 250)
    all_unread = model.index(0, 0)
    tree.expand(all_unread)
    qtbot.waitUntil(lambda: model.rowCount(all_unread) == PAGE_SIZE, timeout=5000)
    last = model.node(model.index(PAGE_SIZE - 1, 0, all_unread))
    assert tree.select_node(last)
    assert tree.select_next(forward=True)
    assert model.rowCount(all_unread) == 250
    chosen = tree.selected_node()
    assert chosen is model.node(model.index(PAGE_SIZE, 0, all_unread))
    assert chosen.parent is model.node(all_unread)  # still inside the view


def test_down_and_page_down_at_a_smart_views_last_loaded_row_stay_inside_it(qtbot, store) -> None:
    """Qt's own keys as well as j: Down at the last loaded row of 'All unread' reads the
    next page and moves to its first row; PageDown near the end does the same."""
    model, tree = many_unread(qtbot, store, 450)
    tree.resize(600, 400)
    tree.show()
    all_unread = model.index(0, 0)
    tree.expand(all_unread)
    qtbot.waitUntil(lambda: model.rowCount(all_unread) == PAGE_SIZE, timeout=5000)
    tree.setCurrentIndex(model.index(PAGE_SIZE - 1, 0, all_unread))
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert model.rowCount(all_unread) == 2 * PAGE_SIZE
    assert tree.currentIndex() == model.index(PAGE_SIZE, 0, all_unread)
    tree.setCurrentIndex(model.index(2 * PAGE_SIZE - 5, 0, all_unread))
    qtbot.keyClick(tree, Qt.Key.Key_PageDown)
    assert model.rowCount(all_unread) == 450
    current = tree.currentIndex()
    assert current.parent() == all_unread and current.row() > 2 * PAGE_SIZE - 5


def test_a_branch_read_later_is_laid_out_alone_and_painted_once(qtbot, store) -> None:
    """Rows that land in an expanded branch (the read ran on the lane) are laid out
    without a layout of the whole tree, the branch stays open, the tree's own
    expanded/collapsed handlers hear one expansion, and paints held while the rows
    were read come back."""
    from readinglist.gui.series_tree import SeriesTree
    from readinglist.gui.tree_nodes import Node

    build(store)
    asked_outside: list[object] = []
    branch: list[Node] = []

    class CountingModel(TreeModel):
        def flags(self, index):  # type: ignore[no-untyped-def]
            node = self.node(index)
            if branch and branch[0] not in (node, node.parent):
                asked_outside.append(node.key)
            return super().flags(index)

    waiting: list[tuple] = []
    model = CountingModel(store, run=lambda fn, done: waiting.append((fn, done)))
    tree = SeriesTree(None, model)
    qtbot.addWidget(tree)
    tree.resize(400, 600)
    tree.show()
    qtbot.waitExposed(tree)

    def land() -> None:
        fn, done = waiting.pop(0)
        done(fn())

    feed_index = model.index(FEED_ROW, 0)
    tree.expand(feed_index)
    land()
    series = child(model, feed_index, "Transfer")
    heard: list[str] = []
    tree.expanded.connect(lambda _i: heard.append("expanded"))
    tree.collapsed.connect(lambda _i: heard.append("collapsed"))
    tree.expand(series)
    assert waiting and not tree.viewport().updatesEnabled()  # held while the read runs
    branch.append(model.node(series))
    asked_outside.clear()
    land()
    assert tree.isExpanded(series) and tree.viewport().updatesEnabled()
    assert heard == ["expanded"]
    first_part = model.index(0, 0, series)
    assert tree.visualRect(first_part).height() > 0  # laid out and on screen
    assert texts(model, series)[0].startswith("Part 1")
    assert asked_outside == []  # no row outside the branch was laid out again


def test_a_held_paint_comes_back_when_the_read_never_lands(qtbot, store) -> None:
    from readinglist.gui.series_tree import SeriesTree

    build(store)
    waiting: list[tuple] = []
    model = TreeModel(store, run=lambda fn, done: waiting.append((fn, done)))
    tree = SeriesTree(None, model)
    qtbot.addWidget(tree)
    tree.show()
    tree.expand(model.index(FEED_ROW, 0))
    assert not tree.viewport().updatesEnabled()
    qtbot.waitUntil(tree.viewport().updatesEnabled, timeout=1000)


def test_a_paint_hold_never_gives_back_what_it_did_not_take(qtbot) -> None:
    from PySide6.QtWidgets import QWidget

    from readinglist.gui.paint_hold import PaintHold

    widget = QWidget()
    qtbot.addWidget(widget)
    hold = PaintHold(widget, deadline_ms=50)
    widget.setUpdatesEnabled(False)  # held by someone else
    hold.hold()
    hold.release()
    assert not widget.updatesEnabled() and not hold.holding
    widget.setUpdatesEnabled(True)
    hold.hold()
    assert not widget.updatesEnabled() and hold.holding
    qtbot.waitUntil(widget.updatesEnabled, timeout=1000)  # the deadline gives it back
    assert not hold.holding
