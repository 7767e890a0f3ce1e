"""Assignment: N judges per entry, level workloads, reproducible, conflicts respected."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from judgepanel.core.assignment import assign, assignments, auto_assign, unassign, workload
from judgepanel.core.awards import builtin_awards, save_award
from judgepanel.core.conflicts import record_conflict
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import Judge, add_judge
from judgepanel.core.scoring import Judging
from judgepanel.core.store import Store

AWARD = "leading-systems-transformation"
OTHER = "service-improvement-innovation"


def panel_with(entries: int, judges: int) -> tuple[Store, list[Judge]]:
    store = Store.memory()
    for award in builtin_awards():
        save_award(store, award)
    upsert_entries(store, [EntryRecord(f"E-{n:03d}", AWARD, title=f"Entry {n}")
                           for n in range(entries)])
    people = [add_judge(store, f"Judge {n}", role="chair" if n == 0 else "judge")
              for n in range(judges)]
    return store, people


def check_assignment(store: Store, per_entry: int) -> None:
    """Every entry has exactly N distinct judges, none in conflict."""
    conflicted = {(r["judge"], r["entry"]) for r in store.rows("SELECT * FROM conflicts")}
    per = Counter(entry for _, entry in assignments(store, AWARD))
    entries = [r["id"] for r in store.rows("SELECT id FROM entries WHERE award = ?", [AWARD])]
    assert all(per[e] == per_entry for e in entries)
    assert not conflicted & set(assignments(store, AWARD))


@pytest.mark.parametrize("judges", [2, 3, 5, 8])
@pytest.mark.parametrize("entries", [1, 7, 24, 61])
def test_every_entry_gets_n_judges_and_workloads_stay_level(judges: int, entries: int) -> None:
    for per_entry in range(1, min(judges, 4) + 1):
        for seed in range(5):
            store, _ = panel_with(entries, judges)
            result = auto_assign(store, AWARD, per_entry, seed=seed)
            check_assignment(store, per_entry)
            counts = workload(store, AWARD)
            assert max(counts.values()) - min(counts.values()) <= 1, (per_entry, seed, counts)
            assert result.balanced and len(result.added) == entries * per_entry


def test_conflicts_are_respected_and_balance_kept_where_possible() -> None:
    for seed in range(8):
        store, judges = panel_with(30, 6)
        rng = random.Random(seed)
        for n in range(30):  # one conflict on most entries
            if rng.random() < 0.7:
                record_conflict(store, rng.choice(judges), f"E-{n:03d}", "colleague")
        result = auto_assign(store, AWARD, 3, seed=seed)
        check_assignment(store, 3)
        assert result.balanced, result.workload


def test_the_same_seed_gives_the_same_assignment() -> None:
    first, _ = panel_with(20, 5)
    second, _ = panel_with(20, 5)
    third, _ = panel_with(20, 5)
    auto_assign(first, AWARD, 2, seed=42)
    auto_assign(second, AWARD, 2, seed=42)
    auto_assign(third, AWARD, 2, seed=7)
    assert assignments(first) == assignments(second)
    assert assignments(first) != assignments(third)


def test_topping_up_keeps_what_is_already_assigned() -> None:
    store, judges = panel_with(12, 4)
    assign(store, judges[3], "E-000")
    auto_assign(store, AWARD, 1, seed=1)
    before = set(assignments(store))
    result = auto_assign(store, AWARD, 2, seed=2)
    after = set(assignments(store))
    assert before <= after and (judges[3].id, "E-000") in after
    assert result.kept == 12 and len(result.added) == 12
    check_assignment(store, 2)
    assert result.balanced
    again = auto_assign(store, AWARD, 2, seed=3)
    assert again.added == [] and set(assignments(store)) == after


def test_too_few_judges_for_an_entry_names_it_and_changes_nothing() -> None:
    store, judges = panel_with(5, 3)
    record_conflict(store, judges[0], "E-003", "manager")
    record_conflict(store, judges[1], "E-003", "same trust")
    with pytest.raises(JudgePanelError, match="E-003.*only 1 judge"):
        auto_assign(store, AWARD, 2, seed=1)
    assert assignments(store) == []


def test_workload_is_counted_within_the_award() -> None:
    store, judges = panel_with(4, 2)
    upsert_entries(store, [EntryRecord("S-1", OTHER), EntryRecord("S-2", OTHER)])
    assign(store, judges[0], "S-1")
    assign(store, judges[0], "S-2")
    auto_assign(store, AWARD, 1, seed=0)
    assert workload(store, AWARD) == {"Judge 0": 2, "Judge 1": 2}
    assert workload(store) == {"Judge 0": 4, "Judge 1": 2}
    assert set(assignments(store, OTHER)) == {(judges[0].id, "S-1"), (judges[0].id, "S-2")}


def test_bad_requests_are_refused() -> None:
    store, judges = panel_with(3, 2)
    with pytest.raises(JudgePanelError, match="no award 'nope'"):
        auto_assign(store, "nope", 1)
    with pytest.raises(JudgePanelError, match="1 or more"):
        auto_assign(store, AWARD, 0)
    with pytest.raises(JudgePanelError, match="has no entries"):
        auto_assign(store, OTHER, 1)
    with pytest.raises(JudgePanelError, match="no entry 'E-999'"):
        assign(store, judges[0], "E-999")
    empty = Store.memory()
    for award in builtin_awards():
        save_award(empty, award)
    upsert_entries(empty, [EntryRecord("E-1", AWARD)])
    with pytest.raises(JudgePanelError, match="no judges"):
        auto_assign(empty, AWARD, 1)


def test_manual_assign_refuses_a_conflict_and_unassign_refuses_scored_work() -> None:
    store, judges = panel_with(3, 2)
    record_conflict(store, judges[1], "E-001", "partner works there")
    with pytest.raises(JudgePanelError, match="conflict of interest"):
        assign(store, judges[1], "E-001")
    assert assign(store, judges[0], "E-001") is True
    assert assign(store, judges[0], "E-001") is False
    Judging.for_judge(store, judges[0].id).set_score("E-001", "Q1", 6)
    with pytest.raises(JudgePanelError, match="already scored"):
        unassign(store, judges[0], "E-001")
    assign(store, judges[0], "E-002")
    assert unassign(store, judges[0], "E-002") is True
    assert (judges[0].id, "E-002") not in assignments(store)
    actions = [r["action"] for r in store.rows("SELECT action FROM audit")]
    assert "entry assigned" in actions and "entry unassigned" in actions
