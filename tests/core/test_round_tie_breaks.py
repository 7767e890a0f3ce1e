"""The tie-break order may name rounds: `round:ID` puts an earlier round's place behind a tie
in a later round and in the award's final result; without it the tie is shown, never broken.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from judgepanel.core.award_results import award_results
from judgepanel.core.awards import Award, Scale, Section
from judgepanel.core.consensus import record_consensus
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import add_judge
from judgepanel.core.moderation import set_award_settings
from judgepanel.core.panel import create_panel
from judgepanel.core.promotion import promote
from judgepanel.core.round_definitions import RoundSpec
from judgepanel.core.round_results import final_result, round_result
from judgepanel.core.rounds import add_round, close_round
from judgepanel.core.scoring import Judging
from judgepanel.core.store import Store

AWARD = Award(id="prize", name="The Prize", scale=Scale(0, 10, 1),
              sections=(Section("Q1", "Impact", "What changed?"),))
# The written round: A 85, B 75, C 65, D 40 (Ann and Bob's mean), no ties.
WRITTEN = {"A": (9, 8), "B": (8, 7), "C": (7, 6), "D": (4, 4)}
TALK = ({"id": "talk", "title": "Presentation", "question": "How did it go?"},)
ORDER = ["bias", "section:Q1", "median", "panel"]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    panel = create_panel(tmp_path / "ties.judgepanel", "Ties", [AWARD])
    upsert_entries(panel, [EntryRecord(id=e, award="prize", title=f"Entry {e}")
                           for e in WRITTEN])
    ann, bob = add_judge(panel, "Ann"), add_judge(panel, "Bob")
    for entry, (a, b) in WRITTEN.items():
        Judging.for_judge(panel, ann.id).set_score(entry, "Q1", a)
        Judging.for_judge(panel, bob.id).set_score(entry, "Q1", b)
    add_round(panel, "prize", RoundSpec("final", "Final", "consensus", TALK), who="Chair")
    close_round(panel, "prize", "judging", who="Chair")
    promote(panel, "prize", "final", "Shortlist", top=3, who="Chair")
    # The room cannot separate B and C; A is third.
    for entry, agreed in {"A": 6, "B": 8, "C": 8}.items():
        record_consensus(panel, "prize", "final", entry, "talk", agreed, who="Chair")
    yield panel
    panel.close()


def _table(store: Store) -> list[tuple[int | None, str, list[str]]]:
    return [(x.rank, x.entry, x.flags) for x in round_result(store, "prize", "final").lines]


def _final(store: Store) -> list[tuple[int | None, str, list[str]]]:
    return [(x["rank"], x["entry"], x["flags"]) for x in final_result(store, "prize")]


def test_a_tie_in_the_final_is_shown_unless_the_order_names_a_round(store: Store) -> None:
    tied = [(1, "B", ["tie"]), (1, "C", ["tie"]), (3, "A", [])]
    assert _table(store) == tied and _final(store) == tied
    written = award_results(store, "prize").ranking().as_json()

    set_award_settings(store, "prize", who="Chair", tie_break=[*ORDER, "round:judging"])
    broken = [(1, "B", []), (2, "C", []), (3, "A", [])]  # B was above C in the written round
    assert _table(store) == broken and _final(store) == broken
    again = award_results(store, "prize").ranking().as_json()  # the first round: as before
    assert again["tie_break"] == [*ORDER, "round:judging"]
    assert {**again, "tie_break": ORDER} == {**written, "tie_break": ORDER}


def test_a_round_breaks_ties_only_in_the_rounds_after_it(store: Store) -> None:
    # The final's own place cannot break a tie in the final itself.
    set_award_settings(store, "prize", tie_break=[*ORDER, "round:final"])
    assert _table(store) == [(1, "B", ["tie"]), (1, "C", ["tie"]), (3, "A", [])]


def test_a_weighted_final_result_tie_is_broken_by_the_named_round(tmp_path: Path) -> None:
    panel = create_panel(tmp_path / "weighted.judgepanel", "Weighted", [AWARD])
    try:
        upsert_entries(panel, [EntryRecord(id=e, award="prize", title=e) for e in "XY"])
        ann = add_judge(panel, "Ann")
        for entry, value in {"X": 8, "Y": 6}.items():  # written: X 80, Y 60
            Judging.for_judge(panel, ann.id).set_score(entry, "Q1", value)
        add_round(panel, "prize", RoundSpec("final", "Final", "consensus", TALK, 1.0))
        with panel.transaction():  # the written round weighted too (as an award file may)
            panel.db.execute("UPDATE rounds SET weight = 1 WHERE id = 'judging'")
        close_round(panel, "prize", "judging")
        promote(panel, "prize", "final", "Both", entries=["X", "Y"])
        for entry, value in {"X": 5, "Y": 7}.items():  # combined: X (80+50)/2, Y (60+70)/2
            record_consensus(panel, "prize", "final", entry, "talk", value)
        combined = final_result(panel, "prize")
        assert sorted((x["rank"], x["entry"], x["score"], x["flags"]) for x in combined) == [
            (1, "X", 65.0, ["tie"]), (1, "Y", 65.0, ["tie"])]
        set_award_settings(panel, "prize", tie_break=[*ORDER, "round:final"])
        assert [(x["rank"], x["entry"], x["flags"]) for x in final_result(panel, "prize")] == [
            (1, "Y", []), (2, "X", [])]  # Y was first in the final
    finally:
        panel.close()


def test_the_order_may_name_only_the_awards_own_rounds(store: Store) -> None:
    with pytest.raises(JudgePanelError, match=r"tie_break\[5\]: 'round:shortlist' is not one "
                                              r"of .*round:judging, round:final"):
        set_award_settings(store, "prize", tie_break=[*ORDER, "round:shortlist"])
