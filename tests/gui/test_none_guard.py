"""The rare "Fatal Python error: none_dealloc" on closing after a long session: PySide6 gives
back a reference to None on every call that returns nothing (on Python 3.11), so None's count
ran down to zero. The application keeps None out of reach of zero (gui.none_guard)."""

from __future__ import annotations

import gc
import subprocess
import sys
import weakref
from pathlib import Path

import pytest
from coordinator_panels import coordinator_panel, scratch_settings
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from judgepanel.gui.none_guard import HEADROOM, keep_none_alive, none_references
from judgepanel.gui.settings import Settings
from judgepanel.gui.tasks import wait_for_tasks

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform noise

# Far more calls returning nothing than None has references in a fresh interpreter.
MANY_CALLS = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import judgepanel.gui  # what the application and its windows import first
from PySide6.QtGui import QFont
font = QFont()
for _ in range(400_000):
    font.setBold(True)  # returns nothing
print("alive")
"""


def test_calls_that_return_nothing_never_take_none_down() -> None:
    run = subprocess.run([sys.executable, "-c", MANY_CALLS], capture_output=True, text=True,
                         timeout=60)
    assert "none_dealloc" not in run.stderr
    assert run.returncode == 0 and run.stdout.strip() == "alive"


# Far more emits of a signal defined in Python than True has references in a fresh process:
# each `emit` gives back one reference to True, the value it returns (PySide6 6.12, Python
# 3.11), which ended a run with "Fatal Python error: bool_dealloc".
MANY_EMITS = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import judgepanel.gui  # what the application and its windows import first
from PySide6.QtCore import QObject, Signal
class Worker(QObject):
    changed = Signal(object)
    done = Signal()
worker = Worker()
worker.changed.connect(lambda kinds: None)
for _ in range(200_000):
    worker.changed.emit(True)
    worker.done.emit()
print("alive")
"""


def test_signals_emitted_never_take_true_down() -> None:
    run = subprocess.run([sys.executable, "-c", MANY_EMITS], capture_output=True, text=True,
                         timeout=60)
    assert "bool_dealloc" not in run.stderr
    assert run.returncode == 0 and run.stdout.strip() == "alive"


def settle() -> None:
    """Let queued work and deferred deletions run, as the event loop would."""
    for _ in range(5):
        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    wait_for_tasks()
    QApplication.processEvents()


def test_windows_open_and_close_again_and_again_with_every_page_visited(
        qtbot, tmp_path: Path, settings: Settings, pack_path: Path) -> None:
    from judgepanel.gui.judge_window import JudgeWindow
    from judgepanel.gui.panel_window import PanelWindow

    assert keep_none_alive() == (sys.version_info < (3, 12))
    panel = coordinator_panel(tmp_path / "awards.judgepanel", per_entry=2)
    opened: list[weakref.ref[PanelWindow | JudgeWindow]] = []
    for _ in range(2):
        window = PanelWindow(panel, scratch_settings(tmp_path))
        window.show()
        qtbot.waitExposed(window)
        opened.append(weakref.ref(window))
        for row in range(len(window.pages)):
            window.navigation.setCurrentRow(row)
            settle()
        window.close()
        window.deleteLater()
        del window
        settle()
        judge = JudgeWindow(pack_path, settings)
        judge.show()
        qtbot.waitExposed(judge)
        opened.append(weakref.ref(judge))
        for entry in list(judge.entries)[:4]:  # entry ids
            judge.show_entry(entry)
            settle()
        judge.close()
        judge.deleteLater()
        del judge
        settle()
    gc.collect()
    assert [ref() for ref in opened] == [None] * 4  # each window freed, none kept alive
    if sys.version_info < (3, 12):
        assert none_references() > HEADROOM // 4  # nowhere near zero
