"""What a returned pack may change, and in which order a judge's returns count.

A pack carries its judge's signing key, so whoever holds it can sign anything: the panel's own
assignments decide which entries it may change, and the judge's write counter (not the
laptop's clock) decides which of two returns is the later.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from judgepanel.core.assignment import assign, unassign
from judgepanel.core.awards import builtin_awards
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import add_judge, find_judge
from judgepanel.core.merge import merge_packs
from judgepanel.core.moderation import verify_panel
from judgepanel.core.packs import make_pack, open_pack
from judgepanel.core.panel import create_panel, open_panel
from judgepanel.core.ranking import rank_award
from judgepanel.core.schema import SCHEMA_VERSION
from judgepanel.core.scoring import Judging, review_signature, score_signature
from judgepanel.core.store import Store, now

AWARD = "leading-systems-transformation"
SECTIONS = ("Q1", "Q2", "Q3", "Q4", "Q5")
VERSION1 = Path(__file__).parent.parent / "fixtures" / "version1"


@pytest.fixture
def panel_file(tmp_path: Path) -> Path:
    """Four entries; Ann is assigned E-1 and E-2, Ben E-1 to E-4."""
    path = tmp_path / "awards.judgepanel"
    with create_panel(path, "Regional Awards 2026", builtin_awards()) as store:
        upsert_entries(store, [EntryRecord(f"E-{n}", AWARD, title=f"Entry {n}")
                               for n in range(1, 5)])
        ann, ben = add_judge(store, "Ann Ward"), add_judge(store, "Ben Carr")
        for entry in ("E-1", "E-2"):
            assign(store, ann, entry)
        for entry in ("E-1", "E-2", "E-3", "E-4"):
            assign(store, ben, entry)
    return path


def pack_for(panel_file: Path, name: str, target: Path) -> Path:
    with open_panel(panel_file) as store:
        found = find_judge(store, name)
        assert found is not None
        make_pack(store, found, target)
    return target


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def forge_scores(pack: Path, entry: str, value: float, stamp: str | None = None,
                 seq: int = 0) -> None:
    """What a dishonest holder of the pack can do: sign new rows with the pack's own key."""
    with open_pack(pack) as store:
        judge, key = store.db.execute("SELECT id, pack_key FROM judges").fetchone()
        panel_id = store.panel_id
    conn = sqlite3.connect(pack)
    stamp = stamp or now()
    conn.execute("INSERT OR IGNORE INTO entries(id, award, imported_at, updated_at) "
                 "VALUES (?,?,?,?)", [entry, AWARD, stamp, stamp])
    for section in SECTIONS:
        conn.execute(
            "INSERT OR REPLACE INTO scores(judge, entry, section, value, comment, updated_at, "
            "signature, seq) VALUES (?,?,?,?,?,?,?,?)",
            [judge, entry, section, value, "", stamp,
             score_signature(key, panel_id, judge, entry, section, value, "", stamp, seq),
             seq])
    conn.commit()
    conn.close()


def values(panel_file: Path, judge: str) -> dict[tuple[str, str], float]:
    with open_panel(panel_file) as store:
        return {(r["entry"], r["section"]): r["value"] for r in store.rows(
            "SELECT s.entry, s.section, s.value FROM scores s JOIN judges j ON j.id = s.judge "
            "WHERE j.name = ?", [judge])}


# ----- item 1: only the judge's assigned entries ------------------------------------------------


def test_correctly_signed_scores_for_an_unassigned_entry_refuse_the_pack(
        panel_file: Path, tmp_path: Path) -> None:
    pack = pack_for(panel_file, "Ann Ward", tmp_path / "ann.judgepack")
    with open_pack(pack) as store:
        Judging.for_pack(store).set_score("E-1", "Q1", 5, "honest")
    forge_scores(pack, "E-3", 10)  # Ann was never given E-3
    before = digest(panel_file)
    with open_panel(panel_file) as store, \
            pytest.raises(JudgePanelError, match=r"entry 'E-3' is not assigned to Ann Ward"):
        merge_packs(store, [pack])
    assert digest(panel_file) == before
    with open_panel(panel_file) as store:
        assert rank_award(store, AWARD).entries[0].score is None  # nothing went to rank 1


def test_a_forged_review_for_an_unassigned_entry_is_refused(panel_file: Path,
                                                            tmp_path: Path) -> None:
    pack = pack_for(panel_file, "Ann Ward", tmp_path / "ann.judgepack")
    with open_pack(pack) as store:
        judge, key = store.db.execute("SELECT id, pack_key FROM judges").fetchone()
        panel_id = store.panel_id
    stamp = now()
    conn = sqlite3.connect(pack)
    conn.execute("INSERT INTO reviews(judge, entry, comment, tags, complete, updated_at, "
                 "signature) VALUES (?,?,?,?,?,?,?)",
                 [judge, "E-4", "Outstanding", "[]", 0, stamp,
                  review_signature(key, panel_id, judge, "E-4", "Outstanding", "[]", 0, stamp)])
    conn.commit()
    conn.close()
    with open_panel(panel_file) as store, pytest.raises(JudgePanelError, match="'E-4'"):
        merge_packs(store, [pack])


def test_an_entry_taken_away_after_scoring_refuses_new_scores_but_not_a_remerge(
        panel_file: Path, tmp_path: Path) -> None:
    """The panel decides: once unassigned (before any score arrived), the pack's scores for
    that entry are refused; an identical re-merge of what the panel already holds is not."""
    pack = pack_for(panel_file, "Ben Carr", tmp_path / "ben.judgepack")
    with open_pack(pack) as store:
        judging = Judging.for_pack(store)
        for section in SECTIONS:
            judging.set_score("E-1", section, 6)
    with open_panel(panel_file) as store:
        merge_packs(store, [pack])
    again = pack_for(panel_file, "Ben Carr", tmp_path / "ben-2.judgepack")
    with open_panel(panel_file) as store:
        ben = find_judge(store, "Ben Carr")
        assert ben is not None
        unassign(store, ben, "E-4")
    forge_scores(again, "E-4", 9, seq=50)
    with open_panel(panel_file) as store, pytest.raises(JudgePanelError, match="'E-4'"):
        merge_packs(store, [again])
    with open_panel(panel_file) as store:
        [result] = merge_packs(store, [pack])
    assert (result.new, result.changed, result.unchanged) == (0, 0, 5)


# ----- item 2: the judge's counter, not their clock ---------------------------------------------


def test_a_corrected_return_wins_although_the_first_came_from_a_clock_running_ahead(
        panel_file: Path, tmp_path: Path) -> None:
    pack = pack_for(panel_file, "Ann Ward", tmp_path / "ann.judgepack")
    with open_pack(pack) as store:  # the laptop's clock was a year ahead at the first return
        Judging.for_pack(store).set_score("E-1", "Q1", 2, "typo", at="2027-12-01T09:00:00+00:00")
    with open_panel(panel_file) as store:
        merge_packs(store, [pack])
    with open_pack(pack) as store:  # clock put right, then the correction
        Judging.for_pack(store).set_score("E-1", "Q1", 8, "corrected")
    with open_panel(panel_file) as store:
        [result] = merge_packs(store, [pack])
    assert (result.changed, result.older) == (1, 0)
    assert values(panel_file, "Ann Ward") == {("E-1", "Q1"): 8.0}


def test_any_string_as_a_time_is_refused(panel_file: Path, tmp_path: Path) -> None:
    pack = pack_for(panel_file, "Ann Ward", tmp_path / "ann.judgepack")
    forge_scores(pack, "E-1", 5, stamp="zzz")
    before = digest(panel_file)
    with open_panel(panel_file) as store, \
            pytest.raises(JudgePanelError, match="'zzz' is not a time JudgePanel writes"):
        merge_packs(store, [pack])
    assert digest(panel_file) == before


def test_an_older_return_merged_after_a_newer_one_says_so_and_changes_nothing(
        panel_file: Path, tmp_path: Path) -> None:
    pack = pack_for(panel_file, "Ann Ward", tmp_path / "ann.judgepack")
    with open_pack(pack) as store:
        Judging.for_pack(store).set_score("E-1", "Q1", 4, "first")
    first_return = tmp_path / "ann-first-return.judgepack"
    shutil.copyfile(pack, first_return)
    with open_pack(pack) as store:
        Judging.for_pack(store).set_score("E-1", "Q1", 7, "second thoughts")
    with open_panel(panel_file) as store:
        merge_packs(store, [pack])
        [late] = merge_packs(store, [first_return])  # the e-mail that arrived late
    assert (late.changed, late.older) == (0, 1)
    assert "older than one already merged" in late.line()
    assert values(panel_file, "Ann Ward") == {("E-1", "Q1"): 7.0}


# ----- the version-1 files: migrated on open, their packs still merge ----------------------------


def test_a_version_1_panel_opens_migrated_with_its_unkeyed_history_checked(
        tmp_path: Path) -> None:
    panel = tmp_path / "panel.judgepanel"
    shutil.copyfile(VERSION1 / "panel-v1.judgepanel", panel)
    with open_panel(panel) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert verify_panel(store) == []
        keyed = store.rows("SELECT id, detail FROM audit WHERE action = 'audit chain keyed'")
        assert len(keyed) == 1 and "without a key" in keyed[0]["detail"]
    raw = sqlite3.connect(panel)  # the old, unkeyed part is still checked as it was written
    raw.execute("DROP TRIGGER audit_no_update")
    raw.execute("UPDATE audit SET who = 'Someone' WHERE id = 2")
    raw.commit()
    raw.close()
    with pytest.warns(UserWarning), open_panel(panel) as store:
        assert any("record 2" in p for p in verify_panel(store))


def test_a_version_1_pack_merges_into_the_migrated_panel_and_a_new_return_supersedes_it(
        tmp_path: Path) -> None:
    panel = tmp_path / "panel.judgepanel"
    old_pack = tmp_path / "ben-v1.judgepack"
    shutil.copyfile(VERSION1 / "panel-v1.judgepanel", panel)
    shutil.copyfile(VERSION1 / "ben-v1.judgepack", old_pack)
    with open_panel(panel) as store:
        [result] = merge_packs(store, [old_pack])
        assert (result.judge, result.new) == ("Ben Carr", 5)
        ben = find_judge(store, "Ben Carr")
        assert ben is not None
        make_pack(store, ben, tmp_path / "ben-v2.judgepack")
    with open_pack(tmp_path / "ben-v2.judgepack") as pack:
        Judging.for_pack(pack).set_score("E-1", "Q1", 9, "second look")
    with open_panel(panel) as store:
        [newer] = merge_packs(store, [tmp_path / "ben-v2.judgepack"])
        [stale] = merge_packs(store, [old_pack])
        assert verify_panel(store) == []
    assert (newer.changed, stale.changed, stale.older) == (1, 0, 1)
    assert values(panel, "Ben Carr")[("E-1", "Q1")] == 9.0


def test_a_version_1_pack_opened_by_its_judge_is_migrated_and_keeps_its_scores(
        tmp_path: Path) -> None:
    pack = tmp_path / "ben.judgepack"
    shutil.copyfile(VERSION1 / "ben-v1.judgepack", pack)
    with open_pack(pack) as store:
        assert store.schema_version() == SCHEMA_VERSION and store.audit_problems() == []
        judging = Judging.for_pack(store)
        assert judging.scores("E-1")["Q1"]["value"] == 4
        judging.set_score("E-1", "Q2", 6)
        assert judging.next_seq() == 2
    with Store.open(pack) as store:
        assert store.audit_problems() == []
