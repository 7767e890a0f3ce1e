"""Ties: which entries' scores are equal, and the award's declared order that separates them.

Ties are broken only by the award's declared order (``tie_break`` setting): another method's
score, ``section:ID`` (the judges' mean on that section), or ``panel`` (a recorded panel vote,
moderation.record_tie_break). What that order cannot separate shares a rank and is flagged.
"""

from __future__ import annotations

from fractions import Fraction

from judgepanel.core.award_analysis import Analysis
from judgepanel.core.ranking_methods import METHODS, Number
from judgepanel.core.totals import exact

TOLERANCE = 1e-9


def _same(a: Number, b: Number) -> bool:
    """Exact values tie only when equal; floats (z-scores, the bias model) within a hair."""
    if isinstance(a, Fraction) and isinstance(b, Fraction):
        return a == b
    first, second = float(a), float(b)
    return abs(first - second) <= TOLERANCE * max(1.0, abs(first), abs(second))


def equal_groups(ordered: list[tuple[str, Number]],
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


def break_ties(analysis: Analysis, group: list[str], criteria: list[str],
                notes: list[str]) -> list[list[str]]:
    """Split a tied group by the declared criteria, in order; what stays together ties."""
    if len(group) < 2 or not criteria:
        return [group]
    criterion, rest = criteria[0], criteria[1:]
    values = _criterion_values(analysis, criterion, group)
    if values is None:
        return break_ties(analysis, group, rest, notes)
    parts = equal_groups(sorted(values.items(), key=lambda pair: (-float(pair[1]), pair[0])))
    if len(parts) > 1:
        notes.append(f"tie between {', '.join(sorted(group))} broken by {criterion}")
    result: list[list[str]] = []
    for part in parts:
        result += break_ties(analysis, part, rest, notes)
    return result
