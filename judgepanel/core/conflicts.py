"""Conflicts of interest: recorded by the coordinator or declared by a judge in their pack.

A conflicted judge never receives the entry (its assignment is removed) and their scores for
it never count. Raw scores are never deleted here: a conflict recorded by mistake can be
removed and the judge's earlier work counts again. Everything that totals or ranks scores
must therefore read them through `counted_scores` (or the `COUNTED_SCORES_SQL` it uses).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import Judge
from judgepanel.core.store import Store, now

# Scores that count: every score row except those of a judge in conflict with the entry.
COUNTED_SCORES_SQL = (
    "SELECT s.* FROM scores s WHERE NOT EXISTS "
    "(SELECT 1 FROM conflicts c WHERE c.judge = s.judge AND c.entry = s.entry)"
)


@dataclass(frozen=True)
class Conflict:
    """One recorded conflict of interest, as the coordinator's screens list it."""

    judge_id: int
    judge: str
    entry: str
    entry_title: str
    reason: str
    declared_by: str  # "coordinator" or "judge"
    created_at: str


def entry_exists(store: Store, entry: str) -> bool:
    """True when the panel holds an entry with this id."""
    return store.db.execute("SELECT 1 FROM entries WHERE id = ?", [entry]).fetchone() is not None


def require_entry(store: Store, entry: str) -> None:
    """Refuse an entry id the panel does not have, naming it."""
    if not entry_exists(store, entry):
        raise JudgePanelError(f"{store.path}: no entry '{entry}' in this panel")


def in_conflict(store: Store, judge_id: int, entry: str) -> bool:
    """True when a conflict of interest is recorded for this judge and entry."""
    return store.db.execute("SELECT 1 FROM conflicts WHERE judge = ? AND entry = ?",
                            [judge_id, entry]).fetchone() is not None


@dataclass(frozen=True)
class ConflictRecorded:
    """What recording a conflict did, for the page's undo and the command's lines."""

    new: bool  # False when the conflict was already recorded (its reason may have changed)
    assignment_removed: bool
    scores_no_longer_counted: int


def record_conflict(store: Store, judge: Judge, entry: str, reason: str = "",
                    who: str = "") -> ConflictRecorded:
    """Record a conflict: the judge loses the entry's assignment and their scores stop counting.

    Recording the same conflict again only updates the reason.
    """
    require_entry(store, entry)
    reason = " ".join(reason.split())
    with store.transaction():
        removed = store.db.execute("DELETE FROM assignments WHERE judge = ? AND entry = ?",
                                   [judge.id, entry]).rowcount
        existing = store.db.execute("SELECT reason FROM conflicts WHERE judge=? AND entry=?",
                                    [judge.id, entry]).fetchone()
        if existing is None:
            store.db.execute(
                "INSERT INTO conflicts(judge, entry, reason, declared_by, created_at, signature)"
                " VALUES (?,?,?,?,?,?)", [judge.id, entry, reason, "coordinator", now(), ""])
        elif reason and existing[0] != reason:
            store.db.execute("UPDATE conflicts SET reason = ? WHERE judge = ? AND entry = ?",
                             [reason, judge.id, entry])
        scored = store.db.execute("SELECT COUNT(*) FROM scores WHERE judge=? AND entry=?",
                                  [judge.id, entry]).fetchone()[0]
        store.audit("conflict recorded", {"judge": judge.name, "entry": entry,
                                          "reason": reason, "assignment_removed": bool(removed),
                                          "scores_no_longer_counted": scored}, who)
    return ConflictRecorded(existing is None, bool(removed), int(scored))


def remove_conflict(store: Store, judge: Judge, entry: str, who: str = "") -> None:
    """Withdraw a conflict recorded in error; the entry is not re-assigned automatically."""
    if not in_conflict(store, judge.id, entry):
        raise JudgePanelError(
            f"{store.path}: no conflict of interest is recorded for {judge.name} and entry "
            f"'{entry}'")
    with store.transaction():
        store.db.execute("DELETE FROM conflicts WHERE judge = ? AND entry = ?",
                         [judge.id, entry])
        store.audit("conflict removed", {"judge": judge.name, "entry": entry}, who)


def list_conflicts(store: Store) -> list[Conflict]:
    """Every conflict in the panel, by judge name then entry id."""
    return [Conflict(r["judge"], r["name"], r["entry"], r["title"] or "", r["reason"],
                     r["declared_by"], r["created_at"])
            for r in store.rows(
                "SELECT c.judge, j.name, c.entry, e.title, c.reason, c.declared_by, "
                "c.created_at FROM conflicts c JOIN judges j ON j.id = c.judge "
                "LEFT JOIN entries e ON e.id = c.entry ORDER BY j.name, c.entry")]


def counted_scores(store: Store, award_id: str | None = None) -> list[dict[str, Any]]:
    """The score rows that count: a conflicted judge's scores for that entry are left out."""
    if award_id is None:
        return store.rows(COUNTED_SCORES_SQL + " ORDER BY s.entry, s.judge, s.section")
    return store.rows(
        COUNTED_SCORES_SQL + " AND s.entry IN (SELECT id FROM entries WHERE award = ?) "
        "ORDER BY s.entry, s.judge, s.section", [award_id])
