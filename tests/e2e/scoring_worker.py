"""A real judge's scoring process for the kill test: opens the pack in the real JudgeWindow
(offscreen) and types scores and comments through the widgets on a timer, appending what it
has typed to a marker file after each keystroke. The test kills it with SIGKILL.

Usage: python scoring_worker.py PACK MARKER SETTINGS_DIR
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

COMMENT = "Clear evidence of system working across boundaries and sectors; "


def main() -> int:
    pack, marker, settings_dir = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    app = QApplication([])
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    from judgepanel.gui.judge_window import JudgeWindow
    from judgepanel.gui.settings import Settings

    settings = Settings()
    settings.backup_folder = Path(settings_dir) / "backups"
    if len(sys.argv) > 4:  # an encrypted pack: the passphrase as the judge typed it
        from judgepanel.core.file_encryption import hold_key, key_for_file

        hold_key(pack, key_for_file(pack, sys.argv[4]))
    window = JudgeWindow(pack, settings)
    window.show()
    panel = window.ui.scoringPanel
    log = marker.open("a", encoding="utf-8")
    steps = plan(window)

    def record(field: list[str], value: object) -> None:
        log.write(json.dumps({"t": time.time(), "field": field, "value": value}) + "\n")
        log.flush()  # in the kernel: survives SIGKILL of this process

    def step() -> None:
        if not steps:
            timer.stop()
            return
        kind, entry, section, value = steps.pop(0)
        if entry != window.current:
            window.show_entry(entry)
        card = panel.cards[section]
        if kind == "score":
            QTest.keyClick(card.score, str(value))
            record([entry, section, "score"], value)
        else:
            card.comment.setFocus()
            card.comment.moveCursor(card.comment.textCursor().MoveOperation.End)
            QTest.keyClick(card.comment, value)
            record([entry, section, "comment"], card.comment.toPlainText())

    timer = QTimer(interval=15)
    timer.timeout.connect(step)
    timer.start()
    record(["start"], None)
    return app.exec()


def plan(window: object) -> list[tuple[str, str, str, object]]:
    """Scores and a comment typed letter by letter, entry after entry."""
    steps: list[tuple[str, str, str, object]] = []
    for number, entry in enumerate(window.model.entry_ids()):  # type: ignore[attr-defined]
        award = window.awards[window.entries[entry]["award"]]  # type: ignore[attr-defined]
        for position, section in enumerate(award.sections):
            steps.append(("score", entry, section.id, (number + position) % 10))
            steps.extend(("comment", entry, section.id, char)
                         for char in (COMMENT[: 20 + 7 * position]))
    return steps


if __name__ == "__main__":
    Qt  # noqa: B018 - imported for the platform plugin's key names
    sys.exit(main())
