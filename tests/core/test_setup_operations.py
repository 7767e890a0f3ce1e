"""The coordinator's setup operations in core: each checks, writes and audits in one go, and a
refused one leaves the panel exactly as it was. The Awards, Judges and Packs pages and the
command line all call these same functions."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from judgepanel.core.assignment import assign, assignments
from judgepanel.core.assignment_changes import judge_now, toggle_assignment, withdraw_conflict
from judgepanel.core.award_editing import add_award, edit_section
from judgepanel.core.awards import builtin_awards, panel_award, panel_awards
from judgepanel.core.conflicts import record_conflict
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import Judge, add_judge, list_judges
from judgepanel.core.merge import merge_returned_packs
from judgepanel.core.pack_contents import conflict_reason, pack_entries
from judgepanel.core.pack_files import copy_pack, pack_judge_name
from judgepanel.core.packs import make_pack, open_pack
from judgepanel.core.panel import create_panel, open_panel
from judgepanel.core.panel_overview import (
    SetupCounts,
    assignment_grid,
    audit_record_count,
    coverage,
    entries_per_award,
    entry_choices,
    judge_loads,
    judges_progress,
    setup_counts,
)
from judgepanel.core.scoring import Judging
from judgepanel.core.store import Store

LST, SII = "leading-systems-transformation", "service-improvement-innovation"
WHO = "Coordinator"


@pytest.fixture
def panel_file(tmp_path: Path) -> Path:
    """One award (LST) with entries E-1..E-3, two judges: Ann has E-1 and E-2, Ben has E-1."""
    path = tmp_path / "awards.judgepanel"
    lst = next(a for a in builtin_awards() if a.id == LST)
    with create_panel(path, "Regional Awards 2026", [lst]) as store:
        upsert_entries(store, [EntryRecord(f"E-{n}", LST, title=f"Entry {n}")
                               for n in (1, 2, 3)])
        ann, ben = add_judge(store, "Ann Ward"), add_judge(store, "Ben Carr")
        assign(store, ann, "E-1")
        assign(store, ann, "E-2")
        assign(store, ben, "E-1")
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def last_audit(store: Store) -> tuple[str, str, dict[str, object]]:
    row = store.rows("SELECT action, who, detail FROM audit ORDER BY id DESC LIMIT 1")[0]
    return row["action"], row["who"], json.loads(row["detail"])


def judges_by_name(store: Store) -> dict[str, Judge]:
    return {j.name: j for j in list_judges(store)}


def unchanged(panel_file: Path, action: object, message: str) -> None:
    """`action(store)` is refused with `message` and the panel file is byte-for-byte as it was."""
    before = digest(panel_file)
    with open_panel(panel_file) as store, pytest.raises(JudgePanelError, match=message):
        action(store)  # type: ignore[operator]
    assert digest(panel_file) == before


# ----- awards -----------------------------------------------------------------------------


def test_adding_an_award_saves_it_and_audits_who_added_it(panel_file: Path) -> None:
    sii = next(a for a in builtin_awards() if a.id == SII)
    with open_panel(panel_file) as store:
        added = add_award(store, sii, who=WHO)
        assert added == sii
        assert [a.id for a in panel_awards(store)] == [LST, SII]
        assert last_audit(store) == ("award added", WHO, {"award": SII, "name": sii.name})


def test_an_award_already_in_the_panel_is_refused_and_nothing_changes(panel_file: Path) -> None:
    lst = next(a for a in builtin_awards() if a.id == LST)
    unchanged(panel_file, lambda store: add_award(store, lst, who=WHO),
              f"already has an award '{LST}'")


def test_a_section_weight_and_word_limit_change_in_one_audited_step(panel_file: Path) -> None:
    with open_panel(panel_file) as store:
        section = panel_award(store, LST).sections[1].id
        before = audit_record_count(store)
        updated = edit_section(store, LST, section, weight=2.5, word_limit=400, who=WHO)
        assert updated.section(section).weight == 2.5
        assert panel_award(store, LST).section(section).word_limit == 400
        assert audit_record_count(store) == before + 1
        assert last_audit(store) == ("section changed", WHO, {
            "award": LST, "section": section, "weight": 2.5, "word limit": 400})
        edit_section(store, LST, section, word_limit=0, who=WHO)  # 0: no limit
        assert panel_award(store, LST).section(section).word_limit is None


@pytest.mark.parametrize(("change", "message"), [
    ({"weight": 0.0}, "a weight must be above 0"),
    ({"weight": -1.0}, "a weight must be above 0"),
    ({"weight": float("nan")}, "a weight must be above 0"),
    ({"word_limit": -5}, "a word limit must be 0"),
    ({}, "nothing to change"),
])
def test_a_bad_section_change_is_refused_naming_the_section(
        panel_file: Path, change: dict[str, float], message: str) -> None:
    unchanged(panel_file, lambda store: edit_section(
        store, LST, panel_award(store, LST).sections[0].id, **change, who=WHO), message)


def test_an_unknown_award_or_section_is_refused_by_name(panel_file: Path) -> None:
    unchanged(panel_file, lambda store: edit_section(store, "nope", "Q1", weight=1, who=WHO),
              "no award 'nope'")
    unchanged(panel_file, lambda store: edit_section(store, LST, "Q99", weight=1, who=WHO),
              f"{LST}: no section 'Q99'")


# ----- conflicts and what the setup pages read --------------------------------------------


def test_recording_a_conflict_says_what_it_did(panel_file: Path) -> None:
    with open_panel(panel_file) as store:
        ann = judges_by_name(store)["Ann Ward"]
        first = record_conflict(store, ann, "E-2", "Former colleague", who=WHO)
        assert (first.new, first.assignment_removed, first.scores_no_longer_counted) == \
            (True, True, 0)
        assert (ann.id, "E-2") not in assignments(store)
        again = record_conflict(store, ann, "E-2", "Same trust", who=WHO)
        assert (again.new, again.assignment_removed) == (False, False)
        assert last_audit(store)[:2] == ("conflict recorded", WHO)


def test_the_setup_pages_read_counts_grid_and_coverage_from_core(panel_file: Path) -> None:
    with open_panel(panel_file) as store:
        judges = judges_by_name(store)
        ann, ben = judges["Ann Ward"], judges["Ben Carr"]
        record_conflict(store, ben, "E-3", "Line manager", who=WHO)
        assert entries_per_award(store) == {LST: 3}
        assert setup_counts(store) == SetupCounts(judges=2, assignments=3)
        loads = judge_loads(store)
        assert (loads[ann.id].assigned, loads[ann.id].conflicts) == (2, 0)
        assert (loads[ben.id].assigned, loads[ben.id].conflicts) == (1, 1)
        grid = assignment_grid(store, LST)
        assert grid.entries == [("E-1", "Entry 1"), ("E-2", "Entry 2"), ("E-3", "Entry 3")]
        assert grid.assigned == {("E-1", ann.id), ("E-2", ann.id), ("E-1", ben.id)}
        assert grid.conflicts == {("E-3", ben.id): "Line manager"}
        assert grid.scored == set()
        covered = coverage(store)  # E-1 has the most judges (2): only it is fully covered
        assert (covered.full, covered.total, covered.target) == (1, 3, 2)
        assert entry_choices(store) == grid.entries


# ----- packs out and back -----------------------------------------------------------------


def scored_pack(panel_file: Path, name: str, target: Path, value: float = 7) -> Path:
    with open_panel(panel_file) as store:
        make_pack(store, judges_by_name(store)[name], target, who=WHO)
    with open_pack(target) as pack:
        judging = Judging.for_pack(pack)
        award = panel_award(pack, LST)
        for entry in pack_entries(judging):
            for section in award.sections:
                judging.set_score(entry, section.id, value, "")
    return target


def test_a_pack_holds_only_its_judges_entries(panel_file: Path, tmp_path: Path) -> None:
    with open_panel(panel_file) as store:
        make_pack(store, judges_by_name(store)["Ben Carr"], tmp_path / "ben.judgepack")
    with open_pack(tmp_path / "ben.judgepack") as pack:
        judging = Judging.for_pack(pack)
        assert list(pack_entries(judging)) == ["E-1"]
        judging.declare_conflict("E-1", "My sister's project")
        assert conflict_reason(judging, "E-1") == "My sister's project"
        assert conflict_reason(judging, "E-2") == ""
    assert pack_judge_name(tmp_path / "ben.judgepack") == "Ben Carr"
    copy_pack(tmp_path / "ben.judgepack", tmp_path / "copy.judgepack")
    assert pack_judge_name(tmp_path / "copy.judgepack") == "Ben Carr"
    (tmp_path / "notes.judgepack").write_text("not a pack", encoding="utf-8")
    assert pack_judge_name(tmp_path / "notes.judgepack") == ""


def test_one_refused_file_merges_nothing_and_every_file_is_accounted_for(
        panel_file: Path, tmp_path: Path) -> None:
    ann = scored_pack(panel_file, "Ann Ward", tmp_path / "ann.judgepack")
    ben = scored_pack(panel_file, "Ben Carr", tmp_path / "ben.judgepack")
    bad = tmp_path / "notes.judgepack"
    bad.write_text("not a pack", encoding="utf-8")
    before = digest(panel_file)
    with open_panel(panel_file) as store:
        run = merge_returned_packs(store, [ann, bad, ben], who=WHO)
    assert digest(panel_file) == before  # all or nothing
    assert not run.merged and "notes.judgepack" in run.refusal
    assert "nothing was merged" in run.refusal
    assert [(r.file.name, bool(r.refused)) for r in run.results] == [
        ("ann.judgepack", False), ("notes.judgepack", True), ("ben.judgepack", False)]
    assert run.results[0].new > 0  # what Ann's pack would add, shown for the coordinator

    with open_panel(panel_file) as store:
        run = merge_returned_packs(store, [ann, ben], who=WHO)
        assert run.merged and run.refusal == ""
        assert last_audit(store)[:2] == ("pack merged", WHO)
        progress = {p.judge: p for p in judges_progress(store)}
    assert (progress["Ann Ward"].assigned, progress["Ann Ward"].scored) == (2, 2)
    assert progress["Ben Carr"].returned is not None


def test_a_tampered_pack_names_its_judge_in_the_plan(panel_file: Path, tmp_path: Path) -> None:
    import sqlite3

    ann = scored_pack(panel_file, "Ann Ward", tmp_path / "ann.judgepack")
    with sqlite3.connect(ann) as conn:
        conn.execute("UPDATE scores SET value = 10 WHERE rowid = 1")
    conn.close()
    with open_panel(panel_file) as store:
        run = merge_returned_packs(store, [ann], who=WHO)
    assert not run.merged
    assert run.results[0].judge == "Ann Ward" and "altered outside JudgePanel" in \
        run.results[0].refused


# ----- the matrix and its undo ------------------------------------------------------------


def audit_actions(store: Store) -> list[str]:
    return [r["action"] for r in store.rows("SELECT action FROM audit ORDER BY id")]


def test_a_toggle_follows_the_panel_not_the_screen(panel_file: Path) -> None:
    with open_panel(panel_file) as store:
        ben = judges_by_name(store)["Ben Carr"]
        done = toggle_assignment(store, ben, "E-2", who=WHO)
        assert (done.assigned, done.message) == (True, "E-2 assigned to Ben Carr.")
        assert (ben.id, "E-2") in assignments(store)
        done = toggle_assignment(store, ben, "E-2", who=WHO)
        assert (done.assigned, done.message) == (False, "E-2 taken from Ben Carr.")
        assert audit_actions(store)[-2:] == ["entry assigned", "entry unassigned"]
        record_conflict(store, ben, "E-3", "Line manager", who=WHO)
    unchanged(panel_file, lambda store: toggle_assignment(
        store, judges_by_name(store)["Ben Carr"], "E-3", who=WHO), "conflict of interest")


def test_withdrawing_a_conflict_gives_the_assignment_back_in_one_step(panel_file: Path) -> None:
    with open_panel(panel_file) as store:
        ann = judges_by_name(store)["Ann Ward"]
        record_conflict(store, ann, "E-1", "Former colleague", who=WHO)
        said = withdraw_conflict(store, ann, "E-1", give_back=True, who=WHO)
        assert said == "Conflict removed: E-1 is assigned to Ann Ward again."
        assert (ann.id, "E-1") in assignments(store)
        assert audit_actions(store)[-2:] == ["conflict removed", "entry assigned"]
        assert judge_now(store, ann.id).name == "Ann Ward"
    unchanged(panel_file, lambda store: withdraw_conflict(
        store, judges_by_name(store)["Ann Ward"], "E-1", give_back=True, who=WHO),
        "no conflict of interest is recorded")
    unchanged(panel_file, lambda store: judge_now(store, 99, "Zed Gone"),
              "Zed Gone is no longer a judge")
