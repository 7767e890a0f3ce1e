"""Reliability of a panel: Krippendorff's α, the Shrout & Fleiss ICCs, Kendall's W, and the
additive judge-bias model (fitted in `judge_bias`, re-exported here).

The statistics are pure functions on plain matrices (lists of rows, entries × judges, ``nan``
or None where a judge did not score an entry) so that each can be checked against its published
worked example; `panel_stats` gathers them for one award, on the judges' 0–100 totals
(``stats --json`` in docs/interface.md). Plain Python on purpose: a panel's problems are
small (tens of judges, a few thousand entries) and leaving numpy out keeps the desktop bundle small.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from judgepanel.core.judge_bias import THIN_COMPARISONS as THIN_COMPARISONS
from judgepanel.core.judge_bias import BiasFit as BiasFit
from judgepanel.core.judge_bias import bias_model as bias_model
from judgepanel.core.judge_bias import connected_groups as connected_groups
from judgepanel.core.judge_bias import invert as invert
from judgepanel.core.judge_bias import solve_linear as solve_linear
from judgepanel.core.store import Store

if TYPE_CHECKING:
    from judgepanel.core.ranking import Analysis

# Krippendorff (2004, 2011): rely on data with α ≥ .800; .667 is the lowest limit for
# tentative conclusions.
ALPHA_GOOD = 0.8
ALPHA_TENTATIVE = 0.667

Matrix = Sequence[Sequence[float | None]]


def _rows(matrix: Matrix) -> list[list[float]] | None:
    """The matrix as rows of floats with nan for a gap (None or nan); None unless it is 2-D.

    Accepts lists of lists and, for the tests' convenience, 2-D numpy arrays alike.
    """
    try:
        rows = [[math.nan if value is None else float(value) for value in row]
                for row in matrix]
    except TypeError:
        return None
    if any(len(row) != len(rows[0]) for row in rows):
        return None
    return rows


def _complete(rows: list[list[float]] | None) -> bool:
    """At least two rows and two columns, and no gap: what ICC and W need."""
    return (rows is not None and len(rows) >= 2 and len(rows[0]) >= 2
            and not any(math.isnan(value) for row in rows for value in row))


def krippendorff_alpha_interval(matrix: Matrix) -> float | None:
    """Krippendorff's α with the interval metric; rows are units (entries), columns coders.

    Missing values are ``nan``; units with fewer than two values are not pairable and are left
    out, as Krippendorff (2011) prescribes. None when fewer than two pairable values exist or
    when every pairable value is the same (α is undefined then).
    """
    rows = _rows(matrix)
    if not rows:
        return None
    observed_sum = n = all_sums = all_squares = 0.0
    for row in rows:
        present = [value for value in row if value == value]  # nan is not itself
        m = len(present)
        if m < 2:
            continue  # not pairable
        sums = math.fsum(present)
        squares = math.fsum(value * value for value in present)
        # Σ over ordered pairs c ≠ k within a unit of (v_c − v_k)² = 2 (m Σv² − (Σv)²)
        observed_sum += 2.0 * (m * squares - sums ** 2) / (m - 1)
        n += m
        all_sums += sums
        all_squares += squares
    if not n:
        return None
    expected_pairs = 2.0 * (n * all_squares - all_sums ** 2)
    d_observed = observed_sum / n
    d_expected = expected_pairs / (n * (n - 1))
    if d_expected <= 1e-12 * max(1.0, all_squares):
        return None
    return 1.0 - d_observed / d_expected


def icc(matrix: Matrix) -> dict[str, float] | None:
    """The six intraclass correlations of Shrout & Fleiss (1979) on a complete block.

    Rows are targets (entries), columns judges, no missing values. Keys ICC1, ICC2, ICC3
    (single judge: forms (1,1), (2,1), (3,1)) and ICC1k, ICC2k, ICC3k (mean of k judges).
    None when there are fewer than two targets or two judges.
    """
    x = _rows(matrix)
    if x is None or not _complete(x):
        return None
    n, k = len(x), len(x[0])
    grand = math.fsum(value for row in x for value in row) / (n * k)
    row_means = [math.fsum(row) / k for row in x]
    column_means = [math.fsum(row[c] for row in x) / n for c in range(k)]
    ss_rows = k * math.fsum((mean - grand) ** 2 for mean in row_means)
    ss_cols = n * math.fsum((mean - grand) ** 2 for mean in column_means)
    ss_total = math.fsum((value - grand) ** 2 for row in x for value in row)
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


def _average_ranks(values: Sequence[float]) -> tuple[list[float], float]:
    """Ranks 1..n with ties sharing their mean rank, and the tie term Σ (t³ − t)."""
    size = len(values)
    order = sorted(range(size), key=values.__getitem__)  # stable, like a stable argsort
    ranks = [0.0] * size
    sorted_values = [values[i] for i in order]
    ties = 0.0
    start = 0
    while start < size:
        stop = start + 1
        while stop < size and sorted_values[stop] == sorted_values[start]:
            stop += 1
        for i in order[start:stop]:
            ranks[i] = (start + 1 + stop) / 2.0
        t = stop - start
        ties += t ** 3 - t
        start = stop
    return ranks, ties


def kendall_w(matrix: Matrix) -> float | None:
    """Kendall's coefficient of concordance W with the correction for tied ranks.

    Rows are objects (entries), columns judges; each judge's column is ranked with ties
    averaged. W = 12 S / (m² (n³ − n) − m Σ T), S = Σ (R_i − R̄)², T = Σ (t³ − t) per judge
    (Siegel & Castellan 1988, §9.4; Kendall & Babington Smith 1939). None unless complete,
    with at least two objects and two judges.
    """
    x = _rows(matrix)
    if x is None or not _complete(x):
        return None
    n, m = len(x), len(x[0])
    rank_sums = [0.0] * n
    tie_total = 0.0
    for c in range(m):
        ranks, ties = _average_ranks([row[c] for row in x])
        rank_sums = [total + rank for total, rank in zip(rank_sums, ranks, strict=True)]
        tie_total += ties
    mean_rank_sum = math.fsum(rank_sums) / n
    s = math.fsum((total - mean_rank_sum) ** 2 for total in rank_sums)
    denominator = m ** 2 * (n ** 3 - n) - m * tie_total
    if denominator <= 0:
        return None
    return 12.0 * s / denominator


def plain_reading(alpha: float | None) -> str:
    """Krippendorff's α in words, on his thresholds (Krippendorff 2004, §11.4: .800 / .667)."""
    if alpha is None or math.isnan(alpha):
        return "too few overlapping scores to say how well the judges agree"
    if alpha >= ALPHA_GOOD:
        return "judges agree well"
    if alpha >= ALPHA_TENTATIVE:
        return "judges agree moderately"
    return "judges agree poorly"


def totals_matrix(rows: list[tuple[str, str, float]]
                  ) -> tuple[list[list[float]], list[str], list[str]]:
    """(entry, judge, total) triples as an entries × judges matrix (rows) with nan for gaps."""
    entries = sorted({entry for entry, _, _ in rows})
    judges = sorted({judge for _, judge, _ in rows})
    where_entry = {entry: i for i, entry in enumerate(entries)}
    where_judge = {judge: i for i, judge in enumerate(judges)}
    matrix = [[math.nan] * len(judges) for _ in entries]
    for entry, judge, total in rows:
        matrix[where_entry[entry]][where_judge[judge]] = total
    return matrix, entries, judges


def panel_stats(store: Store, award_id: str, analysis: Analysis | None = None
                ) -> dict[str, Any]:
    """The `stats --json` shape (docs/interface.md) for one award.

    Pass the `ranking.analyse_award` result when you already have it (the chair's screen
    does) to avoid reading the panel twice.
    """
    from judgepanel.core.award_analysis import no_cycle_collection
    from judgepanel.core.ranking import analyse_award

    if analysis is None or analysis.award.id != award_id:
        analysis = analyse_award(store, award_id)
    with no_cycle_collection():
        return _panel_stats(award_id, analysis)


def _panel_stats(award_id: str, analysis: Analysis) -> dict[str, Any]:
    """panel_stats on an analysis, with the cycle collector held off (many small objects)."""
    from judgepanel.core.ranking import rank_analysis

    ranking = rank_analysis(analysis, analysis.settings["method"])
    rows = [(t.entry, t.judge, t.total) for t in analysis.totals if t.total is not None]
    matrix, _, judges = totals_matrix(rows)
    complete_rows = [row for row in matrix if not any(math.isnan(v) for v in row)]
    every_judge_every_entry = bool(matrix) and bool(judges) and len(complete_rows) == len(matrix)

    def clean(value: float | None) -> float | None:
        return None if value is None or math.isnan(value) else float(value)

    icc_values = icc(complete_rows) if len(complete_rows) >= 2 else None
    if icc_values and not all(math.isfinite(value) for value in icc_values.values()):
        icc_values = None  # undefined (no spread between entries): null, not six nulls
    icc_entries = len(complete_rows) if icc_values else 0
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
        "icc_entries": icc_entries,
        "icc_basis": icc_basis(icc_entries, len(matrix), len(judges)),
        "design": ranking.design,
        "design_warning": ranking.design.get("warning"),
    }


def icc_basis(used: int, entries: int, judges: int) -> str:
    """What the ICC rests on, in words: 'ICC on the 2 of 13 entries every judge scored'."""
    if not used:
        return ("ICC not available: fewer than two entries were scored by every judge"
                if judges >= 2 else "ICC not available: fewer than two judges")
    every = "both judges" if judges == 2 else "every judge"
    return f"ICC on the {used} of {entries} entries {every} scored"
