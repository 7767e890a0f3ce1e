"""Screenshots of the panel room and the projector, for docs/screenshots.

Run under a real X server with two screens (the chair's laptop and the room's projector):

    xvfb-run -s "-screen 0 1440x900x24" python tools/panel_room_screenshots.py [--out DIR]

It builds the chair's scored panel (tools/chair_screenshots.py), adds a consensus final,
closes the written round and promotes the top six, then types the agreed scores of the
first finalist into the real panel room and presents it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from chair_screenshots import AWARD, build_panel
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from shots import british_application, options, save, settle

from judgepanel.core.panel import open_panel
from judgepanel.core.promotion import promote
from judgepanel.core.round_definitions import RoundSpec
from judgepanel.core.rounds import add_round, close_round

FINAL = ({"id": "talk", "title": "Presentation", "question": "How well did the team tell it?"},
         {"id": "answers", "title": "Answers to the panel's questions",
          "question": "How well were the panel's questions answered?", "weight": 2},
         {"id": "spread", "title": "Spread to other places",
          "question": "Is the change spreading beyond the first sites?"})


def main() -> int:
    args = options(__doc__, dark=False)
    app = british_application()
    folder = Path(tempfile.mkdtemp(prefix="judgepanel-room-"))
    path = build_panel(folder)
    with open_panel(path) as store:
        add_round(store, AWARD, RoundSpec("final", "Final", "consensus", FINAL),
                  who="Coordinator")
        close_round(store, AWARD, "judging", who="Coordinator")
        promote(store, AWARD, "final", "The panel's shortlist of six", who="Chair", top=6)

    from judgepanel.gui.panel_room import PanelRoom

    room = PanelRoom(path)
    room.resize(1280, 800)
    room.show()
    settle(app)
    agreed = {"LST-101": ("8", "9", "7"), "LST-102": ("6", "7", "6"),
              "LST-103": ("7", "8", None)}
    for entry, marks in agreed.items():
        room.show_entry(room.entries.index(entry))
        for section, keys in zip(room.boxes, marks, strict=True):
            if keys is not None:
                room.boxes[section].setFocus()
                QTest.keyClicks(room.boxes[section], keys)
                QTest.qWait(900)  # one score, not two quick digits
        if entry == "LST-101":
            room.ui.note.setFocus()
            QTest.keyClicks(room.ui.note, "Strong, consistent evidence of change across "
                                          "three boroughs; the panel wants the spread plan "
                                          "in writing.")
    room.ui.note.setFocus()
    QTest.keyClicks(room.ui.note, "A shared record every partner uses; the panel is waiting "
                                  "for the figures on spread before it agrees the last score.")
    room.boxes["spread"].setFocus()
    QTest.qWait(1200)
    save(app, room, args.out, "panel-room.png")
    projector = room.present()
    projector.setWindowState(Qt.WindowState.WindowNoState)
    projector.resize(1280, 720)
    settle(app)
    save(app, projector, args.out, "projector.png")
    projector.close()
    room.close()
    settle(app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
