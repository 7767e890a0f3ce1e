"""The panel window's File menu: open another file, the recent files, a new panel, save a
copy of the panel and rename it (encryption is gui/panel_encryption.py).

Each takes the window it acts for; the window's own methods of the same names call these.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.panel_copy import save_copy
from judgepanel.core.panel_details import rename_panel
from judgepanel.gui import panel_jobs
from judgepanel.gui.pages.common import WHO, window_words
from judgepanel.gui.window_frame import open_folder_of

if TYPE_CHECKING:
    from judgepanel.gui.panel_window import PanelWindow

_open_windows: list[QWidget] = []  # windows opened from File ▸ Open, kept alive while shown


def fill_recent(window: PanelWindow) -> None:
    """File ▸ Recent: the other panels and packs opened lately, a missing one greyed."""
    window.recent_menu.clear()
    files = [p for p in window.settings.recent_files if p != window.path.resolve()]
    for path in files:
        missing = not path.exists()
        action = window._action(window.recent_menu,
                                f"{path.name} (missing)" if missing else path.name,
                                lambda _=False, p=path: window.open_file(p))
        action.setToolTip(f"{path} is no longer there" if missing else str(path))
        action.setEnabled(not missing)
    if not files:
        window.recent_menu.addAction("No other recent files").setEnabled(False)


def open_dialog(window: PanelWindow) -> None:
    name, _ = QFileDialog.getOpenFileName(
        window, "Open", str(window.path.parent),
        "JudgePanel files (*.judgepanel *.judgepack);;All files (*)")
    if name:
        window.open_file(Path(name))


def open_file(window: PanelWindow, path: Path) -> QWidget | None:
    """Open another panel (or a judge's pack) in a window of its own."""
    from judgepanel.gui.panel_window import PanelWindow

    try:
        opened: QWidget
        if path.suffix.lower() == ".judgepack":
            from judgepanel.gui.judge_window import JudgeWindow

            opened = JudgeWindow(path, window.settings)
        else:
            opened = PanelWindow(path, window.settings)
    except JudgePanelError as exc:
        QMessageBox.warning(window, "Open", str(exc))
        return None
    except ImportError:
        QMessageBox.warning(window, "Open", f"{path.name}: judge packs cannot be opened "
                            "from this window yet; use Open on the start screen")
        return None
    opened.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_windows.append(opened)
    opened.destroyed.connect(lambda *_: _open_windows.remove(opened)
                             if opened in _open_windows else None)
    opened.show()
    return opened


def new_panel_dialog(window: PanelWindow) -> QWidget | None:
    """File ▸ New panel…: ask for the title and awards, then open it beside this one."""
    from judgepanel.gui.new_panel_dialog import NewPanelDialog

    dialog = NewPanelDialog(window.path.parent, window)
    if dialog.exec() and dialog.created is not None:
        return window.open_file(dialog.created)
    return None


def save_copy_dialog(window: PanelWindow) -> None:
    name, _ = QFileDialog.getSaveFileName(
        window, "Save a copy of the panel",
        str(window.path.with_name(f"{window.path.stem} (copy).judgepanel")),
        "Panels (*.judgepanel)")
    if name:
        window.save_copy_to(Path(name).with_suffix(".judgepanel"))


def save_copy_to(window: PanelWindow, target: Path) -> Path | None:
    """One whole, self-contained copy of the panel as it is now (SQLite's backup)."""
    try:
        written = window.on_worker(lambda panel: save_copy(panel, target))
    except JudgePanelError as exc:
        panel_jobs.report(window, "Save a copy", window_words(str(exc)), problem=True)
        return None
    window.statusBar().showMessage(f"A copy of the panel was saved as {written.name}", 10000)
    open_folder_of(window, written, f"A copy of the panel was saved as {written.name}.")
    return written


def rename_dialog(window: PanelWindow) -> None:
    title, ok = QInputDialog.getText(window, "Rename panel", "New title for the panel:",
                                     text=window.on_worker(lambda panel: panel.title))
    if ok:
        window.rename(title)


def rename(window: PanelWindow, title: str) -> bool:
    """A new title for the panel (recorded in the audit log), shown at once."""
    try:
        new = window.on_worker(lambda panel: rename_panel(panel, title, who=WHO))
    except JudgePanelError as exc:
        panel_jobs.report(window, "Rename panel", window_words(str(exc)), problem=True)
        return False
    window.setWindowTitle(f"{new} — JudgePanel")
    window.panel_changed(None)
    return True
