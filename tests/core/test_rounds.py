"""Judging rounds: declared rounds, promotion with its audit record, ties at the cut-off,
withdrawal, qualifying rules, consensus scores, the combined result, and the migration of a
panel written by the release before rounds (it must rank exactly as it did)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from judgepanel.core.award_results import award_results
from judgepanel.core.awards import Award, Scale, Section, award_from_dict, panel_award
from judgepanel.core.consensus import consensus_sheet, record_consensus, record_vote
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import add_judge
from judgepanel.core.moderation import audit_log, check_history
from judgepanel.core.panel import create_panel, open_panel
from judgepanel.core.promotion import promote, withdraw
from judgepanel.core.round_definitions import RoundSpec
from judgepanel.core.round_results import entry_path, final_result, passes_rule, round_result
from judgepanel.core.rounds import add_round, award_rounds, close_round, round_entries
from judgepanel.core.schema import SCHEMA_VERSION
from judgepanel.core.scoring import Judging
from judgepanel.core.store import Store

FIXTURES = Path(__file__).parent.parent / "fixtures" / "before_rounds"
AWARD = Award(id="prize", name="The Prize", scale=Scale(0, 10, 1),
              sections=(Section("Q1", "Impact", "What changed?"),))
FINAL_SECTIONS = ({"id": "talk", "title": "Presentation", "question": "How did it go?"},
                  {"id": "answers", "title": "Answers to the panel's questions",
                   "question": "How well?", "weight": 2})
# Ann and Bob's scores: A 80/70, B 60/60, C 60/60, D 30/40, E 10/20.
SCORES = {"A": (8, 7), "B": (6, 6), "C": (6, 6), "D": (3, 4), "E": (1, 2)}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    panel = create_panel(tmp_path / "rounds.judgepanel", "Rounds", [AWARD])
    upsert_entries(panel, [EntryRecord(id=e, award="prize", title=f"Entry {e}")
                           for e in SCORES])
    ann, bob = add_judge(panel, "Ann"), add_judge(panel, "Bob")
    for entry, (a, b) in SCORES.items():
        Judging.for_judge(panel, ann.id).set_score(entry, "Q1", a)
        Judging.for_judge(panel, bob.id).set_score(entry, "Q1", b)
    yield panel
    panel.close()


def _final(store: Store, kind: str = "consensus", weight: float | None = None) -> None:
    add_round(store, "prize", RoundSpec("final", "Final", kind,
                                        FINAL_SECTIONS if kind != "qualifying" else None,
                                        weight, "majority" if kind == "qualifying" else ""),
              who="Coordinator")


def test_an_award_with_no_rounds_is_one_open_scored_round(store: Store) -> None:
    rounds = award_rounds(store, "prize")
    assert [(r.id, r.kind, r.state) for r in rounds] == [("judging", "scored", "open")]
    assert round_entries(store, rounds[0]) == list(SCORES)
    assert [x.entry for x in round_result(store, "prize").lines] == [
        e.entry for e in award_results(store, "prize").ranking().entries]


def test_award_file_rounds_are_read_checked_and_stored(store: Store) -> None:
    raw = {"id": "two", "name": "Two", "sections": [{"id": "Q1", "question": "Why?"}],
           "rounds": [{"id": "shortlist", "name": "Shortlisting", "kind": "scored"},
                      {"id": "final", "name": "Final", "kind": "consensus", "weight": 2,
                       "sections": list(FINAL_SECTIONS)}]}
    award = award_from_dict(raw, "two.toml")
    assert [r.id for r in award.rounds] == ["shortlist", "final"]
    from judgepanel.core.awards import save_award

    save_award(store, award)
    rounds = award_rounds(store, "two")
    assert [(r.id, r.kind, r.weight) for r in rounds] == [("shortlist", "scored", None),
                                                          ("final", "consensus", 2.0)]
    bad = {**raw, "rounds": [{"id": "q", "name": "Q", "kind": "qualifying",
                              "pass_rule": "most"}]}
    with pytest.raises(JudgePanelError, match=r"two.toml: rounds\[1\]: pass_rule"):
        award_from_dict(bad, "two.toml")
    first_with_sections = {**raw, "rounds": [{"id": "a", "name": "A",
                                              "sections": list(FINAL_SECTIONS)}]}
    with pytest.raises(JudgePanelError, match="first round judges with the award's own"):
        award_from_dict(first_with_sections, "two.toml")


def test_top_n_promotion_is_recorded_with_its_reason_and_who(store: Store) -> None:
    _final(store)
    promoted = promote(store, "prize", "final", "The panel's shortlist", who="Chair", top=1)
    assert promoted == ["A"]
    assert round_entries(store, award_rounds(store, "prize")[1]) == ["A"]
    record = [r for r in audit_log(store) if r["action"] == "promoted"][-1]
    detail = json.loads(record["detail"]) if isinstance(record["detail"], str) else \
        record["detail"]
    assert record["who"] == "Chair"
    assert detail["rule"] == "top 1" and detail["entries"] == ["A"]
    assert detail["reason"] == "The panel's shortlist" and detail["to"] == "final"
    assert check_history(store) == []


def test_a_tie_at_the_cut_off_is_shown_never_broken(store: Store) -> None:
    _final(store)
    with pytest.raises(JudgePanelError, match=r"ends in a tie at rank 2: B \(60.00\), C "
                                              r"\(60.00\)"):
        promote(store, "prize", "final", "Shortlist", top=2)
    assert round_entries(store, award_rounds(store, "prize")[1]) == []
    assert promote(store, "prize", "final", "Shortlist", top=3) == ["A", "B", "C"]


def test_threshold_and_chairs_choice_and_withdrawal(store: Store) -> None:
    _final(store)
    assert promote(store, "prize", "final", "Above 55", min_score=55) == ["A", "B", "C"]
    assert promote(store, "prize", "final", "Wildcard", entries=["E"], who="Chair") == ["E"]
    withdraw(store, "prize", "final", "B", "Entrant withdrew", who="Chair")
    final = award_rounds(store, "prize")[1]
    assert round_entries(store, final) == ["A", "C", "E"]
    actions = [(r["action"], r["who"]) for r in audit_log(store)][-3:]
    assert actions == [("promoted", ""), ("promoted", "Chair"),
                       ("withdrawn from round", "Chair")]
    with pytest.raises(JudgePanelError, match="reason"):
        promote(store, "prize", "final", "  ", top=1)
    with pytest.raises(JudgePanelError, match="no entry Z in award 'prize'"):
        promote(store, "prize", "final", "x", entries=["Z"])


def test_consensus_scores_make_the_final_and_each_finalist_has_a_path(store: Store) -> None:
    _final(store)
    promote(store, "prize", "final", "Shortlist", top=3)
    agreed = {"A": (6, 6), "B": (9, 8), "C": (7, 7)}
    for entry, (talk, answers) in agreed.items():
        record_consensus(store, "prize", "final", entry, "talk", talk, who="Chair")
        record_consensus(store, "prize", "final", entry, "answers", answers,
                         note=f"Agreed for {entry}", who="Chair")
    assert consensus_sheet(store, "prize", "final", "B") == {
        "scores": {"talk": 9.0, "answers": 8.0}, "note": "Agreed for B"}
    final = round_result(store, "prize", "final")
    assert [(x.rank, x.entry) for x in final.lines] == [(1, "B"), (2, "C"), (3, "A")]
    assert final.lines[0].score == pytest.approx(100 * (9 + 2 * 8) / 30)
    table = final_result(store, "prize")
    assert [row["entry"] for row in table] == ["B", "C", "A"]
    assert table[0]["path"] == "Judging 2nd of 5 with 60.0; Final 1st of 3 with 83.3"
    results = [round_result(store, "prize", r.id) for r in award_rounds(store, "prize")]
    assert entry_path(results, "D") == "Judging 4th of 5 with 35.0"
    with pytest.raises(JudgePanelError, match="entry 'D' is not in round 'final'"):
        record_consensus(store, "prize", "final", "D", "talk", 5)
    with pytest.raises(JudgePanelError, match="no section 'Q1'"):
        record_consensus(store, "prize", "final", "A", "Q1", 5)
    with pytest.raises(JudgePanelError, match="section 'talk'"):
        record_consensus(store, "prize", "final", "A", "talk", 11)


def test_weighted_combination_of_rounds(store: Store) -> None:
    store.db.execute("UPDATE awards SET settings = ? WHERE id = 'prize'",
                     [json.dumps({"method": "mean"})])
    _final(store, weight=3)
    promote(store, "prize", "final", "Shortlist", top=1)
    promote(store, "prize", "final", "Shortlist", entries=["D"])
    with store.transaction():
        store.db.execute("UPDATE rounds SET weight = 1 WHERE id = 'judging'")
    for entry, value in {"A": 4, "D": 10}.items():
        for section in ("talk", "answers"):
            record_consensus(store, "prize", "final", entry, section, value)
    table = final_result(store, "prize")
    # A: (1 × 75 + 3 × 40) / 4 = 48.75; D: (1 × 35 + 3 × 100) / 4 = 83.75
    assert [(row["entry"], row["score"]) for row in table] == [("D", 83.75), ("A", 48.75)]


@pytest.mark.parametrize(("rule", "passes", "votes", "through"), [
    ("all", 3, 3, True), ("all", 2, 3, False), ("majority", 2, 3, True),
    ("majority", 1, 2, False), ("2", 2, 5, True), ("2", 1, 5, False), ("all", 0, 0, False)])
def test_qualifying_rules(rule: str, passes: int, votes: int, through: bool) -> None:
    assert passes_rule(rule, passes, votes) is through


def test_a_qualifying_round_promotes_by_its_rule(store: Store) -> None:
    _final(store, "qualifying")
    add_round(store, "prize", RoundSpec("winner", "Winner", "consensus", FINAL_SECTIONS))
    promote(store, "prize", "final", "All through to the check", top=3)
    for judge, votes in {"Ann": {"A": True, "B": False, "C": True},
                         "Bob": {"A": True, "B": True, "C": False}}.items():
        for entry, passed in votes.items():
            record_vote(store, "prize", "final", judge, entry, passed,
                        "" if passed else "Eligibility not shown")
    with pytest.raises(JudgePanelError, match="a fail needs a reason"):
        record_vote(store, "prize", "final", "Ann", "A", False)
    lines = {x.entry: (x.passes, x.goes_through) for x in round_result(store, "prize",
                                                                       "final").lines}
    assert lines == {"A": (2, True), "B": (1, False), "C": (1, False)}
    close_round(store, "prize", "final", who="Chair")
    assert promote(store, "prize", "winner", "Passed the check") == ["A"]


def test_close_round_is_recorded_and_once_only(store: Store) -> None:
    _final(store)
    closed = close_round(store, "prize", "judging", who="Chair")
    assert closed.closed and [r.state for r in award_rounds(store, "prize")] == ["closed",
                                                                                 "open"]
    with pytest.raises(JudgePanelError, match="already closed"):
        close_round(store, "prize", "judging")
    assert audit_log(store)[-1]["action"] == "round closed"


def test_a_panel_from_the_release_before_rounds_migrates_and_ranks_as_before(
        tmp_path: Path) -> None:
    panel = tmp_path / "old.judgepanel"
    shutil.copyfile(FIXTURES / "panel-before-rounds.judgepanel", panel)
    expected = json.loads((FIXTURES / "rank-before-rounds.json").read_text(encoding="utf-8"))
    with open_panel(panel) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert check_history(store) == []
        for award_id, before in expected.items():
            panel_award(store, award_id)
            assert [r.id for r in award_rounds(store, award_id)] == ["judging"]
            now = award_results(store, award_id).ranking().as_json()
            assert now["entries"] == before["entries"]
            assert now["method"] == before["method"]


def test_a_pack_of_a_closed_round_is_refused_naming_the_round(store: Store,
                                                              tmp_path: Path) -> None:
    from judgepanel.core.assignment import assign
    from judgepanel.core.judges import list_judges
    from judgepanel.core.merge import check_pack, merge_packs
    from judgepanel.core.packs import make_pack, open_pack

    cleo = add_judge(store, "Cleo")
    assign(store, cleo, "A")
    path = tmp_path / "cleo.judgepack"
    make_pack(store, next(j for j in list_judges(store) if j.name == "Cleo"), path)
    with open_pack(path) as pack:
        Judging.for_pack(pack).set_score("A", "Q1", 9)
    assert check_pack(store, path).ok
    _final(store)
    close_round(store, "prize", "judging", who="Chair")
    refused = check_pack(store, path)
    assert refused.refused == ("this pack belongs to round 'judging' (Judging) of award "
                               "'prize', which is closed; nothing from it can be merged")
    with pytest.raises(JudgePanelError, match="belongs to round 'judging'"):
        merge_packs(store, [path])
    assert store.db.execute("SELECT COUNT(*) FROM scores WHERE judge = ?",
                            [cleo.id]).fetchone()[0] == 0


def test_a_round_two_pack_holds_only_promoted_entries_and_merges_into_its_round(
        store: Store, tmp_path: Path) -> None:
    from judgepanel.core.judges import list_judges
    from judgepanel.core.merge import check_pack, merge_packs
    from judgepanel.core.packs import open_pack
    from judgepanel.core.round_packs import assign_round, make_round_pack

    store.db.execute("UPDATE scores SET comment = 'ROUND-ONE-COMMENT-' || entry")
    add_round(store, "prize", RoundSpec("final", "Final", "scored", FINAL_SECTIONS))
    promote(store, "prize", "final", "Shortlist", top=1)
    promote(store, "prize", "final", "Wildcard", entries=["D"])
    ann = next(j for j in list_judges(store) if j.name == "Ann")
    assert assign_round(store, "prize", "final", ann) == ["A", "D"]
    path = tmp_path / "ann-final.judgepack"
    with pytest.raises(JudgePanelError, match="round 'judging' of award 'prize' is still open"):
        make_round_pack(store, "prize", "final", ann, path)
    close_round(store, "prize", "judging")
    assert make_round_pack(store, "prize", "final", ann, path) == ["A", "D"]
    data = path.read_bytes()
    assert b"ROUND-ONE-COMMENT" not in data and b"Bob" not in data
    with open_pack(path) as pack:
        assert pack.meta("round") == "final"
        assert [r[0] for r in pack.db.execute("SELECT id FROM entries ORDER BY id")] == ["A",
                                                                                        "D"]
        assert [r[0] for r in pack.db.execute("SELECT id FROM sections ORDER BY position")
                ] == ["talk", "answers"]
        assert pack.db.execute("SELECT COUNT(*) FROM scores").fetchone()[0] == 0
        judging = Judging.for_pack(pack)
        for entry, value in {"A": 5, "D": 9}.items():
            judging.set_score(entry, "talk", value)
            judging.set_score(entry, "answers", value)
    assert check_pack(store, path).new == 4
    merge_packs(store, [path])
    final = round_result(store, "prize", "final")
    assert [(x.entry, x.score) for x in final.lines] == [("D", 90.0), ("A", 50.0)]
    first = award_results(store, "prize").ranking()
    assert next(e for e in first.entries if e.entry == "D").score == pytest.approx(35.0)
    close_round(store, "prize", "final")
    assert check_pack(store, path).refused.startswith(
        "this pack belongs to round 'final' (Final) of award 'prize', which is closed")


def test_a_promotion_edited_outside_judgepanel_is_caught(store: Store) -> None:
    _final(store)
    promote(store, "prize", "final", "Shortlist", top=1, who="Chair")
    close_round(store, "prize", "judging", who="Chair")
    assert check_history(store) == []
    store.db.execute("INSERT INTO round_entries(award, round, entry, status, reason, "
                     "decided_at) VALUES ('prize', 'final', 'E', 'in', 'slipped in', 'x')")
    store.db.execute("UPDATE rounds SET state = 'open' WHERE id = 'judging'")
    problems = store.state_problems()
    assert any("the promotions were changed outside JudgePanel" in p for p in problems)
    assert any("the rounds were changed outside JudgePanel" in p for p in problems)


def test_the_ranked_report_shows_each_round_and_each_finalists_path(store: Store,
                                                                    tmp_path: Path) -> None:
    import sys

    from judgepanel.core.reports.gather import report_data
    from judgepanel.core.reports.ranked import write_report

    sys.path.insert(0, str(Path(__file__).parent))
    from test_reports import pdf_text

    _final(store)
    promote(store, "prize", "final", "Shortlist", top=1)
    for section in ("talk", "answers"):
        record_consensus(store, "prize", "final", "A", section, 8)
    path = tmp_path / "report.pdf"
    write_report(report_data(store, ["prize"]), path)
    words = " ".join(" ".join(pdf_text(path)).split())
    assert "Round 2: Final (consensus, open)" in words
    assert "A: Judging 1st of 5 with 75.0; Final 1st of 1 with 80.0" in words
