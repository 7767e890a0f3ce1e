"""Who judges what: assignments by hand and automatic, balanced assignment.

Automatic assignment gives every entry of an award N judges, tops up without disturbing what
is already assigned, never assigns a judge to an entry they are in conflict with, and keeps
workloads level (no judge more than one entry above another within the award) whenever the
existing assignments and conflicts allow it. The same seed gives the same assignment.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from judgepanel.core.awards import panel_award
from judgepanel.core.conflicts import in_conflict, require_entry
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import Judge, list_judges
from judgepanel.core.store import Store, now


@dataclass(frozen=True)
class AssignResult:
    """What `auto_assign` did, for the CLI line and the coordinator's summary."""

    award: str
    per_entry: int
    added: list[tuple[int, str]]  # (judge id, entry id), new assignments only
    kept: int  # assignments already there, left as they were
    workload: dict[str, int] = field(default_factory=dict)  # judge name -> entries in award

    @property
    def spread(self) -> int:
        """The most entries any judge has minus the fewest (0 or 1 when balanced)."""
        counts = list(self.workload.values())
        return max(counts) - min(counts) if counts else 0

    @property
    def balanced(self) -> bool:
        return self.spread <= 1


def auto_assign(store: Store, award_id: str, per_entry: int, seed: int | None = None,
                who: str = "") -> AssignResult:
    """Give every entry of an award `per_entry` judges, balancing workloads (all or nothing)."""
    panel_award(store, award_id)  # refuses an award the panel does not have
    if per_entry < 1:
        raise JudgePanelError(f"--per-entry must be 1 or more, not {per_entry}")
    judges = list_judges(store)
    if not judges:
        raise JudgePanelError(f"{store.path}: the panel has no judges yet; add judges first")
    entries = [r["id"] for r in store.rows(
        "SELECT id FROM entries WHERE award = ? ORDER BY id", [award_id])]
    if not entries:
        raise JudgePanelError(f"{store.path}: award '{award_id}' has no entries yet, so there "
                              "is nothing to assign; import its entries first")
    judge_ids = [j.id for j in judges]
    conflicted = {(r["judge"], r["entry"]) for r in store.rows(
        "SELECT judge, entry FROM conflicts")}
    current: dict[str, set[int]] = {entry: set() for entry in entries}
    for row in store.rows("SELECT a.judge, a.entry FROM assignments a JOIN entries e "
                          "ON e.id = a.entry WHERE e.award = ?", [award_id]):
        current[row["entry"]].add(row["judge"])
    kept = sum(len(assigned) for assigned in current.values())
    eligible = {entry: [j for j in judge_ids if (j, entry) not in conflicted]
                for entry in entries}
    if len(judge_ids) < per_entry:
        raise JudgePanelError(
            f"entry '{entries[0]}': only {len(judge_ids)} judge(s) can judge it: the panel has "
            f"{len(judge_ids)} judge(s), fewer than the {per_entry} asked for on each entry; "
            "add judges or ask for fewer")
    for entry in entries:
        if len(eligible[entry]) < per_entry:
            raise JudgePanelError(
                f"entry '{entry}': only {len(eligible[entry])} judge(s) can judge it "
                f"(the others are in conflict), fewer than the {per_entry} asked for; nothing "
                f"was assigned (ask for {len(eligible[entry])}, add a judge, or assign it by hand "
                "in the application)")
    load = {j: 0 for j in judge_ids}
    for assigned in current.values():
        for judge in assigned:
            load[judge] += 1

    rng = random.Random(seed)
    order = list(entries)
    rng.shuffle(order)
    order.sort(key=lambda entry: len(eligible[entry]))  # most constrained entries first
    added: list[tuple[int, str]] = []
    for entry in order:
        need = per_entry - len(current[entry])
        if need <= 0:
            continue
        candidates = [j for j in eligible[entry] if j not in current[entry]]
        ranked = sorted(candidates, key=lambda j: (load[j], rng.random()))
        for judge in ranked[:need]:
            current[entry].add(judge)
            load[judge] += 1
            added.append((judge, entry))
    added = _rebalance(added, current, load, conflicted)

    names = {j.id: j.name for j in judges}
    with store.transaction():
        stamp = now()
        store.db.conn.executemany(
            "INSERT INTO assignments(judge, entry, created_at) VALUES (?,?,?)",
            [(judge, entry, stamp) for judge, entry in added])
        store.audit("entries assigned", {
            "award": award_id, "per_entry": per_entry, "seed": seed, "added": len(added),
            "kept": kept}, who)
    return AssignResult(award_id, per_entry, sorted(added, key=lambda p: (p[1], p[0])), kept,
                        {names[j]: load[j] for j in judge_ids})


def _rebalance(added: list[tuple[int, str]], current: dict[str, set[int]],
               load: dict[int, int], conflicted: set[tuple[int, str]]) -> list[tuple[int, str]]:
    """Move new assignments from the busiest judges to the least busy where conflicts allow.

    Only assignments made in this run move; those already there are never disturbed.
    """
    new_for: dict[int, list[str]] = {}
    for judge, entry in added:
        new_for.setdefault(judge, []).append(entry)
    while max(load.values()) - min(load.values()) > 1:
        move = _find_move(new_for, current, load, conflicted)
        if move is None:
            break  # existing assignments or conflicts make an even spread impossible
        high, low, entry = move
        new_for[high].remove(entry)
        new_for.setdefault(low, []).append(entry)
        current[entry].discard(high)
        current[entry].add(low)
        load[high] -= 1
        load[low] += 1
    return [(judge, entry) for judge, entries in new_for.items() for entry in entries]


def _find_move(new_for: dict[int, list[str]], current: dict[str, set[int]],
               load: dict[int, int], conflicted: set[tuple[int, str]]
               ) -> tuple[int, int, str] | None:
    """(from judge, to judge, entry) narrowing the spread, or None when nothing can move."""
    by_load = sorted(load, key=lambda j: load[j])
    for high in reversed(by_load):
        for low in by_load:
            if load[high] - load[low] <= 1:
                break
            for entry in new_for.get(high, []):
                if low not in current[entry] and (low, entry) not in conflicted:
                    return high, low, entry
    return None


def assign(store: Store, judge: Judge, entry: str, who: str = "") -> bool:
    """Assign one entry to one judge by hand; False when it was already assigned."""
    require_entry(store, entry)
    if in_conflict(store, judge.id, entry):
        raise JudgePanelError(
            f"{judge.name} has a conflict of interest with entry '{entry}' and cannot be "
            "assigned it (remove the conflict first if it was recorded in error)")
    with store.transaction():
        added = store.db.execute(
            "INSERT OR IGNORE INTO assignments(judge, entry, created_at) VALUES (?,?,?)",
            [judge.id, entry, now()]).rowcount
        if added:
            store.audit("entry assigned", {"judge": judge.name, "entry": entry}, who)
    return bool(added)


def unassign(store: Store, judge: Judge, entry: str, who: str = "") -> bool:
    """Take an entry away from a judge; refused once the panel holds their scores for it.

    Scores are raw records that are never thrown away; to stop them counting, record a
    conflict of interest instead. False when the entry was not assigned.
    """
    scored = store.db.execute("SELECT COUNT(*) FROM scores WHERE judge = ? AND entry = ?",
                              [judge.id, entry]).fetchone()[0]
    if scored:
        raise JudgePanelError(
            f"{judge.name} has already scored entry '{entry}' ({scored} score(s) in the "
            "panel), so it cannot be unassigned; record a conflict of interest instead if "
            "those scores should not count")
    with store.transaction():
        removed = store.db.execute("DELETE FROM assignments WHERE judge = ? AND entry = ?",
                                   [judge.id, entry]).rowcount
        if removed:
            store.audit("entry unassigned", {"judge": judge.name, "judge_id": judge.id,
                                             "entry": entry}, who)
    return bool(removed)


def assignments(store: Store, award_id: str | None = None) -> list[tuple[int, str]]:
    """Every (judge id, entry id) assignment, optionally for one award, in a stable order."""
    if award_id is None:
        rows = store.rows("SELECT judge, entry FROM assignments ORDER BY entry, judge")
    else:
        rows = store.rows("SELECT a.judge, a.entry FROM assignments a JOIN entries e "
                          "ON e.id = a.entry WHERE e.award = ? ORDER BY a.entry, a.judge",
                          [award_id])
    return [(r["judge"], r["entry"]) for r in rows]


def workload(store: Store, award_id: str | None = None) -> dict[str, int]:
    """Entries assigned to each judge (every judge listed, 0 included), in the judges' order."""
    judges = list_judges(store)
    counts = {j.id: 0 for j in judges}
    for judge, _entry in assignments(store, award_id):
        counts[judge] = counts.get(judge, 0) + 1
    return {j.name: counts[j.id] for j in judges}
