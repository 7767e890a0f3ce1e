"""Judging rounds in a panel: each award's ordered rounds, their state and their entries.

The first round of an award judges every entry of the award with the award's sections, and
keeps its assignments, scores and reviews where a one-round award always kept them, so an
award with no rounds declared behaves exactly as before (it is one open scored round, id
`judging`, held nowhere until a second round is added). A later round holds only the entries
promoted into it (`round_entries`), and its own judges' work: `round_assignments`,
`round_scores`, `round_votes` (qualifying) and `consensus_scores` (agreed in the room).
Conflicts are per judge and entry, so one recorded in any round holds in every round.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from judgepanel.core.awards import Award, award_from_dict, panel_award
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.round_definitions import (
    FIRST_ROUND_ID,
    FIRST_ROUND_NAME,
    RoundSpec,
    check_round,
)
from judgepanel.core.store import Store, now

STATES = ("open", "closed")


@dataclass(frozen=True)
class Round:
    """One round of an award as the panel holds it."""

    award: str
    id: str
    position: int
    name: str
    kind: str
    sections: tuple[dict[str, Any], ...] | None
    weight: float | None
    pass_rule: str
    state: str
    stored: bool = True  # False: the implicit one round of an award that declares none

    @property
    def first(self) -> bool:
        return self.position == 0

    @property
    def closed(self) -> bool:
        return self.state == "closed"


def _implicit(award_id: str) -> Round:
    return Round(award_id, FIRST_ROUND_ID, 0, FIRST_ROUND_NAME, "scored", None, None, "",
                 "open", stored=False)


def award_rounds(store: Store, award_id: str) -> list[Round]:
    """An award's rounds in order; an award that declares none has one open scored round."""
    panel_award(store, award_id)  # refuses an unknown award, naming the panel's awards
    rows = store.rows("SELECT * FROM rounds WHERE award = ? ORDER BY position", [award_id])
    if not rows:
        return [_implicit(award_id)]
    return [Round(row["award"], row["id"], row["position"], row["name"], row["kind"],
                  tuple(json.loads(row["sections"])) if row["sections"] else None,
                  row["weight"], row["pass_rule"], row["state"]) for row in rows]


def find_round(store: Store, award_id: str, round_id: str | None) -> Round:
    """The round `round_id` of an award; None gives the award's current round."""
    rounds = award_rounds(store, award_id)
    if round_id is None:
        return current_round(rounds)
    for found in rounds:
        if found.id == round_id:
            return found
    known = ", ".join(r.id for r in rounds)
    raise JudgePanelError(f"{store.path}: award '{award_id}' has no round '{round_id}' "
                          f"(its rounds: {known})")


def current_round(rounds: list[Round]) -> Round:
    """The first round still open; the last round when every round is closed."""
    return next((r for r in rounds if not r.closed), rounds[-1])


def round_award(store: Store, found: Round) -> Award:
    """The award as this round judges it: the round's own sections, or the award's."""
    award = panel_award(store, found.award)
    if not found.sections:
        return award
    return replace(award, sections=sections_from_tables(award, found.sections, found.id))


def sections_from_tables(award: Award, tables: tuple[dict[str, Any], ...] | list[Any],
                         where: str) -> tuple[Any, ...]:
    """Check [[sections]] tables as an award file's own, on the award's scale."""
    scale = {"min": award.scale.min, "max": award.scale.max, "step": award.scale.step}
    return award_from_dict({"id": award.id, "name": award.name, "scale": scale,
                            "sections": list(tables)}, f"round {where}").sections


def round_entries(store: Store, found: Round) -> list[str]:
    """The entries in a round, in the award's order: every entry of the award in the first
    round, the promoted ones in a later round; withdrawn entries are left out."""
    if found.first:
        rows = store.db.execute(
            "SELECT e.id FROM entries e WHERE e.award = ? AND NOT EXISTS (SELECT 1 FROM "
            "round_entries r WHERE r.award = e.award AND r.round = ? AND r.entry = e.id AND "
            "r.status = 'withdrawn') ORDER BY e.source_file, e.source_row, e.id",
            [found.award, found.id]).fetchall()
    else:
        rows = store.db.execute(
            "SELECT e.id FROM entries e JOIN round_entries r ON r.entry = e.id AND "
            "r.award = e.award AND r.round = ? AND r.status = 'in' WHERE e.award = ? "
            "ORDER BY e.source_file, e.source_row, e.id", [found.id, found.award]).fetchall()
    return [str(row[0]) for row in rows]


def _store_implicit(store: Store, award_id: str) -> None:
    """Write down the implicit first round before a second is added beside it."""
    if store.db.execute("SELECT 1 FROM rounds WHERE award = ?", [award_id]).fetchone():
        return
    store.db.execute("INSERT INTO rounds(award, id, position, name, kind) VALUES (?,?,?,?,?)",
                     [award_id, FIRST_ROUND_ID, 0, FIRST_ROUND_NAME, "scored"])


def add_round(store: Store, award_id: str, spec: RoundSpec, who: str = "") -> Round:
    """Add a round after the award's last; the implicit first round is written down first."""
    with store.transaction():
        rounds = award_rounds(store, award_id)
        spec = check_round(spec, f"round '{spec.id}'", first=False)
        if any(r.id == spec.id for r in rounds):
            raise JudgePanelError(f"{store.path}: award '{award_id}' already has a round "
                                  f"'{spec.id}'; choose another id")
        award = panel_award(store, award_id)
        if spec.sections:
            sections_from_tables(award, spec.sections, spec.id)
        _store_implicit(store, award_id)
        position = len(rounds)
        store.db.execute(
            "INSERT INTO rounds(award, id, position, name, kind, sections, weight, pass_rule) "
            "VALUES (?,?,?,?,?,?,?,?)",
            [award_id, spec.id, position, spec.name, spec.kind,
             json.dumps(list(spec.sections), ensure_ascii=False) if spec.sections else "",
             spec.weight, spec.pass_rule])
        store.audit("round added", {"award": award_id, "round": spec.id, "name": spec.name,
                                    "kind": spec.kind, "position": position + 1,
                                    "weight": spec.weight, "pass_rule": spec.pass_rule,
                                    "own_sections": bool(spec.sections)}, who=who)
        return find_round(store, award_id, spec.id)


def close_round(store: Store, award_id: str, round_id: str, who: str = "") -> Round:
    """Close a round: its packs are refused at merge from now on, and the next round's
    packs may go out. Closing is recorded and cannot be undone."""
    with store.transaction():
        found = find_round(store, award_id, round_id)
        if found.closed:
            raise JudgePanelError(f"{store.path}: round '{round_id}' of award '{award_id}' "
                                  "is already closed")
        _store_implicit(store, award_id)
        store.db.execute("UPDATE rounds SET state = 'closed', closed_at = ?, closed_by = ? "
                         "WHERE award = ? AND id = ?", [now(), who, award_id, round_id])
        store.audit("round closed", {"award": award_id, "round": round_id,
                                     "entries": len(round_entries(store, found))}, who=who)
        return find_round(store, award_id, round_id)


def closed_round_of_pack(store: Store, entry_ids: list[str]) -> tuple[str, Round] | None:
    """For a first-round pack's entries: the first award whose first round is closed."""
    if not entry_ids:
        return None
    marks = ",".join("?" * len(entry_ids))
    rows = store.db.execute(
        f"SELECT DISTINCT e.award FROM entries e JOIN rounds r ON r.award = e.award AND "
        f"r.position = 0 AND r.state = 'closed' WHERE e.id IN ({marks})", entry_ids).fetchall()
    for (award_id,) in rows:
        return str(award_id), award_rounds(store, str(award_id))[0]
    return None


def rounds_summary(store: Store, award_id: str) -> list[dict[str, Any]]:
    """The `rounds --json` rows: id, name, kind, state, entries, weight, pass rule, current."""
    rounds = award_rounds(store, award_id)
    current = current_round(rounds)
    return [{"id": r.id, "name": r.name, "kind": r.kind, "state": r.state,
             "entries": len(round_entries(store, r)), "position": r.position + 1,
             "weight": r.weight, "pass_rule": r.pass_rule or None,
             "own_sections": bool(r.sections), "current": r.id == current.id}
            for r in rounds]
