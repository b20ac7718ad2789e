"""``ArticlePane``: one article — header, safe body, part navigation, read/star, note.

Why reads happen right here on the GUI thread: ``get_article``/``get_content`` and the
series lookups are primary-key and indexed reads of one article and one series (well
under a millisecond each), and showing the article a beat later from a background
thread would add flicker and ordering problems for nothing. Anything that can be slow
(searches, tree loads, remote images) goes through ``BackgroundRunner``.

Text from the feed (title, author, series name, feed title) is shown as plain text in
labels whose text format is fixed to ``PlainText``: a title like ``<img src=…>`` is
shown as those characters, never rendered. The body goes through ``SafeTextBrowser``.

Remote images stay blocked unless the reader chooses: the body shows a blocked image
as its alt text, and a bar above it says "2 images blocked · Load images ▾" with "For
this article" (remembered for this session) and "Always for <site>" (the window keeps
the site in its settings through ``imageSiteAllowed``; Preferences can forget it).

An article whose feed carries only a summary offers "Fetch full length" in its header:
the page is fetched by ``Library.fetch_page_length`` on the runner (never on the GUI
thread), then the header's reading time is re-read and ``pageLengthFetched`` tells the
window, which refreshes the tree row and the series' time left.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from readinglist.gui.background import BackgroundRunner
from readinglist.gui.changes_hub import ChangesHub, in_place
from readinglist.gui.fulltext_header import FullTextHeader
from readinglist.gui.highlights_panel import HighlightsPanel
from readinglist.gui.image_bar import ImageBar
from readinglist.gui.notes_editor import NotesEditor
from readinglist.gui.part_labels import (
    column_label,
    gap_after,
    gap_text,
    next_part_text,
    part_label,
)
from readinglist.gui.safe_browser import SafeTextBrowser, is_web_url
from readinglist.model.changes import Changes
from readinglist.model.errors import NotFoundError
from readinglist.model.parts import covered
from readinglist.model.records import Article, ArticleContent
from readinglist.services.library import Library

__all__ = ["ArticlePane"]


def _plain_label(parent: QWidget, *, wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _date_text(article: Article) -> str:
    """The day the post says it was published; a post that says none (a page "Find
    missing parts" found with no date on it, a feed entry without one) shows the day it
    came in as that, "added 7 Dec 2026", not as a publication date it never had."""
    if article.published is not None:
        return article.published.astimezone().strftime("%d %b %Y")
    if article.first_seen is not None:
        return "added " + article.first_seen.astimezone().strftime("%d %b %Y")
    return ""


class ArticlePane(QWidget):
    """Shows one article; the window connects its signals to the tree and status bar."""

    navigateRequested = Signal(int)  # previous/next part: the article id to show
    readToggled = Signal(int, bool)
    starToggled = Signal(int, bool)
    linkRefused = Signal(str)
    statusMessage = Signal(str)
    findMissingRequested = Signal(int)  # the series id of the shown article
    pageLengthFetched = Signal(int, int)  # article id, its new word count
    imageSiteAllowed = Signal(str)  # "Load images → Always for <site>": the site

    def __init__(
        self,
        library: Library,
        parent: QWidget | None = None,
        *,
        runner: BackgroundRunner | None = None,
        mark_read_on_open: bool = False,
        load_remote_images: bool = False,
        image_sites: frozenset[str] = frozenset(),
        text_size: int = 0,
        hub: ChangesHub | None = None,
    ) -> None:
        """``hub``: where this page's changes go and where it hears the others' (the
        window's); without one it keeps its own."""
        super().__init__(parent)
        self._library = library
        self._hub = hub or ChangesHub(self)
        self._hub.changed.connect(self._on_changes)
        #: Mark an article read as soon as it is shown (a preference; off by default).
        self.mark_read_on_open = mark_read_on_open
        self._article: Article | None = None
        self._body_source: tuple[str, str | None] | None = None
        self._prev_id: int | None = None
        self._next_id: int | None = None
        self._gap_parts: tuple[int, ...] = ()
        self._feed_facts: dict[int, tuple[str, bool]] = {}  # feed id -> (title, offline)
        self._runner = runner
        self._images_for: set[int] = set()  # "Load images → For this article" (a session)

        self._title = _plain_label(self)
        font = QFont(self._title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self._title.setFont(font)
        self._series = _plain_label(self)
        self._meta = _plain_label(self)
        self._gap = QLabel(self)
        self._gap.setObjectName("partGap")
        self._gap.setTextFormat(Qt.TextFormat.RichText)  # our own words only, never feed text
        self._gap.linkActivated.connect(self._on_gap_link)
        self._length = QLabel(self)
        self._length.setObjectName("pageLength")
        self._length.setTextFormat(Qt.TextFormat.RichText)  # our own words only
        self._fulltext = FullTextHeader(
            self._length,
            library,
            runner,
            shown=lambda: self._article,
            refresh=self.refresh,
            publish=lambda changes: self._hub.publish(changes, initiator=self),
            parent=self,
        )
        self._fulltext.fetched.connect(self.pageLengthFetched)
        self._fulltext.statusMessage.connect(self.statusMessage)

        self._prev = QPushButton("◀ Previous part", self)
        self._next = QPushButton("Next part ▶", self)
        self._read = QPushButton("Read", self)
        self._read.setCheckable(True)
        self._star = QPushButton("☆ Star", self)
        self._star.setCheckable(True)
        self._open = QPushButton("Open in browser", self)
        self._prev.clicked.connect(lambda: self._navigate(self._prev_id))
        self._next.clicked.connect(lambda: self._navigate(self._next_id))
        self._read.clicked.connect(self._set_read)
        self._star.clicked.connect(self._set_starred)
        self._open.clicked.connect(self.open_in_browser)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self._prev, self._next, self._read, self._star, self._open):
            buttons.addWidget(button)
        buttons.addStretch(1)
        series_row = QHBoxLayout()
        series_row.setContentsMargins(0, 0, 0, 0)
        series_row.addWidget(self._series, 1)  # wraps only when the row is full
        series_row.addWidget(self._gap, 0, Qt.AlignmentFlag.AlignTop)

        self._browser = SafeTextBrowser(self, runner=runner, image_store=library.image_cache)
        self._browser.set_remote_images_allowed(load_remote_images)
        self._browser.set_allowed_sites(image_sites)
        self._browser.linkRefused.connect(self.linkRefused)
        self._browser.remoteImagesBlocked.connect(self._on_images_blocked)
        self.set_text_size(text_size)
        self._notes = NotesEditor(library, self)
        self._notes.saveFailed.connect(self.statusMessage)
        self._highlights = HighlightsPanel(library, self._browser, self._hub, self)
        self._highlights.statusMessage.connect(self.statusMessage)
        kept = QWidget(self)  # what the reader keeps: the note, then the highlights
        kept_layout = QVBoxLayout(kept)
        kept_layout.setContentsMargins(0, 0, 0, 0)
        kept_layout.addWidget(self._notes, 1)
        kept_layout.addWidget(self._highlights, 1)
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(2)
        self._image_bar = ImageBar(body)
        self._image_bar.loadHereRequested.connect(self.load_images_for_article)
        self._image_bar.loadSiteRequested.connect(self.load_images_for_site)
        body_layout.addWidget(self._image_bar)
        body_layout.addWidget(self._browser, 1)

        self._splitter = QSplitter(Qt.Orientation.Vertical, self)
        self._splitter.addWidget(body)
        self._splitter.addWidget(kept)
        self._splitter.setStretchFactor(0, 4)
        self._splitter.setStretchFactor(1, 1)
        self._splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self._title)
        layout.addLayout(series_row)
        meta_row = QHBoxLayout()
        meta_row.setContentsMargins(0, 0, 0, 0)
        meta_row.addWidget(self._meta, 1)
        meta_row.addWidget(self._length, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(meta_row)
        layout.addLayout(buttons)
        layout.addWidget(self._splitter, 1)
        self._title.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.clear()

    def changeEvent(self, event: QEvent) -> None:
        """A new palette: set the linked labels again (Qt colours links when it parses)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            for label in (self._gap, self._length):
                text = label.text()
                label.clear()
                label.setText(text)

    # --- parts the window may reach -------------------------------------------------

    def browser(self) -> SafeTextBrowser:
        return self._browser

    def highlights_panel(self) -> HighlightsPanel:
        return self._highlights

    def highlight_selection(self) -> bool:
        return self._highlights.highlight_selection()

    def notes_editor(self) -> NotesEditor:
        return self._notes

    def splitter(self) -> QSplitter:
        return self._splitter

    @property
    def opener(self) -> Callable[[QUrl], object]:
        """Opens http(s) URLs in the system browser (shared with the body's links)."""
        return self._browser.opener

    @opener.setter
    def opener(self, value: Callable[[QUrl], object]) -> None:
        self._browser.opener = value

    @property
    def load_remote_images(self) -> bool:
        return self._browser.remote_images_allowed()

    @load_remote_images.setter
    def load_remote_images(self, allowed: bool) -> None:
        self._browser.set_remote_images_allowed(allowed)

    def set_image_sites(self, sites: frozenset[str]) -> None:
        """The sites whose articles always load remote images (from the settings)."""
        self._browser.set_allowed_sites(sites)

    def set_text_size(self, points: int) -> None:
        """The article body's text size in points; 0: the window's own font size."""
        font = QFont(self.font())
        if points > 0:
            font.setPointSize(points)
        self._browser.setFont(font)

    def text_size(self) -> int:
        """The body's text size in points as shown."""
        return self._browser.font().pointSize()

    # --- showing --------------------------------------------------------------------

    def current_article_id(self) -> int | None:
        return self._article.id if self._article is not None else None

    def current_article(self) -> Article | None:
        return self._article

    def show_article(self, article_id: int) -> bool:
        """Show ``article_id`` (the current note is saved first). False if it is gone."""
        try:
            article = self._library.get_article(article_id)
            content = self._library.get_content(article_id)
        except NotFoundError:
            self.clear()
            self.statusMessage.emit("That article is no longer in the library.")
            return False
        if self.mark_read_on_open and not article.read:
            changes = self._library.mark_read([article.id], True)
            article = dataclasses.replace(article, read=True)
            self._hub.publish(in_place(changes), initiator=self)
            self.readToggled.emit(article.id, True)
        self._display(article, content)
        return True

    def refresh(self) -> None:
        """Re-read the shown article (after a sync or a change elsewhere).

        The body re-renders only when it changed (keeping the scroll position), and the
        note is never reloaded while it has unsaved edits.
        """
        if self._article is None:
            return
        try:
            article = self._library.get_article(self._article.id)
            content = self._library.get_content(self._article.id)
        except NotFoundError:
            self.clear()
            self.statusMessage.emit("The article shown was removed from the library.")
            return
        self._feed_facts.pop(article.feed_id, None)
        self._display(article, content)

    def _on_changes(self, changes: Changes) -> None:
        """Re-read when a change names the shown article, its feed or its series."""
        for feed_id in changes.feeds:  # a policy set, a sync: what is known of it ages
            self._fulltext.forget_feed(feed_id)
        article = self._article
        if article is None or self._hub.initiator() is self:
            return
        if (
            article.id in changes.articles
            or article.feed_id in changes.feeds
            or (article.series_id is not None and article.series_id in changes.series)
        ):
            self.refresh()

    def clear(self) -> None:
        """Show nothing (the note of the previous article is saved first)."""
        self._notes.set_article(None, None)
        self._highlights.set_article(None)
        self._article = None
        self._body_source = None
        self._prev_id = self._next_id = None
        self._gap_parts = ()
        self._gap.setText("")
        self._gap.hide()
        self._next.setText(next_part_text(None))
        self._title.setText("")
        self._series.setText("")
        self._series.hide()
        self._meta.setText("")
        self._length.setText("")
        self._length.hide()
        self._browser.clear_article()
        for button in (self._prev, self._next, self._read, self._star, self._open):
            button.setEnabled(False)
        self._read.setChecked(False)
        self._star.setChecked(False)

    def _display(self, article: Article, content: ArticleContent) -> None:
        self._notes.set_article(article.id, article.note)  # flushes the previous note
        same_article = self._article is not None and self._article.id == article.id
        self._article = article
        self._title.setText(article.title or "(untitled)")
        self._meta.setText(self._meta_text(article))
        self._fulltext.show(article, content, offline=self._feed(article.feed_id)[1])
        self._show_series(article)
        self._update_toggles()
        self._open.setEnabled(bool(article.link) and is_web_url(QUrl(article.link or "")))
        summary = self._fulltext.wants_summary(article.id)
        body = content.feed_html if summary else content.body_html
        source = (body, article.link)
        if source != self._body_source:
            self._body_source = source
            self._browser.set_article_html(
                *source, keep_scroll=same_article, images_here=article.id in self._images_for
            )
        self._highlights.set_article(article.id)

    def _feed(self, feed_id: int) -> tuple[str, bool]:
        """The article's feed as the header needs it: its title, and whether it is one
        of the offline sample feeds (read once per feed, not per article)."""
        facts = self._feed_facts.get(feed_id)
        if facts is None:
            try:
                feed = self._library.get_feed(feed_id)
                facts = (feed.display_title, feed.offline)
            except NotFoundError:
                facts = ("", False)
            self._feed_facts[feed_id] = facts
        return facts

    def _meta_text(self, article: Article) -> str:
        feed_title = self._feed(article.feed_id)[0]
        bits = [
            feed_title,
            article.author or "",
            _date_text(article),
            f"{article.reading_minutes} min read" if article.reading_minutes else "",
        ]
        return " · ".join(b for b in bits if b)

    # --- the full text from the page (``FullTextHeader``) ------------------------------

    def length_text(self) -> str:
        """The header's full-text hint as shown (tags removed), '' when there is none."""
        return self._fulltext.text()

    def length_label(self) -> QLabel:
        return self._length

    def meta_text(self) -> str:
        """The header's meta line: feed, author, date and reading time."""
        return self._meta.text()

    def fetch_full_length(self) -> bool:
        """Fetch the shown article's full text on the runner (the header's link)."""
        return self._fulltext.fetch()

    def _show_series(self, article: Article) -> None:
        """Series line and previous/next part, from the series' members in part order
        (the same non-hidden articles ``Series.parts``/``article_count`` count)."""
        self._prev_id = self._next_id = None
        self._gap_parts = ()
        column = False  # a column's posts go by date: no parts, no gaps
        if article.series_id is None:
            self._series.setText("")
            self._series.hide()
        else:
            members = self._library.series_member_parts(article.series_id)
            ids = [aid for aid, _, _ in members]
            if article.id in ids:
                index = ids.index(article.id)
                self._prev_id = ids[index - 1] if index > 0 else None
                self._next_id = ids[index + 1] if index + 1 < len(ids) else None
            held = {n for _, part, last in members if part is not None for n in covered(part, last)}
            parts = tuple(sorted(held))
            unnumbered = sum(1 for _, part, _ in members if part is None)
            column = self._library.series_kind(article.series_id) == "recurring"
            label = (
                column_label(ids.index(article.id), len(ids))
                if column and article.id in ids
                # pieces of one part ("05 part 1", "part 2") count once
                else part_label(article.part, parts, len(parts) + unnumbered, article.part_last)
            )
            self._series.setText(f"{article.series_name or ''} — {label}")
            self._series.show()
            last = article.part_last if article.part_last is not None else article.part
            self._gap_parts = () if column else gap_after(last, parts)
        self._prev.setText("◀ Previous post" if column else "◀ Previous part")
        self._prev.setEnabled(self._prev_id is not None)
        self._next.setEnabled(self._next_id is not None)
        self._next.setText(next_part_text(self._part_article(self._next_id), column=column))
        self._next.setToolTip(self._next.text().replace("&&", "&") if self._next_id else "")
        if self._gap_parts:
            self._gap.setText(
                f"{gap_text(self._gap_parts)} · <a href='find-missing'>Find missing parts</a>"
            )
            self._gap.show()
        else:
            self._gap.setText("")
            self._gap.hide()

    def _part_article(self, article_id: int | None) -> Article | None:
        if article_id is None:
            return None
        try:
            return self._library.get_article(article_id)
        except NotFoundError:
            return None

    def _on_gap_link(self, _href: str) -> None:
        self.request_find_missing()

    def request_find_missing(self) -> None:
        if self._article is not None and self._article.series_id is not None:
            self.findMissingRequested.emit(self._article.series_id)

    def missing_after(self) -> tuple[int, ...]:
        """The part numbers missing right after the shown one (the header's hint)."""
        return self._gap_parts

    def next_part_label(self) -> str:
        return self._next.text().replace("&&", "&")

    def _update_toggles(self) -> None:
        article = self._article
        self._read.setEnabled(article is not None)
        self._star.setEnabled(article is not None)
        self._read.setChecked(bool(article and article.read))
        self._read.setText("✓ Read" if article and article.read else "Read")
        self._star.setChecked(bool(article and article.starred))
        self._star.setText("★ Starred" if article and article.starred else "☆ Star")

    # --- blocked images ----------------------------------------------------------------

    def _on_images_blocked(self, count: int) -> None:
        self._image_bar.show_blocked(count, self._browser.site())

    def image_bar(self) -> ImageBar:
        return self._image_bar

    def load_images_for_article(self) -> None:
        """Load the remote images of the article shown (again when it is shown again)."""
        if self._article is None:
            return
        self._images_for.add(self._article.id)
        self._browser.allow_images_here()

    def load_images_for_site(self) -> None:
        """Load remote images of every article of this one's site, now and later."""
        site = self._browser.site()
        if self._article is None or not site:
            return
        self._browser.set_allowed_sites(self._browser.allowed_sites() | {site})
        self.imageSiteAllowed.emit(site)
        self.statusMessage.emit(f"Images of {site} will load (Preferences can undo this)")

    # --- actions ----------------------------------------------------------------------

    def _navigate(self, article_id: int | None) -> None:
        if article_id is not None:
            self.navigateRequested.emit(article_id)

    def previous_part_id(self) -> int | None:
        return self._prev_id

    def next_part_id(self) -> int | None:
        return self._next_id

    def toggle_read(self) -> None:
        if self._article is not None:
            self._set_read(not self._article.read)

    def toggle_star(self) -> None:
        if self._article is not None:
            self._set_starred(not self._article.starred)

    def _set_read(self, read: bool) -> None:
        article = self._article
        if article is None:
            return
        try:
            changes = self._library.mark_read([article.id], read)
        except NotFoundError:
            self.clear()
            return
        self._article = dataclasses.replace(article, read=read)
        self._update_toggles()
        self._hub.publish(in_place(changes), initiator=self)
        self.readToggled.emit(article.id, read)

    def _set_starred(self, starred: bool) -> None:
        article = self._article
        if article is None:
            return
        try:
            changes = self._library.set_starred([article.id], starred)
        except NotFoundError:
            self.clear()
            return
        self._article = dataclasses.replace(article, starred=starred)
        self._update_toggles()
        self._hub.publish(in_place(changes), initiator=self)
        self.starToggled.emit(article.id, starred)

    def open_in_browser(self) -> bool:
        """Open the article's own page in the system browser (http/https only)."""
        if self._article is None:
            return False
        link = self._article.link or ""
        if not self._browser.open_link(QUrl(link)):
            return False
        self.statusMessage.emit(f"Opened {link}")
        return True

    def focus_notes(self) -> None:
        self._notes.focus_editor()

    def flush_note(self) -> bool:
        """Save the note now (quit, SIGTERM). True when nothing is left unsaved."""
        return self._notes.flush()
