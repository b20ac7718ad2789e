"""Highlights in the window: select and press h, drawn in the text, listed under the
notes, clicked to scroll, commented, removed; an orphaned one is kept and says so."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QTextCursor

from helpers import entry, incoming
from readinglist.gui.highlights_panel import highlight_colour
from readinglist.storage.highlight_store import Anchored

BODY = (
    "<p>The softmax turns scores into weights.</p>"
    "<p>Some prose in between, long enough to matter.</p>"
    "<p>The softmax is not the only choice: sparsemax exists.</p>"
)


def _fill(ids: dict[str, int]):
    def prepare(store) -> None:
        feed = store.add_feed("https://blog.example/feed.xml", title="Example Blog")
        (ids["a"],) = store.upsert_entries(
            feed.id, [incoming(entry("a", "Attention, slowly", summary=BODY))]
        ).new_ids

    return prepare


def _select(browser, text: str, occurrence: int = 1) -> None:
    raw = browser.document().toRawText()
    start = -1
    for _ in range(occurrence):
        start = raw.index(text, start + 1)
    cursor = QTextCursor(browser.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
    browser.setTextCursor(cursor)


def _background_at(browser, text: str, occurrence: int = 1):
    raw = browser.document().toRawText()
    start = -1
    for _ in range(occurrence):
        start = raw.index(text, start + 1)
    cursor = QTextCursor(browser.document())
    cursor.setPosition(start + 1)
    return cursor.charFormat().background().color()


def test_select_press_h_and_the_passage_is_marked_and_listed(qtbot, open_window) -> None:
    ids: dict[str, int] = {}
    window = open_window(_fill(ids))
    window.show_article_in_tree(ids["a"])
    pane = window.article_pane
    browser, panel = pane.browser(), pane.highlights_panel()
    assert panel.isHidden()  # no highlights: no empty list under the notes

    _select(browser, "The softmax", occurrence=2)  # the words are there twice
    window.run_command("highlight_selection")

    (h,) = window.library.list_highlights(ids["a"])
    assert h.quote == "The softmax" and h.suffix.startswith(" is not")  # the second one
    marker = highlight_colour(browser.palette())
    assert _background_at(browser, "The softmax", occurrence=2) == marker
    assert _background_at(browser, "The softmax", occurrence=1) != marker
    assert panel.isVisible() and [x.id for x in panel.highlights()] == [h.id]

    browser.moveCursor(QTextCursor.MoveOperation.Start)
    assert panel.scroll_to(h.id)  # what clicking its row does
    cursor = browser.textCursor()
    assert cursor.selectedText() == "The softmax" and cursor.selectionStart() > 40

    assert panel.comment(h.id, "sparsemax next")
    assert window.library.list_highlights(ids["a"])[0].note == "sparsemax next"

    window.show_article_in_tree(ids["a"])  # shown again: drawn again
    assert _background_at(browser, "The softmax", occurrence=2) == marker

    assert panel.remove(h.id)
    assert window.library.list_highlights(ids["a"]) == []
    assert panel.isHidden()
    assert _background_at(browser, "The softmax", occurrence=2) != marker


def test_nothing_selected_highlights_nothing(qtbot, open_window) -> None:
    ids: dict[str, int] = {}
    window = open_window(_fill(ids))
    window.show_article_in_tree(ids["a"])
    messages: list[str] = []
    window.article_pane.statusMessage.connect(messages.append)
    window.run_command("highlight_selection")
    assert window.library.list_highlights(ids["a"]) == []
    assert messages == ["Select some text in the article to highlight it."]


def test_an_orphaned_highlight_is_listed_greyed_and_not_drawn(qtbot, open_window) -> None:
    ids: dict[str, int] = {}
    window = open_window(_fill(ids))
    made = window.library.highlight(ids["a"], "sparsemax exists").highlight
    window.library.store.update_anchors(
        [Anchored(made.id, made.prefix, made.suffix, made.start, made.end, True)]
    )
    window.show_article_in_tree(ids["a"])
    panel = window.article_pane.highlights_panel()
    (listed,) = panel.highlights()
    assert listed.orphaned
    assert not panel.scroll_to(listed.id)  # nowhere to scroll to
    browser = window.article_pane.browser()
    assert _background_at(browser, "sparsemax exists") != highlight_colour(browser.palette())
