"""Packs for a qualifying round: each judge says pass or fail (with a reason) per entry.

A qualifying round's pack is made for one judge like any other pack: a fresh file holding only
the entries promoted into the round and assigned to that judge in it (a declared conflict
leaves an entry out), the award's questions and the entries' answers (fields hidden from
judges are emptied before they are written), the judge's own earlier votes in the round, and
nothing else: no score from an earlier round, of any judge. It is encrypted by default exactly
as a first-round pack is, and the panel keeps its key so the merge asks nothing.

The pack is written by the skeleton every later round's pack shares (core/round_packs.py).
A returned pack's votes (core/pack_votes.py writes them) are checked by `plan_qualifying_pack`
with the checks of any returned later-round pack (core/round_returns.py): each signed, by the
pack's judge, for an entry assigned to them in that round, the round still open (a closed
round's pack is refused, naming the round). The ordinary merge (core/merge.py) then writes
them into the panel's `round_votes`, where the round's rule counts them
(core/round_results.py); a vote the judge cleared after an earlier return (a signed fail
with no reason) removes the panel's copy. docs/rounds.md describes the rounds.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import Judge
from judgepanel.core.pack_votes import is_cleared, vote_signature
from judgepanel.core.packs import PackSummary, copy_rows
from judgepanel.core.round_packs import make_later_pack, pack_round
from judgepanel.core.round_returns import (
    RoundPackRefused,
    check_written,
    declared_conflicts,
    mis_signed,
    not_assigned,
    returned_round,
    round_work,
    withdrawn_entries,
    write_conflicts,
)
from judgepanel.core.rounds import find_round
from judgepanel.core.scoring import round_key
from judgepanel.core.store import Store


@dataclass(frozen=True)
class QualifyingPack:
    """What went into one qualifying pack."""

    path: Path
    judge: str
    round: str
    entry_ids: list[str]
    votes: int  # the judge's own earlier votes carried in it
    passphrase: str = ""  # what opens it; empty for a plain pack
    expires: str = ""  # YYYY-MM-DD after which the judge can only return it; empty: never

    def summary(self, judge_id: int) -> PackSummary:
        """As any pack's summary (the command line's line, passphrase slips)."""
        return PackSummary(self.path, self.judge, judge_id, len(self.entry_ids), 0, 0,
                           self.entry_ids, self.passphrase, self.expires)


def is_qualifying(store: Store, award_id: str, round_id: str) -> bool:
    """Whether the round is a qualifying round (an unknown round is refused, naming it)."""
    return find_round(store, award_id, round_id).kind == "qualifying"


def make_qualifying_pack(panel: Store, award_id: str, round_id: str, judge: Judge,
                         path: Path | str, who: str = "", overwrite: bool = False,
                         passphrase: str | None = "",
                         expires: date | None = None) -> QualifyingPack:
    """Write `judge`'s pack for a qualifying round.

    Encrypted by default: `passphrase` "" makes a generated one (returned), a text is used as
    given, None makes a plain pack. The panel keeps the key for the merge. After `expires`
    the judge's window opens it only to return it. The file is written beside `path` and
    moved into place only when complete.
    """
    found = pack_round(panel, award_id, round_id, "qualifying")

    def sections(target: sqlite3.Connection) -> None:
        # The award's questions, so the judge reads each answer beside its question.
        copy_rows(panel.db.conn, target, "SELECT * FROM sections WHERE award = ?",
                  [award_id], "sections")

    def own_votes(source: sqlite3.Connection, target: sqlite3.Connection, entry: str) -> None:
        copy_rows(source, target,
                  "SELECT award, round, judge, entry, passed, reason, updated_at, signature, "
                  "seq FROM round_votes WHERE award = ? AND round = ? AND judge = ? AND "
                  "entry = ? AND signature != ''", [award_id, found.id, judge.id, entry],
                  "round_votes")

    made = make_later_pack(panel, found, judge, Path(path), who, overwrite, passphrase,
                           expires, sections, own_votes, "round_votes")
    return QualifyingPack(made.path, judge.name, found.id, made.entry_ids, made.carried,
                          made.passphrase, made.expires)


# ----- the merge ------------------------------------------------------------------------------


VoteRow = tuple[Any, ...]  # judge, award, round, entry, passed, reason, updated_at, signature, seq


@dataclass
class VotePlan:
    """What merging one qualifying pack writes into `round_votes` (and `conflicts`)."""

    award: str
    round: str
    judge: int
    new: list[VoteRow] = field(default_factory=list)
    changed: list[VoteRow] = field(default_factory=list)
    unchanged: int = 0
    conflicts: list[tuple[Any, ...]] = field(default_factory=list)  # declared in the pack
    withdrawn: int = 0  # votes for entries withdrawn from the round: skipped

    def write(self, conn: sqlite3.Connection) -> None:
        """Write the plan; a changed row that records a cleared vote deletes the panel's."""
        kept = [row for row in self.new + self.changed if not is_cleared(row[4], row[5])]
        conn.executemany(
            "INSERT INTO round_votes(judge, award, round, entry, passed, reason, updated_at, "
            "signature, seq) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(award, round, judge, "
            "entry) DO UPDATE SET passed = excluded.passed, reason = excluded.reason, "
            "updated_at = excluded.updated_at, signature = excluded.signature, "
            "seq = excluded.seq", kept)
        conn.executemany(
            "DELETE FROM round_votes WHERE judge = ? AND award = ? AND round = ? AND entry = ?",
            [row[:4] for row in self.changed if is_cleared(row[4], row[5])])
        write_conflicts(conn, self.award, self.round, self.judge, self.conflicts)
        conn.executemany("DELETE FROM round_votes WHERE award = ? AND round = ? AND judge = ? "
                         "AND entry = ?", [(self.award, self.round, self.judge, row[1])
                                           for row in self.conflicts])


def is_qualifying_pack(panel: Store, meta: dict[str, str]) -> bool:
    """Whether a returned pack is for a qualifying round of this panel (the panel's own
    round decides, not what the pack says of itself)."""
    try:
        return find_round(panel, meta.get("round_award", ""),
                          meta.get("round", "")).kind == "qualifying"
    except JudgePanelError:
        return False


def plan_qualifying_pack(panel: Store, meta: dict[str, str], judge: int, key: str,
                         votes: list[VoteRow], scores: list[tuple[Any, ...]],
                         conflicts: list[tuple[Any, ...]] | None = None) -> VotePlan:
    """Check a returned qualifying pack's votes against the panel and plan their merge (each
    signed under the judge's `key` bound to the round; a vote for an entry withdrawn from
    the round is counted and skipped)."""
    found = returned_round(panel, meta)
    bound = round_key(key, found.award, found.id)
    award_id = found.award
    if any(row[3] is not None for row in scores):
        raise RoundPackRefused(f"it holds section scores, but round '{found.id}' is a "
                               "qualifying round (pass or fail)")
    assigned, conflicted = round_work(panel, found, judge)
    existing = {str(r[0]): (bool(r[1]), str(r[2]), int(r[3])) for r in panel.db.execute(
        "SELECT entry, passed, reason, seq FROM round_votes WHERE award = ? AND round = ? AND "
        "judge = ?", [award_id, found.id, judge])}
    withdrawn = withdrawn_entries(panel, found)
    plan = VotePlan(award_id, found.id, judge)
    plan.conflicts, declared, plan.withdrawn = declared_conflicts(
        panel, found, judge, key, conflicts or [], assigned, conflicted, withdrawn)
    for row in votes:
        owner, award, in_round, entry, passed, reason, updated_at, signature, seq = row
        if owner != judge:
            raise RoundPackRefused(f"it holds a vote by another judge (entry '{entry}')")
        if (award, in_round) != (award_id, found.id):
            raise RoundPackRefused(f"entry '{entry}': it holds a vote for round "
                                   f"'{in_round}' of award '{award}', not this pack's "
                                   f"round '{found.id}'")
        check_written(entry, "a vote", text=(reason, updated_at), counter=seq, flag=passed,
                      least=1)
        if vote_signature(bound, panel.panel_id, judge, award, in_round, entry,
                          bool(passed), reason, updated_at, seq) != signature:
            raise mis_signed(panel, found, key, f"entry '{entry}'", "vote", signature,
                             vote_signature, panel.panel_id, judge, award, in_round, entry,
                             bool(passed), reason, updated_at, seq)
        if entry in declared:
            continue  # the judge declared a conflict after voting: the vote does not count
        if entry in withdrawn:
            plan.withdrawn += 1
            continue
        if entry not in assigned or entry in conflicted:
            raise not_assigned(entry, found, "vote")
        fields = (judge, award_id, found.id, entry, int(passed), reason, updated_at,
                  signature, seq)
        before = existing.get(entry)
        if is_cleared(passed, reason):  # the judge cleared the vote: the panel's copy goes
            if before is not None and seq > before[2]:
                plan.changed.append(fields)
            else:
                plan.unchanged += 1
            continue
        if before is not None and before[:2] == (bool(passed), reason):
            plan.unchanged += 1
        elif before is None:
            plan.new.append(fields)
        elif seq > before[2]:
            plan.changed.append(fields)
        else:
            plan.unchanged += 1  # the judge changed it later, in a return already merged
    return plan
