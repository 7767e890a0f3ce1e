"""A later round's overall reviews are in the panel's schema from version 5: a new panel has
the table from the start, a version 4 panel (which made it on the first merge of a round
pack) opens with its reviews, rounds and rankings exactly as that release showed them, and a
panel from before rounds gains the table on opening.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

from judgepanel.core.awards import Award, Scale, Section
from judgepanel.core.judges import list_judges
from judgepanel.core.moderation import check_history
from judgepanel.core.packs import open_pack
from judgepanel.core.panel import create_panel, open_panel
from judgepanel.core.round_packs import round_pack, round_reviews
from judgepanel.core.schema import SCHEMA_VERSION

Run = Callable[..., CompletedProcess[str]]
FIXTURES = Path(__file__).parent.parent / "fixtures"
VERSION4 = FIXTURES / "version4"


def _version_and_tables(path: Path) -> tuple[int, set[str]]:
    """What the file itself holds, read without JudgePanel (which would migrate it)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        version = int(conn.execute("SELECT value FROM meta WHERE key = 'schema_version'")
                      .fetchone()[0])
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE "
                                             "type = 'table'")}
    finally:
        conn.close()
    return version, tables


def test_a_new_panel_has_the_round_reviews_table_from_the_start(tmp_path: Path) -> None:
    award = Award(id="prize", name="Prize", scale=Scale(0, 10, 1),
                  sections=(Section("Q1", "Impact", "What changed?"),))
    create_panel(tmp_path / "new.judgepanel", "New", [award]).close()
    version, tables = _version_and_tables(tmp_path / "new.judgepanel")
    assert version == SCHEMA_VERSION == 5 and "round_reviews" in tables


def test_a_version_4_panel_opens_with_its_round_reviews_and_ranks_as_before(
        tmp_path: Path, run_cli: Run) -> None:
    panel = tmp_path / "v4.judgepanel"
    shutil.copyfile(VERSION4 / "panel-v4.judgepanel", panel)
    version, tables = _version_and_tables(panel)
    assert version == 4 and "round_reviews" in tables  # made by its first merge
    printed = json.loads((VERSION4 / "printed-v4.json").read_text(encoding="utf-8"))
    with open_panel(panel) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert check_history(store) == []  # the audit chain still holds
        assert round_reviews(store, "prize", "final") == printed["reviews"]
    assert _version_and_tables(panel)[0] == SCHEMA_VERSION  # the file itself moved on
    for name, args in (("rounds", ["rounds", panel, "--award", "prize", "--json"]),
                       ("judging", ["rank", panel, "--award", "prize", "--round", "judging",
                                    "--json"]),
                       ("final", ["rank", panel, "--award", "prize", "--round", "final",
                                  "--json"])):
        assert json.loads(run_cli(*args, check=True).stdout) == printed[name], name

    # A pack re-issued from the migrated panel carries the judge's review of that round.
    with open_panel(panel) as store:
        ann = next(j for j in list_judges(store) if j.name == "Ann Lee")
        made = round_pack(store, "prize", "final", ann, tmp_path / "ann.judgepack")
    with open_pack(made.path) as pack:
        carried = pack.rows("SELECT entry, comment, complete FROM reviews ORDER BY entry")
    assert carried == [{"entry": r["entry"], "comment": r["comment"], "complete": 1}
                       for r in printed["reviews"] if r["judge"] == "Ann Lee"]


def test_a_panel_from_before_rounds_gains_the_table_on_opening(tmp_path: Path) -> None:
    panel = tmp_path / "old.judgepanel"
    shutil.copyfile(FIXTURES / "before_rounds" / "panel-before-rounds.judgepanel", panel)
    assert "round_reviews" not in _version_and_tables(panel)[1]
    with open_panel(panel) as store:
        assert check_history(store) == []
        assert round_reviews(store, "leading-systems-transformation", "judging") == []
    version, tables = _version_and_tables(panel)
    assert version == SCHEMA_VERSION and {"rounds", "round_reviews"} <= tables
