"""Packs for a qualifying round: each judge says pass or fail (with a reason) per entry.

A qualifying round's pack is made for one judge like any other pack: a fresh file holding only
the entries promoted into the round and assigned to that judge in it (a declared conflict
leaves an entry out), the award's questions and the entries' answers (fields hidden from
judges are emptied before they are written), the judge's own earlier votes in the round, and
nothing else: no score from an earlier round, of any judge. It is encrypted by default exactly
as a first-round pack is, and the panel keeps its key so the merge asks nothing.

A returned pack's votes (core/pack_votes.py writes them) are checked by `plan_qualifying_pack`:
each signed, by the pack's judge, for an entry assigned to them in that round, the round
still open (a closed round's pack is refused, naming the round). The ordinary merge
(core/merge.py) then writes them into the panel's `round_votes`, where the round's rule
counts them (core/round_results.py); a vote the judge cleared after an earlier return (a
signed fail with no reason) removes the panel's copy. docs/rounds.md describes the rounds.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from judgepanel.core.attachments import copy_to_pack
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.file_encryption import FileKey, hold_key, new_key, new_passphrase
from judgepanel.core.judge_fields import hidden_fields
from judgepanel.core.judges import Judge
from judgepanel.core.pack_votes import is_cleared, vote_signature
from judgepanel.core.packs import PackSummary, copy_rows
from judgepanel.core.round_results import check_round_kind
from judgepanel.core.rounds import Round, award_rounds, find_round, round_entries
from judgepanel.core.scoring import conflict_signature
from judgepanel.core.store import PACK, Store, disk_full_error, now


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


def _open_qualifying(panel: Store, award_id: str, round_id: str) -> Round:
    found = find_round(panel, award_id, round_id)
    check_round_kind(found, "qualifying")
    if found.first:
        raise JudgePanelError(f"round '{found.id}' is the award's first round: its packs are "
                              "the award's own (leave out --round)")
    if found.closed:
        raise JudgePanelError(f"round '{found.id}' of award '{award_id}' is closed; its packs "
                              "can no longer go out")
    before = award_rounds(panel, award_id)[found.position - 1]
    if not before.closed:
        raise JudgePanelError(f"round '{before.id}' of award '{award_id}' is still open: close "
                              f"it (judgepanel round close) before round '{found.id}''s packs "
                              "go out")
    return found


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
    path = Path(path)
    if panel.kind != "panel":
        raise JudgePanelError(f"{panel.path}: packs are made from a panel, not from a pack")
    found = _open_qualifying(panel, award_id, round_id)
    if path.exists() and not overwrite:
        raise JudgePanelError(f"{path}: already exists; choose another name or overwrite it")
    if not path.parent.is_dir():
        raise JudgePanelError(f"{path.parent}: no such folder")
    inside = set(round_entries(panel, found))
    entry_ids = [str(r[0]) for r in panel.db.execute(
        "SELECT a.entry FROM round_assignments a WHERE a.award = ? AND a.round = ? AND "
        "a.judge = ? AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.judge = a.judge AND "
        "c.entry = a.entry) ORDER BY a.entry", [award_id, found.id, judge.id])
        if str(r[0]) in inside]
    if not entry_ids:
        raise JudgePanelError(f"{judge.name} has no entries in round '{found.id}' of award "
                              f"'{award_id}'; assign some first (judgepanel assign --round)")
    if passphrase is not None and not passphrase.strip():
        passphrase = new_passphrase()
    key = new_key(passphrase) if passphrase is not None else None
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    try:
        votes = _build(panel, found, judge, entry_ids, partial, key, expires)
        os.replace(partial, path)
    except JudgePanelError as exc:  # name the pack asked for, not the partial file
        raise JudgePanelError(str(exc).replace(str(partial), str(path))) from None
    except (OSError, sqlite3.Error) as exc:
        if disk_full_error(exc):
            raise JudgePanelError(f"no space left on device while writing {path}") from None
        raise
    finally:
        partial.unlink(missing_ok=True)
        Path(f"{partial}-journal").unlink(missing_ok=True)
    if key is not None:
        hold_key(path, key)
    with panel.transaction():
        if key is not None:
            panel.set_meta(f"pack_cipher:{key.salt.hex()}", key.hex)
        panel.audit("round pack made", {"judge": judge.name, "judge_id": judge.id,
                                        "award": award_id, "round": found.id,
                                        "kind": found.kind, "file": path.name,
                                        "entry_ids": entry_ids, "encrypted": key is not None,
                                        "expires": expires.isoformat() if expires else ""},
                    who)
    return QualifyingPack(path, judge.name, found.id, entry_ids, votes,
                          passphrase if passphrase is not None else "",
                          expires.isoformat() if expires else "")


def _build(panel: Store, found: Round, judge: Judge, entry_ids: list[str], partial: Path,
           key: FileKey | None, expires: date | None = None) -> int:
    """Copy the rows this judge may see into a new pack; returns the votes carried."""
    source = panel.db.conn
    award_id = found.award
    pack = Store.create(partial, PACK, title=panel.title, panel_id=panel.panel_id, key=key)
    try:
        pack.db.execute("PRAGMA foreign_keys = OFF")
        target = pack.db.conn
        with pack.transaction():
            for name, value in (("judge_id", str(judge.id)), ("judge_name", judge.name),
                                ("panel_title", panel.title), ("packed_at", now()),
                                ("round", found.id), ("round_award", award_id),
                                ("round_name", found.name), ("round_kind", found.kind),
                                ("round_position", str(found.position + 1))):
                pack.set_meta(name, value)
            if expires is not None:
                pack.set_meta("expires", expires.isoformat())
            copy_rows(source, target, "SELECT * FROM judges WHERE id = ?", [judge.id], "judges")
            copy_rows(source, target, "SELECT * FROM awards WHERE id = ?", [award_id], "awards")
            # The award's questions, so the judge reads each answer beside its question.
            copy_rows(source, target, "SELECT * FROM sections WHERE award = ?", [award_id],
                      "sections")
            hidden = {award_id: hidden_fields(panel, award_id)}
            for entry in entry_ids:
                copy_rows(source, target,
                          "SELECT id, award, title, nominee, organisation, fields, '{}' AS "
                          "source, source_file, source_row, imported_at, updated_at FROM "
                          "entries WHERE id = ?", [entry], "entries", hidden)
                copy_rows(source, target, "SELECT * FROM answers WHERE entry = ?", [entry],
                          "answers")
                target.execute("INSERT INTO assignments(judge, entry, created_at) "
                               "VALUES (?,?,?)", [judge.id, entry, now()])
                copy_rows(source, target,
                          "SELECT award, round, judge, entry, passed, reason, updated_at, "
                          "signature, seq FROM round_votes WHERE award = ? AND round = ? AND "
                          "judge = ? AND entry = ? AND signature != ''",
                          [award_id, found.id, judge.id, entry], "round_votes")
            copy_to_pack(source, target, entry_ids)
            pack.audit("pack made", {"judge": judge.name, "panel": panel.title,
                                     "round": found.id, "entries": len(entry_ids)})
            votes = int(target.execute("SELECT COUNT(*) FROM round_votes").fetchone()[0])
    finally:
        pack.close()
    return votes


# ----- the merge ------------------------------------------------------------------------------


class QualifyingPackRefused(Exception):
    """Why a returned qualifying pack cannot be merged (the merge names the file)."""


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
        for row in self.conflicts:
            conn.execute("INSERT OR IGNORE INTO conflicts(judge, entry, reason, declared_by, "
                         "created_at, signature) VALUES (?,?,?,?,?,?)", row)
            conn.execute("DELETE FROM round_assignments WHERE award = ? AND round = ? AND "
                         "judge = ? AND entry = ?", [self.award, self.round, self.judge, row[1]])
            conn.execute("DELETE FROM round_votes WHERE award = ? AND round = ? AND judge = ? "
                         "AND entry = ?", [self.award, self.round, self.judge, row[1]])


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
    """Check a returned qualifying pack's votes against the panel and plan their merge."""
    award_id, round_id = meta.get("round_award", ""), meta.get("round", "")
    found = find_round(panel, award_id, round_id)
    if found.closed:
        raise QualifyingPackRefused(
            f"this pack belongs to round '{found.id}' ({found.name}) of award '{award_id}', "
            "which is closed; nothing from it can be merged")
    if any(row[3] is not None for row in scores):
        raise QualifyingPackRefused(f"it holds section scores, but round '{found.id}' is a "
                                    "qualifying round (pass or fail)")
    assigned = {str(r[0]) for r in panel.db.execute(
        "SELECT entry FROM round_assignments WHERE award = ? AND round = ? AND judge = ?",
        [award_id, found.id, judge])}
    conflicted = {str(r[0]) for r in panel.db.execute(
        "SELECT entry FROM conflicts WHERE judge = ?", [judge])}
    existing = {str(r[0]): (bool(r[1]), str(r[2]), int(r[3])) for r in panel.db.execute(
        "SELECT entry, passed, reason, seq FROM round_votes WHERE award = ? AND round = ? AND "
        "judge = ?", [award_id, found.id, judge])}
    plan = VotePlan(award_id, found.id, judge)
    declared = _declared_conflicts(panel, found, judge, key, conflicts or [], assigned,
                                   conflicted, plan)
    for row in votes:
        owner, award, in_round, entry, passed, reason, updated_at, signature, seq = row
        if owner != judge:
            raise QualifyingPackRefused(f"it holds a vote by another judge (entry '{entry}')")
        if (award, in_round) != (award_id, found.id):
            raise QualifyingPackRefused(f"entry '{entry}': it holds a vote for round "
                                        f"'{in_round}' of award '{award}', not this pack's "
                                        f"round '{found.id}'")
        if passed not in (0, 1) or isinstance(passed, float) or not isinstance(reason, str) \
                or isinstance(seq, bool) or not isinstance(seq, int) or seq < 1:
            raise QualifyingPackRefused(f"entry '{entry}': it holds a vote JudgePanel could "
                                        "not have written")
        if vote_signature(key, panel.panel_id, judge, award, in_round, entry, bool(passed),
                          reason, updated_at, seq) != signature:
            raise QualifyingPackRefused(f"entry '{entry}': the vote was altered outside "
                                        "JudgePanel (its signature does not match)")
        if entry in declared:
            continue  # the judge declared a conflict after voting: the vote does not count
        if entry not in assigned or entry in conflicted:
            raise QualifyingPackRefused(f"entry '{entry}' is not assigned to this judge in "
                                        f"round '{found.id}', so their vote for it cannot be "
                                        "accepted")
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


def _declared_conflicts(panel: Store, found: Round, judge: int, key: str,
                        conflicts: list[tuple[Any, ...]], assigned: set[str],
                        conflicted: set[str], plan: VotePlan) -> set[str]:
    """The conflicts of interest the judge declared in the pack, checked; new ones are
    planned, and the judge's votes for those entries do not count."""
    declared: set[str] = set()
    for owner, entry, reason, declared_by, created_at, signature in conflicts:
        if declared_by != "judge":
            continue
        if owner != judge:
            raise QualifyingPackRefused(f"it holds a conflict of interest of another judge "
                                        f"(entry '{entry}')")
        if conflict_signature(key, panel.panel_id, judge, entry, reason,
                              created_at) != signature:
            raise QualifyingPackRefused(f"entry '{entry}': the conflict of interest was "
                                        "altered outside JudgePanel (its signature does not "
                                        "match)")
        if entry in conflicted:
            declared.add(entry)
            continue
        if entry not in assigned:
            raise QualifyingPackRefused(f"entry '{entry}' is not assigned to this judge in "
                                        f"round '{found.id}', so their conflict of interest "
                                        "for it cannot be accepted")
        plan.conflicts.append((judge, entry, reason, "judge", created_at, signature))
        declared.add(entry)
    return declared
