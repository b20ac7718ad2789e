"""Notes are never lost: switching, quitting, a sync rewriting the article, the debounce.

Every check of what is on disk opens a fresh ``Store`` on the same file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication

from helpers import entry, incoming
from readinglist.gui.article_view import ArticlePane
from readinglist.gui.notes_editor import NotesEditor
from readinglist.gui.series_pane import SeriesPane, series_rows
from readinglist.model.records import IncomingArticle, SeriesGuess
from readinglist.services.library import Library
from readinglist.storage.store import Store


def on_disk(path: Path, article_id: int) -> str | None:
    with Store(path) as fresh:
        return fresh.get_note(article_id)


def series_note_on_disk(path: Path, series_id: int) -> str | None:
    with Store(path) as fresh:
        return fresh.get_series(series_id).note


@pytest.fixture
def feed_id(store: Store) -> int:
    return store.add_feed("https://blog.example/feed.xml", title="Example").id


@pytest.fixture
def ids(store: Store, feed_id: int) -> tuple[int, int, int]:
    outcome = store.upsert_entries(
        feed_id,
        [
            incoming(entry("p1", "Transfer Learning (1): Intro", day=1), "tl", 1),
            incoming(entry("p2", "Transfer Learning (2): Fine-tuning", day=2), "tl", 2),
            incoming(entry("p4", "Transfer Learning (4): Multi-task", day=4), "tl", 4),
        ],
    )
    a, b, c = outcome.new_ids
    return a, b, c


@pytest.fixture
def pane(qtbot, store: Store) -> ArticlePane:
    widget = ArticlePane(Library(store))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def type_into(qtbot, editor: NotesEditor, text: str) -> None:
    qtbot.keyClicks(editor.editor(), text)


def test_switching_article_saves_the_note(qtbot, pane: ArticlePane, store: Store, ids) -> None:
    a, b, _ = ids
    pane.show_article(a)
    type_into(qtbot, pane.notes_editor(), "remember the warm-up")
    assert pane.notes_editor().is_dirty()
    with qtbot.waitSignal(pane.notes_editor().noteSaved, timeout=1000) as saved:
        pane.show_article(b)
    assert saved.args == [a]
    assert pane.notes_editor().text() == ""
    assert on_disk(store.path, a) == "remember the warm-up"
    pane.show_article(a)
    assert pane.notes_editor().text() == "remember the warm-up"


def test_flush_on_quit_saves_at_once(qtbot, pane: ArticlePane, store: Store, ids) -> None:
    a, *_ = ids
    pane.show_article(a)
    type_into(qtbot, pane.notes_editor(), "typed just before quitting")
    assert pane.flush_note()  # what the window does on quit / SIGTERM
    assert on_disk(store.path, a) == "typed just before quitting"
    assert pane.notes_editor().status_text() == "Saved"


def test_typing_during_a_sync_keeps_the_text(
    qtbot, pane: ArticlePane, store: Store, feed_id: int, ids
) -> None:
    a, *_ = ids
    store.set_note(a, "old note")
    pane.show_article(a)
    editor = pane.notes_editor()
    editor.editor().moveCursor(editor.editor().textCursor().MoveOperation.End)
    type_into(qtbot, editor, " and more")
    # The sync thread rewrites the same article (feed-owned columns), then the window
    # refreshes the pane while the user is still typing.
    changed = store.upsert_entries(
        feed_id,
        [
            incoming(
                entry("p1", "Transfer Learning (1): Intro, revised", summary="<p>v2 body</p>"),
                "tl",
                1,
                chash="h2",
            )
        ],
    )
    assert changed.updated_ids == (a,)
    pane.refresh()
    assert pane.current_article().title == "Transfer Learning (1): Intro, revised"  # type: ignore[union-attr]
    assert "v2 body" in pane.browser().toPlainText()
    assert editor.text() == "old note and more"
    type_into(qtbot, editor, "!")
    assert pane.flush_note()
    assert on_disk(store.path, a) == "old note and more!"
    with Store(store.path) as fresh:
        assert fresh.get_article(a).note == "old note and more!"
        assert fresh.get_article(a).title == "Transfer Learning (1): Intro, revised"


def test_note_changed_elsewhere_shows_when_not_editing(pane: ArticlePane, store: Store, ids):
    a, *_ = ids
    pane.show_article(a)
    store.set_note(a, "written from the CLI")
    pane.refresh()
    assert pane.notes_editor().text() == "written from the CLI"
    assert not pane.notes_editor().is_dirty()


def test_debounce_saves_after_typing_stops(qtbot, pane: ArticlePane, store: Store, ids) -> None:
    a, *_ = ids
    pane.show_article(a)
    type_into(qtbot, pane.notes_editor(), "autosaved")
    assert store.get_note(a) is None  # not yet: the timer is running
    assert pane.notes_editor().status_text() == "Editing…"
    qtbot.waitUntil(lambda: store.get_note(a) == "autosaved", timeout=3000)
    assert not pane.notes_editor().is_dirty()
    assert on_disk(store.path, a) == "autosaved"


def test_focus_out_and_escape_save(qtbot, pane: ArticlePane, store: Store, ids) -> None:
    a, b, _ = ids
    pane.show_article(a)
    editor = pane.notes_editor()
    type_into(qtbot, editor, "on focus out")
    QApplication.sendEvent(editor.editor(), QFocusEvent(QEvent.Type.FocusOut))
    assert store.get_note(a) == "on focus out"
    pane.show_article(b)
    type_into(qtbot, editor, "on escape")
    with qtbot.waitSignal(editor.escapePressed, timeout=1000):
        qtbot.keyClick(editor.editor(), Qt.Key.Key_Escape)
    assert on_disk(store.path, b) == "on escape"


def test_clearing_the_text_removes_the_note(qtbot, pane: ArticlePane, store: Store, ids):
    a, *_ = ids
    store.set_note(a, "to be removed")
    pane.show_article(a)
    pane.notes_editor().set_text("")
    assert pane.flush_note()
    assert on_disk(store.path, a) is None


def test_series_pane_parts_gaps_and_note(qtbot, store: Store, ids) -> None:
    a, b, c = ids
    series_id = store.get_article(a).series_id
    assert series_id is not None
    pane = SeriesPane(Library(store))
    qtbot.addWidget(pane)
    pane.show()
    assert pane.show_series(series_id)
    rows = [pane.parts_list().item(i) for i in range(pane.parts_list().count())]
    texts = [r.text() for r in rows]
    assert [t.split(" — ")[0].strip(" •✓") for t in texts] == [
        "Part 1",
        "Part 2",
        "Part 3",
        "Part 4",
    ]
    assert "not in the feed" in texts[2]
    assert not rows[2].flags() & Qt.ItemFlag.ItemIsEnabled
    with qtbot.waitSignal(pane.articleActivated, timeout=1000) as activated:
        pane.parts_list().itemActivated.emit(rows[3])
    assert activated.args == [c]
    with qtbot.assertNotEmitted(pane.articleActivated):
        pane.parts_list().itemActivated.emit(rows[2])

    type_into(qtbot, pane.notes_editor(), "read part 3 when it appears")
    pane.clear()  # switching away saves
    assert series_note_on_disk(store.path, series_id) == "read part 3 when it appears"

    pane.show_series(series_id)
    with qtbot.waitSignal(pane.markSeriesRead, timeout=1000):
        assert pane.mark_series_read() == 3
    assert all(store.get_article(i).read for i in (a, b, c))
    assert pane.notes_editor().text() == "read part 3 when it appears"


def test_series_rows_put_a_missing_run_in_part_order(store: Store, ids) -> None:
    a, *_ = ids
    series = store.get_series(store.get_article(a).series_id)  # type: ignore[arg-type]
    rows = series_rows(series, store.list_articles())
    assert [aid is None for _, aid in rows] == [False, False, True, False]


def test_part_navigation(qtbot, pane: ArticlePane, ids) -> None:
    a, b, c = ids
    pane.show_article(b)
    assert (pane.previous_part_id(), pane.next_part_id()) == (a, c)
    assert "Part 2 of 4" in pane._series.text()
    with qtbot.waitSignal(pane.navigateRequested, timeout=1000) as nav:
        pane._next.click()
    assert nav.args == [c]
    pane.show_article(a)
    assert pane.previous_part_id() is None and not pane._prev.isEnabled()


def test_a_columns_post_counts_by_date_and_misses_nothing(
    qtbot, pane: ArticlePane, store: Store, feed_id: int
) -> None:
    """A column ("О книге «X»", one book a post) has no parts: the header counts its
    posts by date, and neither says "part" nor offers to find missing ones."""
    books = [(f"b{n}", f"О книге «Book {n}»", n) for n in (1, 2, 5)]
    column = [
        IncomingArticle(
            e := entry(guid, title, day=day),
            SeriesGuess("about book", "About Book", None, title, kind="recurring"),
            "h1",
            e.title,
        )
        for guid, title, day in books
    ]
    a, b, c = store.upsert_entries(feed_id, column).new_ids
    pane.show_article(b)
    assert pane._series.text() == "About Book — Column · 2 of 3, by date"
    assert (pane.previous_part_id(), pane.next_part_id()) == (a, c)
    assert pane._prev.text() == "◀ Previous post"
    assert pane.next_part_label() == "Next: О книге «Book 5» ▶" and pane.missing_after() == ()
    pane.show_article(c)
    assert pane.next_part_label() == "Next post ▶" and not pane._next.isEnabled()


def test_the_pieces_of_one_part_count_once(
    qtbot, pane: ArticlePane, store: Store, feed_id: int
) -> None:
    """Parts 1, 2, 2 and 3 (part 2 in two pieces) are a series of three, not four."""
    rows = [("k1", 1), ("k2a", 2), ("k2b", 2), ("k3", 3)]
    new = store.upsert_entries(
        feed_id, [incoming(entry(g, f"Kiln {g}", day=n), "kiln", part) for n, (g, part) in
                  enumerate(rows, start=1)],
    ).new_ids  # fmt: skip
    pane.show_article(new[2])
    assert pane._series.text().endswith("Part 2 of 3")


def test_read_and_star_toggles(qtbot, pane: ArticlePane, store: Store, ids) -> None:
    a, *_ = ids
    pane.show_article(a)
    with qtbot.waitSignal(pane.readToggled, timeout=1000) as toggled:
        pane.toggle_read()
    assert toggled.args == [a, True] and store.get_article(a).read
    with qtbot.waitSignal(pane.starToggled, timeout=1000) as starred:
        pane._star.click()
    assert starred.args == [a, True] and store.get_article(a).starred
    pane.toggle_read()
    assert not store.get_article(a).read


def test_mark_read_on_open(qtbot, store: Store, ids) -> None:
    a, *_ = ids
    pane = ArticlePane(Library(store), mark_read_on_open=True)
    qtbot.addWidget(pane)
    with qtbot.waitSignal(pane.readToggled, timeout=1000):
        pane.show_article(a)
    assert store.get_article(a).read
