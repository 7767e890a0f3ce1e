"""Score sheets: paper scores keyed in (panel and pack), exports that spreadsheets cannot run."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from judgepanel.core.assignment import assign
from judgepanel.core.awards import builtin_awards
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import add_judge, list_judges
from judgepanel.core.packs import make_pack, open_pack
from judgepanel.core.panel import create_panel
from judgepanel.core.score_sheets import (
    export_scores,
    import_scores,
    is_formula_like,
    neutralise,
    restore,
)
from judgepanel.core.scoring import score_signature
from judgepanel.core.store import Store

AWARD = "leading-systems-transformation"
HEADER = "entry,judge,section,score,comment\n"


@pytest.fixture
def panel(tmp_path: Path) -> Store:
    store = create_panel(tmp_path / "awards.judgepanel", "Regional Awards 2026",
                         builtin_awards())
    upsert_entries(store, [EntryRecord(f"E-{n}", AWARD, title=f"Entry {n}")
                           for n in range(1, 4)])
    for name in ("Ann Ward", "Ben Carr"):
        judge = add_judge(store, name)
        assign(store, judge, "E-1")
        assign(store, judge, "E-2")
    return store


def sheet(tmp_path: Path, body: str, name: str = "scores.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def all_scores(store: Store) -> list[tuple[object, ...]]:
    return [tuple(r.values()) for r in store.rows(
        "SELECT j.name, s.entry, s.section, s.value, s.comment FROM scores s "
        "JOIN judges j ON j.id = s.judge ORDER BY 1, 2, 3")]


def test_a_paper_sheet_lands_in_the_panel_signed_and_reports_a_new_judge(
        panel: Store, tmp_path: Path) -> None:
    path = sheet(tmp_path, "E-1,Ann Ward,Q1,7,Clear evidence\nE-1,ann  ward,Q2,6.0,\n"
                           "E-2,Dee Newman,Q1,4,\n,,,,\n")
    result = import_scores(panel, path, who="Coordinator")
    assert (result.rows, result.new, result.changed, result.judges_added) == (
        3, 3, 0, ["Dee Newman"])
    assert all_scores(panel) == [("Ann Ward", "E-1", "Q1", 7.0, "Clear evidence"),
                                 ("Ann Ward", "E-1", "Q2", 6.0, ""),
                                 ("Dee Newman", "E-2", "Q1", 4.0, "")]
    for row in panel.rows("SELECT s.*, j.pack_key FROM scores s JOIN judges j "
                          "ON j.id = s.judge"):
        assert row["signature"] == score_signature(
            row["pack_key"], panel.panel_id, row["judge"], row["entry"], row["section"],
            row["value"], row["comment"], row["updated_at"], row["seq"])
    again = import_scores(panel, path)
    assert (again.new, again.changed, again.unchanged, again.judges_added) == (0, 0, 3, [])
    changed = import_scores(panel, sheet(tmp_path, "E-1,Ann Ward,Q1,8,Clear evidence\n"))
    assert changed.changed == 1


@pytest.mark.parametrize("body,message", [
    ("E-1,Ann Ward,Q1,7,\nE-9,Ann Ward,Q1,5,\n", r"row 3, column entry: no entry 'E-9'"),
    ("E-1,Ann Ward,Q1,7,\nE-1,Ann Ward,Q7,5,\n", r"row 3: .*has no section 'Q7'"),
    ("E-1,Ann Ward,Q1,7,\nE-1,Ann Ward,Q2,11,\n",
     r"row 3: .*11 is not on this section's scale: 0 to 10"),
    ("E-1,Ann Ward,Q1,7,\nE-1,Ann Ward,Q2,6.5,\n",
     r"row 3: .*6.5 is not on this section's scale: 0 to 10 in steps of 1"),
    ("E-1,Ann Ward,Q1,7,\nE-1,Ann Ward,Q2,seven,\n", r"row 3, column score: 'seven'"),
    ("E-1,Ann Ward,Q1,7,\nE-1,Ann Ward,Q1,5,\n", r"row 3: the same entry, judge and section"),
    ("E-1,Ann Ward,Q1,7,\nE-1,,Q1,5,\n", r"row 3, column judge: empty"),
])
def test_a_bad_row_is_named_and_nothing_is_saved(panel: Store, tmp_path: Path, body: str,
                                                 message: str) -> None:
    path = sheet(tmp_path, body)
    with pytest.raises(JudgePanelError, match=message) as err:
        import_scores(panel, path)
    assert str(path) in str(err.value)
    assert all_scores(panel) == [] and [j.name for j in list_judges(panel)] == [
        "Ann Ward", "Ben Carr"]


def test_a_sheet_without_the_columns_is_refused(panel: Store, tmp_path: Path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text("Entry ID,Score\nE-1,5\n", encoding="utf-8")
    with pytest.raises(JudgePanelError, match=r"row 1: missing column\(s\) judge, section"):
        import_scores(panel, path)


def test_in_a_pack_every_row_must_be_the_judges_own_entry(panel: Store,
                                                          tmp_path: Path) -> None:
    ann = list_judges(panel)[0]
    make_pack(panel, ann, tmp_path / "ann.judgepack")
    with open_pack(tmp_path / "ann.judgepack") as pack:
        with pytest.raises(JudgePanelError, match=r"row 2, column judge: 'Ben Carr' is not "
                                                  r"this pack's judge \(Ann Ward\)"):
            import_scores(pack, sheet(tmp_path, "E-1,Ben Carr,Q1,7,\n"))
        with pytest.raises(JudgePanelError, match=r"row 3, column entry: no entry 'E-3' in "
                                                  r"this pack"):
            import_scores(pack, sheet(tmp_path, "E-1,Ann Ward,Q1,7,\nE-3,Ann Ward,Q1,7,\n"))
        assert all_scores(pack) == []
        result = import_scores(pack, sheet(tmp_path, "E-1,Ann Ward,Q1,7,kept on paper\n"))
        assert result.new == 1
        assert all_scores(pack) == [("Ann Ward", "E-1", "Q1", 7.0, "kept on paper")]


FORMULAS = ['=HYPERLINK("http://example.com","click")', "+SUM(A1:A3)", "-cmd|' /C calc'!A0",
            "@SUM(1)"]


def test_formula_text_is_neutralised_in_csv_and_read_back(panel: Store, tmp_path: Path) -> None:
    assert [is_formula_like(t) for t in ("-3", "+4.5", "-", "- a list", "=1", "plain")] == [
        False, False, False, True, True, False]
    assert restore(neutralise("=1+1")) == "=1+1" and restore("'quoted") == "'quoted"
    body = "".join(f"E-1,Ann Ward,Q{n},5,\"{t.replace(chr(34), chr(34) * 2)}\"\n"
                   for n, t in enumerate(FORMULAS, start=1))
    import_scores(panel, sheet(tmp_path, body))
    out = tmp_path / "export.csv"
    assert export_scores(panel, out) == 4
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:8] == ["entry", "judge", "section", "score", "comment", "award",
                           "entry_title", "updated_at"]
    assert sorted(r[4] for r in rows[1:]) == sorted("'" + t for t in FORMULAS)
    assert rows[1][:4] == ["E-1", "Ann Ward", "Q1", "5"]
    before = all_scores(panel)
    again = import_scores(panel, out)  # the export reads back to the original text
    assert again.unchanged == 4 and all_scores(panel) == before


def test_xlsx_export_writes_formula_text_as_plain_strings(panel: Store, tmp_path: Path) -> None:
    body = "".join(f"E-2,Ben Carr,Q{n},{n},\"{t.replace(chr(34), chr(34) * 2)}\"\n"
                   for n, t in enumerate(FORMULAS, start=1))
    import_scores(panel, sheet(tmp_path, body))
    out = tmp_path / "export.xlsx"
    export_scores(panel, out)
    book = openpyxl.load_workbook(out)
    cells = [row[4] for row in book.active.iter_rows(min_row=2)]
    assert sorted(c.value for c in cells) == sorted(FORMULAS)
    assert {c.data_type for c in cells} == {"s"}
    assert [c.value for c in next(book.active.iter_rows(min_row=2, max_row=2))][:4] == [
        "E-2", "Ben Carr", "Q1", 1]
    before = all_scores(panel)
    assert import_scores(panel, out).unchanged == 4 and all_scores(panel) == before


def test_export_leaves_out_scores_that_do_not_count(panel: Store, tmp_path: Path) -> None:
    from judgepanel.core.conflicts import record_conflict

    import_scores(panel, sheet(tmp_path, "E-1,Ann Ward,Q1,7,\nE-1,Ben Carr,Q1,3,\n"))
    record_conflict(panel, list_judges(panel)[1], "E-1", "Colleague")
    assert export_scores(panel, tmp_path / "out.csv") == 1
    with pytest.raises(JudgePanelError, match="a .csv or .xlsx file"):
        export_scores(panel, tmp_path / "out.pdf")
