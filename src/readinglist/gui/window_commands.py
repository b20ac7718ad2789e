"""The commands behind the menus and keys, as a mixin of ``MainWindow``.

Every method here is named in ``actions.BINDINGS`` (or called from the empty state).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication, QWidget

from readinglist.gui import theme
from readinglist.gui.settings import TEXT_SIZES, Preferences
from readinglist.gui.tree_model import IdRole
from readinglist.model.errors import ReadingListError
from readinglist.storage.query import ArticleQuery

if TYPE_CHECKING:
    from readinglist.gui.article_view import ArticlePane
    from readinglist.gui.dialogs.add_feed import AddFeedDialog
    from readinglist.gui.main_window import MainWindow
    from readinglist.model.records import Feed

    _Base = MainWindow
else:
    _Base = object


class WindowCommands(_Base):
    # --- moving around -----------------------------------------------------------------

    def _filtering(self) -> bool:
        return self.left_stack.currentWidget() is self.results

    def _step(self, *, forward: bool, unread: bool) -> None:
        if self._filtering():
            self._step_results(forward=forward, unread=unread)
        elif not self.tree.select_next(forward=forward, unread=unread):
            what = "unread article" if unread else "article"
            self.status(f"No {'next' if forward else 'previous'} {what}.")

    def _step_results(self, *, forward: bool, unread: bool) -> None:
        articles = self.results_model.articles
        row = self.results.currentIndex().row()
        rows = range(row + 1, len(articles)) if forward else range(row - 1, -1, -1)
        if row < 0:
            rows = range(len(articles)) if forward else range(len(articles) - 1, -1, -1)
        for r in rows:
            if not unread or not articles[r].read:
                self.results.setCurrentIndex(self.results_model.index(r))
                return
        self.status("No more matching articles.")

    def next_article(self) -> None:
        self._step(forward=True, unread=False)

    def previous_article(self) -> None:
        self._step(forward=False, unread=False)

    def next_unread(self) -> None:
        if not self._step_in_series(forward=True):
            self._step(forward=True, unread=True)

    def previous_unread(self) -> None:
        if not self._step_in_series(forward=False):
            self._step(forward=False, unread=True)

    def _step_in_series(self, *, forward: bool) -> bool:
        """n/p on a part of a series: its next (previous) unread part in part order.

        From a flat list (All unread, Continue reading …) this is what a reader wants:
        the next part, not the next post by date. False when the series has no unread
        part after (before) this one: then n/p walk the tree as usual.
        """
        if self._filtering():
            return False
        node = self.tree.selected_node()
        if node is None or node.article is None or node.article.series_id is None:
            return False
        current = node.article
        parts = self.store.list_articles(ArticleQuery(series_id=current.series_id, order="part"))
        ids = [a.id for a in parts]
        if current.id not in ids:
            return False
        at = ids.index(current.id)
        candidates = parts[at + 1 :] if forward else list(reversed(parts[:at]))
        target = next((a for a in candidates if not a.read), None)
        if target is None:
            return False
        parent = node.parent
        for sibling in parent.children if parent is not None else ():
            if sibling.article is not None and sibling.article.id == target.id:
                return self.tree.select_node(sibling)
        self.show_article_in_tree(target.id)
        return True

    def focus_filter(self) -> None:
        self.filter_bar.focus_filter()

    def focus_tree(self) -> None:
        """Esc: back to the list on the left (the filter results while filtering). From
        the filter box or its results, Esc clears the filter: the tree comes back as it
        was, with the article open on the right selected in it."""
        if self.filter_bar.text() and QApplication.focusWidget() in (
            self.filter_bar.edit,
            self.results,
        ):
            self.filter_bar.clear()
        (self.results if self._filtering() else self.tree).setFocus()

    def toggle_unread_only(self) -> None:
        box = self.filter_bar.unread_only
        box.setChecked(not box.isChecked())

    # --- the shown article -------------------------------------------------------------

    def _article_shown(self) -> bool:
        if (
            self.right_stack.currentWidget() is self.article_pane
            and self.article_pane.current_article_id()
        ):
            return True
        self.status("Select an article first.")
        return False

    def toggle_read(self) -> None:
        if self._article_shown():
            self.article_pane.toggle_read()

    def toggle_star(self) -> None:
        if self._article_shown():
            self.article_pane.toggle_star()

    def open_in_browser(self) -> None:
        if self._article_shown():
            self.article_pane.open_in_browser()

    def edit_note(self) -> None:
        if self.right_stack.currentWidget() is self.series_pane:
            self.series_pane.focus_notes()
        elif self._article_shown():
            self.article_pane.focus_notes()

    # --- syncing -------------------------------------------------------------------------

    def sync_now(self) -> None:
        if self.sync.is_running():
            self.status("A sync is already running.")
        elif not self.sync.start():
            self.status("Sync is not available.")

    def cancel_sync(self) -> None:
        if self.sync.is_running():
            self.sync.cancel()
            self.status("Cancelling the sync…")

    # --- the library ---------------------------------------------------------------------

    def add_feed(self) -> AddFeedDialog:
        from readinglist.gui.dialogs.add_feed import AddFeedDialog  # dialogs load on first use

        dialog = AddFeedDialog(self.library, self.net_runner.submit, self)
        dialog.subscribed.connect(self._subscribed)
        self._add_dialog = dialog  # keep it alive while its subscribe runs
        dialog.open()
        return dialog

    def _subscribed(self, feed: Feed) -> None:
        self.status(f"Subscribed to {feed.display_title}.")
        self.model.refresh([feed.id])

    def import_opml(self, path: str | None = None) -> None:
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            path, _ = QFileDialog.getOpenFileName(
                self, "Import OPML", str(Path.home()), "OPML (*.opml *.xml);;All files (*)"
            )
        if not path:
            return
        try:
            report = self.library.import_opml(Path(path).read_bytes())
        except (OSError, ReadingListError) as exc:
            self.status(f"Could not import {Path(path).name}: {exc}")
            return
        bits = [f"Imported {len(report.added)} feed{'s' if len(report.added) != 1 else ''}"]
        if report.already_subscribed:
            bits.append(f"{len(report.already_subscribed)} already subscribed")
        if report.problems:
            bits.append(f"{len(report.problems)} skipped: {report.problems[0]}")
        self.status(", ".join(bits) + ".")
        self.model.refresh()
        if report.added and not self.sync.is_running():
            self.sync.start([f.id for f in report.added])

    def _save_to(
        self, title: str, suggested: str, filters: str, data: bytes, path: str | None
    ) -> None:
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            path, _ = QFileDialog.getSaveFileName(
                self, title, str(Path.home() / suggested), filters
            )
        if not path:
            return
        try:
            Path(path).write_bytes(data)
        except OSError as exc:
            self.status(f"Could not write {path}: {exc.strerror or exc}")
            return
        self.status(f"Saved {path}")

    def export_opml(self, path: str | None = None) -> None:
        from readinglist.services.export import export_opml  # lazily: opml and sanitize load nh3

        self._save_to(
            "Export OPML", "readinglist.opml", "OPML (*.opml)", export_opml(self.store), path
        )

    def export_notes(self, path: str | None = None) -> None:
        from readinglist.services.export import export_markdown

        self.article_pane.flush_note()
        data = export_markdown(self.store).encode("utf-8")
        self._save_to("Export notes", "readinglist-notes.md", "Markdown (*.md)", data, path)

    def load_sample_library(self) -> None:
        try:
            feeds = self.library.load_sample_library()
        except (OSError, ReadingListError) as exc:
            self.status(f"Could not load the sample library: {exc}")
            return
        self.status(f"Loaded the sample library: {len(feeds)} feeds.")
        self.model.refresh()
        self.tree.setFocus()

    # --- dialogs -------------------------------------------------------------------------

    def show_preferences(self) -> QWidget:
        """The dialog, opened window-modal; OK applies and saves what it holds."""
        from readinglist.gui.dialogs.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.prefs, self)
        dialog.accepted.connect(lambda: self.apply_preferences(dialog.preferences()))
        self._preferences_dialog = dialog  # kept alive while it is open
        dialog.open()
        return dialog

    def apply_preferences(self, prefs: Preferences) -> None:
        """Save ``prefs`` and apply every one of them at once (Preferences → OK)."""
        self._save_prefs(prefs)
        self._apply_theme()
        self._apply_download_timeout()
        pane = self.article_pane
        pane.mark_read_on_open = prefs.mark_read_on_open
        pane.load_remote_images = prefs.load_remote_images
        pane.set_image_sites(prefs.image_site_set())
        pane.set_text_size(prefs.text_size)
        self.sync.set_interval_minutes(prefs.refresh_minutes)
        self.model.set_sort(prefs.default_sort)

    def _save_prefs(self, prefs: Preferences) -> None:
        self.prefs = prefs
        self.settings.set_preferences(prefs)
        self.settings.sync()

    def _apply_theme(self) -> None:
        """The saved theme (or READINGLIST_THEME): at start, and when Preferences change."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, self.prefs.theme)

    def _apply_download_timeout(self) -> None:
        try:
            self.library.set_download_timeout(self.prefs.download_timeout)
        except ValueError as exc:  # a hand-edited settings file
            self.status(f"Download timeout left as it was: {exc}")

    def _configure_article_pane(self, pane: ArticlePane) -> None:
        """What the article page takes from the settings (built after the first paint)."""
        pane.set_image_sites(self.prefs.image_site_set())
        pane.set_text_size(self.prefs.text_size)
        pane.imageSiteAllowed.connect(self._image_site_allowed)

    def _image_site_allowed(self, site: str) -> None:
        sites = " ".join(sorted(self.prefs.image_site_set() | {site}))
        self._save_prefs(replace(self.prefs, image_sites=sites))

    # --- article text size ----------------------------------------------------------------

    def larger_text(self) -> None:
        self._set_text_size(self.article_pane.text_size() + 1)

    def smaller_text(self) -> None:
        self._set_text_size(self.article_pane.text_size() - 1)

    def reset_text_size(self) -> None:
        self._set_text_size(0)

    def _set_text_size(self, points: int) -> None:
        """``points`` within TEXT_SIZES (0: the system's size), shown and remembered."""
        if points:
            points = min(max(points, TEXT_SIZES[0]), TEXT_SIZES[1])
        self.article_pane.set_text_size(points)
        self._save_prefs(replace(self.prefs, text_size=points))
        self.status(f"Article text size: {self.article_pane.text_size()} pt")

    def show_shortcuts(self) -> QWidget:
        from readinglist.gui.dialogs.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.open()
        return dialog

    def show_about(self) -> QWidget:
        from readinglist.gui.dialogs.about import AboutDialog

        dialog = AboutDialog(self.library.data_dir, self)
        dialog.open()
        return dialog

    def quit(self) -> None:
        self.close()

    def current_result_id(self) -> int | None:
        index: QModelIndex = self.results.currentIndex()
        return int(index.data(IdRole)) if index.isValid() else None
