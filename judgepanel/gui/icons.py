"""The application icon and the entry-status icons.

Status icons differ in shape as well as colour (an empty ring, a half-filled ring, a tick, a
no-entry sign), and the list always shows the status in words beside them.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from judgepanel.core.resources import resource_path

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
STATUS_COLOURS = {
    "not started": "#768692",
    "in progress": "#005EB8",
    "complete": "#007F3B",
    "conflict": "#B3261E",
}


@cache
def app_icon() -> QIcon:
    """The rosette, at every size we ship, plus the SVG for anything larger."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = resource_path("icons", f"judgepanel-{size}.png")
        if path.exists():
            icon.addFile(str(path))
    svg = resource_path("icons", "judgepanel.svg")
    if svg.exists():
        icon.addFile(str(svg))
    return icon


@cache
def status_icon(status: str) -> QIcon:
    """A small shape for an entry's status; the shape alone tells the statuses apart."""
    size = 32
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(STATUS_COLOURS.get(status, "#768692"))
    pen = QPen(colour, 3)
    painter.setPen(pen)
    ring = QRectF(4, 4, size - 8, size - 8)
    if status == "not started":
        painter.drawEllipse(ring)
    elif status == "in progress":
        painter.drawEllipse(ring)
        half = QPainterPath()
        half.moveTo(ring.center())
        half.arcTo(ring, 90, 180)
        half.closeSubpath()
        painter.fillPath(half, colour)
    elif status == "complete":
        painter.setBrush(colour)
        painter.drawEllipse(ring)
        painter.setPen(QPen(QColor("white"), 3.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        painter.drawPolyline([QPointF(10, 16.5), QPointF(14.5, 21), QPointF(22.5, 11.5)])
    else:  # conflict: a no-entry sign
        painter.setBrush(colour)
        painter.drawEllipse(ring)
        painter.fillRect(QRectF(9, 14, 14, 4), QColor("white"))
    painter.end()
    return QIcon(pixmap)
