"""Screenshots of judging in rounds in the panel window, for docs/screenshots.

Run under a real X server so fonts and styles are as a coordinator sees them:

    xvfb-run -s "-screen 0 1440x900x24" python tools/rounds_screenshots.py [--out DIR]

It builds the chair's scored panel (tools/chair_screenshots.py: 16 entries, six judges), adds
a consensus final, then opens the real panel window: the Rounds dialog with the top 6 about to
be promoted (the cut-off shown on the ranking), a tie at the cut-off, and after the promotion
and the panel's agreed scores, the Results page on the final with each finalist's path and
one finalist's agreed scores and path in the entry's detail.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from chair_screenshots import AWARD, build_panel
from shots import british_application, open_panel_window, options, save, settle

from judgepanel.core.consensus import record_consensus
from judgepanel.core.moderation import decide, decisions
from judgepanel.core.panel import open_panel
from judgepanel.core.round_definitions import RoundSpec
from judgepanel.core.rounds import add_round

FINAL_SECTIONS = (
    {"id": "talk", "title": "Presentation", "question": "How well did the team present the "
     "change and its evidence?"},
    {"id": "answers", "title": "Answers to the panel's questions",
     "question": "How well did they answer?", "weight": 2},
)
AGREED = {"LST-101": (9, 8), "LST-104": (8, 9), "LST-102": (7, 7), "LST-107": (8, 6),
          "LST-103": (6, 7), "LST-109": (6, 6)}

PLACED = {"LST-104": "winner", "LST-101": "highly-commended", "LST-102": "finalist",
          "LST-107": "finalist", "LST-103": "finalist", "LST-109": "finalist"}


def main() -> int:
    args = options(__doc__, dark=False)
    app = british_application()
    folder = Path(tempfile.mkdtemp(prefix="judgepanel-rounds-"))
    panel = build_panel(folder)
    with open_panel(panel) as store:
        add_round(store, AWARD, RoundSpec("final", "Final", "consensus", FINAL_SECTIONS),
                  who="Coordinator")
        for decided in decisions(store):  # placed after the final, not on the shortlisting
            if decided["placement"] != "none":
                decide(store, decided["entry"], "none", "Placed after the final",
                       who="Prof. Helen Carter")
    window = open_panel_window(panel, folder)
    results = window.go_to("Results")
    settle(app)
    dialog = results.open_rounds()
    assert dialog is not None
    dialog.resize(1000, 780)
    dialog.ui.tabs.setCurrentWidget(dialog.ui.promote_tab)
    dialog.ui.top.setValue(6)
    dialog.ui.reason.setText("The panel's shortlist of six for the judging day")
    save(app, dialog, args.out, "rounds.png")

    dialog.ui.rounds_table.selectRow(0)
    dialog.close_round("judging")
    dialog.promote()
    dialog.accept()
    window.go_to("Judges & assignment")
    save(app, window, args.out, "rounds-judges.png")
    window.go_to("Packs")
    save(app, window, args.out, "rounds-packs.png")
    with open_panel(panel) as store:
        for entry, (talk, answers) in AGREED.items():
            record_consensus(store, AWARD, "final", entry, "talk", talk, who="Prof. Helen Carter")
            record_consensus(store, AWARD, "final", entry, "answers", answers,
                             who="Prof. Helen Carter")
        for entry, placement in PLACED.items():
            decide(store, entry, placement, "Agreed by the panel on the judging day",
                   who="Prof. Helen Carter")
    window.go_to("Results")  # the final's ranking, with a finalist's agreed scores beside it
    results.refresh()
    settle(app)
    results.show_entry("LST-104")
    settle(app)
    save(app, window, args.out, "rounds-final.png")
    window.close()
    settle(app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
