"""``PreferenceCommands``: the saved preferences and the commands that change them.

Preferences… (the dialog), the article text size keys, the theme, the download timeout
and the "always load images from this site" answers. It holds the current
``Preferences`` and applies them to the parts it is handed. Preferences → Account…
opens the sync account's dialog; a new account is synced at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

from readinglist.gui import theme
from readinglist.gui.settings import TEXT_SIZES, Preferences, Settings

if TYPE_CHECKING:
    from readinglist.gui.article_view import ArticlePane
    from readinglist.gui.background import BackgroundRunner
    from readinglist.gui.dialogs.preferences import PreferencesDialog
    from readinglist.gui.sync_worker import SyncController
    from readinglist.gui.tree_model import TreeModel
    from readinglist.model.records import Account
    from readinglist.services.library import Library


class PreferenceCommands:
    def __init__(
        self,
        settings: Settings,
        *,
        parent: QWidget,  # the dialog opens over it
        article_pane: Callable[[], ArticlePane],  # built on first use
        status: Callable[[str], None],
    ) -> None:
        self.settings = settings
        self.prefs = settings.preferences()
        self._parent, self._article_pane, self._status = parent, article_pane, status
        self._library: Library | None = None
        self._sync: SyncController | None = None
        self._model: TreeModel | None = None
        self._network: BackgroundRunner | None = None
        self._dialog: PreferencesDialog | None = None
        self._account_dialog: QWidget | None = None
        self.apply_theme()

    def attach(
        self,
        library: Library,
        sync: SyncController,
        model: TreeModel,
        network: BackgroundRunner | None = None,
    ) -> None:
        self._library, self._sync, self._model = library, sync, model
        self._network = network
        self.apply_download_timeout()

    def show_preferences(self) -> QWidget:
        """The dialog, opened window-modal; OK applies and saves what it holds."""
        from readinglist.gui.dialogs.account import describe_account
        from readinglist.gui.dialogs.preferences import PreferencesDialog

        can_sync = self._library is not None and self._network is not None
        dialog = PreferencesDialog(
            self.prefs,
            self._parent,
            account_text=describe_account(self._library.account()) if self._library else "",
            on_account=self.show_account if can_sync else None,
        )
        dialog.accepted.connect(lambda: self.apply_preferences(dialog.preferences()))
        self._dialog = dialog  # kept alive while it is open
        dialog.open()
        return dialog

    def show_account(self) -> QWidget | None:
        """Preferences → Account…: set, change or remove the sync account."""
        from readinglist.gui.dialogs.account import AccountDialog

        if self._library is None or self._network is None:
            return None
        parent = self._dialog if self._dialog is not None and self._dialog.isVisible() else None
        dialog = AccountDialog(
            self._library, self._library.account(), self._network.submit, parent or self._parent
        )
        dialog.changed.connect(self._account_changed)
        self._account_dialog = dialog
        dialog.open()
        return dialog

    def _account_changed(self, account: Account | None) -> None:
        from readinglist.gui.dialogs.account import describe_account

        if self._dialog is not None:
            self._dialog.account.setText(describe_account(account))
        if account is None:
            self._status("Sync account removed: this library is local again.")
            return
        self._status(f"Sync account set: {account.user} at {account.url}.")
        if self._sync is not None and not self._sync.is_running():
            self._sync.start()

    def apply_preferences(self, prefs: Preferences) -> None:
        """Save ``prefs`` and apply every one of them at once (Preferences → OK)."""
        self._save(prefs)
        self.apply_theme()
        self.apply_download_timeout()
        pane = self._article_pane()
        pane.mark_read_on_open = prefs.mark_read_on_open
        pane.load_remote_images = prefs.load_remote_images
        pane.set_image_sites(prefs.image_site_set())
        pane.set_text_size(prefs.text_size)
        if self._sync is not None:
            self._sync.set_interval_minutes(prefs.refresh_minutes)
        if self._model is not None:
            self._model.set_sort(prefs.default_sort)

    def _save(self, prefs: Preferences) -> None:
        self.prefs = prefs
        self.settings.set_preferences(prefs)
        self.settings.sync()

    def apply_theme(self) -> None:
        """The saved theme (or READINGLIST_THEME): at start, and when Preferences change."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, self.prefs.theme)

    def apply_download_timeout(self) -> None:
        """The download timeout and the image cache's size: the library's own limits."""
        if self._library is None:
            return
        try:
            self._library.set_download_timeout(self.prefs.download_timeout)
        except ValueError as exc:  # a hand-edited settings file
            self._status(f"Download timeout left as it was: {exc}")
        self._library.set_image_cache_budget(self.prefs.image_cache_mb)

    def configure_article_pane(self, pane: ArticlePane) -> None:
        """What the article page takes from the settings (built after the first paint)."""
        pane.set_image_sites(self.prefs.image_site_set())
        pane.set_text_size(self.prefs.text_size)
        pane.imageSiteAllowed.connect(self._image_site_allowed)

    def _image_site_allowed(self, site: str) -> None:
        sites = " ".join(sorted(self.prefs.image_site_set() | {site}))
        self._save(replace(self.prefs, image_sites=sites))

    # --- article text size ----------------------------------------------------------------

    def larger_text(self) -> None:
        self._set_text_size(self._article_pane().text_size() + 1)

    def smaller_text(self) -> None:
        self._set_text_size(self._article_pane().text_size() - 1)

    def reset_text_size(self) -> None:
        self._set_text_size(0)

    def _set_text_size(self, points: int) -> None:
        """``points`` within TEXT_SIZES (0: the system's size), shown and remembered."""
        if points:
            points = min(max(points, TEXT_SIZES[0]), TEXT_SIZES[1])
        pane = self._article_pane()
        pane.set_text_size(points)
        self._save(replace(self.prefs, text_size=points))
        self._status(f"Article text size: {pane.text_size()} pt")
