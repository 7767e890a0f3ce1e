"""Disagreement flags: where the chair should look before signing off a ranking.

Thresholds are DOMAIN.md's, held per award in ``settings["flag_thresholds"]`` so the chair can
change them. Every flag is a record ``{"entry", "judge" (or None), "flag", "detail"}``; the
ranking shows the flag names per entry. All values are the judges' 0–100 totals.

- ``range``: max − min of the totals ≥ ``range`` points (default 30 % of the scale).
- ``rwg``: r_wg = 1 − s² / σ²_EU < ``rwg`` (0.70), σ²_EU the variance of a uniform
  response over the award scale's points (James, Demaree & Wolf 1984), in 0–100 units.
- ``outlier``: a judge's total with |y − median(others)| ≥ max(``outlier_mad`` · scaled MAD
  of the others, ``outlier_min`` points); needs three judges or more. Names the judge.
- ``no-comment``: a total in the top or bottom ``extreme`` % of the scale with no comment in
  any section or in the judge's overall review.
- ``champion``: an entry among a judge's own top k (``champion_k``) that the panel ranks
  below 2k; only for judges who scored more than k entries.
- ``near-cutoff``: an entry whose score lies within one standard error of the cut-off
  between places k and k+1 (k = ``places``), so noise could move it across. The standard
  error is the bias model's residual SD (or the pooled within-entry SD when the model has
  no degrees of freedom left) divided by √(the entry's number of judges).
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from typing import Any

from judgepanel.core.awards import Award
from judgepanel.core.totals import JudgeTotal

FLAG_NAMES = ("range", "rwg", "outlier", "no-comment", "champion", "near-cutoff", "tie")
MAD_SCALE = 1.4826  # makes the MAD a consistent estimate of the SD for normal data


def uniform_variance(award: Award) -> float:
    """σ²_EU for r_wg: the variance of a uniform answer over the scale's A points, 0–100 units."""
    scale = award.scale
    points = round((scale.max - scale.min) / scale.step) + 1
    raw = scale.step ** 2 * (points ** 2 - 1) / 12.0
    return raw * (100.0 / (scale.max - scale.min)) ** 2


def sample_variance(values: Sequence[float]) -> float:
    """The n − 1 variance in plain floats (statistics.variance is exact but 50 times slower)."""
    mean = sum(values) / len(values)
    return sum((v - mean) ** 2 for v in values) / (len(values) - 1)


def _record(entry: str, judge: str | None, flag: str, detail: str) -> dict[str, Any]:
    return {"entry": entry, "judge": judge, "flag": flag, "detail": detail}


def spread_flags(entry: str, totals: Sequence[JudgeTotal], thresholds: Mapping[str, float],
                 sigma_eu: float) -> list[dict[str, Any]]:
    """range, rwg and outlier for one entry's counted totals."""
    found: list[dict[str, Any]] = []
    values = [t.total for t in totals if t.total is not None]
    if len(values) < 2:
        return found
    spread = max(values) - min(values)
    if spread >= thresholds["range"]:
        found.append(_record(entry, None, "range",
                             f"totals run from {min(values):.1f} to {max(values):.1f} "
                             f"({spread:.1f} points; threshold {thresholds['range']:g})"))
    rwg = 1.0 - sample_variance(values) / sigma_eu
    if rwg < thresholds["rwg"]:
        found.append(_record(entry, None, "rwg",
                             f"r_wg = {rwg:.2f}, below {thresholds['rwg']:.2f}: the judges "
                             "agree less than the threshold"))
    if len(values) >= 3:
        for total in totals:
            if total.total is None:
                continue
            others = [t.total for t in totals if t is not total and t.total is not None]
            middle = statistics.median(others)
            mad = MAD_SCALE * statistics.median(abs(v - middle) for v in others)
            limit = max(thresholds["outlier_mad"] * mad, thresholds["outlier_min"])
            gap = total.total - middle
            if abs(gap) >= limit:
                side = "above" if gap > 0 else "below"
                found.append(_record(entry, total.judge, "outlier",
                                     f"{total.judge} gave {total.total:.1f}, {abs(gap):.1f} "
                                     f"points {side} the other judges' median {middle:.1f}"))
    return found


def comment_flags(entry: str, totals: Sequence[JudgeTotal], commented: set[tuple[str, int]],
                  thresholds: Mapping[str, float]) -> list[dict[str, Any]]:
    """no-comment: an extreme total that no comment explains."""
    edge = thresholds["extreme"]
    found = []
    for total in totals:
        if total.total is None or (entry, total.judge_id) in commented:
            continue
        if total.total >= 100.0 - edge or total.total <= edge:
            which = "top" if total.total >= 100.0 - edge else "bottom"
            found.append(_record(entry, total.judge, "no-comment",
                                 f"{total.judge} gave {total.total:.1f} (the {which} "
                                 f"{edge:g} % of the scale) with no comment"))
    return found


def champion_flags(by_judge: Mapping[str, Sequence[tuple[str, float]]],
                   ranks: Mapping[str, int | None], k: int) -> list[dict[str, Any]]:
    """A judge's top-k entries that the panel ranks outside its top 2k."""
    found = []
    for judge, scored in by_judge.items():
        if len(scored) <= k:
            continue
        ordered = sorted(scored, key=lambda pair: -pair[1])
        cut = ordered[k - 1][1]
        for entry, total in ordered:
            if total < cut - 1e-9:
                break
            rank = ranks.get(entry)
            if rank is not None and rank > 2 * k:
                found.append(_record(entry, judge, "champion",
                                     f"in {judge}'s top {k} ({total:.1f}) but ranked {rank} "
                                     f"by the panel (outside the top {2 * k})"))
    return found


def cutoff_flags(ordered: Sequence[tuple[str, float]], standard_errors: Mapping[str, float],
                 places: int) -> list[dict[str, Any]]:
    """Entries within one standard error of the cut-off between places k and k+1."""
    if places < 1 or len(ordered) <= places:
        return []
    cutoff = (ordered[places - 1][1] + ordered[places][1]) / 2.0
    found = []
    for entry, score in ordered:
        error = standard_errors.get(entry)
        if error is None or error != error:  # nan: no estimate of the noise
            continue
        if abs(score - cutoff) <= error:
            found.append(_record(entry, None, "near-cutoff",
                                 f"score {score:.1f} is within one standard error "
                                 f"(±{error:.1f}) of the cut-off {cutoff:.1f} between "
                                 f"places {places} and {places + 1}"))
    return found


def panel_flags(award: Award, settings: Mapping[str, Any],
                totals_by_entry: Mapping[str, Sequence[JudgeTotal]],
                commented: set[tuple[str, int]]) -> list[dict[str, Any]]:
    """The flags that do not depend on the ranking method: range, rwg, outlier, no-comment."""
    thresholds = settings["flag_thresholds"]
    sigma_eu = uniform_variance(award)
    found: list[dict[str, Any]] = []
    for entry, totals in totals_by_entry.items():
        counted = [t for t in totals if t.total is not None]
        found += spread_flags(entry, counted, thresholds, sigma_eu)
        found += comment_flags(entry, counted, commented, thresholds)
    return found


def totals_by_judge(totals_by_entry: Mapping[str, Sequence[JudgeTotal]]
                    ) -> dict[str, list[tuple[str, float]]]:
    """Judge name → [(entry, total)], each judge's own view of the entries they scored."""
    by_judge: dict[str, list[tuple[str, float]]] = {}
    for entry, totals in totals_by_entry.items():
        for total in totals:
            if total.total is not None:
                by_judge.setdefault(total.judge, []).append((entry, float(total.total)))
    return by_judge


def ranking_flags(settings: Mapping[str, Any],
                  totals_by_entry: Mapping[str, Sequence[JudgeTotal]],
                  ranks: Mapping[str, int | None], ordered_scores: Sequence[tuple[str, float]],
                  standard_errors: Mapping[str, float],
                  by_judge: Mapping[str, Sequence[tuple[str, float]]] | None = None
                  ) -> list[dict[str, Any]]:
    """The flags that depend on where the method ranks entries: champion, near-cutoff."""
    if by_judge is None:
        by_judge = totals_by_judge(totals_by_entry)
    return (champion_flags(by_judge, ranks, int(settings["champion_k"]))
            + cutoff_flags(ordered_scores, standard_errors, int(settings["places"])))


def entry_flags(award: Award, settings: Mapping[str, Any],
                totals_by_entry: Mapping[str, Sequence[JudgeTotal]],
                commented: set[tuple[str, int]], ranks: Mapping[str, int | None],
                ordered_scores: Sequence[tuple[str, float]],
                standard_errors: Mapping[str, float]) -> list[dict[str, Any]]:
    """Every flag for one award's ranking (ties are added by the ranking itself)."""
    return (panel_flags(award, settings, totals_by_entry, commented)
            + ranking_flags(settings, totals_by_entry, ranks, ordered_scores, standard_errors))
