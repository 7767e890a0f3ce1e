"""Reliability of a panel: Krippendorff's α, the Shrout & Fleiss ICCs, Kendall's W, and the
additive judge-bias model.

The statistics are pure functions on numpy arrays (entries × judges, ``nan`` where a judge did
not score an entry) so that each can be checked against its published worked example;
`panel_stats` gathers them for one award, on the judges' 0–100 totals (INTERFACE.md,
``stats --json``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from judgepanel.core.store import Store

if TYPE_CHECKING:
    from judgepanel.core.ranking import Analysis

# Krippendorff (2004, 2011): rely on data with α ≥ .800; .667 is the lowest limit for
# tentative conclusions.
ALPHA_GOOD = 0.8
ALPHA_TENTATIVE = 0.667


def krippendorff_alpha_interval(matrix: np.ndarray) -> float | None:
    """Krippendorff's α with the interval metric; rows are units (entries), columns coders.

    Missing values are ``nan``; units with fewer than two values are not pairable and are left
    out, as Krippendorff (2011) prescribes. None when fewer than two pairable values exist or
    when every pairable value is the same (α is undefined then).
    """
    values = np.asarray(matrix, dtype=float)
    if values.ndim != 2 or values.size == 0:
        return None
    present = ~np.isnan(values)
    m = present.sum(axis=1)
    pairable = m >= 2
    if not pairable.any():
        return None
    filled = np.where(present, values, 0.0)[pairable]
    m = m[pairable].astype(float)
    sums = filled.sum(axis=1)
    squares = (filled ** 2).sum(axis=1)
    # Σ over ordered pairs c ≠ k within a unit of (v_c − v_k)² = 2 (m Σv² − (Σv)²)
    observed_sum = float(np.sum(2.0 * (m * squares - sums ** 2) / (m - 1)))
    n = float(m.sum())
    expected_pairs = 2.0 * (n * squares.sum() - sums.sum() ** 2)
    d_observed = observed_sum / n
    d_expected = expected_pairs / (n * (n - 1))
    if d_expected <= 1e-12 * max(1.0, float(squares.sum())):
        return None
    return float(1.0 - d_observed / d_expected)


def icc(matrix: np.ndarray) -> dict[str, float] | None:
    """The six intraclass correlations of Shrout & Fleiss (1979) on a complete block.

    Rows are targets (entries), columns judges, no missing values. Keys ICC1, ICC2, ICC3
    (single judge: forms (1,1), (2,1), (3,1)) and ICC1k, ICC2k, ICC3k (mean of k judges).
    None when there are fewer than two targets or two judges.
    """
    x = np.asarray(matrix, dtype=float)
    if x.ndim != 2 or x.shape[0] < 2 or x.shape[1] < 2 or np.isnan(x).any():
        return None
    n, k = x.shape
    grand = x.mean()
    ss_rows = k * np.sum((x.mean(axis=1) - grand) ** 2)
    ss_cols = n * np.sum((x.mean(axis=0) - grand) ** 2)
    ss_total = np.sum((x - grand) ** 2)
    ss_error = ss_total - ss_rows - ss_cols
    bms = ss_rows / (n - 1)
    wms = (ss_cols + ss_error) / (n * (k - 1))
    jms = ss_cols / (k - 1)
    ems = ss_error / ((n - 1) * (k - 1))

    def ratio(top: float, bottom: float) -> float:
        return float(top / bottom) if bottom else float("nan")

    return {
        "ICC1": ratio(bms - wms, bms + (k - 1) * wms),
        "ICC2": ratio(bms - ems, bms + (k - 1) * ems + k * (jms - ems) / n),
        "ICC3": ratio(bms - ems, bms + (k - 1) * ems),
        "ICC1k": ratio(bms - wms, bms),
        "ICC2k": ratio(bms - ems, bms + (jms - ems) / n),
        "ICC3k": ratio(bms - ems, bms),
    }


def _average_ranks(values: np.ndarray) -> tuple[np.ndarray, float]:
    """Ranks 1..n with ties sharing their mean rank, and the tie term Σ (t³ − t)."""
    order = np.argsort(values, kind="stable")
    ranks = np.empty(values.size, dtype=float)
    sorted_values = values[order]
    ties = 0.0
    start = 0
    while start < values.size:
        stop = start + 1
        while stop < values.size and sorted_values[stop] == sorted_values[start]:
            stop += 1
        ranks[order[start:stop]] = (start + 1 + stop) / 2.0
        t = stop - start
        ties += t ** 3 - t
        start = stop
    return ranks, ties


def kendall_w(matrix: np.ndarray) -> float | None:
    """Kendall's coefficient of concordance W with the correction for tied ranks.

    Rows are objects (entries), columns judges; each judge's column is ranked with ties
    averaged. W = 12 S / (m² (n³ − n) − m Σ T), S = Σ (R_i − R̄)², T = Σ (t³ − t) per judge
    (Siegel & Castellan 1988, §9.4; Kendall & Babington Smith 1939). None unless complete,
    with at least two objects and two judges.
    """
    x = np.asarray(matrix, dtype=float)
    if x.ndim != 2 or x.shape[0] < 2 or x.shape[1] < 2 or np.isnan(x).any():
        return None
    n, m = x.shape
    rank_sums = np.zeros(n)
    tie_total = 0.0
    for column in x.T:
        ranks, ties = _average_ranks(column)
        rank_sums += ranks
        tie_total += ties
    s = float(np.sum((rank_sums - rank_sums.mean()) ** 2))
    denominator = m ** 2 * (n ** 3 - n) - m * tie_total
    if denominator <= 0:
        return None
    return 12.0 * s / denominator


@dataclass
class BiasFit:
    """The additive model y = μ + q_entry + b_judge + ε, fitted by ridge least squares."""

    scores: np.ndarray        # μ + q_i per entry (nan for an entry with no observation)
    bias: np.ndarray          # b_j per judge (Σ b = 0 within each connected group)
    connected: bool
    components: np.ndarray    # the connected group of each judge
    residual_sd: float        # nan when the model has no degrees of freedom left


def bias_model(entry_index: np.ndarray, judge_index: np.ndarray, values: np.ndarray,
               n_entries: int, n_judges: int, ridge: float = 0.5) -> BiasFit:
    """Fit y = μ + q_entry + b_judge + ε by least squares, ridge λ on b and Σ b = 0.

    The entry effects are profiled out exactly (a_i = mean over its judges of y − b), which
    leaves a small judges × judges system, so 2,000 entries cost no more than 40 judges do.
    The judge–entry graph must be connected for the judge effects to be comparable; when it is
    not, Σ b = 0 is imposed within each connected group of judges instead (each group
    assumed as lenient on average as the others) and `connected` is False. In a complete
    design the scores equal the raw means exactly.
    """
    e = np.asarray(entry_index, dtype=np.int64)
    j = np.asarray(judge_index, dtype=np.int64)
    y = np.asarray(values, dtype=float)
    per_entry = np.bincount(e, minlength=n_entries).astype(float)
    per_judge = np.bincount(j, minlength=n_judges).astype(float)
    safe = np.where(per_entry > 0, per_entry, 1.0)
    entry_mean = np.bincount(e, weights=y, minlength=n_entries) / safe
    incidence = np.zeros((n_entries, n_judges))
    np.add.at(incidence, (e, j), 1.0)
    shared = incidence.T @ (incidence / safe[:, None])
    groups, components = connected_groups(shared > 0)
    # Judges with no observation form groups of their own; ignore them for connectedness.
    active_groups = {int(components[i]) for i in range(n_judges) if per_judge[i] > 0}
    system = np.diag(per_judge + ridge) - shared
    residual_pull = np.bincount(j, weights=y - entry_mean[e], minlength=n_judges)
    membership = np.zeros((n_judges, groups))
    membership[np.arange(n_judges), components] = 1.0
    bordered = np.block([[system, membership], [membership.T, np.zeros((groups, groups))]])
    rhs = np.concatenate([residual_pull, np.zeros(groups)])
    solution = np.linalg.lstsq(bordered, rhs, rcond=None)[0] if n_judges else rhs
    bias = solution[:n_judges]
    scores = entry_mean - np.bincount(e, weights=bias[j], minlength=n_entries) / safe
    scores = np.where(per_entry > 0, scores, np.nan)
    residuals = y - scores[e] - bias[j] if y.size else y
    freedom = y.size - int(np.count_nonzero(per_entry)) - int(np.count_nonzero(per_judge)) \
        + len(active_groups)
    residual_sd = float(np.sqrt(np.sum(residuals ** 2) / freedom)) if freedom > 0 else np.nan
    return BiasFit(scores=scores, bias=bias, connected=len(active_groups) <= 1,
                   components=components, residual_sd=residual_sd)


def connected_groups(adjacency: np.ndarray) -> tuple[int, np.ndarray]:
    """Connected groups of a symmetric adjacency matrix: (how many, the group of each node).

    Groups are numbered in order of their lowest node. A breadth-first walk is plenty for a
    panel's few dozen judges and keeps the statistics free of a heavier dependency.
    """
    size = adjacency.shape[0]
    labels = np.full(size, -1, dtype=np.int64)
    groups = 0
    for start in range(size):
        if labels[start] >= 0:
            continue
        labels[start] = groups
        frontier = [start]
        while frontier:
            node = frontier.pop()
            for neighbour in np.flatnonzero(adjacency[node]):
                if labels[neighbour] < 0:
                    labels[neighbour] = groups
                    frontier.append(int(neighbour))
        groups += 1
    return groups, labels


def plain_reading(alpha: float | None) -> str:
    """Krippendorff's α in words, on his thresholds (Krippendorff 2004, §11.4: .800 / .667)."""
    if alpha is None or np.isnan(alpha):
        return "too few overlapping scores to say how well the judges agree"
    if alpha >= ALPHA_GOOD:
        return "judges agree well"
    if alpha >= ALPHA_TENTATIVE:
        return "judges agree moderately"
    return "judges agree poorly"


def totals_matrix(rows: list[tuple[str, str, float]]) -> tuple[np.ndarray, list[str], list[str]]:
    """(entry, judge, total) triples as an entries × judges matrix with nan for gaps."""
    entries = sorted({entry for entry, _, _ in rows})
    judges = sorted({judge for _, judge, _ in rows})
    where_entry = {entry: i for i, entry in enumerate(entries)}
    where_judge = {judge: i for i, judge in enumerate(judges)}
    matrix = np.full((len(entries), len(judges)), np.nan)
    for entry, judge, total in rows:
        matrix[where_entry[entry], where_judge[judge]] = total
    return matrix, entries, judges


def panel_stats(store: Store, award_id: str, analysis: Analysis | None = None
                ) -> dict[str, Any]:
    """The `stats --json` shape of INTERFACE.md for one award.

    Pass the `ranking.analyse_award` result when you already have it (the chair's screen
    does) to avoid reading the panel twice.
    """
    from judgepanel.core.ranking import analyse_award, rank_analysis

    if analysis is None or analysis.award.id != award_id:
        analysis = analyse_award(store, award_id)
    ranking = rank_analysis(analysis, analysis.settings["method"])
    rows = [(t.entry, t.judge, t.total) for t in analysis.totals if t.total is not None]
    matrix, _, judges = totals_matrix(rows)
    complete_rows = matrix[~np.isnan(matrix).any(axis=1)] if matrix.size else matrix
    every_judge_every_entry = matrix.size > 0 and not np.isnan(matrix).any()

    def clean(value: float | None) -> float | None:
        return None if value is None or np.isnan(value) else float(value)

    icc_values = icc(complete_rows) if len(complete_rows) >= 2 else None
    return {
        "award": award_id,
        "entries": len({entry for entry, _, _ in rows}),
        "judges": len(judges),
        "scores": len(rows),
        "alpha_interval": clean(krippendorff_alpha_interval(matrix)) if rows else None,
        "icc": ({key: clean(value) for key, value in icc_values.items()}
                if icc_values else None),
        "kendall_w": clean(kendall_w(matrix)) if every_judge_every_entry else None,
        "connected": analysis.connected,
        "judge_bias": dict(analysis.judge_bias),
        "flags": list(ranking.flag_records),
    }
