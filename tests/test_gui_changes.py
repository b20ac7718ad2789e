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
    message = window.statusBar().currentMessage()
    assert message.startswith("Marked ") and message.endswith("read (Ctrl+Z undoes it)")
    window.menus.action("undo").trigger()  # Edit ▸ Undo: the posts it marked, unread again
    assert not window.library.get_article(ids["solo-a"]).read


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


def _open_node(window):
    node = window.tree.current_node()
    return node if node is not None and node.article is not None else None


def test_the_open_article_stays_selected_where_a_move_puts_it(
    qtbot, open_window, monkeypatch
) -> None:
    """Moving the open article re-lists its feed; the selection follows the article to
    its new series instead of falling to the next row (and the pane keeps showing it)."""
    from readinglist.gui.dialogs import series_pick

    ids: dict[str, int] = {}
    window = open_window(lambda s: ids.update(fill(s)[1]))
    window.show_article_in_tree(ids["solo-a"])
    monkeypatch.setattr(series_pick, "pick_series", lambda *a, **k: "Training tricks")
    window.tree.move_to_series(ids["solo-a"])

    def followed() -> bool:
        node = _open_node(window)
        return (
            node is not None
            and node.article.id == ids["solo-a"]
            and node.parent is not None
            and node.parent.series is not None
            and node.parent.series.name == "Training tricks"
        )

    qtbot.waitUntil(followed, timeout=3000)
    assert window.article_pane.current_article_id() == ids["solo-a"]

    window.tree.mark_standalone(ids["solo-a"])  # and back: the standalone group
    qtbot.waitUntil(
        lambda: (
            (node := _open_node(window)) is not None
            and node.article.id == ids["solo-a"]
            and node.parent is not None
            and node.parent.series is None
            and node.alive
        ),
        timeout=3000,
    )


def test_moving_another_article_leaves_the_selection_alone(qtbot, open_window) -> None:
    ids: dict[str, int] = {}
    window = open_window(lambda s: ids.update(fill(s)[1]))
    window.show_article_in_tree(ids["tl-1"])
    refreshed: list[bool] = []
    window.model.refreshed.connect(lambda: refreshed.append(True))
    window.tree.mark_standalone(ids["tl-2"])
    qtbot.waitUntil(lambda: bool(refreshed), timeout=3000)
    node = _open_node(window)
    assert node is not None and node.article.id == ids["tl-1"]
    assert window.tree._follow_if_open(ids["tl-2"])._article_id is None  # nothing to follow
