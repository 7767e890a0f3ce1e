"""The mouse wheel never changes a value the user is not working on; Tab never gets stuck.

Scrolling down a judge's scores passes over spin boxes; scrolling the import dialog's column
table passes over combo boxes. Qt lets the wheel change any of them and even gives them focus.
One application-wide filter stops that for every spin box, combo box and slider: without
focus the wheel scrolls what is around it instead; with focus it changes the value as usual.
The same filter makes Tab stop once at each table or list (the arrow keys move inside it)
rather than walking every cell before reaching the page's buttons.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

GUARDED = (QAbstractSpinBox, QComboBox, QAbstractSlider)


class WheelGuard(QObject):
    """Passes the wheel over unfocused value widgets on to the widget around them."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            widget = guarded(watched)
            if widget is not None and not widget.hasFocus():
                area = scroll_area_around(widget)
                if area is not None:
                    QApplication.sendEvent(area.viewport(), event)
                return True
        elif kind == QEvent.Type.Polish:
            if isinstance(watched, QAbstractItemView):
                watched.setTabKeyNavigation(False)  # Tab moves on; arrows move inside
            widget = guarded(watched)
            if widget is not None and widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel gives no focus
        return False


def guarded(watched: QObject) -> QWidget | None:
    """The value widget the wheel must not change, or None (scroll bars scroll as ever)."""
    if isinstance(watched, GUARDED) and not isinstance(watched, QScrollBar):
        return watched
    return None


def scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    """The nearest scrolling area holding `widget`, which scrolls in its place."""
    outer = widget.parentWidget()
    while outer is not None and not isinstance(outer, QAbstractScrollArea):
        outer = outer.parentWidget()
    return outer


_guard: WheelGuard | None = None


def install_wheel_guard() -> None:
    """Install the one guard on the running application (again is harmless)."""
    global _guard
    app = QApplication.instance()
    if app is None or _guard is not None:
        return
    _guard = WheelGuard(app)
    app.installEventFilter(_guard)
