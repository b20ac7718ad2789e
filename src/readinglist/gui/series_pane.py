"""``SeriesPane``: one series at a glance — progress, time left, parts, gaps, a note.

Why gaps are rows: the point of the app is to read a series in order, so a missing
"Part 5" must be visible where it belongs, not silently skipped. A run of missing parts
is one row ("Parts 1–12 — not in the feed"), as in the tree. Missing rows are disabled
(greyed) and cannot be activated.

The series note uses the same ``NotesEditor`` as article notes (same autosave and
never-lose rules) with ``Library.set_series_note`` as its save function.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from readinglist.gui.changes_hub import ChangesHub
from readinglist.gui.notes_editor import NotesEditor
from readinglist.gui.series_text import (
    missing_run_row,
    missing_run_tooltip,
    missing_runs,
    missing_summary,
    series_progress,
)
from readinglist.model.changes import Changes
from readinglist.model.errors import NotFoundError, ReadingListError
from readinglist.model.parts import in_reading_order, part_words, reading_place
from readinglist.model.query import ArticleQuery
from readinglist.model.records import Article, Series
from readinglist.services.library import Library

__all__ = ["ARTICLE_ID_ROLE", "SeriesPane", "series_rows"]

ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _minutes(n: int) -> str:
    if n < 60:
        return f"{n} min"
    return f"{n // 60} h {n % 60:02d} min"


def series_rows(series: Series, articles: list[Article]) -> list[tuple[str, int | None]]:
    """(row text, article id or None for a missing part), in part order.

    The articles in reading order (an unnumbered one where its date falls among the
    numbered parts, ``model.parts``); a run of missing parts goes before the first
    numbered part past it.
    """
    rows: list[tuple[str, int | None]] = []
    gaps = [] if series.kind == "recurring" else missing_runs(series.missing)
    for article in in_reading_order(articles, reading_place):
        mark = "✓" if article.read else "•"
        title = article.short_title or article.title or "(untitled)"
        if series.kind == "recurring":  # its issues share a name: the full title and date
            when = article.published or article.first_seen
            dated = f"{when:%Y-%m-%d}  " if when else ""
            rows.append((f"{mark} {dated}{article.title or title}", article.id))
            continue
        if article.part is None:
            rows.append((f"{mark} {title}", article.id))
            continue
        while gaps and gaps[0][0] < article.part:  # one row per run, like the tree
            rows.append((f"   {missing_run_row(*gaps.pop(0))}", None))
        rows.append((f"{mark} {part_words(article.part, article.part_last)} — {title}", article.id))
    rows.extend((f"   {missing_run_row(first, last)}", None) for first, last in gaps)
    return rows


class SeriesPane(QWidget):
    """Shown when a series node is selected in the tree."""

    articleActivated = Signal(int)
    markSeriesRead = Signal(int)  # after every part was marked read (and published)
    followToggled = Signal(int, bool)  # after the follow was recorded (and published)
    findMissingRequested = Signal(int)  # the window runs the search in its worker
    statusMessage = Signal(str)

    def __init__(
        self, library: Library, parent: QWidget | None = None, *, hub: ChangesHub | None = None
    ) -> None:
        """``hub``: where this page's changes go and where it hears the others' (the
        window's); without one it keeps its own."""
        super().__init__(parent)
        self._library = library
        self._series: Series | None = None
        self._part_ids: frozenset[int] = frozenset()
        self._hub = hub or ChangesHub(self)
        self._hub.changed.connect(self._on_changes)

        self._name = QLabel(self)
        self._name.setTextFormat(Qt.TextFormat.PlainText)
        self._name.setWordWrap(True)
        font = QFont(self._name.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self._name.setFont(font)
        self._progress = QProgressBar(self)
        self._progress.setFormat("%v of %m read")
        self._left = QLabel(self)
        self._left.setTextFormat(Qt.TextFormat.PlainText)
        self._mark = QPushButton("Mark series read", self)
        self._mark.clicked.connect(self.mark_series_read)
        self._follow = QPushButton("☆ Follow", self)
        self._follow.setObjectName("followSeries")
        self._follow.setCheckable(True)
        self._follow.setToolTip("Get a notification when a sync brings a new part (F)")
        self._follow.clicked.connect(self.set_followed)
        self._find = QPushButton("Find missing parts", self)
        self._find.setObjectName("findMissingParts")
        self._find.clicked.connect(self.request_find_missing)
        self._missing = QLabel(self)
        self._missing.setTextFormat(Qt.TextFormat.PlainText)
        # what detection saw; for a guess, the two answers (one click each)
        self._evidence = QLabel(self)
        self._evidence.setObjectName("seriesEvidence")
        self._evidence.setTextFormat(Qt.TextFormat.PlainText)
        self._evidence.setWordWrap(True)
        self._confirm = QPushButton("It is a series", self)
        self._confirm.setObjectName("confirmSeries")
        self._confirm.clicked.connect(lambda: self._answer(dismiss=False))
        self._dismiss = QPushButton("Not a series", self)
        self._dismiss.setObjectName("dismissSeries")
        self._dismiss.setToolTip("Its posts become standalone, and later ones too")
        self._dismiss.clicked.connect(lambda: self._answer(dismiss=True))
        self._parts = QListWidget(self)
        self._parts.setUniformItemSizes(True)
        self._parts.itemActivated.connect(self._on_activated)
        self._notes = NotesEditor(
            library,
            self,
            save=library.set_series_note,
            title="Series notes",
            placeholder="Your notes on this series…",
        )
        self._notes.saveFailed.connect(self.statusMessage)

        row = QHBoxLayout()
        row.addWidget(self._progress, 1)
        row.addWidget(self._left)
        row.addWidget(self._mark)
        actions = QHBoxLayout()
        actions.addWidget(self._follow)
        actions.addWidget(self._find)
        actions.addWidget(self._missing)
        actions.addStretch(1)
        evidence = QHBoxLayout()
        evidence.addWidget(self._evidence, 1)
        evidence.addWidget(self._confirm)
        evidence.addWidget(self._dismiss)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self._parts)
        splitter.addWidget(self._notes)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self._name)
        layout.addLayout(row)
        layout.addLayout(actions)
        layout.addLayout(evidence)
        layout.addWidget(splitter, 1)
        self.clear()

    # --- parts the window may reach -------------------------------------------------

    def parts_list(self) -> QListWidget:
        return self._parts

    def notes_editor(self) -> NotesEditor:
        return self._notes

    def current_series_id(self) -> int | None:
        return self._series.id if self._series is not None else None

    # --- showing ----------------------------------------------------------------------

    def show_series(self, series_id: int) -> bool:
        """Show ``series_id`` (the previous series note is saved first)."""
        try:
            series = self._library.get_series(series_id)
        except NotFoundError:
            self.clear()
            self.statusMessage.emit("That series is no longer in the library.")
            return False
        articles = self._library.list_articles(ArticleQuery(series_id=series.id, order="part"))
        self._series = series
        self._notes.set_target(series.id, series.note)
        self._name.setText(series.name)
        total = max(series.article_count, 1)
        self._progress.setRange(0, total)
        self._progress.setValue(series.read_count)
        self._progress.setFormat(
            series_progress(series.read_count, series.article_count, len(series.missing))
        )
        if series.minutes_left:
            self._left.setText(f"{_minutes(series.minutes_left)} left to read")
        else:
            self._left.setText("All read" if series.article_count else "")
        self._mark.setEnabled(series.read_count < series.article_count)
        self._show_follow(series.followed)
        self._follow.setEnabled(True)
        self._find.setEnabled(True)
        self._missing.setText(missing_summary(series.missing))
        self._find.setVisible(series.kind != "recurring")  # a column has no parts to miss
        self._show_evidence(series)
        self._fill_parts(series, articles)
        return True

    def _show_evidence(self, series: Series) -> None:
        if series.kind == "recurring":
            text = "A recurring column: its posts by date, no parts to miss."
        elif series.guess:
            text = "A guess: this group was found on weak evidence."
        else:
            text = ""
        if series.why:
            text = f"{text} Why: {series.why}".strip()
        self._evidence.setText(text)
        self._evidence.setVisible(bool(text))
        self._confirm.setVisible(series.guess)
        self._dismiss.setVisible(series.guess)

    def _answer(self, *, dismiss: bool) -> None:
        """One click settles a guess: confirmed, or dissolved ("not a series")."""
        if self._series is None:
            return
        series = self._series
        try:
            if dismiss:
                changes = self._library.dismiss_series(series.id)
            else:
                changes = self._library.confirm_series(series.id)
        except ReadingListError as exc:
            self.statusMessage.emit(str(exc))
            return
        self._hub.publish(changes, initiator=self)
        if dismiss:
            self.statusMessage.emit(f"“{series.name}” is not a series: its posts are standalone.")
            self.clear()
        else:
            self.statusMessage.emit(f"“{series.name}” is a series.")
            self.refresh()

    def refresh(self) -> None:
        """Re-read the shown series (its note is kept while it has unsaved edits)."""
        if self._series is not None:
            self.show_series(self._series.id)

    def _on_changes(self, changes: Changes) -> None:
        """Redraw when a change names this series, its feed or one of its parts."""
        series = self._series
        if series is None or self._hub.initiator() is self:
            return
        if (
            series.id in changes.series
            or series.feed_id in changes.feeds
            or not self._part_ids.isdisjoint(changes.articles)
        ):
            self.refresh()

    def clear(self) -> None:
        self._notes.set_target(None, None)
        self._series = None
        self._name.setText("")
        self._progress.setRange(0, 1)
        self._progress.setValue(0)
        self._progress.setFormat("")
        self._left.setText("")
        self._mark.setEnabled(False)
        self._show_follow(False)
        self._follow.setEnabled(False)
        self._find.setEnabled(False)
        for widget in (self._evidence, self._confirm, self._dismiss):
            widget.hide()
        self._missing.setText("")
        self._parts.clear()

    def _show_follow(self, followed: bool) -> None:
        self._follow.setChecked(followed)
        self._follow.setText("★ Following" if followed else "☆ Follow")

    def _fill_parts(self, series: Series, articles: list[Article]) -> None:
        current = self._parts.currentItem()
        keep = current.data(ARTICLE_ID_ROLE) if current is not None else None
        self._parts.clear()
        self._part_ids = frozenset(a.id for a in articles)
        runs = iter(missing_runs(series.missing))
        for text, article_id in series_rows(series, articles):
            item = QListWidgetItem(text)
            if article_id is None:
                item.setFlags(Qt.ItemFlag.NoItemFlags)  # greyed, not selectable
                item.setToolTip(missing_run_tooltip(*next(runs)))
            else:
                item.setData(ARTICLE_ID_ROLE, article_id)
            self._parts.addItem(item)
            if keep is not None and article_id == keep:
                self._parts.setCurrentItem(item)

    def _on_activated(self, item: QListWidgetItem) -> None:
        article_id = item.data(ARTICLE_ID_ROLE)
        if article_id is not None and item.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.articleActivated.emit(int(article_id))

    # --- actions ----------------------------------------------------------------------

    def mark_series_read(self) -> int:
        """Mark every part read through the library; returns how many changed."""
        if self._series is None:
            return 0
        series_id = self._series.id
        changes = self._library.mark_read_where(series_id=series_id)
        changed = len(changes.articles)
        self._hub.publish(changes, initiator=self)
        self.markSeriesRead.emit(series_id)
        undo = " (Ctrl+Z undoes it)" if changed else ""
        self.statusMessage.emit(f"Marked {changed} part{'s' if changed != 1 else ''} read{undo}")
        self.refresh()
        return changed

    def set_followed(self, followed: bool) -> None:
        """Follow or unfollow the shown series through the library."""
        if self._series is None:
            return
        series_id = self._series.id
        try:
            changes = self._library.set_followed(series_id, followed)
        except NotFoundError:
            self.clear()
            return
        self._hub.publish(changes, initiator=self)
        self._show_follow(followed)
        self.followToggled.emit(series_id, followed)
        self.refresh()

    def request_find_missing(self) -> None:
        if self._series is not None:
            self.findMissingRequested.emit(self._series.id)

    def follow_button(self) -> QPushButton:
        return self._follow

    def find_button(self) -> QPushButton:
        return self._find

    def time_left_text(self) -> str:
        return self._left.text()

    def progress_text(self) -> str:
        """What the progress bar says: "0 of 2 read · 14 missing"."""
        return self._progress.format()

    def missing_text(self) -> str:
        """The missing parts as ranges: "Missing: 1–12, 14–15"."""
        return self._missing.text()

    def focus_notes(self) -> None:
        self._notes.focus_editor()

    def flush_note(self) -> bool:
        return self._notes.flush()
