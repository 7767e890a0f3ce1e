"""Start-up: from launching a fresh Python process to an interactive start screen.

The product's time is a new interpreter that imports JudgePanel, builds the start screen and
reaches its event loop; the baseline is the same for a bare QApplication with one empty
window. Both run offscreen in this process's environment, several times, median reported.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

from run import result

PRODUCT = """
from pathlib import Path
import sys
from PySide6.QtCore import QSettings, QTimer
from judgepanel.gui.app import Shell, make_application
from judgepanel.gui.settings import Settings
app = make_application([])
store = QSettings(str(Path(sys.argv[1]) / "settings.ini"), QSettings.Format.IniFormat)
shell = Shell(Settings(store))
shell.show_start()
QTimer.singleShot(0, app.quit)
app.exec()
"""

BASELINE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("start"))
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def _launch(code: str, folder: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, folder], check=True, env=env,
                   capture_output=True)
    return (time.perf_counter() - started) * 1000


def run(quick: bool) -> list[dict[str, object]]:
    rounds = 3 if quick else 7
    with tempfile.TemporaryDirectory() as folder:
        _launch(PRODUCT, folder)  # warm the file cache once for both
        _launch(BASELINE, folder)
        product = statistics.median(_launch(PRODUCT, folder) for _ in range(rounds))
        baseline = statistics.median(_launch(BASELINE, folder) for _ in range(rounds))
    return [result("startup", product, "ms", baseline, product / baseline, "value <= 1000")]
