"""The window's one change signal: each write is published once, the parts redraw."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from readinglist.model.changes import Changes
from test_gui_window import fill


def test_a_menu_write_is_published_once_and_the_tree_follows(qtbot, open_window) -> None:
    ids: dict[str, int] = {}
    feed_ids: list[int] = []

    def prepare(store) -> None:
        feed, found = fill(store)
        ids.update(found)
        feed_ids.append(feed.id)

    window = open_window(prepare)
    seen: list[Changes] = []
    window.hub.changed.connect(seen.append)
    feed_id = feed_ids[0]
    window.tree._mark_standalone_group(feed_id)  # the row menu's "Mark standalone posts read"
    assert len(seen) == 1
    assert feed_id in seen[0].feeds and ids["solo-a"] in seen[0].articles
    assert window.library.get_article(ids["solo-a"]).read
    feed_row = window.model.index_of(window.model.nodes(("feed", feed_id))[0])
    qtbot.waitUntil(lambda: window.model.node(feed_row).feed.unread_count == 3, timeout=3000)


def test_reading_publishes_an_in_place_change(qtbot, open_window) -> None:
    ids: dict[str, int] = {}
    window = open_window(lambda s: ids.update(fill(s)[1]))
    window.show_article_in_tree(ids["tl-1"])
    seen: list[Changes] = []
    window.hub.changed.connect(seen.append)
    window.toggle_read()
    # Articles only: the tree repaints the row where it is instead of re-listing views.
    assert seen == [Changes.of(articles=[ids["tl-1"]])]
    node = window.model.nodes(("article", ids["tl-1"]))[0]
    assert node.article is not None and node.article.read
