"""Disagreement flags on constructed disagreements, with the chair's thresholds."""

from __future__ import annotations

from pathlib import Path

import pytest

from judgepanel.core.awards import Award, Scale, Section
from judgepanel.core.disagreement_flags import champion_flags, cutoff_flags, uniform_variance
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge
from judgepanel.core.moderation import set_award_settings
from judgepanel.core.panel import create_panel
from judgepanel.core.ranking import rank_award
from judgepanel.core.scoring import Judging
from judgepanel.core.stats import panel_stats
from judgepanel.core.store import Store

# One section on 0–10: a judge's total is ten times their score.
AWARD = Award(id="prize", name="The Prize", scale=Scale(0, 10, 1),
              sections=(Section("Q1", "Impact", "What changed?"),))


def build(tmp_path: Path, plan: dict[str, dict[str, int]],
          comments: dict[tuple[str, str], str] | None = None) -> Store:
    store = create_panel(tmp_path / "flags.judgepanel", "Flags", [AWARD])
    upsert_entries(store, [EntryRecord(id=e, award="prize") for e in plan])
    judges = {}
    for marks in plan.values():
        for name in marks:
            judges.setdefault(name, None)
    for name in judges:
        judges[name] = add_judge(store, name)
    for entry, marks in plan.items():
        for name, value in marks.items():
            judging = Judging.for_judge(store, judges[name].id)
            judging.set_score(entry, "Q1", value, comment=(comments or {}).get((entry, name)))
    return store


def flags_of(store: Store, entry: str) -> list[dict[str, object]]:
    return [f for f in panel_stats(store, "prize")["flags"] if f["entry"] == entry]


def test_range_and_rwg_flag_a_split_panel_but_not_a_close_one(tmp_path: Path) -> None:
    store = build(tmp_path, {"Split": {"A": 2, "B": 6, "C": 7},
                             "Close": {"A": 5, "B": 5, "C": 6}})
    split = {f["flag"] for f in flags_of(store, "Split")}
    assert {"range", "rwg"} <= split
    assert not {"range", "rwg"} & {f["flag"] for f in flags_of(store, "Close")}
    store.close()


def test_rwg_expected_variance_is_the_uniform_over_the_scale_points() -> None:
    # 11 points 0..10: σ²_EU = (11² − 1)/12 = 10 in score units, × 10² on the 0–100 scale.
    assert uniform_variance(AWARD) == pytest.approx(1000.0)


def test_an_outlier_is_flagged_and_the_judge_named(tmp_path: Path) -> None:
    store = build(tmp_path, {"E": {"Ann": 6, "Bob": 6, "Cy": 7, "Di": 1}})
    outliers = [f for f in flags_of(store, "E") if f["flag"] == "outlier"]
    assert [f["judge"] for f in outliers] == ["Di"]
    assert "Di gave 10.0" in str(outliers[0]["detail"])
    store.close()


def test_an_extreme_score_without_a_comment_is_flagged(tmp_path: Path) -> None:
    plan = {"Hi": {"Ann": 10, "Bob": 8}, "Lo": {"Ann": 1, "Bob": 2}}
    store = build(tmp_path, plan, comments={("Lo", "Ann"): "Little evidence of impact"})
    hi = [(f["judge"], f["flag"]) for f in flags_of(store, "Hi")]
    assert ("Ann", "no-comment") in hi and ("Bob", "no-comment") not in hi  # 80 is not extreme
    assert not any(f["flag"] == "no-comment" for f in flags_of(store, "Lo"))
    # An overall review comment explains the score too.
    ann = store.rows("SELECT id FROM judges WHERE name = 'Ann'")[0]["id"]
    Judging.for_judge(store, ann).set_review("Hi", comment="Outstanding across the board")
    assert not any(f["flag"] == "no-comment" for f in flags_of(store, "Hi"))
    store.close()


def test_a_judges_champion_outside_the_panels_top_places(tmp_path: Path) -> None:
    # Eight entries; Zed loves H, which everyone else puts last.
    plan = {f"E{i}": {"Ann": 9 - i, "Bob": 9 - i} for i in range(7)}
    plan["H"] = {"Ann": 1, "Bob": 1}
    for i, entry in enumerate(["E0", "E1", "E2", "E3"]):
        plan[entry]["Zed"] = 5 - i
    plan["H"]["Zed"] = 10
    store = build(tmp_path, plan)
    set_award_settings(store, "prize", champion_k=2)  # panel top 4; Zed's top 2
    champions = [f for f in panel_stats(store, "prize")["flags"] if f["flag"] == "champion"]
    assert [(f["entry"], f["judge"]) for f in champions] == [("H", "Zed")]
    row = next(r for r in rank_award(store, "prize").entries if r.entry == "H")
    assert "champion" in row.flags
    store.close()


def test_champion_needs_the_judge_to_have_scored_at_least_2k() -> None:
    ranks = {"A": 9, "B": 10, "C": 1, "D": 2}
    three = [("A", 90.0), ("B", 80.0), ("C", 10.0)]
    assert champion_flags({"Ann": three}, ranks, 2) == []  # a top 2 of 3 is not a choice
    found = champion_flags({"Ann": [*three, ("D", 5.0)]}, ranks, 2)
    assert [(f["entry"], f["judge"]) for f in found] == [("A", "Ann"), ("B", "Ann")]


def test_entries_tied_across_a_judges_kth_place_are_not_their_top_k() -> None:
    # Ann's third-best score, 70, is shared by four entries: none of them is a "top 3".
    scored = [("A", 90.0), ("B", 80.0), *((f"T{i}", 70.0) for i in range(4)), ("Z", 10.0)]
    ranks = {entry: 10 + i for i, (entry, _) in enumerate(scored)}
    found = champion_flags({"Ann": scored}, ranks, 3)
    assert [f["entry"] for f in found] == ["A", "B"]


def test_near_cutoff_marks_entries_within_one_standard_error_of_the_line() -> None:
    ordered = [("A", 90.0), ("B", 80.0), ("C", 71.0), ("D", 69.0), ("E", 40.0)]
    errors = dict.fromkeys("ABCDE", 2.0)
    flagged = [f["entry"] for f in cutoff_flags(ordered, errors, places=3)]
    assert flagged == ["C", "D"]  # cut-off 70 between places 3 and 4
    assert cutoff_flags(ordered[:3], errors, places=3) == []


def test_the_chair_can_change_a_threshold_per_award(tmp_path: Path) -> None:
    store = build(tmp_path, {"Split": {"A": 2, "B": 6}})
    assert not any(f["flag"] == "range" for f in flags_of(store, "Split"))  # 40 < 50
    set_award_settings(store, "prize", flag_thresholds={"range": 40})
    assert any(f["flag"] == "range" for f in flags_of(store, "Split"))
    store.close()


def test_tied_entries_are_flagged_in_stats(tmp_path: Path) -> None:
    store = build(tmp_path, {"T1": {"A": 5, "B": 6}, "T2": {"A": 5, "B": 6}})
    ties = [f for f in panel_stats(store, "prize")["flags"] if f["flag"] == "tie"]
    assert sorted(f["entry"] for f in ties) == ["T1", "T2"]
    assert all(f["judge"] is None for f in ties)
    store.close()
