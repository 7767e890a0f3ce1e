"""Open the judge's and the panel window on the screen Qt was started with; report what fits.

Run in a subprocess by test_window_fit.py with an offscreen screen of a given size (and
QT_SCALE_FACTOR=2 for 200%): the windows place themselves as they would for a user, every
page of the panel window is shown in turn, and each visible control is checked to lie inside
the window (a control inside a scrolling area counts: it is reached by scrolling). Prints one
JSON object; with a folder argument also saves a screenshot of each window there.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QWidget,
)

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from coordinator_panels import coordinator_panel  # noqa: E402
from sample_pack import build_pack  # noqa: E402

from judgepanel.gui.app import make_application  # noqa: E402
from judgepanel.gui.settings import Settings  # noqa: E402

CONTROLS = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit)


def reachable_rect(widget: QWidget, window: QMainWindow) -> QRect | None:
    """Where the widget shows in the window, or None when it is reached by scrolling."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea) and widget is not parent:
            return None
        parent = parent.parentWidget()
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def visible_area(window: QMainWindow) -> QRect:
    """The part of the window the user sees: inside the window and on the screen."""
    screen = QApplication.primaryScreen().availableGeometry()
    return QRect(window.mapToGlobal(QPoint(0, 0)), window.size()).intersected(screen)


def cut_off(window: QMainWindow) -> list[str]:
    """Every visible control not wholly inside the visible part of the window."""
    bounds = visible_area(window)
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisible():
            continue
        if widget.window() is not window or widget.width() <= 1:
            continue
        rect = reachable_rect(widget, window)
        if rect is not None and not bounds.contains(rect):
            name = widget.accessibleName() or getattr(widget, "text", lambda: "")() \
                or widget.objectName() or type(widget).__name__
            found.append(f"{name} at {rect.getRect()} outside {bounds.getRect()}")
    return found


def inside(widget: QWidget, window: QMainWindow) -> bool:
    rect = QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())
    return widget.isVisible() and visible_area(window).contains(rect)


def main(folder: str | None) -> int:
    app = make_application([])
    work = Path(tempfile.mkdtemp(prefix="judgepanel-fit-"))
    settings = Settings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    settings.backup_folder = work / "backups"
    from judgepanel.gui.judge_window import JudgeWindow
    from judgepanel.gui.panel_window import PanelWindow

    screen = app.primaryScreen().availableGeometry()
    report: dict[str, object] = {"screen": [screen.width(), screen.height()]}
    judge = JudgeWindow(build_pack(work), settings)
    judge.show()
    app.processEvents()
    panel = judge.ui.scoringPanel
    status = judge.saved_label
    report["judge"] = {
        "size": [judge.frameGeometry().width(), judge.frameGeometry().height()],
        "complete": inside(panel.complete_button, judge),
        "conflict": inside(panel.conflict_button, judge),
        "saved": inside(status, judge),
        "scores": all(inside(card.score, judge) or not card.isVisible()
                      for card in list(panel.cards.values())[:1]),
        "cut_off": cut_off(judge),
    }
    if folder:
        judge.grab().save(str(Path(folder) / "judge.png"))
    judge.close()
    window = PanelWindow(coordinator_panel(work / "awards.judgepanel", per_entry=3), settings)
    window.show()
    app.processEvents()
    pages: dict[str, list[str]] = {}
    for row, page in enumerate(window.pages):
        window.navigation.setCurrentRow(row)
        app.processEvents()
        pages[str(page.title)] = cut_off(window)
        if folder and row in (2, 4):
            window.grab().save(str(Path(folder) / f"panel-{row}.png"))
    report["panel"] = {
        "size": [window.frameGeometry().width(), window.frameGeometry().height()],
        "status": inside(window.file_label, window),
        "pages": pages,
    }
    window.close()
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1] if len(sys.argv) > 1 else None))
