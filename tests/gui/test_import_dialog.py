"""The import dialog as a coordinator uses it: clearing guesses, saving the mapping, and the
CLI importing exactly what the dialog showed."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from coordinator_panels import LST, coordinator_panel

from judgepanel.core.importing import load_mapping
from judgepanel.core.store import PANEL, Store
from judgepanel.gui.import_column_mapping import FIELD, IGNORE
from judgepanel.gui.import_dialog import ImportDialog
from judgepanel.gui.tasks import wait_for_tasks

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

HEADER = ("Entry ID,Category,Title,Nominee,Organisation,Email,Q1 Relationships and connectivity,"
          "Q2 Individual effectiveness,Q3 Innovation and improvement,"
          "Q4 Learning and capacity building,Q5 Inclusive leadership,Judging notes\r\n")
ROWS = (
    "IMP-1,Leading Systems Transformation,Joined-up discharge,Ada Lovelace,Northshire NHS Trust,"
    "ada@example.org,Partners met weekly,Led the change,\"New model, tested\",Trained 40 staff,"
    "Co-designed with patients,check the references\r\n"
    "IMP-2,Leading Systems Transformation,Community diagnostics,Siân Roberts,Southvale ICB,"
    "sian@example.org,Built trust,Steady hand,Pilot in two sites,Shared learning,"
    "Inclusive panel,\r\n"
)


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "export.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    return path


@pytest.fixture
def panel(tmp_path: Path) -> Path:
    """The demo panel (entries and judges), built through the core."""
    return coordinator_panel(tmp_path / "p.judgepanel")


@pytest.fixture
def dialog(qtbot: Any, panel: Path) -> Iterator[ImportDialog]:
    opened = ImportDialog(panel)
    qtbot.addWidget(opened)
    yield opened
    wait_for_tasks()
    opened.close()


def wait_for(qtbot: Any, task: Any) -> None:
    assert task is not None
    qtbot.waitUntil(lambda: task.done, timeout=30000)


def entries_json(run_cli: Any, panel: Path) -> dict[str, dict[str, Any]]:
    """The panel's entries as `judgepanel entries --json` prints them, by id."""
    shown = run_cli("entries", panel, "--json", check=True)
    return {entry["entry"]: entry for entry in json.loads(shown.stdout)}


def preview_row(dialog: ImportDialog, row: int) -> list[str]:
    grid = dialog.ui.preview
    return [grid.item(row, column).text() for column in range(grid.columnCount())]


def test_cleared_guesses_are_saved_and_the_cli_imports_what_the_dialog_did(
        dialog: ImportDialog, qtbot: Any, panel: Path, export: Path, tmp_path: Path,
        run_cli: Any) -> None:
    twin = tmp_path / "twin.judgepanel"
    shutil.copy(panel, twin)  # the same panel, for the CLI to import into
    assert dialog.set_file(export)
    uses = dict(dialog.uses())
    assert uses["Nominee"] == ("column", "nominee")
    assert uses["Organisation"] == ("column", "organisation")
    assert uses["Q5 Inclusive leadership"] == (  # as the CLI guesses: both awards' answer
        "award_sections", ((LST, "Q5"), ("service-improvement-innovation", "Q4")))

    dialog.set_use("Nominee", FIELD)
    dialog.set_use("Organisation", IGNORE)
    dialog.set_use("Q5 Inclusive leadership", FIELD)
    qtbot.waitUntil(lambda: dialog.ui.preview.rowCount() == 2
                    and preview_row(dialog, 0)[3] == "")
    first = preview_row(dialog, 0)
    assert first[:5] == ["IMP-1", "Leading Systems Transformation", "Joined-up discharge",
                         "", ""]
    assert first[5] == "4 of 5 answered"

    saved = tmp_path / "MAPPING.toml"
    dialog.save_mapping_to(saved)
    mapping = load_mapping(saved)
    assert {"Nominee", "Q5 Inclusive leadership", "Judging notes"} <= set(mapping.fields)
    assert mapping.ignore == ["Organisation"]

    assert dialog.run_import(dry_run=False) is None  # Q5 would be empty: an error to confirm
    assert "no entry would have an answer to Leading Systems Transformation Q5" in \
        dialog.ui.report.toPlainText()
    wait_for(qtbot, dialog.run_import(dry_run=False))  # Import again: imported anyway
    assert "added 2 entries" in dialog.ui.report.toPlainText()
    run_cli("import", twin, export, "--mapping", saved, check=True)

    from_dialog, from_cli = entries_json(run_cli, panel), entries_json(run_cli, twin)
    assert from_dialog == from_cli
    ada = from_cli["IMP-1"]
    assert (ada["nominee"], ada["organisation"]) == ("", "")
    assert ada["fields"]["Nominee"] == "Ada Lovelace"
    assert ada["fields"]["Q5 Inclusive leadership"] == "Co-designed with patients"
    assert ada["fields"]["email"] == "ada@example.org"
    assert "Organisation" not in ada["fields"]  # ignored: only in the entry's source row
    assert "Q5" not in ada["answers"]
    assert ada["award"] == LST


def test_a_saved_mapping_loads_back_with_the_cleared_columns(
        dialog: ImportDialog, qtbot: Any, export: Path, tmp_path: Path) -> None:
    dialog.set_file(export)
    dialog.set_use("Title", IGNORE)
    dialog.set_use("Nominee", FIELD)
    saved = tmp_path / "MAPPING.toml"
    dialog.save_mapping_to(saved)
    dialog.set_file(export)  # start again from the guess
    assert dict(dialog.uses())["Title"] == ("column", "title")
    assert dialog.load_mapping_from(saved)
    uses = dict(dialog.uses())
    assert (uses["Title"], uses["Nominee"]) == (IGNORE, FIELD)


def test_editing_the_mapping_does_not_read_the_export_again(
        dialog: ImportDialog, qtbot: Any, export: Path) -> None:
    assert dialog.set_file(export)
    export.unlink()  # were the preview to read the file, it would now fail
    dialog.set_use("Title", FIELD)
    qtbot.waitUntil(lambda: dialog.ui.preview.rowCount() == 2
                    and preview_row(dialog, 0)[2] == "")
    assert not dialog.ui.report.toPlainText().startswith("error:")
    assert "2 entries read" in dialog.ui.report.toPlainText()


def test_a_large_export_is_read_in_the_background(
        dialog: ImportDialog, qtbot: Any, export: Path) -> None:
    dialog.large_export_bytes = 0  # treat this small file as a large one
    assert dialog.set_file(export)
    assert dialog.reading is not None
    wait_for(qtbot, dialog.reading)
    assert dialog.table is not None and dialog.table.path == export
    assert dict(dialog.uses())["Entry ID"] == ("column", "entry")
    assert dialog.ui.preview.rowCount() == 2


def test_a_large_export_that_cannot_be_read_says_why(
        dialog: ImportDialog, qtbot: Any, tmp_path: Path) -> None:
    bad = tmp_path / "export.csv"
    bad.write_bytes(b"PK\x03\x04 not a csv")
    dialog.large_export_bytes = 0
    dialog.set_file(bad)
    wait_for(qtbot, dialog.reading)
    assert dialog.table is None
    assert dialog.ui.report.toPlainText().startswith("Error: export.csv: ")  # the window's words
    assert str(tmp_path) not in dialog.ui.report.toPlainText()
    assert not dialog.ui.importButton.isEnabled()


def test_an_export_saved_again_after_reading_is_imported_as_it_is_now(
        dialog: ImportDialog, qtbot: Any, panel: Path, export: Path, run_cli: Any) -> None:
    dialog.set_file(export)
    export.write_text(HEADER + ROWS.replace("Joined-up discharge", "Discharge joined up"),
                      encoding="utf-8")
    wait_for(qtbot, dialog.run_import(dry_run=False))
    assert "added 2 entries" in dialog.ui.report.toPlainText()
    assert entries_json(run_cli, panel)["IMP-1"]["title"] == "Discharge joined up"


SII_EXPORT = (
    "Entry ID,Category,Title,Nominee,Organisation,Q1 Leading the improvement,"
    "Q2 Measuring impact,Q3 Engaging patients and service users,Q4 Inclusive leadership\r\n"
    "SI-1,Leading for Service Improvement and Innovation,Virtual ward,Ada Lovelace,"
    "Northshire NHS Trust,Led the change,Fewer admissions,Patient panel,Diverse team\r\n"
    "SI-2,Leading for Service Improvement and Innovation,Falls clinic,Siân Roberts,"
    "Southvale ICB,Built the clinic,Falls down 20%,Carers' forum,Staff networks\r\n")


def test_the_dialog_maps_a_file_exactly_as_the_command_line_does(
        dialog: ImportDialog, qtbot: Any, panel: Path, tmp_path: Path) -> None:
    from judgepanel.core.importing import plan_import

    export = tmp_path / "service improvement.csv"
    export.write_text(SII_EXPORT, encoding="utf-8")
    assert dialog.set_file(export)
    with Store.open(panel, PANEL) as store:
        by_cli = plan_import(store, export)  # what `judgepanel import` would store
        by_dialog = plan_import(store, export, mapping=dialog.mapping())
    assert [r.answers for r in by_dialog.records] == [r.answers for r in by_cli.records]
    assert by_dialog.records[0].answers["Q4"] == "Diverse team"
    assert dialog.empty == []
    assert "error" not in dialog.ui.report.toPlainText().lower()


def test_a_section_left_empty_for_every_entry_must_be_confirmed(
        dialog: ImportDialog, qtbot: Any, panel: Path, tmp_path: Path) -> None:
    export = tmp_path / "service improvement.csv"
    export.write_text(SII_EXPORT, encoding="utf-8")
    assert dialog.set_file(export)
    dialog.set_use("Q4 Inclusive leadership", IGNORE)
    qtbot.waitUntil(lambda: bool(dialog.empty), timeout=5000)
    assert dialog.empty == ["Leading for Service Improvement and Innovation Q4 "
                            "(Inclusive leadership)"]
    assert dialog.ui.report.toPlainText().startswith("Error: no entry would have an answer")
    assert dialog.run_import(dry_run=False) is None
    assert "Nothing was imported" in dialog.ui.report.toPlainText()
    with Store.open(panel, PANEL) as store:
        assert store.rows("SELECT COUNT(*) AS n FROM entries WHERE id LIKE 'SI-%'")[0]["n"] == 0


def test_problems_are_said_in_the_dialogs_words(dialog: ImportDialog, qtbot: Any,
                                                tmp_path: Path) -> None:
    export = tmp_path / "no ids.csv"
    export.write_text("Colour,Category,Title\r\nA,Leading Systems Transformation,T\r\n",
                      encoding="utf-8")
    assert dialog.set_file(export)
    shown = dialog.ui.report.toPlainText()
    assert shown.startswith("Error: no ids.csv: no entry id column")
    assert "under Platform" in shown and "--preset" not in shown
    assert str(tmp_path) not in shown
    export.write_text("Entry ID,Title\r\nA-1,T\r\n", encoding="utf-8")
    assert dialog.set_file(export)
    shown = dialog.ui.report.toPlainText()
    assert "Choose one award under Award" in shown and "--award" not in shown
    assert "Leading Systems Transformation" in shown and f"{LST}," not in shown


def test_the_dialog_imports_the_export_with_its_bulk_download(
        dialog: ImportDialog, qtbot: Any, panel: Path, export: Path, tmp_path: Path,
        run_cli: Any) -> None:
    import zipfile

    from PySide6.QtCore import Qt

    from judgepanel.core.demo_documents import letter_of_support

    archive = tmp_path / "download.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("IMP-1/Letter.pdf", letter_of_support("Ada", "Northshire", "Pilot"))
        bundle.writestr("IMP-9/stray.pdf", letter_of_support("Nobody", "Nowhere", "None"))
    assert dialog.set_file(export)
    dialog.ui.documents.setText(str(archive))
    wait_for(qtbot, dialog.run_import(dry_run=False))
    report = dialog.ui.report.toPlainText()
    assert report.startswith("Error:") and "IMP-9/stray.pdf" in report
    assert "IMP-1" not in entries_json(run_cli, panel)  # nothing imported, entries included
    qtbot.mouseClick(dialog.ui.ignoreUnmatched, Qt.MouseButton.LeftButton)
    wait_for(qtbot, dialog.run_import(dry_run=False))
    report = dialog.ui.report.toPlainText()
    assert "added 2 entries" in report and "attachments: added 1" in report
    assert "warning: IMP-9/stray.pdf: no entry of that id; ignored" in report
    letter = entries_json(run_cli, panel)["IMP-1"]["attachments"]
    assert [(a["name"], a["type"], a["pages"]) for a in letter] == [("Letter.pdf", "pdf", 1)]
