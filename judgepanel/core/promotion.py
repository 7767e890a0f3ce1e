"""Promotion: entries move from one round into the next, each move with a reason and who.

An entry reaches a round by the top N of the round before it, by a score threshold, by the
qualifying rule of a qualifying round before it, or by the chair's choice (which also adds an
entry by hand). An entry can be withdrawn from a round, with a reason. Ties at a top-N
cut-off are refused, naming the tied entries, so the chair decides; they are never broken
silently. Every promotion, addition and withdrawal is one audit record.
"""

from __future__ import annotations

from dataclasses import dataclass

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.round_results import RoundLine, round_result
from judgepanel.core.rounds import Round, award_rounds, find_round, round_entries
from judgepanel.core.store import Store, now


@dataclass(frozen=True)
class Cutoff:
    """What a top-N promotion would take, and the entries tied across the cut-off."""

    promoted: list[str]
    tied: list[RoundLine]


def _reason(reason: str) -> str:
    if not reason or not reason.strip():
        raise JudgePanelError("please give a reason: every promotion and withdrawal needs one")
    return reason.strip()


def previous_round(store: Store, award_id: str, to_round: Round) -> Round:
    rounds = award_rounds(store, award_id)
    if to_round.position == 0:
        raise JudgePanelError(f"round '{to_round.id}' is the first round of award "
                              f"'{award_id}': every entry is in it; promote into a later round")
    return rounds[to_round.position - 1]


def top_cutoff(lines: list[RoundLine], top: int) -> Cutoff:
    """The first `top` ranked entries, and any entries sharing the rank at the cut-off."""
    ranked = [line for line in lines if line.rank is not None]
    if top < 1:
        raise JudgePanelError(f"--top must be 1 or more, not {top}")
    taken = ranked[:top]
    if len(ranked) <= top or not taken:
        return Cutoff([line.entry for line in taken], [])
    edge = taken[-1].rank
    tied = [line for line in ranked if line.rank == edge]
    if ranked[top].rank != edge:
        tied = []
    return Cutoff([line.entry for line in taken], tied)


def promote(store: Store, award_id: str, to_round: str, reason: str, who: str = "",
            top: int | None = None, min_score: float | None = None,
            entries: list[str] | None = None) -> list[str]:
    """Move entries into `to_round` and return the ones newly promoted (in rank order).

    With none of top, min_score or entries, the round before must be a qualifying round and
    its rule decides."""
    reason = _reason(reason)
    chosen = [x for x in (top is not None, min_score is not None, bool(entries)) if x]
    if len(chosen) > 1:
        raise JudgePanelError("promote by one rule at a time: --top, --min-score or --entry")
    with store.transaction():
        target = find_round(store, award_id, to_round)
        if target.closed:
            raise JudgePanelError(f"round '{target.id}' of award '{award_id}' is closed; "
                                  "nothing can be promoted into it")
        source = previous_round(store, award_id, target)
        result = round_result(store, award_id, source.id)
        in_source = {line.entry for line in result.lines}
        if top is not None:
            rule = f"top {top}"
            cut = top_cutoff(result.lines, top)
            if cut.tied:
                names = ", ".join(f"{line.entry} ({line.score:.2f})" for line in cut.tied
                                  if line.score is not None)
                raise JudgePanelError(
                    f"the top {top} of round '{source.id}' ends in a tie at rank "
                    f"{cut.tied[0].rank}: {names}; promote a different number (--top), or "
                    "choose the entries (--entry) with a reason; nothing was promoted")
            picked = cut.promoted
        elif min_score is not None:
            rule = f"score at least {min_score:g}"
            if source.kind == "qualifying":
                raise JudgePanelError(f"round '{source.id}' is a qualifying round (passes, "
                                      "not scores); promote by its rule or by --entry")
            picked = [line.entry for line in result.lines
                      if line.score is not None and line.score >= min_score - 1e-9]
        elif entries:
            rule = "chair's choice"
            known = {str(row[0]) for row in store.db.execute(
                "SELECT id FROM entries WHERE award = ?", [award_id]).fetchall()}
            unknown = [e for e in entries if e not in known]
            if unknown:
                raise JudgePanelError(f"{store.path}: no entry {', '.join(unknown)} in award "
                                      f"'{award_id}'; nothing was promoted")
            picked = list(dict.fromkeys(entries))
        else:
            if source.kind != "qualifying":
                raise JudgePanelError("say how to promote: --top N, --min-score X or "
                                      "--entry ID (the qualifying rule needs a qualifying "
                                      f"round before; round '{source.id}' is {source.kind})")
            rule = f"qualifying rule ({source.pass_rule})"
            picked = [line.entry for line in result.lines if line.goes_through]
        already = set(round_entries(store, target))
        new = [entry for entry in picked if entry not in already]
        at = now()
        for entry in new:
            store.db.execute(
                "INSERT INTO round_entries(award, round, entry, status, reason, decided_by, "
                "decided_at) VALUES (?,?,?,'in',?,?,?) ON CONFLICT(award, round, entry) DO "
                "UPDATE SET status = 'in', reason = excluded.reason, "
                "decided_by = excluded.decided_by, decided_at = excluded.decided_at",
                [award_id, target.id, entry, reason, who, at])
        added = [entry for entry in new if entry not in in_source]
        store.audit("promoted", {"award": award_id, "from": source.id, "to": target.id,
                                 "rule": rule, "entries": new, "added_by_hand": added,
                                 "reason": reason}, who=who)
        return new


def withdraw(store: Store, award_id: str, round_id: str, entry_id: str, reason: str,
             who: str = "") -> None:
    """Take an entry out of a round (and so out of its packs, results and later rounds). Its
    judges' assignments in that round go too (named in the audit record), so a pack returned
    afterwards brings nothing back for it (the merge counts such records, skipped)."""
    reason = _reason(reason)
    with store.transaction():
        found = find_round(store, award_id, round_id)
        if entry_id not in round_entries(store, found):
            raise JudgePanelError(f"{store.path}: entry '{entry_id}' is not in round "
                                  f"'{round_id}' of award '{award_id}'")
        store.db.execute(
            "INSERT INTO round_entries(award, round, entry, status, reason, decided_by, "
            "decided_at) VALUES (?,?,?,'withdrawn',?,?,?) ON CONFLICT(award, round, entry) "
            "DO UPDATE SET status = 'withdrawn', reason = excluded.reason, "
            "decided_by = excluded.decided_by, decided_at = excluded.decided_at",
            [award_id, found.id, entry_id, reason, who, now()])
        if found.first and not store.db.execute(
                "SELECT 1 FROM rounds WHERE award = ?", [award_id]).fetchone():
            store.db.execute("INSERT INTO rounds(award, id, position, name, kind) "
                             "VALUES (?,?,?,?,?)",
                             [award_id, found.id, 0, found.name, found.kind])
        if found.first:  # the first round keeps its assignments where a one-round award did
            where: list[str] = [entry_id]
            table, match = "assignments", "entry = ?"
        else:
            where = [award_id, found.id, entry_id]
            table, match = "round_assignments", "award = ? AND round = ? AND entry = ?"
        unassigned = [str(r[0]) for r in store.db.execute(
            f"SELECT j.name FROM {table} JOIN judges j ON j.id = judge WHERE {match} "
            "ORDER BY j.name", where)]
        store.db.execute(f"DELETE FROM {table} WHERE {match}", where)
        store.audit("withdrawn from round", {"award": award_id, "round": found.id,
                                             "entry": entry_id, "reason": reason,
                                             "unassigned": unassigned}, who=who)
