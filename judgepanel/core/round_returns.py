"""Returned packs of a later round, checked before the merge writes anything.

A later round's pack (core/round_packs.py, core/qualifying_packs.py) may bring back only what
the panel gave its judge to do in that round: the round named in the pack must be a later
round of the panel, still open; every record must be the pack's judge's, for an entry assigned
to them in that round and not in conflict, signed with their key bound to that award and
round (`scoring.round_key`: a pack whose meta was edited to name another round, or a
first-round pack given a round, is refused, saying where its records were signed), and of the
types JudgePanel writes. A record for an entry withdrawn from the round is skipped and
counted, never stored. `plan_round_pack` plans a scored round's scores and overall reviews
(merged into `round_scores` and `round_reviews`); core/qualifying_packs.py plans a qualifying
round's votes with the same checks (`returned_round`, `round_work`, `not_assigned`).
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.rounds import Round, find_round, round_award
from judgepanel.core.scoring import (
    conflict_signature,
    review_signature,
    round_key,
    score_signature,
)
from judgepanel.core.store import Store

# One signed score of a later round, new or replacing the judge's earlier one (award, round,
# judge, entry, section, value, comment, updated_at, signature, seq).
WRITE_ROUND_SCORE = (
    "INSERT INTO round_scores(award, round, judge, entry, section, value, comment, "
    "updated_at, signature, seq) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(award, round, "
    "judge, entry, section) DO UPDATE SET value = excluded.value, "
    "comment = excluded.comment, updated_at = excluded.updated_at, "
    "signature = excluded.signature, seq = excluded.seq")


class RoundPackRefused(Exception):
    """Why a returned round pack cannot be merged (the merge names the file)."""


def returned_round(panel: Store, meta: dict[str, str]) -> Round:
    """The round a returned pack says it is for, as the panel holds it: refused unless it is a
    later round of the panel and still open."""
    award_id, round_id = meta.get("round_award", ""), meta.get("round", "")
    try:
        found = find_round(panel, award_id, round_id)
    except JudgePanelError:
        raise RoundPackRefused(f"it is a pack for round '{round_id}' of award '{award_id}', "
                               "which this panel does not have") from None
    if found.first:
        raise RoundPackRefused(f"it names round '{found.id}' of award '{award_id}', the "
                               "award's first round, whose packs name no round: it was altered "
                               "outside JudgePanel")
    if found.closed:
        raise RoundPackRefused(f"this pack belongs to round '{found.id}' ({found.name}) of "
                               f"award '{award_id}', which is closed; nothing from it can be "
                               "merged")
    return found


def round_work(panel: Store, found: Round, judge: int) -> tuple[set[str], set[str]]:
    """The entries assigned to `judge` in the round, and the entries they are in conflict with
    (in any round)."""
    assigned = {str(r[0]) for r in panel.db.execute(
        "SELECT entry FROM round_assignments WHERE award = ? AND round = ? AND judge = ?",
        [found.award, found.id, judge])}
    conflicted = {str(r[0]) for r in panel.db.execute(
        "SELECT entry FROM conflicts WHERE judge = ?", [judge])}
    return assigned, conflicted


def withdrawn_entries(panel: Store, found: Round) -> set[str]:
    """The entries withdrawn from the round: a returned record for one is skipped, not stored."""
    return {str(r[0]) for r in panel.db.execute(
        "SELECT entry FROM round_entries WHERE award = ? AND round = ? AND "
        "status = 'withdrawn'", [found.award, found.id])}


def mis_signed(panel: Store, found: Round, key: str, where: str, what: str, signature: Any,
               signer: Callable[..., str], *parts: Any) -> RoundPackRefused:
    """The refusal of a record whose signature does not hold for the round `found` (`key`:
    the judge's own pack key; `signer(k, *parts)`: the record's signature under the key `k`),
    saying where it was signed when that is a first-round pack or another round's."""

    def matches(candidate: str) -> bool:
        return bool(signer(candidate, *parts) == signature)

    signed = ""
    if matches(key):
        signed = "in a first-round pack"
    else:
        for award, round_id in panel.db.execute(
                "SELECT award, id FROM rounds WHERE position > 0 ORDER BY award, position"):
            if (award, round_id) != (found.award, found.id) and \
                    matches(round_key(key, award, round_id)):
                signed = f"for round '{round_id}' of award '{award}'"
                break
    if signed:
        return RoundPackRefused(f"{where}: the {what} was signed {signed}, not for round "
                                f"'{found.id}' of award '{found.award}': the pack was "
                                "relabelled outside JudgePanel")
    return RoundPackRefused(f"{where}: the {what} was altered outside JudgePanel (its "
                            "signature does not match)")


def not_assigned(entry: Any, found: Round, what: str) -> RoundPackRefused:
    """The refusal of a record for an entry the judge was not given in the round."""
    return RoundPackRefused(f"entry '{entry}' is not assigned to this judge in round "
                            f"'{found.id}' of award '{found.award}', so their {what} for it "
                            "cannot be accepted")


def check_written(entry: Any, what: str, *, text: tuple[Any, ...] = (),
                  counter: Any = 0, flag: Any = 0, value: Any = None, least: int = 0) -> None:
    """Refuse a record whose fields are not of the types JudgePanel writes (texts, a whole
    write counter from `least`, a 0/1 flag, a finite number or none): a signature alone
    would not tell a score 7 from the text or bytes '7', which it signs alike."""
    number = value is None or (isinstance(value, int | float) and not isinstance(value, bool)
                               and math.isfinite(value))
    if not (all(isinstance(t, str) for t in text) and number
            and isinstance(counter, int) and not isinstance(counter, bool) and counter >= least
            and flag in (0, 1) and isinstance(flag, int)):
        raise RoundPackRefused(f"entry '{entry}': it holds {what} JudgePanel could not have "
                               "written (altered outside JudgePanel?)")


def declared_conflicts(panel: Store, found: Round, judge: int, key: str,
                       conflicts: list[tuple[Any, ...]], assigned: set[str],
                       conflicted: set[str], withdrawn: set[str] | None = None,
                       ) -> tuple[list[tuple[Any, ...]], set[str], int]:
    """The conflicts of interest the judge declared in the pack, checked: the new ones to
    record, every entry declared (the judge's records for those do not count), and how many
    were for entries withdrawn from the round (skipped). A conflict is signed under the
    judge's own key in every round's pack: it holds in every round."""
    new: list[tuple[Any, ...]] = []
    declared: set[str] = set()
    skipped = 0
    for owner, entry, reason, declared_by, created_at, signature in conflicts:
        if declared_by != "judge":
            continue  # only a judge's own, signed declarations travel back
        if owner != judge:
            raise RoundPackRefused(f"it holds a conflict of interest of another judge "
                                   f"(entry '{entry}')")
        check_written(entry, "a conflict of interest", text=(reason, created_at))
        if conflict_signature(key, panel.panel_id, judge, entry, reason,
                              created_at) != signature:
            raise RoundPackRefused(f"entry '{entry}': the conflict of interest was altered "
                                   "outside JudgePanel (its signature does not match)")
        if entry not in conflicted:
            if withdrawn and entry in withdrawn:
                skipped += 1
                continue
            if entry not in assigned:
                raise not_assigned(entry, found, "conflict of interest")
            new.append((judge, entry, reason, "judge", created_at, signature))
        declared.add(entry)
    return new, declared, skipped


def write_conflicts(conn: sqlite3.Connection, award: str, round_id: str, judge: int,
                    conflicts: list[tuple[Any, ...]]) -> None:
    """Record conflicts declared in a round's pack: they hold in every round, and the judge
    is no longer assigned the entry in this one."""
    for row in conflicts:
        conn.execute("INSERT OR IGNORE INTO conflicts(judge, entry, reason, declared_by, "
                     "created_at, signature) VALUES (?,?,?,?,?,?)", row)
        conn.execute("DELETE FROM round_assignments WHERE award = ? AND round = ? AND "
                     "judge = ? AND entry = ?", [award, round_id, judge, row[1]])


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
    conflicts: list[tuple[Any, ...]] = field(default_factory=list)  # declared in the pack
    withdrawn: int = 0  # records for entries withdrawn from the round: skipped

    def write(self, conn: sqlite3.Connection) -> None:
        """Write the plan (inside the merge's transaction)."""
        write_conflicts(conn, self.award, self.round, self.judge, self.conflicts)
        if self.reviews:
            conn.executemany(
                "INSERT INTO round_reviews(award, round, judge, entry, comment, tags, complete, "
                "updated_at, signature, seq) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(award, "
                "round, judge, entry) DO UPDATE SET comment = excluded.comment, "
                "tags = excluded.tags, complete = excluded.complete, "
                "updated_at = excluded.updated_at, signature = excluded.signature, "
                "seq = excluded.seq", [(self.award, self.round, *row) for row in self.reviews])
        conn.executemany(
            WRITE_ROUND_SCORE, [(self.award, self.round, *row) for row in self.new + self.changed])


def plan_round_pack(panel: Store, meta: dict[str, str], judge: int, key: str,
                    scores: list[tuple[Any, ...]],
                    reviews: list[tuple[Any, ...]] | None = None,
                    conflicts: list[tuple[Any, ...]] | None = None,
                    votes: list[tuple[Any, ...]] | None = None) -> RoundPlan:
    """Check a returned round pack's scores, overall reviews and declared conflicts against
    the panel: the round open, each record signed for that round, by its judge, for an entry
    assigned in that round, each score on the round's scale. A conflict the judge declared
    is recorded, and their records for that entry do not count; a record for an entry
    withdrawn from the round is counted and skipped. `key` is the judge's own pack key."""
    found = returned_round(panel, meta)
    if votes:
        raise RoundPackRefused(f"it holds pass or fail votes, but round '{found.id}' of award "
                               f"'{found.award}' is a scored round: a qualifying round's pack "
                               "was relabelled outside JudgePanel")
    bound = round_key(key, found.award, found.id)
    award = round_award(panel, found)
    scales = {s.id: award.scale_of(s) for s in award.sections}
    assigned, conflicted = round_work(panel, found, judge)
    existing = {(r[0], r[1]): (r[2], r[3], r[4]) for r in panel.db.execute(
        "SELECT entry, section, value, comment, seq FROM round_scores WHERE award = ? AND "
        "round = ? AND judge = ?", [found.award, found.id, judge])}
    withdrawn = withdrawn_entries(panel, found)
    plan = RoundPlan(found.award, found.id, judge)
    plan.conflicts, declared, plan.withdrawn = declared_conflicts(
        panel, found, judge, key, conflicts or [], assigned, conflicted, withdrawn)
    for row in scores:
        owner, entry, section, value, comment, updated_at, signature, seq = row
        if owner != judge:
            raise RoundPackRefused(f"it holds a score by another judge (entry '{entry}')")
        check_written(entry, f"a score for section {section}", text=(comment, updated_at),
                      counter=seq, value=value)
        if score_signature(bound, panel.panel_id, judge, entry, section, value, comment,
                           updated_at, seq) != signature:
            raise mis_signed(panel, found, key, f"entry '{entry}', section {section}", "score",
                             signature, score_signature, panel.panel_id, judge, entry,
                             section, value, comment, updated_at, seq)
        if entry in declared:
            continue  # the judge declared a conflict with it: their scores do not count
        if entry in withdrawn:
            plan.withdrawn += 1
            continue
        if entry not in assigned or entry in conflicted:
            raise not_assigned(entry, found, "scores")
        scale = scales.get(section)
        if scale is None:
            raise RoundPackRefused(f"entry '{entry}': round '{found.id}' has no section "
                                   f"'{section}'")
        if value is not None and not scale.allows(float(value)):
            raise RoundPackRefused(f"entry '{entry}', section {section}: {value!r} is not on "
                                   f"the scale ({scale.describe()})")
        before = existing.get((entry, section))
        fields = (judge, entry, section, value, comment, updated_at, signature, seq)
        if before is not None and before[:2] == (value, comment):
            plan.unchanged += 1
        elif before is None:
            plan.new.append(fields)
        elif seq > int(before[2]):
            plan.changed.append(fields)
        else:
            plan.unchanged += 1
    _plan_reviews(panel, plan, found, key, reviews or [], assigned, conflicted, declared,
                  withdrawn)
    return plan


def _plan_reviews(panel: Store, plan: RoundPlan, found: Round, key: str,
                  reviews: list[tuple[Any, ...]], assigned: set[str], conflicted: set[str],
                  declared: set[str], withdrawn: set[str]) -> None:
    """The judge's overall reviews in a round pack: signed for the round, theirs, for their
    entries; a review newer than the panel's (by the judge's write counter) replaces it.
    A review of an entry declared in conflict does not count; one of an entry withdrawn
    from the round is counted as skipped."""
    bound = round_key(key, found.award, found.id)
    existing = {str(r[0]): tuple(r[1:]) for r in panel.db.execute(
        "SELECT entry, comment, tags, complete, seq FROM round_reviews WHERE award = ? "
        "AND round = ? AND judge = ?", [plan.award, plan.round, plan.judge])}
    for row in reviews:
        owner, entry, comment, tags, complete, updated_at, signature, seq = row
        if owner != plan.judge:
            raise RoundPackRefused(f"it holds a review by another judge (entry '{entry}')")
        check_written(entry, "an overall review", text=(comment, tags, updated_at),
                      counter=seq, flag=complete)
        if review_signature(bound, panel.panel_id, plan.judge, entry, comment, tags,
                            complete, updated_at, seq) != signature:
            raise mis_signed(panel, found, key, f"entry '{entry}'", "overall review",
                             signature, review_signature, panel.panel_id, plan.judge, entry,
                             comment, tags, complete, updated_at, seq)
        if entry in declared:
            continue  # the judge declared a conflict with it: their review does not count
        if entry in withdrawn:
            plan.withdrawn += 1
            continue
        before = existing.get(str(entry))
        if before is not None and before[:3] == (comment, tags, complete):
            continue
        if entry not in assigned or entry in conflicted:
            raise not_assigned(entry, found, "review")
        if before is None or seq > int(before[3]):
            plan.reviews.append((owner, entry, comment, tags, complete, updated_at, signature,
                                 seq))
