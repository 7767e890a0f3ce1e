"""Windows that fit the screen they open on, and remember where they were on each screen.

A 13-inch laptop (1366×768) and a 2560×1440 screen at 200% (1280×720 in Qt's logical pixels)
are both smaller than the size the windows like best, so the first size comes from the
screen's available area, and the geometry saved on close is kept per screen: a window moved
to a large monitor does not come back off-screen on the laptop.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QStyle, QWidget

from judgepanel.gui.settings import Settings

PREFERRED = QSize(1360, 860)
MARGIN = 16  # leave a sliver of desktop so the window reads as a window, not a wall


def fitted_rect(available: QRect, preferred: QSize = PREFERRED,
                minimum: QSize | None = None) -> QRect:
    """The window's frame: the preferred size shrunk to the available area, centred in it."""
    minimum = minimum or QSize(0, 0)
    room_w = max(available.width() - MARGIN, 1)
    room_h = max(available.height() - MARGIN, 1)
    width = max(min(preferred.width(), room_w), min(minimum.width(), available.width()))
    height = max(min(preferred.height(), room_h), min(minimum.height(), available.height()))
    left = available.left() + (available.width() - width) // 2
    top = available.top() + (available.height() - height) // 2
    return QRect(left, top, width, height)


def title_bar_allowance(window: QWidget) -> QSize:
    """Room for the frame a window manager draws around the window (none offscreen)."""
    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        return QSize(0, 0)
    title = window.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight)
    return QSize(8, max(title, window.fontMetrics().height() + 10) + 8)


def screen_key(screen: QScreen | None) -> str:
    """A settings key naming a screen by its name, size and scale (e.g. `eDP-1-1366x768-1`)."""
    if screen is None:
        return "default"
    size = screen.geometry()
    scale = f"{screen.devicePixelRatio():g}".replace(".", "_")
    name = re.sub(r"[^A-Za-z0-9_-]+", "_", screen.name() or "screen")
    return f"{name}-{size.width()}x{size.height()}-{scale}"


def _screen_of(window: QWidget) -> QScreen | None:
    return window.screen() or QGuiApplication.primaryScreen()


def place_window(window: QWidget, settings: Settings, key: str,
                 preferred: QSize = PREFERRED) -> None:
    """Restore the window's geometry saved on this screen, else fit it to the screen.

    A restored geometry that no longer fits (a smaller screen by the same name) is fitted.
    """
    screen = _screen_of(window)
    available = screen.availableGeometry() if screen else QRect(0, 0, 1366, 768)
    saved = settings.geometry(f"{key}/{screen_key(screen)}")
    if saved is not None and window.restoreGeometry(saved):
        frame = window.frameGeometry()
        if available.contains(frame.topLeft()) and frame.width() <= available.width() \
                and frame.height() <= available.height():
            return
    rect = fitted_rect(available, preferred, window.minimumSize())
    allowance = title_bar_allowance(window)  # the window manager's title bar and borders
    window.resize(rect.width() - allowance.width(), rect.height() - allowance.height())
    window.move(rect.topLeft())


def remember_window(window: QWidget, settings: Settings, key: str) -> None:
    """Save the window's geometry for the screen it is on now."""
    settings.set_geometry(f"{key}/{screen_key(_screen_of(window))}", window.saveGeometry())
