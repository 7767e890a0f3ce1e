"""The coordinator's pages driven as a coordinator drives them: real widgets, real panel files."""

from __future__ import annotations

import sqlite3
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from coordinator_panels import LST, coordinator_panel, packs_for, score_pack, scratch_settings
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from judgepanel.core.assignment import assignments
from judgepanel.core.awards import award_to_toml, builtin_awards, panel_award
from judgepanel.core.conflicts import list_conflicts
from judgepanel.core.panel import create_panel
from judgepanel.gui.import_dialog import ImportDialog
from judgepanel.gui.panel_window import PanelWindow

OK = QDialogButtonBox.StandardButton.Ok
# The offscreen platform says this whenever a dialog opens; it is not about our code.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[PanelWindow]:
    """The demo panel with four judges and nothing assigned, open in a real window."""
    opened = PanelWindow(coordinator_panel(tmp_path / "p.judgepanel"),
                         scratch_settings(tmp_path))
    qtbot.addWidget(opened)
    opened.show()
    yield opened
    opened.close()


def when_dialog(action: Callable[[Any], None]) -> None:
    """Act on the next modal dialog as soon as it opens (its exec() blocks the test)."""
    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, run)
            return
        action(dialog)
    QTimer.singleShot(0, run)


def cell(page: Any, entry: str, judge: str) -> Any:
    model = page.matrix_model
    row = [e for e, _ in model.matrix.entries].index(entry)
    column = [name for _, name in model.matrix.judges].index(judge)
    return model.index(row, column)


def click_cell(qtbot, page: Any, entry: str, judge: str) -> None:
    index = cell(page, entry, judge)
    page.matrix.scrollTo(index)
    qtbot.mouseClick(page.matrix.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.matrix.visualRect(index).center())


def wait_for(qtbot, task: Any) -> None:
    assert task is not None
    qtbot.waitUntil(lambda: task.done, timeout=30000)


# ----- judges and assignment --------------------------------------------------------------


def test_add_a_judge_through_the_dialog(window: PanelWindow, qtbot) -> None:
    page = window.go_to("Judges & assignment")

    def fill(dialog: Any) -> None:
        qtbot.keyClicks(dialog.ui.name, "Grace Hopper")
        qtbot.keyClicks(dialog.ui.email, "grace@example.org")
        dialog.ui.role.setCurrentText("chair")
        dialog.ui.buttons.button(OK).click()

    when_dialog(fill)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    names = [page.judges_model.row(i)["name"] for i in range(page.judges_model.rowCount())]
    assert names[-1] == "Grace Hopper"
    assert page.judges_model.row(len(names) - 1)["role"] == "chair"
    assert "Grace Hopper" in [name for _, name in page.matrix_model.matrix.judges]
    assert page.summary().startswith("5 judges")


def test_clicking_a_cell_assigns_and_the_workload_follows(window: PanelWindow, qtbot) -> None:
    page = window.go_to("Judges & assignment")
    page.award.setCurrentIndex(page.award.findData(LST))
    judge_column = cell(page, "LST-101", "Siân Roberts").column()
    heading = page.matrix_model.headerData(judge_column, Qt.Orientation.Horizontal)
    assert heading == "Siân Roberts\n0 entries"

    click_cell(qtbot, page, "LST-101", "Siân Roberts")
    assert page.matrix_model.data(cell(page, "LST-101", "Siân Roberts")) == "✓"
    assert page.matrix_model.headerData(judge_column, Qt.Orientation.Horizontal) == \
        "Siân Roberts\n1 entry"
    assert (page.judges[1].id, "LST-101") in assignments(page.store, LST)

    page.matrix.setCurrentIndex(cell(page, "LST-102", "Siân Roberts"))
    qtbot.keyClick(page.matrix, Qt.Key.Key_Space)
    assert page.matrix_model.headerData(judge_column, Qt.Orientation.Horizontal) == \
        "Siân Roberts\n2 entries"
    qtbot.keyClick(page.matrix, Qt.Key.Key_Space)  # Space again takes it away
    assert page.matrix_model.data(cell(page, "LST-102", "Siân Roberts")) == ""
    assert page.matrix_model.headerData(judge_column, Qt.Orientation.Horizontal) == \
        "Siân Roberts\n1 entry"
    assert "taken from Siân Roberts" in page.notice.text()


def test_auto_assign_gives_every_entry_n_judges_evenly(window: PanelWindow, qtbot) -> None:
    page = window.go_to("Judges & assignment")
    page.award.setCurrentIndex(page.award.findData(LST))

    def choose(dialog: Any) -> None:
        dialog.ui.perEntry.setValue(2)
        dialog.ui.seed.setValue(11)
        dialog.ui.buttons.button(OK).click()

    when_dialog(choose)
    qtbot.mouseClick(page.auto_button, Qt.MouseButton.LeftButton)
    model = page.matrix_model
    last = model.columnCount() - 1
    assert all(model.data(model.index(r, last)) == "2" for r in range(model.rowCount()))
    loads = [model.matrix.workload(judge) for judge, _ in model.matrix.judges]
    assert sum(loads) == 2 * model.rowCount()
    assert max(loads) - min(loads) <= 1
    assert "assignments added" in page.notice.text()
    assert f"{model.rowCount()} of" in page.summary()


def test_recording_a_conflict_marks_the_cell_and_removes_the_assignment(
        window: PanelWindow, qtbot) -> None:
    page = window.go_to("Judges & assignment")
    page.award.setCurrentIndex(page.award.findData(LST))
    click_cell(qtbot, page, "LST-103", "Tomás O'Connell")
    assert page.matrix_model.data(cell(page, "LST-103", "Tomás O'Connell")) == "✓"
    page.matrix.setCurrentIndex(cell(page, "LST-103", "Tomás O'Connell"))

    def fill(dialog: Any) -> None:  # the dialog starts at the selected cell
        assert dialog.ui.entry.currentData() == "LST-103"
        assert dialog.ui.judge.currentText() == "Tomás O'Connell"
        dialog.ui.reason.setText("Line manager of the nominee’s deputy")
        dialog.ui.buttons.button(OK).click()

    when_dialog(fill)
    qtbot.mouseClick(page.conflict_button, Qt.MouseButton.LeftButton)
    index = cell(page, "LST-103", "Tomás O'Connell")
    assert page.matrix_model.data(index) == "⚠ conflict"
    assert "Line manager of the nominee’s deputy" in page.matrix_model.data(
        index, Qt.ItemDataRole.ToolTipRole)
    judge_id = next(j.id for j in page.judges if j.name == "Tomás O'Connell")
    assert (judge_id, "LST-103") not in assignments(page.store, LST)
    assert [(c.judge, c.entry) for c in list_conflicts(page.store)] == \
        [("Tomás O'Connell", "LST-103")]

    click_cell(qtbot, page, "LST-103", "Tomás O'Connell")  # cannot be assigned now
    assert "Not changed" in page.notice.text()
    assert (judge_id, "LST-103") not in assignments(page.store, LST)

    page.matrix.setCurrentIndex(index)
    assert page.unconflict_button.isEnabled()
    qtbot.mouseClick(page.unconflict_button, Qt.MouseButton.LeftButton)
    assert page.matrix_model.data(cell(page, "LST-103", "Tomás O'Connell")) == ""
    assert list_conflicts(page.store) == []


# ----- packs ------------------------------------------------------------------------------


def test_create_packs_and_merge_them_back(window: PanelWindow, qtbot, tmp_path: Path) -> None:
    judges = window.go_to("Judges & assignment")
    for award in (LST, "service-improvement-innovation"):
        judges.award.setCurrentIndex(judges.award.findData(award))
        assert judges.auto_assign(2, seed=3)
    page = window.go_to("Packs")
    folder = tmp_path / "out"
    folder.mkdir()

    def fill(dialog: Any) -> None:
        assert dialog.ui.judges.count() == 4
        dialog.ui.folder.setText(str(folder))
        dialog.ui.buttons.button(OK).click()

    when_dialog(fill)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    wait_for(qtbot, page.task)
    made = sorted(folder.glob("*.judgepack"))
    assert [p.name for p in made] == sorted(
        f"{name}.judgepack" for name in ("Dr Aisha Patel", "Siân Roberts", "Tomás O'Connell",
                                         "Grace Mensah"))
    assert "4 packs written" in page.outcome.text()
    # encrypted by default: each passphrase shown once, a slip per judge beside the panel
    assert page.outcome.text().count("passphrase <b>") == 4
    assert all(not p.read_bytes().startswith(b"SQLite format 3") for p in made)
    assert page.slips_file().exists() and page.slips_file().parent != folder

    written = {p.name: score_pack(p) for p in made[:2]}
    wait_for(qtbot, page.merge(made[:2]))
    rows = [page.merge_model.row(i) for i in range(page.merge_model.rowCount())]
    assert [(r["file"], r["new"], r["changed"], r["unchanged"]) for r in rows] == \
        [(name, count, 0, 0) for name, count in written.items()]
    assert page.merge_box.isVisible()
    assert page.summary().startswith("2 of 4 packs returned")

    wait_for(qtbot, page.merge(made[:2]))  # merging again changes nothing
    rows = [page.merge_model.row(i) for i in range(page.merge_model.rowCount())]
    assert [(r["new"], r["changed"], r["unchanged"]) for r in rows] == \
        [(0, 0, count) for count in written.values()]
    progress = {page.progress_model.row(i)["judge"]: page.progress_model.row(i)
                for i in range(page.progress_model.rowCount())}
    returned = [name for name, row in progress.items() if row["returned"] != "not yet"]
    assert len(returned) == 2
    for name in returned:
        assert progress[name]["complete"] == progress[name]["assigned"]


def test_a_tampered_or_foreign_pack_is_refused_with_its_reason(
        window: PanelWindow, qtbot, tmp_path: Path) -> None:
    judges = window.go_to("Judges & assignment")
    judges.award.setCurrentIndex(judges.award.findData(LST))
    assert judges.auto_assign(2, seed=5)
    own = packs_for(window.path, _folder(tmp_path / "own"))
    tampered = next(p for p in own if p.name.startswith("Grace"))
    score_pack(tampered)
    with sqlite3.connect(tampered) as conn:
        conn.execute("UPDATE scores SET value = 10 WHERE rowid = 1")
    conn.close()
    other = coordinator_panel(tmp_path / "other.judgepanel", per_entry=2)
    foreign = next(p for p in packs_for(other, _folder(tmp_path / "foreign"))
                   if p.name.startswith("Siân"))
    page = window.go_to("Packs")
    before = page.store.rows("SELECT COUNT(*) AS n FROM scores")[0]["n"]
    wait_for(qtbot, page.merge([tampered, foreign]))
    rows = [page.merge_model.row(i) for i in range(page.merge_model.rowCount())]
    assert all(r["refused"] for r in rows)
    assert "altered outside JudgePanel" in rows[0]["outcome"]
    assert rows[0]["judge"] == "Grace Mensah"
    assert "another panel" in rows[1]["outcome"]
    assert "2 files refused" in page.outcome.text()
    assert page.store.rows("SELECT COUNT(*) AS n FROM scores")[0]["n"] == before


def test_returned_packs_can_be_dropped_on_the_page(window: PanelWindow, qtbot,
                                                   tmp_path: Path) -> None:
    judges = window.go_to("Judges & assignment")
    judges.award.setCurrentIndex(judges.award.findData(LST))
    assert judges.auto_assign(1, seed=2)
    packs = packs_for(window.path, _folder(tmp_path / "drop"))
    for pack in packs:
        score_pack(pack, mark=6)
    page = window.go_to("Packs")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in packs])
    with warnings.catch_warnings():  # PySide6 marks the only QDragEnterEvent constructor
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(page, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(page, drop)
    wait_for(qtbot, page.task)
    assert page.merge_model.rowCount() == len(packs)
    assert all(not page.merge_model.row(i)["refused"] for i in range(len(packs)))


def _folder(path: Path) -> Path:
    path.mkdir()
    return path


# ----- entries and import -----------------------------------------------------------------


EXPORT = (
    "Ref,Category,Project,Nominee,Organisation,Q1,Q2,Q3,Q4,Q5\r\n"
    "NEW-1,Leading Systems Transformation,Joined-up discharge,Ada Lovelace,"
    "Northshire NHS Trust,Partners met weekly,Led the change,\"New model, tested\","
    "Trained 40 staff,Co-designed with patients\r\n"
    "NEW-2,Leading Systems Transformation,Community diagnostics,Alan Turing,"
    "Southvale ICB,Built trust,Steady hand,Pilot in two sites,Shared learning,Inclusive panel\r\n"
)


def test_the_import_dialog_imports_a_small_csv(window: PanelWindow, qtbot,
                                              tmp_path: Path) -> None:
    page = window.go_to("Entries")
    export = tmp_path / "export.csv"
    export.write_text(EXPORT, encoding="utf-8")
    before = page.summary()
    dialog = ImportDialog(window.path, page, store=page.store)
    qtbot.addWidget(dialog)
    dialog.imported.connect(lambda _: page._imported())
    assert dialog.set_file(export)
    uses = dict(dialog.uses())
    assert uses["Ref"] == ("column", "entry")
    assert uses["Category"] == ("column", "award")
    assert dialog.ui.preview.rowCount() == 2
    assert "2 entries read" in dialog.ui.report.toPlainText()
    dialog.set_use("Project", ("column", "title"))
    qtbot.waitUntil(lambda: dialog.ui.preview.item(0, 2) is not None
                    and dialog.ui.preview.item(0, 2).text() == "Joined-up discharge")

    wait_for(qtbot, dialog.run_import(dry_run=True))
    assert "would add 2 entries" in dialog.ui.report.toPlainText()
    assert page.summary() == before

    saved = tmp_path / "MAPPING.toml"
    dialog.save_mapping_to(saved)
    assert 'title = "Project"' in saved.read_text(encoding="utf-8")

    wait_for(qtbot, dialog.run_import(dry_run=False))
    assert "added 2 entries" in dialog.ui.report.toPlainText()
    ids = [page.model.row(i)["entry"] for i in range(page.model.rowCount())]
    assert "NEW-1" in ids and "NEW-2" in ids
    titles = {page.model.row(i)["entry"]: page.model.row(i)["title"]
              for i in range(page.model.rowCount())}
    assert titles["NEW-1"] == "Joined-up discharge"
    dialog.close()


def test_a_mapping_file_is_loaded_back(window: PanelWindow, qtbot, tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text(EXPORT, encoding="utf-8")
    mapping = tmp_path / "MAPPING.toml"
    mapping.write_text('preset = "generic"\n[columns]\ntitle = "Project"\n', encoding="utf-8")
    dialog = ImportDialog(window.path, window, store=window.store)
    qtbot.addWidget(dialog)
    dialog.set_file(export)
    assert dialog.load_mapping_from(mapping)
    assert dict(dialog.uses())["Project"] == ("column", "title")
    dialog.close()


def test_a_bad_export_is_refused_in_the_dialog_and_nothing_changes(
        window: PanelWindow, qtbot, tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    again = EXPORT.splitlines()[1].replace("Joined-up discharge", "Another title")
    export.write_text(EXPORT + again + "\r\n", encoding="utf-8")  # NEW-1 twice
    dialog = ImportDialog(window.path, window, store=window.store)
    qtbot.addWidget(dialog)
    dialog.set_file(export)
    before = window.store.rows("SELECT COUNT(*) AS n FROM entries")[0]["n"]
    assert "NEW-1" in dialog.ui.report.toPlainText()
    wait_for(qtbot, dialog.run_import(dry_run=False))
    assert dialog.ui.report.toPlainText().startswith("Error: export.csv: entry id 'NEW-1'")
    assert "nothing was imported" in dialog.ui.report.toPlainText().lower()
    assert window.store.rows("SELECT COUNT(*) AS n FROM entries")[0]["n"] == before
    dialog.close()


def test_entries_filter_and_detail(window: PanelWindow, qtbot) -> None:
    page = window.go_to("Entries")
    total = page.proxy.rowCount()
    qtbot.keyClicks(page.search, "frailty")
    assert 0 < page.proxy.rowCount() < total
    page.search.clear()
    page.award.setCurrentIndex(page.award.findData(LST))
    assert all(page.model.row(i)["award"] == LST for i in range(page.model.rowCount()))
    page.table.selectRow(0)
    text = page.detail.toPlainText()
    question = panel_award(page.store, LST).sections[0].question
    assert question in text
    assert "words" in text


# ----- awards -----------------------------------------------------------------------------


def test_awards_are_readable_and_can_be_added_and_weighted(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "one.judgepanel"
    first, *others = builtin_awards()
    create_panel(path, "One award", [first]).close()
    window = PanelWindow(path, scratch_settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    page = window.go_to("Awards")
    assert page.summary() == f"1 award, {len(first.sections)} sections"
    assert first.sections[0].guidance[0] in page.section_text.toPlainText()

    builtin = [a for a in page.builtin_menu.actions() if a.text() == others[0].name][0]
    builtin.trigger()
    assert [a.id for a in page.awards] == [first.id, others[0].id]

    toml = tmp_path / "custom.toml"
    toml.write_text(award_to_toml(others[1]).replace(others[1].id, "custom-award"),
                    encoding="utf-8")
    assert page.add_award_file(toml)
    assert page.awards[-1].id == "custom-award"

    page.award_list.setCurrentRow(0)
    assert page.model.setData(page.model.index(1, 3), 2.5)
    assert page.model.setData(page.model.index(1, 4), 350)
    section = panel_award(page.store, first.id).sections[1]
    assert (section.weight, section.word_limit) == (2.5, 350)
    window.close()


def test_panel_menu_actions_open_the_right_page_and_dialog(window: PanelWindow) -> None:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Panel")
    action = next(a for a in menu.actions() if a.text() == "Add &judge…")
    seen: list[str] = []

    def cancel(dialog: Any) -> None:
        seen.append(dialog.windowTitle())
        dialog.reject()

    when_dialog(cancel)
    action.trigger()
    assert seen == ["Add judge"]
    assert window.stack.currentWidget() is window.page("Judges & assignment")
