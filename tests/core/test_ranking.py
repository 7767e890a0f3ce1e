"""Rankings: the six methods, the bias model against the mean, ties, overrides, sensitivity."""

from __future__ import annotations

from pathlib import Path

import pytest

from judgepanel.core.awards import Award, Scale, Section
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge
from judgepanel.core.moderation import override_score, record_tie_break, set_award_settings
from judgepanel.core.panel import create_panel
from judgepanel.core.ranking import METHODS, rank_award, sensitivity, top_places_change
from judgepanel.core.scoring import Judging
from judgepanel.core.store import Store

# One 0–100 section (and a second for tie-breaks), so a judge's total is easy to read.
AWARD = Award(id="prize", name="The Prize", scale=Scale(0, 100, 1),
              sections=(Section("Q1", "Impact", "What changed?"),
                        Section("Q2", "Reach", "For whom?")))


def build(tmp_path: Path, plan: dict[str, dict[str, float | tuple[float, float]]],
          extra_entries: tuple[str, ...] = ()) -> Store:
    """A panel where plan[entry][judge] is the judge's score on both sections (or a pair)."""
    store = create_panel(tmp_path / "rank.judgepanel", "Ranking", [AWARD])
    upsert_entries(store, [EntryRecord(id=entry, award="prize", title=f"Entry {entry}")
                           for entry in (*plan, *extra_entries)])
    judges = {}
    for marks in plan.values():
        for name in marks:
            if name not in judges:
                judges[name] = add_judge(store, name)
    for entry, marks in plan.items():
        for name, value in marks.items():
            q1, q2 = value if isinstance(value, tuple) else (value, value)
            judging = Judging.for_judge(store, judges[name].id)
            judging.set_score(entry, "Q1", q1)
            judging.set_score(entry, "Q2", q2)
    return store


def order(store: Store, method: str | None = None) -> list[str]:
    return [row.entry for row in rank_award(store, "prize", method).entries]


# True qualities A 70 > B 65 > C 60 > D 55 > E 50 > F 45; Harsh = −20, Lenient = +20.
# The best entries happen to meet the harsh judge, the middling ones the lenient one.
HARSH_AND_LENIENT = {
    "A": {"Harsh": 50, "Neutral": 70},
    "B": {"Harsh": 45, "Neutral": 65},
    "C": {"Lenient": 80, "Neutral": 60},
    "D": {"Lenient": 75, "Neutral": 55},
    "E": {"Harsh": 30, "Lenient": 70},
    "F": {"Harsh": 25, "Lenient": 65},
}


def test_mean_misleads_and_the_bias_model_recovers_the_true_order(tmp_path: Path) -> None:
    store = build(tmp_path, HARSH_AND_LENIENT)
    assert order(store, "mean") == ["C", "D", "A", "B", "E", "F"]  # leniency leaks in
    ranking = rank_award(store, "prize")  # the default method is bias
    assert ranking.method == "bias"
    assert [r.entry for r in ranking.entries] == ["A", "B", "C", "D", "E", "F"]
    assert ranking.connected
    assert ranking.judge_bias["Harsh"] < 0 < ranking.judge_bias["Lenient"]
    # Without the ridge, the model recovers the qualities exactly.
    set_award_settings(store, "prize", bias_ridge=0.0)
    scores = {r.entry: r.score for r in rank_award(store, "prize").entries}
    assert scores == pytest.approx({"A": 70, "B": 65, "C": 60, "D": 55, "E": 50, "F": 45})
    store.close()


def test_when_the_mean_ties_the_bias_model_separates(tmp_path: Path) -> None:
    # X and Y both average 60, but X met the harsh judge and Y the lenient one.
    plan = {"X": {"Harsh": 50, "Neutral": 70}, "Y": {"Lenient": 70, "Neutral": 50},
            "Z": {"Harsh": 30, "Lenient": 70}}
    store = build(tmp_path, plan)
    means = {r.entry: r.mean for r in rank_award(store, "prize").entries}
    assert means["X"] == means["Y"] == 60
    ranking = rank_award(store, "prize", "bias")
    ranks = {r.entry: r.rank for r in ranking.entries}
    assert ranks["X"] < ranks["Y"]
    assert "tie" not in next(r for r in ranking.entries if r.entry == "X").flags
    store.close()


def test_bias_equals_the_mean_order_in_a_complete_design(tmp_path: Path) -> None:
    plan = {e: {"Ann": a, "Bob": b, "Cy": c} for e, a, b, c in
            [("P", 80, 70, 75), ("Q", 60, 65, 50), ("R", 90, 40, 70), ("S", 20, 30, 25)]}
    store = build(tmp_path, plan)
    ranking = rank_award(store, "prize", "bias")
    for row in ranking.entries:
        assert row.score == pytest.approx(row.mean)
    assert order(store, "bias") == order(store, "mean")
    store.close()


def test_each_method_on_a_four_judge_entry(tmp_path: Path) -> None:
    plan = {"A": {"J1": 10, "J2": 60, "J3": 70, "J4": 100},
            "B": {"J1": 50, "J2": 50, "J3": 50, "J4": 50}}
    store = build(tmp_path, plan)
    rows = {m: {r.entry: r for r in rank_award(store, "prize", m).entries} for m in METHODS}
    assert rows["mean"]["A"].score == pytest.approx(60)
    assert rows["median"]["A"].score == pytest.approx(65)
    assert rows["trimmed"]["A"].score == pytest.approx(65)  # 10 and 100 dropped
    # Borda: each judge's own order; A beats B for J2, J3, J4 and loses for J1.
    assert rows["borda"]["A"].score == pytest.approx(75)
    assert rows["borda"]["B"].score == pytest.approx(25)
    for method in METHODS:
        assert rows[method]["A"].judges == 4
        assert rows[method]["A"].sd == pytest.approx(37.416573867739416)
    store.close()


def test_trimmed_mean_is_the_mean_below_four_judges(tmp_path: Path) -> None:
    store = build(tmp_path, {"A": {"J1": 10, "J2": 60, "J3": 80}})
    (row,) = rank_award(store, "prize", "trimmed").entries
    assert row.score == pytest.approx(50)
    store.close()


def test_identical_entries_share_a_rank_and_carry_the_tie_flag(tmp_path: Path) -> None:
    plan = {"B-2": {"Ann": 80, "Bob": 60}, "B-1": {"Ann": 80, "Bob": 60},
            "C": {"Ann": 40, "Bob": 50}}
    store = build(tmp_path, plan)
    ranking = rank_award(store, "prize")
    ranks = {r.entry: r.rank for r in ranking.entries}
    assert ranks == {"B-1": 1, "B-2": 1, "C": 3}
    for entry in ("B-1", "B-2"):
        assert "tie" in next(r for r in ranking.entries if r.entry == entry).flags
    assert ranking.tie_break == ["bias", "section:Q1", "median", "panel"]
    store.close()


def test_a_tie_is_broken_by_the_priority_section_not_by_id(tmp_path: Path) -> None:
    # Same totals; "A-2" scored higher on Q1 (the priority section) than "A-1".
    plan = {"A-1": {"Ann": (60, 80), "Bob": (60, 80)},
            "A-2": {"Ann": (80, 60), "Bob": (80, 60)}}
    store = build(tmp_path, plan)
    ranking = rank_award(store, "prize")
    assert [(r.entry, r.rank) for r in ranking.entries] == [("A-2", 1), ("A-1", 2)]
    assert all("tie" not in r.flags for r in ranking.entries)
    assert any("broken by section:Q1" in note for note in ranking.notes)
    # Declaring Q2 the priority instead reverses it.
    set_award_settings(store, "prize", tie_break=["section:Q2", "panel"])
    assert order(store) == ["A-1", "A-2"]
    store.close()


def test_a_recorded_panel_vote_breaks_what_the_numbers_cannot(tmp_path: Path) -> None:
    plan = {"K-1": {"Ann": 70, "Bob": 50}, "K-2": {"Ann": 70, "Bob": 50}}
    store = build(tmp_path, plan)
    assert [r.rank for r in rank_award(store, "prize").entries] == [1, 1]
    record_tie_break(store, "prize", ["K-2", "K-1"], "show of hands 4–1", who="Chair")
    ranking = rank_award(store, "prize")
    assert [(r.entry, r.rank) for r in ranking.entries] == [("K-2", 1), ("K-1", 2)]
    assert any("broken by panel" in note for note in ranking.notes)
    store.close()


def test_entries_with_no_scores_come_last_without_a_rank(tmp_path: Path) -> None:
    store = build(tmp_path, {"A": {"Ann": 10}}, extra_entries=("Unscored",))
    ranking = rank_award(store, "prize")
    assert [(r.entry, r.rank, r.score, r.judges) for r in ranking.entries] == [
        ("A", 1, pytest.approx(10.0), 1), ("Unscored", None, None, 0)]
    store.close()


def test_a_moderated_score_replaces_the_score_and_keeps_the_computed_one(tmp_path: Path
                                                                          ) -> None:
    plan = {"A": {"Ann": 80, "Bob": 70}, "B": {"Ann": 60, "Bob": 50}}
    store = build(tmp_path, plan)
    raw_before = store.rows("SELECT * FROM scores ORDER BY judge, entry, section")
    override_score(store, "B", 90, "panel agreed Ann under-read section 2", who="Chair")
    ranking = rank_award(store, "prize")
    first = ranking.entries[0]
    assert (first.entry, first.score, first.override) == ("B", 90.0, 90.0)
    assert first.computed_score == pytest.approx(55.0)
    assert store.rows("SELECT * FROM scores ORDER BY judge, entry, section") == raw_before
    # The sensitivity table is about the methods, without moderation.
    assert sensitivity(store, "prize")["B"]["mean"] == 2
    store.close()


def test_a_disconnected_design_is_reported(tmp_path: Path) -> None:
    plan = {"A": {"Ann": 80, "Bob": 70}, "B": {"Ann": 60, "Bob": 50},
            "C": {"Cy": 90, "Di": 80}, "D": {"Cy": 40, "Di": 30}}
    store = build(tmp_path, plan)
    ranking = rank_award(store, "prize")
    assert ranking.connected is False
    note = next(n for n in ranking.notes if "NOT connected" in n)
    assert "Ann, Bob" in note and "Cy, Di" in note
    store.close()


def test_sensitivity_table_and_top_places(tmp_path: Path) -> None:
    store = build(tmp_path, HARSH_AND_LENIENT)
    table = sensitivity(store, "prize")
    assert set(table) == set(HARSH_AND_LENIENT)
    assert table["A"]["bias"] == 1 and table["C"]["mean"] == 1
    assert set(table["A"]) == set(METHODS)
    assert top_places_change(store, "prize") is True
    assert top_places_change(store, "prize", methods=("bias", "bias")) is False
    store.close()


def test_json_shape_follows_the_interface(tmp_path: Path) -> None:
    store = build(tmp_path, {"A": {"Ann": 80, "Bob": 70}})
    shape = rank_award(store, "prize").as_json()
    assert shape["award"] == "prize" and shape["method"] == "bias"
    (entry,) = shape["entries"]
    for key in ("rank", "entry", "title", "score", "mean", "median", "sd", "judges", "flags",
                "placement"):
        assert key in entry
    assert entry["score"] == pytest.approx(75.0) and entry["sd"] == pytest.approx(7.0710678)
    store.close()


def test_unknown_method_is_refused(tmp_path: Path) -> None:
    from judgepanel.core.errors import JudgePanelError

    store = build(tmp_path, {"A": {"Ann": 80}})
    with pytest.raises(JudgePanelError, match="unknown ranking method 'average'"):
        rank_award(store, "prize", "average")
    store.close()


def test_the_zscore_caution_shows_only_under_zscore(tmp_path: Path) -> None:
    store = build(tmp_path, HARSH_AND_LENIENT)
    assert any("unstable" in n for n in rank_award(store, "prize", "zscore").notes)
    assert not any("unstable" in n for n in rank_award(store, "prize", "bias").notes)
    store.close()
