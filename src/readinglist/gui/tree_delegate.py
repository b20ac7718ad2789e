"""Series rows across the whole tree: the name on the left, its progress on the right.

Why: a series' progress says what is read and what is missing ("0 of 2 read · 14
missing"), far wider than the dates the progress column holds for articles. Widening
that column for every row took the room article titles need. Instead a series row
spans both columns (``QTreeView.setFirstColumnSpanned``) and this delegate draws its
name, elided if it must be, with the progress right-aligned after it. Every other row
is drawn by Qt as before; the model is unchanged (column 1 still holds the progress).
A feed's Standalone group ("3 of 12 read") is drawn the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
)

from readinglist.gui.tree_model import NodeTypeRole
from readinglist.gui.tree_nodes import NodeType

Index = QModelIndex | QPersistentModelIndex

GAP = 12  # between the name and the progress
GROUPS = (int(NodeType.SERIES), int(NodeType.STANDALONE))


def span_group_rows(view: QTreeView, parent: Index, first: int, last: int) -> None:
    """Let the series (and standalone) rows among ``parent``'s rows ``first``..``last``
    span both columns."""
    model = view.model()
    for row in range(first, last + 1):
        if model.index(row, 0, parent).data(NodeTypeRole) in GROUPS:
            view.setFirstColumnSpanned(row, parent, True)


class SeriesRowDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if index.column() != 0 or index.data(NodeTypeRole) not in GROUPS:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        name, opt.text = opt.text, ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        progress = index.sibling(index.row(), 1).data() or ""
        plain = QFontMetrics(option.font)
        need = plain.horizontalAdvance(progress) + 2  # elidedText measures a hair wider
        room = min(need, max(0, text_rect.width() - GAP - plain.averageCharWidth() * 8))
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(opt.palette.color(opt.palette.currentColorGroup(), role))
        name_rect = QRect(text_rect)
        name_rect.setRight(text_rect.right() - room - (GAP if room else 0))
        painter.setFont(opt.font)
        elided = QFontMetrics(opt.font).elidedText(
            name, Qt.TextElideMode.ElideRight, name_rect.width()
        )
        align = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(name_rect, align | Qt.AlignmentFlag.AlignLeft, elided)
        if room:
            painter.setFont(option.font)
            right = QRect(text_rect.right() - room, text_rect.top(), room, text_rect.height())
            shown = (
                progress
                if room >= need
                else plain.elidedText(progress, Qt.TextElideMode.ElideLeft, room)
            )
            painter.drawText(right, align | Qt.AlignmentFlag.AlignRight, shown)
        painter.restore()
