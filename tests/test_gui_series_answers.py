"""The window says what detection knows: a guess is in italics with its reason, a
recurring column shows no missing parts, and Series ▸ Confirm series / Not a series
settle a guess in one step."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt

from helpers import entry
from readinglist.model.records import IncomingArticle, SeriesGuess

TOOLTIP = Qt.ItemDataRole.ToolTipRole
FONT = Qt.ItemDataRole.FontRole
WHY = "4 titles share the head 'Deep dive: …'; no part numbers"


def italic(index) -> bool:  # type: ignore[no-untyped-def]
    font = index.data(FONT)
    return font is not None and font.italic()


def fill(store) -> dict[str, int]:
    feed = store.add_feed("https://blog.example/feed.xml", title="Blog")
    guess = [
        IncomingArticle(
            entry(f"d{i}", f"Deep dive: {topic}", day=i),
            SeriesGuess("deep dive", "Deep dive", None, topic, strength="weak", why=WHY),
            "h",
            topic,
        )
        for i, topic in enumerate(("pods", "services", "ingress", "volumes"), 1)
    ]
    column = [
        IncomingArticle(
            entry(f"w{n}", f"Weekly roundup #{n}", day=10 + n),
            SeriesGuess("weekly", "Weekly roundup", None, "Weekly roundup", kind="recurring"),
            "h",
            "links",
        )
        for n in (1, 2, 5)
    ]
    store.upsert_entries(feed.id, guess + column)
    by_name = {s.name: s.id for s in store.list_series()}
    return {"guess": by_name["Deep dive"], "column": by_name["Weekly roundup"]}


def test_a_guess_is_marked_and_settled_from_the_series_menu(qtbot, open_window) -> None:
    ids: dict[str, int] = {}
    window = open_window(lambda store: ids.update(fill(store)))
    model, store = window.model, window.library.store

    guess = model.series_index(ids["guess"])
    assert italic(guess)
    assert "A guess" in guess.data(TOOLTIP) and WHY in guess.data(TOOLTIP)
    column = model.series_index(ids["column"])
    assert "recurring column" in column.data(TOOLTIP)
    model.load_now(model.node(column))
    assert [model.index(r, 0, column).data() for r in range(model.rowCount(column))] == [
        "Weekly roundup #1",
        "Weekly roundup #2",
        "Weekly roundup #5",
    ]  # by date, no "Parts 3–4 — not in the feed" row

    window.tree.select_index(guess)
    window.menus.action("confirm_series").trigger()
    assert not store.get_series(ids["guess"]).guess
    qtbot.waitUntil(lambda: not italic(model.series_index(ids["guess"])), timeout=3000)
    assert "no longer marked as a guess" in window.statusBar().currentMessage()

    window.tree.select_index(model.series_index(ids["guess"]))
    window.menus.action("not_a_series").trigger()
    assert "not a series: its 4 posts are standalone" in window.statusBar().currentMessage()
    assert [s.name for s in store.list_series()] == ["Weekly roundup"]
    qtbot.waitUntil(lambda: not model.series_index(ids["guess"]).isValid(), timeout=3000)


def test_the_series_page_says_why_and_one_click_settles_a_guess(qtbot, open_window) -> None:
    ids: dict[str, int] = {}
    window = open_window(lambda store: ids.update(fill(store)))
    pane, store = window.series_pane, window.library.store
    window.tree.select_index(window.model.series_index(ids["column"]))
    assert "recurring column" in pane._evidence.text()
    assert not pane.find_button().isVisible() and not pane._confirm.isVisible()

    window.tree.select_index(window.model.series_index(ids["guess"]))
    assert pane._evidence.text().startswith("A guess") and WHY in pane._evidence.text()
    assert pane._confirm.isVisible() and pane._dismiss.isVisible()
    qtbot.mouseClick(pane._dismiss, Qt.MouseButton.LeftButton)
    assert [s.name for s in store.list_series()] == ["Weekly roundup"]
    assert "is not a series" in window.statusBar().currentMessage()


def test_ctrl_z_takes_a_correction_back_but_not_from_the_notes(qtbot, open_window) -> None:
    """Edit ▸ Undo names what it takes back; Ctrl+Z in a note undoes the typing."""
    ids: dict[str, int] = {}
    window = open_window(lambda store: ids.update(fill(store)))
    model, store = window.model, window.library.store
    undo = window.menus.action("undo")
    assert not undo.isEnabled() and undo.shortcut().toString() == "Ctrl+Z"

    window.tree.select_index(model.series_index(ids["guess"]))
    window.menus.action("not_a_series").trigger()
    qtbot.waitUntil(lambda: not model.series_index(ids["guess"]).isValid(), timeout=3000)
    assert undo.isEnabled() and undo.text() == "Undo Not a series"

    window.tree.select_index(model.series_index(ids["column"]))
    notes = window.series_pane.notes_editor().editor()
    notes.setFocus()
    qtbot.keyClicks(notes, "keep")
    qtbot.keyClick(notes, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert notes.toPlainText() == ""  # the editor's own undo
    assert {s.name for s in store.list_series()} == {"Weekly roundup"}

    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: model.series_index(ids["guess"]).isValid(), timeout=3000)
    assert {s.name for s in store.list_series()} == {"Deep dive", "Weekly roundup"}
    assert italic(model.series_index(ids["guess"]))  # a guess again, as it was
    qtbot.waitUntil(  # and shown: the tree selects what came back
        lambda: window.tree.currentIndex() == model.series_index(ids["guess"]), timeout=3000
    )
    assert "Undid “Not a series”: 4 posts back as they were" in window.statusBar().currentMessage()
    assert not undo.isEnabled() and undo.text() == "Undo"


def test_ctrl_z_takes_back_marking_a_series_read(qtbot, open_window) -> None:
    ids: dict[str, int] = {}
    window = open_window(lambda store: ids.update(fill(store)))
    store, undo = window.library.store, window.menus.action("undo")
    window.tree.select_index(window.model.series_index(ids["column"]))
    assert window.series_pane.mark_series_read() == 3
    assert "(Ctrl+Z undoes it)" in window.statusBar().currentMessage()
    assert store.get_series(ids["column"]).read_count == 3
    assert undo.isEnabled() and undo.text() == "Undo Mark series read"
    undo.trigger()
    assert store.get_series(ids["column"]).read_count == 0
    assert "Undid “Mark series read”: 3 posts back as they were" in (
        window.statusBar().currentMessage()
    )
