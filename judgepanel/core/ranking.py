"""Rankings the chair can defend: six aggregation methods, declared tie-breaks, sensitivity.

Every method works on the judges' 0–100 totals (totals.py) and gives a score on the same
0–100 scale, compared unrounded:

- ``mean``, ``median``: of the judges' totals.
- ``trimmed``: the mean after dropping the single highest and lowest total when an entry has
  four or more judges; the plain mean below that (nothing would be left to trim fairly).
- ``zscore``: each judge's totals standardised over the entries that judge scored, averaged
  per entry and put back on the 0–100 scale with the panel's overall mean and SD. Unstable
  when judges score fewer than about ten entries, and wrong when one judge's batch is
  genuinely stronger: a column to look at, not a default.
- ``bias`` (default): the additive model y = μ + q_entry + b_judge + ε (judge_bias.bias_model);
  the score is μ + q. Removes a harsh or lenient judge's pull in an incomplete design and
  equals the mean ordering in a complete one.
- ``borda``: within each judge, an entry earns 100 × (entries that judge scored lower, plus
  half the ties) / (entries they scored − 1); the points are averaged over its judges. A judge
  who scored a single entry gives no points; an entry with no such points scores 50.

Ties are broken only by the award's declared order (``tie_break`` setting): another method's
score, ``section:ID`` (the judges' mean on that section), or ``panel`` (a recorded panel vote,
moderation.record_tie_break). What that order cannot separate shares a rank and is flagged.
"""

from __future__ import annotations

import bisect
import gc
import math
import statistics
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from judgepanel.core.awards import Award, panel_award
from judgepanel.core.disagreement_flags import (
    Champion,
    champion_candidates,
    order_by_priority,
    panel_flags,
    ranking_flags,
    sample_variance,
    totals_by_judge,
)
from judgepanel.core.judge_bias import THIN_COMPARISONS, BiasFit, bias_model
from judgepanel.core.recorded_decisions import current_overrides, placements, tie_break_records
from judgepanel.core.store import Store
from judgepanel.core.totals import (
    METHOD_NAMES,
    JudgeTotal,
    award_settings,
    commented_pairs,
    exact,
    judge_totals,
)

METHODS = METHOD_NAMES
EXACT_METHODS = ("mean", "median", "trimmed", "borda")  # computed exactly from the totals
TOLERANCE = 1e-9
METHOD_LABELS = {
    "mean": "mean of the judges' totals",
    "median": "median of the judges' totals",
    "trimmed": "trimmed mean (highest and lowest dropped with 4 or more judges)",
    "zscore": "mean of per-judge standardised totals (z-scores)",
    "bias": "judge-bias-corrected score (additive model, ridge least squares)",
    "borda": "Borda points from each judge's own ordering",
}


@dataclass
class RankedEntry:
    """One line of the ranking; `score` is the moderated score when an override exists."""

    rank: int | None
    entry: str
    title: str
    nominee: str
    organisation: str
    score: float | None
    mean: float | None
    median: float | None
    sd: float | None
    judges: int
    flags: list[str]
    placement: str | None
    computed_score: float | None
    override: float | None
    computed_rank: int | None = None  # the rank before moderated scores (equal when none)
    bias_score: float | None = None  # the bias-corrected score, whatever the method
    bias_se: float | None = None     # its standard error (None: no estimate of the noise)
    too_close: list[str] = field(default_factory=list)  # neighbours too close to separate


@dataclass
class Ranking:
    """An award's ranking under one method, with what the chair needs to explain it."""

    award: str
    method: str
    entries: list[RankedEntry]
    tie_break: list[str]
    connected: bool
    notes: list[str]
    judge_bias: dict[str, float] = field(default_factory=dict)
    flag_records: list[dict[str, Any]] = field(default_factory=list)
    design: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """The `rank --json` shape (docs/interface.md), with the explanation keys."""
        return {
            "award": self.award,
            "method": self.method,
            "tie_break": list(self.tie_break),
            "connected": self.connected,
            "notes": list(self.notes),
            "entries": [
                {"rank": e.rank, "entry": e.entry, "title": e.title, "nominee": e.nominee,
                 "organisation": e.organisation, "score": e.score, "mean": e.mean,
                 "median": e.median, "sd": e.sd, "judges": e.judges, "flags": list(e.flags),
                 "placement": e.placement, "computed_score": e.computed_score,
                 "override": e.override, "computed_rank": e.computed_rank,
                 "bias_score": e.bias_score, "bias_se": e.bias_se,
                 "too_close_to_separate": list(e.too_close)}
                for e in self.entries
            ],
            "design": self.design,
            "design_warning": self.design.get("warning"),
        }


@dataclass
class Analysis:
    """Everything read from the panel once, so several methods cost one database read."""

    award: Award
    settings: dict[str, Any]
    entries: list[dict[str, Any]]
    totals: list[JudgeTotal]
    counted: dict[str, list[JudgeTotal]]
    method_scores: dict[str, dict[str, float]]
    standard_errors: dict[str, float]
    connected: bool
    judge_bias: dict[str, float]
    notes: list[str]
    commented: set[tuple[str, int]]
    overrides: dict[str, dict[str, Any]]
    placements: dict[str, str]
    panel_orders: list[list[str]]
    summary: dict[str, tuple[float, float, float | None]] = field(default_factory=dict)
    judge_flags: list[dict[str, Any]] = field(default_factory=list)
    by_judge: dict[str, list[tuple[str, float | Fraction]]] = field(default_factory=dict)
    method_notes: dict[str, list[str]] = field(default_factory=dict)
    rankings: dict[tuple[str, bool], Ranking] = field(default_factory=dict)  # computed once
    exact_scores: dict[str, dict[str, Fraction]] = field(default_factory=dict)
    fit: BiasFit | None = None  # the bias model, with its uncertainty (None: no scores)
    bias_errors: dict[str, float] = field(default_factory=dict)
    too_close: dict[str, list[str]] = field(default_factory=dict)
    design: dict[str, Any] = field(default_factory=dict)
    incomplete: set[str] = field(default_factory=set)  # entries with a total left incomplete
    champions: list[Champion] | None = None  # each judge's clear top k, whatever the method
    lines: list[EntryLine] | None = None  # what each entry's line shares across methods


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Hold off Python's cycle collector while an analysis builds its many small objects.

    None of them forms a cycle, yet each collection would walk all of them again (a fifth
    of the time for 2,000 entries); whatever is left is collected afterwards as usual.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def analyse_award(store: Store, award_id: str) -> Analysis:
    """Read an award's scores once and compute every method's scores."""
    with no_cycle_collection():
        return _analyse_award(store, award_id)


def _analyse_award(store: Store, award_id: str) -> Analysis:
    award = panel_award(store, award_id)
    settings = award_settings(award)
    entries = store.rows("SELECT id, title, nominee, organisation FROM entries WHERE award = ? "
                         "ORDER BY source_file, source_row, id", [award_id])
    totals = judge_totals(store, award_id)
    counted: dict[str, list[JudgeTotal]] = {}
    for total in totals:
        if total.total is not None:
            counted.setdefault(total.entry, []).append(total)
    notes: list[str] = []
    left_out = [t for t in totals if t.total is None]
    if left_out:
        notes.append(f"{len(left_out)} judge total(s) left out because sections are missing "
                     "(never counted as zero): "
                     + "; ".join(f"{t.entry} by {t.judge}" for t in left_out[:10])
                     + (" …" if len(left_out) > 10 else ""))
    renormalised = [t for t in totals if t.total is not None and not t.complete]
    if renormalised:
        notes.append(f"{len(renormalised)} judge total(s) renormalised over the sections "
                     "that were scored (award setting)")
    ignored = store.db.execute(
        "SELECT COUNT(*) FROM conflicts c CROSS JOIN scores s ON s.judge = c.judge AND "
        "s.entry = c.entry JOIN entries e ON e.id = c.entry AND e.award = ?",
        [award_id]).fetchone()[0]
    if ignored:
        notes.append(f"{ignored} section score(s) from judges with a declared conflict "
                     "are ignored")
    scores, exact_scores, errors, connected, bias, model_notes, fit = _method_scores(
        counted, settings)
    notes += model_notes.pop("", [])
    design = design_report(fit, sorted({t.judge for found in counted.values() for t in found}))
    if design["warning"]:
        notes.append(design["warning"])
    names = sorted(counted)
    bias_errors = ({name: value for name, value in zip(names, fit.score_se, strict=True)
                    if math.isfinite(value)} if fit else {})
    summary = {}
    for entry, found in counted.items():
        values = sorted(float(t.total or 0.0) for t in found)
        sd = math.sqrt(sample_variance(values)) if len(values) > 1 else None
        half = len(values) // 2
        middle = values[half] if len(values) % 2 else (values[half - 1] + values[half]) / 2
        summary[entry] = (sum(values) / len(values), middle, sd)  # statistics.median's
    commented = commented_pairs(store, award_id)
    ids = {e["id"] for e in entries}
    return Analysis(
        award=award, settings=settings, entries=entries, totals=totals, counted=counted,
        method_scores=scores, exact_scores=exact_scores, standard_errors=errors,
        connected=connected, judge_bias=bias, fit=fit,
        notes=notes, commented=commented,
        overrides={k: v for k, v in current_overrides(store).items() if k in ids},
        placements=placements(store), panel_orders=tie_break_records(store, award_id),
        summary=summary, judge_flags=panel_flags(award, settings, counted, commented),
        bias_errors=bias_errors, design=design,
        too_close=_too_close(fit, names, scores["bias"]) if fit else {},
        by_judge=totals_by_judge(counted), method_notes=model_notes,
        incomplete={t.entry for t in totals if not t.complete})


def _method_scores(counted: dict[str, list[JudgeTotal]], settings: dict[str, Any]
                   ) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, Fraction]],
                              dict[str, float], bool, dict[str, float], dict[str, list[str]],
                              BiasFit | None]:
    """All six methods' scores (exact where the method allows), standard errors for the
    cut-off, and the bias model's fit and verdict."""
    names = sorted(counted)
    judges = sorted({t.judge for totals in counted.values() for t in totals})
    where_judge = {judge: i for i, judge in enumerate(judges)}
    entry_index, judge_index, values = [], [], []
    for i, name in enumerate(names):
        for total in counted[name]:
            entry_index.append(i)
            judge_index.append(where_judge[total.judge])
            values.append(float(total.total or 0.0))
    e, j, y = entry_index, judge_index, values
    # Every exact total as a whole number of 1/D over one common denominator D: sums,
    # medians and orderings of totals are then integer arithmetic, and each result becomes
    # one Fraction at the end (the same value as summing the Fractions).
    common, units = common_units([t.exact or Fraction(0) for name in names
                                  for t in counted[name]])
    scores: dict[str, dict[str, float]] = {m: {} for m in METHODS}
    exact_scores: dict[str, dict[str, Fraction]] = {m: {} for m in EXACT_METHODS}
    made: dict[tuple[int, int], tuple[Fraction, float]] = {}  # scores repeat: made once

    def keep(method: str, name: str, top: int, bottom: int) -> None:
        """Record top / bottom as the method's exact score, and its float beside it."""
        found = made.get((top, bottom))
        if found is None:  # true division of the integers rounds correctly: float(Fraction)
            found = made[(top, bottom)] = (Fraction(top, bottom), top / bottom)
        exact_scores[method][name], scores[method][name] = found

    start = 0
    for name in names:
        size = len(counted[name])
        mine = units[start:start + size]
        # Ordered by the float total (as shown), stably: the trimmed mean drops the ends.
        row = [unit for _, unit in sorted(zip(y[start:start + size], mine, strict=True),
                                          key=_first)]
        start += size
        kept = row[1:-1] if size >= 4 else row
        middle = sorted(mine)
        half = size // 2
        keep("mean", name, sum(row), size * common)
        if size % 2:
            keep("median", name, middle[half], common)
        else:
            keep("median", name, middle[half - 1] + middle[half], 2 * common)
        keep("trimmed", name, sum(kept), len(kept) * common)
    notes: list[str] = []
    by_method: dict[str, list[str]] = {"": notes}
    if not names:
        return scores, exact_scores, {}, True, {}, by_method, None
    mine_of: list[list[int]] = [[] for _ in judges]  # each judge's observations
    for k, judge_no in enumerate(j):
        mine_of[judge_no].append(k)
    # z-scores: each judge standardised over their own entries.
    overall_mean = statistics.fmean(y)
    overall_sd = math.sqrt(sample_variance(y)) if len(y) > 1 else 0.0
    z = [0.0] * len(y)
    for mine in mine_of:
        theirs = [y[k] for k in mine]
        spread = math.sqrt(sample_variance(theirs)) if len(mine) > 1 else 0.0
        if spread > 0:
            centre = statistics.fmean(theirs)
            for k in mine:
                z[k] = (y[k] - centre) / spread
    z_sum = [0.0] * len(names)
    for k, i in enumerate(e):
        z_sum[i] += z[k]
    for i, name in enumerate(names):
        scores["zscore"][name] = overall_mean + overall_sd * (z_sum[i] / len(counted[name]))
    fewest = min(len(mine) for mine in mine_of)
    if fewest < 10:
        by_method["zscore"] = [f"z-scores are unstable here: a judge scored only "
                               f"{fewest} entries (about ten or more are needed)"]
    # Borda: points by each judge's own order, on the exact totals (equal on paper = tied).
    # The exact totals' common units compare as whole numbers; each judge's points are
    # whole numbers of 1/L, L the common multiple of every judge's 2 (m − 1).
    point_sum = [0] * len(names)
    point_count = [0] * len(names)
    per_point = math.lcm(*(2 * (len(mine) - 1) for mine in mine_of if len(mine) >= 2))
    for mine in mine_of:
        if len(mine) < 2:
            continue
        ordered = sorted(units[k] for k in mine)
        step = per_point // (2 * (len(mine) - 1))
        points: dict[int, int] = {}  # totals repeat: count each value once
        for k in mine:
            value = units[k]
            if value not in points:
                lower = bisect.bisect_left(ordered, value)
                same = bisect.bisect_right(ordered, value) - lower - 1
                points[value] = 100 * (2 * lower + same) * step
            point_sum[e[k]] += points[value]
            point_count[e[k]] += 1
    for i, name in enumerate(names):
        if point_count[i]:
            keep("borda", name, point_sum[i], point_count[i] * per_point)
        else:
            keep("borda", name, 50, 1)
    # The additive bias model.
    fit = bias_model(e, j, y, len(names), len(judges), ridge=float(settings["bias_ridge"]))
    for i, name in enumerate(names):
        scores["bias"][name] = fit.scores[i]
    bias = {judge: fit.bias[i] for i, judge in enumerate(judges)}
    if fit.connected:
        notes.append("the judge–entry design is connected: every judge's leniency can be "
                     "compared with every other's")
    else:
        groups: dict[int, list[str]] = {}
        for i, judge in enumerate(judges):
            groups.setdefault(fit.components[i], []).append(judge)
        listing = "; ".join(", ".join(g) for g in groups.values())
        notes.append(f"the judge–entry design is NOT connected: {len(groups)} groups of judges "
                     f"share no entry ({listing}). The bias model centres each group's judges "
                     "on zero separately, so scores across groups assume each group is as "
                     "lenient as the others on average")
    # Standard errors for the near-cutoff flag: residual SD of the model, or pooled SD.
    errors = {name: fit.sigma / math.sqrt(len(counted[name])) for name in names}
    return scores, exact_scores, errors, fit.connected, bias, by_method, fit


Number = float | Fraction


def _first(pair: tuple[float, int]) -> float:
    return pair[0]


def common_units(values: list[Fraction]) -> tuple[int, list[int]]:
    """(D, [v · D]): exact values as whole numbers over their least common denominator."""
    common = math.lcm(*{value.denominator for value in values}) if values else 1
    return common, [value.numerator * (common // value.denominator) for value in values]


def _same(a: Number, b: Number) -> bool:
    """Exact values tie only when equal; floats (z-scores, the bias model) within a hair."""
    if isinstance(a, Fraction) and isinstance(b, Fraction):
        return a == b
    first, second = float(a), float(b)
    return abs(first - second) <= TOLERANCE * max(1.0, abs(first), abs(second))


def _groups(ordered: list[tuple[str, Number]],
            shown: dict[str, float] | None = None) -> list[list[str]]:
    """Consecutive entries whose values are equal (exact values exactly, floats unrounded
    within a tiny tolerance).

    `shown` (each entry's value as a float) lets exact values that differ as floats skip the
    exact comparison: equal fractions always give equal floats.
    """
    found: list[list[str]] = []
    previous: Number | None = None
    before = 0.0
    for entry, value in ordered:
        now = shown[entry] if shown is not None else 0.0
        if previous is None or (shown is not None and before != now
                                and isinstance(value, Fraction)
                                and isinstance(previous, Fraction)) \
                or not (abs(previous - value) <= TOLERANCE * max(1.0, abs(previous), abs(value))
                        if type(previous) is float and type(value) is float
                        else _same(previous, value)):
            found.append([entry])
        else:
            found[-1].append(entry)
        previous, before = value, now
    return found


def _criterion_values(analysis: Analysis, criterion: str, group: list[str]
                      ) -> dict[str, Number] | None:
    """Each tied entry's value under one tie-break criterion; None when it cannot decide."""
    if criterion in METHODS:
        values: dict[str, Number] = {**analysis.method_scores[criterion],
                                     **analysis.exact_scores.get(criterion, {})}
        return {entry: values[entry] for entry in group}
    if criterion.startswith("section:"):
        section_id = criterion.removeprefix("section:")
        try:
            section = analysis.award.section(section_id)
        except KeyError:
            return None
        scale = analysis.award.scale_of(section)
        low, span = exact(scale.min), exact(scale.max) - exact(scale.min)
        found: dict[str, Number] = {}
        for entry in group:
            marks = [exact(t.sections[section_id]) for t in analysis.counted.get(entry, [])
                     if section_id in t.sections]
            if not marks:
                return None
            found[entry] = 100 * (sum(marks, Fraction(0)) / len(marks) - low) / span
        return found
    if criterion == "panel":
        for order in analysis.panel_orders:
            if set(group) <= set(order):
                return {entry: Fraction(-order.index(entry)) for entry in group}
    return None


def _break_ties(analysis: Analysis, group: list[str], criteria: list[str],
                notes: list[str]) -> list[list[str]]:
    """Split a tied group by the declared criteria, in order; what stays together ties."""
    if len(group) < 2 or not criteria:
        return [group]
    criterion, rest = criteria[0], criteria[1:]
    values = _criterion_values(analysis, criterion, group)
    if values is None:
        return _break_ties(analysis, group, rest, notes)
    parts = _groups(sorted(values.items(), key=lambda pair: (-float(pair[1]), pair[0])))
    if len(parts) > 1:
        notes.append(f"tie between {', '.join(sorted(group))} broken by {criterion}")
    result: list[list[str]] = []
    for part in parts:
        result += _break_ties(analysis, part, rest, notes)
    return result


def _finite(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None


def design_report(fit: BiasFit | None, judges: list[str]) -> dict[str, Any]:
    """How well the judge–entry design determines each judge's leniency, with a warning.

    Per judge: entries scored, other judges shared with, `comparisons` (the number of scores
    whose mean would pin the leniency down as precisely as the design does, no ridge) and
    `leniency_se` (the standard error of the leniency the model uses, in points).
    """
    if fit is None or not judges:
        return {"poorly_determined": False, "judges": {}, "warning": None}
    entries = [0] * len(judges)
    for shares in fit.weights:
        for judge in shares:
            entries[judge] += 1
    report = {name: {"entries": entries[i], "shares_with": fit.partners[i],
                     "comparisons": _finite(fit.comparisons[i]),
                     "leniency_se": _finite(fit.bias_se[i])}
              for i, name in enumerate(judges)}
    thin = [judges[i] for i in fit.thin]
    warning = None
    if thin:
        listed = ", ".join(thin[:6]) + (f" and {len(thin) - 6} more" if len(thin) > 6 else "")
        warning = (f"the bias correction is poorly determined: the design pins down the "
                   f"leniency of {listed} less well than {THIN_COMPARISONS:g} shared scores "
                   "would, so the corrected scores of their entries rest on little evidence. "
                   "Add a judge to the entries they share with others, or rank by the mean "
                   "(--method mean)")
    return {"poorly_determined": bool(thin), "judges": report, "warning": warning}


def _too_close(fit: BiasFit, names: list[str], scores: dict[str, float]
               ) -> dict[str, list[str]]:
    """Neighbours in the bias-corrected order whose difference is within its standard error."""
    where = {name: i for i, name in enumerate(names)}
    ordered = sorted(names, key=lambda name: (-scores[name], name))
    close: dict[str, list[str]] = {}
    for upper, lower in zip(ordered, ordered[1:], strict=False):
        error = fit.difference_se(where[upper], where[lower])
        if math.isfinite(error) and scores[upper] - scores[lower] <= error:
            close.setdefault(upper, []).append(lower)
            close.setdefault(lower, []).append(upper)
    return close


def _difference_se(analysis: Analysis) -> Callable[[str, str], float]:
    """The standard error of two entries' bias-corrected difference, by entry id."""
    where = {name: i for i, name in enumerate(sorted(analysis.counted))}
    fit = analysis.fit

    def error(first: str, second: str) -> float:
        if fit is None or first not in where or second not in where:
            return math.nan
        return fit.difference_se(where[first], where[second])
    return error


def rank_analysis(analysis: Analysis, method: str, use_overrides: bool = True) -> Ranking:
    """Order an analysed award under one method, apply moderated scores, ties and flags.

    The analysis is a snapshot, so each (method, overrides) ranking is computed once and kept.
    """
    if (method, use_overrides) in analysis.rankings:
        return analysis.rankings[(method, use_overrides)]
    with no_cycle_collection():
        return _rank_analysis(analysis, method, use_overrides)


def _rank_analysis(analysis: Analysis, method: str, use_overrides: bool) -> Ranking:
    if method not in METHODS:
        from judgepanel.core.errors import JudgePanelError

        raise JudgePanelError(f"unknown ranking method '{method}' (use one of "
                              f"{', '.join(METHODS)})")
    computed = analysis.method_scores[method]
    exactly = analysis.exact_scores.get(method)
    final: dict[str, Number] = {**computed, **(exactly or {})}
    shown = dict(computed)  # each value of `final` as a float (the exact ones: float(exact))
    if use_overrides:
        for entry, record in analysis.overrides.items():
            final[entry] = (exact(record["new_value"]) if exactly is not None
                            else float(record["new_value"]))
            shown[entry] = float(final[entry])
    notes = [f"method: {METHOD_LABELS[method]}", *analysis.notes,
             *analysis.method_notes.get(method, [])]
    tie_break = list(analysis.settings["tie_break"])
    ordered = sorted(((e, s) for e, s in final.items() if e in computed),
                     key=lambda pair: (-shown[pair[0]], pair[0]))  # floats keep the order
    ranks: dict[str, int | None] = {}
    tied: set[str] = set()
    position = 1
    for group in _groups(ordered, shown):
        for part in (_break_ties(analysis, group, tie_break, notes) if len(group) > 1
                     else [group]):
            for entry in part:
                ranks[entry] = position
            if len(part) > 1:
                tied.update(part)
            position += len(part)
    # The flags below read these scores only as floats.
    by_rank: list[tuple[str, Number]] = sorted(((e, shown[e]) for e in ranks),
                                               key=lambda p: ranks[p[0]] or 0)
    if analysis.champions is None:
        analysis.champions = champion_candidates(
            analysis.by_judge, int(analysis.settings["champion_k"]), analysis.counted,
            float(analysis.settings["flag_thresholds"].get("champion_gap", 20.0)))
    records = list(analysis.judge_flags) + ranking_flags(
        analysis.settings, analysis.counted, ranks, by_rank,
        analysis.standard_errors, analysis.by_judge,
        _difference_se(analysis) if method == "bias" else None, analysis.champions)
    sharing: dict[int | None, list[str]] = {}
    for entry in sorted(tied):
        sharing.setdefault(ranks[entry], []).append(entry)
    for entry in sorted(tied):
        others = ", ".join(e for e in sharing[ranks[entry]] if e != entry)
        records.append({"entry": entry, "judge": None, "flag": "tie",
                        "detail": f"shares rank {ranks[entry]} with {others}: the tie-break "
                                  f"order ({', '.join(tie_break)}) cannot separate them"})
    records = order_by_priority(records, by_rank, ranks, int(analysis.settings["places"]))
    names: dict[str, list[str]] = {}
    for record in records:
        if record["flag"] not in names.setdefault(record["entry"], []):
            names[record["entry"]].append(record["flag"])
    incomplete = analysis.incomplete
    overrides = analysis.overrides if use_overrides else {}
    rows = []
    for (entry, title, nominee, organisation, mean, median, sd, judges, placement, bias_score,
         bias_se, close) in _entry_lines(analysis):
        flags = names.get(entry, []) + (["incomplete"] if entry in incomplete else [])
        override = overrides.get(entry)
        rows.append(RankedEntry(
            ranks.get(entry), entry, title, nominee, organisation,
            shown[entry] if entry in computed else None, mean, median, sd, judges, flags,
            placement, computed.get(entry),
            float(override["new_value"]) if override else None,
            ranks.get(entry),  # computed_rank: the same unless moderated scores apply (below)
            bias_score, bias_se, list(close)))
    rows.sort(key=lambda r: (r.rank is None, r.rank or 0, r.entry))
    if use_overrides and analysis.overrides:
        before = {r.entry: r.rank for r in rank_analysis(analysis, method, False).entries}
        for row in rows:
            row.computed_rank = before.get(row.entry)
    ranking = Ranking(award=analysis.award.id, method=method, entries=rows,
                      tie_break=tie_break, connected=analysis.connected, notes=notes,
                      judge_bias=dict(analysis.judge_bias), flag_records=records,
                      design=analysis.design)
    analysis.rankings[(method, use_overrides)] = ranking
    return ranking


EntryLine = tuple[str, str, str, str, float | None, float | None, float | None, int,
                  str | None, float | None, float | None, list[str]]


def _entry_lines(analysis: Analysis) -> list[EntryLine]:
    """What every method's line for an entry shares (RankedEntry's fields in their order:
    entry, title, nominee, organisation, mean, median, sd, judges, placement, bias_score,
    bias_se, too_close), worked out once per analysis."""
    if analysis.lines is None:
        bias = analysis.method_scores["bias"]
        lines: list[EntryLine] = []
        for info in analysis.entries:
            entry = info["id"]
            mean, median, sd = analysis.summary.get(entry, (None, None, None))
            lines.append((entry, info["title"], info["nominee"], info["organisation"], mean,
                          median, sd, len(analysis.counted.get(entry, [])),
                          analysis.placements.get(entry), bias.get(entry),
                          analysis.bias_errors.get(entry), analysis.too_close.get(entry, [])))
        analysis.lines = lines
    return analysis.lines


def rank_award(store: Store, award_id: str, method: str | None = None) -> Ranking:
    """The award's ranking under `method` (default: the award's own, normally `bias`)."""
    analysis = analyse_award(store, award_id)
    return rank_analysis(analysis, method or analysis.settings["method"])


def sensitivity(store: Store, award_id: str,
                methods: tuple[str, ...] = METHODS) -> dict[str, dict[str, int | None]]:
    """Entry × method → computed rank (no moderated overrides): does the method matter?"""
    analysis = analyse_award(store, award_id)
    table: dict[str, dict[str, int | None]] = {e["id"]: {} for e in analysis.entries}
    for method in methods:
        for row in rank_analysis(analysis, method, use_overrides=False).entries:
            table[row.entry][method] = row.rank
    return table


def top_places_change(store: Store, award_id: str, places: int | None = None,
                      methods: tuple[str, ...] = METHODS) -> bool:
    """True when any method puts different entries (or a different order) in the top places."""
    return bool(methods_changing_top_places(analyse_award(store, award_id), places, methods))


def methods_changing_top_places(analysis: Analysis, places: int | None = None,
                                methods: tuple[str, ...] = METHODS) -> list[str]:
    """The methods whose top places (entries or order, no moderated scores) differ from the
    award's own method's: the one rule behind `rank --sensitivity` and the Results page."""
    k = int(places or analysis.settings["places"])

    def top(method: str) -> tuple[tuple[str, int | None], ...]:
        ranking = rank_analysis(analysis, method, use_overrides=False)
        return tuple((r.entry, r.rank) for r in ranking.entries
                     if r.rank is not None and r.rank <= k)

    reference = top(analysis.settings["method"])
    return [method for method in methods if top(method) != reference]
