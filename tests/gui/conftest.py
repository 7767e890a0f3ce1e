"""GUI fixtures: a sample pack, settings in a temporary folder, and the judge's window."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from sample_pack import build_pack

from judgepanel.gui.main_thread_gc import MainThreadCollector, collect_on_gui_thread
from judgepanel.gui.settings import Settings
from judgepanel.gui.tasks import wait_for_tasks


@pytest.fixture(scope="session", autouse=True)
def collector_on_the_gui_thread(qapp: QCoreApplication) -> Iterator[MainThreadCollector]:
    """As in the application: no garbage collection on worker threads (it frees Qt objects
    on the wrong thread and can crash)."""
    collector = collect_on_gui_thread(qapp)
    yield collector
    collector.stop()


@pytest.fixture(autouse=True)
def collect_after_each_test() -> Iterator[None]:
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def temporary_settings(tmp_path: Path, qapp: object) -> Iterator[Path]:
    """Every QSettings in a test is an INI file under tmp_path, never the user's own."""
    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def settings(tmp_path: Path, temporary_settings: Path) -> Settings:
    value = Settings(QSettings(str(temporary_settings / "judgepanel.ini"),
                               QSettings.Format.IniFormat))
    value.backup_folder = tmp_path / "backups"
    return value


@pytest.fixture
def pack_path(tmp_path: Path) -> Path:
    return build_pack(tmp_path)


@pytest.fixture
def open_judge_window(qtbot: object, settings: Settings) -> Iterator[Callable[..., object]]:
    """Open the real judge window on a pack; closes every window it opened."""
    from judgepanel.gui.judge_window import JudgeWindow

    opened: list[JudgeWindow] = []

    def open_window(path: Path) -> JudgeWindow:
        window = JudgeWindow(path, settings)
        qtbot.addWidget(window)  # type: ignore[attr-defined]
        window.resize(1360, 840)
        window.show()
        qtbot.waitExposed(window)  # type: ignore[attr-defined]
        opened.append(window)
        return window

    yield open_window
    for window in opened:
        window.close()
    wait_for_tasks()


@pytest.fixture
def open_panel_window(qtbot, tmp_path: Path) -> Iterator[Callable[[Path], object]]:
    """Open a panel in a real window; every window is closed (its file let go) afterwards."""
    from coordinator_panels import scratch_settings

    from judgepanel.gui.panel_window import PanelWindow

    windows: list[PanelWindow] = []

    def make(path: Path) -> PanelWindow:
        window = PanelWindow(path, scratch_settings(tmp_path))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
    wait_for_tasks()
