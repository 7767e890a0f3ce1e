"""Per-judge weighted 0–100 totals: the scores that count, and the award settings behind them.

A judge's total for an entry is ``T = 100 · Σ w_s (x_s − min_s)/(max_s − min_s) / Σ w_s``
over the award's sections (DOMAIN.md). A missing section is never read as zero: by default
the judge's total for that entry is left out (``total`` None, ``complete`` False) and the
entry is flagged ``incomplete``; an award whose settings say ``incomplete = "renormalise"``
computes the total over the sections that were scored instead.

A score never counts when the judge has a conflict of interest recorded for that entry, even
if a score for it arrives (an old pack, a hand-edited CSV).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from judgepanel.core.awards import Award, panel_award
from judgepanel.core.store import Store

METHOD_NAMES = ("mean", "median", "trimmed", "zscore", "bias", "borda")
INCOMPLETE_CHOICES = ("exclude", "renormalise")

# Defaults for an award's results settings (awards.settings JSON). The chair may change any
# of them per award (moderation.set_award_settings), each change is audited.
DEFAULT_SETTINGS: dict[str, Any] = {
    "method": "bias",
    "incomplete": "exclude",
    "places": 3,          # number of placements: the near-cutoff flag watches rank k vs k+1
    "champion_k": 3,      # a judge's top-k outside the panel's top-2k is a "champion"
    "bias_ridge": 0.5,    # ridge on the judge effects: half a pseudo-entry of zero bias
    "flag_thresholds": {
        "range": 30.0,        # max − min of the judges' totals, in points of the 0–100 scale
        "rwg": 0.70,          # r_wg = 1 − s² / σ²_EU below this is flagged
        "outlier_mad": 3.0,   # |y − median(others)| ≥ max(3 · scaled MAD, 30 points)
        "outlier_min": 30.0,
        "extreme": 10.0,      # a total in the top or bottom 10 % of the scale needs a comment
    },
}


def default_tie_break(award: Award) -> list[str]:
    """The tie-break order used unless the award says otherwise (DOMAIN.md, "Ties")."""
    first = [f"section:{award.sections[0].id}"] if award.sections else []
    return ["bias", *first, "median", "panel"]


def award_settings(award: Award) -> dict[str, Any]:
    """The award's results settings with every default filled in (a fresh copy)."""
    merged = copy.deepcopy(DEFAULT_SETTINGS)
    for key, value in award.settings.items():
        if key == "flag_thresholds" and isinstance(value, dict):
            merged["flag_thresholds"].update(value)
        else:
            merged[key] = copy.deepcopy(value)
    if not merged.get("tie_break"):
        merged["tie_break"] = default_tie_break(award)
    if merged["method"] not in METHOD_NAMES:
        merged["method"] = DEFAULT_SETTINGS["method"]
    return merged


@dataclass
class JudgeTotal:
    """One judge's total for one entry; `sections` holds the raw section scores given."""

    judge_id: int
    judge: str
    entry: str
    total: float | None
    complete: bool
    sections: dict[str, float] = field(default_factory=dict)


def _score_rows(store: Store, award_id: str) -> list[tuple[Any, ...]]:
    """(judge id, judge name, entry, section, value, comment, updated_at), conflicts removed."""
    return store.db.execute(
        "SELECT s.judge, j.name, s.entry, s.section, s.value, s.comment, s.updated_at "
        "FROM scores s "
        "JOIN entries e ON e.id = s.entry AND e.award = ? "
        "JOIN judges j ON j.id = s.judge "
        "JOIN sections sec ON sec.award = e.award AND sec.id = s.section "
        "WHERE s.value IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM conflicts c WHERE c.judge = s.judge AND c.entry = s.entry) "
        "ORDER BY s.entry, s.judge, sec.position",
        [award_id],
    ).fetchall()


def counted_scores(store: Store, award_id: str) -> list[dict[str, Any]]:
    """Every section score that counts for this award: no conflicted pairs, no empty values.

    Each row: judge_id, judge, entry, section, value, comment, updated_at.
    """
    names = ("judge_id", "judge", "entry", "section", "value", "comment", "updated_at")
    return [dict(zip(names, row, strict=True)) for row in _score_rows(store, award_id)]


def totals_from_rows(award: Award, rows: list[tuple[Any, ...]],
                     renormalise: bool = False) -> list[JudgeTotal]:
    """Turn counted section scores (counted_scores' column order) into per-judge totals."""
    names = {row[0]: row[1] for row in rows}
    return _totals(award, [(row[0], row[2], row[3], row[4]) for row in rows], names,
                   renormalise)


def _totals(award: Award, rows: list[tuple[Any, ...]], names: dict[int, str],
            renormalise: bool) -> list[JudgeTotal]:
    """(judge id, entry, section, value) rows → totals; pure, and fast for 50,000 scores."""
    spans: dict[str, tuple[float, float, float]] = {}
    for section in award.sections:
        scale = award.scale_of(section)
        spans[section.id] = (scale.min, scale.max - scale.min, section.weight)
    all_weight = sum(weight for _, _, weight in spans.values())
    wanted = len(spans)
    # One pass: each (entry, judge) slot holds [sections, weighted sum, weight sum].
    slots: dict[tuple[str, int], list[Any]] = {}
    for judge_id, entry, section, value in rows:
        span = spans.get(section)
        if span is None:
            continue
        slot = slots.get((entry, judge_id))
        if slot is None:
            slot = slots[(entry, judge_id)] = [{}, 0.0, 0.0]
        slot[0][section] = float(value)
        slot[1] += span[2] * (value - span[0]) / span[1]
        slot[2] += span[2]
    found: list[JudgeTotal] = []
    for (entry, judge_id), (sections, weighted, weight_sum) in sorted(slots.items()):
        complete = len(sections) == wanted
        total = None
        if complete:
            total = 100.0 * weighted / all_weight
        elif renormalise and weight_sum > 0:
            total = 100.0 * weighted / weight_sum
        found.append(JudgeTotal(judge_id, names[judge_id], entry, total, complete, sections))
    return found


def judge_totals(store: Store, award_id: str) -> list[JudgeTotal]:
    """Each judge's weighted 0–100 total per entry they scored (incomplete ones: total None)."""
    award = panel_award(store, award_id)
    renormalise = award_settings(award)["incomplete"] == "renormalise"
    rows = store.db.execute(
        "SELECT s.judge, s.entry, s.section, s.value FROM scores s "
        "JOIN entries e ON e.id = s.entry AND e.award = ? "
        "WHERE s.value IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM conflicts c WHERE c.judge = s.judge AND c.entry = s.entry)",
        [award_id]).fetchall()
    names = dict(store.db.execute("SELECT id, name FROM judges").fetchall())
    return _totals(award, rows, names, renormalise)


def commented_pairs(store: Store, award_id: str) -> set[tuple[str, int]]:
    """(entry, judge id) pairs with a comment in any section or in the overall review."""
    rows = store.db.execute(
        "SELECT s.entry, s.judge FROM scores s JOIN entries e ON e.id = s.entry AND e.award = ? "
        "WHERE trim(s.comment) != '' UNION "
        "SELECT r.entry, r.judge FROM reviews r JOIN entries e ON e.id = r.entry AND e.award = ? "
        "WHERE trim(r.comment) != ''", [award_id, award_id]).fetchall()
    return {(entry, judge) for entry, judge in rows}
