"""The judge window's menus: every action with its shortcut, shown in the menu and in F1 help."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from judgepanel.gui.window_frame import quit_application

if TYPE_CHECKING:
    from judgepanel.gui.judge_window import JudgeWindow

Keys = list[QKeySequence | QKeySequence.StandardKey | str]


def _add(window: JudgeWindow, menu: QMenu, name: str, text: str, keys: Keys,
         slot: Callable[[], object], actions: dict[str, QAction]) -> QAction:
    action = QAction(text, window)
    action.setShortcuts([QKeySequence(k) for k in keys])
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    window.addAction(action)
    actions[name] = action
    return action


def build_menus(window: JudgeWindow) -> dict[str, QAction]:
    """Build the menu bar; returns the actions by name (tests and the help overlay use them)."""
    actions: dict[str, QAction] = {}
    bar = window.menuBar()
    panel = window.ui.scoringPanel

    file_menu = bar.addMenu("&File")
    _add(window, file_menu, "return", "&Return scores…", ["Ctrl+R"], window.return_scores,
         actions)
    _add(window, file_menu, "backup", "&Back up now", [], window.backup_in_background, actions)
    file_menu.addSeparator()
    _add(window, file_menu, "close", "&Close", [QKeySequence.StandardKey.Close], window.close,
         actions)
    _add(window, file_menu, "quit", "&Quit", ["Ctrl+Q"], quit_application, actions)

    edit_menu = bar.addMenu("&Edit")
    undo = window.undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcuts(QKeySequence.StandardKey.Undo)
    redo = window.undo_stack.createRedoAction(window, "&Redo")
    redo.setShortcuts(QKeySequence.StandardKey.Redo)
    for name, action in (("undo", undo), ("redo", redo)):
        edit_menu.addAction(action)
        window.addAction(action)
        actions[name] = action
    edit_menu.addSeparator()
    _add(window, edit_menu, "find", "&Search the entries", [QKeySequence.StandardKey.Find],
         lambda: (window.ui.searchBox.setFocus(), window.ui.searchBox.selectAll()), actions)

    entry_menu = bar.addMenu("En&try")  # Alt+N is Next entry, not this menu
    _add(window, entry_menu, "next_entry", "&Next entry", ["Ctrl+Down", "Alt+N"],
         lambda: window.step_entry(1), actions)
    _add(window, entry_menu, "previous_entry", "&Previous entry", ["Ctrl+Up", "Alt+P"],
         lambda: window.step_entry(-1), actions)
    entry_menu.addSeparator()
    _add(window, entry_menu, "next_section", "Next &section", ["Alt+Down"],
         lambda: panel.step_section(1), actions)
    _add(window, entry_menu, "previous_section", "Previous s&ection", ["Alt+Up"],
         lambda: panel.step_section(-1), actions)
    _add(window, entry_menu, "comment", "Co&mment on this section", ["F2"],
         lambda: panel.focus_section(panel.current_section or "", comment=True), actions)
    _add(window, entry_menu, "overall", "&Overall comment", ["Shift+F2"],
         panel.focus_overall, actions)
    entry_menu.addSeparator()
    _add(window, entry_menu, "complete", "Mark &complete", ["Ctrl+Return", "Ctrl+Enter"],
         window.mark_complete, actions)
    _add(window, entry_menu, "conflict", "Declare a con&flict of interest…", ["Ctrl+Shift+D"],
         window.declare_conflict, actions)

    view_menu = bar.addMenu("&View")
    _add(window, view_menu, "zoom_in", "Zoom &in", [QKeySequence.StandardKey.ZoomIn, "Ctrl+="],
         lambda: window.step_zoom(1), actions)
    _add(window, view_menu, "zoom_out", "Zoom &out", [QKeySequence.StandardKey.ZoomOut],
         lambda: window.step_zoom(-1), actions)
    _add(window, view_menu, "zoom_reset", "&Actual size", ["Ctrl+0"],
         lambda: window.set_zoom(100), actions)

    help_menu = bar.addMenu("&Help")
    _add(window, help_menu, "help", "&Keyboard shortcuts", ["F1"],
         lambda: window.help.toggle(), actions)
    about = QAction("&About JudgePanel", window)
    about.triggered.connect(lambda: QMessageBox.about(
        window, "About JudgePanel",
        "JudgePanel: offline judging for awards panels.\nMIT licence."))
    help_menu.addAction(about)
    return actions
