"""``LibraryCommands``: add, import, export, the sample library, sync now / cancel.

The File and Feed menus' commands. Each write goes through a ``Library`` verb and its
``Changes`` are published on the hub once; the tree and the pages redraw themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from readinglist.model.changes import Changes
from readinglist.model.errors import ReadingListError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from readinglist.gui.background import BackgroundRunner
    from readinglist.gui.changes_hub import ChangesHub
    from readinglist.gui.dialogs.add_feed import AddFeedDialog
    from readinglist.gui.sync_worker import SyncController
    from readinglist.model.records import Feed
    from readinglist.services.library import Library


class LibraryCommands:
    def __init__(
        self,
        *,
        library: Library,
        hub: ChangesHub,
        sync: SyncController,
        network: BackgroundRunner,
        parent: QWidget,  # dialogs are opened over it
        status: Callable[[str], None],
        flush_note: Callable[[], object],  # save the note being typed (before an export)
        focus_tree: Callable[[], None],
        after_subscribe: Callable[[Feed], object] = lambda _feed: None,
    ) -> None:
        self._library, self._hub, self._sync, self._network = library, hub, sync, network
        self._parent, self._status = parent, status
        self._flush_note, self._focus_tree = flush_note, focus_tree
        self._add_dialog: AddFeedDialog | None = None
        self._after_subscribe = after_subscribe  # the window asks the site for its series

    # --- syncing -------------------------------------------------------------------------

    def sync_now(self) -> None:
        if self._sync.is_running():
            self._status("A sync is already running.")
        elif not self._sync.start():
            self._status("Sync is not available.")

    def cancel_sync(self) -> None:
        if self._sync.is_running():
            self._sync.cancel()
            self._status("Cancelling the sync…")

    # --- the library ---------------------------------------------------------------------

    def add_feed(self) -> AddFeedDialog:
        from readinglist.gui.dialogs.add_feed import AddFeedDialog  # dialogs load on first use

        dialog = AddFeedDialog(self._library, self._network.submit, self._parent)
        dialog.subscribed.connect(self._subscribed)
        self._add_dialog = dialog  # keep it alive while its subscribe runs
        dialog.open()
        return dialog

    def _subscribed(self, feed: Feed) -> None:
        self._status(f"Subscribed to {feed.display_title}.")
        self._hub.publish(Changes.of(feeds=[feed.id], feed_list=True))
        self._after_subscribe(feed)

    def import_opml(self, path: str | None = None) -> None:
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            path, _ = QFileDialog.getOpenFileName(
                self._parent,
                "Import OPML",
                str(Path.home()),
                "OPML (*.opml *.xml);;All files (*)",
            )
        if not path:
            return
        try:
            report = self._library.import_opml(Path(path).read_bytes())
        except (OSError, ReadingListError) as exc:
            self._status(f"Could not import {Path(path).name}: {exc}")
            return
        bits = [f"Imported {len(report.added)} feed{'s' if len(report.added) != 1 else ''}"]
        if report.already_subscribed:
            bits.append(f"{len(report.already_subscribed)} already subscribed")
        if report.problems:
            bits.append(f"{len(report.problems)} skipped: {report.problems[0]}")
        self._status(", ".join(bits) + ".")
        self._hub.publish(Changes(feed_list=True))
        if report.added and not self._sync.is_running():
            self._sync.start([f.id for f in report.added])

    def _save_to(
        self, title: str, suggested: str, filters: str, data: bytes, path: str | None
    ) -> None:
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            path, _ = QFileDialog.getSaveFileName(
                self._parent, title, str(Path.home() / suggested), filters
            )
        if not path:
            return
        try:
            Path(path).write_bytes(data)
        except OSError as exc:
            self._status(f"Could not write {path}: {exc.strerror or exc}")
            return
        self._status(f"Saved {path}")

    def export_opml(self, path: str | None = None) -> None:
        data = self._library.export_opml()
        self._save_to("Export OPML", "readinglist.opml", "OPML (*.opml)", data, path)

    def export_notes(self, path: str | None = None) -> None:
        self._flush_note()
        data = self._library.export_markdown().encode("utf-8")
        self._save_to("Export notes", "readinglist-notes.md", "Markdown (*.md)", data, path)

    def load_sample_library(self) -> None:
        try:
            feeds = self._library.load_sample_library()
        except (OSError, ReadingListError) as exc:
            self._status(f"Could not load the sample library: {exc}")
            return
        self._status(f"Loaded the sample library: {len(feeds)} feeds.")
        self._hub.publish(Changes(feed_list=True))
        self._focus_tree()
