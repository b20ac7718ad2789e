"""How one filter result is drawn: its whole title, where it is from, the matching words.

Why a delegate: a result is only useful if the reader can tell which article it is and
why it matched. A row holds the title (wrapped onto as many lines as it needs, never
clipped), a grey line "Feed · Series, part 4 · 2024-01-04" and the filter's words in
context, in bold. Rows differ in height only by their title's lines; those heights are
measured once per article and width, so scrolling and read/star toggles stay cheap.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from readinglist.gui import theme
from readinglist.gui.filter_bar import ExcerptRole, MetaRole
from readinglist.gui.tree_model import PayloadRole

Index = QModelIndex | QPersistentModelIndex

PAD = 4  # around a row, and between its icon and its text
ICON = 16  # the star column
WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


def install(view: QListView) -> ResultDelegate:
    """Draw ``view``'s rows with a ``ResultDelegate`` (rows of their own heights)."""
    delegate = ResultDelegate(view)
    view.setItemDelegate(delegate)
    view.setUniformItemSizes(False)
    view.setResizeMode(QListView.ResizeMode.Adjust)  # re-wrap titles when the width changes
    view.setLayoutMode(QListView.LayoutMode.Batched)  # 500 rows: the first screen first
    view.setBatchSize(50)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    return delegate


class ResultDelegate(QStyledItemDelegate):
    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        self._small = QFont(view.font())
        self._small.setPointSizeF(max(6.0, view.font().pointSizeF() * 0.9))
        self._small_bold = QFont(self._small)
        self._small_bold.setBold(True)
        self._heights: dict[tuple[int, int, bool], int] = {}  # (article, width, bold)
        model = view.model()
        if model is not None:
            model.modelReset.connect(self._heights.clear)

    # --- sizes ------------------------------------------------------------------------

    def _text_width(self) -> int:
        return max(40, self._view.viewport().width() - 3 * PAD - ICON)

    def _title_font(self, bold: bool) -> QFont:
        return theme.bold_font() if bold else self._view.font()

    def _title_height(self, article: Any, width: int) -> int:
        bold = not article.read
        key = (article.id, width, bold)
        height = self._heights.get(key)
        if height is None:
            title = article.title or article.link or f"Article {article.id}"
            rect = QRect(0, 0, width, 100_000)
            height = QFontMetrics(self._title_font(bold)).boundingRect(rect, WRAP, title).height()
            self._heights[key] = height
        return height

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        article = index.data(PayloadRole)
        if article is None:
            return super().sizeHint(option, index)
        width = self._text_width()
        small = QFontMetrics(self._small).lineSpacing()
        height = 3 * PAD + self._title_height(article, width) + 2 * small + PAD // 2
        return QSize(width + 3 * PAD + ICON, height)

    # --- painting ---------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        article = index.data(PayloadRole)
        if article is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)  # the view's state: selected, hovered …
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = opt.palette.currentColorGroup()
        text = opt.palette.color(
            group,
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text,
        )
        dim = QColor(text)
        dim.setAlphaF(0.85 if selected else 0.6)  # the where-from line: quieter, readable
        rect = opt.rect
        left = rect.left() + PAD
        top = rect.top() + PAD
        width = self._text_width()
        painter.save()
        if article.starred:
            theme.icon("star").paint(painter, QRect(left, top, ICON, ICON))
        x = left + ICON + PAD
        title_h = self._title_height(article, width)
        painter.setFont(self._title_font(not article.read))
        painter.setPen(text)
        painter.drawText(QRect(x, top, width, title_h), WRAP, index.data())
        y = top + title_h + PAD // 2
        small = QFontMetrics(self._small)
        painter.setFont(self._small)
        painter.setPen(dim)
        meta = small.elidedText(index.data(MetaRole) or "", Qt.TextElideMode.ElideRight, width)
        painter.drawText(QPoint(x, y + small.ascent()), meta)
        y += small.lineSpacing()
        painter.setPen(text)
        self._draw_excerpt(painter, index.data(ExcerptRole) or (), x, y + small.ascent(), width)
        painter.restore()

    def _draw_excerpt(
        self, painter: QPainter, segments: Any, x: int, baseline: int, width: int
    ) -> None:
        """The matched words in bold, the rest plain, elided at the row's end."""
        right = x + width
        for piece, match in segments:
            font = self._small_bold if match else self._small
            metrics = QFontMetrics(font)
            advance = metrics.horizontalAdvance(piece)
            painter.setFont(font)
            if x + advance > right:
                piece = metrics.elidedText(piece, Qt.TextElideMode.ElideRight, right - x)
                painter.drawText(QPoint(x, baseline), piece)
                return
            painter.drawText(QPoint(x, baseline), piece)
            x += advance
