"""A judge's own work: section scores, comments, the overall review, declared conflicts.

The same functions serve the judge's window, `scores import` into a pack and the merge. Every
record a judge writes is signed with HMAC-SHA256 under the judge's pack key, which only the
panel and that judge's pack hold, so the merge can tell a record JudgePanel wrote from one
edited outside it. In a later round's pack the scores, overall reviews and votes are signed
under `round_key`: the judge's key bound to the award and round the pack was made for, so a
pack relabelled as another round's (its meta edited) signs nothing the merge accepts there.
A declared conflict is signed under the judge's own key in every pack: it holds in every round.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any

from judgepanel.core.awards import Award, panel_awards
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.store import Store, now
from judgepanel.core.totals import scale_refusal

STATUSES = ("not started", "in progress", "complete", "conflict")


def sign(key: str, *parts: Any) -> str:
    """The signature of one record: HMAC-SHA256 over its canonical JSON."""
    payload = json.dumps(parts, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return hmac.new(bytes.fromhex(key), payload.encode("utf-8"), hashlib.sha256).hexdigest()


def round_key(key: str, award: str, round_id: str) -> str:
    """The key a later round's pack signs its scores, reviews and votes with: the judge's
    pack key bound to that award and round (hex, as a pack key is)."""
    return sign(key, "round", award, round_id)


def score_signature(key: str, panel_id: str, judge: int, entry: str, section: str,
                    value: float | None, comment: str, updated_at: str, seq: int = 0) -> str:
    """`seq` is the judge's write counter; 0 for records written before it existed."""
    parts: tuple[Any, ...] = ("score", panel_id, judge, entry, section,
                              None if value is None else float(value), comment, updated_at)
    return sign(key, *parts, int(seq)) if seq else sign(key, *parts)


def review_signature(key: str, panel_id: str, judge: int, entry: str, comment: str,
                     tags: str, complete: int, updated_at: str, seq: int = 0) -> str:
    parts = ("review", panel_id, judge, entry, comment, tags, int(complete), updated_at)
    return sign(key, *parts, int(seq)) if seq else sign(key, *parts)


def conflict_signature(key: str, panel_id: str, judge: int, entry: str, reason: str,
                       created_at: str) -> str:
    return sign(key, "conflict", panel_id, judge, entry, reason, created_at)


def refuse_unless_allowed(entry: str, in_conflict: bool, assigned: bool) -> None:
    """A judge scores only entries assigned to them and not in conflict."""
    if in_conflict:
        raise JudgePanelError(f"entry '{entry}': a conflict of interest is declared, "
                              "so it cannot be scored by this judge")
    if not assigned:
        raise JudgePanelError(f"entry '{entry}' is not in this judge's pack")


def status_of(in_conflict: bool, complete: bool, overall_comment: str,
              scores: list[tuple[float | None, str]]) -> str:
    """One of STATUSES from what the judge has written: (value, comment) per section."""
    if in_conflict:
        return "conflict"
    if complete:
        return "complete"
    if overall_comment or any(value is not None or comment for value, comment in scores):
        return "in progress"
    return "not started"


def check_score(award: Award, entry: str, section: str, value: float | None) -> None:
    """The section exists in the entry's award and the value is on its scale."""
    try:
        found = award.section(section)
    except KeyError:
        known = ", ".join(s.id for s in award.sections)
        raise JudgePanelError(
            f"entry '{entry}': award '{award.id}' has no section '{section}' "
            f"(sections: {known})") from None
    scale = award.scale_of(found)
    if value is not None and not scale.allows(value):
        raise JudgePanelError(f"entry '{entry}', section {section}: "
                              f"{scale_refusal(value, scale)}")


@dataclass(frozen=True)
class Judging:
    """Who is scoring, in which file: what every write needs to check and sign."""

    store: Store
    judge: int
    key: str  # signs scores and reviews: in a later round's pack, bound to its round
    conflict_key: str = ""  # signs declared conflicts (every round): the judge's own; "" key

    @classmethod
    def for_judge(cls, store: Store, judge: int) -> Judging:
        row = store.db.execute("SELECT pack_key FROM judges WHERE id = ?", [judge]).fetchone()
        if row is None:
            raise JudgePanelError(f"{store.path}: no judge with id {judge}")
        return cls(store, judge, row[0])

    @classmethod
    def for_pack(cls, store: Store) -> Judging:
        """The pack's own judge, signing for the round the pack was made for (its meta, read
        once): a later round's records under `round_key`, a first-round pack's as before."""
        judge = store.meta("judge_id")
        if judge is None:
            raise JudgePanelError(f"{store.path}: not a judge pack")
        own = cls.for_judge(store, int(judge))
        round_id = store.meta("round") or ""
        if not round_id:
            return own
        bound = round_key(own.key, store.meta("round_award") or "", round_id)
        return cls(store, own.judge, bound, own.key)

    @property
    def panel_id(self) -> str:
        return self.store.panel_id

    def award_of(self, entry: str) -> Award:
        row = self.store.db.execute("SELECT award FROM entries WHERE id = ?", [entry]).fetchone()
        if row is None:
            raise JudgePanelError(f"{self.store.path}: no entry '{entry}' here")
        for award in panel_awards(self.store):
            if award.id == row[0]:
                return award
        raise JudgePanelError(f"{self.store.path}: entry '{entry}' has no award")

    def check_allowed(self, entry: str) -> None:
        """A judge scores only entries assigned to them and not in conflict."""
        db = self.store.db
        in_conflict = db.execute("SELECT 1 FROM conflicts WHERE judge=? AND entry=?",
                                 [self.judge, entry]).fetchone() is not None
        assigned = self.store.kind != "pack" or db.execute(
            "SELECT 1 FROM assignments WHERE judge=? AND entry=?",
            [self.judge, entry]).fetchone() is not None
        refuse_unless_allowed(entry, in_conflict, assigned)

    def check_value(self, entry: str, section: str, value: float | None) -> None:
        check_score(self.award_of(entry), entry, section, value)

    # ----- writes ------------------------------------------------------------------------

    def set_score(self, entry: str, section: str, value: float | None,
                  comment: str | None = None, at: str | None = None) -> None:
        """Record a section score and/or comment (None leaves the comment as it is)."""
        self.check_allowed(entry)
        self.check_value(entry, section, value)
        row = self.store.db.execute(
            "SELECT value, comment FROM scores WHERE judge=? AND entry=? AND section=?",
            [self.judge, entry, section]).fetchone()
        if comment is None:
            comment = row[1] if row else ""
        if row and row[0] == value and row[1] == comment:
            return
        with self.store.transaction():
            self.write_score(entry, section, value, comment, at or now())
            if self.store.kind == "pack":
                self._touch_review(entry)

    def write_score(self, entry: str, section: str, value: float | None, comment: str,
                    stamp: str, panel_id: str | None = None, seq: int | None = None) -> None:
        """Sign and write one score row, checked already (`panel_id`, `seq` when known)."""
        seq = self.next_seq() if seq is None else seq
        signature = score_signature(self.key, panel_id or self.panel_id, self.judge, entry,
                                    section, value, comment, stamp, seq)
        self.store.db.execute(
            "INSERT INTO scores(judge, entry, section, value, comment, updated_at, "
            "signature, seq) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(judge, entry, section) DO "
            "UPDATE SET value=excluded.value, comment=excluded.comment, "
            "updated_at=excluded.updated_at, signature=excluded.signature, seq=excluded.seq",
            [self.judge, entry, section, value, comment, stamp, signature, seq])

    def set_review(self, entry: str, comment: str | None = None,
                   tags: list[str] | None = None, complete: bool | None = None) -> None:
        """The overall comment, the evidence tags and the complete mark for one entry."""
        self.check_allowed(entry)
        current = self.review(entry)
        new_comment = current["comment"] if comment is None else comment
        new_tags = json.dumps(current["tags"] if tags is None else list(tags),
                              ensure_ascii=False)
        new_complete = current["complete"] if complete is None else bool(complete)
        if new_complete and (missing := self.missing_sections(entry)):
            raise JudgePanelError(f"entry '{entry}' cannot be marked complete: no score yet "
                                  f"for {', '.join(missing)}")
        with self.store.transaction():
            self.write_review(entry, new_comment, new_tags, new_complete, now())

    def write_review(self, entry: str, comment: str, tags: str, complete: bool, stamp: str,
                     panel_id: str | None = None, seq: int | None = None) -> None:
        """Sign and write one review row (`tags` as JSON), checked already."""
        seq = self.next_seq() if seq is None else seq
        signature = review_signature(self.key, panel_id or self.panel_id, self.judge, entry,
                                     comment, tags, int(complete), stamp, seq)
        self.store.db.execute(
            "INSERT INTO reviews(judge, entry, comment, tags, complete, updated_at, "
            "signature, seq) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(judge, entry) DO UPDATE SET "
            "comment=excluded.comment, tags=excluded.tags, complete=excluded.complete, "
            "updated_at=excluded.updated_at, signature=excluded.signature, seq=excluded.seq",
            [self.judge, entry, comment, tags, int(complete), stamp, signature, seq])

    def next_seq(self) -> int:
        """One above the judge's last write: orders a judge's returns value by value without
        trusting the laptop's clock (merge compares it)."""
        row = self.store.db.execute(
            "SELECT MAX(m) FROM (SELECT MAX(seq) AS m FROM scores WHERE judge = ? "
            "UNION ALL SELECT MAX(seq) FROM reviews WHERE judge = ?)",
            [self.judge, self.judge]).fetchone()
        return int(row[0] or 0) + 1

    def _touch_review(self, entry: str) -> None:
        """Changing a score of a complete entry re-opens it only if a section is now empty."""
        review = self.review(entry)
        if review["complete"] and self.missing_sections(entry):
            self.set_review(entry, complete=False)

    def declare_conflict(self, entry: str, reason: str) -> None:
        """The judge steps away from an entry: their scores and comments for it are removed."""
        if not reason.strip():
            raise JudgePanelError("please give a reason for the conflict of interest")
        if not self.store.db.execute("SELECT 1 FROM entries WHERE id = ?", [entry]).fetchone():
            raise JudgePanelError(f"{self.store.path}: no entry '{entry}' here")
        stamp = now()
        signature = conflict_signature(self.conflict_key or self.key, self.panel_id,
                                       self.judge, entry, reason.strip(), stamp)
        with self.store.transaction():
            db = self.store.db
            db.execute("DELETE FROM scores WHERE judge=? AND entry=?", [self.judge, entry])
            db.execute("DELETE FROM reviews WHERE judge=? AND entry=?", [self.judge, entry])
            db.execute(
                "INSERT OR REPLACE INTO conflicts(judge, entry, reason, declared_by, "
                "created_at, signature) VALUES (?,?,?,?,?,?)",
                [self.judge, entry, reason.strip(), "judge", stamp, signature])

    # ----- reads -------------------------------------------------------------------------

    def scores(self, entry: str) -> dict[str, dict[str, Any]]:
        return {r["section"]: r for r in self.store.rows(
            "SELECT section, value, comment, updated_at FROM scores WHERE judge=? AND entry=?",
            [self.judge, entry])}

    def review(self, entry: str) -> dict[str, Any]:
        rows = self.store.rows("SELECT comment, tags, complete, updated_at FROM reviews "
                               "WHERE judge=? AND entry=?", [self.judge, entry])
        if not rows:
            return {"comment": "", "tags": [], "complete": False, "updated_at": None}
        row = rows[0]
        return {"comment": row["comment"], "tags": json.loads(row["tags"]),
                "complete": bool(row["complete"]), "updated_at": row["updated_at"]}

    def missing_sections(self, entry: str) -> list[str]:
        scored = {s for s, r in self.scores(entry).items() if r["value"] is not None}
        return [s.id for s in self.award_of(entry).sections if s.id not in scored]

    def status(self, entry: str) -> str:
        """One of STATUSES, for the judge's list (shown as text, never by colour alone)."""
        if self.store.db.execute("SELECT 1 FROM conflicts WHERE judge=? AND entry=?",
                                 [self.judge, entry]).fetchone():
            return "conflict"
        review = self.review(entry)
        return status_of(False, review["complete"], review["comment"],
                         [(r["value"], r["comment"]) for r in self.scores(entry).values()])
