"""Reading comfortably: zoom that persists, 200 % without sideways scrolling, dark palettes."""

from __future__ import annotations

import pytest
from keys import activate, press
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor

from judgepanel.gui.judge_window import JudgeWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform noise


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_runs(view) -> list[tuple[str, QColor, QColor]]:
    """Each piece of text with the colour it is drawn in and the colour behind it."""
    palette = view.palette()
    runs = []
    document = view.document()
    block = document.begin()
    while block.isValid():
        background = palette.color(QPalette.ColorRole.Base)
        cursor = QTextCursor(block)
        table = cursor.currentTable()
        if table is not None:
            cell = table.cellAt(cursor)
            brush = cell.format().background()
            if brush.style() != Qt.BrushStyle.NoBrush:
                background = brush.color()
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.isValid() and fragment.text().strip():
                fmt: QTextCharFormat = fragment.charFormat()
                brush = fmt.foreground()
                colour = (brush.color() if brush.style() != Qt.BrushStyle.NoBrush
                          else palette.color(QPalette.ColorRole.Text))
                runs.append((fragment.text(), colour, background))
            iterator += 1
        block = block.next()
    assert runs
    return runs


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#202124"),
                         (QPalette.ColorRole.WindowText, "#e8eaed"),
                         (QPalette.ColorRole.Base, "#17181a"),
                         (QPalette.ColorRole.AlternateBase, "#2a2c30"),
                         (QPalette.ColorRole.Text, "#e8eaed"),
                         (QPalette.ColorRole.PlaceholderText, "#9aa0a6"),
                         (QPalette.ColorRole.Link, "#8ab4f8"),
                         (QPalette.ColorRole.Button, "#2a2c30"),
                         (QPalette.ColorRole.ButtonText, "#e8eaed")):
        palette.setColor(role, QColor(colour))
    return palette


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_piece_of_text_is_readable(open_judge_window, pack_path, dark):
    window = open_judge_window(pack_path)
    if dark:
        window.setPalette(dark_palette())
    view = window.ui.entryView
    for text, colour, background in text_runs(view):
        assert contrast(colour, background) >= 4.5, (text[:40], colour.name(),
                                                      background.name())


def test_zoom_by_keyboard_persists_and_wraps_at_200_percent(open_judge_window, pack_path,
                                                            settings, qtbot):
    window: JudgeWindow = open_judge_window(pack_path)
    activate(window, qtbot)
    base = window.ui.entryView.document().defaultFont().pointSizeF()
    press(Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom == 110 and settings.zoom == 110
    assert window.ui.entryView.document().defaultFont().pointSizeF() > base
    for _ in range(4):  # 125, 150, 175, 200
        press(Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom == 200
    qtbot.wait(50)
    assert window.ui.entryView.horizontalScrollBar().maximum() == 0  # nothing runs off
    window.close()
    again = open_judge_window(pack_path)
    assert again.zoom == 200
    again.set_zoom(100)
    assert settings.zoom == 100


def test_every_control_has_an_accessible_name(open_judge_window, pack_path):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
        QWidget,
    )

    window = open_judge_window(pack_path)
    kinds = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit,
             QPlainTextEdit, QTextEdit)
    unnamed = [w.objectName() or type(w).__name__ for w in window.findChildren(QWidget)
               if isinstance(w, kinds) and not w.accessibleName() and w.isVisibleTo(window)
               and not isinstance(w.parent(), QAbstractSpinBox)
               and type(w).__name__ not in ("QToolButton",)]
    assert unnamed == []
