"""Loaded images kept on disk within a budget, so an article read offline keeps its
pictures; the least recently seen go first; a cache problem never fails a picture."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from readinglist.services.image_cache import ImageCache
from readinglist.services.library import Library

KB = 1024


def test_kept_images_come_back_and_the_oldest_go_first(tmp_path: Path) -> None:
    cache = ImageCache(tmp_path / "images", budget_bytes=10 * KB)
    for n, url in enumerate(["https://a/1.png", "https://a/2.png", "https://a/3.png"]):
        assert cache.put(url, bytes([n]) * (3 * KB))
        path = next(p for p in (tmp_path / "images").iterdir() if p.read_bytes()[:1] == bytes([n]))
        os.utime(path, (1_000 + n, 1_000 + n))  # an order the file system cannot blur
    assert cache.get("https://a/1.png") == bytes([0]) * (3 * KB)  # seen again: recent now
    assert cache.put("https://a/4.png", b"\x04" * (3 * KB))  # 12 KB > 10: one must go
    assert cache.get("https://a/2.png") is None  # the least recently seen
    for kept in ("https://a/1.png", "https://a/3.png", "https://a/4.png"):
        assert cache.get(kept) is not None
    assert cache.size_bytes() <= 10 * KB


def test_what_cannot_be_kept_is_refused_quietly(tmp_path: Path) -> None:
    cache = ImageCache(tmp_path / "images", budget_bytes=4 * KB)
    assert not cache.put("https://a/big.png", b"x" * (5 * KB))  # over the whole budget
    assert not cache.put("https://a/empty.png", b"")
    assert cache.put("https://a/small.png", b"y" * KB)
    cache.set_budget(0)  # "keep none": emptied at once
    assert cache.get("https://a/small.png") is None and cache.size_bytes() == 0
    blocked = ImageCache(tmp_path / "a-file", budget_bytes=4 * KB)
    (tmp_path / "a-file").write_text("not a folder")
    assert not blocked.put("https://a/small.png", b"y" * KB)  # the disk said no: no raise
    assert blocked.get("https://a/small.png") is None


def test_the_library_budget_is_in_megabytes(library: Library) -> None:
    library.set_image_cache_budget(5)
    assert library.image_cache.budget_bytes == 5 * 1024 * 1024
    assert library.image_cache.directory == library.data_dir / "images"
    with pytest.raises(ValueError, match="whole number of MB"):
        library.set_image_cache_budget(-1)


def test_an_article_read_offline_keeps_its_pictures(
    qtbot, library: Library, loopback, runner
) -> None:
    pytest.importorskip("PySide6")
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage, QTextDocument

    from readinglist.gui.safe_browser import SafeTextBrowser
    from test_gui_rendering import png

    loopback.route("/chart.png", body=png(5, 4), content_type="image/png")
    url = loopback.url("/chart.png")
    html = f"<p>Before.</p><p><img src='{url}' alt='A chart'></p>"
    online = SafeTextBrowser(runner=runner, image_store=library.image_cache)
    qtbot.addWidget(online)
    online.set_article_html(html, "https://blog.example/post/")
    with qtbot.waitSignal(online.imageLoaded, timeout=5000):
        online.allow_images_here()
    online.close_fetcher()
    assert loopback.count("/chart.png") == 1
    loopback.close()  # offline from here on

    offline = SafeTextBrowser(runner=runner, image_store=library.image_cache)
    qtbot.addWidget(offline)
    offline.set_article_html(html, "https://blog.example/post/")
    with qtbot.waitSignal(offline.imageLoaded, timeout=5000):
        offline.allow_images_here()
    image = offline.cached_image(url)
    assert image is not None and (image.width(), image.height()) == (5, 4)
    qtbot.wait(100)  # the page is drawn again with the picture
    shown = offline.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(url))
    assert isinstance(shown, QImage) and shown.width() == 5
    assert "[image" not in offline.toPlainText()
    offline.close_fetcher()


def test_preferences_set_the_budget_and_keep_it(qtbot, open_window) -> None:
    pytest.importorskip("PySide6")
    from dataclasses import replace

    from readinglist.gui.dialogs.preferences import PreferencesDialog

    window = open_window()
    prefs = window.preferences.prefs
    assert prefs.image_cache_mb == 200
    dialog = PreferencesDialog(prefs)
    qtbot.addWidget(dialog)
    dialog.image_cache.setValue(7)
    window.preferences.apply_preferences(dialog.preferences())
    assert window.library.image_cache.budget_bytes == 7 * 1024 * 1024
    assert window.settings.preferences().image_cache_mb == 7
    window.preferences.apply_preferences(replace(prefs, image_cache_mb=0))
    assert window.library.image_cache.budget_bytes == 0
