"""The exact methods' scores equal their definitions worked out with plain fractions.

The ranking sums totals as whole numbers over one common denominator and makes each score
once (for speed, `tests/bench/bench_rank.py`); these panels, with decimal weights, decimal
scale steps, missing sections, renormalised totals and a conflicted judge, check that every
exact score is still the fraction the definition gives, and its float is float(fraction).
"""

from __future__ import annotations

import random
import statistics
from fractions import Fraction
from pathlib import Path

import pytest

from judgepanel.core.awards import Award, Scale, Section
from judgepanel.core.conflicts import record_conflict
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge
from judgepanel.core.moderation import set_award_settings
from judgepanel.core.panel import create_panel
from judgepanel.core.ranking import EXACT_METHODS, analyse_award
from judgepanel.core.store import now

WEIGHTS = ("0.1", "0.2", "0.3", "0.15", "0.25")
AWARD = Award(id="weighted", name="Weighted", scale=Scale(0, 10, 0.5), sections=tuple(
    Section(f"Q{i}", f"Question {i}", "?", weight=float(w))
    for i, w in enumerate(WEIGHTS, start=1)))


def _reference_total(marks: dict[str, float], renormalise: bool) -> Fraction | None:
    """T = 100 · Σ w (x − min) / (max − min) / Σ w over the sections counted."""
    if len(marks) < len(WEIGHTS) and not renormalise:
        return None
    weight = {f"Q{i}": Fraction(w) for i, w in enumerate(WEIGHTS, start=1)}
    used = sum((weight[s] for s in marks), Fraction(0))
    return 100 * sum((weight[s] * Fraction(repr(v)) / 10 for s, v in marks.items()),
                     Fraction(0)) / used


def _reference(by_entry: dict[str, list[Fraction]], by_judge: dict[str, list[tuple[str,
               Fraction]]]) -> dict[str, dict[str, Fraction]]:
    """Mean, median, trimmed mean and Borda points, straight from their definitions."""
    found: dict[str, dict[str, Fraction]] = {m: {} for m in EXACT_METHODS}
    for entry, values in by_entry.items():
        row = sorted(values)
        kept = row[1:-1] if len(row) >= 4 else row
        found["mean"][entry] = sum(row, Fraction(0)) / len(row)
        found["median"][entry] = Fraction(statistics.median(row))
        found["trimmed"][entry] = sum(kept, Fraction(0)) / len(kept)
    points: dict[str, list[Fraction]] = {entry: [] for entry in by_entry}
    for scored in by_judge.values():
        if len(scored) < 2:
            continue
        for entry, value in scored:
            lower = sum(1 for _, other in scored if other < value)
            same = sum(1 for _, other in scored if other == value) - 1
            points[entry].append(Fraction(100 * (2 * lower + same), 2 * (len(scored) - 1)))
    for entry, given in points.items():
        found["borda"][entry] = sum(given, Fraction(0)) / len(given) if given else Fraction(50)
    return found


@pytest.mark.parametrize(("seed", "renormalise"), [(1, False), (2, True), (3, True)])
def test_exact_scores_are_their_definitions(tmp_path: Path, seed: int,
                                            renormalise: bool) -> None:
    rng = random.Random(seed)
    store = create_panel(tmp_path / "exact.judgepanel", "Exact", [AWARD])
    entries = [f"E{i:02d}" for i in range(40)]
    upsert_entries(store, [EntryRecord(id=e, award=AWARD.id) for e in entries])
    judges = [add_judge(store, f"Judge {j}") for j in range(8)]
    if renormalise:
        set_award_settings(store, AWARD.id, incomplete="renormalise")
    marks: dict[tuple[str, int], dict[str, float]] = {}
    for entry in entries:
        for judge in rng.sample(judges, rng.randint(1, 5)):
            sections = [s.id for s in AWARD.sections]
            if rng.random() < 0.2:  # a section left out now and then
                sections.remove(rng.choice(sections))
            marks[(entry, judge.id)] = {s: rng.randint(0, 20) / 2 for s in sections}
    stamp = now()
    with store.transaction():
        store.db.conn.executemany(
            "INSERT INTO scores(judge, entry, section, value, comment, updated_at, signature) "
            "VALUES (?,?,?,?,?,?,?)",
            [(judge, entry, section, value, "", stamp, "")
             for (entry, judge), given in marks.items() for section, value in given.items()])
    conflicted = next(iter(marks))
    record_conflict(store, next(j for j in judges if j.id == conflicted[1]), conflicted[0])
    del marks[conflicted]  # a conflicted judge's scores never count

    by_entry: dict[str, list[Fraction]] = {}
    by_judge: dict[str, list[tuple[str, Fraction]]] = {}
    names = {j.id: j.name for j in judges}
    for (entry, judge), given in sorted(marks.items()):
        total = _reference_total(given, renormalise)
        if total is not None:
            by_entry.setdefault(entry, []).append(total)
            by_judge.setdefault(names[judge], []).append((entry, total))
    expected = _reference(by_entry, by_judge)

    analysis = analyse_award(store, AWARD.id)
    for total in analysis.totals:
        assert total.exact == _reference_total(marks[(total.entry, total.judge_id)],
                                               renormalise)
        assert total.total == (None if total.exact is None else float(total.exact))
    for method in EXACT_METHODS:
        assert analysis.exact_scores[method] == expected[method], method
        assert analysis.method_scores[method] == {
            entry: float(value) for entry, value in expected[method].items()}, method
    store.close()
