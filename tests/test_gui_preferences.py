"""Preferences a reader sees at once and finds again at the next start: theme, article
text size (also Ctrl+= / Ctrl+- / Ctrl+0), images of trusted sites, download timeout."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from helpers import entry, incoming
from readinglist.gui import theme
from readinglist.gui.actions import shortcut_rows
from readinglist.gui.dialogs.preferences import PreferencesDialog, system_text_size
from readinglist.gui.main_window import MainWindow
from readinglist.gui.settings import Preferences, Settings
from test_gui_rendering import png


@pytest.fixture(autouse=True)
def system_theme_after(monkeypatch):
    """No theme forced from outside; a test that turns the app dark must not leave the
    next test dark."""
    monkeypatch.delenv(theme.THEME_ENV, raising=False)
    yield
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply_theme(app, "system")


def saved(data_dir: Path) -> Preferences:
    """The preferences as the next start will read them (from the file, not memory)."""
    return Settings.for_data_dir(data_dir).preferences()


def save(data_dir: Path, **changes: object) -> None:
    settings = Settings.for_data_dir(data_dir)
    settings.set_preferences(replace(settings.preferences(), **changes))  # type: ignore[arg-type]
    settings.sync()


def lightness(role: QPalette.ColorRole, palette: QPalette | None = None) -> int:
    return (palette or QApplication.palette()).color(role).lightness()


def one_post(store) -> None:
    feed = store.add_feed("https://blog.example/feed.xml", title="Example Blog")
    body = "<p>Body with <a href='https://blog.example/next/'>a link</a></p>"
    store.upsert_entries(feed.id, [incoming(entry("p1", "A post", summary=body))])


def link_color(window: MainWindow) -> str:
    """The colour the article body draws its link in."""
    document = window.article_pane.browser().document()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor():
                return fmt.foreground().color().name()
            it += 1
        block = block.next()
    return ""


# --- theme -------------------------------------------------------------------------------


def test_choosing_dark_applies_a_dark_palette_now_and_at_next_start(
    qtbot, open_window, data_dir: Path
) -> None:
    window = open_window(one_post)
    qtbot.keyClick(window, "j")  # an article whose body has a link
    assert lightness(QPalette.ColorRole.Window) > 128  # the offscreen default is light
    dialog = window.show_preferences()
    assert isinstance(dialog, PreferencesDialog)
    assert [dialog.theme.itemText(i) for i in range(dialog.theme.count())] == [
        "System",
        "Light",
        "Dark",
    ]
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.accept()
    assert lightness(QPalette.ColorRole.Window) < 80
    assert lightness(QPalette.ColorRole.Text) > 180
    qtbot.waitUntil(lambda: lightness(QPalette.ColorRole.Base, window.tree.palette()) < 80)
    # Links in the body take the dark palette's (light) link colour, not the old blue.
    dark_link = QApplication.palette().color(QPalette.ColorRole.Link).name()
    qtbot.waitUntil(lambda: link_color(window) == dark_link)
    assert saved(data_dir).theme == "dark"
    # Back to System: the platform's palette again.
    window.apply_preferences(replace(window.prefs, theme="system"))
    assert lightness(QPalette.ColorRole.Window) > 128
    # A window started on a library whose settings say Dark is dark before it is shown.
    window.close()
    save(data_dir, theme="dark")
    open_window()
    assert lightness(QPalette.ColorRole.Window) < 80


def test_theme_environment_variable_overrides_the_setting(
    monkeypatch, open_window, data_dir: Path
) -> None:
    save(data_dir, theme="dark")
    monkeypatch.setenv(theme.THEME_ENV, "light")
    open_window()
    assert lightness(QPalette.ColorRole.Window) > 128
    assert saved(data_dir).theme == "dark"  # the override does not rewrite the setting


# --- article text size -----------------------------------------------------------------------


def test_ctrl_equals_grows_the_article_text_and_it_persists(
    qtbot, open_window, data_dir: Path
) -> None:
    window = open_window(one_post)
    qtbot.keyClick(window, "j")  # the first article
    pane = window.article_pane
    base = pane.text_size()
    assert base == system_text_size() and saved(data_dir).text_size == 0
    qtbot.keyClick(window.tree, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert pane.text_size() == base + 1
    assert pane.browser().font().pointSize() == base + 1
    assert saved(data_dir).text_size == base + 1
    assert window.statusBar().currentMessage() == f"Article text size: {base + 1} pt"
    # Ctrl++ (the keypad's plus) grows it too.
    qtbot.keyClick(window.tree, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert pane.text_size() == base + 2
    # While typing a note: the text grows, the note gets no '=' and keeps its text.
    pane.focus_notes()
    notes = pane.notes_editor().editor()
    qtbot.keyClicks(notes, "abc")
    qtbot.keyClick(notes, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert pane.text_size() == base + 3
    assert notes.toPlainText() == "abc"
    qtbot.keyClick(notes, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert pane.text_size() == base + 2
    assert saved(data_dir).text_size == base + 2
    # The next start shows the article at the saved size.
    window.close()
    pane2 = open_window().article_pane
    assert pane2.text_size() == base + 2
    qtbot.keyClick(pane2.window(), Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert pane2.text_size() == base
    assert saved(data_dir).text_size == 0  # "the system's size" again, not a number


def test_text_size_in_preferences_and_the_shortcuts_dialog(open_window, data_dir) -> None:
    window = open_window(one_post)
    dialog = window.show_preferences()
    assert isinstance(dialog, PreferencesDialog)
    assert dialog.text_size.value() == system_text_size()
    dialog.text_size.setValue(17)
    dialog.accept()
    assert window.article_pane.text_size() == 17
    assert saved(data_dir).text_size == 17
    rows = dict(shortcut_rows())
    assert rows["Ctrl+= or Ctrl++"] == "Larger article text"
    assert rows["Ctrl+-"] == "Smaller article text"
    assert rows["Ctrl+0"] == "Default article text size"


# --- images of trusted sites -------------------------------------------------------------------


def picture_feeds(loopback):
    """Two posts on blog.example and one on other.example, each with one picture."""
    loopback.route("/pic.png", body=png(), content_type="image/png")

    def prepare(store) -> None:
        for url, guids in (
            ("https://blog.example/feed.xml", ("a1", "a2")),
            ("https://other.example/feed.xml", ("b1",)),
        ):
            feed = store.add_feed(url, title=url)
            host = url.split("/")[2]
            store.upsert_entries(
                feed.id,
                [
                    incoming(
                        entry(
                            g,
                            f"Post {g}",
                            link=f"https://www.{host}/{g}/",
                            summary=f"<img src='{loopback.url('/pic.png?' + g)}' alt='{g}'>",
                        )
                    )
                    for g in guids
                ],
            )

    return prepare


def article_id(window: MainWindow, guid: str) -> int:
    from readinglist.model.query import ArticleQuery

    return next(a.id for a in window.library.store.list_articles(ArticleQuery()) if a.guid == guid)


def show(qtbot, window: MainWindow, guid: str) -> str:
    """Show the post; its body's text once the page has had time to ask for images."""
    assert window.article_pane.show_article(article_id(window, guid))
    qtbot.wait(300)
    return window.article_pane.browser().toPlainText()


def test_always_for_this_site_persists_and_applies_to_that_site_only(
    qtbot, open_window, loopback, data_dir: Path
) -> None:
    window = open_window(picture_feeds(loopback))
    pane = window.article_pane
    assert "[image: a1]" in show(qtbot, window, "a1")
    assert pane.image_bar().choices() == ["For this article", "Always for blog.example"]
    with qtbot.waitSignal(pane.browser().imageLoaded, timeout=5000):
        pane.load_images_for_site()
    assert saved(data_dir).image_sites == "blog.example"
    # Another post of the same site loads at once; another site stays blocked.
    assert "[image" not in show(qtbot, window, "a2")
    assert pane.image_bar().text() == ""
    assert "[image: b1]" in show(qtbot, window, "b1")
    assert pane.image_bar().text() == "1 image blocked · Load images ▾"
    assert [r[1] for r in loopback.requests] == ["/pic.png?a1", "/pic.png?a2"]
    # The next start remembers the site.
    window.close()
    window = open_window()
    assert "[image" not in show(qtbot, window, "a2")
    assert "[image: b1]" in show(qtbot, window, "b1")
    # Preferences lists the site and can forget it.
    dialog = window.show_preferences()
    assert isinstance(dialog, PreferencesDialog)
    assert dialog.image_sites() == ["blog.example"]
    dialog.sites.setCurrentRow(0)
    dialog.forget_site.click()
    dialog.accept()
    assert saved(data_dir).image_sites == ""
    assert "[image: a1]" in show(qtbot, window, "a1")
    assert all("b1" not in path for _m, path, _h in loopback.requests)


# --- download timeout ----------------------------------------------------------------------------


def test_download_timeout_is_applied_at_start_and_from_preferences(
    open_window, data_dir: Path
) -> None:
    assert Preferences().download_timeout == 30
    save(data_dir, download_timeout=12)
    window = open_window()
    assert window.library.download_timeout == 12
    dialog = window.show_preferences()
    assert isinstance(dialog, PreferencesDialog)
    assert dialog.timeout.value() == 12
    assert (dialog.timeout.minimum(), dialog.timeout.maximum()) == (5, 600)
    dialog.timeout.setValue(45)
    dialog.accept()
    assert window.library.download_timeout == 45
    assert saved(data_dir).download_timeout == 45


def test_a_hand_edited_settings_file_falls_back_to_defaults(data_dir: Path) -> None:
    save(data_dir, theme="purple", text_size=500, download_timeout=2)
    prefs = saved(data_dir)
    assert (prefs.theme, prefs.text_size, prefs.download_timeout) == ("system", 48, 30)
