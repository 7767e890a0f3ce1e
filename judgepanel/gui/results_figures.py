"""What the Results page shows for one award, computed apart from any widget.

`compute_results` runs inline or on a worker thread (with the worker's own Store): it takes
the award's one analysis from the core (award_results) and adds the score matrix; the text
functions turn its figures into the sentences the chair reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from judgepanel.core.award_results import AwardResults, award_results
from judgepanel.core.ranking import METHODS, Analysis, Ranking
from judgepanel.core.rounds import award_rounds
from judgepanel.core.stats import plain_reading
from judgepanel.core.store import Store
from judgepanel.gui.ranking_models import method_label
from judgepanel.gui.score_matrix import MatrixData, matrix_data


@dataclass
class ResultsView:
    """Everything the page shows for one award: the core's results, one method's ranking
    and the matrix drawn from it."""

    results: AwardResults
    ranking: Ranking
    matrix: MatrixData
    round_names: dict[str, str] = field(default_factory=dict)  # round id -> its name

    @property
    def award(self) -> str:
        return self.results.award

    @property
    def analysis(self) -> Analysis:
        return self.results.analysis

    @property
    def stats(self) -> dict[str, Any]:
        return self.results.stats

    @property
    def sensitivity(self) -> dict[str, dict[str, int | None]]:
        return self.results.sensitivity

    @property
    def top_changes(self) -> list[str]:
        return self.results.top_changes


def compute_results(store: Store, award_id: str, method: str | None) -> ResultsView:
    """The award's one analysis and every view of it (safe to run on a worker thread: the
    statistics and the sensitivity table are worked out here, not later on the GUI thread)."""
    results = award_results(store, award_id)
    ranking = results.ranking(method)
    results.stats  # noqa: B018 - computed now, while off the GUI thread
    results.sensitivity  # noqa: B018
    return ResultsView(results, ranking, matrix_data(store, ranking, results.analysis.totals),
                       {r.id: r.name for r in award_rounds(store, award_id)})


def with_method(store: Store, view: ResultsView, method: str) -> ResultsView:
    """The same analysis ranked under another method (no new read of the scores)."""
    ranking = view.results.ranking(method)
    return ResultsView(view.results, ranking, matrix_data(store, ranking, view.analysis.totals),
                       view.round_names)


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


def note_text(results: ResultsView) -> str:
    """The line under the controls: method, whether the design is connected, tie-breaks."""
    ranking = results.ranking
    default = results.analysis.settings["method"]
    method = f"Ranked by {method_label(ranking.method).lower()}"
    if ranking.method == default:
        method += " (this award's method)"
    design = ("judge–entry design connected" if ranking.connected
              else "judge–entry design NOT connected: bias estimates compare only judges "
                   "who share entries")
    ties = "tie-break order: " + " → ".join(tie_word(t, results.round_names)
                                            for t in ranking.tie_break)
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


def sensitivity_text(results: ResultsView) -> str:
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


def tie_word(criterion: str, round_names: dict[str, str] | None = None) -> str:
    """A tie-break step as a coordinator reads it: "section Q1", "recorded panel decision",
    "the Judging round's rank" (`round_names`: the award's rounds by id)."""
    if criterion.startswith("round:"):
        round_id = criterion.removeprefix("round:")
        name = (round_names or {}).get(round_id, round_id)
        return f"the {name}'s rank" if name.casefold().endswith("round") else \
            f"the {name} round's rank"
    if criterion.startswith("section:"):
        return f"section {criterion.removeprefix('section:')}"
    if criterion == "panel":
        return "recorded panel decision"
    return method_label(criterion).lower()
