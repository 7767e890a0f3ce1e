"""Packs for a later scored round: its judges, the entries promoted into it, its own sections.

A later round's pack is built like a first-round pack (a fresh file for one judge, nothing of
another judge in its bytes) and the judge's window opens it unchanged; its meta says which
round it belongs to. Only the entries promoted into the round and assigned to the judge in
that round go in, with their attachments, the round's sections and the judge's own scores and
overall reviews of that round: no score from an earlier round, of any judge, is copied. It is
encrypted as a first-round pack is (a passphrase given or generated, the panel keeping the
key). Its returned scores and reviews are checked and planned by `plan_round_pack`
(signatures, assignment, scale, the round still open) and merged by the ordinary merge into
`round_scores` and `round_reviews`. A round's packs go out once the round before is closed.
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
from judgepanel.core.packs import (
    PACK_SUFFIX,
    PackSummary,
    copy_rows,
    pack_file_name,
    remove_stray_partials,
)
from judgepanel.core.round_results import check_round_kind
from judgepanel.core.rounds import Round, award_rounds, find_round, round_award, round_entries
from judgepanel.core.scoring import review_signature, score_signature
from judgepanel.core.store import PACK, Store, disk_full_error, now

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
                    path: Path | str, who: str = "", overwrite: bool = False,
                    passphrase: str | None = None, expires: date | None = None) -> list[str]:
    """Write `judge`'s pack for a later scored round; returns the entries it holds."""
    return round_pack(panel, award_id, round_id, judge, path, who, overwrite, passphrase,
                      expires).entry_ids


def round_pack(panel: Store, award_id: str, round_id: str, judge: Judge, path: Path | str,
               who: str = "", overwrite: bool = False, passphrase: str | None = None,
               expires: date | None = None) -> PackSummary:
    """Write `judge`'s pack for a later scored round, as `packs.make_pack` writes a first-round
    pack: with `passphrase` it is encrypted (an empty one: a generated passphrase, returned in
    the summary) and the panel keeps its key for the merge; None makes a plain pack. It
    carries the attachments of its entries, and the judge's own scores and overall reviews of
    this round (so a re-issued pack carries their work), nothing of an earlier round."""
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
    entry_ids = round_pack_entries(panel, found, judge)
    if not entry_ids:
        raise JudgePanelError(f"{judge.name} has no entries in round '{found.id}' of award "
                              f"'{award_id}'; assign some first (judgepanel assign --round)")
    if passphrase is not None and not passphrase.strip():
        passphrase = new_passphrase()
    key = new_key(passphrase) if passphrase is not None else None
    remove_stray_partials(path.parent)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    try:
        scores = _build(panel, found, judge, entry_ids, partial, key, expires)
        os.replace(partial, path)
    except JudgePanelError as exc:
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
                                        "file": path.name, "entry_ids": entry_ids,
                                        "encrypted": key is not None,
                                        "expires": expires.isoformat() if expires else ""},
                    who)
    return PackSummary(path, judge.name, judge.id, len(entry_ids), scores, 0, entry_ids,
                       passphrase or "", expires.isoformat() if expires else "")


def make_round_packs(panel: Store, award_id: str, round_id: str, folder: Path | str,
                     who: str = "", overwrite: bool = False, passphrase: str | None = None,
                     expires: date | None = None) -> list[PackSummary]:
    """One pack for every judge assigned in a later scored or qualifying round, in `folder`,
    named after the judge and the round ("Ann Lee - final.judgepack"); every name is checked
    before any is written. `passphrase`: None plain, "" a generated one per pack, a text the
    same for every pack."""
    from judgepanel.core.qualifying_packs import make_qualifying_pack

    folder = Path(folder)
    if not folder.is_dir():
        raise JudgePanelError(f"{folder}: no such folder")
    found = _later_scored(panel, award_id, round_id, ASSIGNED_KINDS)
    judges = [Judge(*row) for row in panel.db.execute(
        "SELECT id, name, email, role FROM judges ORDER BY id")]
    assigned = [j for j in judges if round_pack_entries(panel, found, j)]
    if not assigned:
        raise JudgePanelError(f"{panel.path}: no judge has entries in round '{found.id}' of "
                              f"award '{award_id}'; assign them first (judgepanel assign "
                              "--round)")
    targets: list[tuple[Judge, Path]] = []
    used: set[str] = set()
    for judge in assigned:
        name, number = pack_file_name(f"{judge.name} - {found.id}"), 2
        stem = name[: -len(PACK_SUFFIX)]
        while name.casefold() in used:
            name, number = f"{stem} ({number}){PACK_SUFFIX}", number + 1
        used.add(name.casefold())
        if (folder / name).exists() and not overwrite:
            raise JudgePanelError(f"{folder / name}: already exists; nothing was written "
                                  "(choose another folder or overwrite)")
        targets.append((judge, folder / name))
    made: list[PackSummary] = []
    for judge, target in targets:
        if found.kind == "qualifying":
            made.append(make_qualifying_pack(
                panel, award_id, found.id, judge, target, who=who, overwrite=overwrite,
                passphrase=passphrase, expires=expires).summary(judge.id))
        else:
            made.append(round_pack(panel, award_id, found.id, judge, target, who=who,
                                   overwrite=overwrite, passphrase=passphrase,
                                   expires=expires))
    return made


def round_pack_entries(panel: Store, found: Round, judge: Judge) -> list[str]:
    """The entries a judge's pack for a later round holds: promoted into the round, assigned
    to the judge there, and not in conflict."""
    inside = set(round_entries(panel, found))
    return [str(r[0]) for r in panel.db.execute(
        "SELECT a.entry FROM round_assignments a WHERE a.award = ? AND a.round = ? AND "
        "a.judge = ? AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.judge = a.judge AND "
        "c.entry = a.entry) ORDER BY a.entry", [found.award, found.id, judge.id])
        if r[0] in inside]


def _build(panel: Store, found: Round, judge: Judge, entry_ids: list[str], partial: Path,
           key: FileKey | None, expires: date | None) -> int:
    """Copy the round's rows for this judge into a new pack file; returns the scores copied."""
    award_id = found.award
    award = round_award(panel, found)
    source = panel.db.conn
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
                          "SELECT id, award, title, nominee, organisation, fields, "
                          "'{}' AS source, source_file, source_row, imported_at, updated_at "
                          "FROM entries WHERE id = ?", [entry], "entries", hidden)
                copy_rows(source, target, "SELECT * FROM answers WHERE entry = ?", [entry],
                          "answers")
                target.execute("INSERT INTO assignments(judge, entry, created_at) "
                               "VALUES (?,?,?)", [judge.id, entry, now()])
                copy_rows(source, target,
                          "SELECT judge, entry, section, value, comment, updated_at, "
                          "signature, seq FROM round_scores WHERE award = ? AND round = ? AND "
                          "judge = ? AND entry = ?", [award_id, found.id, judge.id, entry],
                          "scores")
                copy_rows(source, target,
                          "SELECT judge, entry, comment, tags, complete, updated_at, "
                          "signature, seq FROM round_reviews WHERE award = ? AND round = ? "
                          "AND judge = ? AND entry = ?", [award_id, found.id, judge.id, entry],
                          "reviews")
            copy_to_pack(source, target, entry_ids)  # the entries' documents, in chunks
            pack.audit("pack made", {"judge": judge.name, "panel": panel.title,
                                     "round": found.id, "entries": len(entry_ids)})
            scores = int(target.execute("SELECT COUNT(*) FROM scores").fetchone()[0])
    finally:
        pack.close()
    return scores


def round_reviews(store: Store, award_id: str, round_id: str) -> list[dict[str, Any]]:
    """A later round's overall reviews that count (the panel's `round_reviews`, store.py):
    judge, entry, comment, tags, complete."""
    return store.rows(
        "SELECT j.name AS judge, r.entry, r.comment, r.tags, r.complete FROM round_reviews r "
        "JOIN judges j ON j.id = r.judge WHERE r.award = ? AND r.round = ? AND NOT EXISTS "
        "(SELECT 1 FROM conflicts c WHERE c.judge = r.judge AND c.entry = r.entry) "
        "ORDER BY r.entry, j.name", [award_id, round_id])


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
    reviews: list[tuple[Any, ...]] = field(default_factory=list)  # new or newer reviews

    def write(self, conn: sqlite3.Connection) -> None:
        if self.reviews:
            conn.executemany(
                "INSERT INTO round_reviews(award, round, judge, entry, comment, tags, complete, "
                "updated_at, signature, seq) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(award, "
                "round, judge, entry) DO UPDATE SET comment = excluded.comment, "
                "tags = excluded.tags, complete = excluded.complete, "
                "updated_at = excluded.updated_at, signature = excluded.signature, "
                "seq = excluded.seq", [(self.award, self.round, *row) for row in self.reviews])
        conn.executemany(
            "INSERT INTO round_scores(award, round, judge, entry, section, value, comment, "
            "updated_at, signature, seq) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(award, round, "
            "judge, entry, section) DO UPDATE SET value = excluded.value, "
            "comment = excluded.comment, updated_at = excluded.updated_at, "
            "signature = excluded.signature, seq = excluded.seq",
            [(self.award, self.round, *row) for row in self.new + self.changed])


def plan_round_pack(panel: Store, meta: dict[str, str], judge: int, key: str,
                    scores: list[tuple[Any, ...]],
                    reviews: list[tuple[Any, ...]] | None = None) -> RoundPlan:
    """Check a returned round pack's scores and overall reviews against the panel: the round
    open, each record signed, by its judge, for an entry assigned in that round, each score
    on the round's scale."""
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
    _plan_reviews(panel, plan, key, reviews or [], assigned, conflicted)
    return plan


def _plan_reviews(panel: Store, plan: RoundPlan, key: str, reviews: list[tuple[Any, ...]],
                  assigned: set[str], conflicted: set[str]) -> None:
    """The judge's overall reviews in a round pack: signed, theirs, for their entries; a
    review newer than the panel's (by the judge's write counter) replaces it."""
    existing = {str(r[0]): tuple(r[1:]) for r in panel.db.execute(
        "SELECT entry, comment, tags, complete, seq FROM round_reviews WHERE award = ? "
        "AND round = ? AND judge = ?", [plan.award, plan.round, plan.judge])}
    for row in reviews:
        owner, entry, comment, tags, complete, updated_at, signature, seq = row
        if owner != plan.judge:
            raise RoundPackRefused(f"it holds a review by another judge (entry '{entry}')")
        if review_signature(key, panel.panel_id, plan.judge, entry, comment, tags, complete,
                            updated_at, seq) != signature:
            raise RoundPackRefused(f"entry '{entry}': the overall review was altered outside "
                                   "JudgePanel (its signature does not match)")
        before = existing.get(str(entry))
        if before is not None and before[:3] == (comment, tags, complete):
            continue
        if entry not in assigned or entry in conflicted:
            raise RoundPackRefused(f"entry '{entry}' is not assigned to this judge in round "
                                   f"'{plan.round}', so their review of it cannot be accepted")
        if before is None or int(seq) > int(before[3]):
            plan.reviews.append((owner, entry, comment, tags, complete, updated_at, signature,
                                 seq))
