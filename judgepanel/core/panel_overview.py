"""What the coordinator's setup pages show: counts, the assignment grid, each judge's progress.

Plain reads returning plain values, so the panel window and the command line show the same
numbers and no SQL lives outside core.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from judgepanel.core.judges import list_judges
from judgepanel.core.store import Store


@dataclass(frozen=True)
class SetupCounts:
    """How far the panel's setup has come: judges added, assignments made."""

    judges: int
    assignments: int


@dataclass(frozen=True)
class JudgeLoad:
    """One judge's share of the panel: entries assigned, conflicts of interest recorded."""

    assigned: int = 0
    conflicts: int = 0


@dataclass
class AssignmentGrid:
    """One award's entries and what joins each to each judge: assigned, conflict, scored."""

    award: str
    entries: list[tuple[str, str]] = field(default_factory=list)  # (id, title), import order
    assigned: set[tuple[str, int]] = field(default_factory=set)  # (entry, judge id)
    conflicts: dict[tuple[str, int], str] = field(default_factory=dict)  # -> reason
    scored: set[tuple[str, int]] = field(default_factory=set)  # scores in the panel


@dataclass(frozen=True)
class Coverage:
    """Entries with the full number of judges, all entries, and that number (0 if none).

    The number is, per award, the most judges any of its entries has: what auto-assign was
    asked for, or what the coordinator is building up by hand.
    """

    full: int
    total: int
    target: int


@dataclass(frozen=True)
class JudgeProgress:
    """One judge's row on the Packs page."""

    judge_id: int
    judge: str
    assigned: int
    scored: int  # entries with at least one score in the panel
    complete: int  # entries the judge marked complete
    returned: str | None  # when their last pack was merged (ISO time), None if never


def entries_per_award(store: Store) -> dict[str, int]:
    """Award id -> how many entries it has (awards with none are left out)."""
    return {r["award"]: r["n"] for r in store.rows(
        "SELECT award, COUNT(*) AS n FROM entries GROUP BY award")}


def setup_counts(store: Store) -> SetupCounts:
    row = store.rows("SELECT (SELECT COUNT(*) FROM judges) AS judges, "
                     "(SELECT COUNT(*) FROM assignments) AS assigned")[0]
    return SetupCounts(int(row["judges"]), int(row["assigned"]))


def judge_loads(store: Store) -> dict[int, JudgeLoad]:
    """Judge id -> entries assigned and conflicts recorded (judges with neither left out)."""
    assigned = {r["judge"]: r["n"] for r in store.rows(
        "SELECT judge, COUNT(*) AS n FROM assignments GROUP BY judge")}
    conflicts = {r["judge"]: r["n"] for r in store.rows(
        "SELECT judge, COUNT(*) AS n FROM conflicts GROUP BY judge")}
    return {judge: JudgeLoad(assigned.get(judge, 0), conflicts.get(judge, 0))
            for judge in {*assigned, *conflicts}}


def entry_choices(store: Store, award_id: str | None = None) -> list[tuple[str, str]]:
    """(entry id, title) in import order, for one award or every award (grouped by award)."""
    if award_id is None:
        rows = store.rows("SELECT id, title FROM entries "
                          "ORDER BY award, source_file, source_row, id")
    else:
        rows = store.rows("SELECT id, title FROM entries WHERE award = ? "
                          "ORDER BY source_file, source_row, id", [award_id])
    return [(r["id"], r["title"]) for r in rows]


def assignment_grid(store: Store, award_id: str) -> AssignmentGrid:
    """The award's entries in import order, with every assignment, conflict and scored pair."""
    grid = AssignmentGrid(award_id, entry_choices(store, award_id))
    grid.assigned = {(r["entry"], r["judge"]) for r in store.rows(
        "SELECT a.judge, a.entry FROM assignments a JOIN entries e ON e.id = a.entry "
        "WHERE e.award = ?", [award_id])}
    grid.conflicts = {(r["entry"], r["judge"]): r["reason"] or "" for r in store.rows(
        "SELECT c.judge, c.entry, c.reason FROM conflicts c JOIN entries e ON e.id = c.entry "
        "WHERE e.award = ?", [award_id])}
    grid.scored = {(r["entry"], r["judge"]) for r in store.rows(
        "SELECT DISTINCT s.judge, s.entry FROM scores s JOIN entries e ON e.id = s.entry "
        "WHERE e.award = ?", [award_id])}
    return grid


def coverage(store: Store) -> Coverage:
    """How many entries have the number of judges their award is being given (see Coverage)."""
    per_award: dict[str, list[int]] = {}
    for row in store.rows(
            "SELECT e.award, (SELECT COUNT(*) FROM assignments a WHERE a.entry = e.id) AS n "
            "FROM entries e JOIN awards w ON w.id = e.award"):
        per_award.setdefault(row["award"], []).append(int(row["n"]))
    full = total = target_any = 0
    for counts in per_award.values():
        target = max(counts)
        target_any = max(target_any, target)
        total += len(counts)
        full += sum(1 for n in counts if target and n >= target)
    return Coverage(full, total, target_any)


def last_merges(store: Store) -> dict[str, str]:
    """Judge name -> when their last returned pack was merged, from the audit log."""
    merged: dict[str, str] = {}
    for row in store.rows("SELECT at, detail FROM audit WHERE action = 'pack merged' "
                          "ORDER BY id"):
        try:
            merged[json.loads(row["detail"]).get("judge", "")] = row["at"]
        except ValueError:
            continue
    return merged


def judges_progress(store: Store) -> list[JudgeProgress]:
    """Every judge, in the order they were added, with their work so far."""
    merged = last_merges(store)
    counts = {name: {r["judge"]: r["n"] for r in store.rows(sql)} for name, sql in (
        ("assigned", "SELECT judge, COUNT(*) AS n FROM assignments GROUP BY judge"),
        ("scored", "SELECT judge, COUNT(DISTINCT entry) AS n FROM scores "
                   "WHERE value IS NOT NULL GROUP BY judge"),
        ("complete", "SELECT judge, COUNT(*) AS n FROM reviews WHERE complete = 1 "
                     "GROUP BY judge"))}
    return [JudgeProgress(judge.id, judge.name, counts["assigned"].get(judge.id, 0),
                          counts["scored"].get(judge.id, 0),
                          counts["complete"].get(judge.id, 0), merged.get(judge.name))
            for judge in list_judges(store)]


def audit_record_count(store: Store) -> int:
    """How many records the panel's audit log holds."""
    return int(store.rows("SELECT COUNT(*) AS n FROM audit")[0]["n"])


def scores_for(store: Store, judge_id: int, entry: str) -> int:
    """How many scores the panel holds from this judge for this entry."""
    return int(store.rows("SELECT COUNT(*) AS n FROM scores WHERE judge = ? AND entry = ?",
                          [judge_id, entry])[0]["n"])
