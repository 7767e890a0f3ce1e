"""The six aggregation methods' scores for an award, exact where the method allows.

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
"""

from __future__ import annotations

import bisect
import math
import statistics
from fractions import Fraction
from typing import Any

from judgepanel.core.disagreement_flags import sample_variance
from judgepanel.core.judge_bias import BiasFit, bias_model
from judgepanel.core.totals import METHOD_NAMES, JudgeTotal

METHODS = METHOD_NAMES
EXACT_METHODS = ("mean", "median", "trimmed", "borda")  # computed exactly from the totals
METHOD_LABELS = {
    "mean": "mean of the judges' totals",
    "median": "median of the judges' totals",
    "trimmed": "trimmed mean (highest and lowest dropped with 4 or more judges)",
    "zscore": "mean of per-judge standardised totals (z-scores)",
    "bias": "judge-bias-corrected score (additive model, ridge least squares)",
    "borda": "Borda points from each judge's own ordering",
}



Number = float | Fraction


def method_scores(counted: dict[str, list[JudgeTotal]], settings: dict[str, Any]
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


def _first(pair: tuple[float, int]) -> float:
    return pair[0]


def common_units(values: list[Fraction]) -> tuple[int, list[int]]:
    """(D, [v · D]): exact values as whole numbers over their least common denominator."""
    common = math.lcm(*{value.denominator for value in values}) if values else 1
    return common, [value.numerator * (common // value.denominator) for value in values]

