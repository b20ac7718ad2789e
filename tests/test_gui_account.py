"""Preferences → Account… in the window, against a real FreshRSS: a wrong password is
shown in the dialog and saves nothing; the right one saves, syncs at once, and the
server's feed and read state show in the tree; the status bar counts items."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt

from freshrss import READ
from readinglist.model.query import ArticleQuery
from test_account_sync import blog_items, serve_blog


def test_setting_the_account_in_the_window_syncs_the_servers_library(
    qtbot, open_window, freshrss, device, loopback
):
    device.subscribe(serve_blog(loopback, "/tl.xml", blog_items(loopback), "Deep Learning Notes"))
    device.tag([device.item_id("Transfer Learning (1): Chapter 1")], add=READ)
    window = open_window()
    library = window.library
    preferences = window.show_preferences()
    assert preferences.account.text().startswith("None: this library lives on this computer")
    qtbot.mouseClick(preferences.account_button, Qt.MouseButton.LeftButton)
    dialog = window.preferences._account_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.save.isEnabled()

    dialog.url.setText(freshrss.greader)
    dialog.user.setText(freshrss.user)
    dialog.password.setText("wrong password")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "refused" in dialog.message.text(), timeout=10_000)
    assert library.account() is None
    assert dialog.url.text() == freshrss.greader  # kept as typed, to fix one letter
    assert not dialog.remove.isEnabled()  # nothing to remove yet

    dialog.password.setText(freshrss.api_password)
    with qtbot.waitSignal(window.sync.finished, timeout=30_000) as synced:
        qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert synced.args[0].account_error is None
    assert dialog.password.text() == ""  # not left in the widget
    assert f"{freshrss.user} at {freshrss.greader}" in dialog.state.text()
    assert dialog.remove.isEnabled()
    assert f"{freshrss.user} at {freshrss.greader}" in preferences.account.text()
    assert window.sync.unit == "item"
    assert "4 new articles" in window.statusBar().currentMessage()
    articles = library.list_articles(ArticleQuery())
    assert len(articles) == 4
    assert [a.title for a in articles if a.read] == ["Transfer Learning (1): Chapter 1"]
    model = window.model
    qtbot.waitUntil(
        lambda: any(
            "Deep Learning Notes" in str(model.data(model.index(row, 0)))
            for row in range(model.rowCount())
        ),
        timeout=5000,
    )

    dialog.remove_now()
    qtbot.waitUntil(lambda: library.account() is None, timeout=5000)
    assert "local again" in dialog.message.text()
    assert len(library.list_articles(ArticleQuery())) == 4  # the library stays
    dialog.reject()
    preferences.reject()
