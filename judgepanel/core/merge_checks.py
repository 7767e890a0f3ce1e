"""Checking a returned pack against the panel: what merging it would write, or why not.

Every record must be the pack's judge's, signed with their key, for an entry of this panel
assigned to them and not in conflict, on its section's scale, with a time and write counter
JudgePanel writes; a later return supersedes an earlier one value by value by the judge's
write counter (`seq`). A pack that would change a closed round is refused, saying which
round. A record for an entry withdrawn from the first round since the pack was made is
skipped and counted; a later round's pack is checked by core/round_returns.py and
core/qualifying_packs.py. core/merge.py runs the checks and writes the plans.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from judgepanel.core.awards import Scale, panel_awards
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.qualifying_packs import (
    VotePlan,
    is_qualifying_pack,
    plan_qualifying_pack,
)
from judgepanel.core.returned_packs import PackRefused, ReturnedPack
from judgepanel.core.round_returns import RoundPackRefused, RoundPlan, plan_round_pack
from judgepanel.core.scoring import conflict_signature, review_signature
from judgepanel.core.store import PANEL, Store
from judgepanel.core.totals import scale_refusal

ScoreKey = tuple[int, str, str]  # judge, entry, section

# The canonical JSON of scoring.sign, written out directly: verifying 100,000 signatures is
# most of a merge's work. tests/core/test_merge.py proves the two agree.
_TEXT = json.encoder.encode_basestring


def score_verifier(key: str, panel_id: str, judge: int) -> Callable[..., str]:
    """A fast `score_signature` for one judge: (entry, section, value, comment, at) -> hex."""
    keyed = hmac.new(bytes.fromhex(key), digestmod=hashlib.sha256)  # the key's pads, once
    head = f'["score",{_TEXT(panel_id)},{int(judge)},'

    def signature(entry: str, section: str, value: float | None, comment: str,
                  updated_at: str, seq: int = 0) -> str:
        number = "null" if value is None else float.__repr__(float(value))
        tail = f",{int(seq)}]" if seq else "]"
        payload = (f"{head}{_TEXT(entry)},{_TEXT(section)},{number},{_TEXT(comment)},"
                   f"{_TEXT(updated_at)}{tail}")
        mac = keyed.copy()
        mac.update(payload.encode("utf-8"))
        return mac.hexdigest()

    return signature


@dataclass
class MergeResult:
    """One returned pack: what merging it did (or would do), or why it was refused."""

    file: Path
    judge: str = ""
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    conflicts: int = 0  # conflicts of interest the judge declared that are new to the panel
    reviews: int = 0  # overall comments / complete marks new or changed
    refused: str = ""  # the reason, when the file was refused; empty when it merged
    sha256: str = ""
    older: int = 0  # values older than the panel's (from a return already merged): kept
    counter: int = 0  # the highest write counter in the pack
    withdrawn: int = 0  # records for entries withdrawn from the pack's round: not merged

    @property
    def ok(self) -> bool:
        return not self.refused

    def line(self) -> str:
        """One line for the CLI and the merge summary."""
        if self.refused:
            return f"{self.file.name}: refused: {self.refused}"
        extra = f", {self.conflicts} conflict(s) declared" if self.conflicts else ""
        if self.older:
            extra += (f"; this return is older than one already merged: {self.older} "
                      "value(s) the judge changed later were kept as the panel has them")
        if self.withdrawn:
            extra += f"; {self.withdrawn} records for withdrawn entries not merged"
        return (f"{self.file.name} ({self.judge}): {self.new} new, {self.changed} changed, "
                f"{self.unchanged} unchanged score(s){extra}")


@dataclass
class PanelView:
    """What the checks need from the panel, read once per run and kept current as it goes."""

    panel: Store
    panel_id: str
    entries: dict[str, str]  # entry -> award
    scales: dict[tuple[str, str], Scale]  # (award, section) -> scale
    judges: dict[int, tuple[str, str]]  # id -> (name, pack key)
    conflicts: set[tuple[int, str]]
    assigned: set[tuple[int, str]]
    scores: dict[ScoreKey, tuple[Any, ...]] = field(default_factory=dict)
    reviews: dict[tuple[int, str], tuple[Any, ...]] = field(default_factory=dict)
    loaded: set[int] = field(default_factory=set)  # judges whose records are in memory
    closed_rounds: dict[str, tuple[str, str]] = field(default_factory=dict)  # award -> round
    withdrawn: set[str] = field(default_factory=set)  # entries withdrawn from the first round
    _assigned_to: dict[int, set[str]] | None = None  # `assigned` by judge, built when first asked

    @classmethod
    def read(cls, panel: Store) -> PanelView:
        if panel.kind != PANEL:
            raise JudgePanelError(f"{panel.path}: returned packs merge into a panel, not a pack")
        scales = {(a.id, s.id): a.scale_of(s) for a in panel_awards(panel) for s in a.sections}
        conn = panel.db.conn
        return cls(
            panel=panel, panel_id=panel.panel_id,
            entries=dict(conn.execute("SELECT id, award FROM entries").fetchall()),
            scales=scales,
            judges={r[0]: (r[1], r[2]) for r in conn.execute(
                "SELECT id, name, pack_key FROM judges")},
            conflicts={(r[0], r[1]) for r in conn.execute("SELECT judge, entry FROM conflicts")},
            assigned={(r[0], r[1]) for r in conn.execute(
                "SELECT judge, entry FROM assignments")} | _packed(panel),
            closed_rounds={r[0]: (r[1], r[2]) for r in conn.execute(
                "SELECT award, id, name FROM rounds WHERE position = 0 AND "
                "state = 'closed'")},
            withdrawn={str(r[0]) for r in conn.execute(
                "SELECT w.entry FROM round_entries w JOIN rounds r ON r.award = w.award AND "
                "r.id = w.round AND r.position = 0 WHERE w.status = 'withdrawn'")})

    def assigned_to(self, judge: int) -> set[str]:
        """The entries `assigned` holds for one judge (an index built once per run)."""
        if self._assigned_to is None:
            self._assigned_to = {}
            for owner, entry in self.assigned:
                self._assigned_to.setdefault(owner, set()).add(entry)
        return self._assigned_to.get(judge, set())

    def record_conflict(self, judge: int, entry: str) -> None:
        """A conflict merged: the judge is in conflict with the entry and no longer has it."""
        self.conflicts.add((judge, entry))
        self.assigned.discard((judge, entry))
        if self._assigned_to is not None:
            self._assigned_to.get(judge, set()).discard(entry)

    def load_judge(self, judge: int) -> None:
        """The judge's records already in the panel, to compare returned ones against."""
        if judge in self.loaded:
            return
        conn = self.panel.db.conn
        for row in conn.execute("SELECT entry, section, value, comment, updated_at, seq "
                                "FROM scores WHERE judge = ?", [judge]):
            self.scores[(judge, row[0], row[1])] = row[2:]
        for row in conn.execute("SELECT entry, comment, tags, complete, updated_at, seq "
                                "FROM reviews WHERE judge = ?", [judge]):
            self.reviews[(judge, row[0])] = row[1:]
        self.loaded.add(judge)


def _packed(panel: Store) -> set[tuple[int, str]]:
    """(judge, entry) for every entry a pack made by this panel handed to its judge and the
    coordinator has not unassigned since, from the panel's own audit records: a conflict
    recorded and then withdrawn in error still lets that pack's work in."""
    names = {name: judge for judge, name in panel.db.execute("SELECT id, name FROM judges")}
    packed: set[tuple[int, str]] = set()
    for action, detail in panel.db.execute(
            "SELECT action, detail FROM audit WHERE action IN ('pack made', 'entry unassigned') "
            "ORDER BY id"):
        try:
            record = json.loads(detail)
            if action == "pack made":
                judge = int(record["judge_id"])
                packed.update((judge, str(entry)) for entry in record["entry_ids"])
            else:
                judge = int(record.get("judge_id") or names[record["judge"]])
                packed.discard((judge, str(record["entry"])))
        except (ValueError, KeyError, TypeError):
            continue  # a pack made before JudgePanel recorded its entries
    return packed


@dataclass
class MergePlan:
    """What merging one pack will write, worked out before anything is written."""

    result: MergeResult
    judge: int
    new_scores: list[tuple[Any, ...]] = field(default_factory=list)
    changed_scores: list[tuple[Any, ...]] = field(default_factory=list)
    reviews: list[tuple[Any, ...]] = field(default_factory=list)
    conflicts: list[tuple[Any, ...]] = field(default_factory=list)
    round_plan: RoundPlan | VotePlan | None = None  # a later round's pack (core/round_packs.py,
    # core/qualifying_packs.py)


def _time(text: Any, where: str) -> datetime:
    """A record's time as JudgePanel writes it (ISO 8601 with its zone), or a refusal."""
    try:
        if not isinstance(text, str) or len(text) > 40:
            raise ValueError(text)
        stamp = datetime.fromisoformat(text)
        if stamp.tzinfo is None:
            raise ValueError(text)
    except ValueError:
        raise PackRefused(f"{where}: {str(text)[:40]!r} is not a time JudgePanel writes "
                       "(altered outside JudgePanel?)") from None
    return stamp


def _counter(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise PackRefused(f"{where}: its write counter {str(value)[:20]!r} is damaged")
    return value


def _newer(seq: int, at: datetime, before_seq: int, before_at: str) -> bool:
    """Whether a returned value is later than the panel's: by the judge's write counter, or by
    time where either was written before the counter existed."""
    if seq != before_seq:
        return seq > before_seq  # and a counted write is later than any uncounted one
    try:
        return at > datetime.fromisoformat(before_at)
    except (TypeError, ValueError):
        return True  # the panel's own time is unreadable: the signed return wins




def plan_pack(view: PanelView, pack: ReturnedPack) -> MergePlan:
    """Check every record of the pack against the panel and decide what to write."""
    try:
        return _checked_plan(view, pack)
    except (TypeError, ValueError, AttributeError) as exc:  # a value of a type we never write
        raise PackRefused(f"it holds a record JudgePanel could not have written ({exc})") from None


def _checked_plan(view: PanelView, pack: ReturnedPack) -> MergePlan:
    meta = pack.meta
    if meta.get("panel_id") != view.panel_id:
        raise PackRefused(f"this pack comes from another panel "
                       f"('{meta.get('panel_title') or meta.get('title', '')}'), not this one")
    judge = int(meta["judge_id"])
    name = meta.get("judge_name", "")
    if judge not in view.judges:
        raise PackRefused(f"its judge ({name}) is not a judge of this panel")
    panel_name, key = view.judges[judge]
    pack_keys = {row[0]: row[2] for row in pack.judges}
    if pack_keys.get(judge) != key:
        raise PackRefused(f"its judge's key differs from {panel_name}'s key in this panel (a pack "
                       "made for an earlier judge of that name?); issue a new pack")
    if meta.get("round"):
        return _round_plan(view, pack, judge, panel_name, key)
    view.load_judge(judge)
    _check_round_open(view, pack, judge)
    plan = MergePlan(MergeResult(pack.path, judge=panel_name, sha256=pack.sha256), judge)
    plan.result.counter = max([0, *(_counter(r[7], f"entry '{r[1]}'") for r in pack.scores),
                               *(_counter(r[7], f"entry '{r[1]}'") for r in pack.reviews)])
    arriving = _check_conflicts(view, pack, judge, key, plan)
    _check_scores(view, pack, judge, key, arriving, plan)
    _check_reviews(view, pack, judge, key, arriving, plan)
    return plan


def _round_plan(view: PanelView, pack: ReturnedPack, judge: int, name: str, key: str) -> MergePlan:
    """A later round's pack: its scores and overall reviews go to that round; a
    qualifying round's votes to that round's votes (core/qualifying_packs.py)."""
    found: RoundPlan | VotePlan
    try:
        if is_qualifying_pack(view.panel, pack.meta):
            found = plan_qualifying_pack(view.panel, pack.meta, judge, key, pack.votes,
                                         pack.scores, pack.conflicts)
        else:
            found = plan_round_pack(view.panel, pack.meta, judge, key, pack.scores,
                                    pack.reviews, pack.conflicts, pack.votes)
    except RoundPackRefused as exc:
        raise PackRefused(str(exc)) from None
    result = MergeResult(pack.path, judge=name, sha256=pack.sha256, new=len(found.new),
                         changed=len(found.changed), unchanged=found.unchanged,
                         reviews=len(getattr(found, "reviews", [])),
                         conflicts=len(found.conflicts), withdrawn=found.withdrawn)
    return MergePlan(result, judge, round_plan=found)


def _check_round_open(view: PanelView, pack: ReturnedPack, judge: int) -> None:
    """A pack that would change a closed round is refused, saying which round
    (core/rounds.py). A first-round pack spans its judge's awards: its records for an award
    whose round is closed may come back as the panel already has them (the judge's other
    awards still merge), and a declared conflict always counts."""
    if not view.closed_rounds:
        return  # no round is closed: nothing here can be refused
    unchanged_scores = {(row[1], row[2]) for row in pack.scores
                        if view.scores.get((judge, row[1], row[2]), (None,) * 4)[:2]
                        == (row[3], row[4]) and (judge, row[1], row[2]) in view.scores}
    unchanged_reviews = {row[1] for row in pack.reviews
                         if view.reviews.get((judge, row[1]), (None,) * 5)[:3]
                         == (row[2], row[3], row[4]) and (judge, row[1]) in view.reviews}
    changing = [row for row in pack.scores if (row[1], row[2]) not in unchanged_scores] + \
        [row for row in pack.reviews if row[1] not in unchanged_reviews]
    changing = [row for row in changing if row[1] not in view.withdrawn]
    for row in changing:
        award = view.entries.get(row[1])
        if award in view.closed_rounds:
            round_id, name = view.closed_rounds[award]
            raise PackRefused(f"this pack belongs to round '{round_id}' ({name}) of award "
                           f"'{award}', which is closed; nothing from it can be merged")


def _entry_award(view: PanelView, entry: str) -> str:
    award = view.entries.get(entry)
    if award is None:
        raise PackRefused(f"entry '{entry}' is not in this panel")
    return award


def _check_conflicts(view: PanelView, pack: ReturnedPack, judge: int, key: str,
                     plan: MergePlan) -> set[tuple[int, str]]:
    arriving: set[tuple[int, str]] = set()
    for owner, entry, reason, declared_by, created_at, signature in pack.conflicts:
        if declared_by != "judge":
            continue  # only a judge's own, signed declarations travel back
        if owner != judge:
            raise PackRefused(f"it holds a conflict of interest of another judge (entry '{entry}')")
        _entry_award(view, entry)
        _time(created_at, f"entry '{entry}': the conflict of interest")
        if (judge, entry) not in view.assigned and (judge, entry) not in view.conflicts \
                and entry not in view.withdrawn:
            raise PackRefused(_not_assigned(view, judge, entry, "conflict of interest"))
        expected = conflict_signature(key, view.panel_id, judge, entry, reason, created_at)
        if expected != signature:
            raise PackRefused(f"entry '{entry}': the conflict of interest was altered outside "
                           "JudgePanel (its signature does not match)")
        if (judge, entry) not in view.conflicts:
            if entry in view.withdrawn:
                plan.result.withdrawn += 1  # withdrawn from the round: not merged
                continue
            plan.conflicts.append((judge, entry, reason, "judge", created_at, signature))
            arriving.add((judge, entry))
    plan.result.conflicts = len(plan.conflicts)
    return arriving


def _check_scores(view: PanelView, pack: ReturnedPack, judge: int, key: str,
                  arriving: set[tuple[int, str]], plan: MergePlan) -> None:
    """Check each score and sort it into new, changed (newer than the panel's) or unchanged.

    This loop runs once per score (100,000 in the benchmark), hence the local names.
    """
    existing, entries, withdrawn = view.scores, view.entries, view.withdrawn
    signed = score_verifier(key, view.panel_id, judge)
    blocked = {e for j, e in view.conflicts if j == judge} | {e for _, e in arriving}
    assigned = view.assigned_to(judge)
    allowed: set[tuple[str, str, Any]] = set()
    new, changed = plan.new_scores, plan.changed_scores
    unchanged = older = skipped = 0
    times: dict[str, datetime] = {}
    for row in pack.scores:
        owner, entry, section, value, comment, updated_at, signature, seq = row
        if owner != judge:
            raise PackRefused(f"it holds a score by another judge (entry '{entry}')")
        award = entries.get(entry)
        if award is None:
            raise PackRefused(f"entry '{entry}' is not in this panel")
        if (award, section, value) not in allowed:  # each distinct value is checked once
            _on_scale(view, entry, award, section, value)
            allowed.add((award, section, value))
        at = times.get(updated_at)
        if at is None:
            at = times[updated_at] = _time(updated_at, f"entry '{entry}', section {section}")
        if signed(entry, section, value, comment, updated_at, seq) != signature:
            raise PackRefused(f"entry '{entry}', section {section}: the score was altered outside "
                           "JudgePanel (its signature does not match)")
        if entry in withdrawn:
            skipped += 1  # withdrawn from the round since the pack was made: not merged
            continue
        if entry in blocked:
            raise PackRefused(
                f"entry '{entry}': {view.judges[judge][0]} has a conflict of interest with "
                "this entry, so their scores for it cannot be accepted; ask them to declare "
                "the conflict in their pack, or remove the conflict in the panel")
        before = existing.get((judge, entry, section))
        if before is not None and before[0] == value and before[1] == comment:
            unchanged += 1  # the same as the panel has (a re-merge)
        elif entry not in assigned:
            raise PackRefused(_not_assigned(view, judge, entry, "scores"))
        elif before is None:
            new.append(row)
        elif _newer(seq, at, before[3], before[2]):
            changed.append((value, comment, updated_at, signature, seq, judge, entry, section))
        else:
            older += 1  # the judge changed it later, in a return already merged
            unchanged += 1
    plan.result.new, plan.result.changed = len(new), len(changed)
    plan.result.unchanged, plan.result.older = unchanged, older
    plan.result.withdrawn += skipped


def _not_assigned(view: PanelView, judge: int, entry: str, what: str) -> str:
    return (f"entry '{entry}' is not assigned to {view.judges[judge][0]} in this panel, so "
            f"their {what} for it cannot be accepted (a pack may change only its own "
            "judge's assigned entries)")


def _on_scale(view: PanelView, entry: str, award: str, section: str, value: Any) -> None:
    """Refuse an unknown section, or a value off its scale or step (or not a number)."""
    scale = view.scales.get((award, section))
    if scale is None:
        raise PackRefused(f"entry '{entry}': award '{award}' has no section '{section}' "
                       "in this panel")
    if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)
                              or not scale.allows(value)):
        shown = (scale_refusal(value, scale) if isinstance(value, int | float)
                 and not isinstance(value, bool) else f"{value!r} is not a score on this "
                 f"section's scale ({scale.describe()})")
        raise PackRefused(f"entry '{entry}', section {section}: {shown}")


def _check_reviews(view: PanelView, pack: ReturnedPack, judge: int, key: str,
                   arriving: set[tuple[int, str]], plan: MergePlan) -> None:
    for row in pack.reviews:
        owner, entry, comment, tags, complete, updated_at, signature, seq = row
        if owner != judge:
            raise PackRefused(f"it holds a review by another judge (entry '{entry}')")
        _entry_award(view, entry)
        at = _time(updated_at, f"entry '{entry}': the overall review")
        expected = review_signature(key, view.panel_id, judge, entry, comment, tags, complete,
                                    updated_at, seq)
        if expected != signature:
            raise PackRefused(f"entry '{entry}': the overall review was altered outside "
                           "JudgePanel (its signature does not match)")
        if entry in view.withdrawn:
            plan.result.withdrawn += 1  # withdrawn from the round: not merged
            continue
        if (judge, entry) in view.conflicts or (judge, entry) in arriving:
            raise PackRefused(f"entry '{entry}': {view.judges[judge][0]} has a conflict of "
                           "interest with this entry, so their review of it cannot be accepted")
        before = view.reviews.get((judge, entry))
        if before is not None and before[:3] == (comment, tags, complete):
            continue
        if (judge, entry) not in view.assigned:
            raise PackRefused(_not_assigned(view, judge, entry, "overall review"))
        if before is None or _newer(seq, at, before[4], before[3]):
            plan.reviews.append(row)
        else:
            plan.result.older += 1
    plan.result.reviews = len(plan.reviews)
