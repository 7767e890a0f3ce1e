"""A later round's packs: encrypted as the first round's are, holding only the entries
promoted into the round (with their documents), and nothing of an earlier round; the
judge's scores and overall review come back through the ordinary merge; a pack of a closed
round is refused, naming its round."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from judgepanel.core.attachment_import import import_attachments
from judgepanel.core.attachments import list_attachments
from judgepanel.core.awards import Award, Scale, Section
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.file_encryption import is_encrypted, key_for_file
from judgepanel.core.judges import Judge, add_judge
from judgepanel.core.merge import merge_packs
from judgepanel.core.packs import open_pack
from judgepanel.core.promotion import promote
from judgepanel.core.round_definitions import RoundSpec
from judgepanel.core.round_packs import assign_round, round_pack, round_reviews
from judgepanel.core.round_results import round_result
from judgepanel.core.rounds import add_round, close_round
from judgepanel.core.scoring import Judging
from judgepanel.core.store import Store

AWARD = Award(id="prize", name="The Prize", scale=Scale(0, 10, 1),
              sections=(Section("Q1", "Impact", "What changed?"),))
SCORES = {"A": (8, 7), "B": (6, 5), "C": (3, 4)}
FINAL = ({"id": "talk", "title": "Presentation", "question": "How did it go?"},)


@pytest.fixture
def panel(tmp_path: Path) -> Iterator[tuple[Store, Judge]]:
    from judgepanel.core.panel import create_panel

    store = create_panel(tmp_path / "rounds.judgepanel", "Rounds", [AWARD])
    upsert_entries(store, [EntryRecord(id=e, award="prize", title=f"TITLEWORD {e}",
                                       nominee=f"NOMINEEWORD {e}",
                                       answers={"Q1": f"ANSWERWORD of entry {e}"})
                           for e in SCORES])
    folder = tmp_path / "documents" / "A"
    folder.mkdir(parents=True)
    (folder / "plan.txt").write_bytes(b"DOCUMENTWORD the plan of entry A")
    import_attachments(store, tmp_path / "documents")
    ann, bob = add_judge(store, "Ann"), add_judge(store, "Bob")
    for entry, (a, b) in SCORES.items():
        Judging.for_judge(store, ann.id).set_score(entry, "Q1", a, f"ROUNDONEANN {entry}")
        Judging.for_judge(store, bob.id).set_score(entry, "Q1", b, f"ROUNDONEBOB {entry}")
    add_round(store, "prize", RoundSpec("final", "Final", "scored", FINAL))
    close_round(store, "prize", "judging")
    promote(store, "prize", "final", "Shortlist", top=2)
    assign_round(store, "prize", "final", ann)
    yield store, ann
    store.close()


def test_a_later_round_pack_is_encrypted_and_holds_nothing_of_round_one(
        panel: tuple[Store, Judge], tmp_path: Path) -> None:
    store, ann = panel
    path = tmp_path / "Ann.judgepack"
    made = round_pack(store, "prize", "final", ann, path, passphrase="")
    assert made.entry_ids == ["A", "B"] and len(made.passphrase.split()) >= 6
    assert is_encrypted(path)
    raw = path.read_bytes()
    for text in ("TITLEWORD", "NOMINEEWORD", "ANSWERWORD", "DOCUMENTWORD", "ROUNDONE",
                 "Presentation", "SQLite format 3"):
        assert text.encode() not in raw, text
    # opened with the passphrase: the promoted entries, their documents, no round-1 score
    with open_pack(path, key_for_file(path, made.passphrase)) as pack:
        assert pack.meta("round") == "final"
        assert [r["id"] for r in pack.rows("SELECT id FROM entries ORDER BY id")] == ["A", "B"]
        assert [a["name"] for a in list_attachments(pack, "A")] == ["plan.txt"]
        assert pack.rows("SELECT * FROM scores") == []
        assert [r["id"] for r in pack.rows("SELECT id FROM sections")] == ["talk"]
        tables = [r["name"] for r in pack.rows(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        dump = repr([pack.rows(f"SELECT * FROM {table}") for table in tables])
    assert "ROUNDONE" not in dump and "Bob" not in dump  # no earlier score, no other judge
    # the panel kept the key: the merge asks nothing
    assert store.meta(f"pack_cipher:{path.read_bytes()[:16].hex()}") is not None


def test_a_round_pack_brings_back_its_scores_and_review_and_a_closed_round_is_refused(
        panel: tuple[Store, Judge], tmp_path: Path) -> None:
    store, ann = panel
    path = tmp_path / "Ann.judgepack"
    made = round_pack(store, "prize", "final", ann, path, passphrase="harbour lantern velvet")
    with open_pack(path, key_for_file(path, made.passphrase)) as pack:
        judging = Judging.for_pack(pack)
        judging.set_score("A", "talk", 9, "Clear and confident")
        judging.set_score("B", "talk", 4)
        judging.set_review("A", "REVIEWWORD the best talk of the day", ["evidence"], True)
    (result,) = merge_packs(store, [path], who="Coordinator")
    assert (result.new, result.reviews) == (2, 1)
    final = round_result(store, "prize", "final")
    assert [(x.entry, x.score) for x in final.lines] == [("A", 90.0), ("B", 40.0)]
    (review,) = round_reviews(store, "prize", "final")
    assert (review["judge"], review["entry"], review["complete"]) == ("Ann", "A", 1)
    assert review["comment"] == "REVIEWWORD the best talk of the day"
    assert json.loads(review["tags"]) == ["evidence"]
    # the first round's reviews are untouched
    assert store.rows("SELECT * FROM reviews WHERE comment LIKE 'REVIEWWORD%'") == []
    again = merge_packs(store, [path])[0]  # idempotent
    assert (again.new, again.changed, again.reviews, again.unchanged) == (0, 0, 0, 2)
    # a re-issued pack carries the judge's work in this round
    second = tmp_path / "Ann again.judgepack"
    reissued = round_pack(store, "prize", "final", ann, second, passphrase="")
    with open_pack(second, key_for_file(second, reissued.passphrase)) as pack:
        assert pack.rows("SELECT comment FROM reviews")[0]["comment"].startswith("REVIEWWORD")
        assert reissued.scores == 2

    close_round(store, "prize", "final")
    with pytest.raises(JudgePanelError, match=r"belongs to round 'final' \(Final\) of award "
                                              r"'prize', which is closed"):
        merge_packs(store, [path])
    with pytest.raises(JudgePanelError, match="round 'final' of award 'prize' is closed"):
        round_pack(store, "prize", "final", ann, tmp_path / "late.judgepack")


def test_a_review_altered_outside_judgepanel_is_refused(panel: tuple[Store, Judge],
                                                       tmp_path: Path) -> None:
    store, ann = panel
    path = tmp_path / "Ann.judgepack"
    round_pack(store, "prize", "final", ann, path)  # plain (--no-encrypt)
    assert not is_encrypted(path)
    with open_pack(path) as pack:
        Judging.for_pack(pack).set_review("B", "Fine")
        pack.db.execute("UPDATE reviews SET comment = 'Outstanding' WHERE entry = 'B'")
    with pytest.raises(JudgePanelError, match="overall review was altered outside"):
        merge_packs(store, [path])


def test_a_first_round_pack_still_merges_its_open_awards_when_another_round_closed(
        tmp_path: Path) -> None:
    """A judge's pack spans their awards: once one award's written round is closed, the pack
    can still bring the other awards' work (its closed-round records unchanged), but not a
    change to the closed round."""
    from judgepanel.core.assignment import assign
    from judgepanel.core.packs import make_pack
    from judgepanel.core.panel import create_panel

    other = Award(id="other", name="Other", scale=Scale(0, 10, 1),
                  sections=(Section("Q1", "Impact", "What changed?"),))
    store = create_panel(tmp_path / "two.judgepanel", "Two awards", [AWARD, other])
    upsert_entries(store, [EntryRecord(id="A", award="prize", title="A"),
                           EntryRecord(id="X", award="other", title="X")])
    ann = add_judge(store, "Ann")
    for entry in ("A", "X"):
        assign(store, ann, entry)
    path = tmp_path / "Ann.judgepack"
    make_pack(store, ann, path)
    with open_pack(path) as pack:
        Judging.for_pack(pack).set_score("A", "Q1", 7)
        Judging.for_pack(pack).set_score("X", "Q1", 5)
    merge_packs(store, [path])
    add_round(store, "prize", RoundSpec("final", "Final", "consensus", FINAL))
    close_round(store, "prize", "judging")
    with open_pack(path) as pack:
        Judging.for_pack(pack).set_score("X", "Q1", 6)
    (result,) = merge_packs(store, [path])
    assert (result.changed, result.unchanged) == (1, 1)
    assert store.rows("SELECT value FROM scores WHERE entry = 'X'") == [{"value": 6.0}]
    with open_pack(path) as pack:
        Judging.for_pack(pack).set_score("A", "Q1", 9)
    with pytest.raises(JudgePanelError, match="belongs to round 'judging' .* which is closed"):
        merge_packs(store, [path])
    assert store.rows("SELECT value FROM scores WHERE entry = 'A'") == [{"value": 7.0}]
    store.close()
