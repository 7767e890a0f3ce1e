"""The view of the assignment matrix on the Judges & assignment page (laid out in
ui/judges_page.ui): a click or Space on a judge's cell asks the page for a toggle."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QTableView


class MatrixView(QTableView):
    """The assignment matrix: a click or Space on a judge's cell asks for a toggle."""

    toggle_requested = Signal(QModelIndex)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        index = self.indexAt(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and index.isValid():
            self.toggle_requested.emit(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and self.currentIndex().isValid():
            self.toggle_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)
