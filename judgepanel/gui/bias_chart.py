"""A judge-bias bar chart painted with QPainter: who marks high, who marks low, and by how much.

Bars grow right of the centre line for lenient judges and left for harsh ones, each labelled
with the judge's name and the signed value, so the chart reads without colour as well.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

ROW_HEIGHT = 24
MARGIN = 8


def signed(value: float) -> str:
    """'+4.2', '−3.1' (a true minus sign), and never '−0.0'."""
    if abs(value) < 0.05:
        return "0.0"
    return f"{value:+.1f}".replace("-", "−")


class BiasChart(QWidget):
    """Each judge's estimated bias on the 0–100 total scale, as horizontal bars about zero."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bias: list[tuple[str, float]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setAccessibleName("Judge bias chart")

    def set_bias(self, bias: dict[str, float]) -> None:
        """Show these judges, most lenient first, so the extremes sit at the ends."""
        self._bias = sorted(((name, float(value)) for name, value in bias.items()),
                            key=lambda pair: -pair[1])
        self.setToolTip("\n".join(f"{name}: {signed(value)} points"
                                  for name, value in self._bias))
        self.updateGeometry()
        self.update()

    def judges(self) -> list[tuple[str, float]]:
        return list(self._bias)

    def sizeHint(self) -> QSize:
        return QSize(420, MARGIN * 2 + ROW_HEIGHT * max(len(self._bias), 1) + 22)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        metrics = QFontMetrics(self.font())
        if not self._bias:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             "No judge bias yet: it needs scores from two or more judges.")
            painter.end()
            return
        name_width = min(max(metrics.horizontalAdvance(n) for n, _ in self._bias) + 12,
                         self.width() // 3)
        value_width = metrics.horizontalAdvance("+00.0") + 10
        left = MARGIN + name_width + value_width
        right = self.width() - MARGIN - value_width
        centre = (left + right) / 2
        half = max((right - left) / 2, 1)
        biggest = max(max(abs(v) for _, v in self._bias), 1.0)
        lenient = QColor(46, 125, 50)
        harsh = QColor(198, 40, 40)
        if palette.color(QPalette.ColorRole.Window).lightness() < 128:
            lenient, harsh = QColor(129, 199, 132), QColor(239, 154, 154)
        top: float = MARGIN
        for name, value in self._bias:
            row = QRectF(MARGIN, top, self.width() - 2 * MARGIN, ROW_HEIGHT)
            painter.setPen(text)
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, name_width - 6)
            painter.drawText(QRectF(MARGIN, top, name_width, ROW_HEIGHT),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, shown)
            length = half * abs(value) / biggest
            bar = QRectF(centre if value >= 0 else centre - length, top + 4, length,
                         ROW_HEIGHT - 8)
            painter.fillRect(bar, lenient if value >= 0 else harsh)
            label = signed(value)
            if value >= 0:
                where = QRectF(bar.right() + 4, top, value_width, ROW_HEIGHT)
                align = Qt.AlignmentFlag.AlignLeft
            else:
                where = QRectF(bar.left() - value_width - 4, top, value_width, ROW_HEIGHT)
                align = Qt.AlignmentFlag.AlignRight
            painter.drawText(where, align | Qt.AlignmentFlag.AlignVCenter, label)
            top = row.bottom()
        painter.setPen(QPen(text, 1))
        painter.drawLine(int(centre), MARGIN, int(centre), int(top))
        painter.drawText(QRectF(left, top + 2, right - left, 20),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         "◀ marks low")
        painter.drawText(QRectF(left, top + 2, right - left, 20),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         "marks high ▶")
        painter.end()
