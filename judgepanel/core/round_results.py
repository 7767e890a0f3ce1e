"""Each round's result, and the award's final result across its rounds.

The first scored round of an award is the award's own analysis (award_results: the award's
method, flags and tie-break order), so a one-round award ranks exactly as it always did. A
later scored round ranks its entries by the mean of its judges' exact 0–100 totals on the
round's own sections; a consensus round by the 0–100 total of the agreed section scores; a
qualifying round by its number of passes, with its rule saying who goes through. Entries the
values cannot separate are split only by the `round:ID` steps of the award's declared
tie-break order (that earlier round's place); what they cannot separate shares a rank and
carries the flag `tie`; nothing is broken silently.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from judgepanel.core.award_results import award_results
from judgepanel.core.awards import panel_award
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.recorded_decisions import placements
from judgepanel.core.rounds import Round, award_rounds, find_round, round_award, round_entries
from judgepanel.core.store import Store
from judgepanel.core.totals import award_settings, totals_from_rows


@dataclass
class RoundLine:
    """One entry's line in a round's table."""

    rank: int | None
    entry: str
    title: str
    score: float | None  # 0–100, or the number of passes in a qualifying round
    judges: int
    flags: list[str] = field(default_factory=list)
    passes: int | None = None
    fails: int | None = None
    goes_through: bool | None = None  # qualifying rounds: whether the rule lets it through
    placement: str | None = None


@dataclass
class RoundResult:
    award: str
    round: Round
    lines: list[RoundLine]
    method: str

    def line(self, entry_id: str) -> RoundLine | None:
        return next((line for line in self.lines if line.entry == entry_id), None)

    def as_json(self) -> dict[str, Any]:
        return {"award": self.award, "round": self.round.id, "kind": self.round.kind,
                "method": self.method,
                "entries": [{"rank": x.rank, "entry": x.entry, "title": x.title,
                             "score": x.score, "judges": x.judges, "flags": list(x.flags),
                             "passes": x.passes, "fails": x.fails,
                             "goes_through": x.goes_through, "placement": x.placement,
                             "round": self.round.id} for x in self.lines]}


def _titles(store: Store, award_id: str) -> dict[str, str]:
    return dict(store.db.execute("SELECT id, title FROM entries WHERE award = ?",
                                 [award_id]).fetchall())


# A declared tie-break step for a later round: its name and, worked out only when a tie
# needs it, each entry's value under it (higher first).
Breaker = tuple[str, Callable[[], dict[str, Fraction]]]


def _ranked(values: dict[str, Fraction], entries: list[str],
            breakers: list[Breaker] | None = None) -> list[tuple[int | None, str, bool]]:
    """Rank by value, highest first; equal values are split by the breakers in order, and
    what they cannot split shares a rank (True: tied)."""
    scored = sorted((e for e in entries if e in values), key=lambda e: -values[e])
    ranked: list[tuple[int | None, str, bool]] = []
    for part in (p for group in _level(scored, values) for p in _split(group, breakers or [])):
        ranked += [(len(ranked) + 1, entry, len(part) > 1) for entry in part]
    ranked += [(None, e, False) for e in entries if e not in values]
    return ranked


def _level(ordered: list[str], values: dict[str, Fraction]) -> list[list[str]]:
    """Entries already in order of value, in runs of equal value."""
    runs: list[list[str]] = []
    for entry in ordered:
        if runs and values[runs[-1][0]] == values[entry]:
            runs[-1].append(entry)
        else:
            runs.append([entry])
    return runs


def _split(group: list[str], breakers: list[Breaker]) -> list[list[str]]:
    """A tied group split by the first breaker that has a value for every entry in it, then
    by the next ones; a breaker missing any of them cannot decide and is passed over."""
    if len(group) < 2 or not breakers:
        return [group]
    (_name, values_of), rest = breakers[0], breakers[1:]
    values = values_of()
    if any(entry not in values for entry in group):
        return _split(group, rest)
    ordered = sorted(group, key=lambda e: -values[e])
    return [part for run in _level(ordered, values) for part in _split(run, rest)]


def _round_breakers(store: Store, award_id: str, before: int | None,
                    known: dict[str, RoundResult] | None = None) -> list[Breaker]:
    """The `round:ID` steps of the award's tie-break order that may rank a later round (the
    rounds before position `before`) or, with None, the final result (any round): each
    entry's place in that round, the better place first."""
    order = award_settings(panel_award(store, award_id))["tie_break"]
    named = [c.removeprefix("round:") for c in order if c.startswith("round:")]
    if not named:
        return []
    rounds = {r.id: r for r in award_rounds(store, award_id)}
    breakers: list[Breaker] = []
    for round_id in named:
        found = rounds.get(round_id)
        if found is None or (before is not None and found.position >= before):
            continue
        breakers.append((f"round:{round_id}", _places(store, award_id, round_id, known)))
    return breakers


def _places(store: Store, award_id: str, round_id: str,
            known: dict[str, RoundResult] | None) -> Callable[[], dict[str, Fraction]]:
    worked: list[dict[str, Fraction]] = []

    def places() -> dict[str, Fraction]:
        if not worked:
            result = (known or {}).get(round_id) or round_result(store, award_id, round_id)
            worked.append({x.entry: Fraction(-x.rank) for x in result.lines
                           if x.rank is not None})
        return worked[0]
    return places


def passes_rule(rule: str, passes: int, votes: int) -> bool:
    """Whether a qualifying rule lets an entry through on its passes out of its votes."""
    if votes == 0:
        return False
    if rule == "all":
        return passes == votes
    if rule == "majority":
        return passes * 2 > votes
    return passes >= int(rule)


def round_result(store: Store, award_id: str, round_id: str | None = None) -> RoundResult:
    """A round's table (default: the award's current round)."""
    found = find_round(store, award_id, round_id)
    titles = _titles(store, award_id)
    places = placements(store)
    members = round_entries(store, found)
    if found.first and found.kind == "scored":
        results = award_results(store, award_id)
        ranking = results.ranking()
        inside = set(members)
        lines = [RoundLine(e.rank, e.entry, e.title, e.score, e.judges, list(e.flags),
                           placement=e.placement)
                 for e in ranking.entries if e.entry in inside]
        return RoundResult(award_id, found, lines, ranking.method)
    if found.kind == "qualifying":
        return _qualifying(store, found, members, titles, places)
    award = round_award(store, found)
    renormalise = award_settings(award)["incomplete"] == "renormalise"
    conflict = ("NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.judge = s.judge AND "
                "c.entry = s.entry)")
    if found.kind == "consensus":
        rows = store.db.execute(
            "SELECT 0, 'the panel', entry, section, value FROM consensus_scores WHERE "
            "award = ? AND round = ? AND value IS NOT NULL", [award_id, found.id]).fetchall()
        method = "consensus"
    else:
        rows = store.db.execute(
            "SELECT s.judge, j.name, s.entry, s.section, s.value FROM round_scores s "
            "JOIN judges j ON j.id = s.judge WHERE "
            f"s.award = ? AND s.round = ? AND s.value IS NOT NULL AND {conflict}",
            [award_id, found.id]).fetchall()
        method = "mean"
    inside = set(members)
    totals = [t for t in totals_from_rows(award, [r for r in rows if r[2] in inside],
                                          renormalise) if t.exact is not None]
    by_entry: dict[str, list[Fraction]] = {}
    for total in totals:
        by_entry.setdefault(total.entry, []).append(total.exact or Fraction(0))
    values = {entry: sum(found_totals, Fraction(0)) / len(found_totals)
              for entry, found_totals in by_entry.items()}
    lines = [RoundLine(rank, entry, titles.get(entry, ""),
                       float(values[entry]) if entry in values else None,
                       0 if found.kind == "consensus" else len(by_entry.get(entry, [])),
                       ["tie"] if tied else [], placement=places.get(entry))
             for rank, entry, tied in _ranked(
                 values, members, _round_breakers(store, award_id, found.position))]
    return RoundResult(award_id, found, lines, method)


def _qualifying(store: Store, found: Round, members: list[str], titles: dict[str, str],
                places: dict[str, str]) -> RoundResult:
    counts: dict[str, tuple[int, int]] = {}
    for entry, passed, votes in store.db.execute(
            "SELECT v.entry, SUM(v.passed), COUNT(*) FROM round_votes v WHERE v.award = ? "
            "AND v.round = ? AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE "
            "c.judge = v.judge AND c.entry = v.entry) GROUP BY v.entry",
            [found.award, found.id]).fetchall():
        counts[str(entry)] = (int(passed), int(votes))
    values = {entry: Fraction(p) for entry, (p, _) in counts.items()}
    lines = []
    for rank, entry, tied in _ranked(values, members,
                                     _round_breakers(store, found.award, found.position)):
        passed, votes = counts.get(entry, (0, 0))
        lines.append(RoundLine(rank, entry, titles.get(entry, ""),
                               float(passed) if entry in counts else None, votes,
                               ["tie"] if tied else [], passes=passed, fails=votes - passed,
                               goes_through=passes_rule(found.pass_rule, passed, votes),
                               placement=places.get(entry)))
    return RoundResult(found.award, found, lines, f"passes ({found.pass_rule})")


def final_result(store: Store, award_id: str) -> list[dict[str, Any]]:
    """The award's final table: the last round's entries by the last round alone, or by the
    weighted combination of the rounds that declare a weight. Each line carries its path."""
    rounds = award_rounds(store, award_id)
    results = [round_result(store, award_id, r.id) for r in rounds]
    last = results[-1]
    weighted = [(res, Fraction(str(res.round.weight))) for res in results
                if res.round.weight is not None and res.round.kind != "qualifying"]
    values: dict[str, Fraction] = {}
    for line in last.lines:
        if not weighted:
            if line.score is not None:
                values[line.entry] = Fraction(line.score)
            continue
        parts: list[tuple[Fraction, Fraction]] = []
        for res, weight in weighted:
            found = res.line(line.entry)
            if found is None or found.score is None:
                break  # a weighted round without a score: no combined score (never zero)
            parts.append((weight, Fraction(found.score)))
        else:
            total_weight = sum((w for w, _ in parts), Fraction(0))
            values[line.entry] = sum((w * v for w, v in parts), Fraction(0)) / total_weight
    places = placements(store)
    return [{"rank": rank, "entry": entry, "score": float(values[entry]) if entry in values
             else None, "flags": ["tie"] if tied else [], "placement": places.get(entry),
             "path": entry_path(results, entry)}
            for rank, entry, tied in _ranked(
                values, [x.entry for x in last.lines], _round_breakers(
                    store, award_id, None, {r.round.id: r for r in results}))]


def entry_path(results: list[RoundResult], entry_id: str) -> str:
    """An entry's way through the rounds: "Shortlisting 3rd of 14 with 81.4; Final 1st …"."""
    parts = []
    for res in results:
        line = res.line(entry_id)
        if line is None:
            break
        of = len(res.lines)
        if res.round.kind == "qualifying":
            parts.append(f"{res.round.name}: {line.passes} of {line.judges} passes")
        elif line.rank is None:
            parts.append(f"{res.round.name}: not scored")
        else:
            parts.append(f"{res.round.name} {_ordinal(line.rank)} of {of} with "
                         f"{line.score:.1f}")
    return "; ".join(parts)


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(
        number % 10, "th")
    return f"{number}{suffix}"


def check_round_kind(found: Round, *kinds: str) -> None:
    if found.kind not in kinds:
        raise JudgePanelError(f"round '{found.id}' of award '{found.award}' is a {found.kind} "
                              f"round; this needs a {' or '.join(kinds)} round")


def round_stats(store: Store, award_id: str, round_id: str | None = None) -> dict[str, Any]:
    """The `stats --json` figures for one round (default: the award's current round), with
    the key `round`. The first round's are the award's own; a later scored round's agreement
    is measured on its judges' 0–100 totals; a consensus round has one agreed score per
    entry and a qualifying round passes, so neither has judges' totals to compare."""
    found = find_round(store, award_id, round_id)
    if found.first and found.kind == "scored":
        return {**award_results(store, award_id).stats, "round": found.id}
    from judgepanel.core.stats import (
        icc,
        icc_basis,
        kendall_w,
        krippendorff_alpha_interval,
        totals_matrix,
    )

    result = round_result(store, award_id, found.id)
    rows: list[tuple[str, str, float]] = []
    if found.kind == "scored":
        award = round_award(store, found)
        inside = set(round_entries(store, found))
        renormalise = award_settings(award)["incomplete"] == "renormalise"
        scores = [r for r in store.db.execute(
            "SELECT s.judge, j.name, s.entry, s.section, s.value FROM round_scores s "
            "JOIN judges j ON j.id = s.judge WHERE s.award = ? AND s.round = ? AND "
            "s.value IS NOT NULL AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE "
            "c.judge = s.judge AND c.entry = s.entry)", [award_id, found.id]).fetchall()
            if r[2] in inside]
        rows = [(t.entry, t.judge, float(t.total)) for t in totals_from_rows(
            award, scores, renormalise) if t.total is not None]
    matrix, _, judges = totals_matrix(rows)
    complete = [row for row in matrix if not any(v != v for v in row)]
    every = bool(matrix) and bool(judges) and len(complete) == len(matrix)

    def clean(value: float | None) -> float | None:
        return None if value is None or value != value else float(value)

    icc_values = icc(complete) if len(complete) >= 2 else None
    if icc_values and not all(v == v and abs(v) != float("inf") for v in icc_values.values()):
        icc_values = None
    used = len(complete) if icc_values else 0
    flags = [{"entry": line.entry, "flag": flag, "detail": f"shares rank {line.rank} in "
              f"round '{found.id}'"} for line in result.lines for flag in line.flags]
    return {"award": award_id, "round": found.id, "kind": found.kind,
            "entries": len({entry for entry, _, _ in rows}) if found.kind == "scored"
            else sum(1 for line in result.lines if line.score is not None),
            "judges": len(judges), "scores": len(rows),
            "alpha_interval": clean(krippendorff_alpha_interval(matrix)) if rows else None,
            "icc": {k: clean(v) for k, v in icc_values.items()} if icc_values else None,
            "kendall_w": clean(kendall_w(matrix)) if every else None,
            "connected": bool(rows), "judge_bias": {}, "flags": flags,
            "icc_entries": used, "icc_basis": icc_basis(used, len(matrix), len(judges)),
            "design": {}, "design_warning": None}


def round_sheet(store: Store, award_id: str, round_id: str | None = None,
                method: str | None = None) -> tuple[list[str], list[list[Any]]]:
    """The `results` spreadsheet of one round (default: the award's current round): the
    `rank` columns and the round of each row."""
    from judgepanel.core.reports.exports import RESULT_COLUMNS, results_rows

    found = find_round(store, award_id, round_id)
    header = [*RESULT_COLUMNS, "round"]
    if found.first and found.kind == "scored":
        ranking = award_results(store, award_id).ranking(method)
        return header, [[*row, found.id] for row in results_rows(ranking)]
    from judgepanel.core.disagreement_flags import flag_words

    people = {str(r[0]): (r[1], r[2]) for r in store.db.execute(
        "SELECT id, nominee, organisation FROM entries WHERE award = ?", [award_id])}
    result = round_result(store, award_id, found.id)
    return header, [[x.rank, x.entry, x.title, *people.get(x.entry, ("", "")), x.score,
                     None, None, None, x.judges, flag_words(x.flags), x.placement or "",
                     found.id] for x in result.lines]
