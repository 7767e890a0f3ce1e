"""Qualifying rounds end to end: packs made for each judge, voted in as the judge's window
votes, returned and merged; each pass rule counted from merged packs; forged, foreign and
out-of-assignment votes refused; a closed round's pack refused; an encrypted pack's bytes."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from judgepanel.core.awards import Award, Scale, Section
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import Judge, add_judge
from judgepanel.core.merge import check_pack, merge_packs
from judgepanel.core.pack_votes import PackVoting, pack_round
from judgepanel.core.packs import open_pack
from judgepanel.core.panel import create_panel
from judgepanel.core.promotion import promote
from judgepanel.core.qualifying_packs import make_qualifying_pack
from judgepanel.core.round_definitions import RoundSpec
from judgepanel.core.round_packs import assign_round, auto_assign_round
from judgepanel.core.round_results import round_result
from judgepanel.core.rounds import add_round, close_round
from judgepanel.core.scoring import Judging
from judgepanel.core.store import Store

AWARD = Award(id="prize", name="The Prize", scale=Scale(0, 10, 1),
              sections=(Section("Q1", "Impact", "What changed?"),))
ENTRIES = ("A", "B", "C", "D")
SECRET_ANSWER = "Rebuilt the discharge pathway across three trusts"
HIDDEN_NOMINEE = "Olufunmilayo Quarshie-Brennan"


def _panel(tmp_path: Path, rule: str) -> tuple[Store, dict[str, Judge]]:
    panel = create_panel(tmp_path / "q.judgepanel", "Qualifying", [AWARD])
    upsert_entries(panel, [EntryRecord(id=e, award="prize", title=f"Entry {e}",
                                       nominee=f"{HIDDEN_NOMINEE} {e}",
                                       answers={"Q1": f"{SECRET_ANSWER} ({e})"})
                           for e in ENTRIES])
    judges = {name: add_judge(panel, name) for name in ("Ann", "Bob", "Cat")}
    for number, entry in enumerate(ENTRIES):  # first-round scores no pack may carry
        Judging.for_judge(panel, judges["Ann"].id).set_score(entry, "Q1", 9 - number,
                                                             comment="FIRST-ROUND-SECRET")
    add_round(panel, "prize", RoundSpec("sift", "Eligibility check", "qualifying",
                                        pass_rule=rule), who="Coordinator")
    close_round(panel, "prize", "judging", who="Chair")
    promote(panel, "prize", "sift", "Every entry is checked", entries=list(ENTRIES))
    auto_assign_round(panel, "prize", "sift", per_entry=3, seed=1)
    return panel, judges


@pytest.fixture
def tmp(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path


def _vote(path: Path, votes: dict[str, bool | None]) -> None:
    """Vote as the judge's window does, through the pack's own voting session."""
    pack = open_pack(path)
    try:
        voting = PackVoting(pack)
        for entry, passed in votes.items():
            voting.set_vote(entry, passed, "" if passed in (True, None) else
                            "Outside the award's eligibility dates")
    finally:
        pack.close()


def _packs(panel: Store, judges: dict[str, Judge], folder: Path,
           votes: dict[str, dict[str, bool | None]]) -> list[Path]:
    paths = []
    for name, theirs in votes.items():
        path = folder / f"{name}.judgepack"
        make_qualifying_pack(panel, "prize", "sift", judges[name], path, passphrase=None)
        _vote(path, theirs)
        paths.append(path)
    return paths


# Ann passes A, B, C, fails D; Bob passes A, B, fails C, D; Cat passes A, fails B, C, D.
VOTES: dict[str, dict[str, bool | None]] = {
    "Ann": {"A": True, "B": True, "C": True, "D": False},
    "Bob": {"A": True, "B": True, "C": False, "D": False},
    "Cat": {"A": True, "B": False, "C": False, "D": False}}


@pytest.mark.parametrize(("rule", "through"), [("all", ["A"]), ("majority", ["A", "B"]),
                                                ("1", ["A", "B", "C"])])
def test_each_pass_rule_counts_votes_from_merged_packs(tmp: Path, rule: str,
                                                       through: list[str]) -> None:
    panel, judges = _panel(tmp, rule)
    results = merge_packs(panel, _packs(panel, judges, tmp, VOTES))
    assert [r.new for r in results] == [4, 4, 4]
    lines = {x.entry: (x.passes, x.fails, x.goes_through)
             for x in round_result(panel, "prize", "sift").lines}
    assert lines["A"] == (3, 0, True) and lines["D"] == (0, 3, False)
    assert sorted(e for e, (_, _, ok) in lines.items() if ok) == through
    reasons = {r[0] for r in panel.db.execute("SELECT reason FROM round_votes WHERE passed = 0")}
    assert reasons == {"Outside the award's eligibility dates"}
    # merging again changes nothing; the rule promotes into a next round
    assert [r.unchanged for r in merge_packs(panel, _packs_again(tmp))] == [4, 4, 4]
    panel.close()


def _packs_again(tmp: Path) -> list[Path]:
    return [tmp / f"{name}.judgepack" for name in VOTES]


def test_a_later_return_changes_a_vote_and_a_cleared_vote_is_not_counted(tmp: Path) -> None:
    panel, judges = _panel(tmp, "majority")
    path = _packs(panel, judges, tmp, {"Ann": {"A": True, "B": None}})[0]
    merge_packs(panel, [path])
    _vote(path, {"A": False})
    result = merge_packs(panel, [path])[0]
    assert (result.new, result.changed) == (0, 1)
    line = round_result(panel, "prize", "sift").line("A")
    assert line is not None and (line.passes, line.fails) == (0, 1)
    assert round_result(panel, "prize", "sift").line("B").judges == 0  # type: ignore[union-attr]
    # a re-issued pack carries the judge's merged votes
    again = tmp / "Ann again.judgepack"
    made = make_qualifying_pack(panel, "prize", "sift", judges["Ann"], again, passphrase=None)
    assert made.votes == 1
    pack = open_pack(again)
    vote = PackVoting(pack).vote("A")
    pack.close()
    assert vote is not None and not vote.passed
    panel.close()


def test_a_vote_cleared_after_a_merge_is_removed_from_the_panel(tmp: Path) -> None:
    panel, judges = _panel(tmp, "majority")
    path = _packs(panel, judges, tmp, {"Ann": {"A": True, "B": False}})[0]
    assert merge_packs(panel, [path])[0].new == 2
    _vote(path, {"A": None})  # the judge changes their mind: undecided again
    pack = open_pack(path)
    assert PackVoting(pack).vote("A") is None and PackVoting(pack).vote("B") is not None
    pack.close()
    result = check_pack(panel, path)
    assert (result.refused, result.new, result.changed, result.unchanged) == ("", 0, 1, 1)
    merge_packs(panel, [path])
    votes = {str(r[0]) for r in panel.db.execute(
        "SELECT entry FROM round_votes WHERE judge = ?", [judges["Ann"].id])}
    assert votes == {"B"}
    assert round_result(panel, "prize", "sift").line("A").judges == 0  # type: ignore[union-attr]
    # merging the same file again changes nothing; a re-issued pack carries only B
    assert merge_packs(panel, [path])[0].changed == 0
    again = tmp / "Ann again.judgepack"
    assert make_qualifying_pack(panel, "prize", "sift", judges["Ann"], again,
                                passphrase=None).votes == 1
    # the clearing is signed: an unsigned one (a vote emptied outside JudgePanel) is refused
    _vote(path, {"B": None})
    _forge(path, "UPDATE round_votes SET updated_at = '2020-01-01T00:00:00+00:00' "
                 "WHERE entry = 'B'")
    assert "entry 'B': the vote was altered outside JudgePanel" in check_pack(panel, path).refused
    panel.close()


def test_a_pack_holds_only_the_judges_round_entries_and_no_earlier_score(tmp: Path) -> None:
    panel, judges = _panel(tmp, "all")
    panel.db.execute("DELETE FROM round_assignments WHERE judge = ? AND entry = 'D'",
                     [judges["Bob"].id])
    from judgepanel.core.conflicts import record_conflict
    from judgepanel.core.judge_fields import choose_judge_fields

    record_conflict(panel, judges["Bob"], "C", "Former colleague")
    choose_judge_fields(panel, "prize", hide=["nominee"], show=[])  # anonymised judging
    path = tmp / "Bob.judgepack"
    made = make_qualifying_pack(panel, "prize", "sift", judges["Bob"], path, passphrase=None)
    assert made.entry_ids == ["A", "B"]
    pack = open_pack(path)
    found = pack_round(pack)
    assert found is not None and found.qualifying
    assert found.label == "Eligibility check — round 2 of the award"
    assert [r[0] for r in pack.db.execute("SELECT id FROM entries ORDER BY id")] == ["A", "B"]
    assert pack.db.execute("SELECT COUNT(*) FROM scores").fetchone()[0] == 0
    pack.close()
    raw = path.read_bytes()
    assert b"FIRST-ROUND-SECRET" not in raw and b"Ann" not in raw
    assert HIDDEN_NOMINEE.encode() not in raw and b"Entry C" not in raw
    with pytest.raises(JudgePanelError, match="not in this judge's pack"):
        _vote(path, {"C": True})
    panel.close()


def test_fail_needs_a_reason_in_the_pack_and_at_merge(tmp: Path) -> None:
    panel, judges = _panel(tmp, "all")
    path = _packs(panel, judges, tmp, {"Ann": {"A": True}})[0]
    pack = open_pack(path)
    with pytest.raises(JudgePanelError, match="a fail needs a reason"):
        PackVoting(pack).set_vote("B", False, "  ")
    pack.close()
    _forge(path, "UPDATE round_votes SET passed = 0, reason = ''")
    assert "signature does not match" in check_pack(panel, path).refused
    panel.close()


def _forge(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()


def test_forged_foreign_and_unassigned_votes_are_refused(tmp: Path) -> None:
    panel, judges = _panel(tmp, "all")
    path = _packs(panel, judges, tmp, {"Ann": {"A": True, "B": False}})[0]
    forged = tmp / "forged.judgepack"
    shutil.copy(path, forged)
    _forge(forged, "UPDATE round_votes SET passed = 1, reason = '' WHERE entry = 'B'")
    refused = check_pack(panel, forged).refused
    assert "entry 'B': the vote was altered outside JudgePanel" in refused
    with pytest.raises(JudgePanelError, match="nothing was merged"):
        merge_packs(panel, [forged])
    assert panel.db.execute("SELECT COUNT(*) FROM round_votes").fetchone()[0] == 0
    # a vote carried over to another judge's name
    other = tmp / "other.judgepack"
    shutil.copy(path, other)
    _forge(other, f"UPDATE round_votes SET judge = {judges['Bob'].id}")
    assert "a vote by another judge" in check_pack(panel, other).refused
    # a signed vote for an entry the panel no longer assigns to the judge
    panel.db.execute("DELETE FROM round_assignments WHERE judge = ? AND entry = 'B'",
                     [judges["Ann"].id])
    refused = check_pack(panel, path).refused
    assert "entry 'B' is not assigned to this judge in round 'sift'" in refused
    panel.close()


def test_a_closed_rounds_pack_is_refused_naming_the_round(tmp: Path) -> None:
    panel, judges = _panel(tmp, "majority")
    path = _packs(panel, judges, tmp, {"Ann": {"A": True}})[0]
    close_round(panel, "prize", "sift", who="Chair")
    refused = check_pack(panel, path).refused
    assert "round 'sift' (Eligibility check) of award 'prize', which is closed" in refused
    with pytest.raises(JudgePanelError, match="is closed"):
        make_qualifying_pack(panel, "prize", "sift", judges["Ann"], tmp / "late.judgepack")
    panel.close()


def test_packs_wait_for_the_round_before_to_close(tmp: Path) -> None:
    panel = create_panel(tmp / "open.judgepanel", "Open", [AWARD])
    upsert_entries(panel, [EntryRecord(id="A", award="prize", title="Entry A")])
    ann = add_judge(panel, "Ann")
    add_round(panel, "prize", RoundSpec("sift", "Sift", "qualifying", pass_rule="all"))
    promote(panel, "prize", "sift", "In", entries=["A"])
    assign_round(panel, "prize", "sift", ann)
    with pytest.raises(JudgePanelError, match="round 'judging' of award 'prize' is still open"):
        make_qualifying_pack(panel, "prize", "sift", ann, tmp / "Ann.judgepack")
    panel.close()


def test_an_encrypted_qualifying_pack_holds_no_entry_text_and_merges(tmp: Path) -> None:
    panel, judges = _panel(tmp, "all")
    path = tmp / "Cat.judgepack"
    made = make_qualifying_pack(panel, "prize", "sift", judges["Cat"], path)
    assert made.passphrase  # generated, to hand over apart from the file
    raw = path.read_bytes()
    for text in (SECRET_ANSWER, HIDDEN_NOMINEE, "Entry A", "Eligibility check", "FIRST-ROUND"):
        assert text.encode() not in raw
    _vote(path, {"A": True, "B": False})  # this process holds its key, as the window would
    results = merge_packs(panel, [path])  # the panel kept the key: nothing asked
    assert results[0].new == 2
    panel.close()


def test_a_conflict_declared_in_the_pack_reaches_the_panel_and_its_vote_does_not_count(
        tmp: Path) -> None:
    panel, judges = _panel(tmp, "majority")
    path = _packs(panel, judges, tmp, {"Ann": {"A": True, "B": True}})[0]
    pack = open_pack(path)
    Judging.for_pack(pack).declare_conflict("B", "My former team")
    pack.close()
    merge_packs(panel, [path])
    assert panel.db.execute("SELECT reason FROM conflicts WHERE judge = ? AND entry = 'B'",
                            [judges["Ann"].id]).fetchone()[0] == "My former team"
    line = round_result(panel, "prize", "sift").line("B")
    assert line is not None and line.judges == 0
    assert panel.db.execute("SELECT COUNT(*) FROM round_assignments WHERE judge = ? AND "
                            "entry = 'B'", [judges["Ann"].id]).fetchone()[0] == 0
    panel.close()


def test_a_vote_is_saved_in_five_statements(tmp: Path) -> None:
    panel, judges = _panel(tmp, "all")
    path = _packs(panel, judges, tmp, {"Ann": {}})[0]
    pack = open_pack(path)
    voting = PackVoting(pack)
    statements: list[str] = []
    pack.db.conn.set_trace_callback(statements.append)
    voting.set_vote("A", False, "Outside the dates")
    pack.db.conn.set_trace_callback(None)
    assert len(statements) <= 5, statements
    Judging.for_pack(pack).declare_conflict("B", "Former colleague")  # another writer
    with pytest.raises(JudgePanelError, match="conflict of interest is declared"):
        voting.set_vote("B", True)
    pack.close()
    panel.close()
