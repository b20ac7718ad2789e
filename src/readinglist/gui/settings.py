"""The window's own settings: geometry, splitter/header state, last selection, preferences.

Stored in an INI file (``gui-settings.ini`` in the library's data dir, or any path
given), never in the user's global settings, so each library remembers its own last
selection and tests never touch the real settings.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_FILENAME = "gui-settings.ini"
SORT_CHOICES = {"published_desc": "Newest first", "first_seen_desc": "Recently added"}
THEME_CHOICES = ("system", "light", "dark")
TEXT_SIZES = (6, 48)  # points: the article text size's range (0 in settings: the system's)
DOWNLOAD_TIMEOUTS = (5, 600)  # seconds: what Library.set_download_timeout accepts
IMAGE_CACHE_MB = (0, 10_000)  # MB of loaded images kept on disk for offline reading


@dataclass
class Preferences:
    refresh_minutes: int = 30  # 0: never refresh automatically
    mark_read_on_open: bool = False
    load_remote_images: bool = False  # images track readers: off by default
    default_sort: str = "published_desc"  # order of standalone posts and smart views
    theme: str = "system"  # one of THEME_CHOICES
    text_size: int = 0  # the article body's point size; 0: the system font's size
    #: Sites whose articles show remote images ("Load images → Always for <site>"):
    #: host names separated by spaces (an INI value stays one readable line).
    image_sites: str = ""
    download_timeout: int = 30  # seconds before a feed that will not finish is given up
    image_cache_mb: int = 200  # loaded images kept on disk for offline reading (0: none)
    #: A feed added by hand: ask its site for its list of series (a few requests) and,
    #: if it keeps one, file the posts as it does and follow it (``site_series_commands``).
    site_series_on_subscribe: bool = True

    def image_site_set(self) -> frozenset[str]:
        return frozenset(self.image_sites.split())


class Settings:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    @classmethod
    def for_data_dir(cls, data_dir: str | Path) -> Settings:
        return cls(Path(data_dir) / SETTINGS_FILENAME)

    def sync(self) -> None:
        self._qs.sync()

    # --- raw state ---------------------------------------------------------------

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def set_geometry(self, value: QByteArray) -> None:
        self._qs.setValue("window/geometry", value)

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def set_window_state(self, value: QByteArray) -> None:
        self._qs.setValue("window/state", value)

    def splitter_state(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    def set_splitter_state(self, value: QByteArray) -> None:
        self._qs.setValue("window/splitter", value)

    def header_state(self) -> QByteArray | None:
        return self._bytes("tree/header")

    def set_header_state(self, value: QByteArray) -> None:
        self._qs.setValue("tree/header", value)

    def last_selection(self) -> tuple[str, int] | None:
        """(kind, id) of the row selected when the window last closed."""
        value = self._qs.value("tree/selection")
        if not isinstance(value, str) or ":" not in value:
            return None
        kind, _, raw = value.partition(":")
        try:
            return kind, int(raw)
        except ValueError:
            return None

    def set_last_selection(self, kind: str | None, item_id: int | None) -> None:
        if kind is None or item_id is None:
            self._qs.remove("tree/selection")
        else:
            self._qs.setValue("tree/selection", f"{kind}:{item_id}")

    # --- preferences ---------------------------------------------------------------

    def preferences(self) -> Preferences:
        prefs = Preferences()
        for f in fields(Preferences):
            raw = self._qs.value(f"preferences/{f.name}")
            if raw is None:
                continue
            default = getattr(prefs, f.name)
            try:
                if isinstance(default, bool):
                    value: object = raw if isinstance(raw, bool) else str(raw).lower() == "true"
                elif isinstance(default, int):
                    value = max(0, int(raw))
                else:
                    value = str(raw)
            except (TypeError, ValueError):
                continue
            setattr(prefs, f.name, value)
        if prefs.default_sort not in SORT_CHOICES:
            prefs.default_sort = Preferences.default_sort
        if prefs.theme not in THEME_CHOICES:
            prefs.theme = Preferences.theme
        if prefs.text_size:
            prefs.text_size = min(max(prefs.text_size, TEXT_SIZES[0]), TEXT_SIZES[1])
        if not DOWNLOAD_TIMEOUTS[0] <= prefs.download_timeout <= DOWNLOAD_TIMEOUTS[1]:
            prefs.download_timeout = Preferences.download_timeout
        prefs.image_cache_mb = min(prefs.image_cache_mb, IMAGE_CACHE_MB[1])
        return prefs

    def set_preferences(self, prefs: Preferences) -> None:
        for f in fields(Preferences):
            self._qs.setValue(f"preferences/{f.name}", getattr(prefs, f.name))
