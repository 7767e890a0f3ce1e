"""Every interactive widget of both windows has a name a screen reader can say (issue 14).

A widget's name is its accessible name, its own text, or the label that is its buddy: what
Qt's accessibility interface reports. Parts Qt builds inside a widget (a table's headers and
corner button, a line edit's clear button, the menu bar's overflow button) belong to it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from coordinator_panels import coordinator_panel
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

from judgepanel.gui.pages.common import MINIMUM_CONTRAST, contrast_ratio

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform noise

INTERACTIVE = (QAbstractButton, QAbstractItemView, QComboBox, QAbstractSpinBox, QLineEdit,
               QPlainTextEdit, QTextEdit, QAbstractSlider)


def part_of_another(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    return (isinstance(widget, QHeaderView | QScrollBar)
            or widget.objectName().startswith("qt_")
            or isinstance(parent, QLineEdit | QAbstractSpinBox | QComboBox))


def unnamed(window: QMainWindow) -> list[str]:
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or part_of_another(widget):
            continue
        if widget.window() is not window:
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not name.strip():
            where = widget.parentWidget()
            found.append(f"{type(widget).__name__} in {type(where).__name__}")
    return found


def test_every_control_of_the_panel_window_has_a_name(open_panel_window, tmp_path: Path) -> None:
    window = open_panel_window(coordinator_panel(tmp_path / "awards.judgepanel", per_entry=3))
    for row in range(window.navigation.count()):  # every page built and shown once
        window.navigation.setCurrentRow(row)
        QApplication.processEvents()
    assert unnamed(window) == []


def test_every_control_of_the_judge_window_has_a_name(open_judge_window,
                                                      pack_path: Path) -> None:
    window = open_judge_window(pack_path)
    assert unnamed(window) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_judges_section_headings_keep_aa_contrast(open_judge_window, pack_path: Path,
                                                      scheme: str) -> None:
    from judgepanel.gui.palettes import dark_palette, light_palette

    window = open_judge_window(pack_path)
    palette = dark_palette() if scheme == "dark" else light_palette()
    palette.setColor(QPalette.ColorRole.Link, QColor("#0000ff"))  # a theme's unreadable link
    window.setPalette(palette)
    QApplication.processEvents()
    view = window.ui.entryView
    heading = view.palette().color(QPalette.ColorRole.Link)
    base = view.palette().color(QPalette.ColorRole.Base)
    assert contrast_ratio(heading, base) >= MINIMUM_CONTRAST
    card = next(iter(window.ui.scoringPanel.cards.values()))  # the scoring side's heading
    assert contrast_ratio(card.title.palette().color(QPalette.ColorRole.WindowText),
                          card.palette().color(QPalette.ColorRole.Window)) >= MINIMUM_CONTRAST
