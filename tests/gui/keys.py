"""Typing for GUI tests as a judge types: into whatever has the keyboard focus."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """One key (with modifiers) to the focused widget; window shortcuts fire as for a user."""
    QTest.keyClick(focused(), key, modifiers)


def type_text(text: str) -> None:
    """Type text one character at a time. Non-ASCII characters go as key events carrying the
    character (qtbot.keyClicks would abort the process on them)."""
    for char in text:
        widget = focused()
        if char.isascii():
            QTest.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                         Qt.KeyboardModifier.NoModifier, char))


def activate(window: QWidget, qtbot: object) -> None:
    """Make the window the active one, with the keyboard focus inside it."""
    window.activateWindow()
    qtbot.waitActive(window)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None  # type: ignore[attr-defined]
                    and QApplication.focusWidget().window() is window)


def written(window: QWidget) -> None:
    """Wait until the window's writer has put everything in the file, and the window has
    heard back (statuses in the list)."""
    window.writer.wait()  # type: ignore[attr-defined]
    QApplication.processEvents()
