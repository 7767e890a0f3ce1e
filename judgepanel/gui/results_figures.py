"""What the Results page shows for one award, computed apart from any widget.

`compute_results` runs inline or on a worker thread (with the worker's own Store); the text
functions turn its figures into the sentences the chair reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from judgepanel.core.ranking import METHODS, Analysis, Ranking, analyse_award, rank_analysis
from judgepanel.core.stats import panel_stats, plain_reading
from judgepanel.core.store import Store
from judgepanel.gui.ranking_models import method_label
from judgepanel.gui.score_matrix import MatrixData, matrix_data


@dataclass
class AwardResults:
    """Everything the page shows for one award, computed together."""

    award: str
    analysis: Analysis
    ranking: Ranking
    stats: dict[str, Any]
    sensitivity: dict[str, dict[str, int | None]]
    top_changes: list[str]
    matrix: MatrixData


def compute_results(store: Store, award_id: str, method: str | None) -> AwardResults:
    """Analyse an award once and derive every view from it (safe to run on a worker thread)."""
    analysis = analyse_award(store, award_id)
    ranking = rank_analysis(analysis, method or analysis.settings["method"])
    table: dict[str, dict[str, int | None]] = {e["id"]: {} for e in analysis.entries}
    tops: dict[str, list[str]] = {}
    places = int(analysis.settings.get("places", 3))
    for name in METHODS:
        plain = rank_analysis(analysis, name, use_overrides=False)
        for row in plain.entries:
            table[row.entry][name] = row.rank
        tops[name] = [f"{r.entry}@{r.rank}" for r in plain.entries
                      if r.rank is not None and r.rank <= places]
    default = analysis.settings["method"]
    return AwardResults(award_id, analysis, ranking, panel_stats(store, award_id), table,
                        _top_changes(tops, default), matrix_data(store, ranking, analysis.totals))


def _top_changes(tops: dict[str, list[str]], default: str) -> list[str]:
    """Methods that put a different set or order in the top places than the award's method."""
    reference = tops.get(default, [])
    return [name for name, top in tops.items() if top != reference]


def first_places(sensitivity: dict[str, dict[str, int | None]], default: str
                 ) -> dict[str, list[str]]:
    """Entry → the methods that rank it first, the award's method's choice listed first."""
    firsts: dict[str, list[str]] = {}
    for method in [default, *(m for m in METHODS if m != default)]:
        for entry, ranks in sensitivity.items():
            if ranks.get(method) == 1:
                firsts.setdefault(entry, []).append(method)
    return firsts


def reliability_text(stats: dict[str, Any]) -> str:
    """'Judges agree well (Krippendorff's α = 0.84)' from the stats."""
    alpha = stats.get("alpha_interval")
    reading = plain_reading(alpha)
    reading = reading[:1].upper() + reading[1:]
    basis = f" {stats['icc_basis']}." if stats.get("icc_basis") else ""
    if alpha is None:
        return reading + "." + basis
    return f"{reading} (Krippendorff's α = {alpha:.2f}).{basis}"


def figure(value: float | None) -> str:
    return "not available" if value is None else f"{value:.2f}"


def note_text(results: AwardResults) -> str:
    """The line under the controls: method, whether the design is connected, tie-breaks."""
    ranking = results.ranking
    default = results.analysis.settings["method"]
    method = f"Ranked by {method_label(ranking.method).lower()}"
    if ranking.method == default:
        method += " (this award's method)"
    design = ("judge–entry design connected" if ranking.connected
              else "judge–entry design NOT connected: bias estimates compare only judges "
                   "who share entries")
    ties = "tie-break order: " + " → ".join(_tie_word(t) for t in ranking.tie_break)
    text = f"{method}; {design}; {ties}."
    close = _too_close_runs(ranking)
    if close:
        text += (" Too close to separate (bias-corrected scores within their standard "
                 "error): " + "; ".join(" ≈ ".join(run) for run in close) + ".")
    warning = ranking.design.get("warning")
    if warning:
        text += f"\nWarning: {warning[:1].upper()}{warning[1:]}."
    return text


def _too_close_runs(ranking: Ranking) -> list[list[str]]:
    """Neighbours marked too close to separate, as runs in the bias-corrected order."""
    ordered = sorted((row for row in ranking.entries if row.bias_score is not None),
                     key=lambda row: -(row.bias_score or 0.0))
    runs: list[list[str]] = []
    for upper, lower in zip(ordered, ordered[1:], strict=False):
        if lower.entry in upper.too_close:
            if runs and runs[-1][-1] == upper.entry:
                runs[-1].append(lower.entry)
            else:
                runs.append([upper.entry, lower.entry])
    return runs


def sensitivity_text(results: AwardResults) -> str:
    """Whether the top places change between methods, and who is first under which."""
    places = int(results.analysis.settings.get("places", 3))
    if not any(r.rank for r in results.ranking.entries):
        return "No entry is ranked yet."
    if not results.top_changes:
        return (f"The top {places} places are the same under every method: the result "
                "does not depend on the choice of method.")
    names = ", ".join(method_label(m).lower() for m in results.top_changes)
    firsts = first_places(results.sensitivity, results.analysis.settings["method"])
    if len(firsts) == 1:
        first = f"{next(iter(firsts))} is first under every method."
    else:
        first = "First place goes to " + "; ".join(
            f"{entry} under {', '.join(method_label(m).lower() for m in methods)}"
            for entry, methods in firsts.items()) + "."
    return (f"The top {places} places change with the method (they differ under {names}). "
            f"{first} Bold ranks differ from the award's method.")


def _tie_word(criterion: str) -> str:
    if criterion.startswith("section:"):
        return f"section {criterion.removeprefix('section:')}"
    if criterion == "panel":
        return "recorded panel decision"
    return method_label(criterion).lower()
