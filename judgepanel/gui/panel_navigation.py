"""How the panel window's left navigation draws each stage: the page's title with its one-line
summary of what is done beneath it (the summary is the item's `SUMMARY_ROLE`)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from judgepanel.gui.pages.common import secondary_text

SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1


class NavigationDelegate(QStyledItemDelegate):
    """Each navigation item as the page's title with its summary beneath, in a quieter colour
    taken from the palette (readable in dark palettes too)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        self.initStyleOption(option, index)
        title = option.text
        summary = index.data(SUMMARY_ROLE) or ""
        option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_colour = palette.highlightedText().color() if selected else palette.text().color()
        area = option.rect.adjusted(10, 6, -8, -6)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_colour)
        line = painter.fontMetrics().height()
        painter.drawText(QRect(area.left(), area.top(), area.width(), line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        small = QFont(option.font)
        small.setPointSizeF(max(option.font.pointSizeF() * 0.88, 7.0))
        painter.setFont(small)
        if not selected:
            painter.setPen(secondary_text(palette))
        rest = QRect(area.left(), area.top() + line + 2, area.width(),
                     area.height() - line - 2)
        painter.drawText(rest, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                         | Qt.TextFlag.TextWordWrap, summary)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        line = option.fontMetrics.height()
        return QSize(200, 12 + line + 2 + 2 * line)
