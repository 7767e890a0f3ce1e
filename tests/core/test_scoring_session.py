"""The judge's scoring session: the same checks, signatures and statuses as `Judging`, in
one short transaction per save, and never blind to a change another program made."""

from __future__ import annotations

from pathlib import Path

import pytest

from judgepanel.core.assignment import assign
from judgepanel.core.awards import builtin_awards
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import add_judge
from judgepanel.core.merge import merge_packs
from judgepanel.core.packs import make_pack, open_pack
from judgepanel.core.panel import create_panel, open_panel
from judgepanel.core.scoring import Judging
from judgepanel.core.scoring_session import ScoringSession
from judgepanel.core.store import Store

AWARD = "leading-systems-transformation"


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """Ann's pack: E-1 and E-2 assigned; E-3 is another judge's, so it is not in the pack."""
    with create_panel(tmp_path / "awards.judgepanel", "Regional Awards 2026",
                      builtin_awards()) as panel:
        upsert_entries(panel, [EntryRecord(f"E-{n}", AWARD, title=f"Entry {n}")
                               for n in (1, 2, 3)])
        ann = add_judge(panel, "Ann Ward", "ann@example.org")
        ben = add_judge(panel, "Ben Carr", "ben@example.org")
        for entry in ("E-1", "E-2"):
            assign(panel, ann, entry)
        assign(panel, ben, "E-3")
        make_pack(panel, ann, tmp_path / "Ann.judgepack")
    return tmp_path / "Ann.judgepack"


@pytest.fixture
def session(pack: Path) -> ScoringSession:
    store = open_pack(pack)
    yield ScoringSession(store)
    store.close()


def traced(store: Store) -> list[str]:
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    return statements


def sections(session: ScoringSession) -> list[str]:
    return [s.id for s in session.award_of("E-1").sections]


def test_a_score_save_is_four_statements_and_reads_nothing_again(session: ScoringSession,
                                                                  pack: Path) -> None:
    statements = traced(session.store)
    session.set_score("E-1", "Q1", 7)
    assert len(statements) <= 4, statements
    assert not any(s.startswith("SELECT") for s in statements)
    statements.clear()
    session.set_score("E-1", "Q1", 8, comment="Strong partnership evidence")
    session.set_comments({("E-1", "Q2"): "Thin on data", ("E-1", ""): "A good entry"})
    assert len(statements) <= 4 + 5, statements  # two transactions, three rows
    with open_pack(pack) as store:
        judging = Judging.for_pack(store)
        assert judging.scores("E-1")["Q1"]["value"] == 8
        assert judging.scores("E-1")["Q1"]["comment"] == "Strong partnership evidence"
        assert judging.scores("E-1")["Q2"] == {**judging.scores("E-1")["Q2"], "value": None,
                                               "comment": "Thin on data"}
        assert judging.review("E-1")["comment"] == "A good entry"
        assert judging.status("E-1") == session.status("E-1") == "in progress"


def test_the_same_refusals_as_judging(session: ScoringSession) -> None:
    with pytest.raises(JudgePanelError, match="'E-3' is not in this judge's pack"):
        session.set_score("E-3", "Q1", 5)
    with pytest.raises(JudgePanelError, match="has no section 'Q9'"):
        session.set_score("E-1", "Q9", 5)
    with pytest.raises(JudgePanelError, match=r"11 is not on this section's scale: 0 to 10"):
        session.set_score("E-1", "Q1", 11)
    with pytest.raises(JudgePanelError, match="cannot be marked complete: no score yet"):
        session.set_review("E-1", complete=True)
    session.declare_conflict("E-2", "  My former team  ")
    assert session.progress("E-2") == ("conflict", 0)
    with pytest.raises(JudgePanelError, match="a conflict of interest is declared"):
        session.set_score("E-2", "Q1", 5)
    assert session.progress("E-1") == ("not started", 0)  # nothing refused was kept


def test_complete_and_reopened_as_judging_does(session: ScoringSession, pack: Path) -> None:
    for number, section in enumerate(sections(session)):
        session.set_score("E-1", section, number)
    session.set_review("E-1", tags=["SL1"], complete=True)
    assert session.progress("E-1") == ("complete", len(sections(session)))
    session.set_score("E-1", sections(session)[0], None)  # a section empty again
    assert session.progress("E-1") == ("in progress", len(sections(session)) - 1)
    with open_pack(pack) as store:
        review = Judging.for_pack(store).review("E-1")
    assert review["complete"] is False and review["tags"] == ["SL1"]


def test_a_change_from_another_connection_is_read_before_writing(session: ScoringSession,
                                                                 pack: Path) -> None:
    session.set_score("E-1", "Q1", 3)
    with open_pack(pack) as store:  # as `scores import` into the pack would, meanwhile
        Judging.for_pack(store).set_score("E-1", "Q2", 9, comment="from paper")
    session.set_score("E-1", "Q1", 3, comment="a note")  # the value unchanged
    assert session.scores("E-1")["Q2"] == (9, "from paper")
    with open_pack(pack) as store:
        scores = Judging.for_pack(store).scores("E-1")
    assert (scores["Q1"]["value"], scores["Q1"]["comment"]) == (3, "a note")
    assert (scores["Q2"]["value"], scores["Q2"]["comment"]) == (9, "from paper")


def test_what_the_session_writes_merges_as_signed(session: ScoringSession, pack: Path,
                                                  tmp_path: Path) -> None:
    for section in sections(session):
        session.set_score("E-1", section, 6)
    session.set_comments({("E-1", "Q1"): "Clear", ("E-1", ""): "Overall clear"})
    session.set_review("E-1", complete=True)
    session.store.close()
    with open_panel(tmp_path / "awards.judgepanel") as panel:
        merge_packs(panel, [pack])
        rows = panel.rows("SELECT section, value, comment FROM scores WHERE entry = 'E-1'")
    assert {r["section"]: r["value"] for r in rows} == dict.fromkeys(sections(session), 6)
