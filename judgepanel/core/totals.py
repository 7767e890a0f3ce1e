"""Per-judge weighted 0–100 totals: the scores that count, and the award settings behind them.

A judge's total for an entry is ``T = 100 · Σ w_s (x_s − min_s)/(max_s − min_s) / Σ w_s``
over the award's sections (docs/domain-notes.md). A missing section is never read as zero:
by default the judge's total for that entry is left out (``total`` None, ``complete`` False) and the
entry is flagged ``incomplete``; an award whose settings say ``incomplete = "renormalise"``
computes the total over the sections that were scored instead.

A score never counts when the judge has a conflict of interest recorded for that entry, even
if a score for it arrives (an old pack, a hand-edited CSV).

Totals are exact: each is a ``fractions.Fraction`` (``JudgeTotal.exact``) built from the
stored scores and the sections' weights and scales read as the decimals they were written
as, so two totals equal on paper (section scores 9, 9, 9, 9 and 8, 10, 10, 8) are equal here
and every tie, threshold and tie-break sees the same number. ``JudgeTotal.total`` is the
same value as a float, for display, JSON and the float statistics.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass, field
from fractions import Fraction
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
        "range": 50.0,        # max − min of the judges' totals, in points of the 0–100 scale
        "rwg": 0.70,          # r_wg = 1 − s² / σ²_EU below this is flagged
        "outlier_mad": 3.0,   # |y − median(others)| ≥ max(3 · scaled MAD, 40 points)
        "outlier_min": 40.0,
        "extreme": 10.0,      # a total in the top or bottom 10 % of the scale needs a comment
        "extreme_gap": 20.0,  # … when it is this far from the other judges' median
        "champion_gap": 20.0,  # a champion's total is this far above the others' median
    },
}


# Every numeric setting's type and allowed range (inclusive). `settings --set` and
# moderation.set_award_settings refuse anything else; award_settings falls back to the
# default for a stored value outside them (a panel written by an older version).
NUMBER_SETTINGS: dict[str, tuple[type, float, float]] = {
    "places": (int, 1, 100),
    "champion_k": (int, 1, 50),
    "bias_ridge": (float, 0, 1e9),  # 0: ordinary least squares; 1e9: no correction at all
}
THRESHOLD_RANGES: dict[str, tuple[float, float]] = {
    "range": (0, 100),
    "rwg": (0, 1),
    "outlier_mad": (0, 20),
    "outlier_min": (0, 100),
    "extreme": (0, 50),
    "extreme_gap": (0, 100),
    "champion_gap": (0, 100),
}


def _allowed(kind: type, low: float, high: float) -> str:
    word = "a whole number" if kind is int else "a number"

    def shown(x: float) -> str:
        return str(int(x)) if float(x).is_integer() else f"{x:g}"
    return f"{word} from {shown(low)} to {shown(high)}"


def setting_problem(key: str, value: Any) -> str | None:
    """Why a numeric setting or flag threshold is refused ('bias_ridge: must be …'), or None.

    `key` is a setting name or ``flag_thresholds.NAME``. NaN, infinity, booleans, text and
    anything outside the declared range are refused, with the range in the message.
    """
    name = key.removeprefix("flag_thresholds.")
    if key.startswith("flag_thresholds."):
        if name not in THRESHOLD_RANGES:
            return (f"{key}: unknown threshold (thresholds: "
                    f"{', '.join(THRESHOLD_RANGES)})")
        kind: type = float
        low, high = THRESHOLD_RANGES[name]
    else:
        kind, low, high = NUMBER_SETTINGS[name]
    allowed = _allowed(kind, low, high)
    shown = value if isinstance(value, str) else json_text(value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"{key}: must be {allowed}, not {shown}"
    if kind is int and isinstance(value, float) and not value.is_integer():
        return f"{key}: must be {allowed}, not {shown}"
    if not math.isfinite(value) or not low <= value <= high:
        return f"{key}: must be {allowed}, not {shown}"
    return None


def json_text(value: Any) -> str:
    """A value as the user typed it in JSON (NaN and Infinity as Python's json writes them)."""
    import json

    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return repr(value)


_DECIMALS: dict[float, Fraction] = {}  # a float's decimal, read once (thresholds, scores)


def exact(value: float | int | Fraction) -> Fraction:
    """A stored number as the decimal it was written as (0.1 is 1/10, not its binary double)."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        return Fraction(value)
    found = _DECIMALS.get(value)
    if found is None:
        found = Fraction(repr(float(value)))
        if len(_DECIMALS) < 10_000:
            _DECIMALS[value] = found
    return found


def scale_refusal(value: float, scale: Any) -> str:
    """Why a score is refused: '7.5 is not on this section's scale: 0 to 10 in steps of 1'."""
    def number(x: float) -> str:
        return f"{x:g}" if math.isfinite(x) else str(x)

    return (f"{number(float(value))} is not on this section's scale: {number(scale.min)} to "
            f"{number(scale.max)} in steps of {number(scale.step)}")


def default_tie_break(award: Award) -> list[str]:
    """The tie-break order used unless the award says otherwise (docs/domain-notes.md, "Ties")."""
    first = [f"section:{award.sections[0].id}"] if award.sections else []
    return ["bias", *first, "median", "panel"]


def award_settings(award: Award) -> dict[str, Any]:
    """The award's results settings with every default filled in (a fresh copy)."""
    merged = copy.deepcopy(DEFAULT_SETTINGS)
    for key, value in award.settings.items():
        if key == "flag_thresholds" and isinstance(value, dict):
            merged["flag_thresholds"].update(
                {name: float(number) for name, number in value.items()
                 if setting_problem(f"flag_thresholds.{name}", number) is None})
        elif key in NUMBER_SETTINGS:
            if setting_problem(key, value) is None:
                merged[key] = NUMBER_SETTINGS[key][0](value)
        elif key != "flag_thresholds":
            merged[key] = copy.deepcopy(value)
    if not merged.get("tie_break"):
        merged["tie_break"] = default_tie_break(award)
    if merged["method"] not in METHOD_NAMES:
        merged["method"] = DEFAULT_SETTINGS["method"]
    return merged


@dataclass
class JudgeTotal:
    """One judge's total for one entry; `sections` holds the raw section scores given.

    `exact` is the total as a fraction (None when left out); `total` is the same as a float.
    """

    judge_id: int
    judge: str
    entry: str
    total: float | None
    complete: bool
    sections: dict[str, float] = field(default_factory=dict)
    exact: Fraction | None = None

    def __post_init__(self) -> None:
        if self.exact is None and self.total is not None:
            self.exact = exact(self.total)


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
    """(judge id, entry, section, value) rows → exact totals; pure, fast for 50,000 scores.

    Each distinct (section, score) contributes w_s (x − min_s) / (max_s − min_s) exactly; the
    contributions are put over one common denominator so a judge's sum is integer arithmetic.
    """
    spans: dict[str, tuple[Fraction, Fraction, Fraction]] = {}
    for section in award.sections:
        scale = award.scale_of(section)
        low, high = exact(scale.min), exact(scale.max)
        spans[section.id] = (low, high - low, exact(section.weight))
    all_weight = sum((weight for _, _, weight in spans.values()), Fraction(0))
    wanted = len(spans)
    shares: dict[tuple[str, float], Fraction] = {}
    slots: dict[tuple[str, int], dict[str, float]] = {}
    all_float = True  # every value already a float: each slot is its total's `sections`
    for judge_id, entry, section, value in rows:
        span = spans.get(section)
        if span is None:
            continue
        if type(value) is not float:
            all_float = False
        key = (section, value)
        if key not in shares:
            shares[key] = span[2] * (exact(value) - span[0]) / span[1]
        slot = slots.get((entry, judge_id))
        if slot is None:
            slot = slots[(entry, judge_id)] = {}
        slot[section] = value
    denominator = math.lcm(*(share.denominator for share in shares.values())) if shares else 1
    units = {key: share.numerator * (denominator // share.denominator)
             for key, share in shares.items()}
    found: list[JudgeTotal] = []
    # total = 100 · points / denominator / weight = (100 · points · w_d) / (denominator · w_n)
    top, bottom = 100 * all_weight.denominator, denominator * all_weight.numerator
    # Totals repeat (a 0–10 scale over five sections has 51 of them): each distinct one is
    # made once, as a Fraction and as its float (true division of the integers rounds
    # correctly, so it is float(total) exactly).
    made: dict[tuple[int, int, int], tuple[Fraction, float]] = {}
    for (entry, judge_id), marks in sorted(slots.items()):
        complete = len(marks) == wanted
        total: Fraction | None = None
        shown: float | None = None
        if complete or renormalise:
            if complete:
                over, under = top, bottom
            else:
                weight = sum((spans[section][2] for section in marks), Fraction(0))
                over, under = 100 * weight.denominator, denominator * weight.numerator
            if under > 0:
                points = sum([units[key] for key in marks.items()])
                kind = (points, over, under)
                pair = made.get(kind)
                if pair is None:
                    pair = made[kind] = (Fraction(points * over, under),
                                         points * over / under)
                total, shown = pair
        sections = marks if all_float else {section: float(value)
                                            for section, value in marks.items()}
        found.append(JudgeTotal(judge_id, names[judge_id], entry, shown, complete,
                                sections, total))
    return found


def judge_totals(store: Store, award_id: str) -> list[JudgeTotal]:
    """Each judge's weighted 0–100 total per entry they scored (incomplete ones: total None)."""
    award = panel_award(store, award_id)
    renormalise = award_settings(award)["incomplete"] == "renormalise"
    # One plain read of the scores (tuples); the few conflicted pairs are taken out here,
    # which costs far less than asking SQLite about a conflict for every score.
    rows = store.db.execute(
        "SELECT s.judge, s.entry, s.section, s.value FROM scores s "
        "WHERE s.entry IN (SELECT id FROM entries WHERE award = ?) AND s.value IS NOT NULL",
        [award_id]).fetchall()
    conflicted = set(store.db.execute(
        "SELECT c.judge, c.entry FROM conflicts c JOIN entries e ON e.id = c.entry "
        "AND e.award = ?", [award_id]).fetchall())
    if conflicted:
        rows = [row for row in rows if (row[0], row[1]) not in conflicted]
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
