"""Moderation: placements, moderated scores, tie-break votes and a tamper-evident record."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from judgepanel.core.awards import Award, Scale, Section
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import add_judge
from judgepanel.core.moderation import (
    audit_log,
    check_history,
    decide,
    decisions,
    override_score,
    overrides,
    record_tie_break,
    tie_break_records,
    verify_panel,
    withdraw_override,
)
from judgepanel.core.panel import HistoryAltered, create_panel, open_panel
from judgepanel.core.ranking import rank_award
from judgepanel.core.scoring import Judging
from judgepanel.core.store import Store

AWARD = Award(id="prize", name="The Prize", scale=Scale(0, 10, 1),
              sections=(Section("Q1", "Impact", "What changed?"),))


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "moderation.judgepanel"


@pytest.fixture
def store(path: Path) -> Iterator[Store]:
    panel = create_panel(path, "Moderation", [AWARD])
    upsert_entries(panel, [EntryRecord(id=e, award="prize", title=f"Entry {e}")
                           for e in ("A", "B", "C")])
    ann, bob = add_judge(panel, "Ann"), add_judge(panel, "Bob")
    for entry, (a, b) in {"A": (8, 7), "B": (6, 5), "C": (3, 4)}.items():
        Judging.for_judge(panel, ann.id).set_score(entry, "Q1", a)
        Judging.for_judge(panel, bob.id).set_score(entry, "Q1", b)
    yield panel
    panel.close()


def test_a_decision_needs_a_placement_and_a_reason(store: Store) -> None:
    with pytest.raises(JudgePanelError, match="placement must be one of"):
        decide(store, "A", "gold", "best")
    with pytest.raises(JudgePanelError, match="reason"):
        decide(store, "A", "winner", "   ")
    with pytest.raises(JudgePanelError, match="no entry 'Z'"):
        decide(store, "Z", "winner", "best")
    assert decisions(store) == []


def test_a_new_decision_replaces_the_old_but_the_audit_keeps_both(store: Store) -> None:
    decide(store, "A", "finalist", "strong but thin on evidence", who="Chair")
    decide(store, "A", "winner", "evidence confirmed in discussion", who="Chair")
    (current,) = decisions(store)
    assert (current["entry"], current["placement"], current["decided_by"]) == \
        ("A", "winner", "Chair")
    logged = [r["detail"] for r in audit_log(store) if r["action"] == "placement decided"]
    assert [(d["placement"], d["previous"]) for d in logged] == [("finalist", None),
                                                                  ("winner", "finalist")]
    row = next(r for r in rank_award(store, "prize").entries if r.entry == "A")
    assert row.placement == "winner"


def test_an_override_records_old_and_new_and_leaves_raw_scores_alone(store: Store) -> None:
    raw = store.rows("SELECT * FROM scores ORDER BY judge, entry")
    override_score(store, "C", 72.5, "judges agreed the evidence was misread", who="Chair")
    (record,) = overrides(store)
    assert record["entry"] == "C" and record["new_value"] == 72.5
    assert record["old_value"] == pytest.approx(35.0)  # the computed score then
    assert record["reason"] == "judges agreed the evidence was misread"
    assert record["decided_by"] == "Chair" and record["decided_at"]
    assert store.rows("SELECT * FROM scores ORDER BY judge, entry") == raw
    assert audit_log(store)[-1]["action"] == "score overridden"


def test_an_override_must_be_on_the_total_scale_with_a_reason(store: Store) -> None:
    with pytest.raises(JudgePanelError, match="0–100"):
        override_score(store, "C", 120, "typo")
    with pytest.raises(JudgePanelError, match="reason"):
        override_score(store, "C", 50, "")
    assert overrides(store) == []


def test_a_tie_break_vote_is_validated_and_recorded(store: Store) -> None:
    with pytest.raises(JudgePanelError, match="two or more"):
        record_tie_break(store, "prize", ["A"], "vote")
    with pytest.raises(JudgePanelError, match="no entry 'Z'"):
        record_tie_break(store, "prize", ["A", "Z"], "vote")
    record_tie_break(store, "prize", ["B", "A"], "show of hands", who="Chair")
    assert tie_break_records(store, "prize") == [["B", "A"]]


def test_editing_history_behind_judgepanels_back_is_detected(store: Store, path: Path
                                                              ) -> None:
    decide(store, "A", "winner", "best on every section", who="Chair")
    assert check_history(store) == [] and verify_panel(store) == []
    # The triggers refuse an edit outright …
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.db.execute("UPDATE audit SET who = 'Someone else' WHERE action = "
                         "'placement decided'")
    store.close()
    # … so a tamperer drops them first, with plain sqlite3.
    raw = sqlite3.connect(path)
    raw.execute("DROP TRIGGER audit_no_update")
    raw.execute("UPDATE audit SET detail = replace(detail, 'winner', 'finalist') "
                "WHERE action = 'placement decided'")
    raw.commit()
    raw.close()
    with pytest.warns(HistoryAltered), open_panel(path) as reopened:
        problems = check_history(reopened)
        assert problems and "contents were changed" in problems[0]
        assert verify_panel(reopened)


def test_a_deleted_audit_record_breaks_the_chain(store: Store, path: Path) -> None:
    decide(store, "A", "winner", "best", who="Chair")
    decide(store, "B", "finalist", "close second", who="Chair")
    store.close()
    raw = sqlite3.connect(path)
    raw.execute("DROP TRIGGER audit_no_delete")
    raw.execute("DELETE FROM audit WHERE action = 'placement decided' AND detail LIKE '%\"A\"%'")
    raw.commit()
    raw.close()
    with pytest.warns(HistoryAltered), open_panel(path) as reopened:
        assert any("does not follow" in p for p in check_history(reopened))


def test_a_decision_edited_in_its_own_table_is_caught(store: Store, path: Path) -> None:
    decide(store, "B", "finalist", "solid", who="Chair")
    store.close()
    raw = sqlite3.connect(path)
    raw.execute("UPDATE decisions SET placement = 'winner' WHERE entry = 'B'")
    raw.commit()
    raw.close()
    with pytest.warns(HistoryAltered, match="decisions were changed"), \
            open_panel(path) as reopened:
        assert check_history(reopened) == []  # the chain itself is intact …
        assert any("decision for entry B" in p for p in verify_panel(reopened))  # … but not this


def test_a_withdrawn_override_gives_back_the_computed_score(store: Store) -> None:
    override_score(store, "C", 90, "mis-typed", who="Chair")
    assert rank_award(store, "prize").entries[0].entry == "C"
    withdraw_override(store, "C", "entered against the wrong entry", who="Chair")
    ranking = rank_award(store, "prize")
    row = next(r for r in ranking.entries if r.entry == "C")
    assert row.override is None and row.score == pytest.approx(35.0)
    assert len(overrides(store)) == 1  # the record stays
    assert [r["action"] for r in audit_log(store)][-2:] == ["score overridden",
                                                            "override withdrawn"]
    with pytest.raises(JudgePanelError, match="no moderated score"):
        withdraw_override(store, "C", "again")


def test_the_ranking_shows_computed_and_panel_rank_side_by_side(store: Store) -> None:
    override_score(store, "C", 95, "panel view", who="Chair")
    rows = {r.entry: r for r in rank_award(store, "prize").entries}
    assert (rows["C"].rank, rows["C"].computed_rank) == (1, 3)
    assert (rows["A"].rank, rows["A"].computed_rank) == (2, 1)


def test_an_entry_without_scores_cannot_be_moderated(store: Store) -> None:
    upsert_entries(store, [EntryRecord(id="D", award="prize")])
    with pytest.raises(JudgePanelError, match="no counted scores"):
        override_score(store, "D", 50, "no scores")
