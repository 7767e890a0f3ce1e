"""Light and dark palettes that follow the system, and link colours that stay readable.

The judge's section headings are drawn in the palette's link colour; some desktop themes give
a dark palette the light theme's blue, which is unreadable on a dark background. A palette's
links are moved towards the text colour until they reach WCAG AA (4.5:1) on the base.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from judgepanel.gui.pages.common import MINIMUM_CONTRAST, blend, contrast_ratio

Role = QPalette.ColorRole
DARK = {Role.Window: "#202124", Role.WindowText: "#e8eaed", Role.Base: "#1b1b1d",
        Role.AlternateBase: "#26272a", Role.Text: "#e8eaed", Role.Button: "#303134",
        Role.ButtonText: "#e8eaed", Role.Highlight: "#3367d6", Role.HighlightedText: "#ffffff",
        Role.PlaceholderText: "#9aa0a6", Role.Link: "#8ab4f8", Role.LinkVisited: "#c58af9",
        Role.ToolTipBase: "#303134", Role.ToolTipText: "#e8eaed", Role.BrightText: "#ffffff"}
LIGHT = {Role.Window: "#f3f3f3", Role.WindowText: "#1f1f1f", Role.Base: "#ffffff",
         Role.AlternateBase: "#f5f5f5", Role.Text: "#1f1f1f", Role.Button: "#ececec",
         Role.ButtonText: "#1f1f1f", Role.Highlight: "#2f65ca", Role.HighlightedText: "#ffffff",
         Role.PlaceholderText: "#6b6b6b", Role.Link: "#1a5bbf", Role.LinkVisited: "#6a3ab2",
         Role.ToolTipBase: "#ffffdc", Role.ToolTipText: "#1f1f1f", Role.BrightText: "#ffffff"}


def _palette(colours: dict[QPalette.ColorRole, str]) -> QPalette:
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    return palette


def dark_palette() -> QPalette:
    return _palette(DARK)


def light_palette() -> QPalette:
    return _palette(LIGHT)


def readable_links(palette: QPalette) -> QPalette | None:
    """The palette with its link colours readable on its base (None when they already are)."""
    base, text = palette.color(Role.Base), palette.color(Role.Text)
    fixed = QPalette(palette)
    changed = False
    for role in (Role.Link, Role.LinkVisited):
        colour = palette.color(role)
        share = 0.0
        while contrast_ratio(colour, base) < MINIMUM_CONTRAST and share < 1.0:
            share = min(1.0, share + 0.1)
            colour = blend(text, palette.color(role), share)
        if colour != palette.color(role):
            fixed.setColor(role, colour)
            changed = True
    return fixed if changed else None


def follow_system_scheme(app: QApplication) -> None:
    """Dark when the desktop is dark, light otherwise; again whenever the desktop changes."""
    hints = QGuiApplication.styleHints()

    def apply(scheme: Qt.ColorScheme) -> None:
        if scheme == Qt.ColorScheme.Dark:
            app.setStyle("Fusion")  # a style that draws a dark palette faithfully
            app.setPalette(dark_palette())
        elif scheme == Qt.ColorScheme.Light:
            fixed = readable_links(app.palette())
            if fixed is not None:
                app.setPalette(fixed)

    apply(hints.colorScheme())
    hints.colorSchemeChanged.connect(apply)


def keep_palette_readable(widget: QWidget, fix: Callable[[QPalette], QPalette | None]) -> None:
    """Apply `fix` to the widget's palette when it changes (the system's scheme switched);
    setting the fixed palette changes it again, so that change is not fixed a second time."""
    if widget.property("fixingPalette"):
        return
    fixed = fix(widget.palette())
    if fixed is not None:
        widget.setProperty("fixingPalette", True)
        try:
            widget.setPalette(fixed)
        finally:
            widget.setProperty("fixingPalette", False)
