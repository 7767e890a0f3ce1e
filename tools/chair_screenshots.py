"""Screenshots of the panel chair's screens on a realistic scored panel, for docs/screenshots.

Run under a real X server so fonts and styles are as a chair sees them:

    xvfb-run -s "-screen 0 1440x900x24" python tools/chair_screenshots.py [--dark] [--out DIR]

It builds a panel in a scratch folder: one award with 16 entries, six judges of different
leniency, three or four judges per entry (an incomplete but connected design), comments, a
conflict of interest, two placements and a moderated score. Then it opens the real panel
window, drives the Results, Decisions and Outputs pages and saves `QWidget.grab()` PNGs.
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

from shots import (
    british_application,
    dark_palette,
    open_panel_window,
    options,
    save,
    settle,
    wait_until,
)

from judgepanel.core.assignment import assign
from judgepanel.core.awards import builtin_awards
from judgepanel.core.conflicts import record_conflict
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge
from judgepanel.core.moderation import decide, override_score
from judgepanel.core.panel import create_panel
from judgepanel.core.scoring import Judging
from judgepanel.gui.output_jobs import report_job

AWARD = "leading-systems-transformation"
# name, leniency in marks (0–10 scale): who marks high, who marks low
JUDGES = (("Dr Aisha Patel", 0.3), ("Siân Roberts", -1.6), ("Tomás O'Connell", 1.4),
          ("Grace Mensah", 0.0), ("Ewan McLeod", -0.7), ("Zofia Łukasik", 0.9))
ENTRIES = (
    ("LST-101", "Frailty hub across three boroughs", "Dr Hannah Okafor",
     "Northshire NHS Foundation Trust", 8.1),
    ("LST-102", "Discharge to assess, seven days a week", "Mark Ellison",
     "Riverside Community Health", 7.4),
    ("LST-103", "Shared care record for the region", "Priya Venkatesh",
     "North Coast ICB", 6.9),
    ("LST-104", "Mental health crisis café", "Chloë Barnes", "Westmoor Mind", 7.8),
    ("LST-105", "Virtual wards for heart failure", "Dr Femi Adeyemi",
     "Eastgate University Hospitals", 6.2),
    ("LST-106", "Falls prevention network", "Joanna Wiśniewska", "Dales Primary Care Network",
     5.6),
    ("LST-107", "Homeless health outreach", "Rev. Tom Ashdown", "Harbour City Council", 7.1),
    ("LST-108", "Anchor institution employment scheme", "Gill Sutherland",
     "Northshire NHS Foundation Trust", 5.1),
    ("LST-109", "Children's asthma in schools", "Dr Omar Siddiqui", "Southvale ICB", 6.6),
    ("LST-110", "Dementia-friendly high streets", "Beth Morgan", "Valleys Partnership", 4.7),
    ("LST-111", "Maternity continuity of carer", "Ngozi Eze", "Riverside Community Health",
     6.0),
    ("LST-112", "Community diagnostic centre", "Paul Hendry", "Eastgate University Hospitals",
     5.4),
    ("LST-113", "Social prescribing collaborative", "Aoife Brennan", "Dales PCN", 4.2),
    ("LST-114", "Digital front door for outpatients", "Sam Whitfield", "North Coast ICB", 3.8),
    ("LST-115", "Carers' passport", "Leila Haddad", "Westmoor Carers' Trust", 5.8),
    ("LST-116", "Population health academy", "Dr Ruth Kaplan", "Southvale ICB", 4.9),
)
COMMENTS = (
    "Clear evidence of partnership beyond the organisation's walls.",
    "Outcomes are described but not measured; I wanted numbers.",
    "Strong patient voice throughout — co-produced from the start.",
    "Ambitious, but the spread to other sites is still a plan.",
    "Good use of data to target the people most at risk.",
    "Leadership is visible; inclusion of staff groups less so.",
)


def build_panel(folder: Path) -> Path:
    """A scored panel as it stands in the panel room, built through the core."""
    path = folder / "Northern Health Leadership Awards 2026.judgepanel"
    store = create_panel(path, "Northern Health Leadership Awards 2026", builtin_awards(),
                         who="Coordinator")
    upsert_entries(store, [EntryRecord(id=e, award=AWARD, title=t, nominee=n, organisation=o)
                           for e, t, n, o, _ in ENTRIES])
    judges = [add_judge(store, name, who="Coordinator") for name, _ in JUDGES]
    chair = add_judge(store, "Prof. Helen Carter", role="chair", who="Coordinator")
    luck = random.Random(2026)
    sections = [s.id for s in next(a for a in builtin_awards() if a.id == AWARD).sections]
    for number, (entry, _, _, _, quality) in enumerate(ENTRIES):
        panel = {number % 6, (number + 1) % 6, (number + 3) % 6}
        if number % 4 == 0:
            panel.add((number + 4) % 6)
        for which in sorted(panel):
            judge, (_, leniency) = judges[which], JUDGES[which]
            assign(store, judge, entry, who="Coordinator")
            judging = Judging.for_judge(store, judge.id)
            for section in sections:
                mark = round(quality + leniency + luck.gauss(0, 0.8))
                comment = luck.choice(COMMENTS) if luck.random() < 0.35 else ""
                judging.set_score(entry, section, min(max(mark, 0), 10), comment)
            judging.set_review(entry, comment=luck.choice(COMMENTS), complete=True)
    record_conflict(store, judges[3], "LST-103", "Worked with the nominee until 2025",
                    who="Coordinator")
    decide(store, "LST-101", "winner", "Strongest evidence of system-wide change; every "
           "judge placed it in their top three", who=chair.name)
    decide(store, "LST-104", "highly-commended", "Outstanding co-production with service users",
           who=chair.name)
    override_score(store, "LST-107", 72.0, "Panel agreed Q3 evidence had been under-marked "
                   "by one judge who missed the appendix", who=chair.name)
    store.close()
    return path


def main() -> int:
    args = options(__doc__)
    app = british_application()
    if args.dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    folder = Path(tempfile.mkdtemp(prefix="judgepanel-chair-"))
    window = open_panel_window(build_panel(folder), folder)

    results = window.go_to("Results")
    settle(app)
    results.show_entry("LST-101")
    if args.dark:  # the one screen whose shading must stay readable on a dark palette
        results.tabs.setCurrentIndex(1)
        save(app, window, args.out, "chair-matrix-dark.png")
        window.close()
        settle(app)
        return 0
    save(app, window, args.out, "chair-results.png")
    results.tabs.setCurrentIndex(1)
    save(app, window, args.out, "chair-matrix.png")
    results.tabs.setCurrentIndex(2)
    save(app, window, args.out, "chair-reliability.png")
    results.tabs.setCurrentIndex(3)
    save(app, window, args.out, "chair-sensitivity.png")

    decisions = window.go_to("Decisions")
    settle(app)
    decisions.select("LST-107")
    decisions.placement_combo.setCurrentIndex(decisions.placement_combo.findData("finalist"))
    decisions.placement_reason.setText("Consistently strong across every section")
    save(app, window, args.out, "chair-decisions.png")

    outputs = window.go_to("Outputs")
    outputs._run("Writing the ranked report", report_job(None, folder / "Ranked report.pdf"))
    wait_until(app, lambda: not outputs.busy)
    save(app, window, args.out, "chair-outputs.png")
    window.close()
    settle(app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
