"""Per-judge totals: the weighted formula, incomplete sections, conflicts, other awards."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from judgepanel.core.awards import Award, Scale, Section
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import Judge, add_judge
from judgepanel.core.moderation import audit_log, set_award_settings
from judgepanel.core.panel import create_panel
from judgepanel.core.ranking import rank_award
from judgepanel.core.scoring import Judging
from judgepanel.core.store import Store, now
from judgepanel.core.totals import award_settings, counted_scores, judge_totals

WEIGHTED = Award(
    id="weighted", name="Weighted award", scale=Scale(0, 10, 1),
    sections=(Section("Q1", "First", "First question?", weight=2.0),
              Section("Q2", "Second", "Second question?", weight=1.0, scale=Scale(1, 5, 1))))
OTHER = Award(id="other", name="Other award", scale=Scale(0, 10, 1),
              sections=(Section("Q1", "Only", "Only question?"),))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    panel = create_panel(tmp_path / "totals.judgepanel", "Totals", [WEIGHTED, OTHER])
    upsert_entries(panel, [EntryRecord(id="W-1", award="weighted", title="One"),
                           EntryRecord(id="W-2", award="weighted", title="Two"),
                           EntryRecord(id="O-1", award="other", title="Elsewhere")])
    yield panel
    panel.close()


def _score(store: Store, judge: Judge, entry: str, **marks: float) -> None:
    judging = Judging.for_judge(store, judge.id)
    for section, value in marks.items():
        judging.set_score(entry, section, value)


def test_total_is_the_weighted_share_of_each_sections_scale(store: Store) -> None:
    ann = add_judge(store, "Ann")
    _score(store, ann, "W-1", Q1=5, Q2=5)
    # T = 100 · (2 · (5 − 0)/10 + 1 · (5 − 1)/4) / 3 = 100 · 2 / 3
    (total,) = judge_totals(store, "weighted")
    assert total.total == pytest.approx(200 / 3)
    assert total.complete
    assert (total.judge, total.judge_id, total.entry) == ("Ann", ann.id, "W-1")
    assert total.sections == {"Q1": 5.0, "Q2": 5.0}


def test_the_extremes_of_every_scale_give_0_and_100(store: Store) -> None:
    ann, bob = add_judge(store, "Ann"), add_judge(store, "Bob")
    _score(store, ann, "W-1", Q1=0, Q2=1)
    _score(store, bob, "W-1", Q1=10, Q2=5)
    assert sorted(t.total for t in judge_totals(store, "weighted")) == [0.0, 100.0]


def test_an_incomplete_set_of_sections_is_excluded_never_zero(store: Store) -> None:
    ann, bob = add_judge(store, "Ann"), add_judge(store, "Bob")
    _score(store, ann, "W-1", Q1=8, Q2=5)
    _score(store, bob, "W-1", Q1=8)  # Q2 missing
    totals = {t.judge: t for t in judge_totals(store, "weighted")}
    assert totals["Bob"].total is None and not totals["Bob"].complete
    ranking = rank_award(store, "weighted", "mean")
    row = next(r for r in ranking.entries if r.entry == "W-1")
    assert row.judges == 1
    assert row.mean == pytest.approx(totals["Ann"].total)  # not dragged down by a zero
    assert "incomplete" in row.flags
    assert any("left out" in note for note in ranking.notes)


def test_renormalise_setting_counts_the_sections_that_were_scored(store: Store) -> None:
    bob = add_judge(store, "Bob")
    _score(store, bob, "W-1", Q1=8)
    set_award_settings(store, "weighted", who="Chair", incomplete="renormalise")
    (total,) = judge_totals(store, "weighted")
    assert total.total == pytest.approx(80.0)  # over Q1 alone
    assert not total.complete
    assert audit_log(store)[-1]["action"] == "award settings changed"
    assert audit_log(store)[-1]["who"] == "Chair"


def test_a_conflicted_judges_score_never_counts(store: Store) -> None:
    ann, bob = add_judge(store, "Ann"), add_judge(store, "Bob")
    _score(store, ann, "W-1", Q1=9, Q2=5)
    _score(store, bob, "W-1", Q1=2, Q2=1)
    # The coordinator records Bob's conflict after his score arrived (an old pack).
    store.db.execute("INSERT INTO conflicts(judge, entry, reason, created_at) VALUES (?,?,?,?)",
                     [bob.id, "W-1", "works there", now()])
    assert {row["judge"] for row in counted_scores(store, "weighted")} == {"Ann"}
    assert [t.judge for t in judge_totals(store, "weighted")] == ["Ann"]
    ranking = rank_award(store, "weighted")
    assert next(r for r in ranking.entries if r.entry == "W-1").judges == 1
    assert any("conflict" in note for note in ranking.notes)


def test_counted_scores_keep_to_the_award_and_carry_comments(store: Store) -> None:
    ann = add_judge(store, "Ann")
    Judging.for_judge(store, ann.id).set_score("W-1", "Q1", 7, comment="Clear evidence")
    _score(store, ann, "O-1", Q1=3)
    rows = counted_scores(store, "weighted")
    assert [(r["entry"], r["section"], r["value"], r["comment"]) for r in rows] == [
        ("W-1", "Q1", 7.0, "Clear evidence")]
    assert set(rows[0]) == {"judge_id", "judge", "entry", "section", "value", "comment",
                            "updated_at"}
    assert [r["entry"] for r in counted_scores(store, "other")] == ["O-1"]


def test_settings_have_defaults_and_refuse_unknown_keys(store: Store) -> None:
    from judgepanel.core.awards import panel_award
    from judgepanel.core.errors import JudgePanelError

    settings = award_settings(panel_award(store, "weighted"))
    assert settings["method"] == "bias"
    assert settings["tie_break"] == ["bias", "section:Q1", "median", "panel"]
    assert settings["flag_thresholds"]["range"] == 50.0
    with pytest.raises(JudgePanelError, match="unknown setting 'colour'"):
        set_award_settings(store, "weighted", colour="red")
    with pytest.raises(JudgePanelError, match="method"):
        set_award_settings(store, "weighted", method="average")
    assert award_settings(panel_award(store, "weighted"))["method"] == "bias"


def test_tie_break_order_and_thresholds_are_checked(store: Store) -> None:
    from judgepanel.core.awards import panel_award
    from judgepanel.core.errors import JudgePanelError

    with pytest.raises(JudgePanelError, match=r"tie_break\[2\]: 'section:Q9'"):
        set_award_settings(store, "weighted", tie_break=["median", "section:Q9"])
    with pytest.raises(JudgePanelError, match=r"flag_thresholds.range: must be a number from "
                       r"0 to 100, not wide"):
        set_award_settings(store, "weighted", flag_thresholds={"range": "wide"})
    set_award_settings(store, "weighted", tie_break=["section:Q2", "panel"],
                       flag_thresholds={"rwg": 0.5})
    settings = award_settings(panel_award(store, "weighted"))
    assert settings["tie_break"] == ["section:Q2", "panel"]
    assert settings["flag_thresholds"]["rwg"] == 0.5
    assert settings["flag_thresholds"]["range"] == 50.0  # the others keep their defaults
