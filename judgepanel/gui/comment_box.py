"""The comment box of the scoring panel (a section's comment and the overall one) and the keys
the judge's window keeps while a score or comment box has the focus.

Apart from scoring_panel.py so that the panel's Designer form (ui/scoring_panel.ui) can make
the overall comment box.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QPlainTextEdit, QWidget

# Keys the window's menus own even while a score or comment box has the focus.
WINDOW_KEYS = {QKeySequence(k).toString() for k in (
    "Ctrl+Return", "Ctrl+Enter", "Ctrl+Up", "Ctrl+Down", "Alt+Up", "Alt+Down")}


def window_owns(event: QEvent) -> bool:
    """True for a shortcut override the focused box must leave to the window's actions."""
    if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
        return False
    if event.matches(QKeySequence.StandardKey.Undo) or \
            event.matches(QKeySequence.StandardKey.Redo):
        return True
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return QKeySequence(event.key() | modifiers.value).toString() in WINDOW_KEYS


class CommentBox(QPlainTextEdit):
    """A comment box: Tab moves on, Esc goes back to the score, Ctrl+Z is the panel's undo."""

    escaped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)  # undo is the window's QUndoStack, merged per field

    def event(self, event: QEvent) -> bool:
        if window_owns(event):
            event.ignore()  # let the window's shortcut (undo, next entry, complete) have it
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)

    def set_text_quietly(self, text: str) -> None:
        if self.toPlainText() == text:
            return
        self.blockSignals(True)
        self.setPlainText(text)
        self.moveCursor(self.textCursor().MoveOperation.End)
        self.blockSignals(False)
