"""In a dark palette the panel window's quieter text stays readable (WCAG AA, 4.5:1)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from chair_panels import OFFSCREEN_NOISE
from coordinator_panels import coordinator_panel, scratch_settings
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from judgepanel.gui.pages.common import (
    MINIMUM_CONTRAST,
    contrast_ratio,
    secondary_text,
    warning_colour,
)
from judgepanel.gui.panel_window import SUMMARY_ROLE, PanelWindow

pytestmark = OFFSCREEN_NOISE
Role = QPalette.ColorRole


def dark_palette() -> QPalette:
    """A dark desktop theme; its placeholder grey is a light theme's, as some themes leave it."""
    palette = QPalette()
    for role, colour in ((Role.Window, "#202124"), (Role.WindowText, "#e8eaed"),
                         (Role.Base, "#1b1b1d"), (Role.AlternateBase, "#26272a"),
                         (Role.Text, "#e8eaed"), (Role.Button, "#303134"),
                         (Role.ButtonText, "#e8eaed"), (Role.Highlight, "#3367d6"),
                         (Role.HighlightedText, "#ffffff"), (Role.PlaceholderText, "#5f6368")):
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture
def dark_window(qtbot, tmp_path: Path) -> Iterator[PanelWindow]:
    window = PanelWindow(coordinator_panel(tmp_path / "dark.judgepanel", per_entry=3),
                         scratch_settings(tmp_path))
    window.setPalette(dark_palette())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def test_the_navigation_summaries_are_readable_in_a_dark_palette(dark_window: PanelWindow):
    navigation = dark_window.navigation
    base = navigation.palette().color(Role.Base)
    assert base == QColor("#1b1b1d")  # the window's dark palette reached the navigation
    image = navigation.viewport().grab().toImage()
    line = navigation.fontMetrics().height()
    row = 1  # Entries: not selected, so drawn in the quieter colour
    assert navigation.item(row).data(SUMMARY_ROLE)
    rect = navigation.visualItemRect(navigation.item(row))
    top = rect.top() + 6 + line + 2
    drawn = [image.pixelColor(x, y) for y in range(top, rect.bottom() - 6)
             for x in range(rect.left() + 10, rect.right() - 8)]
    strongest = max(contrast_ratio(colour, base) for colour in drawn)
    assert strongest >= MINIMUM_CONTRAST, f"summary text only {strongest:.2f}:1 on the background"
    # still quieter than the title above it, so the two lines read as title and summary
    assert strongest < contrast_ratio(navigation.palette().color(Role.Text), base)


def test_the_quieter_colour_keeps_its_contrast_in_both_palettes():
    for palette in (dark_palette(), QPalette(QColor("#efefef"), QColor("#ffffff"))):
        for background in (Role.Base, Role.Window):
            quiet = secondary_text(palette, background)
            assert contrast_ratio(quiet, palette.color(background)) >= MINIMUM_CONTRAST
    # the theme's own placeholder grey would not have been readable here
    dark = dark_palette()
    assert contrast_ratio(dark.color(Role.PlaceholderText), dark.color(Role.Base)) < 4.5


def test_refusals_are_shown_in_a_red_readable_on_either_palette():
    dark = dark_palette()
    assert contrast_ratio(QColor(warning_colour(dark)), dark.color(Role.Window)) >= 4.5
    light = QPalette(QColor("#efefef"))
    assert contrast_ratio(QColor(warning_colour(light)), light.color(Role.Window)) >= 4.5


def test_field_hints_are_readable_in_a_dark_palette(dark_window: PanelWindow):
    entries = dark_window.go_to("Entries")
    field = entries.search
    assert field.placeholderText().startswith("Filter")
    palette = field.palette()
    hint = palette.color(Role.PlaceholderText)
    assert contrast_ratio(hint, palette.color(Role.Base)) >= MINIMUM_CONTRAST
    assert hint != QColor("#5f6368")  # the theme's unreadable grey was replaced


def test_tinted_cells_keep_dark_ink_in_a_dark_palette(dark_window: PanelWindow):
    judges = dark_window.go_to("Judges & assignment")
    model = judges.matrix_model
    tinted = [model.index(row, column) for row in range(model.rowCount())
              for column in range(model.columnCount())
              if model.data(model.index(row, column), Qt.ItemDataRole.BackgroundRole)]
    assert tinted, "the panel has assigned entries"
    for index in tinted:
        ink = model.data(index, Qt.ItemDataRole.ForegroundRole).color()
        paper = model.data(index, Qt.ItemDataRole.BackgroundRole).color()
        assert contrast_ratio(ink, paper) >= MINIMUM_CONTRAST
