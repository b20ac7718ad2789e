"""Series beyond the feed, GUI side: Following, Continue reading, notifications, n/p in a
series, the next-part offer, and "Find missing parts" in its worker thread."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMenu

from helpers import entry, incoming
from readinglist.gui.actions import BINDINGS, shortcut_rows
from readinglist.gui.article_view import ArticlePane
from readinglist.gui.backfill_worker import BackfillController, describe_reports
from readinglist.gui.main_window import MainWindow
from readinglist.gui.notify import FollowNotifier, summarize
from readinglist.gui.part_labels import gap_after, next_part_text
from readinglist.gui.series_pane import SeriesPane
from readinglist.gui.tree_model import TreeModel
from readinglist.gui.tree_nodes import NodeType, SmartView
from readinglist.model.query import ArticleQuery
from readinglist.model.records import FeedSyncResult, SyncStatus, SyncSummary
from readinglist.services.backfill.run import BackfillReport
from readinglist.services.library import Library

DISPLAY = Qt.ItemDataRole.DisplayRole


class Clock:
    """Stands in for ``utcnow`` in the store: read marks, notes and first-seen times
    then differ by whole minutes (the store keeps seconds)."""

    def __init__(self) -> None:
        self.now = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def tick(self, minutes: int = 1) -> None:
        self.now += timedelta(minutes=minutes)


@pytest.fixture
def clock(monkeypatch) -> Clock:
    c = Clock()
    monkeypatch.setattr("readinglist.storage.article_store.utcnow", c)
    monkeypatch.setattr("readinglist.storage.series_store.utcnow", c)
    monkeypatch.setattr("readinglist.storage.upsert_store.utcnow", c)
    return c


def series_items(key: str, name: str, parts: list[int], *, day: int = 1) -> list:
    return [
        incoming(entry(f"{key}-{p}", f"{name} ({p}): Topic {p}", day=day + p), key, p)
        for p in parts
    ]


def fill(store, clock: Clock):
    """Example Blog: transfer 1,2,3,5 (4 missing), nlp 1-3, gan 1-2, rl 1-2, a solo post.
    Other Blog (seen a minute later): ts 2,3."""
    blog = store.add_feed("https://blog.example/feed.xml", title="Example Blog")
    store.upsert_entries(
        blog.id,
        series_items("transfer", "Transfer Learning", [1, 2, 3, 5])
        + series_items("nlp", "NLP", [1, 2, 3])
        + series_items("gan", "GAN", [1, 2])
        + series_items("rl", "RL", [1, 2])
        + [incoming(entry("solo", "Mixed Precision Checklist", day=20))],
    )
    clock.tick()
    other = store.add_feed("https://other.example/feed.xml", title="Other Blog")
    store.upsert_entries(other.id, series_items("ts", "Time Series", [2, 3]))
    ids = {a.guid: a.id for a in store.list_articles()}
    sids = {a.guid.split("-")[0]: a.series_id for a in store.list_articles() if a.series_id}
    return blog, other, ids, sids


@pytest.fixture
def lib(store, clock):
    blog, other, ids, sids = fill(store, clock)
    return store, clock, blog, other, ids, sids


def read(store, clock: Clock, *guids_ids: int) -> None:
    clock.tick()
    store.mark_read(list(guids_ids), True)


# --- storage: the two queries ---------------------------------------------------------


def test_continue_reading_lists_next_unread_part_by_latest_activity(lib) -> None:
    store, clock, _blog, _other, ids, sids = lib
    assert store.continue_reading() == []  # nothing started yet
    read(store, clock, ids["transfer-1"])
    read(store, clock, ids["nlp-1"], ids["nlp-3"])  # nlp: part 2 is still the next one
    read(store, clock, ids["rl-1"], ids["rl-2"])  # finished: not in progress
    read(store, clock, ids["ts-3"])  # ts starts at part 2, unread
    got = [a.id for a in store.continue_reading()]
    assert got == [ids["ts-2"], ids["nlp-2"], ids["transfer-2"]]
    clock.tick()
    store.set_note(ids["transfer-2"], "come back to this")  # a note is activity too
    assert store.continue_reading()[0].id == ids["transfer-2"]
    clock.tick()
    store.set_series_note(sids["nlp"], "good series")  # and so is a series note
    got = [a.id for a in store.continue_reading()]
    assert got == [ids["nlp-2"], ids["transfer-2"], ids["ts-2"]]
    assert [a.id for a in store.continue_reading(limit=1)] == [ids["nlp-2"]]


def test_followed_series_newest_part_first(lib) -> None:
    store, clock, blog, _other, _ids, sids = lib
    assert store.followed_series() == []
    for key in ("transfer", "gan", "ts"):
        store.set_followed(sids[key], True)
    # ts was seen last; transfer and gan tie (then by id)
    assert [s.id for s in store.followed_series()] == [sids["ts"], sids["transfer"], sids["gan"]]
    assert all(s.followed for s in store.followed_series())
    clock.tick(10)
    store.upsert_entries(blog.id, series_items("transfer", "Transfer Learning", [6]))
    assert [s.id for s in store.followed_series()] == [sids["transfer"], sids["ts"], sids["gan"]]
    assert store.followed_series_ids() == {sids["transfer"], sids["gan"], sids["ts"]}


# --- the smart views --------------------------------------------------------------------


def smart_index(model: TreeModel, view: SmartView) -> QModelIndex:
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        node = model.node(index)
        if node.type is NodeType.SMART and node.smart is view:
            return index
    raise AssertionError(f"no {view} view")


def expanded(model: TreeModel, index: QModelIndex) -> list[str]:
    if model.canFetchMore(index):
        model.fetchMore(index)
    return [model.index(r, 0, index).data(DISPLAY) for r in range(model.rowCount(index))]


def test_following_view_lists_followed_series_with_star_and_parts(qtbot, lib) -> None:
    store, clock, blog, _other, _ids, sids = lib
    store.set_followed(sids["transfer"], True)
    store.set_followed(sids["ts"], True)
    model = TreeModel(store)
    following = smart_index(model, SmartView.FOLLOWING)
    assert following.data(DISPLAY) == "Following"
    assert expanded(model, following) == ["★ Ts", "★ Transfer"]
    transfer = model.index(1, 0, following)
    assert model.node(transfer).type is NodeType.SERIES
    assert expanded(model, transfer) == [
        "Part 1 — Transfer Learning (1): Topic 1",
        "Part 2 — Transfer Learning (2): Topic 2",
        "Part 3 — Transfer Learning (3): Topic 3",
        "Part 4 — not in the feed",
        "Part 5 — Transfer Learning (5): Topic 5",
    ]
    # a new part floats its series to the top (the refresh reconciles row by row)
    clock.tick(10)
    store.upsert_entries(blog.id, series_items("transfer", "Transfer Learning", [6]))
    model.refresh([blog.id])
    assert expanded(model, following) == ["★ Transfer", "★ Ts"]
    # unfollowing drops the row
    store.set_followed(sids["ts"], False)
    model.refresh()
    assert expanded(model, following) == ["★ Transfer"]


def test_continue_view_lists_the_next_parts(qtbot, lib) -> None:
    store, clock, _blog, _other, ids, _sids = lib
    read(store, clock, ids["transfer-1"])
    read(store, clock, ids["ts-3"])
    model = TreeModel(store)
    view = smart_index(model, SmartView.CONTINUE)
    assert view.data(DISPLAY) == "Continue reading"
    assert expanded(model, view) == ["Time Series (2): Topic 2", "Transfer Learning (2): Topic 2"]
    read(store, clock, ids["transfer-2"])
    model.refresh()
    assert expanded(model, view) == ["Transfer Learning (3): Topic 3", "Time Series (2): Topic 2"]


# --- notifications ------------------------------------------------------------------------


def sync_run(window: MainWindow, *results: FeedSyncResult) -> None:
    """What the sync controller emits for one run."""
    window.sync.started.emit()
    for result in results:
        window.sync.feedResult.emit(result)
    window.sync.finished.emit(SyncSummary(tuple(results)))


def new_parts(store, feed_id: int, items: list) -> FeedSyncResult:
    outcome = store.upsert_entries(feed_id, items)
    return FeedSyncResult(
        feed_id,
        "u",
        SyncStatus.UPDATED,
        new_count=len(outcome.new_ids),
        new_article_ids=tuple(outcome.new_ids),
    )


def window_with_library(open_window, clock, **kwargs):
    found: dict[str, object] = {}

    def prepare(store) -> None:
        blog, other, ids, sids = fill(store, clock)
        found.update(blog=blog, other=other, ids=ids, sids=sids)

    window = open_window(prepare, **kwargs)
    return window, found["blog"], found["other"], found["ids"], found["sids"]


def test_new_part_of_followed_series_raises_one_notification(qtbot, open_window, clock) -> None:
    window, blog, other, _ids, sids = window_with_library(open_window, clock)
    store = window.library.store
    store.set_followed(sids["transfer"], True)
    store.set_followed(sids["ts"], True)
    notes: list = []
    window.series_commands.notifier.notified.connect(notes.append)

    # one followed part and one of an unfollowed series: one notification, about the first
    clock.tick()
    sync_run(
        window,
        new_parts(
            store,
            blog.id,
            series_items("transfer", "Transfer Learning", [6]) + series_items("gan", "GAN", [3]),
        ),
    )
    assert [n.text for n in notes] == [
        "New part of Transfer: Part 6 — Transfer Learning (6): Topic 6"
    ]
    assert window.statusBar().currentMessage() == notes[0].text  # offscreen: no tray
    assert notes[0].series_ids == (sids["transfer"],)

    # two feeds, three parts of two followed series in one run: still ONE notification
    clock.tick()
    sync_run(
        window,
        new_parts(store, blog.id, series_items("transfer", "Transfer Learning", [7, 8])),
        new_parts(store, other.id, series_items("ts", "Time Series", [4])),
    )
    assert len(notes) == 2
    assert notes[1].text == "3 new parts in 2 followed series: Transfer, Ts"

    # only unfollowed series: no notification
    sync_run(window, new_parts(store, blog.id, series_items("nlp", "NLP", [4])))
    sync_run(window)  # nothing new at all
    assert len(notes) == 2


def test_notifier_uses_the_injected_display(qtbot, lib) -> None:
    store, _clock, blog, _other, _ids, sids = lib
    store.set_followed(sids["gan"], True)
    shown: list = []
    notifier = FollowNotifier(store, show=lambda n: shown.append(n) or True)
    status: list = []
    notifier.statusMessage.connect(status.append)
    notifier.begin()
    notifier.add_result(new_parts(store, blog.id, series_items("gan", "GAN", [3, 4])))
    note = notifier.finish()
    assert note is not None and note.text == "2 new parts of Gan"
    assert summarize([]) is None
    assert shown == [note] and status == []  # shown by the display, not the status bar


# --- following from the keyboard, the menu and the series pane ---------------------------


def test_f_toggles_follow_on_series_and_on_an_article(qtbot, open_window, clock) -> None:
    window, _blog, _other, ids, sids = window_with_library(open_window, clock)
    store, model = window.library.store, window.model
    window.tree.select_index(model.series_index(sids["nlp"]))
    assert window.right_stack.currentWidget() is window.series_pane
    qtbot.keyClick(window, "f")
    assert store.get_series(sids["nlp"]).followed is True
    qtbot.waitUntil(lambda: window.tree.currentIndex().data(DISPLAY) == "★ Nlp", timeout=3000)
    assert window.series_pane.follow_button().isChecked()
    qtbot.keyClick(window, "f")
    assert store.get_series(sids["nlp"]).followed is False
    qtbot.waitUntil(lambda: window.tree.currentIndex().data(DISPLAY) == "Nlp", timeout=3000)
    window.show_article_in_tree(ids["gan-2"])
    qtbot.keyClick(window, "f")
    assert store.get_series(sids["gan"]).followed is True
    assert "Following “Gan”" in window.statusBar().currentMessage()
    assert ("F", "Follow series") in shortcut_rows()
    assert any(b.command == "toggle_follow" and b.keys == ("f",) for b in BINDINGS)


def test_context_menus_offer_follow_and_find_missing_parts(qtbot, open_window, clock) -> None:
    window, blog, _other, _ids, sids = window_with_library(open_window, clock)
    tree, model = window.tree, window.model

    def actions(node) -> dict:
        menu = QMenu(tree)
        tree.fill_menu(menu, node)
        return {a.text(): a for a in menu.actions() if a.text()}

    series_node = model.node(model.series_index(sids["transfer"]))
    menu = actions(series_node)
    assert "Find missing parts" in menu
    with qtbot.waitSignal(tree.findMissingRequested, timeout=1000) as asked:
        menu["Find missing parts"].trigger()
    assert asked.args == [(sids["transfer"],), None]
    menu["Follow series"].trigger()
    assert window.library.store.get_series(sids["transfer"]).followed is True
    qtbot.waitUntil(
        lambda: "Unfollow series" in actions(model.node(model.series_index(sids["transfer"]))),
        timeout=3000,
    )

    feed_menu = actions(model.node(model.feed_index(blog.id)))
    with qtbot.waitSignal(tree.findMissingRequested, timeout=1000) as asked:
        feed_menu["Find missing parts (all series)"].trigger()
    assert asked.args == [None, blog.id]
    assert window.menus.action("find_missing_parts").text() == "Find missing parts"


def test_series_pane_follow_button_and_time_left(qtbot, lib) -> None:
    store, clock, _blog, _other, ids, sids = lib
    read(store, clock, ids["transfer-1"])
    library = Library(store)
    pane = SeriesPane(library)
    qtbot.addWidget(pane)
    pane.show_series(sids["transfer"])
    assert pane.time_left_text() == "6 min left to read"  # 3 unread parts × 460 words
    with qtbot.waitSignal(pane.followToggled, timeout=1000) as sig:
        pane.follow_button().click()
    assert sig.args == [sids["transfer"], True]
    assert store.get_series(sids["transfer"]).followed is True
    assert pane.follow_button().text() == "★ Following"
    with qtbot.waitSignal(pane.findMissingRequested, timeout=1000) as sig:
        pane.find_button().click()
    assert sig.args == [sids["transfer"]]


# --- n/p inside a series and the next-part offer ---------------------------------------


def test_n_and_p_walk_the_series_parts_in_order(qtbot, open_window, clock) -> None:
    window, _blog, _other, ids, _sids = window_with_library(open_window, clock)
    store = window.library.store
    read(store, clock, ids["transfer-1"])
    read(store, clock, ids["transfer-3"])
    continue_view = smart_index(window.model, SmartView.CONTINUE)
    window.model.load_now(window.model.node(continue_view))
    first = window.model.index(0, 0, continue_view)
    assert first.data(DISPLAY) == "Transfer Learning (2): Topic 2"
    window.tree.select_index(first)
    shown = window.article_pane.current_article_id
    assert shown() == ids["transfer-2"]
    qtbot.keyClick(window, "n")  # part 3 is read, part 4 missing: part 5
    assert shown() == ids["transfer-5"]
    assert window.tree.selected_node().article.id == ids["transfer-5"]
    qtbot.keyClick(window, "p")
    assert shown() == ids["transfer-2"]
    store.mark_read([ids["transfer-5"]], False)
    store.mark_read([ids["transfer-3"]], False)
    qtbot.keyClick(window, "n")
    assert shown() == ids["transfer-3"]
    qtbot.keyClick(window, "n")
    assert shown() == ids["transfer-5"]


def test_header_offers_the_next_part_and_names_a_gap(qtbot, lib) -> None:
    store, _clock, _blog, _other, ids, sids = lib
    pane = ArticlePane(Library(store))
    qtbot.addWidget(pane)
    pane.show_article(ids["transfer-2"])
    assert pane.next_part_label() == "Next: Part 3 — Transfer Learning (3): Topic 3 ▶"
    assert pane.missing_after() == ()
    pane.show_article(ids["transfer-3"])
    assert pane.next_part_label() == "Next: Part 5 — Transfer Learning (5): Topic 5 ▶"
    assert pane.missing_after() == (4,)
    assert "Part 4 missing" in pane.findChild(type(pane._gap), "partGap").text()
    with qtbot.waitSignal(pane.findMissingRequested, timeout=1000) as sig:
        pane._gap.linkActivated.emit("find-missing")
    assert sig.args == [sids["transfer"]]
    pane.show_article(ids["transfer-5"])
    assert pane.next_part_label() == "Next part ▶" and pane.missing_after() == ()
    assert gap_after(2, (1, 2, 6)) == (3, 4, 5)
    assert next_part_text(store.get_article(ids["solo"])).startswith("Next: Mixed")


# --- find missing parts in its own thread ---------------------------------------------------


def report(series_id: int, new: tuple[int, ...] = (), errors: tuple[str, ...] = ()):
    return BackfillReport(series_id, "S", new, (), (), 1, 0, errors)


class FakeLibrary:
    def __init__(self, fail: bool = False) -> None:
        self.calls: list = []
        self.threads: list = []
        self.fail = fail

    def backfill(self, series_ids=None, *, feed_id=None, cancel=None, on_progress=None):
        self.calls.append((series_ids, feed_id, isinstance(cancel, threading.Event)))
        self.threads.append(threading.current_thread())
        if self.fail:
            raise RuntimeError("site unreachable")
        for done in range(3):
            on_progress(done, 2)
        return [report(1, (10, 11)), report(2, (12,)), report(3)]


def test_backfill_controller_signals_with_a_fake_library(qtbot) -> None:
    fake = FakeLibrary()
    controller = BackfillController(fake)
    progress: list = []
    controller.progress.connect(lambda d, t: progress.append((d, t)))
    try:
        assert controller.available()
        with qtbot.waitSignal(controller.finished, timeout=3000) as done:
            assert controller.start([1, 2, 3])
            assert not controller.start([4])  # one search at a time
        assert fake.calls == [((1, 2, 3), None, True)]
        assert fake.threads[0] is not threading.main_thread()
        assert progress == [(0, 2), (1, 2), (2, 2)]
        assert describe_reports(done.args[0]) == "Found 3 missing parts in 2 series"
        assert not controller.is_running()
        with qtbot.waitSignal(controller.finished, timeout=3000):
            controller.start(feed_id=7)
        assert fake.calls[-1] == (None, 7, True)
    finally:
        assert controller.shutdown(3000)
    failing = BackfillController(FakeLibrary(fail=True))
    try:
        with qtbot.waitSignal(failing.failed, timeout=3000) as failed:
            failing.start([1])
        assert failed.args == ["Finding missing parts failed: site unreachable"]
    finally:
        assert failing.shutdown(3000)
    assert not BackfillController(object()).available()


def test_describe_reports() -> None:
    assert describe_reports([report(1)]) == "No missing parts found (1 series searched)"
    assert (
        describe_reports([report(1, (5,), errors=("HTTP 404 on sitemap",))], cancelled=True)
        == "Found 1 missing part in 1 series; 1 problem: HTTP 404 on sitemap (cancelled)"
    )


def test_find_missing_parts_from_the_window(qtbot, open_window, clock) -> None:
    found: dict[str, object] = {}

    def hook(library: Library) -> None:
        def backfill(series_ids=None, *, feed_id=None, cancel=None, on_progress=None):
            on_progress(0, 1)
            store = library.store
            outcome = store.upsert_entries(
                found["blog"].id, series_items("transfer", "Transfer Learning", [4])
            )
            on_progress(1, 1)
            return [report(series_ids[0], tuple(outcome.new_ids))]

        library.backfill = backfill  # type: ignore[attr-defined]

    def prepare(store) -> None:
        blog, _other, ids, sids = fill(store, clock)
        found.update(blog=blog, ids=ids, sids=sids)

    window = open_window(prepare, library_hook=hook)
    sids = found["sids"]
    window.tree.select_index(window.model.series_index(sids["transfer"]))
    window.tree.expand(window.tree.currentIndex())
    assert window.series_pane.current_series_id() == sids["transfer"]
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    with qtbot.waitSignal(window.series_commands.backfill.finished, timeout=3000):
        window.series_pane.find_button().click()
    assert "Finding missing parts: 1 of 1 series…" in messages
    assert window.statusBar().currentMessage() == "Found 1 missing part in 1 series"
    series = window.tree.currentIndex()
    qtbot.waitUntil(
        lambda: (
            window.model.index(3, 0, series).data() == "Part 4 — Transfer Learning (4): Topic 4"
        ),
        timeout=3000,
    )
    parts = window.series_pane.parts_list()
    assert "Part 4 — Transfer Learning (4): Topic 4" in parts.item(3).text()
    assert window.library.store.list_articles(ArticleQuery(series_id=sids["transfer"]))
