"""Which column is which: guessing, MAPPING.toml round trips, award and section matching."""

from __future__ import annotations

from pathlib import Path

import pytest

from judgepanel.core.awards import builtin_awards
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.importing import (
    Mapping,
    guess_mapping,
    load_mapping,
    match_award,
    save_mapping,
)

AWARDS = builtin_awards()
LST = next(a for a in AWARDS if a.id == "leading-systems-transformation")
SII = next(a for a in AWARDS if a.id == "service-improvement-innovation")


def test_generic_roles_are_recognised() -> None:
    mapping = guess_mapping(["Entry ID", "Category", "Title", "Nominee", "Organisation",
                             "Email", "Q1 Relationships and connectivity"], [LST])
    assert mapping.columns == {"entry": ["Entry ID"], "award": ["Category"],
                               "title": ["Title"], "nominee": ["Nominee"],
                               "organisation": ["Organisation"], "email": ["Email"]}
    assert mapping.section_columns(LST) == {"Q1": "Q1 Relationships and connectivity"}


def test_first_and_last_name_make_the_nominee() -> None:
    mapping = guess_mapping(["ID", "First Name", "Last Name", "Registration Email",
                             "Category"], AWARDS, "evalato")
    assert mapping.column("nominee") == ["First Name", "Last Name"]
    assert mapping.column("email") == ["Registration Email"]


@pytest.mark.parametrize("header", [
    "Q1", "q1", "Q1 How do their relationships work?", "Q1.", "Q1: Relationships",
    "Q1 - anything", "How do their relationships and connectivity contribute to Systems "
    "Leadership within their area?", "RELATIONSHIPS AND CONNECTIVITY",
    "relationships-and-connectivity"])
def test_answer_columns_match_section_q1(header: str) -> None:
    mapping = guess_mapping(["Entry ID", header], [LST])
    assert mapping.section_columns(LST).get("Q1") == header


def test_q1_does_not_match_q10_or_unrelated_columns() -> None:
    mapping = guess_mapping(["Entry ID", "Q10", "Quality notes", "Q12 Budget"], [LST])
    assert mapping.section_columns(LST) == {}


def test_a_prefix_with_the_matching_title_wins_for_each_award() -> None:
    headers = ["ID", "Q1 Relationships and connectivity", "Q1 Leading the improvement"]
    mapping = guess_mapping(headers, [LST, SII])
    assert mapping.section_columns(LST)["Q1"] == "Q1 Relationships and connectivity"
    assert mapping.section_columns(SII)["Q1"] == "Q1 Leading the improvement"


def test_submittable_reviewer_sets_are_not_entry_data() -> None:
    reviewer = ["Name", "Email", "Title", "Last Updated (UTC)", "Is Review Finalized",
                "Review Vote"]
    from judgepanel.core.importing.export_table import unique_headers

    headers = unique_headers(["Submission ID", "Title", "Category", *reviewer, *reviewer,
                              "Total Review Score", "Average Review Score"])
    mapping = guess_mapping(headers, AWARDS, "submittable")
    assert mapping.column("title") == ["Title"]
    assert "Title" not in mapping.ignore
    assert {"Name", "Title (2)", "Review Vote (2)", "Total Review Score"} <= set(mapping.ignore)


def test_award_matching_by_id_name_slug_initials_and_mapping() -> None:
    assert match_award("leading-systems-transformation", AWARDS, {}) is LST
    assert match_award("  leading SYSTEMS  transformation ", AWARDS, {}) is LST
    assert match_award("Leading_Systems_Transformation", AWARDS, {}) is LST
    assert match_award("LST", AWARDS, {}) is LST
    assert match_award("Best Leader", AWARDS, {"Best Leader": SII.id}) is SII
    assert match_award("Best Newcomer", AWARDS, {}) is None
    assert match_award("", AWARDS, {}) is None


def test_mapping_round_trips_through_toml(tmp_path: Path) -> None:
    mapping = Mapping(preset="openwater",
                      columns={"entry": ["Ref No"], "nominee": ["First", "Last"]},
                      sections={"Q1": "Tell us \"why\""},
                      award_sections={SII.id: {"Q2": "Impact – numbers"}},
                      awards={"Best Leader (2026)": LST.id}, ignore=["Internal notes"])
    path = tmp_path / "MAPPING.toml"
    save_mapping(mapping, path)
    assert load_mapping(path) == mapping


def test_a_guessed_mapping_saves_and_loads(tmp_path: Path) -> None:
    mapping = guess_mapping(["Entry ID", "Category", "Q1", "Q2", "S1"], AWARDS)
    save_mapping(mapping, tmp_path / "m.toml")
    assert load_mapping(tmp_path / "m.toml") == mapping


@pytest.mark.parametrize(("text", "message"), [
    ("[columns]\nentry = 3\n", "columns.entry: must be a column header"),
    ("[columns]\nreviewer = \"X\"\n", "columns.reviewer: unknown role"),
    ("preset = \"wufoo\"\n", "preset: 'wufoo' is not one of"),
    ("[sections\n", "not valid TOML"),
    ("colums = {}\n", "colums: unknown key"),
])
def test_bad_mapping_files_name_the_key(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "MAPPING.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(JudgePanelError, match="MAPPING.toml") as caught:
        load_mapping(path)
    assert message in str(caught.value)


def test_a_mapping_file_overrides_the_guess_column_by_column() -> None:
    guess = guess_mapping(["Entry ID", "Title", "Name", "Q1", "Q2 Individual effectiveness",
                           "Notes"], [LST, SII])
    assert guess.column("nominee") == ["Name"]
    explicit = Mapping(fields=["Name"], ignore=["Q1"],
                       sections={"Q2": "Notes"},
                       award_sections={SII.id: {"Q2": "Q2 Individual effectiveness"}})
    final = guess.overlaid(explicit)
    assert "nominee" not in final.columns  # "Name" is kept as a plain field
    assert final.column("title") == ["Title"]  # what the file leaves out is still guessed
    assert final.section_columns(LST) == {"Q2": "Notes"}  # Q1 ignored; the general line
    assert final.section_columns(SII) == {"Q2": "Q2 Individual effectiveness"}  # per award


def test_fields_key_round_trips(tmp_path: Path) -> None:
    mapping = Mapping(fields=["Name", "Website"], ignore=["Internal notes"])
    save_mapping(mapping, tmp_path / "m.toml")
    assert load_mapping(tmp_path / "m.toml") == mapping


# ----- clearing a guess: `fields` and `ignore` -----------------------------------------------

GENERIC = Path(__file__).parent.parent / "fixtures" / "import" / "generic_lst.csv"


def test_a_guessed_role_cleared_to_a_field_or_ignored_survives_save_and_load(
        tmp_path: Path) -> None:
    headers = ["Entry ID", "Category", "Title", "Nominee", "Organisation", "Email",
               "Q1 Relationships and connectivity", "Q2 Individual effectiveness"]
    guess = guess_mapping(headers, [LST])
    assert guess.column("nominee") == ["Nominee"]
    assert guess.section_columns(LST)["Q1"] == "Q1 Relationships and connectivity"
    explicit = Mapping(fields=["Nominee", "Q1 Relationships and connectivity"],
                       ignore=["Organisation"])
    save_mapping(explicit, tmp_path / "MAPPING.toml")
    loaded = load_mapping(tmp_path / "MAPPING.toml")
    assert loaded == explicit
    final = guess.overlaid(loaded)
    assert "nominee" not in final.columns and "organisation" not in final.columns
    assert final.section_columns(LST) == {"Q2": "Q2 Individual effectiveness"}
    assert final.ignore == ["Organisation"]
    assert final.column("title") == ["Title"]  # what the file leaves alone is still guessed


def test_cleared_columns_are_imported_as_fields_or_left_out(panel_path: Path,
                                                            tmp_path: Path) -> None:
    from judgepanel.core.importing import preview
    from judgepanel.core.panel import open_panel

    mapping = tmp_path / "MAPPING.toml"
    mapping.write_text('fields = ["Nominee", "Q5 Inclusive leadership", "Not in this export"]\n'
                       'ignore = ["Organisation"]\n', encoding="utf-8")
    with open_panel(panel_path) as store:
        record = preview(store, GENERIC, mapping).records[0]
    assert (record.nominee, record.organisation) == ("", "")
    assert record.fields["Nominee"] == "Zofia Wiśniewska"
    assert "Q5" not in record.answers and "Q5 Inclusive leadership" in record.fields
    assert "Organisation" not in record.fields
    assert record.source["Organisation"] == "Wyre Valley NHS Foundation Trust"  # lossless


def test_a_table_already_read_plans_like_its_file(panel_path: Path) -> None:
    from judgepanel.core.importing import preview, read_table
    from judgepanel.core.panel import open_panel

    with open_panel(panel_path) as store:
        from_file = preview(store, GENERIC).records
        from_table = preview(store, read_table(GENERIC)).records
    assert from_table == from_file and len(from_file) == 3


@pytest.mark.parametrize(("text", "message"), [
    ('fields = ["Title"]\n[columns]\ntitle = "Title"\n',
     "fields: 'Title' is also named in columns.title"),
    ('ignore = ["Q1"]\n[sections]\nQ1 = "Q1"\n', "ignore: 'Q1' is also named in sections.Q1"),
    ('fields = ["Notes"]\nignore = ["Notes"]\n', "fields: 'Notes' is also named in ignore"),
    ('fields = "Notes"\n', "fields: must be a list of column headers"),
])
def test_a_column_given_two_uses_is_refused(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "MAPPING.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(JudgePanelError, match="MAPPING.toml") as caught:
        load_mapping(path)
    assert message in str(caught.value)
