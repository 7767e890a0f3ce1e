"""Flags that focus the room: few on a typical panel, every planted disagreement caught, the
ones that could change a placement first.

The simulated award is the issue's: 40 entries, ten judges, five judges per entry, scores
0–10. Each entry has a merit (mean 6, SD 1.5 scale points), each judge a leniency (SD 0.6)
and each score its own noise (SD 1.0), rounded to the scale; judges comment on 60 % of scores.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from judgepanel.core.awards import Award, Scale, Section, builtin_awards, panel_awards
from judgepanel.core.demo import build_demo
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge
from judgepanel.core.panel import create_panel, open_panel
from judgepanel.core.ranking import Ranking, rank_award
from judgepanel.core.scoring import Judging
from judgepanel.core.stats import panel_stats
from judgepanel.core.store import Store

ONE_SECTION = Award(id="prize", name="The Prize", scale=Scale(0, 10, 1),
                    sections=(Section("Q1", "Impact", "What changed?"),))
FIVE_SECTIONS = next(a for a in builtin_awards() if a.id == "leading-systems-transformation")


def flagged_share(ranking: Ranking) -> float:
    """The share of ranked entries carrying any flag at all (incomplete included)."""
    ranked = [row for row in ranking.entries if row.rank is not None]
    return sum(1 for row in ranked if row.flags) / len(ranked)


def simulate(path: Path, award: Award, seed: int) -> Store:
    rng = random.Random(seed)
    store = create_panel(path, "Simulated", [award])
    entries = [f"E-{i:03d}" for i in range(40)]
    upsert_entries(store, [EntryRecord(id=e, award=award.id) for e in entries])
    judges = [add_judge(store, f"Judge {k}").id for k in range(10)]
    leniency = [rng.gauss(0, 0.6) for _ in judges]
    for entry in entries:
        merit = rng.gauss(6, 1.5)
        for k in rng.sample(range(10), 5):
            judging = Judging.for_judge(store, judges[k])
            for section in award.sections:
                value = max(0, min(10, round(merit + leniency[k] + rng.gauss(0, 1.0))))
                judging.set_score(entry, section.id, value,
                                  comment="Evidence noted" if rng.random() < 0.6 else None)
    return store


def test_the_demo_flags_at_most_a_quarter_of_each_awards_entries(tmp_path: Path) -> None:
    with open_panel(build_demo(tmp_path / "demo")) as store:
        for award in panel_awards(store):
            ranking = rank_award(store, award.id)
            assert flagged_share(ranking) <= 0.25, (award.id, [
                (row.entry, row.flags) for row in ranking.entries if row.flags])


@pytest.mark.parametrize(("award", "seeds"), [(ONE_SECTION, range(5)),
                                              (FIVE_SECTIONS, range(2))],
                         ids=["one-section", "five-sections"])
def test_a_simulated_award_flags_at_most_a_quarter_of_its_entries(
        tmp_path: Path, award: Award, seeds: range) -> None:
    for seed in seeds:
        store = simulate(tmp_path / f"sim-{seed}.judgepanel", award, seed)
        ranking = rank_award(store, award.id)
        store.close()
        assert flagged_share(ranking) <= 0.25, (seed, [
            (row.entry, row.flags) for row in ranking.entries if row.flags])


# Five judges score every entry (0–10, one section, always with a comment). Planted: a judge
# five points below the others (Low), a lone champion (J5's best, the others' near worst),
# a split 8-7-8-2-7 (Split), and Near a hair below Edge at the cut-off between places 3 and 4.
PLANTED = {
    "Best": (9, 9, 9, 9, 9), "Second": (8, 8, 9, 8, 8),
    "Edge": (8, 7, 7, 8, 7), "Near": (7, 8, 7, 7, 7),
    "Split": (8, 7, 8, 2, 7), "Mid": (6, 6, 5, 6, 6), "Low": (6, 6, 6, 6, 1),
    "Fair": (5, 5, 5, 6, 5), "Weak": (4, 4, 5, 4, 4), "Champion": (3, 3, 4, 3, 10),
    "Poor": (3, 3, 3, 4, 3), "Last": (2, 2, 2, 2, 3),
}


@pytest.fixture
def planted(tmp_path: Path) -> Store:
    store = create_panel(tmp_path / "planted.judgepanel", "Planted", [ONE_SECTION])
    upsert_entries(store, [EntryRecord(id=e, award="prize") for e in PLANTED])
    judges = [add_judge(store, f"J{k}").id for k in range(1, 6)]
    for entry, marks in PLANTED.items():
        for judge, mark in zip(judges, marks, strict=True):
            Judging.for_judge(store, judge).set_score(entry, "Q1", mark,
                                                      comment="Reasons given")
    return store


def test_every_planted_disagreement_is_flagged(planted: Store) -> None:
    flags = panel_stats(planted, "prize")["flags"]
    found = {(f["entry"], f["flag"], f["judge"]) for f in flags}
    assert ("Low", "outlier", "J5") in found
    assert ("Split", "outlier", "J4") in found
    assert ("Champion", "champion", "J5") in found
    assert {("Edge", "near-cutoff", None), ("Near", "near-cutoff", None)} <= found
    quiet = {"Best", "Second", "Mid", "Fair", "Weak", "Poor", "Last"}
    assert not quiet & {f["entry"] for f in flags}
    planted.close()


def test_flags_come_most_important_first(planted: Store) -> None:
    flags = panel_stats(planted, "prize")["flags"]
    order = [(f["entry"], f["flag"]) for f in flags]
    # The pair that noise could swap across the cut-off comes first; a disagreement near
    # the places before the same kind of disagreement far below them.
    assert {order[0], order[1]} == {("Edge", "near-cutoff"), ("Near", "near-cutoff")}
    assert order.index(("Split", "outlier")) < order.index(("Low", "outlier"))
    row = next(r for r in rank_award(planted, "prize").entries if r.entry == "Champion")
    assert row.flags[0] in {"champion", "outlier"} and "champion" in row.flags
    planted.close()


def test_a_tie_across_the_cut_off_is_the_first_flag(tmp_path: Path) -> None:
    store = create_panel(tmp_path / "tie.judgepanel", "Tie", [ONE_SECTION])
    plan = {"A": (9, 9), "B": (8, 8), "C": (7, 6), "D": (6, 7), "E": (2, 9)}
    upsert_entries(store, [EntryRecord(id=e, award="prize") for e in plan])
    judges = [add_judge(store, name).id for name in ("Ann", "Bob")]
    for entry, marks in plan.items():
        for judge, mark in zip(judges, marks, strict=True):
            Judging.for_judge(store, judge).set_score(entry, "Q1", mark, comment="Noted")
    from judgepanel.core.moderation import set_award_settings

    set_award_settings(store, "prize", tie_break=["panel"], method="mean")
    flags = rank_award(store, "prize").flag_records
    assert (flags[0]["flag"], flags[1]["flag"]) == ("tie", "tie")
    assert {flags[0]["entry"], flags[1]["entry"]} == {"C", "D"}
    store.close()
