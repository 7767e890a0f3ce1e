"""A returned later-round pack brings back only what the panel gave its judge to do in that
round: a record whose fields JudgePanel could not have written is refused even where its
signature still matches (a score 7 and the bytes '7' sign alike), and a pack naming the
award's first round as its round is refused, saying so."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from judgepanel.core.awards import Award, Scale, Section
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import Judge, add_judge
from judgepanel.core.merge import check_pack, merge_packs
from judgepanel.core.packs import open_pack
from judgepanel.core.promotion import promote
from judgepanel.core.round_definitions import RoundSpec
from judgepanel.core.round_packs import assign_round, round_pack
from judgepanel.core.rounds import add_round, close_round
from judgepanel.core.scoring import Judging
from judgepanel.core.store import Store

AWARD = Award(id="prize", name="The Prize", scale=Scale(0, 10, 1),
              sections=(Section("Q1", "Impact", "What changed?"),))
FINAL = ({"id": "talk", "title": "Presentation", "question": "How did it go?"},)


@pytest.fixture
def panel(tmp_path: Path) -> Iterator[tuple[Store, Judge]]:
    """Round one closed with A and B promoted into a scored final assigned to Ann."""
    from judgepanel.core.panel import create_panel

    store = create_panel(tmp_path / "rounds.judgepanel", "Rounds", [AWARD])
    upsert_entries(store, [EntryRecord(id=e, award="prize", title=f"Entry {e}")
                           for e in ("A", "B", "C")])
    ann = add_judge(store, "Ann")
    for entry, value in (("A", 8), ("B", 6), ("C", 3)):
        Judging.for_judge(store, ann.id).set_score(entry, "Q1", value)
    add_round(store, "prize", RoundSpec("final", "Final", "scored", FINAL))
    close_round(store, "prize", "judging")
    promote(store, "prize", "final", "Shortlist", top=2)
    assign_round(store, "prize", "final", ann)
    yield store, ann
    store.close()


def _returned(store: Store, ann: Judge, path: Path) -> Path:
    """Ann's plain final-round pack with a score and a complete review of A."""
    round_pack(store, "prize", "final", ann, path)
    with open_pack(path) as pack:
        judging = Judging.for_pack(pack)
        judging.set_score("A", "talk", 7, "Clear")
        judging.set_review("A", "Fine", complete=True)
    return path


def _edit(path: Path, sql: str) -> None:
    """Change the pack as a database tool would, without its key."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(sql)
    conn.close()


@pytest.mark.parametrize("sql", [
    "UPDATE scores SET value = CAST('7' AS BLOB)",  # float(b'7') == 7: the signature holds
    "UPDATE scores SET seq = CAST(CAST(seq AS TEXT) AS BLOB)",  # int(b'1') == 1: likewise
    "UPDATE reviews SET complete = CAST('1' AS BLOB)",  # int(b'1') == 1: likewise
])
def test_a_round_record_of_a_type_judgepanel_never_writes_is_refused(
        panel: tuple[Store, Judge], tmp_path: Path, sql: str) -> None:
    store, ann = panel
    path = _returned(store, ann, tmp_path / "Ann.judgepack")
    _edit(path, sql)
    refused = check_pack(store, path).refused
    assert "JudgePanel could not have written" in refused and "entry '" in refused
    with pytest.raises(JudgePanelError, match="could not have written"):
        merge_packs(store, [path])
    assert store.rows("SELECT * FROM round_scores") == []
    assert store.rows("SELECT * FROM round_reviews") == []


def test_a_round_pack_naming_the_first_round_is_refused_saying_so(
        panel: tuple[Store, Judge], tmp_path: Path) -> None:
    store, ann = panel
    path = _returned(store, ann, tmp_path / "Ann.judgepack")
    _edit(path, "UPDATE meta SET value = 'judging' WHERE key = 'round'")
    refused = check_pack(store, path).refused
    assert "round 'judging' of award 'prize', the award's first round" in refused
    assert store.rows("SELECT * FROM round_scores") == []



def test_a_conflict_declared_in_a_later_round_pack_is_recorded_and_its_scores_stop_counting(
        panel: tuple[Store, Judge], tmp_path: Path) -> None:
    from judgepanel.core.round_results import round_result

    store, ann = panel
    path = _returned(store, ann, tmp_path / "Ann.judgepack")
    merge_packs(store, [path])
    assert [(x.entry, x.score) for x in round_result(store, "prize", "final").lines][0] == \
        ("A", 70.0)
    # Ann then finds she knows A's nominee, declares it in the same pack and returns it again
    with open_pack(path) as pack:
        Judging.for_pack(pack).declare_conflict("A", "Knows the nominee")
    (result,) = merge_packs(store, [path])
    assert result.conflicts == 1 and "1 conflict(s) declared" in result.line()
    assert store.rows("SELECT judge, entry, declared_by FROM conflicts") == [
        {"judge": ann.id, "entry": "A", "declared_by": "judge"}]
    assert store.rows("SELECT entry FROM round_assignments WHERE judge = ?", [ann.id]) == [
        {"entry": "B"}]
    line = {x.entry: x for x in round_result(store, "prize", "final").lines}["A"]
    assert (line.score, line.judges) == (None, 0)  # her earlier score no longer counts
    again = merge_packs(store, [path])[0]  # a re-merge changes nothing more
    assert (again.conflicts, again.new, again.changed) == (0, 0, 0)


def test_a_score_sheet_cannot_go_into_a_qualifying_pack(tmp_path: Path) -> None:
    """A qualifying round's judge passes or fails; a sheet of scores imported into their pack
    would make it one the merge must refuse, with no way in the judge's window to undo it."""
    from judgepanel.core.panel import create_panel
    from judgepanel.core.qualifying_packs import make_qualifying_pack
    from judgepanel.core.score_sheets import import_scores

    store = create_panel(tmp_path / "q.judgepanel", "Rounds", [AWARD])
    upsert_entries(store, [EntryRecord(id=e, award="prize") for e in ("A", "B")])
    ann = add_judge(store, "Ann")
    add_round(store, "prize", RoundSpec("sift", "Eligibility check", "qualifying", None,
                                        pass_rule="majority"))
    close_round(store, "prize", "judging")
    promote(store, "prize", "sift", "Every entry is checked", entries=["A", "B"])
    assign_round(store, "prize", "sift", ann)
    path = tmp_path / "Ann.judgepack"
    make_qualifying_pack(store, "prize", "sift", ann, path, passphrase=None)
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("entry,judge,section,score\nA,Ann,Q1,7\n", encoding="utf-8")
    with open_pack(path) as pack:
        with pytest.raises(JudgePanelError, match=r"sheet\.csv: this pack is for round 'sift' "
                                                  r"\(Eligibility check\), a qualifying round"):
            import_scores(pack, sheet)
        assert pack.rows("SELECT * FROM scores") == []
    assert merge_packs(store, [path])[0].ok
    store.close()
