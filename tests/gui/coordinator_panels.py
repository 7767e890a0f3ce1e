"""Real panels for the coordinator's screens, built through the core as a coordinator would.

The entries are the fictional demo nominations shipped in resources/demo, imported with the
real importer; judges' names carry accents as real names do.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from judgepanel.core.assignment import auto_assign
from judgepanel.core.awards import builtin_awards
from judgepanel.core.importing import import_file
from judgepanel.core.judges import add_judge, list_judges
from judgepanel.core.packs import make_packs, open_pack
from judgepanel.core.panel import create_panel, open_panel
from judgepanel.core.resources import resource_path
from judgepanel.core.scoring import Judging
from judgepanel.gui.settings import Settings

LST = "leading-systems-transformation"
SII = "service-improvement-innovation"
JUDGES = ("Dr Aisha Patel", "Siân Roberts", "Tomás O'Connell", "Grace Mensah")


def scratch_settings(folder: Path) -> Settings:
    """Settings kept in a test's own folder, never the user's."""
    return Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))


def coordinator_panel(path: Path, judges: tuple[str, ...] = JUDGES,
                      per_entry: int | None = None) -> Path:
    """The demo entries in a new panel, with judges; assigned `per_entry` deep if given."""
    store = create_panel(path, "Northern Health Leadership Awards 2026", builtin_awards(),
                         who="test")
    try:
        for export in sorted(resource_path("demo").glob("*.csv")):
            import_file(store, export, who="test")
        for name in judges:
            add_judge(store, name, email=f"{name.split()[-1].lower()}@example.org", who="test")
        if per_entry:
            for row in store.rows("SELECT DISTINCT award FROM entries ORDER BY award"):
                auto_assign(store, row["award"], per_entry, seed=7, who="test")
    finally:
        store.close()
    return path


def counts(path: Path) -> tuple[int, int]:
    """(entries, awards with entries) in a panel: the demo data may grow."""
    store = open_panel(path)
    try:
        row = store.rows("SELECT COUNT(*) AS n, COUNT(DISTINCT award) AS a FROM entries")[0]
        return row["n"], row["a"]
    finally:
        store.close()


def score_pack(pack: Path, mark: int = 7, comment: str = "Clear evidence of impact") -> int:
    """The pack's judge scores every section of every entry in it; returns scores written."""
    store = open_pack(pack)
    written = 0
    try:
        judging = Judging.for_pack(store)
        for row in store.rows("SELECT id FROM entries ORDER BY id"):
            award = judging.award_of(row["id"])
            for section in award.sections:
                judging.set_score(row["id"], section.id, mark, comment)
                written += 1
            judging.set_review(row["id"], complete=True)
    finally:
        store.close()
    return written


def packs_for(panel: Path, folder: Path) -> list[Path]:
    """Every judge's pack, made by the core (for tests that start from returned packs)."""
    store = open_panel(panel)
    try:
        return [p.path for p in make_packs(store, list_judges(store), folder, who="test")]
    finally:
        store.close()
