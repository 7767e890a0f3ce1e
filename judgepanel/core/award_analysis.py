"""One analysis per award: the panel's scores read once, every method's scores, how well the
design determines the judges' leniency, and each entry's line that every method shares; with
the shape of a ranking (RankedEntry, Ranking) that the analysis keeps once computed.
"""

from __future__ import annotations

import gc
import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from judgepanel.core.awards import Award, panel_award
from judgepanel.core.disagreement_flags import (
    Champion,
    panel_flags,
    sample_variance,
    totals_by_judge,
)
from judgepanel.core.judge_bias import THIN_COMPARISONS, BiasFit
from judgepanel.core.ranking_methods import method_scores
from judgepanel.core.recorded_decisions import current_overrides, placements, tie_break_records
from judgepanel.core.store import Store
from judgepanel.core.totals import JudgeTotal, award_settings, commented_pairs, judge_totals


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
    scores, exact_scores, errors, connected, bias, model_notes, fit = method_scores(
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


def difference_se(analysis: Analysis) -> Callable[[str, str], float]:
    """The standard error of two entries' bias-corrected difference, by entry id."""
    where = {name: i for i, name in enumerate(sorted(analysis.counted))}
    fit = analysis.fit

    def error(first: str, second: str) -> float:
        if fit is None or first not in where or second not in where:
            return math.nan
        return fit.difference_se(where[first], where[second])
    return error



EntryLine = tuple[str, str, str, str, float | None, float | None, float | None, int,
                  str | None, float | None, float | None, list[str]]


def entry_lines(analysis: Analysis) -> list[EntryLine]:
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
