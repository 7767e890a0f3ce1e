"""The panel window's menus are laid out in its Designer form (ui/panel_window.ui): every menu
and action with its text and shortcut comes from the form, and each still does its job."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from coordinator_panels import coordinator_panel
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from judgepanel.gui.forms.ui_panel_window import Ui_PanelWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform noise
# Close and Quit keep the platform's standard keys, which a form cannot name.
FROM_CODE = {"&Close", "&Quit"}


def menu_actions(menu: QMenu) -> list[QAction]:
    found = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        found.append(action)
        if action.menu() is not None:
            found.extend(menu_actions(action.menu()))
    return found


def test_every_menu_and_action_is_the_forms(open_panel_window: Any, tmp_path: Path) -> None:
    window = open_panel_window(coordinator_panel(tmp_path / "awards.judgepanel"))
    form = window.ui
    assert isinstance(form, Ui_PanelWindow)
    menus = [action.menu() for action in window.menuBar().actions()]
    assert menus == [form.menuFile, form.menuEdit, form.menuPanel, form.menuHelp]
    for menu in menus:
        for action in menu_actions(menu):
            if action.text() in FROM_CODE:
                continue
            name = action.objectName() or (action.menu().objectName() if action.menu() else "")
            assert getattr(form, name, None) in (action, action.menu()), action.text()
    assert form.actionReload.shortcut().toString() == "F5"
    assert form.actionPageHelp.shortcut().toString() == "F1"
    assert [k.toString() for k in form.actionRedo.shortcuts()] == ["Ctrl+Shift+Z", "Ctrl+Y"]


def test_the_forms_actions_do_their_jobs(open_panel_window: Any, qtbot,
                                         tmp_path: Path) -> None:
    window = open_panel_window(coordinator_panel(tmp_path / "awards.judgepanel"))
    window.ui.actionReload.trigger()  # F5: the pages re-read, nothing to undo
    assert not window.undo_action.isEnabled()
    page = window.go_to("Judges & assignment")
    page.toggle(page.matrix_model.index(0, 0))
    assert window.ui.actionUndo.isEnabled() and window.ui.actionUndo.text().startswith("&Undo ")
    window.ui.actionUndo.trigger()
    assert window.ui.actionRedo.isEnabled() and not window.ui.actionUndo.isEnabled()
    window.ui.actionPageHelp.trigger()  # F1: the page's help over the window
    assert window.help.isVisible()
    window.ui.actionPageHelp.trigger()
    assert not window.help.isVisible()
    window.ui.menuRecent.aboutToShow.emit()  # filled from the settings when opened
    assert [a.text() for a in window.ui.menuRecent.actions()] == ["No other recent files"]
