"""A later round's pack signs for the award and round it was made for: a pack whose meta was
edited to name another round (a first-round pack given a round, a round's pack another
round's, a qualifying pack a scored round) is refused at merge, naming the file and the
reason, and nothing is stored. A record for an entry withdrawn from the round is skipped and
counted, not stored."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from judgepanel.core.assignment import assign
from judgepanel.core.awards import Award, Scale, Section
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import Judge, add_judge
from judgepanel.core.merge import check_pack, merge_packs
from judgepanel.core.pack_votes import PackVoting
from judgepanel.core.packs import make_pack, open_pack
from judgepanel.core.promotion import promote, withdraw
from judgepanel.core.qualifying_packs import make_qualifying_pack
from judgepanel.core.round_definitions import RoundSpec
from judgepanel.core.round_packs import assign_round, round_pack
from judgepanel.core.rounds import add_round, close_round
from judgepanel.core.scoring import Judging
from judgepanel.core.store import Store

AWARD = Award(id="prize", name="The Prize", scale=Scale(0, 10, 1),
              sections=(Section("Q1", "Impact", "What changed?"),))


def _panel(tmp_path: Path, *later: RoundSpec) -> tuple[Store, Judge]:
    """Entries A and B, judged by Ann in the first round; `later` rounds added after it (each
    with the award's own sections, so their section ids match the first round's)."""
    from judgepanel.core.panel import create_panel

    store = create_panel(tmp_path / "rounds.judgepanel", "Rounds", [AWARD])
    upsert_entries(store, [EntryRecord(id=e, award="prize", title=f"Entry {e}")
                           for e in ("A", "B")])
    ann = add_judge(store, "Ann")
    for entry in ("A", "B"):
        assign(store, ann, entry)
    for spec in later:
        add_round(store, "prize", spec)
    return store, ann


def _score(path: Path, values: dict[str, int]) -> None:
    with open_pack(path) as pack:
        judging = Judging.for_pack(pack)
        for entry, value in values.items():
            judging.set_score(entry, "Q1", value, "Signed where it was made")


def _relabel(path: Path, round_id: str, kind: str = "scored") -> None:
    """Edit the pack's meta as a database tool would (no key is needed): it now says it is a
    pack for `round_id` of the award."""
    conn = sqlite3.connect(path)
    with conn:
        for key, value in (("round", round_id), ("round_award", "prize"),
                           ("round_name", round_id), ("round_kind", kind),
                           ("round_position", "2")):
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", [key, value])
    conn.close()


def _refused(store: Store, path: Path, reason: str) -> None:
    """Refused at merge naming the file and `reason`, and nothing of the round stored."""
    assert reason in check_pack(store, path).refused
    with pytest.raises(JudgePanelError) as refusal:
        merge_packs(store, [path])
    assert str(path) in str(refusal.value) and reason in str(refusal.value)
    assert store.rows("SELECT * FROM round_scores") == []
    assert store.rows("SELECT * FROM round_votes") == []


@pytest.fixture
def first_round_pack(tmp_path: Path) -> Iterator[tuple[Store, Path]]:
    """Ann's first-round pack, scored and merged; A and B promoted into a scored final and
    assigned to her there."""
    store, ann = _panel(tmp_path, RoundSpec("final", "Final", "scored"))
    path = tmp_path / "Ann.judgepack"
    make_pack(store, ann, path)
    _score(path, {"A": 9, "B": 8})
    merge_packs(store, [path])
    close_round(store, "prize", "judging")
    promote(store, "prize", "final", "Shortlist", top=2)
    assign_round(store, "prize", "final", ann)
    yield store, path
    store.close()


def test_a_first_round_pack_relabelled_as_a_later_rounds_is_refused(
        first_round_pack: tuple[Store, Path]) -> None:
    store, path = first_round_pack
    _relabel(path, "final")
    _refused(store, path, "entry 'A', section Q1: the score was signed in a first-round pack, "
                          "not for round 'final' of award 'prize': the pack was relabelled "
                          "outside JudgePanel")


def test_a_first_round_pack_still_merges_as_before(
        first_round_pack: tuple[Store, Path]) -> None:
    store, path = first_round_pack
    again = check_pack(store, path)
    assert again.ok and (again.new, again.unchanged) == (0, 2)


def test_a_later_rounds_pack_relabelled_as_another_rounds_is_refused(tmp_path: Path) -> None:
    store, ann = _panel(tmp_path, RoundSpec("semi", "Semi-final", "scored"),
                        RoundSpec("final", "Final", "scored"))
    close_round(store, "prize", "judging")
    promote(store, "prize", "semi", "Shortlist", entries=["A", "B"])
    assign_round(store, "prize", "semi", ann)
    path = tmp_path / "Ann - semi.judgepack"
    round_pack(store, "prize", "semi", ann, path)
    _score(path, {"A": 7, "B": 6})
    close_round(store, "prize", "semi")
    promote(store, "prize", "final", "Both through", entries=["A", "B"])
    assign_round(store, "prize", "final", ann)
    _relabel(path, "final")
    _refused(store, path, "entry 'A', section Q1: the score was signed for round 'semi' of "
                          "award 'prize', not for round 'final' of award 'prize': the pack "
                          "was relabelled outside JudgePanel")


@pytest.mark.parametrize("votes_deleted", [False, True])
def test_a_qualifying_pack_relabelled_as_a_scored_rounds_is_refused(
        tmp_path: Path, votes_deleted: bool) -> None:
    store, ann = _panel(tmp_path, RoundSpec("sift", "Sift", "qualifying", pass_rule="all"),
                        RoundSpec("final", "Final", "scored"))
    close_round(store, "prize", "judging")
    promote(store, "prize", "sift", "Everyone", entries=["A", "B"])
    assign_round(store, "prize", "sift", ann)
    path = tmp_path / "Ann - sift.judgepack"
    make_qualifying_pack(store, "prize", "sift", ann, path, passphrase=None)
    with open_pack(path) as pack:
        PackVoting(pack).set_vote("A", True)
    _score(path, {"A": 10, "B": 10})  # through the pack's own key, as an edited window would
    close_round(store, "prize", "sift")
    promote(store, "prize", "final", "Both through", entries=["A", "B"])
    assign_round(store, "prize", "final", ann)
    _relabel(path, "final")
    if votes_deleted:  # rows can be deleted without any key
        conn = sqlite3.connect(path)
        with conn:
            conn.execute("DELETE FROM round_votes")
        conn.close()
        _refused(store, path, "entry 'A', section Q1: the score was signed for round 'sift' "
                              "of award 'prize', not for round 'final'")
    else:
        _refused(store, path, "it holds pass or fail votes, but round 'final' of award "
                              "'prize' is a scored round")


def test_a_withdrawn_entry_loses_its_assignments_and_its_returned_records_are_skipped(
        tmp_path: Path) -> None:
    store, ann = _panel(tmp_path, RoundSpec("final", "Final", "scored"))
    close_round(store, "prize", "judging")
    promote(store, "prize", "final", "Shortlist", entries=["A", "B"])
    assign_round(store, "prize", "final", ann)
    path = tmp_path / "Ann - final.judgepack"
    round_pack(store, "prize", "final", ann, path)
    _score(path, {"A": 7, "B": 6})
    with open_pack(path) as pack:
        Judging.for_pack(pack).set_review("B", "Strong", complete=True)
    withdraw(store, "prize", "final", "B", "The nominee left the organisation", who="Chair")
    assert store.rows("SELECT entry FROM round_assignments") == [{"entry": "A"}]
    detail = store.rows("SELECT detail FROM audit WHERE action = 'withdrawn from round'")
    assert '"unassigned": ["Ann"]' in detail[-1]["detail"]
    (result,) = merge_packs(store, [path])
    assert (result.new, result.withdrawn) == (1, 2)
    assert "2 records for withdrawn entries not merged" in result.line()
    assert store.rows("SELECT entry, value FROM round_scores") == [{"entry": "A", "value": 7}]
    assert store.rows("SELECT * FROM round_reviews") == []


def test_an_entry_withdrawn_from_the_first_round_loses_its_assignments_and_returns_skip_it(
        tmp_path: Path) -> None:
    """As in a later round: withdrawing an entry from the award's first round takes its
    judges' assignments away (named in the audit record), and a first-round pack returned
    afterwards brings nothing back for it; the merge says how many records it skipped."""
    store, ann = _panel(tmp_path)
    path = tmp_path / "Ann.judgepack"
    make_pack(store, ann, path)
    _score(path, {"A": 7, "B": 6})
    with open_pack(path) as pack:
        Judging.for_pack(pack).set_review("B", "Strong", complete=True)
    withdraw(store, "prize", "judging", "B", "The nominee left the organisation", who="Chair")
    assert store.rows("SELECT entry FROM assignments") == [{"entry": "A"}]
    detail = store.rows("SELECT detail FROM audit WHERE action = 'withdrawn from round'")
    assert '"unassigned": ["Ann"]' in detail[-1]["detail"]
    assert check_pack(store, path).withdrawn == 2
    (result,) = merge_packs(store, [path])
    assert (result.new, result.withdrawn) == (1, 2)
    assert "2 records for withdrawn entries not merged" in result.line()
    assert store.rows("SELECT entry, value FROM scores") == [{"entry": "A", "value": 7}]
    assert store.rows("SELECT * FROM reviews") == []
