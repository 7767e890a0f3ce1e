"""A real judge deciding a qualifying round, for the kill test: opens the pack in the real
JudgeWindow (offscreen), presses P or F (typing the reason after F, letter by letter) entry
after entry on a timer, and appends what it has decided to a marker file after each key.
The test kills it with SIGKILL.

Usage: python vote_worker.py PACK MARKER SETTINGS_DIR
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

REASON = ("Outside the dates of the award: the work described began before the eligibility "
          "window and the nomination shows nothing since")  # ~2 s of typing


def main() -> int:
    pack, marker, settings_dir = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    app = QApplication([])
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    from judgepanel.gui.judge_window import JudgeWindow
    from judgepanel.gui.settings import Settings

    settings = Settings()
    settings.backup_folder = Path(settings_dir) / "backups"
    window = JudgeWindow(pack, settings)
    window.show()
    buttons = window.vote_panel.ui
    log = marker.open("a", encoding="utf-8")
    steps: list[tuple[str, str]] = []  # (entry, "PASS" or "FAIL"), then the reason's keys
    for turn in range(40):  # the judge keeps changing their mind: pass, fail, …
        for number, entry in enumerate(window.model.entry_ids()):
            if (number + turn) % 2:
                steps.append((entry, "PASS"))
            else:
                steps.append((entry, "FAIL"))
                steps.extend((entry, char) for char in f" {REASON} {turn}")

    def record(entry: str) -> None:
        passed, reason = window.known_votes.get(entry, (None, ""))
        log.write(json.dumps({"t": time.time(), "entry": entry, "passed": passed,
                              "reason": reason}) + "\n")
        log.flush()  # in the kernel: survives SIGKILL of this process

    def step() -> None:
        if not steps:
            timer.stop()
            return
        entry, key = steps.pop(0)
        if entry != window.current:
            window.show_entry(entry)
        if key in ("PASS", "FAIL"):  # the P or F key, on the buttons
            buttons.passButton.setFocus()
            QTest.keyClick(buttons.passButton, Qt.Key.Key_P if key == "PASS" else Qt.Key.Key_F)
        else:
            buttons.reason.setFocus()
            buttons.reason.moveCursor(buttons.reason.textCursor().MoveOperation.End)
            QTest.keyClicks(buttons.reason, key)
        record(entry)

    timer = QTimer(interval=15)
    timer.timeout.connect(step)
    timer.start()
    log.write(json.dumps({"t": time.time(), "entry": "", "passed": None, "reason": ""}) + "\n")
    log.flush()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
