"""A judge's votes in an open pack for a qualifying round, and which round any pack is for.

A qualifying round asks each judge one thing per entry: should it go through (pass), or not
(fail, with a reason)? The pack holds the judge's votes in its `round_votes` table, each
signed with the judge's pack key bound to the round (`scoring.round_key`), exactly as a
later round's score is (`vote_signature`, with the judge's write counter), so the merge can
tell a vote JudgePanel wrote from one edited outside it, or relabelled as another round's
(core/qualifying_packs.py checks and merges them). A save is five statements: BEGIN, `PRAGMA
data_version` (has another connection written since? then the votes are read again), whether
the judge declared a conflict with the entry, one INSERT, COMMIT. A cleared vote is kept
as a signed fail with no reason (a real fail always has one), so that merging a pack whose
vote was cleared after an earlier return removes the panel's copy of it (`is_cleared`).
docs/rounds.md describes the rounds.
"""

from __future__ import annotations

from dataclasses import dataclass

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.scoring import refuse_unless_allowed, round_key, sign
from judgepanel.core.store import Store, now


@dataclass(frozen=True)
class PackRound:
    """The round a pack is for (None is returned instead for a first-round pack)."""

    kind: str  # scored or qualifying
    name: str
    id: str
    award: str
    position: int | None  # 1 for the first round; None when the pack does not say

    @property
    def label(self) -> str:
        """"Final — round 2 of the award", for the judge's window title and header."""
        where = f"round {self.position} of the award" if self.position else \
            "a later round of the award"
        return f"{self.name} — {where}"

    @property
    def qualifying(self) -> bool:
        return self.kind == "qualifying"


def pack_round(store: Store) -> PackRound | None:
    """Which round the open pack is for; None for a first-round (ordinary) pack."""
    round_id = store.meta("round") or ""
    if not round_id:
        return None
    position = store.meta("round_position") or ""
    return PackRound(kind=store.meta("round_kind") or "scored",
                     name=store.meta("round_name") or round_id, id=round_id,
                     award=store.meta("round_award") or "",
                     position=int(position) if position.isdigit() else None)


def is_cleared(passed: object, reason: object) -> bool:
    """Whether a pack's vote row records that the judge cleared their vote: a fail with no
    reason, which the judge's window never saves as a vote."""
    return passed == 0 and isinstance(reason, str) and not reason.strip()


def vote_signature(key: str, panel_id: str, judge: int, award: str, round_id: str,
                   entry: str, passed: bool, reason: str, updated_at: str, seq: int) -> str:
    """A vote's signature: HMAC-SHA256 under the judge's pack key, as a score's is."""
    return sign(key, "vote", panel_id, int(judge), award, round_id, entry, int(bool(passed)),
                reason, updated_at, int(seq))


@dataclass(frozen=True)
class Vote:
    """A judge's pass or fail for one entry (a fail always has its reason)."""

    passed: bool
    reason: str = ""
    updated_at: str = ""

    @property
    def word(self) -> str:
        return "pass" if self.passed else "fail"


class PackVoting:
    """The pack's own judge voting in its qualifying round, through one connection.

    What does not change in a pack (the judge, their key, the round, their entries) is read
    once; the judge's votes are held in memory beside the file.
    """

    def __init__(self, store: Store) -> None:
        found = pack_round(store)
        if found is None or not found.qualifying:
            raise JudgePanelError(f"{store.path}: this pack is not for a qualifying round, so "
                                  "it takes scores, not pass or fail")
        judge = store.meta("judge_id")
        if judge is None or not judge.isdigit():
            raise JudgePanelError(f"{store.path}: this pack names no judge; ask for a new pack")
        self.store = store
        self.round = found
        self.judge = int(judge)
        db = store.db
        row = db.execute("SELECT pack_key FROM judges WHERE id = ?", [self.judge]).fetchone()
        if row is None:
            raise JudgePanelError(f"{store.path}: the pack's judge is missing from it")
        self.key = round_key(str(row[0]), found.award, found.id)  # bound to the round
        self.panel_id = store.panel_id
        self.assigned = {str(r[0]) for r in db.execute(
            "SELECT entry FROM assignments WHERE judge = ?", [self.judge])}
        self._votes: dict[str, Vote] = {}
        self._seq = 0
        self._version = -1
        self._load()

    def _load(self) -> None:
        db = self.store.db
        self._votes = {str(entry): Vote(bool(passed), str(reason), str(at))
                       for entry, passed, reason, at in db.execute(
                           "SELECT entry, passed, reason, updated_at FROM round_votes WHERE "
                           "judge = ? AND award = ? AND round = ?",
                           [self.judge, self.round.award, self.round.id])
                       if not is_cleared(passed, reason)}
        self._seq = int(db.execute(
            "SELECT MAX(m) FROM (SELECT MAX(seq) AS m FROM scores WHERE judge = ? UNION ALL "
            "SELECT MAX(seq) FROM reviews WHERE judge = ? UNION ALL SELECT MAX(seq) FROM "
            "round_votes WHERE judge = ?)", [self.judge] * 3).fetchone()[0] or 0)
        self._version = int(db.execute("PRAGMA data_version").fetchone()[0])

    # ----- reads -------------------------------------------------------------------------

    def vote(self, entry: str) -> Vote | None:
        """The judge's vote for an entry; None while undecided."""
        return self._votes.get(entry)

    def votes(self) -> dict[str, Vote]:
        return dict(self._votes)

    # ----- the write -----------------------------------------------------------------------

    def set_vote(self, entry: str, passed: bool | None, reason: str = "") -> None:
        """Save a pass, a fail with its reason, or (None) clear the vote."""
        reason = reason.strip()
        if passed is False and not reason:
            raise JudgePanelError(f"entry '{entry}': a fail needs a reason")
        if entry not in self.assigned:
            refuse_unless_allowed(entry, False, False)
        before = self._votes.get(entry)
        if passed is None and before is None:
            return
        if before is not None and passed is not None and \
                (before.passed, before.reason) == (passed, reason):
            return
        try:
            with self.store.transaction():
                db = self.store.db
                if int(db.execute("PRAGMA data_version").fetchone()[0]) != self._version:
                    self._load()  # another connection wrote since: count from the file
                in_conflict = db.execute("SELECT 1 FROM conflicts WHERE judge = ? AND entry = ?",
                                         [self.judge, entry]).fetchone() is not None
                refuse_unless_allowed(entry, in_conflict, entry in self.assigned)
                self._write(entry, passed, reason)
        except BaseException:
            self._load()
            raise

    def _write(self, entry: str, passed: bool | None, reason: str) -> None:
        conn = self.store.db.conn
        found = self.round
        cleared = passed is None
        if cleared:
            passed, reason = False, ""  # kept, signed and counted, for the merge to remove
        self._seq += 1
        stamp = now()
        signature = vote_signature(self.key, self.panel_id, self.judge, found.award, found.id,
                                   entry, bool(passed), reason, stamp, self._seq)
        conn.execute(
            "INSERT INTO round_votes(award, round, judge, entry, passed, reason, updated_at, "
            "signature, seq) VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT(award, round, judge, "
            "entry) DO UPDATE SET passed = excluded.passed, reason = excluded.reason, "
            "updated_at = excluded.updated_at, signature = excluded.signature, "
            "seq = excluded.seq",
            [found.award, found.id, self.judge, entry, int(bool(passed)), reason, stamp,
             signature, self._seq])
        if cleared:
            self._votes.pop(entry, None)
        else:
            self._votes[entry] = Vote(bool(passed), reason, stamp)
