"""``FollowNotifier``: one desktop notification per sync run for followed series.

The sync controller reports one ``FeedSyncResult`` per feed as it finishes; the
notifier only collects their ``new_article_ids`` and, when the run ends, asks the store
(one indexed query per 500 ids) which of them belong to a followed series. One run
gives at most ONE message, however many feeds and parts it brought:

    New part of Transfer Learning: Part 7 — Multi-task learning
    3 new parts of Transfer Learning
    3 new parts in 2 followed series: Transfer Learning, Time Series

The message goes to the system tray (``QSystemTrayIcon.showMessage``) when there is one,
else to the status bar. ``notified`` is emitted either way, and ``show`` can be
replaced, so tests (offscreen: no tray) count notifications without a desktop.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon

from readinglist.model.parts import part_words

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSystemTrayIcon

    from readinglist.model.records import Article, FeedSyncResult

__all__ = ["FollowNotifier", "Notification", "summarize"]

APP_TITLE = "readinglist"
MESSAGE_MS = 10_000
MAX_NAMES = 3


@dataclass(frozen=True, slots=True)
class Notification:
    title: str
    text: str
    article_ids: tuple[int, ...]
    series_ids: tuple[int, ...]  # in order of first appearance


def _part_title(article: Article) -> str:
    title = article.short_title or article.title or "(untitled)"
    if article.part is None:
        return title
    return f"{part_words(article.part, article.part_last)} — {title}"


def summarize(articles: Sequence[Article]) -> Notification | None:
    """The one message for the new parts of followed series (None when there are none)."""
    articles = [a for a in articles if a.series_id is not None]
    if not articles:
        return None
    names: dict[int, str] = {}
    for a in articles:
        assert a.series_id is not None
        names.setdefault(a.series_id, a.series_name or "a followed series")
    ids = tuple(a.id for a in articles)
    n = len(articles)
    if n == 1:
        a = articles[0]
        text = f"New part of {names[a.series_id or 0]}: {_part_title(a)}"
    elif len(names) == 1:
        text = f"{n} new parts of {next(iter(names.values()))}"
    else:
        listed = list(names.values())
        shown = ", ".join(listed[:MAX_NAMES]) + (", …" if len(listed) > MAX_NAMES else "")
        text = f"{n} new parts in {len(names)} followed series: {shown}"
    return Notification(APP_TITLE, text, ids, tuple(names))


class FollowedParts(Protocol):
    """What the notifier asks of the library (tests may hand a store)."""

    def articles_in_followed_series(self, article_ids: Sequence[int]) -> list[Article]: ...


class FollowNotifier(QObject):
    """Collects a sync run's new articles and tells the user about followed series."""

    notified = Signal(object)  # the Notification, once per run that brought followed parts
    statusMessage = Signal(str)  # the fallback when there is no system tray
    activated = Signal(int)  # the user clicked the tray message: a series id to show

    def __init__(
        self,
        library: FollowedParts,
        parent: QObject | None = None,
        *,
        show: Callable[[Notification], bool] | None = None,
        icon: QIcon | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._pending: list[int] = []
        self._icon = icon or QIcon()
        self._tray: QSystemTrayIcon | None = None
        self._last: Notification | None = None
        #: Shows a notification; returns False when it could not (then: status bar).
        self.show: Callable[[Notification], bool] = show or self.show_in_tray

    # --- the sync run -------------------------------------------------------------------

    def begin(self) -> None:
        """A run starts: forget anything left from a run that never finished."""
        self._pending = []

    def add_result(self, result: FeedSyncResult) -> None:
        self._pending.extend(result.new_article_ids)

    def finish(self, _summary: object = None) -> Notification | None:
        """The run ended (finished or failed): notify once about what it brought."""
        ids, self._pending = self._pending, []
        if not ids:
            return None
        try:
            articles = self._library.articles_in_followed_series(ids)
        except Exception as exc:  # a notification must never break the sync's ending
            self.statusMessage.emit(f"Could not check followed series: {exc}")
            return None
        note = summarize(articles)
        if note is None:
            return None
        self._last = note
        if not self.show(note):
            self.statusMessage.emit(note.text)
        self.notified.emit(note)
        return note

    def last(self) -> Notification | None:
        return self._last

    # --- the system tray ----------------------------------------------------------------

    def show_in_tray(self, note: Notification) -> bool:
        from PySide6.QtWidgets import QSystemTrayIcon  # on use, not at start-up

        if not QSystemTrayIcon.isSystemTrayAvailable():
            return False
        if self._tray is None:
            self._tray = QSystemTrayIcon(self._icon, self)
            self._tray.setToolTip(APP_TITLE)
            self._tray.messageClicked.connect(self._on_clicked)
            self._tray.activated.connect(lambda _reason: self._on_clicked())
        self._tray.show()
        self._tray.showMessage(
            note.title, note.text, QSystemTrayIcon.MessageIcon.Information, MESSAGE_MS
        )
        return True

    def _on_clicked(self) -> None:
        if self._last is not None and self._last.series_ids:
            self.activated.emit(self._last.series_ids[0])

    def shutdown(self) -> None:
        if self._tray is not None:
            self._tray.hide()
