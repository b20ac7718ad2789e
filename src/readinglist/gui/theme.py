"""Colours and icons that follow the system palette, or the reader's chosen theme.

Qt 6 already follows the platform's light/dark scheme; custom colours (greyed
placeholders, the warning icon) are derived from the palette so they follow it too.
Preferences → Theme picks System, Light or Dark; the choice is applied at once (a
palette change reaches every widget) and at the next start. ``READINGLIST_THEME=dark|
light|system`` overrides the saved choice (screenshots, a quick look without touching
the settings).
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from PySide6.QtGui import QColor, QFont, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyleFactory

THEME_ENV = "READINGLIST_THEME"
THEMES = {"system": "System", "light": "Light", "dark": "Dark"}

#: The platform's style name (kept when a theme is first forced) and whether one is.
_platform = {"style": "", "forced": False}


def _dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor(30, 31, 34), QColor(43, 45, 48), QColor(223, 225, 229)
    for role, color in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, QColor(38, 40, 43)),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, window),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.ToolTipBase, QColor(60, 63, 65)),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.Highlight, QColor(47, 111, 179)),
        (QPalette.ColorRole.HighlightedText, QColor(255, 255, 255)),
        (QPalette.ColorRole.Link, QColor(110, 168, 230)),
        (QPalette.ColorRole.PlaceholderText, QColor(130, 133, 138)),
    ):
        p.setColor(role, color)
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(120, 123, 128))
    return p


def theme_choice(saved: str = "system") -> str:
    """The theme to use: ``READINGLIST_THEME`` when set to a known one, else ``saved``."""
    forced = os.environ.get(THEME_ENV, "").strip().lower()
    if forced in THEMES:
        return forced
    return saved if saved in THEMES else "system"


def apply_theme(app: QApplication, saved: str = "system") -> str:
    """Apply the theme (see ``theme_choice``); returns the one applied.

    Light and dark use Fusion with a fixed palette, so they look the same on every
    desktop. System leaves the platform's style and palette alone at start; switching
    back to it from a forced theme restores both (an empty ``QPalette`` makes Qt use
    the platform's palette again).
    """
    choice = theme_choice(saved)
    if choice == "system":
        if _platform["forced"]:
            style = QStyleFactory.create(str(_platform["style"]))
            if style is not None:
                app.setStyle(style)
            app.setPalette(QPalette())
            _platform["forced"] = False
    else:
        if not _platform["forced"]:
            _platform["style"] = app.style().name()
        if app.style().name().lower() != "fusion":
            app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(_dark_palette() if choice == "dark" else app.style().standardPalette())
        _platform["forced"] = True
    app.setWindowIcon(icon("readinglist"))
    return choice


def placeholder_color() -> QColor:
    """Greyed text for rows that stand for something absent (missing parts)."""
    return QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


def bold_font() -> QFont:
    font = QFont(QApplication.font())
    font.setBold(True)
    return font


def italic_font() -> QFont:
    font = QFont(QApplication.font())
    font.setItalic(True)
    return font


@cache
def _icon_folder() -> Path | None:
    """``resources/icons`` when the package is plain files (an install, the bundle):
    found once, without ``importlib.resources`` (a few ms at every start)."""
    import readinglist.resources as package

    folder = Path(package.__file__).parent / "icons" if package.__file__ else None
    return folder if folder is not None and folder.is_dir() else None


@cache
def icon(name: str) -> QIcon:
    """An icon from ``resources/icons/<name>.svg`` (an empty icon when absent)."""
    folder = _icon_folder()
    if folder is not None:
        path = folder / f"{name}.svg"
        return QIcon(str(path)) if path.is_file() else QIcon()  # SVG: sharp at every size
    from importlib import resources  # a zipped package

    item = resources.files("readinglist.resources") / "icons" / f"{name}.svg"
    try:
        data = item.read_bytes()
    except OSError:
        return QIcon()
    pixmap = QPixmap()
    pixmap.loadFromData(data, b"SVG")
    return QIcon(pixmap)
