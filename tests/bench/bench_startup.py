"""Start-up: from launching a fresh Python process to an interactive start screen.

The product's time is `python -m judgepanel` (the real entry point) until its start screen is
up and its event loop running (JUDGEPANEL_QUIT_WHEN_READY makes it leave there); the baseline
is the same for a bare QApplication with one empty window. Both run offscreen in this
process's environment, several times, median reported.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

from run import result

PRODUCT = ["-m", "judgepanel"]  # the real entry point, as a double-click runs it
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


def _launch(args: list[str], folder: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               JUDGEPANEL_QUIT_WHEN_READY="1", XDG_CONFIG_HOME=folder, HOME=folder)
    started = time.perf_counter()
    subprocess.run([sys.executable, *args], check=True, env=env, capture_output=True)
    return (time.perf_counter() - started) * 1000


def run(quick: bool) -> list[dict[str, object]]:
    rounds = 3 if quick else 7
    with tempfile.TemporaryDirectory() as folder:
        _launch(PRODUCT, folder)  # warm the file cache once for both
        _launch(["-c", BASELINE], folder)
        product = statistics.median(_launch(PRODUCT, folder) for _ in range(rounds))
        baseline = statistics.median(_launch(["-c", BASELINE], folder) for _ in range(rounds))
    return [result("startup", product, "ms", baseline, product / baseline, "value <= 1000")]
