"""``ImageBar``: "2 images blocked · Load images ▾" above an article's body.

Remote images are off by default because they tell the site who reads what. A reader
who wants them for one article, or trusts one site, should not have to turn them on
for everything in Preferences: the bar offers exactly those two choices and stays
hidden while the article shown has nothing blocked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QWidget

__all__ = ["ImageBar"]


class ImageBar(QWidget):
    loadHereRequested = Signal()  # "For this article"
    loadSiteRequested = Signal()  # "Always for <site>"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageBar")
        self._note = QLabel(self)
        self._note.setTextFormat(Qt.TextFormat.PlainText)
        # A plain button that pops the menu up itself: a button given the menu draws its
        # own small arrow, and a style sheet hiding that arrow would keep the old colours
        # when the theme changes.
        self._button = QPushButton("Load images ▾", self)
        self._button.setObjectName("loadImages")
        self._button.setAutoDefault(False)
        self._button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves focus in the tree
        self._button.clicked.connect(self._pop_up)
        menu = QMenu(self._button)
        self._here = QAction("For this article", menu)
        self._here.setObjectName("loadImagesHere")
        self._here.triggered.connect(self.loadHereRequested)
        self._site = QAction("Always for this site", menu)
        self._site.setObjectName("loadImagesSite")
        self._site.triggered.connect(self.loadSiteRequested)
        menu.addAction(self._here)
        menu.addAction(self._site)
        self._menu = menu
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._note)
        row.addWidget(self._button)
        row.addStretch(1)
        self.hide()

    def _pop_up(self) -> None:
        self._menu.popup(self._button.mapToGlobal(self._button.rect().bottomLeft()))

    def menu(self) -> QMenu:
        return self._menu

    def show_blocked(self, count: int, site: str) -> None:
        """Show the bar for ``count`` blocked images (hide it for 0). ``site`` names the
        'Always for' choice; without one (a link that is not http(s)) it is not offered."""
        if not count:
            if self._button.hasFocus():  # reached by Tab: pass focus on, not to the filter
                self.focusNextChild()
            self.hide()
            return
        self._note.setText(f"{count} image{'s' if count != 1 else ''} blocked ·")
        self._site.setText(f"Always for {site}")
        self._site.setVisible(bool(site))
        self.show()

    def text(self) -> str:
        """The bar as a reader sees it ('' when hidden): '2 images blocked · Load images ▾'."""
        return "" if self.isHidden() else f"{self._note.text()} {self._button.text()}"

    def choices(self) -> list[str]:
        """The 'Load images' menu as offered: ['For this article', 'Always for <site>']."""
        return [a.text() for a in (self._here, self._site) if a.isVisible()]
