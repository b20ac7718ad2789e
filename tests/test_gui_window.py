"""The main window driven like a user would: keys, filter, sync status, first run, settings."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from helpers import entry, incoming
from readinglist import __version__
from readinglist.gui.actions import BINDINGS
from readinglist.gui.main_window import MainWindow
from readinglist.gui.tree_model import IdRole
from readinglist.gui.tree_nodes import NodeType
from readinglist.model.query import ArticleQuery
from readinglist.model.records import FeedSyncResult, SyncStatus

DATA = Path(__file__).parent / "data" / "feeds"


def fill(store):
    """Example Blog: Transfer parts 1, 2, 4 and two standalone posts."""
    feed = store.add_feed("https://blog.example/feed.xml", title="Example Blog")
    store.upsert_entries(
        feed.id,
        [
            incoming(entry("tl-1", "Transfer Learning (1): Pretraining", day=1), "transfer", 1),
            incoming(entry("tl-2", "Transfer Learning (2): Fine-Tuning", day=2), "transfer", 2),
            incoming(
                entry("tl-4", "Transfer Learning (4): Domain Adaptation", day=4), "transfer", 4
            ),
            incoming(entry("solo-a", "Mixed Precision Checklist", day=5)),
        ],
    )
    return feed, {a.guid: a.id for a in store.list_articles(ArticleQuery(feed_id=feed.id))}


def current_article(window: MainWindow) -> int | None:
    node = window.tree.current_node()
    return node.article.id if node is not None and node.article is not None else None


def press(qtbot, window: MainWindow, key: str) -> None:
    qtbot.keyClick(window, key)


def test_starts_with_focus_on_tree_and_j_selects_first_article(qtbot, open_window) -> None:
    ids: dict[str, int] = {}
    window = open_window(lambda s: ids.update(fill(s)[1]))
    assert QApplication.focusWidget() is window.tree
    assert current_article(window) is None
    press(qtbot, window, "j")
    assert current_article(window) == ids["tl-1"]
    assert window.article_pane.current_article_id() == ids["tl-1"]
    press(qtbot, window, "j")
    assert current_article(window) == ids["tl-2"]
    press(qtbot, window, "j")  # the placeholder for part 3 is skipped
    assert current_article(window) == ids["tl-4"]
    press(qtbot, window, "j")  # into the standalone group
    assert current_article(window) == ids["solo-a"]
    press(qtbot, window, "k")
    press(qtbot, window, "k")
    assert current_article(window) == ids["tl-2"]


def test_m_and_s_toggle_and_n_p_skip_read(qtbot, open_window) -> None:
    ids: dict[str, int] = {}
    window = open_window(lambda s: ids.update(fill(s)[1]))
    store = window.library.store
    press(qtbot, window, "j")
    press(qtbot, window, "m")
    assert store.get_article(ids["tl-1"]).read is True
    press(qtbot, window, "s")
    assert store.get_article(ids["tl-1"]).starred is True
    press(qtbot, window, "s")
    assert store.get_article(ids["tl-1"]).starred is False
    # the tree row follows: not bold any more
    index = window.tree.currentIndex()
    font = index.data(Qt.ItemDataRole.FontRole)
    assert font is None or not font.bold()
    store.mark_read([ids["tl-2"]], True)
    window.model.article_changed(ids["tl-2"])
    press(qtbot, window, "n")  # skips the read part 2
    assert current_article(window) == ids["tl-4"]
    press(qtbot, window, "p")  # nothing unread before: stays
    assert current_article(window) == ids["tl-4"]
    press(qtbot, window, "m")
    press(qtbot, window, "m")
    assert store.get_article(ids["tl-4"]).read is False


def test_letters_typed_in_the_notes_editor_stay_there(qtbot, open_window) -> None:
    ids: dict[str, int] = {}
    window = open_window(lambda s: ids.update(fill(s)[1]))
    press(qtbot, window, "j")
    press(qtbot, window, "e")
    editor = window.article_pane.notes_editor().editor()
    assert QApplication.focusWidget() is editor
    qtbot.keyClicks(editor, "jms")
    assert editor.toPlainText() == "jms"
    article = window.library.store.get_article(ids["tl-1"])
    assert (article.read, article.starred) == (False, False)
    assert current_article(window) == ids["tl-1"]
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.tree
    window.article_pane.flush_note()
    assert window.library.store.get_note(ids["tl-1"]) == "jms"


def test_slash_focuses_filter_and_letters_there_do_not_trigger(qtbot, open_window) -> None:
    ids: dict[str, int] = {}
    window = open_window(lambda s: ids.update(fill(s)[1]))
    press(qtbot, window, "j")
    press(qtbot, window, "/")
    box = window.filter_bar.edit
    assert QApplication.focusWidget() is box
    qtbot.keyClicks(box, "jms")
    assert box.text() == "jms"
    article = window.library.store.get_article(ids["tl-1"])
    assert (article.read, article.starred) == (False, False)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() in (window.tree, window.results)


def test_filter_shows_results_while_typing(qtbot, open_window) -> None:
    ids: dict[str, int] = {}
    window = open_window(lambda s: ids.update(fill(s)[1]))
    window.filter_bar.focus_filter()
    qtbot.keyClicks(window.filter_bar.edit, "domain adapt")
    qtbot.waitUntil(lambda: window.left_stack.currentWidget() is window.results, timeout=5000)
    qtbot.waitUntil(lambda: window.results_model.rowCount() == 1, timeout=5000)
    assert window.results_model.articles[0].id == ids["tl-4"]
    window.results.setFocus()
    press(qtbot, window, "j")
    assert window.article_pane.current_article_id() == ids["tl-4"]
    window.filter_bar.edit.clear()
    assert window.left_stack.currentWidget() is window.tree


def test_sync_status_with_a_failing_feed_and_no_dialog(qtbot, open_window, loopback) -> None:
    loopback.route(
        "/good.xml", body=(DATA / "rss20.xml").read_bytes(), content_type="application/rss+xml"
    )
    loopback.route("/bad.xml", status=500, body="boom")

    def prepare(store) -> None:
        store.add_feed(loopback.url("/good.xml"), title="Good")
        store.add_feed(loopback.url("/bad.xml"), title="Bad")

    window = open_window(prepare)
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    window.run_command("sync_now")
    qtbot.waitUntil(
        lambda: not window.sync.is_running() and "failed" in window.statusBar().currentMessage(),
        timeout=20000,
    )
    assert window.statusBar().currentMessage() == "2 new articles, 1 feed failed"
    assert any(m.startswith("Syncing ") and " of 2 feeds…" in m for m in messages)
    assert QApplication.activeModalWidget() is None

    def bad_row_has_icon() -> bool:
        for row in range(window.model.rowCount()):
            index = window.model.index(row, 0)
            if index.data() == "Bad":
                return index.data(Qt.ItemDataRole.DecorationRole) is not None
        return False

    qtbot.waitUntil(bad_row_has_icon, timeout=5000)
    qtbot.waitUntil(lambda: window.model.index(0, 0).data() == "All unread (2)", timeout=5000)


def test_new_articles_keep_selection_and_the_note_being_typed(qtbot, open_window) -> None:
    feed_ids: dict[str, int] = {}
    ids: dict[str, int] = {}

    def prepare(store) -> None:
        feed, found = fill(store)
        feed_ids["feed"] = feed.id
        ids.update(found)

    window = open_window(prepare)
    press(qtbot, window, "j")
    press(qtbot, window, "j")
    press(qtbot, window, "e")
    editor = window.article_pane.notes_editor().editor()
    qtbot.keyClicks(editor, "half a thought")
    outcome = window.library.store.upsert_entries(
        feed_ids["feed"],
        [incoming(entry("tl-3", "Transfer Learning (3): Features", day=3), "transfer", 3)],
    )
    window._sync_result(
        FeedSyncResult(
            feed_ids["feed"], "u", SyncStatus.UPDATED, new_count=1, new_article_ids=outcome.new_ids
        )
    )
    series = window.tree.currentIndex().parent()
    qtbot.waitUntil(
        lambda: (
            window.model.index(2, 0, series).data() == "Part 3 — Transfer Learning (3): Features"
        ),
        timeout=5000,
    )
    assert current_article(window) == ids["tl-2"]
    assert editor.toPlainText() == "half a thought"
    assert QApplication.focusWidget() is editor


def test_empty_state_and_sample_library(qtbot, open_window) -> None:
    window = open_window()
    assert window.right_stack.currentWidget() is window.empty_state
    assert window.empty_state.is_first_run()
    qtbot.mouseClick(window.empty_state.sample_button, Qt.MouseButton.LeftButton)

    def feeds() -> list[str]:
        model = window.model
        return [
            model.index(r, 0).data()
            for r in range(model.rowCount())
            if model.index(r, 0).data(IdRole) is not None
            and model.node(model.index(r, 0)).type is NodeType.FEED
        ]

    qtbot.waitUntil(lambda: len(feeds()) == 3, timeout=5000)
    assert "The Deep Learning Notebook" in feeds()
    assert not window.empty_state.is_first_run()
    row = feeds().index("The Deep Learning Notebook") + 6  # below the smart views
    feed_index = window.model.index(row, 0)
    window.tree.expand(feed_index)
    qtbot.waitUntil(lambda: window.model.rowCount(feed_index) >= 2, timeout=5000)
    names = [
        window.model.index(r, 0, feed_index).data()
        for r in range(window.model.rowCount(feed_index))
    ]
    assert names == ["Transfer Learning", "Standalone"]
    series = window.model.index(0, 0, feed_index)
    window.tree.expand(series)
    qtbot.waitUntil(lambda: window.model.rowCount(series) == 6, timeout=5000)
    titles = [window.model.index(r, 0, series).data() for r in range(6)]
    assert titles[2] == "Part 3 — not in the feed"
    assert titles[4] == "Part 5 — not in the feed"


def test_selection_and_geometry_restored_in_a_second_window(qtbot, open_window) -> None:
    ids: dict[str, int] = {}
    window = open_window(lambda s: ids.update(fill(s)[1]))
    window.tree.select_article(ids["tl-4"])
    window.resize(760, 540)  # inside the offscreen screen, so restoring does not clamp it
    qtbot.waitUntil(lambda: window.width() == 760)
    window.splitter.setSizes([250, 500])
    sizes = window.splitter.sizes()
    window.close()
    second = open_window()
    assert current_article(second) == ids["tl-4"]
    assert second.article_pane.current_article_id() == ids["tl-4"]
    assert second.size() == window.size()
    assert second.splitter.sizes() == sizes
    assert QApplication.focusWidget() is second.tree


def test_shortcuts_dialog_comes_from_the_binding_table(qtbot, open_window) -> None:
    window = open_window()
    dialog = window.show_shortcuts()
    qtbot.addWidget(dialog)
    table = dialog.table
    shown = {table.item(r, 1).text() for r in range(table.rowCount())}
    assert {b.label.rstrip("…") for b in BINDINGS if b.keys} == shown
    keys = {table.item(r, 0).text() for r in range(table.rowCount())}
    assert "J" in keys and "F5 or R" in keys and "/ or Ctrl+F" in keys
    dialog.close()
    about = window.show_about()
    qtbot.addWidget(about)
    assert __version__ in about.text.text()
    about.close()


def test_unread_only_toggle_filters_the_tree(qtbot, open_window) -> None:
    ids: dict[str, int] = {}
    window = open_window(lambda s: ids.update(fill(s)[1]))
    window.library.store.mark_read([ids["tl-1"], ids["tl-2"]], True)
    window.filter_bar.unread_only.setChecked(True)
    index = window.model.article_index(ids["tl-4"])
    series = index.parent()
    rows = [window.model.index(r, 0, series).data() for r in range(window.model.rowCount(series))]
    assert rows == ["Part 4 — Transfer Learning (4): Domain Adaptation"]
    assert not window.model.article_index(ids["tl-1"]).isValid()
    assert window.menus.action("toggle_unread_only").isChecked()
    assert window.tree.currentIndex() == QModelIndex() or current_article(window) is None


def test_feed_page_counts_follow_a_sync(qtbot, open_window) -> None:
    """The feed's page on the right updates its counts when a sync adds articles."""
    feed_ids: dict[str, int] = {}

    def prepare(store) -> None:
        feed, _ = fill(store)
        feed_ids["feed"] = feed.id

    window = open_window(prepare)
    index = window.model.feed_index(feed_ids["feed"])
    window.tree.setCurrentIndex(index)
    window.tree.selectionModel().select(
        index, window.tree.selectionModel().SelectionFlag.ClearAndSelect
    )
    qtbot.waitUntil(lambda: window.empty_state.text.text().startswith("4 articles, 4 unread"))
    outcome = window.library.store.upsert_entries(
        feed_ids["feed"], [incoming(entry("new-1", "A brand new post", day=9))]
    )
    window._sync_result(
        FeedSyncResult(
            feed_ids["feed"], "u", SyncStatus.UPDATED, new_count=1, new_article_ids=outcome.new_ids
        )
    )
    window._sync_done()
    assert window.empty_state.text.text().startswith("5 articles, 5 unread")


def fill_two_feeds(store):
    """``fill`` plus a second feed whose standalone post matches "rotary"."""
    _feed, ids = fill(store)
    other = store.add_feed("https://other.example/feed.xml", title="Other Blog")
    store.upsert_entries(
        other.id,
        [
            incoming(entry("rot", "Rotary Embeddings, Explained Slowly", day=7)),
            incoming(entry("misc", "Unrelated Notes", day=8)),
        ],
    )
    ids.update({a.guid: a.id for a in store.list_articles(ArticleQuery(feed_id=other.id))})
    return ids


def filter_for(qtbot, window: MainWindow, text: str) -> None:
    window.filter_bar.focus_filter()
    qtbot.keyClicks(window.filter_bar.edit, text)
    qtbot.waitUntil(
        lambda: (
            window.left_stack.currentWidget() is window.results
            and window.results_model.query == text
        ),
        timeout=5000,
    )


def test_filter_result_rows_say_feed_series_part_date_and_the_words(qtbot, open_window) -> None:
    from readinglist.gui.filter_bar import ExcerptRole, MetaRole

    ids: dict[str, int] = {}
    window = open_window(lambda s: ids.update(fill(s)[1]))
    filter_for(qtbot, window, "domain adapt")
    model = window.results_model
    assert model.rowCount() == 1
    row = model.index(0)
    assert row.data() == "Transfer Learning (4): Domain Adaptation"  # the whole title
    assert row.data(MetaRole) == "Example Blog · Transfer, part 4 · 2024-01-04"
    qtbot.waitUntil(lambda: bool(row.data(ExcerptRole)), timeout=5000)
    assert [piece for piece, match in row.data(ExcerptRole) if match] == ["Domain", "Adaptation"]
    tip = row.data(Qt.ItemDataRole.ToolTipRole)
    assert (
        tip
        == "Transfer Learning (4): Domain Adaptation\nExample Blog · Transfer, part 4 · 2024-01-04"
    )


def test_a_long_result_title_wraps_instead_of_being_cut(qtbot, open_window) -> None:
    long_title = "Transfer Learning (9): " + " ".join(["a very long and winding title"] * 6)

    def prepare(store) -> None:
        feed, _ = fill(store)
        store.upsert_entries(feed.id, [incoming(entry("tl-9", long_title, day=9), "transfer", 9)])

    window = open_window(prepare)
    filter_for(qtbot, window, "transfer")
    model, view = window.results_model, window.results
    qtbot.waitUntil(lambda: model.rowCount() == 4, timeout=5000)
    rows = {model.index(r).data(): model.index(r) for r in range(model.rowCount())}
    delegate = view.itemDelegate()
    option = QStyleOptionViewItem()
    tall = delegate.sizeHint(option, rows[long_title]).height()
    short = delegate.sizeHint(option, rows["Transfer Learning (1): Pretraining"]).height()
    assert tall >= short + 2 * view.fontMetrics().lineSpacing()  # three lines or more


def test_clearing_the_filter_returns_to_the_tree_with_that_article(qtbot, open_window) -> None:
    ids: dict[str, int] = {}
    window = open_window(lambda s: ids.update(fill_two_feeds(s)))
    tree, model = window.tree, window.model
    press(qtbot, window, "j")  # Example Blog › Transfer › Part 1: expands that branch
    transfer = tree.currentIndex().parent()
    assert tree.isExpanded(transfer)
    filter_for(qtbot, window, "rotary")
    assert window.results_model.articles[0].id == ids["rot"]
    window.results.setCurrentIndex(window.results_model.index(0))
    assert window.article_pane.current_article_id() == ids["rot"]
    window.filter_bar.edit.clear()  # emptying the box

    assert window.left_stack.currentWidget() is tree
    assert current_article(window) == ids["rot"]
    assert tree.selectionModel().isSelected(tree.currentIndex())
    assert tree.viewport().rect().intersects(tree.visualRect(tree.currentIndex()))
    assert model.node(tree.currentIndex().parent()).type is NodeType.STANDALONE
    assert tree.isExpanded(transfer)  # the branch open before the filter stays open
    assert window.article_pane.current_article_id() == ids["rot"]
    assert window.right_stack.currentWidget() is window.article_pane


def test_escape_in_the_filter_clears_it_and_keeps_the_open_article(qtbot, open_window) -> None:
    ids: dict[str, int] = {}
    window = open_window(lambda s: ids.update(fill_two_feeds(s)))
    press(qtbot, window, "j")
    press(qtbot, window, "j")  # Part 2 open
    filter_for(qtbot, window, "nothing matches this")
    assert window.results_model.rowCount() == 0
    qtbot.keyClick(window.filter_bar.edit, Qt.Key.Key_Escape)
    assert window.filter_bar.edit.text() == ""
    assert window.left_stack.currentWidget() is window.tree
    assert QApplication.focusWidget() is window.tree
    assert current_article(window) == ids["tl-2"]
    assert window.article_pane.current_article_id() == ids["tl-2"]


def test_a_common_word_shows_a_first_screen_then_the_full_list(qtbot, open_window) -> None:
    """Over more matches than a screen, the newest whole-word matches show first and the
    full list (with the longer words the filter also finds) follows below them, keeping
    the rows on screen and the picked row."""
    from readinglist.gui.navigation import FIRST_ROWS

    def prepare(store) -> None:
        feed = store.add_feed("https://many.example/feed.xml", title="Many")
        store.upsert_entries(
            feed.id,
            [
                incoming(entry(f"p{n}", f"Notes {n} on data pipelines", day=1 + n % 28))
                for n in range(FIRST_ROWS + 30)
            ]
            + [incoming(entry("db", "Database notes", day=1))],  # found by the prefix only
        )

    window = open_window(prepare)
    shown: list[tuple[int, bool]] = []
    model = window.results_model
    model.modelReset.connect(lambda: shown.append((len(model.articles), model.partial)))
    window.filter_bar.focus_filter()
    qtbot.keyClicks(window.filter_bar.edit, "data")
    qtbot.waitUntil(
        lambda: model.query == "data" and not model.partial and len(model.articles) > FIRST_ROWS,
        timeout=5000,
    )
    assert shown[0] == (FIRST_ROWS, True)  # the first screen came first
    assert len(model.articles) == FIRST_ROWS + 31
    titles = [a.title for a in model.articles]
    assert "Database notes" in titles and "Database notes" not in titles[:FIRST_ROWS]
    assert "match" in window.statusBar().currentMessage()
    # the same words again after clearing the box: a first screen again, then the list
    window.filter_bar.edit.clear()
    shown.clear()
    qtbot.keyClicks(window.filter_bar.edit, "data")
    qtbot.waitUntil(lambda: bool(shown) and not model.partial, timeout=5000)
    assert shown[0] == (FIRST_ROWS, True) and len(model.articles) == FIRST_ROWS + 31
