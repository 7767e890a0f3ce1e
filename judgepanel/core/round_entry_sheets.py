"""One entry in one round, as the chair reads it in the Results page's entry detail, and where
an award in rounds has got to, for the window's navigation line.

A later scored round: each judge's section scores and comments on the round's own sections
(a judge in conflict named with the reason, never their scores); a consensus round: the
panel's agreed score per section and the chair's note; a qualifying round: each judge's pass
or fail with the reason given. Every sheet carries the entry's path through the rounds
("Judging 2nd of 10 with 90.0; Final 1st of 3 with 90.0"). Plain reads: no Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from judgepanel.core.award_results import cached_results
from judgepanel.core.awards import Award
from judgepanel.core.consensus import consensus_sheet
from judgepanel.core.round_results import entry_path, round_result
from judgepanel.core.rounds import (
    Round,
    award_rounds,
    current_round,
    find_round,
    round_award,
    round_entries,
)
from judgepanel.core.store import Store
from judgepanel.core.totals import award_settings, totals_from_rows


@dataclass
class RoundJudgeSheet:
    """One judge's part in an entry in a later scored round."""

    judge: str
    conflict: str | None = None  # the reason, when the judge is in conflict
    scores: dict[str, tuple[float | None, str]] = field(default_factory=dict)
    comment: str = ""
    total: float | None = None  # out of 100; None when a section is missing


@dataclass
class RoundVote:
    """One judge's pass or fail in a qualifying round."""

    judge: str
    passed: bool
    reason: str = ""


@dataclass
class RoundEntrySheet:
    round: Round
    award: Award  # as the round judges it: its own sections, or the award's
    entry: str
    in_round: bool  # whether the entry was promoted into the round (and not withdrawn)
    judges: list[RoundJudgeSheet] = field(default_factory=list)
    votes: list[RoundVote] = field(default_factory=list)
    agreed: dict[str, float | None] = field(default_factory=dict)  # consensus: section → score
    note: str = ""  # consensus: the chair's note
    agreed_total: float | None = None  # consensus: the agreed scores' total out of 100
    path: str = ""


def entry_path_in(store: Store, award_id: str, entry_id: str) -> str:
    """The entry's way through the award's rounds so far ('' for a one-round award)."""
    rounds = award_rounds(store, award_id)
    if len(rounds) < 2:
        return ""
    return entry_path([round_result(store, award_id, r.id) for r in rounds], entry_id)


def round_entry_sheet(store: Store, award_id: str, round_id: str, entry_id: str
                      ) -> RoundEntrySheet:
    """What the round holds for one entry (see the module's docstring)."""
    found = find_round(store, award_id, round_id)
    award = round_award(store, found)
    members = {str(r[0]) for r in store.db.execute(
        "SELECT entry FROM round_entries WHERE award = ? AND round = ? AND status = 'in'",
        [award_id, found.id]).fetchall()}
    sheet = RoundEntrySheet(found, award, entry_id, found.first or entry_id in members,
                            path=entry_path_in(store, award_id, entry_id))
    conflicts = {int(r[0]): str(r[1] or "") or "no reason given" for r in store.db.execute(
        "SELECT judge, reason FROM conflicts WHERE entry = ?", [entry_id]).fetchall()}
    if found.kind == "consensus":
        agreed = consensus_sheet(store, award_id, found.id, entry_id)
        sheet.agreed, sheet.note = dict(agreed["scores"]), str(agreed["note"] or "")
        marks = [(0, "the panel", entry_id, section, value)
                 for section, value in sheet.agreed.items() if value is not None]
        totals = totals_from_rows(award, marks, _renormalise(award)) if marks else []
        sheet.agreed_total = totals[0].total if totals else None
        return sheet
    if found.kind == "qualifying":
        for judge, name, passed, reason in store.db.execute(
                "SELECT v.judge, j.name, v.passed, v.reason FROM round_votes v JOIN judges j "
                "ON j.id = v.judge WHERE v.award = ? AND v.round = ? AND v.entry = ? "
                "ORDER BY j.name", [award_id, found.id, entry_id]).fetchall():
            if int(judge) not in conflicts:
                sheet.votes.append(RoundVote(str(name), bool(passed), str(reason or "")))
        return sheet
    by_judge: dict[int, RoundJudgeSheet] = {}
    names = dict(store.db.execute("SELECT id, name FROM judges").fetchall())
    for judge, section, value, comment in store.db.execute(
            "SELECT judge, section, value, comment FROM round_scores WHERE award = ? AND "
            "round = ? AND entry = ? ORDER BY judge", [award_id, found.id, entry_id]).fetchall():
        column = by_judge.setdefault(int(judge), RoundJudgeSheet(str(names.get(judge, judge))))
        column.scores[str(section)] = (value, str(comment or ""))
    for judge, comment in store.db.execute(
            "SELECT judge, comment FROM round_reviews WHERE award = ? AND round = ? AND "
            "entry = ?", [award_id, found.id, entry_id]).fetchall() \
            if _has_table(store, "round_reviews") else []:
        column = by_judge.setdefault(int(judge), RoundJudgeSheet(str(names.get(judge, judge))))
        column.comment = str(comment or "")
    renormalise = _renormalise(award)
    for judge, column in sorted(by_judge.items(), key=lambda item: item[1].judge):
        if judge in conflicts:
            sheet.judges.append(RoundJudgeSheet(column.judge, conflicts[judge]))
            continue
        marks = [(judge, column.judge, entry_id, section, value)
                 for section, (value, _comment) in column.scores.items() if value is not None]
        totals = totals_from_rows(award, marks, renormalise) if marks else []
        column.total = totals[0].total if totals else None
        sheet.judges.append(column)
    return sheet


def _renormalise(award: Award) -> bool:
    return bool(award_settings(award)["incomplete"] == "renormalise")


def _has_table(store: Store, name: str) -> bool:
    return store.db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                            [name]).fetchone() is not None


@dataclass(frozen=True)
class RoundsProgress:
    """Where an award judged in rounds has got to: its current round (the first open one,
    or the last when all are closed), the round before it, the entries in the current round
    and how many have a result there (ranked; agreed in a consensus round; decided by every
    vote so far in a qualifying round)."""

    current: Round
    before: Round | None
    entries: int
    done: int | None  # None: the first round's ranking is not worked out yet (a large award)
    all_closed: bool


def rounds_progress(store: Store, award_id: str, analyse_up_to: int = 300
                    ) -> RoundsProgress | None:
    """None for an award judged in one round (its progress is the first round's ranking).
    A current first round of more than `analyse_up_to` entries is counted only when its
    analysis is already worked out (the Results page works it out in the background)."""
    rounds = award_rounds(store, award_id)
    if len(rounds) < 2:
        return None
    found = current_round(rounds)
    before = rounds[found.position - 1] if found.position > 0 else None
    closed = all(r.closed for r in rounds)
    if found.first and found.kind == "scored" and cached_results(store, award_id) is None:
        members = round_entries(store, found)
        if len(members) > analyse_up_to:
            return RoundsProgress(found, before, len(members), None, closed)
    result = round_result(store, award_id, found.id)
    if found.kind == "qualifying":
        done = sum(1 for line in result.lines if line.judges)
    else:
        done = sum(1 for line in result.lines if line.rank is not None)
    return RoundsProgress(found, before, len(result.lines), done, closed)
