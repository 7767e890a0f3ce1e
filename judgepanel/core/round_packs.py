"""Packs for a later scored round: its judges, the entries promoted into it, its own sections.

A later round's pack is built like a first-round pack (a fresh file for one judge, nothing of
another judge in its bytes) and the judge's window opens it unchanged; its meta says which
round it belongs to. Only the entries promoted into the round and assigned to the judge in
that round go in, with the round's sections and the judge's own scores of that round: no
score from an earlier round, of any judge, is copied. Its returned scores are checked and
planned by `plan_round_pack` (signatures, assignment, scale, the round still open) and merged
by the ordinary merge into `round_scores`. A round's packs go out once the round before it
is closed.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judge_fields import hidden_fields
from judgepanel.core.judges import Judge
from judgepanel.core.packs import copy_rows
from judgepanel.core.round_results import check_round_kind
from judgepanel.core.rounds import Round, award_rounds, find_round, round_award, round_entries
from judgepanel.core.scoring import score_signature
from judgepanel.core.store import PACK, Store, now

# The kinds of later round whose judges are assigned entries (a qualifying round's packs are
# made by core/qualifying_packs.py).
ASSIGNED_KINDS = ("scored", "qualifying")


def _later_scored(store: Store, award_id: str, round_id: str,
                  kinds: tuple[str, ...] = ("scored",)) -> Round:
    found = find_round(store, award_id, round_id)
    if found.first:
        raise JudgePanelError(f"round '{found.id}' is the award's first round: its "
                              "assignments and packs are the award's own (leave out --round)")
    check_round_kind(found, *kinds)
    if found.closed:
        raise JudgePanelError(f"round '{found.id}' of award '{award_id}' is closed")
    return found


def assign_round(store: Store, award_id: str, round_id: str, judge: Judge,
                 entries: list[str] | None = None, who: str = "") -> list[str]:
    """Assign a later round's entries (default: all of them) to a judge; entries with a
    declared conflict are left out. Returns the entries newly assigned."""
    with store.transaction():
        found = _later_scored(store, award_id, round_id, ASSIGNED_KINDS)
        inside = round_entries(store, found)
        wanted = entries if entries is not None else inside
        outside = [e for e in wanted if e not in inside]
        if outside:
            raise JudgePanelError(f"{store.path}: entry {', '.join(outside)} is not in round "
                                  f"'{round_id}' of award '{award_id}'")
        conflicted = {str(r[0]) for r in store.db.execute(
            "SELECT entry FROM conflicts WHERE judge = ?", [judge.id]).fetchall()}
        added = []
        for entry in wanted:
            if entry in conflicted:
                continue
            cursor = store.db.execute(
                "INSERT OR IGNORE INTO round_assignments(award, round, judge, entry, "
                "created_at) VALUES (?,?,?,?,?)", [award_id, found.id, judge.id, entry, now()])
            if cursor.rowcount:
                added.append(entry)
        store.audit("round entries assigned", {"award": award_id, "round": found.id,
                                               "judge": judge.name, "judge_id": judge.id,
                                               "entries": added}, who=who)
        return added


def auto_assign_round(store: Store, award_id: str, round_id: str, per_entry: int,
                      seed: int | None = None, who: str = "") -> dict[str, int]:
    """Give each entry of a later round `per_entry` judges, balancing workloads (the fewest
    entries first, ties by a seeded shuffle); assignments already made are kept and no judge
    gets an entry they are in conflict with. Returns each judge's workload in the round."""
    import random

    with store.transaction():
        found = _later_scored(store, award_id, round_id, ASSIGNED_KINDS)
        judges = [Judge(*row) for row in store.db.execute(
            "SELECT id, name, email, role FROM judges ORDER BY id")]
        if not judges:
            raise JudgePanelError(f"{store.path}: the panel has no judges yet")
        conflicts = {(r[0], r[1]) for r in store.db.execute("SELECT judge, entry FROM conflicts")}
        have = {(r[0], r[1]) for r in store.db.execute(
            "SELECT judge, entry FROM round_assignments WHERE award = ? AND round = ?",
            [award_id, found.id])}
        load = {j.id: sum(1 for judge, _ in have if judge == j.id) for j in judges}
        order = {j.id: i for i, j in enumerate(random.Random(seed).sample(judges, len(judges)))}
        added: list[tuple[int, str]] = []
        for entry in round_entries(store, found):
            given = sum(1 for judge, e in have if e == entry)
            free = sorted((j for j in judges if (j.id, entry) not in have
                           and (j.id, entry) not in conflicts),
                          key=lambda j: (load[j.id], order[j.id]))
            for judge in free[:max(0, per_entry - given)]:
                added.append((judge.id, entry))
                load[judge.id] += 1
        store.db.conn.executemany(
            "INSERT INTO round_assignments(award, round, judge, entry, created_at) "
            "VALUES (?,?,?,?,?)", [(award_id, found.id, j, e, now()) for j, e in added])
        store.audit("round entries assigned", {"award": award_id, "round": found.id,
                                               "per_entry": per_entry, "added": len(added)},
                    who=who)
        return {j.name: load[j.id] for j in judges}


def make_round_pack(panel: Store, award_id: str, round_id: str, judge: Judge,
                    path: Path | str, who: str = "", overwrite: bool = False) -> list[str]:
    """Write `judge`'s pack for a later scored round; returns the entries it holds."""
    path = Path(path)
    found = _later_scored(panel, award_id, round_id)
    before = award_rounds(panel, award_id)[found.position - 1]
    if not before.closed:
        raise JudgePanelError(f"round '{before.id}' of award '{award_id}' is still open: close "
                              f"it (judgepanel round close) before round '{found.id}''s packs "
                              "go out")
    if path.exists() and not overwrite:
        raise JudgePanelError(f"{path}: already exists; choose another name or overwrite it")
    if not path.parent.is_dir():
        raise JudgePanelError(f"{path.parent}: no such folder")
    award = round_award(panel, found)
    source = panel.db.conn
    inside = set(round_entries(panel, found))
    entry_ids = [str(r[0]) for r in source.execute(
        "SELECT a.entry FROM round_assignments a WHERE a.award = ? AND a.round = ? AND "
        "a.judge = ? AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.judge = a.judge AND "
        "c.entry = a.entry) ORDER BY a.entry", [award_id, found.id, judge.id])
        if r[0] in inside]
    if not entry_ids:
        raise JudgePanelError(f"{judge.name} has no entries in round '{found.id}' of award "
                              f"'{award_id}'; assign some first (judgepanel assign --round)")
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    pack = Store.create(partial, PACK, title=panel.title, panel_id=panel.panel_id)
    try:
        pack.db.execute("PRAGMA foreign_keys = OFF")
        target = pack.db.conn
        with pack.transaction():
            for key, value in (("judge_id", str(judge.id)), ("judge_name", judge.name),
                               ("panel_title", panel.title), ("packed_at", now()),
                               ("round", found.id), ("round_award", award_id),
                               ("round_name", found.name), ("round_kind", found.kind),
                               ("round_position", str(found.position + 1))):
                pack.set_meta(key, value)
            copy_rows(source, target, "SELECT * FROM judges WHERE id = ?", [judge.id], "judges")
            copy_rows(source, target, "SELECT * FROM awards WHERE id = ?", [award_id], "awards")
            for position, section in enumerate(award.sections):
                scale = section.scale
                target.execute(
                    "INSERT INTO sections(award, id, position, title, question, guidance, "
                    "weight, word_limit, scale_min, scale_max, scale_step) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    [award_id, section.id, position, section.title, section.question,
                     _json(list(section.guidance)), section.weight, section.word_limit,
                     scale.min if scale else None, scale.max if scale else None,
                     scale.step if scale else None])
            hidden = {award_id: hidden_fields(panel, award_id)}
            for entry in entry_ids:
                copy_rows(source, target,
                      "SELECT id, award, title, nominee, organisation, fields, '{}' AS source, "
                      "source_file, source_row, imported_at, updated_at FROM entries "
                      "WHERE id = ?", [entry], "entries", hidden)
                copy_rows(source, target, "SELECT * FROM answers WHERE entry = ?", [entry],
                      "answers")
                target.execute("INSERT INTO assignments(judge, entry, created_at) "
                               "VALUES (?,?,?)", [judge.id, entry, now()])
                copy_rows(source, target,
                      "SELECT judge, entry, section, value, comment, updated_at, signature, seq "
                      "FROM round_scores WHERE award = ? AND round = ? AND judge = ? AND "
                      "entry = ?", [award_id, found.id, judge.id, entry], "scores")
            pack.audit("pack made", {"judge": judge.name, "panel": panel.title,
                                     "round": found.id, "entries": len(entry_ids)})
    finally:
        pack.close()
    os.replace(partial, path)
    with panel.transaction():
        panel.audit("round pack made", {"judge": judge.name, "judge_id": judge.id,
                                        "award": award_id, "round": found.id,
                                        "file": path.name, "entry_ids": entry_ids}, who)
    return entry_ids


def _json(value: object) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


class RoundPackRefused(Exception):
    """Why a returned round pack cannot be merged (the merge names the file)."""


@dataclass
class RoundPlan:
    """What merging one round pack writes into `round_scores`."""

    award: str
    round: str
    judge: int
    new: list[tuple[Any, ...]] = field(default_factory=list)
    changed: list[tuple[Any, ...]] = field(default_factory=list)
    unchanged: int = 0

    def write(self, conn: sqlite3.Connection) -> None:
        conn.executemany(
            "INSERT INTO round_scores(award, round, judge, entry, section, value, comment, "
            "updated_at, signature, seq) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(award, round, "
            "judge, entry, section) DO UPDATE SET value = excluded.value, "
            "comment = excluded.comment, updated_at = excluded.updated_at, "
            "signature = excluded.signature, seq = excluded.seq",
            [(self.award, self.round, *row) for row in self.new + self.changed])


def plan_round_pack(panel: Store, meta: dict[str, str], judge: int, key: str,
                    scores: list[tuple[Any, ...]]) -> RoundPlan:
    """Check a returned round pack's scores against the panel: the round open, each score
    signed, by its judge, for an entry assigned in that round, on the round's scale."""
    award_id, round_id = meta.get("round_award", ""), meta.get("round", "")
    try:
        found = find_round(panel, award_id, round_id)
    except JudgePanelError:
        raise RoundPackRefused(f"it is a pack for round '{round_id}' of award '{award_id}', "
                               "which this panel does not have") from None
    if found.closed:
        raise RoundPackRefused(f"this pack belongs to round '{found.id}' ({found.name}) of "
                               f"award '{award_id}', which is closed; nothing from it can be "
                               "merged")
    award = round_award(panel, found)
    scales = {s.id: award.scale_of(s) for s in award.sections}
    assigned = {str(r[0]) for r in panel.db.execute(
        "SELECT entry FROM round_assignments WHERE award = ? AND round = ? AND judge = ?",
        [award_id, found.id, judge])}
    conflicted = {str(r[0]) for r in panel.db.execute(
        "SELECT entry FROM conflicts WHERE judge = ?", [judge])}
    existing = {(r[0], r[1]): (r[2], r[3], r[4]) for r in panel.db.execute(
        "SELECT entry, section, value, comment, seq FROM round_scores WHERE award = ? AND "
        "round = ? AND judge = ?", [award_id, found.id, judge])}
    plan = RoundPlan(award_id, found.id, judge)
    for row in scores:
        owner, entry, section, value, comment, updated_at, signature, seq = row
        if owner != judge:
            raise RoundPackRefused(f"it holds a score by another judge (entry '{entry}')")
        if score_signature(key, panel.panel_id, judge, entry, section, value, comment,
                           updated_at, seq) != signature:
            raise RoundPackRefused(f"entry '{entry}', section {section}: the score was altered "
                                   "outside JudgePanel (its signature does not match)")
        if entry not in assigned or entry in conflicted:
            raise RoundPackRefused(f"entry '{entry}' is not assigned to this judge in round "
                                   f"'{found.id}', so their scores for it cannot be accepted")
        scale = scales.get(section)
        if scale is None:
            raise RoundPackRefused(f"entry '{entry}': round '{found.id}' has no section "
                                   f"'{section}'")
        if value is not None and (isinstance(value, bool) or not scale.allows(float(value))):
            raise RoundPackRefused(f"entry '{entry}', section {section}: {value!r} is not on "
                                   f"the scale ({scale.describe()})")
        before = existing.get((entry, section))
        fields = (judge, entry, section, value, comment, updated_at, signature, seq)
        if before is not None and before[:2] == (value, comment):
            plan.unchanged += 1
        elif before is None:
            plan.new.append(fields)
        elif int(seq) > int(before[2]):
            plan.changed.append(fields)
        else:
            plan.unchanged += 1
    return plan
