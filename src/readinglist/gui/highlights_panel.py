"""``HighlightsPanel``: the article's highlights, drawn in the text and listed under the
notes.

* **Making one:** select text in the article and press ``h`` (or "Highlight" in the
  text's context menu). The selection is sent with the text just around it, so the
  library anchors the right occurrence when the words appear twice
  (``Library.highlight(context=...)``).
* **Drawing:** each highlight is found again in the document as shown (``locate`` on
  the document's raw text: its positions are the cursor's) and given a background;
  drawn again whenever the browser renders (images, theme) or the highlights change.
* **The list:** one row per highlight, its comment below; an orphaned one (its quote is
  gone from the current text) is kept, greyed, and says so. Clicking a row selects the
  passage and scrolls to it; its menu comments on it or removes it.

Writes are single small rows, like a note, so they run on the GUI thread; their
``Changes`` go to the window's hub.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from readinglist.gui.changes_hub import ChangesHub, in_place
from readinglist.gui.safe_browser import SafeTextBrowser
from readinglist.model.anchoring import CONTEXT_CHARS, TextAnchor, locate, whole_words
from readinglist.model.errors import ReadingListError
from readinglist.model.records import Highlight

if TYPE_CHECKING:
    from readinglist.services.library import Library

HighlightIdRole = Qt.ItemDataRole.UserRole + 1


def highlight_colour(palette: QPalette) -> QColor:
    """A marker yellow that reads on the light and on the dark theme."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    return QColor("#6a5a00") if dark else QColor("#fff0a0")


def row_text(h: Highlight) -> str:
    quote = " ".join(h.quote.split())
    text = f"“{quote}”"
    if h.note:
        text += f"\n    {h.note}"
    if h.orphaned:
        text += "\n    (no longer found in the article's current text)"
    return text


class HighlightsPanel(QWidget):
    """The highlights of the article shown in ``browser``."""

    statusMessage = Signal(str)

    def __init__(
        self,
        library: Library,
        browser: SafeTextBrowser,
        hub: ChangesHub,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._browser = browser
        self._hub = hub
        self._article_id: int | None = None
        self._highlights: list[Highlight] = []
        self._label = QLabel("Highlights", self)
        self._list = QListWidget(self)
        self._list.setObjectName("highlights")
        self._list.setWordWrap(True)
        self._list.itemClicked.connect(self._on_clicked)
        self._list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._list.customContextMenuRequested.connect(self._list_menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self._label)
        layout.addWidget(self._list, 1)
        browser.rendered.connect(self._paint)
        browser.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        browser.customContextMenuRequested.connect(self._browser_menu)
        self.setVisible(False)

    # --- what the pane calls -------------------------------------------------------

    def set_article(self, article_id: int | None) -> None:
        """Show ``article_id``'s highlights (call after its text is in the browser)."""
        self._article_id = article_id
        self.reload()

    def reload(self) -> None:
        article_id = self._article_id
        try:
            found = [] if article_id is None else self._library.list_highlights(article_id)
        except ReadingListError:
            found = []
        if not found and not self._highlights:
            return  # the common case, article after article: nothing to redraw
        self._highlights = found
        self._list.clear()
        grey = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for h in found:
            item = QListWidgetItem(row_text(h))
            item.setData(HighlightIdRole, h.id)
            if h.orphaned:
                item.setForeground(grey)
            self._list.addItem(item)
        self._label.setText(f"Highlights ({len(found)})")
        self.setVisible(bool(found))
        self._paint()

    def highlights(self) -> list[Highlight]:
        return list(self._highlights)

    def highlight_selection(self) -> bool:
        """Highlight what is selected in the article (the ``h`` key). False when
        nothing is selected or the library refused it (the status bar says why)."""
        article_id = self._article_id
        cursor = self._browser.textCursor()
        if article_id is None or not cursor.hasSelection():
            self.statusMessage.emit("Select some text in the article to highlight it.")
            return False
        raw = self._browser.document().toRawText()
        start, end = whole_words(raw, cursor.selectionStart(), cursor.selectionEnd())
        quote = raw[start:end]
        context = (raw[max(0, start - CONTEXT_CHARS) : start], raw[end : end + CONTEXT_CHARS])
        try:
            made = self._library.highlight(article_id, quote, context=context)
        except ReadingListError as exc:
            self.statusMessage.emit(f"Could not highlight: {exc}")
            return False
        self._hub.publish(in_place(made.changes), initiator=self)
        cursor.clearSelection()
        self._browser.setTextCursor(cursor)
        self.reload()
        self.statusMessage.emit("Highlighted.")
        return True

    # --- drawing ---------------------------------------------------------------------

    def _place(self, h: Highlight, raw: str) -> TextAnchor | None:
        if h.orphaned:
            return None
        return locate(raw, TextAnchor(h.quote, h.prefix, h.suffix, h.start, h.end))

    def _paint(self) -> None:
        """Give every placed highlight its background in the document as shown."""
        if not self._highlights:
            return
        document = self._browser.document()
        raw = document.toRawText()
        marker = QTextCharFormat()
        marker.setBackground(highlight_colour(self._browser.palette()))
        for h in self._highlights:
            placed = self._place(h, raw)
            if placed is None:
                continue
            cursor = QTextCursor(document)
            cursor.setPosition(placed.start)
            cursor.setPosition(placed.end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(marker)

    def scroll_to(self, highlight_id: int) -> bool:
        """Select the highlight's passage in the article and bring it into view."""
        h = next((x for x in self._highlights if x.id == highlight_id), None)
        placed = None if h is None else self._place(h, self._browser.document().toRawText())
        if placed is None:
            return False
        cursor = QTextCursor(self._browser.document())
        cursor.setPosition(placed.start)
        cursor.setPosition(placed.end, QTextCursor.MoveMode.KeepAnchor)
        self._browser.setTextCursor(cursor)
        self._browser.ensureCursorVisible()
        return True

    # --- the list and the menus -------------------------------------------------------

    def _on_clicked(self, item: QListWidgetItem) -> None:
        if not self.scroll_to(int(item.data(HighlightIdRole))):
            self.statusMessage.emit("This highlight is no longer in the article's text.")

    def _list_menu(self, pos: QPoint) -> None:
        item = self._list.itemAt(pos)
        if item is None:
            return
        highlight_id = int(item.data(HighlightIdRole))
        menu = QMenu(self)
        menu.addAction("Comment…", lambda: self.comment(highlight_id))
        menu.addAction("Remove highlight", lambda: self.remove(highlight_id))
        menu.exec(self._list.viewport().mapToGlobal(pos))

    def _browser_menu(self, pos: QPoint) -> None:
        menu = self._browser.createStandardContextMenu(pos)
        action = menu.addAction("Highlight\tH", self.highlight_selection)
        action.setEnabled(self._browser.textCursor().hasSelection())
        menu.exec(self._browser.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def comment(self, highlight_id: int, text: str | None = None) -> bool:
        """Set a highlight's comment (asks for it when ``text`` is None)."""
        current = next((h for h in self._highlights if h.id == highlight_id), None)
        if current is None:
            return False
        if text is None:
            text, ok = QInputDialog.getMultiLineText(
                self, "Comment on the highlight", row_text(current), current.note or ""
            )
            if not ok:
                return False
        try:
            made = self._library.set_highlight_note(highlight_id, text)
        except ReadingListError as exc:
            self.statusMessage.emit(f"Could not save the comment: {exc}")
            return False
        self._hub.publish(in_place(made.changes), initiator=self)
        self.reload()
        return True

    def remove(self, highlight_id: int) -> bool:
        try:
            changes = self._library.unhighlight(highlight_id)
        except ReadingListError as exc:
            self.statusMessage.emit(f"Could not remove the highlight: {exc}")
            return False
        self._hub.publish(in_place(changes), initiator=self)
        # The browser keeps the old background until the text is drawn again.
        self._browser.rerender()
        self.reload()
        return True
