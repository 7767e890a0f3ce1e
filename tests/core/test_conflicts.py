"""Conflicts of interest: the assignment goes, the scores stop counting, a mistake can be undone."""

from __future__ import annotations

import pytest

from judgepanel.core.assignment import assign, assignments, auto_assign
from judgepanel.core.awards import builtin_awards, save_award
from judgepanel.core.conflicts import (
    counted_scores,
    list_conflicts,
    record_conflict,
    remove_conflict,
)
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import Judge, add_judge
from judgepanel.core.scoring import Judging
from judgepanel.core.store import Store

AWARD = "leading-systems-transformation"


def small_panel() -> tuple[Store, list[Judge]]:
    store = Store.memory()
    for award in builtin_awards():
        save_award(store, award)
    upsert_entries(store, [EntryRecord(f"E-{n}", AWARD, title=f"Entry {n}") for n in range(4)])
    return store, [add_judge(store, name) for name in ("Ann Ward", "Ben Carr", "Cleo Hart")]


def test_recording_a_conflict_removes_the_assignment_and_stops_scores_counting() -> None:
    store, (ann, ben, _) = small_panel()
    assign(store, ann, "E-1")
    Judging.for_judge(store, ann.id).set_score("E-1", "Q1", 8, "strong")
    Judging.for_judge(store, ben.id).set_score("E-1", "Q1", 4)
    record_conflict(store, ann, "E-1", "Line manager of the nominee")
    assert (ann.id, "E-1") not in assignments(store)
    counted = {(r["judge"], r["entry"]) for r in counted_scores(store, AWARD)}
    assert counted == {(ben.id, "E-1")}
    # the raw score is kept, so a conflict recorded in error can be withdrawn
    assert store.db.execute("SELECT COUNT(*) FROM scores").fetchone()[0] == 2
    [found] = list_conflicts(store)
    assert (found.judge, found.entry, found.reason, found.declared_by) == (
        "Ann Ward", "E-1", "Line manager of the nominee", "coordinator")
    remove_conflict(store, ann, "E-1")
    assert len(counted_scores(store)) == 2 and list_conflicts(store) == []


def test_a_conflicted_judge_is_never_assigned_or_allowed_to_score() -> None:
    store, (ann, ben, cleo) = small_panel()
    record_conflict(store, ann, "E-0", "Same trust")
    auto_assign(store, AWARD, 2, seed=3)
    assert (ann.id, "E-0") not in assignments(store)
    with pytest.raises(JudgePanelError, match="conflict of interest"):
        Judging.for_judge(store, ann.id).set_score("E-0", "Q1", 5)


def test_recording_twice_updates_the_reason_and_audits_each_change() -> None:
    store, (ann, *_rest) = small_panel()
    record_conflict(store, ann, "E-2", "Friend")
    record_conflict(store, ann, "E-2", "Close friend")
    assert [c.reason for c in list_conflicts(store)] == ["Close friend"]
    actions = [r["action"] for r in store.rows("SELECT action FROM audit ORDER BY id")]
    assert actions.count("conflict recorded") == 2
    assert store.audit_problems() == []


def test_unknown_entries_and_missing_conflicts_are_refused() -> None:
    store, (ann, *_rest) = small_panel()
    with pytest.raises(JudgePanelError, match="no entry 'E-77'"):
        record_conflict(store, ann, "E-77", "x")
    with pytest.raises(JudgePanelError, match="no conflict of interest is recorded"):
        remove_conflict(store, ann, "E-1")
