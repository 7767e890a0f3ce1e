"""Screenshots of the coordinator's panel window on a realistic panel, for docs/screenshots.

Run under a real X server so fonts and styles are as a user sees them:

    xvfb-run -s "-screen 0 1440x900x24" python tools/panel_screenshots.py [--out DIR]

It builds a panel in a scratch folder (the demo entries, five judges, three judges per entry,
a conflict of interest, packs made, two returned and scored, one altered by hand), drives the
window as a coordinator would and saves `QWidget.grab()` PNGs.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from shots import british_application, open_panel_window, options, save, wait_until

from judgepanel.core.assignment import auto_assign
from judgepanel.core.awards import builtin_awards
from judgepanel.core.conflicts import record_conflict
from judgepanel.core.importing import import_file
from judgepanel.core.judges import add_judge, find_judge
from judgepanel.core.packs import open_pack
from judgepanel.core.panel import create_panel
from judgepanel.core.resources import resource_path
from judgepanel.core.scoring import Judging

JUDGES = ("Dr Aisha Patel", "Siân Roberts", "Tomás O'Connell", "Grace Mensah", "Ewan McLeod")


def build_panel(folder: Path) -> Path:
    path = folder / "Northern Health Leadership Awards 2026.judgepanel"
    store = create_panel(path, "Northern Health Leadership Awards 2026", builtin_awards(),
                         who="Coordinator")
    for export in sorted(resource_path("demo").glob("*.csv")):
        import_file(store, export, who="Coordinator")
    for name in JUDGES:
        add_judge(store, name, email=f"{name.split()[-1].lower()}@example.org",
                  who="Coordinator")
    record_conflict(store, find_judge(store, "Siân Roberts"), "LST-103",
                    "Line manager of the nominee", who="Coordinator")
    for row in store.rows("SELECT DISTINCT award FROM entries ORDER BY award"):
        auto_assign(store, row["award"], 3, seed=2026, who="Coordinator")
    store.close()
    return path


def score(pack: Path, marks: tuple[int, ...]) -> None:
    store = open_pack(pack)
    judging = Judging.for_pack(store)
    for number, row in enumerate(store.rows("SELECT id FROM entries ORDER BY id")):
        award = judging.award_of(row["id"])
        for index, section in enumerate(award.sections):
            judging.set_score(row["id"], section.id, marks[(number + index) % len(marks)],
                              "Well evidenced, with measured outcomes")
        if number % 3:
            judging.set_review(row["id"], complete=True)
    store.close()


def finished(task: object) -> Callable[[], bool]:
    """Whether a page's background task (or None, when it ran at once) is over."""
    return lambda: getattr(task, "done", True)


def main() -> int:
    args = options(__doc__, dark=False)
    app = british_application()
    folder = Path(tempfile.mkdtemp(prefix="judgepanel-shots-"))
    panel = build_panel(folder)
    window = open_panel_window(panel, folder)

    window.go_to("Awards")
    save(app, window, args.out, "panel-awards.png")

    entries = window.go_to("Entries")
    entries.table.selectRow(0)
    save(app, window, args.out, "panel-entries.png")

    judges = window.go_to("Judges & assignment")
    judges.matrix.setCurrentIndex(judges.matrix_model.index(2, 1))
    save(app, window, args.out, "panel-assignment.png")

    packs = window.go_to("Packs")
    out = folder / "packs"
    out.mkdir()
    ids = [j.id for j in window.page("Judges & assignment").judges]
    wait_until(app, finished(packs.create_packs(ids, out)))
    made = sorted(out.glob("*.judgepack"))
    score(out / "Dr Aisha Patel.judgepack", (7, 8, 6, 9))
    score(out / "Grace Mensah.judgepack", (5, 6, 7))
    score(out / "Ewan McLeod.judgepack", (8, 6))
    tampered = out / "Ewan McLeod.judgepack"
    with sqlite3.connect(tampered) as conn:  # a score changed outside JudgePanel
        conn.execute("UPDATE scores SET value = 10 WHERE rowid = 1")
    conn.close()
    returned = [out / "Dr Aisha Patel.judgepack", out / "Grace Mensah.judgepack", tampered]
    wait_until(app, finished(packs.merge(returned)))
    print(f"{len(made)} packs made; merged {len(returned)}")
    save(app, window, args.out, "panel-packs.png")

    window.go_to("Audit log")
    save(app, window, args.out, "panel-audit.png")

    window.go_to("Entries")
    from judgepanel.gui.import_dialog import ImportDialog

    dialog = ImportDialog(panel, window, store=window.store)
    dialog.resize(1100, 760)
    dialog.show()
    dialog.set_file(resource_path("demo") / "service-improvement-innovation.csv")
    save(app, dialog, args.out, "panel-import.png")
    dialog.close()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
