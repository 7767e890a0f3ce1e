"""What the panel window shows of a later round: its assignment grid and each judge's share.

Plain reads of one award's round (the first round of an award is the award's own, read by
`panel_overview`), so the pages hold no SQL. Assigning is `round_packs.assign_round` and
`round_packs.auto_assign_round`; `unassign_round` takes an unscored entry back from a judge.
"""

from __future__ import annotations

from dataclasses import dataclass

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import Judge
from judgepanel.core.panel_overview import AssignmentGrid, entry_choices
from judgepanel.core.rounds import Round, find_round, round_entries
from judgepanel.core.store import Store


def round_assignment_grid(store: Store, found: Round) -> AssignmentGrid:
    """A later round's entries (the promoted ones, in the award's order) with its
    assignments, the conflicts (which hold in every round) and the pairs scored in it."""
    inside = set(round_entries(store, found))
    grid = AssignmentGrid(found.award, [(entry, title) for entry, title
                                        in entry_choices(store, found.award) if entry in inside])
    grid.assigned = {(str(r[1]), int(r[0])) for r in store.db.execute(
        "SELECT judge, entry FROM round_assignments WHERE award = ? AND round = ?",
        [found.award, found.id]).fetchall() if r[1] in inside}
    grid.conflicts = {(str(r[1]), int(r[0])): str(r[2] or "") for r in store.db.execute(
        "SELECT c.judge, c.entry, c.reason FROM conflicts c JOIN entries e ON e.id = c.entry "
        "WHERE e.award = ?", [found.award]).fetchall() if r[1] in inside}
    if found.kind == "qualifying":
        scored_sql = "SELECT DISTINCT judge, entry FROM round_votes WHERE award = ? AND round = ?"
    else:
        scored_sql = ("SELECT DISTINCT judge, entry FROM round_scores WHERE award = ? AND "
                      "round = ? AND value IS NOT NULL")
    grid.scored = {(str(r[1]), int(r[0])) for r in store.db.execute(
        scored_sql, [found.award, found.id]).fetchall()}
    return grid


@dataclass(frozen=True)
class RoundShare:
    """One judge's part in a later round: entries assigned and entries they have scored (in a
    qualifying round: voted on)."""

    judge_id: int
    judge: str
    assigned: int
    scored: int


def round_shares(store: Store, found: Round) -> list[RoundShare]:
    """Every judge of the panel with their assignments and scored entries in the round."""
    inside = set(round_entries(store, found))
    assigned: dict[int, int] = {}
    for judge, entry in store.db.execute(
            "SELECT judge, entry FROM round_assignments WHERE award = ? AND round = ?",
            [found.award, found.id]).fetchall():
        if entry in inside:
            assigned[int(judge)] = assigned.get(int(judge), 0) + 1
    scored: dict[int, int] = {}
    done_sql = ("SELECT DISTINCT judge, entry FROM round_votes WHERE award = ? AND round = ?"
                if found.kind == "qualifying" else
                "SELECT DISTINCT judge, entry FROM round_scores WHERE award = ? AND round = ? "
                "AND value IS NOT NULL")
    for judge, entry in store.db.execute(done_sql, [found.award, found.id]).fetchall():
        if entry in inside:
            scored[int(judge)] = scored.get(int(judge), 0) + 1
    return [RoundShare(int(row[0]), str(row[1]), assigned.get(int(row[0]), 0),
                       scored.get(int(row[0]), 0))
            for row in store.db.execute("SELECT id, name FROM judges ORDER BY name, id")]


def unassign_round(store: Store, award_id: str, round_id: str, judge: Judge, entry_id: str,
                   who: str = "") -> None:
    """Take an entry of a later round back from a judge, unless they have scored it there."""
    with store.transaction():
        found = find_round(store, award_id, round_id)
        if found.first:
            raise JudgePanelError(f"round '{found.id}' is the award's first round: its "
                                  "assignments are the award's own")
        if found.closed:
            raise JudgePanelError(f"round '{found.id}' of award '{award_id}' is closed")
        if store.db.execute("SELECT 1 FROM round_scores WHERE award = ? AND round = ? AND "
                            "judge = ? AND entry = ? AND value IS NOT NULL",
                            [award_id, found.id, judge.id, entry_id]).fetchone():
            raise JudgePanelError(f"{judge.name} has already scored {entry_id} in round "
                                  f"'{found.id}', so it stays assigned")
        cursor = store.db.execute("DELETE FROM round_assignments WHERE award = ? AND round = ? "
                                  "AND judge = ? AND entry = ?",
                                  [award_id, found.id, judge.id, entry_id])
        if not cursor.rowcount:
            raise JudgePanelError(f"{entry_id} is not assigned to {judge.name} in round "
                                  f"'{found.id}'")
        store.audit("round entry unassigned", {"award": award_id, "round": found.id,
                                               "judge": judge.name, "judge_id": judge.id,
                                               "entry": entry_id}, who=who)
