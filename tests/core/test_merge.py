"""Returned packs in: exact, idempotent, later-return-wins, and refusals that change nothing."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from judgepanel.core.assignment import assign, assignments
from judgepanel.core.awards import builtin_awards
from judgepanel.core.conflicts import counted_scores, record_conflict
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import Judge, add_judge, find_judge, remove_judge
from judgepanel.core.merge import check_pack, check_packs, merge_packs
from judgepanel.core.merge_checks import score_verifier
from judgepanel.core.packs import make_pack, open_pack
from judgepanel.core.panel import create_panel, open_panel
from judgepanel.core.scoring import Judging, score_signature
from judgepanel.core.store import Store, now

AWARD = "leading-systems-transformation"
NAMES = ("Ann Ward", "Ben Carr", "Cleo Hart")


@pytest.fixture
def panel_file(tmp_path: Path) -> Path:
    """A closed panel: 4 entries, 3 judges, each assigned E-1..E-3; Cleo also E-4."""
    path = tmp_path / "awards.judgepanel"
    with create_panel(path, "Regional Awards 2026", builtin_awards()) as store:
        upsert_entries(store, [EntryRecord(f"E-{n}", AWARD, title=f"Entry {n}")
                               for n in range(1, 5)])
        for name in NAMES:
            judge = add_judge(store, name)
            for entry in ("E-1", "E-2", "E-3"):
                assign(store, judge, entry)
        assign(store, judge, "E-4")
    return path


def judge(store: Store, name: str) -> Judge:
    found = find_judge(store, name)
    assert found is not None
    return found


def pack_for(panel_file: Path, name: str, target: Path) -> Path:
    with open_panel(panel_file) as store:
        make_pack(store, judge(store, name), target)
    return target


def score(pack_path: Path, entries: dict[tuple[str, str], tuple[float, str]]) -> None:
    with open_pack(pack_path) as pack:
        judging = Judging.for_pack(pack)
        for (entry, section), (value, comment) in entries.items():
            judging.set_score(entry, section, value, comment)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def panel_scores(panel_file: Path) -> list[tuple[object, ...]]:
    with open_panel(panel_file) as store:
        return [tuple(r.values()) for r in store.rows(
            "SELECT j.name, s.entry, s.section, s.value, s.comment FROM scores s "
            "JOIN judges j ON j.id = s.judge ORDER BY 1, 2, 3")]


def refused(panel_file: Path, paths: list[Path], message: str) -> None:
    """The merge is refused with `message`, and the panel file is byte-for-byte unchanged."""
    before = digest(panel_file)
    with open_panel(panel_file) as store, pytest.raises(JudgePanelError, match=message) as err:
        merge_packs(store, paths)
    assert str(paths[-1]) in str(err.value) or any(str(p) in str(err.value) for p in paths)
    assert digest(panel_file) == before


# ----- the normal loop ------------------------------------------------------------------------


def test_three_returned_packs_merge_into_exactly_what_was_entered(panel_file: Path,
                                                                  tmp_path: Path) -> None:
    entered = {}
    paths = []
    for number, name in enumerate(NAMES):
        path = pack_for(panel_file, name, tmp_path / f"{name}.judgepack")
        mine = {(entry, section): (float((number * 3 + len(section + entry)) % 11),
                                   f"{name} on {entry} {section}")
                for entry in ("E-1", "E-2") for section in ("Q1", "Q2", "Q5")}
        score(path, mine)
        entered.update({(name, e, s): v for (e, s), v in mine.items()})
        paths.append(path)
    with open_panel(panel_file) as store:
        results = merge_packs(store, paths, who="Chair")
        audit = store.rows("SELECT who, detail FROM audit WHERE action = 'pack merged'")
    assert [(r.judge, r.new, r.changed, r.unchanged) for r in results] == [
        (name, 6, 0, 0) for name in NAMES]
    assert panel_scores(panel_file) == [(n, e, s, v, c) for (n, e, s), (v, c)
                                        in sorted(entered.items())]
    details = [json.loads(r["detail"]) for r in audit]
    assert [a["who"] for a in audit] == ["Chair"] * 3
    assert details[0]["sha256"] == digest(paths[0]) and details[0]["file"] == paths[0].name
    assert (details[0]["judge"], details[0]["new"], details[0]["unchanged"]) == ("Ann Ward", 6, 0)


def test_merging_the_same_packs_again_changes_nothing(panel_file: Path, tmp_path: Path) -> None:
    path = pack_for(panel_file, "Ann Ward", tmp_path / "ann.judgepack")
    score(path, {("E-1", "Q1"): (5, "fine"), ("E-2", "Q3"): (8, "")})
    with open_pack(path) as pack:
        Judging.for_pack(pack).set_review("E-1", comment="Overall good")
    with open_panel(panel_file) as store:
        merge_packs(store, [path])
    first = panel_scores(panel_file)
    with open_panel(panel_file) as store:
        again = merge_packs(store, [path, path])
        reviews = store.rows("SELECT comment FROM reviews")
    assert [(r.new, r.changed, r.unchanged, r.reviews) for r in again] == [(0, 0, 2, 0)] * 2
    assert panel_scores(panel_file) == first and reviews == [{"comment": "Overall good"}]


def test_a_later_return_wins_value_by_value(panel_file: Path, tmp_path: Path) -> None:
    first = pack_for(panel_file, "Ben Carr", tmp_path / "ben-1.judgepack")
    second = pack_for(panel_file, "Ben Carr", tmp_path / "ben-2.judgepack")
    score(first, {("E-1", "Q1"): (3, "first thoughts")})
    score(second, {("E-2", "Q1"): (4, "early")})
    time.sleep(0.002)
    score(second, {("E-1", "Q1"): (5, "changed my mind")})  # newer in the second pack
    score(first, {("E-2", "Q1"): (8, "on reflection")})  # newer in the first pack
    copy = tmp_path / "copy.judgepanel"
    shutil.copyfile(panel_file, copy)
    with open_panel(panel_file) as store:
        one, two = merge_packs(store, [first, second])
    with open_panel(copy) as store:
        merge_packs(store, [second])
        merge_packs(store, [first])  # the other order, in separate runs
    expected = [("Ben Carr", "E-1", "Q1", 5.0, "changed my mind"),
                ("Ben Carr", "E-2", "Q1", 8.0, "on reflection")]
    assert panel_scores(panel_file) == expected and panel_scores(copy) == expected
    assert (one.new, two.new, two.changed, two.unchanged) == (2, 0, 1, 1)


def test_a_judges_declared_conflict_arrives_and_their_scores_stop_counting(
        panel_file: Path, tmp_path: Path) -> None:
    path = pack_for(panel_file, "Cleo Hart", tmp_path / "cleo.judgepack")
    score(path, {("E-4", "Q1"): (6, "")})
    with open_panel(panel_file) as store:
        merge_packs(store, [path])
    reissued = pack_for(panel_file, "Cleo Hart", tmp_path / "cleo-2.judgepack")
    with open_pack(reissued) as pack:
        assert Judging.for_pack(pack).scores("E-4")["Q1"]["value"] == 6  # work carried
        Judging.for_pack(pack).declare_conflict("E-4", "I know the nominee")
    with open_panel(panel_file) as store:
        [result] = merge_packs(store, [reissued])
        cleo = judge(store, "Cleo Hart")
        assert result.conflicts == 1
        assert (cleo.id, "E-4") not in assignments(store)
        assert not [r for r in counted_scores(store) if r["entry"] == "E-4"]
        assert store.rows("SELECT declared_by, reason FROM conflicts") == [
            {"declared_by": "judge", "reason": "I know the nominee"}]
        [again] = merge_packs(store, [reissued])
        assert again.conflicts == 0
    third = pack_for(panel_file, "Cleo Hart", tmp_path / "cleo-3.judgepack")
    with open_pack(third) as pack:
        assert pack.rows("SELECT entry FROM conflicts") == [{"entry": "E-4"}]
        assert pack.rows("SELECT id FROM entries WHERE id = 'E-4'") == []


def test_each_merged_packs_audit_record_seals_the_tables_as_that_pack_left_them(
        panel_file: Path, tmp_path: Path) -> None:
    """One run of three packs, the middle one declaring a conflict (which changes the sealed
    conflicts and assignments), seals what three separate runs seal, record by record."""
    paths = [pack_for(panel_file, name, tmp_path / f"{name}.judgepack") for name in NAMES]
    for path in paths:
        score(path, {("E-1", "Q1"): (5, "fine")})
    with open_pack(paths[1]) as pack:
        Judging.for_pack(pack).declare_conflict("E-2", "My former employer")
    apart = tmp_path / "apart.judgepanel"
    shutil.copyfile(panel_file, apart)
    sealed = "SELECT state FROM audit WHERE action = 'pack merged' ORDER BY id"
    with open_panel(panel_file) as store:
        merge_packs(store, paths)
        together = [r["state"] for r in store.rows(sealed)]
        assert store.audit_problems() == [] and store.state_problems() == []
    with open_panel(apart) as store:
        for path in paths:
            merge_packs(store, [path])
        assert [r["state"] for r in store.rows(sealed)] == together
    assert len(set(together)) == 2  # the conflict changed what the later records seal


def test_check_pack_and_check_packs_report_per_file(panel_file: Path, tmp_path: Path) -> None:
    good = pack_for(panel_file, "Ann Ward", tmp_path / "ann.judgepack")
    score(good, {("E-1", "Q1"): (5, "")})
    bad = tmp_path / "notes.judgepack"
    bad.write_text("not a pack", encoding="utf-8")
    with open_panel(panel_file) as store:
        dry = check_pack(store, good)
        assert (dry.new, dry.refused) == (1, "")
        assert store.rows("SELECT COUNT(*) AS n FROM scores") == [{"n": 0}]
        results = check_packs(store, [bad, good])
    assert "not an SQLite database" in results[0].refused and results[1].new == 1
    assert results[0].line().startswith("notes.judgepack: refused:")
    assert results[1].line() == "ann.judgepack (Ann Ward): 1 new, 0 changed, 0 unchanged score(s)"


def test_the_fast_signature_check_agrees_with_scoring() -> None:
    key = "ab" * 32
    for entry, section, value, comment in [
            ("E-1", "Q1", 7.0, ""), ("É “x”\n\t\\\"", "Q1", None, "café <p>&amp; \u2028 \x01"),
            ("e", "s", 0.1, "x"), ("e", "s", 1e-7, "y"), ("e", "s", 7, "z")]:
        assert score_verifier(key, "pánel", 3)(entry, section, value, comment, "t") == \
            score_signature(key, "pánel", 3, entry, section, value, comment, "t")


# ----- refusals: the panel is byte-for-byte unchanged -----------------------------------------


def tamper(pack: Path, sql: str, params: tuple[object, ...] = ()) -> None:
    conn = sqlite3.connect(pack)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def signed_row(pack: Path, entry: str, section: str, value: float) -> None:
    """A score inserted outside JudgePanel but signed with the right key."""
    with open_pack(pack) as store:
        judge_id, key = store.db.execute("SELECT id, pack_key FROM judges").fetchone()
        panel_id = store.panel_id
    stamp = now()
    tamper(pack, "INSERT INTO scores(judge, entry, section, value, comment, updated_at, "
           "signature) VALUES (?,?,?,?,?,?,?)",
           (judge_id, entry, section, value, "", stamp,
            score_signature(key, panel_id, judge_id, entry, section, value, "", stamp)))


def test_a_score_altered_outside_judgepanel_is_refused(panel_file: Path,
                                                       tmp_path: Path) -> None:
    good = pack_for(panel_file, "Ann Ward", tmp_path / "ann.judgepack")
    score(good, {("E-1", "Q1"): (5, "")})
    path = pack_for(panel_file, "Ben Carr", tmp_path / "ben.judgepack")
    score(path, {("E-1", "Q1"): (5, ""), ("E-2", "Q3"): (6, "")})
    tamper(path, "UPDATE scores SET value = 9 WHERE entry = 'E-2'")
    refused(panel_file, [good, path], r"ben.judgepack: refused: entry 'E-2', section Q3: "
                                      r"the score was altered outside JudgePanel")


def test_a_pack_from_another_panel_is_refused(panel_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.judgepanel"
    with create_panel(other, "Another Awards", builtin_awards()) as store:
        upsert_entries(store, [EntryRecord("E-1", AWARD)])
        assign(store, add_judge(store, "Ann Ward"), "E-1")
    foreign = pack_for(other, "Ann Ward", tmp_path / "foreign.judgepack")
    refused(panel_file, [foreign], "comes from another panel")


def test_truncated_and_non_sqlite_files_are_refused(panel_file: Path, tmp_path: Path) -> None:
    path = pack_for(panel_file, "Ann Ward", tmp_path / "ann.judgepack")
    score(path, {("E-1", "Q1"): (5, "x" * 3000), ("E-2", "Q1"): (5, "y" * 3000)})
    data = path.read_bytes()
    half = tmp_path / "half.judgepack"
    half.write_bytes(data[: len(data) // 2])
    refused(panel_file, [half], "truncated")
    text = tmp_path / "text.judgepack"
    text.write_text("Entry,Score\nE-1,5\n", encoding="utf-8")
    refused(panel_file, [text], "not an SQLite database")
    refused(panel_file, [panel_file], "this is a panel")


def test_a_judge_the_panel_does_not_know_or_whose_key_differs_is_refused(
        panel_file: Path, tmp_path: Path) -> None:
    path = pack_for(panel_file, "Cleo Hart", tmp_path / "cleo.judgepack")
    score(path, {("E-1", "Q1"): (5, "")})
    with open_panel(panel_file) as store:
        remove_judge(store, judge(store, "Cleo Hart"))
    refused(panel_file, [path], r"its judge \(Cleo Hart\) is not a judge of this panel")
    with open_panel(panel_file) as store:
        add_judge(store, "Cleo Hart")  # a new judge of the same name gets the same id
    refused(panel_file, [path], "key differs")


def test_unknown_entries_sections_and_off_scale_values_are_refused(
        panel_file: Path, tmp_path: Path) -> None:
    path = pack_for(panel_file, "Ann Ward", tmp_path / "ann.judgepack")
    section = tmp_path / "section.judgepack"
    shutil.copyfile(path, section)
    signed_row(section, "E-1", "Q9", 5)
    refused(panel_file, [section], "award 'leading-systems-transformation' has no section 'Q9'")
    scale = tmp_path / "scale.judgepack"
    shutil.copyfile(path, scale)
    signed_row(scale, "E-1", "Q1", 11)
    refused(panel_file, [scale], r"entry 'E-1', section Q1: 11 is not on this "
                                 r"section's scale: 0 to 10 in steps of 1")
    entry = tmp_path / "entry.judgepack"
    shutil.copyfile(path, entry)
    tamper(entry, "INSERT INTO entries(id, award, imported_at, updated_at) "
                  "VALUES ('E-999', ?, 'x', 'x')", (AWARD,))
    signed_row(entry, "E-999", "Q1", 5)
    refused(panel_file, [entry], "entry 'E-999' is not in this panel")


def test_scores_for_an_entry_in_conflict_in_the_panel_are_refused(
        panel_file: Path, tmp_path: Path) -> None:
    path = pack_for(panel_file, "Ben Carr", tmp_path / "ben.judgepack")
    score(path, {("E-3", "Q1"): (9, "brilliant"), ("E-1", "Q1"): (4, "")})
    with open_panel(panel_file) as store:
        record_conflict(store, judge(store, "Ben Carr"), "E-3", "Trustee of the charity")
    refused(panel_file, [path], "entry 'E-3': Ben Carr has a conflict of interest")


def test_records_of_impossible_types_or_keys_are_refused_not_crashed_on(
        panel_file: Path, tmp_path: Path) -> None:
    path = pack_for(panel_file, "Ann Ward", tmp_path / "ann.judgepack")
    score(path, {("E-1", "Q1"): (5, "")})
    blob = tmp_path / "blob.judgepack"
    shutil.copyfile(path, blob)
    tamper(blob, "UPDATE scores SET updated_at = X'00ff'")
    refused(panel_file, [blob], "is not a time JudgePanel writes")
    key = tmp_path / "key.judgepack"
    shutil.copyfile(path, key)
    tamper(key, "UPDATE judges SET pack_key = 'clé'")
    refused(panel_file, [key], "key differs")
    meta = tmp_path / "meta.judgepack"
    shutil.copyfile(path, meta)
    tamper(meta, "UPDATE meta SET value = 'x' WHERE key = 'judge_id'")
    refused(panel_file, [meta], "identity records are damaged")
