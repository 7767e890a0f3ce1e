"""Exact totals: what is equal on paper is equal to every tie, threshold and statistic.

The section patterns below were chosen because summing them in floating point gives totals a
hair apart (8, 10, 10, 8 gives 89.99999999999999 against 90.0 for 9, 9, 9, 9): each of these
tests failed while totals were floats.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from judgepanel.core.awards import Award, Scale, Section, builtin_awards
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge
from judgepanel.core.moderation import set_award_settings
from judgepanel.core.panel import create_panel
from judgepanel.core.ranking import rank_award
from judgepanel.core.scoring import Judging
from judgepanel.core.stats import panel_stats
from judgepanel.core.store import Store
from judgepanel.core.totals import judge_totals

# Each judge's totals for entries A, B, C (the example); tie-corrected W = 9/11.
W_TOTALS = {"J1": (20, 20, 50), "J2": (20, 40, 60), "J3": (30, 20, 70)}
# Five weighted sections on 0–10 whose section scores give those totals; J1's two 20s come
# from different sections (20.0 and 20.000000000000004 in floating point).
WEIGHTED = Award(id="weighted", name="Weighted", scale=Scale(0, 10, 1), sections=tuple(
    Section(f"Q{i}", f"Question {i}", "?", weight=w)
    for i, w in enumerate((0.1, 0.2, 0.3, 0.15, 0.25), start=1)))
PATTERNS = {20: [(0, 0, 0, 0, 8), (1, 6, 0, 3, 1)], 30: [(0, 0, 9, 2, 0)],
            40: [(0, 0, 9, 2, 4)], 50: [(0, 0, 5, 10, 8)], 60: [(0, 0, 8, 9, 9)],
            70: [(0, 0, 10, 10, 10)]}
ONE_SECTION = Award(id="single", name="Single", scale=Scale(0, 100, 1),
                    sections=(Section("Q1", "Only", "?"),))
SII = next(a for a in builtin_awards() if a.id == "service-improvement-innovation")


def _panel(path: Path, award: Award, entries: list[str]) -> Store:
    store = create_panel(path, "Exact", [award])
    upsert_entries(store, [EntryRecord(id=e, award=award.id) for e in entries])
    return store


def _score(store: Store, judge_id: int, entry: str, marks: dict[str, float],
           comment: str | None = None) -> None:
    judging = Judging.for_judge(store, judge_id)
    for section, value in marks.items():
        judging.set_score(entry, section, value, comment=comment)


def test_kendalls_w_is_0_8182_from_one_section(tmp_path: Path) -> None:
    store = _panel(tmp_path / "w1.judgepanel", ONE_SECTION, ["A", "B", "C"])
    for name, totals in W_TOTALS.items():
        judge = add_judge(store, name)
        for entry, total in zip("ABC", totals, strict=True):
            _score(store, judge.id, entry, {"Q1": total})
    assert panel_stats(store, "single")["kendall_w"] == pytest.approx(9 / 11)
    assert round(panel_stats(store, "single")["kendall_w"], 4) == 0.8182
    store.close()


def test_kendalls_w_stays_0_8182_through_five_weighted_sections(tmp_path: Path) -> None:
    store = _panel(tmp_path / "w5.judgepanel", WEIGHTED, ["A", "B", "C"])
    used: dict[int, int] = {}
    for name, totals in W_TOTALS.items():
        judge = add_judge(store, name)
        for entry, total in zip("ABC", totals, strict=True):
            options = PATTERNS[total]
            pattern = options[used.get(total, 0) % len(options)]
            used[total] = used.get(total, 0) + 1
            _score(store, judge.id, entry,
                   {f"Q{i}": value for i, value in enumerate(pattern, start=1)})
    totals = {(t.judge, t.entry): t for t in judge_totals(store, "weighted")}
    assert totals[("J1", "A")].exact == totals[("J1", "B")].exact == Fraction(20)
    assert totals[("J1", "A")].total == totals[("J1", "B")].total == 20.0
    assert round(panel_stats(store, "weighted")["kendall_w"], 4) == 0.8182
    store.close()


def test_totals_equal_on_paper_tie_under_every_exact_method(tmp_path: Path) -> None:
    store = _panel(tmp_path / "tie.judgepanel", SII, ["X", "Y"])
    judge = add_judge(store, "Ann")
    _score(store, judge.id, "X", dict(zip(("Q1", "Q2", "Q3", "Q4"), (9, 9, 9, 9), strict=True)))
    _score(store, judge.id, "Y", dict(zip(("Q1", "Q2", "Q3", "Q4"), (8, 10, 10, 8), strict=True)))
    set_award_settings(store, SII.id, tie_break=["panel"])
    for method in ("mean", "median", "trimmed", "borda"):
        ranking = rank_award(store, SII.id, method)
        first, second = ranking.entries
        assert (first.rank, second.rank) == (1, 1) and first.score == second.score, method
        if method != "borda":  # Borda gives one judge's tied pair 50 points each
            assert first.score == 90.0
        assert all("tie" in r.flags for r in ranking.entries)
    store.close()


def test_an_extreme_total_of_90_is_flagged_whichever_sections_make_it(tmp_path: Path) -> None:
    store = _panel(tmp_path / "extreme.judgepanel", SII, ["X", "Y"])
    ann, bob, cy = (add_judge(store, name) for name in ("Ann", "Bob", "Cy"))
    sections = ("Q1", "Q2", "Q3", "Q4")
    _score(store, ann.id, "X", dict(zip(sections, (9, 9, 9, 9), strict=True)))
    _score(store, ann.id, "Y", dict(zip(sections, (8, 10, 10, 8), strict=True)))
    for judge in (bob, cy):
        for entry in ("X", "Y"):
            _score(store, judge.id, entry, dict.fromkeys(sections, 6), comment="Solid")
    flagged = {f["entry"] for f in panel_stats(store, SII.id)["flags"]
               if f["flag"] == "no-comment"}
    assert flagged == {"X", "Y"}
    store.close()


def test_two_thirty_point_ranges_are_flagged_alike(tmp_path: Path) -> None:
    store = _panel(tmp_path / "range.judgepanel", SII, ["R1", "R2"])
    ann, bob = add_judge(store, "Ann"), add_judge(store, "Bob")
    sections = ("Q1", "Q2", "Q3", "Q4")
    # R1: 60.0 and 30.0; R2: 59.999999999999986 and 30.000000000000004 in floating point.
    _score(store, ann.id, "R1", dict(zip(sections, (0, 4, 10, 10), strict=True)))
    _score(store, bob.id, "R1", dict(zip(sections, (0, 0, 2, 10), strict=True)))
    _score(store, ann.id, "R2", dict(zip(sections, (4, 10, 7, 3), strict=True)))
    _score(store, bob.id, "R2", dict(zip(sections, (0, 0, 4, 8), strict=True)))
    set_award_settings(store, SII.id, flag_thresholds={"range": 30})
    flagged = {f["entry"] for f in panel_stats(store, SII.id)["flags"] if f["flag"] == "range"}
    assert flagged == {"R1", "R2"}
    set_award_settings(store, SII.id, flag_thresholds={"range": 30.5})
    assert not any(f["flag"] == "range" for f in panel_stats(store, SII.id)["flags"])
    store.close()


def test_a_decimal_step_is_exact_too(tmp_path: Path) -> None:
    tenths = Award(id="tenths", name="Tenths", scale=Scale(0, 1, 0.1),
                   sections=(Section("Q1", "One", "?"), Section("Q2", "Two", "?")))
    store = _panel(tmp_path / "tenths.judgepanel", tenths, ["P", "Q"])
    judge = add_judge(store, "Ann")
    _score(store, judge.id, "P", {"Q1": 0.1, "Q2": 0.2})
    _score(store, judge.id, "Q", {"Q1": 0.3, "Q2": 0.0})
    exact = {t.entry: t.exact for t in judge_totals(store, "tenths")}
    assert exact == {"P": Fraction(15), "Q": Fraction(15)}
    store.close()
