"""A real chair's panel-room process for the consensus kill test: opens the panel in the real
PanelRoom (offscreen) and types agreed scores and the panel's note through the widgets on a
timer, appending what it has typed to a marker file after each keystroke. The test kills it
with SIGKILL.

Usage: python consensus_worker.py PANEL MARKER
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

NOTE = "The panel agreed the evidence of change across the whole system was the strongest; "
PASSES = 3


def main() -> int:
    panel, marker = Path(sys.argv[1]), Path(sys.argv[2])
    app = QApplication([])
    from judgepanel.gui.panel_room import PanelRoom

    room = PanelRoom(panel)
    room.show()
    log = marker.open("a", encoding="utf-8")
    steps = plan(room.entries, list(room.boxes))

    def record(field: list[str], value: object) -> None:
        log.write(json.dumps({"t": time.time(), "field": field, "value": value}) + "\n")
        log.flush()  # in the kernel: survives SIGKILL of this process

    def step() -> None:
        if not steps:
            timer.stop()
            return
        kind, entry, section, value = steps.pop(0)
        if entry != room.current:
            if room.entries.index(entry) == room.index + 1:
                QTest.keyClick(room.focusWidget() or room, Qt.Key.Key_PageDown)
            else:
                room.show_entry(room.entries.index(entry))
        if kind == "score":
            box = room.boxes[section]
            box.setFocus()
            QTest.keyClick(box, str(value))
            record([entry, section], box.score())
        else:
            room.ui.note.setFocus()
            room.ui.note.moveCursor(room.ui.note.textCursor().MoveOperation.End)
            QTest.keyClick(room.ui.note, str(value))
            record([entry, "note"], room.ui.note.toPlainText())

    timer = QTimer(interval=15)
    timer.timeout.connect(step)
    timer.start()
    record(["start"], None)
    return app.exec()


def plan(entries: list[str], sections: list[str]) -> list[tuple[str, str, str, object]]:
    """Each entry in turn: a digit per section, then the note letter by letter; three times
    round, with other scores and more of the note each time."""
    steps: list[tuple[str, str, str, object]] = []
    for turn in range(PASSES):
        for number, entry in enumerate(entries):
            for position, section in enumerate(sections):
                steps.append(("score", entry, section, (turn * 3 + number + position) % 10))
            steps.extend(("note", entry, "", char)
                         for char in NOTE[turn * 28:(turn + 1) * 28])
    return steps


if __name__ == "__main__":
    sys.exit(main())
