"""The start screen and the application shell: recent files, open, new panel, the demo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import QApplication

from judgepanel.gui.app import Shell, run_app
from judgepanel.gui.judge_window import JudgeWindow
from judgepanel.gui.tasks import wait_for_tasks

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform noise


@pytest.fixture
def shell(settings, qtbot):
    made = Shell(settings)
    yield made
    for window in made.windows:
        window.close()
    if made.start_window is not None:
        made.start_window.close()
    wait_for_tasks()


def test_recent_files_are_listed_and_open_with_enter(shell, pack_path, tmp_path, qtbot):
    shell.settings.add_recent(tmp_path / "gone.judgepack")
    shell.settings.add_recent(pack_path)
    screen = shell.show_start()
    qtbot.waitExposed(shell.start_window)
    recent = screen.ui.recentList
    assert recent.count() == 2
    assert recent.item(0).text().startswith("Anna Kowalska\nJudge pack")
    assert "(missing)" in recent.item(1).text()
    assert not recent.item(1).flags() & Qt.ItemFlag.ItemIsEnabled
    recent.setFocus()
    recent.setCurrentRow(0)
    qtbot.keyClick(recent, Qt.Key.Key_Return)
    assert len(shell.windows) == 1 and isinstance(shell.windows[0], JudgeWindow)
    assert not shell.start_window.isVisible()
    assert shell.settings.recent_files[0] == pack_path.resolve()


def test_a_file_that_is_not_a_pack_is_refused_on_the_screen(shell, tmp_path, qtbot):
    screen = shell.show_start()
    fake = tmp_path / "notes.judgepack"
    fake.write_text("not a database", encoding="utf-8")
    assert not shell.open_file(fake)
    assert screen.ui.errorLabel.isVisible()
    assert "notes.judgepack" in screen.ui.errorLabel.text()
    assert "not a JudgePanel file" in screen.ui.errorLabel.text()
    assert shell.windows == [] and shell.settings.recent_files == []
    assert not shell.open_file(tmp_path / "report.pdf")
    assert ".judgepack" in screen.ui.errorLabel.text()


def test_new_panel_is_created_with_the_built_in_awards_and_opened(shell, tmp_path, qtbot):
    screen = shell.show_start()
    path = tmp_path / "Awards 2026.judgepanel"
    assert screen.create_panel(path, "Regional Awards 2026")
    assert path.exists() and shell.windows
    assert type(shell.windows[0]).__name__ == "PanelWindow"
    assert not screen.create_panel(path, "Again")  # refuses to overwrite, says why
    assert "already exists" in screen.ui.errorLabel.text()


def test_controls_have_accessible_names_and_a_tab_order(shell, qtbot):
    screen = shell.show_start()
    ui = screen.ui
    for widget in (ui.openButton, ui.newButton, ui.demoButton, ui.recentList):
        assert widget.accessibleName()
    assert ui.openButton.nextInFocusChain() is ui.newButton
    assert ui.newButton.nextInFocusChain() is ui.demoButton


def test_open_the_demo(shell, tmp_path, qtbot):
    from judgepanel.core.resources import resource

    assert resource("demo", "judges.toml").is_file(), "the demo data is not shipped"
    screen = shell.show_start()
    screen.open_demo(tmp_path / "demo")
    qtbot.waitUntil(lambda: bool(shell.windows) or screen.ui.errorLabel.isVisible(),
                    timeout=120000)
    assert shell.windows, screen.ui.errorLabel.text()
    assert (tmp_path / "demo" / "demo.judgepanel").exists()


def test_run_app_opens_the_file_given_with_a_british_locale(pack_path, settings, qtbot):
    seen = {}

    def look() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, JudgeWindow) and w.isVisible()]
        seen["windows"] = windows
        seen["name"] = QApplication.applicationName()
        seen["locale"] = QLocale().name()
        for window in windows:
            window.close()
        QApplication.quit()

    QTimer.singleShot(300, look)
    assert run_app([str(pack_path)]) == 0
    assert len(seen["windows"]) == 1 and seen["windows"][0].path == Path(pack_path)
    assert seen["name"] == "JudgePanel" and seen["locale"] == "en_GB"
    assert not QApplication.windowIcon().isNull()


def test_closing_the_last_file_window_returns_to_the_start_screen(shell, tmp_path, qtbot,
                                                                  monkeypatch):
    from coordinator_panels import coordinator_panel

    from judgepanel.gui.window_frame import QUITTING

    panel = coordinator_panel(tmp_path / "awards.judgepanel")
    assert shell.open_file(panel)
    window = shell.windows[-1]
    qtbot.waitExposed(window)
    window.close()
    shell.last_window_closed()  # what the application's lastWindowClosed signal calls
    assert shell.start_window is not None and shell.start_window.isVisible()
    assert shell.start_screen.ui.recentList.item(0).data(Qt.ItemDataRole.UserRole + 1) \
        == str(panel.resolve())

    left: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: left.append(True))
    assert shell.open_file(panel)
    QApplication.instance().setProperty(QUITTING, True)  # File ▸ Quit was chosen
    try:
        shell.windows[-1].close()
        shell.start_window.hide()
        shell.last_window_closed()
    finally:
        QApplication.instance().setProperty(QUITTING, False)
    assert left == [True] and not shell.start_window.isVisible()
