"""Packs for a later scored round: its judges, the entries promoted into it, its own sections.

A later round's pack is built like a first-round pack (a fresh file for one judge, nothing of
another judge in its bytes) and the judge's window opens it unchanged; its meta says which
round it belongs to. Only the entries promoted into the round and assigned to the judge in
that round go in, with their attachments, the round's sections and the judge's own scores and
overall reviews of that round: no score from an earlier round, of any judge, is copied. It is
encrypted as a first-round pack is (a passphrase given or generated, the panel keeping the
key). A round's packs go out once the round before is closed. The skeleton of such a pack
(`make_later_pack`) serves a qualifying round's packs too (core/qualifying_packs.py). Returned
scores and reviews are checked by core/round_returns.py and merged by the ordinary merge into
`round_scores` and `round_reviews`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from judgepanel.core.attachment_packs import copy_to_pack
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judge_fields import hidden_fields
from judgepanel.core.judges import Judge
from judgepanel.core.packs import (
    PackSummary,
    check_pack_target,
    copy_entry,
    copy_rows,
    new_pack_store,
    pack_key,
    record_pack,
    write_pack_file,
)
from judgepanel.core.round_results import check_round_kind
from judgepanel.core.rounds import Round, award_rounds, find_round, round_award, round_entries
from judgepanel.core.store import Store, now

# The kinds of later round whose judges are assigned entries (a qualifying round's packs are
# made by core/qualifying_packs.py).
ASSIGNED_KINDS = ("scored", "qualifying")


def open_later_round(store: Store, award_id: str, round_id: str,
                     kinds: tuple[str, ...] = ("scored",), closed: str = "") -> Round:
    """A later round of one of `kinds`, still open (`closed`: what the refusal adds)."""
    found = find_round(store, award_id, round_id)
    if found.first:
        raise JudgePanelError(f"round '{found.id}' is the first round of award '{award_id}': "
                              "its assignments and packs are the award's own (leave out "
                              "--round)")
    check_round_kind(found, *kinds)
    if found.closed:
        raise JudgePanelError(f"round '{found.id}' of award '{award_id}' is closed{closed}")
    return found


def assign_round(store: Store, award_id: str, round_id: str, judge: Judge,
                 entries: list[str] | None = None, who: str = "") -> list[str]:
    """Assign a later round's entries (default: all of them) to a judge; entries with a
    declared conflict are left out. Returns the entries newly assigned."""
    with store.transaction():
        found = open_later_round(store, award_id, round_id, ASSIGNED_KINDS)
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
        found = open_later_round(store, award_id, round_id, ASSIGNED_KINDS)
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
    found = pack_round(panel, award_id, round_id, "scored")
    award = round_award(panel, found)

    def sections(target: sqlite3.Connection) -> None:  # the round's own sections
        for position, section in enumerate(award.sections):
            scale = section.scale
            target.execute(
                "INSERT INTO sections(award, id, position, title, question, guidance, "
                "weight, word_limit, scale_min, scale_max, scale_step) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [award_id, section.id, position, section.title, section.question,
                 json.dumps(list(section.guidance), ensure_ascii=False), section.weight,
                 section.word_limit, scale.min if scale else None,
                 scale.max if scale else None, scale.step if scale else None])

    def own_work(source: sqlite3.Connection, target: sqlite3.Connection, entry: str) -> None:
        where = [award_id, found.id, judge.id, entry]
        copy_rows(source, target,
                  "SELECT judge, entry, section, value, comment, updated_at, signature, seq "
                  "FROM round_scores WHERE award = ? AND round = ? AND judge = ? AND "
                  "entry = ?", where, "scores")
        copy_rows(source, target,
                  "SELECT judge, entry, comment, tags, complete, updated_at, signature, seq "
                  "FROM round_reviews WHERE award = ? AND round = ? AND judge = ? AND "
                  "entry = ?", where, "reviews")

    made = make_later_pack(panel, found, judge, Path(path), who, overwrite, passphrase,
                           expires, sections, own_work, "scores")
    return PackSummary(made.path, judge.name, judge.id, len(made.entry_ids), made.carried, 0,
                       made.entry_ids, made.passphrase, made.expires)


@dataclass(frozen=True)
class LaterPack:
    """What went into a later round's pack."""

    path: Path
    entry_ids: list[str]
    carried: int  # the judge's own earlier records of the round carried in it
    passphrase: str  # what opens it; empty for a plain pack
    expires: str  # YYYY-MM-DD after which the judge can only return it; empty: never


def pack_round(panel: Store, award_id: str, round_id: str, kind: str) -> Round:
    """The later round of `kind` whose packs may go out now: open, and the round before it
    closed (refusals name the round)."""
    if panel.kind != "panel":
        raise JudgePanelError(f"{panel.path}: packs are made from a panel, not from a pack")
    found = open_later_round(panel, award_id, round_id, (kind,),
                             "; its packs can no longer go out")
    before = award_rounds(panel, award_id)[found.position - 1]
    if not before.closed:
        raise JudgePanelError(f"round '{before.id}' of award '{award_id}' is still open: close "
                              f"it (judgepanel round close) before round '{found.id}''s packs "
                              "go out")
    return found


def make_later_pack(panel: Store, found: Round, judge: Judge, path: Path, who: str,
                    overwrite: bool, passphrase: str | None, expires: date | None,
                    sections: Callable[[sqlite3.Connection], None],
                    own_work: Callable[[sqlite3.Connection, sqlite3.Connection, str], None],
                    carried: str) -> LaterPack:
    """Write `judge`'s pack for the later round `found` (checked by `pack_round`), for a scored
    or a qualifying round alike: its entries for the judge with their answers and documents,
    the round in its meta, the award's `sections` as the round shows them, and per entry the
    judge's `own_work` of this round; `carried` is the table whose rows are counted as such.
    Encrypted with `passphrase` ("" a generated one, None plain); the panel keeps the key."""
    check_pack_target(path, overwrite)
    entry_ids = round_pack_entries(panel, found, judge)
    if not entry_ids:
        raise JudgePanelError(f"{judge.name} has no entries in round '{found.id}' of award "
                              f"'{found.award}'; assign some first (judgepanel assign --round)")
    passphrase, key = pack_key(passphrase)

    def build(partial: Path) -> int:
        source = panel.db.conn
        with new_pack_store(panel, partial, key) as pack:
            target = pack.db.conn
            with pack.transaction():
                for name, value in (("judge_id", str(judge.id)), ("judge_name", judge.name),
                                    ("panel_title", panel.title), ("packed_at", now()),
                                    ("round", found.id), ("round_award", found.award),
                                    ("round_name", found.name), ("round_kind", found.kind),
                                    ("round_position", str(found.position + 1))):
                    pack.set_meta(name, value)
                if expires is not None:
                    pack.set_meta("expires", expires.isoformat())
                copy_rows(source, target, "SELECT * FROM judges WHERE id = ?", [judge.id],
                          "judges")
                copy_rows(source, target, "SELECT * FROM awards WHERE id = ?", [found.award],
                          "awards")
                sections(target)
                hidden = {found.award: hidden_fields(panel, found.award)}
                for entry in entry_ids:
                    copy_entry(source, target, entry, hidden)
                    target.execute("INSERT INTO assignments(judge, entry, created_at) "
                                   "VALUES (?,?,?)", [judge.id, entry, now()])
                    own_work(source, target, entry)
                copy_to_pack(source, target, entry_ids)  # the entries' documents, in chunks
                pack.audit("pack made", {"judge": judge.name, "panel": panel.title,
                                         "round": found.id, "entries": len(entry_ids)})
                return int(target.execute(f"SELECT COUNT(*) FROM {carried}").fetchone()[0])

    count = write_pack_file(path, key, build)
    stamp = expires.isoformat() if expires else ""
    record_pack(panel, key, "round pack made", {
        "judge": judge.name, "judge_id": judge.id, "award": found.award, "round": found.id,
        "kind": found.kind, "file": path.name, "entry_ids": entry_ids,
        "encrypted": key is not None, "expires": stamp}, who)
    return LaterPack(path, entry_ids, count, passphrase or "", stamp)


def round_pack_entries(panel: Store, found: Round, judge: Judge) -> list[str]:
    """The entries a judge's pack for a later round holds: promoted into the round, assigned
    to the judge there, and not in conflict."""
    inside = set(round_entries(panel, found))
    return [str(r[0]) for r in panel.db.execute(
        "SELECT a.entry FROM round_assignments a WHERE a.award = ? AND a.round = ? AND "
        "a.judge = ? AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.judge = a.judge AND "
        "c.entry = a.entry) ORDER BY a.entry", [found.award, found.id, judge.id])
        if r[0] in inside]


def round_reviews(store: Store, award_id: str, round_id: str) -> list[dict[str, Any]]:
    """A later round's overall reviews that count (the panel's `round_reviews`, in
    core/schema_migrations.py): judge, entry, comment, tags, complete."""
    return store.rows(
        "SELECT j.name AS judge, r.entry, r.comment, r.tags, r.complete FROM round_reviews r "
        "JOIN judges j ON j.id = r.judge WHERE r.award = ? AND r.round = ? AND NOT EXISTS "
        "(SELECT 1 FROM conflicts c WHERE c.judge = r.judge AND c.entry = r.entry) "
        "ORDER BY r.entry, j.name", [award_id, round_id])
