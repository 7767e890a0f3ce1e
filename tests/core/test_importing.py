"""Importing real-looking exports into a panel: every vendor, every bad file, re-imports."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from judgepanel.core.assignment import assign
from judgepanel.core.entries import list_entries
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.importing import guess_mapping, import_file, preview, read_table
from judgepanel.core.judges import add_judge
from judgepanel.core.panel import open_panel
from judgepanel.core.scoring import Judging

LST = "leading-systems-transformation"
SII = "service-improvement-innovation"
SLI = "system-leadership-initiative"


@pytest.fixture
def exports(fixtures: Path) -> Path:
    return fixtures / "import"


def entries_by_id(panel: Path) -> dict[str, dict]:
    with open_panel(panel) as store:
        return {e["entry"]: e for e in list_entries(store)}


def run_import(panel: Path, path: Path, **options: object) -> list[str]:
    with open_panel(panel) as store:
        return import_file(store, path, **options).report_lines()  # type: ignore[arg-type]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_demo_csv_shape_imports(panel_path: Path, exports: Path) -> None:
    lines = run_import(panel_path, exports / "generic_lst.csv")
    assert lines[0] == f"added 3 entries, updated 0, unchanged 0 ({LST}: 3) from generic_lst.csv"
    assert "warning: E-104 Q2: 612 words, over the 500-word limit" in lines
    found = entries_by_id(panel_path)
    zofia = found["E-101"]
    assert zofia["nominee"] == "Zofia Wiśniewska"
    assert zofia["organisation"] == "Wyre Valley NHS Foundation Trust"
    assert zofia["answers"]["Q5"] == ""  # a blank answer stays blank
    assert zofia["answers"]["Q1"].startswith("Zofia brought together the acute trust")
    assert "“home first”" in zofia["answers"]["Q1"] and "—" in zofia["answers"]["Q1"]
    assert zofia["fields"]["Supporting document"] == \
        '=HYPERLINK("https://example.org/e101.pdf","Evaluation report")'
    assert zofia["fields"]["email"] == "zofia.wisniewska@example.nhs.uk"
    assert found["E-102"]["nominee"] == "Siobhán Ó Súilleabháin"
    assert found["E-102"]["answers"]["Q2"].endswith("• one number\n• one form\n• one team")
    assert found["E-104"]["words"]["Q2"] == 612
    assert found["E-102"]["fields"]["Supporting document"] == "e102-letters-of-support.pdf"


def test_the_original_row_is_kept_losslessly(panel_path: Path, exports: Path) -> None:
    run_import(panel_path, exports / "awardforce_part1.csv", preset="awardforce")
    with open_panel(panel_path) as store:
        row = store.rows("SELECT source, source_file, source_row FROM entries")[0]
    import json

    source = json.loads(row["source"])
    assert source["relationships-and-connectivity"].startswith("<p>Rania built the <strong>")
    assert (row["source_file"], row["source_row"]) == ("awardforce_part1.csv", 2)


def test_every_award_routed_by_its_category(panel_path: Path, exports: Path) -> None:
    run_import(panel_path, exports / "generic_mixed.csv")
    found = entries_by_id(panel_path)
    assert {k: v["award"] for k, v in found.items()} == {"M-1": LST, "M-2": SII, "M-3": SLI}
    assert found["M-2"]["answers"] == {"Q1": "b1", "Q2": "b2", "Q3": "b3", "Q4": "b4"}
    assert found["M-3"]["answers"]["S5"] == "c5"
    assert found["M-1"]["fields"] == {}  # other awards' blank columns are not noise


def test_question_text_and_prefixes(panel_path: Path, exports: Path) -> None:
    run_import(panel_path, exports / "question_text.csv")
    entry = entries_by_id(panel_path)["R-7"]
    assert entry["answers"] == {"Q1": "rel", "Q2": "eff", "Q3": "inn", "Q4": "learn",
                                "Q5": "incl"}
    assert entry["fields"] == {"Attachment": "https://example.org/files/r7.pdf"}


@pytest.mark.parametrize("name", ["bom_crlf_semicolon.csv", "cp1252.csv",
                                  "tab_delimited.csv"])
def test_encodings_and_delimiters(panel_path: Path, exports: Path, name: str) -> None:
    run_import(panel_path, exports / name)
    found = entries_by_id(panel_path)
    if name == "bom_crlf_semicolon.csv":
        assert found["B-1"]["nominee"] == "Renée Lefèvre"
        assert found["B-1"]["answers"]["Q1"] == "First line\nsecond line\n\nnew para"
    elif name == "cp1252.csv":
        assert found["W-1"]["nominee"] == "Siobhán Ó Súilleabháin"
        assert found["W-1"]["title"] == "Hospital at home – phase two"
        assert found["W-1"]["answers"]["Q1"] == \
            "She said “we start with the patient’s day” • and meant it"
    else:
        assert found["E-101"]["nominee"] == "Zofia Wiśniewska"
        assert len(found["E-101"]["answers"]) == 5


def test_award_force_html_and_split_files(panel_path: Path, exports: Path) -> None:
    run_import(panel_path, exports / "awardforce_part1.csv", preset="awardforce")
    lines = run_import(panel_path, exports / "awardforce_part2.csv", preset="awardforce")
    assert lines[0].startswith("added 1 entry, updated 0, unchanged 0")
    found = entries_by_id(panel_path)
    rania = found["123-LS"]
    assert rania["answers"]["Q1"] == (
        "Rania built the Eastmere partnership from nothing & kept it going.\n\n"
        "Three things changed:\n\n• shared rota\n• one budget\n• joint training\n\n"
        "Line one\nline two")
    assert rania["answers"]["Q2"] == "She’s patient – and persistent."
    assert rania["answers"]["Q3"] == ""
    assert rania["title"] == "Eastmere partnership" and rania["nominee"] == "Rania Haddad"
    assert rania["fields"]["Status"] == "submitted" and rania["fields"]["Season"] == "2026"
    assert found["124-LS"]["nominee"] == "Øystein Berg"
    # The same entries as one workbook: nothing new, nothing changed.
    lines = run_import(panel_path, exports / "awardforce.xlsx", preset="awardforce")
    assert lines[0].startswith("added 0 entries, updated 0, unchanged 2")


def test_submittable_reviews_are_not_imported(panel_path: Path, exports: Path) -> None:
    run_import(panel_path, exports / "submittable.csv", preset="submittable")
    entry = entries_by_id(panel_path)["88121"]
    assert entry["award"] == SII
    assert entry["title"] == "Fracture liaison in a fortnight"
    assert entry["nominee"] == "Seán Ní Bhriain"
    assert entry["fields"]["File Upload"] == "fls-audit.xlsx"
    assert not any("Review" in key or key.startswith("Name") for key in entry["fields"])
    with open_panel(panel_path) as store:
        assert store.rows("SELECT COUNT(*) AS n FROM scores")[0]["n"] == 0


def test_openwater_multiselects(panel_path: Path, exports: Path) -> None:
    run_import(panel_path, exports / "openwater.csv", preset="openwater")
    entry = entries_by_id(panel_path)["OW-3F9K"]
    assert entry["fields"]["Focus Areas"] == "Primary care; Diabetes; Health inequalities"
    assert entry["answers"]["Q1"] == "Co-design"
    assert entry["fields"]["Supporting Files"] == "https://example.org/ow/3F9K/evaluation.pdf"


def test_evalato_workbook(panel_path: Path, exports: Path) -> None:
    run_import(panel_path, exports / "evalato.xlsx", preset="evalato")
    found = entries_by_id(panel_path)
    assert found["1001"]["nominee"] == "Zofia Wiśniewska"
    assert found["1002"]["nominee"] == "Siobhán Ó Súilleabháin"
    assert found["1001"]["award"] == SLI
    assert found["1001"]["answers"]["S1"] == "“Context” — first"
    assert found["1001"]["answers"]["S2"] == "Results\nover two lines"
    assert found["1001"]["fields"]["Website"] == '=HYPERLINK("https://example.org","site")'


@pytest.mark.parametrize("name", ["generic.json", "entries_object.json"])
def test_json_exports(panel_path: Path, exports: Path, name: str) -> None:
    run_import(panel_path, exports / name)
    entry = entries_by_id(panel_path)["J-1"]
    assert entry["answers"]["Q1"] == "one & two"
    assert entry["fields"]["Tags"] == "palliative; rural"


def test_a_mapping_file_for_anything_else(panel_path: Path, exports: Path) -> None:
    run_import(panel_path, exports / "custom_export.csv", mapping=exports / "custom_mapping.toml")
    entry = entries_by_id(panel_path)["X-9"]
    assert entry["award"] == LST
    assert (entry["title"], entry["nominee"], entry["organisation"]) == \
        ("Bridging the gap", "Ngozi Adeyemi", "Harbour Trust")
    assert entry["answers"] == {"Q1": "r", "Q2": "e", "Q3": "i", "Q4": "l", "Q5": "n"}
    assert "Internal notes" not in entry["fields"]


def test_a_mapping_naming_a_missing_column_is_refused(panel_path: Path, exports: Path,
                                                      tmp_path: Path) -> None:
    mapping = tmp_path / "MAPPING.toml"
    mapping.write_text('[columns]\nentry = "Ref Number"\n', encoding="utf-8")
    with pytest.raises(JudgePanelError, match=r"MAPPING\.toml: columns\.entry: no column "
                                              r"'Ref Number' in custom_export\.csv"):
        run_import(panel_path, exports / "custom_export.csv", mapping=mapping)


def test_an_exact_duplicate_row_is_skipped_with_a_warning(panel_path: Path,
                                                          exports: Path) -> None:
    lines = run_import(panel_path, exports / "duplicate_identical_row.csv")
    assert lines[0].startswith("added 3 entries")
    assert "warning: row 5 repeats row 3 exactly (E-102); skipped" in lines


def test_award_option_forces_every_row(panel_path: Path, exports: Path) -> None:
    run_import(panel_path, exports / "bad" / "unknown_category.csv", award=LST)
    assert {e["award"] for e in entries_by_id(panel_path).values()} == {LST}


def test_reimport_updates_in_place_and_keeps_scores(panel_path: Path, exports: Path) -> None:
    run_import(panel_path, exports / "generic_lst.csv")
    with open_panel(panel_path) as store:
        judge = add_judge(store, "Dr Amara Osei")
        assign(store, judge, "E-101")
        Judging.for_judge(store, judge.id).set_score("E-101", "Q2", 7, "Clear evidence")
        before = store.rows("SELECT * FROM scores")
    lines = run_import(panel_path, exports / "generic_lst_changed.csv")
    assert lines[0].startswith("added 1 entry, updated 1, unchanged 2")
    with open_panel(panel_path) as store:
        assert store.rows("SELECT * FROM scores") == before
        assert store.rows("SELECT COUNT(*) AS n FROM assignments")[0]["n"] == 1
        assert store.audit_problems() == []
    found = entries_by_id(panel_path)
    assert "61 to 19" in found["E-101"]["answers"]["Q2"]
    assert len(found) == 4


def test_an_entry_with_scores_cannot_move_award(panel_path: Path, exports: Path,
                                                tmp_path: Path) -> None:
    run_import(panel_path, exports / "generic_lst.csv")
    with open_panel(panel_path) as store:
        judge = add_judge(store, "Dr Amara Osei")
        Judging.for_judge(store, judge.id).set_score("E-101", "Q1", 5)
    moved = tmp_path / "moved.csv"
    text = (exports / "generic_lst.csv").read_text(encoding="utf-8")
    moved.write_text(text.replace("E-101,Leading Systems Transformation",
                                  f"E-101,{SII}"), encoding="utf-8")
    before = digest(panel_path)
    with pytest.raises(JudgePanelError, match=r"moved\.csv, row 2: entry 'E-101' is in award "
                                              f"'{LST}' and already has scores"):
        run_import(panel_path, moved)
    assert digest(panel_path) == before


def test_a_file_without_some_sections_keeps_their_answers(panel_path: Path, exports: Path,
                                                          tmp_path: Path) -> None:
    run_import(panel_path, exports / "generic_lst.csv")
    partial = tmp_path / "partial.csv"
    partial.write_text("Entry ID,Category,Title\nE-101,LST,New title\n", encoding="utf-8")
    lines = run_import(panel_path, partial)
    assert any("no column found for Q1, Q2, Q3, Q4, Q5" in line for line in lines)
    entry = entries_by_id(panel_path)["E-101"]
    assert entry["title"] == "New title"
    assert entry["answers"]["Q1"].startswith("Zofia brought together")


def test_dry_run_reports_and_changes_nothing(panel_path: Path, exports: Path) -> None:
    before = digest(panel_path)
    lines = run_import(panel_path, exports / "generic_lst.csv", dry_run=True)
    assert lines[0].startswith("would add 3 entries, update 0, unchanged 0")
    assert lines[-1] == "dry run: the panel was not changed"
    assert digest(panel_path) == before
    run_import(panel_path, exports / "generic_lst.csv")
    lines = run_import(panel_path, exports / "generic_lst_changed.csv", dry_run=True)
    assert lines[0].startswith("would add 1 entry, update 1, unchanged 2")


BAD = [
    ("duplicate_ids.csv", r"duplicate_ids\.csv: entry id 'E-101' is in both row 2 and row 5 "
                          r"\(column 'Entry ID'\)"),
    ("unknown_category.csv", r"unknown_category\.csv: column 'Category': categories that match "
                             r"no award in this panel: 'Best Newcomer' \(row 3\); 'Unsung Hero' "
                             r"\(row 5\)"),
    ("no_id_column.csv", r"no_id_column\.csv: no entry id column"),
    ("blank_id.csv", r"blank_id\.csv, row 3, column 'Entry ID': no entry id"),
    ("header_only.csv", r"header_only\.csv: the file has a header row but no entries"),
    ("empty.csv", r"empty\.csv: the file is empty"),
    ("csv_renamed.xlsx", r"csv_renamed\.xlsx: this is not an Excel workbook \(\.xlsx\); it "
                         r"looks like CSV"),
    ("xlsx_renamed.csv", r"xlsx_renamed\.csv: this is not a CSV file; it looks like an Excel"),
    ("truncated.xlsx", r"truncated\.xlsx: the workbook is truncated or damaged"),
    ("malformed.json", r"malformed\.json: line 4, column 4: not valid JSON"),
    ("not_a_list.json", r"not_a_list\.json: expected a list of entries"),
    ("missing.csv", r"missing\.csv: no such file"),
]


@pytest.mark.parametrize(("name", "message"), BAD, ids=[name for name, _ in BAD])
def test_bad_files_are_refused_and_the_panel_is_unchanged(
        panel_path: Path, exports: Path, name: str, message: str) -> None:
    run_import(panel_path, exports / "generic_lst.csv")
    before = digest(panel_path)
    with pytest.raises(JudgePanelError, match=message):
        run_import(panel_path, exports / "bad" / name)
    assert digest(panel_path) == before
    assert len(entries_by_id(panel_path)) == 3


def test_unknown_award_option_is_refused(panel_path: Path, exports: Path) -> None:
    with pytest.raises(JudgePanelError, match="no award 'best-newcomer' in this panel"):
        run_import(panel_path, exports / "generic_lst.csv", award="best-newcomer")


def test_a_failure_inside_the_write_rolls_everything_back(panel_path: Path, exports: Path,
                                                          tmp_path: Path) -> None:
    """Several files in one transaction (as the CLI does for split exports): all or nothing."""
    good = exports / "generic_lst.csv"
    with open_panel(panel_path) as store:
        with pytest.raises(JudgePanelError), store.transaction():
            import_file(store, good)
            import_file(store, exports / "bad" / "duplicate_ids.csv")
        assert list_entries(store) == []


def test_preview_for_the_import_dialog(panel_path: Path, exports: Path) -> None:
    path = exports / "custom_export.csv"
    with open_panel(panel_path) as store:
        from judgepanel.core.awards import panel_awards

        mapping = guess_mapping(read_table(path).headers, panel_awards(store))
        assert mapping.columns["entry"] == ["Ref No"]
        assert "award" not in mapping.columns  # "Which award?" is not a name we know
        mapping.columns["award"] = ["Which award?"]
        mapping.columns["title"] = ["Project"]
        mapping.awards["Best System Leader"] = LST
        plan = preview(store, path, mapping)
        assert [(r.id, r.award, r.title) for r in plan.records] == \
            [("X-9", LST, "Bridging the gap")]
        assert list_entries(store) == []


def test_a_copied_panel_imports_like_the_original(panel_path: Path, exports: Path,
                                                  tmp_path: Path) -> None:
    copy = tmp_path / "copy.judgepanel"
    shutil.copy(panel_path, copy)
    run_import(copy, exports / "generic_lst.csv")
    assert len(entries_by_id(copy)) == 3 and entries_by_id(panel_path) == {}


@pytest.mark.parametrize(("text", "message"), [
    ('[awards]\n"Best System Leader" = "best-leader"\n',
     "awards.\"Best System Leader\": no award 'best-leader' in this panel"),
    ('[sections]\nQ9 = "Lead"\n', "sections.Q9: no award in this panel has a section"),
    (f'[sections.{SII}]\nQ5 = "Lead"\n', f"sections.{SII}.Q5: award '{SII}' has no section"),
])
def test_a_mapping_naming_unknown_awards_or_sections_is_refused(
        panel_path: Path, exports: Path, tmp_path: Path, text: str, message: str) -> None:
    mapping = tmp_path / "MAPPING.toml"
    mapping.write_text(text, encoding="utf-8")
    with pytest.raises(JudgePanelError, match="MAPPING.toml") as caught:
        run_import(panel_path, exports / "custom_export.csv", mapping=mapping)
    assert message in str(caught.value)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("page.csv", b"<!DOCTYPE html><html><body>Sign in</body></html>", "a web page"),
    ("export.json", b"Entry ID,Title\nE-1,x\n", "not JSON; it looks like CSV"),
    ("export.csv", b'[{"Entry ID": "E-1"}]', "not CSV; it looks like JSON"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Excel (.xls)"),
    ("blank.csv", b"\n\n  \n", "the file is empty"),
    ("notes.docx", b"PK\x03\x04", "cannot import a '.docx' file"),
])
def test_files_that_are_not_what_they_say(panel_path: Path, tmp_path: Path, name: str,
                                         content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    before = digest(panel_path)
    with pytest.raises(JudgePanelError, match=name.replace(".", r"\.")) as caught:
        run_import(panel_path, path)
    assert message in str(caught.value)
    assert digest(panel_path) == before


def test_a_workbook_with_only_a_header_row(panel_path: Path, tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["Entry ID", "Category", "Title"])
    workbook.save(tmp_path / "header.xlsx")
    with pytest.raises(JudgePanelError, match=r"header\.xlsx: the file has a header row but no"):
        run_import(panel_path, tmp_path / "header.xlsx")


def test_a_mapping_object_is_used_exactly_as_given(panel_path: Path, exports: Path) -> None:
    """The dialog's mapping: a column the user moved from Title to 'field' stays a field."""
    path = exports / "generic_lst.csv"
    with open_panel(panel_path) as store:
        from judgepanel.core.awards import panel_awards

        mapping = guess_mapping(read_table(path).headers, panel_awards(store))
        del mapping.columns["title"]
        mapping.ignore.append("Email")
        del mapping.columns["email"]
        record = preview(store, path, mapping).records[0]
    assert record.title == ""
    assert record.fields["Title"] == "Home first across the Wyre Valley system"
    assert "Email" not in record.fields and "email" not in record.fields
