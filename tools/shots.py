"""What the screenshot tools share: their --out and --dark options, a dark palette, opening the
panel window, and letting a window settle (layouts, paints, background tasks) before a grab.

The tools import it as `shots` (Python puts the running tool's folder, tools/, on sys.path).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from judgepanel.gui.tasks import wait_for_tasks

if TYPE_CHECKING:
    from judgepanel.gui.panel_window import PanelWindow

SCREENSHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def options(description: str | None, dark: bool = True) -> argparse.Namespace:
    """--out (the folder, made if missing) and, where the tool has one, --dark."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, default=SCREENSHOTS,
                        help="where the PNGs go (default: docs/screenshots)")
    if dark:
        parser.add_argument("--dark", action="store_true", help="a dark palette (Fusion style)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    return args


def british_application() -> QApplication:
    """The application, with dates and numbers shown as in the United Kingdom."""
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    return QApplication(sys.argv[:1])


def dark_palette() -> QPalette:
    """A dark palette like the desktop's dark themes, to check nothing is hard-coded."""
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#202124"),
                         (QPalette.ColorRole.WindowText, "#e8eaed"),
                         (QPalette.ColorRole.Base, "#17181a"),
                         (QPalette.ColorRole.AlternateBase, "#2a2c30"),
                         (QPalette.ColorRole.Text, "#e8eaed"),
                         (QPalette.ColorRole.PlaceholderText, "#9aa0a6"),
                         (QPalette.ColorRole.Link, "#8ab4f8"),
                         (QPalette.ColorRole.Highlight, "#3d6bb3"),
                         (QPalette.ColorRole.HighlightedText, "#ffffff"),
                         (QPalette.ColorRole.Button, "#2a2c30"),
                         (QPalette.ColorRole.ButtonText, "#e8eaed")):
        palette.setColor(role, QColor(colour))
    return palette


def open_panel_window(panel: Path, folder: Path) -> PanelWindow:
    """The real panel window on `panel`, with its settings kept in `folder`, at 1440×900."""
    from judgepanel.gui.panel_window import PanelWindow  # after the tool has set QSettings up
    from judgepanel.gui.settings import Settings

    settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window = PanelWindow(panel, settings)
    window.resize(1440, 900)
    window.show()
    return window


def settle(app: QApplication, ms: int = 400) -> None:
    """Let layouts, paints and background tasks finish, so a grab shows what a user would see."""
    QTest.qWait(ms)
    wait_for_tasks()
    app.processEvents()


def wait_until(app: QApplication, done: Callable[[], bool], seconds: float = 60) -> None:
    """Keep the window live until `done()` (a background job finished), or give up after a while."""
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    app.processEvents()


def save(app: QApplication, widget: QWidget, folder: Path, name: str, ms: int = 400) -> Path:
    """Settle, then save the widget as it is drawn to `folder/name`, and say where."""
    settle(app, ms)
    path = folder / name
    widget.grab().save(str(path))
    print(path)
    return path
