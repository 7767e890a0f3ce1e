"""Judge packs out: blind (no other judge's words anywhere in the bytes), complete, safe names."""

from __future__ import annotations

from pathlib import Path

import pytest

from judgepanel.core.assignment import assign
from judgepanel.core.awards import builtin_awards
from judgepanel.core.conflicts import record_conflict
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import Judge, add_judge
from judgepanel.core.packs import make_pack, make_packs, open_pack, pack_file_name
from judgepanel.core.panel import create_panel, open_panel
from judgepanel.core.scoring import Judging
from judgepanel.core.store import Store

AWARD = "leading-systems-transformation"
OTHER = "service-improvement-innovation"


@pytest.fixture
def panel(tmp_path: Path) -> Store:
    store = create_panel(tmp_path / "awards.judgepanel", "Regional Awards 2026",
                         builtin_awards())
    upsert_entries(store, [EntryRecord(
        f"E-{n}", AWARD, title=f"Entry {n}", nominee=f"Nominee {n}",
        answers={"Q1": f"Answer one of entry {n}"},
        source={"Reviewer 1 Name": "Platform Reviewer Quentin"}) for n in range(1, 5)]
        + [EntryRecord("S-1", OTHER, title="Service entry")])
    for name, email in (("Ann Ward", "ann@example.org"), ("Ben Carr", "ben.secret@example.org"),
                        ("Cleo Hart", "cleo.hidden@example.org")):
        add_judge(store, name, email)
    return store


def judges(store: Store) -> dict[str, Judge]:
    from judgepanel.core.judges import list_judges

    return {j.name.split()[0]: j for j in list_judges(store)}


def test_a_pack_holds_nothing_of_another_judge_in_its_bytes(panel: Store,
                                                               tmp_path: Path) -> None:
    people = judges(panel)
    for judge in people.values():
        for entry in ("E-1", "E-2", "E-3"):
            assign(panel, judge, entry)
    ann, ben, cleo = Judging.for_judge(panel, people["Ann"].id), \
        Judging.for_judge(panel, people["Ben"].id), Judging.for_judge(panel, people["Cleo"].id)
    ann.set_score("E-1", "Q1", 7, "Ann-own-remark about teamwork")
    ben.set_score("E-1", "Q1", 3, "BENS-PRIVATE-COMMENT weak evidence")
    ben.set_review("E-1", comment="BENS-OVERALL-REVIEW")
    cleo.set_score("E-2", "Q2", 9, "CLEOS-PRIVATE-COMMENT")
    cleo.declare_conflict("E-3", "CLEOS-CONFLICT-REASON")
    summary = make_pack(panel, people["Ann"], tmp_path / "Ann.judgepack")
    raw = (tmp_path / "Ann.judgepack").read_bytes()
    for secret in ("BENS-PRIVATE-COMMENT", "BENS-OVERALL-REVIEW", "CLEOS-PRIVATE-COMMENT",
                   "CLEOS-CONFLICT-REASON", "Ben Carr", "Cleo Hart", "ben.secret@example.org",
                   "cleo.hidden@example.org", "Platform Reviewer Quentin"):
        assert secret.encode("utf-8") not in raw, secret
    assert b"Ann-own-remark about teamwork" in raw  # their own earlier work travels
    assert summary.entries == 3 and summary.scores == 1
    assert not (tmp_path / "Ann.judgepack-journal").exists()


def test_a_pack_holds_the_judges_entries_awards_and_identity(panel: Store,
                                                              tmp_path: Path) -> None:
    ann = judges(panel)["Ann"]
    for entry in ("E-1", "E-2", "E-4"):
        assign(panel, ann, entry)
    assign(panel, judges(panel)["Ben"], "S-1")
    record_conflict(panel, ann, "E-4", "Former colleague")
    Judging.for_judge(panel, ann.id).declare_conflict("E-3", "My sister")
    make_pack(panel, ann, tmp_path / "ann.judgepack")
    with open_pack(tmp_path / "ann.judgepack") as pack:
        assert pack.kind == "pack" and pack.panel_id == panel.panel_id
        assert pack.title == "Regional Awards 2026"
        assert pack.meta("judge_id") == str(ann.id) and pack.meta("judge_name") == "Ann Ward"
        assert pack.meta("panel_title") == "Regional Awards 2026" and pack.meta("packed_at")
        assert [r["id"] for r in pack.rows("SELECT id FROM entries ORDER BY id")] == \
            ["E-1", "E-2"]
        assert [r["id"] for r in pack.rows("SELECT id FROM awards")] == [AWARD]
        assert len(pack.rows("SELECT * FROM sections")) == 5
        assert pack.rows("SELECT id, name, pack_key FROM judges") == panel.rows(
            "SELECT id, name, pack_key FROM judges WHERE id = ?", [ann.id])
        assert pack.rows("SELECT judge, entry FROM assignments ORDER BY entry") == [
            {"judge": ann.id, "entry": "E-1"}, {"judge": ann.id, "entry": "E-2"}]
        assert pack.rows("SELECT entry, reason, declared_by FROM conflicts") == [
            {"entry": "E-3", "reason": "My sister", "declared_by": "judge"}]
        assert pack.rows("SELECT text FROM answers WHERE entry='E-1'") == [
            {"text": "Answer one of entry 1"}]
        judging = Judging.for_pack(pack)  # the judge scores in the pack
        judging.set_score("E-1", "Q1", 6, "Good")
        with pytest.raises(JudgePanelError, match="not in this judge's pack"):
            judging.set_score("E-4", "Q1", 6)
    audit = panel.rows("SELECT action, detail FROM audit WHERE action = 'pack made'")
    assert len(audit) == 1 and "ann.judgepack" in audit[0]["detail"]


def test_an_existing_pack_is_kept_unless_overwrite_is_asked(panel: Store,
                                                           tmp_path: Path) -> None:
    ann = judges(panel)["Ann"]
    target = tmp_path / "ann.judgepack"
    target.write_bytes(b"the judge's returned work")
    with pytest.raises(JudgePanelError, match="already exists"):
        make_pack(panel, ann, target)
    assert target.read_bytes() == b"the judge's returned work"
    make_pack(panel, ann, target, overwrite=True)
    with open_pack(target) as pack:
        assert pack.meta("judge_name") == "Ann Ward"
    assert [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []


def test_packs_for_all_judges_get_safe_names_and_report_progress(panel: Store,
                                                                 tmp_path: Path) -> None:
    three = list(judges(panel).values())
    odd = add_judge(panel, 'Dr. O\'Neil: Chair/Lead? "2026"')
    con = add_judge(panel, "CON")
    folder = tmp_path / "out"
    folder.mkdir()
    seen: list[tuple[int, int, str]] = []
    made = make_packs(panel, [*three, odd, con], folder,
                      progress=lambda done, total, name: seen.append((done, total, name)))
    names = sorted(p.path.name for p in made)
    assert names == sorted(["Ann Ward.judgepack", "Ben Carr.judgepack", "Cleo Hart.judgepack",
                            "Dr. O'Neil_ Chair_Lead_ _2026_.judgepack", "CON_.judgepack"])
    assert seen[0] == (0, 5, "Ann Ward") and seen[-1] == (5, 5, "")
    with pytest.raises(JudgePanelError, match="already exists; nothing was written"):
        make_packs(panel, [three[0]], folder)
    assert pack_file_name("  ...  ") == "judge.judgepack"


def test_a_panel_and_a_pack_are_not_mistaken_for_each_other(panel: Store,
                                                             tmp_path: Path) -> None:
    assert panel.path is not None
    with pytest.raises(JudgePanelError, match="this is a panel"):
        open_pack(panel.path)
    pack = tmp_path / "ann.judgepack"
    make_pack(panel, judges(panel)["Ann"], pack)
    before = pack.read_bytes()
    with pytest.raises(JudgePanelError, match="this is a judge pack"):
        open_panel(pack)
    assert pack.read_bytes() == before  # refused without switching its journal mode
