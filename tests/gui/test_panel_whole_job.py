"""The coordinator's and chair's jobs that were only on the command line, in the panel window
(issue 14): award settings, a tie-break vote, score sheets in and out, several exports at
once, a dry run of a merge, renaming, removing an empty award, New panel, page help (F1), and
Tab leaving a table.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from coordinator_panels import LST, coordinator_panel, packs_for, score_pack
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from judgepanel.core.awards import builtin_awards, panel_awards
from judgepanel.core.moderation import audit_log
from judgepanel.core.panel import create_panel
from judgepanel.core.resources import resource_path
from judgepanel.core.store import PANEL, Store
from judgepanel.core.totals import award_settings
from judgepanel.gui.new_panel_dialog import NewPanelDialog
from judgepanel.gui.tasks import wait_for_tasks

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform noise


def finished(qtbot: Any, window: Any) -> None:
    task = window.last_job
    assert task is not None
    qtbot.waitUntil(lambda: task.done, timeout=30000)
    QApplication.processEvents()


def test_award_settings_are_saved_through_the_core(open_panel_window, tmp_path: Path) -> None:
    path = coordinator_panel(tmp_path / "awards.judgepanel")
    window = open_panel_window(path)
    dialog = window.award_settings(LST)
    dialog.method.setCurrentIndex(dialog.method.findData("median"))
    dialog.thresholds["rwg"].setValue(0.6)
    ties = dialog.tie_break.list
    for row in range(ties.count()):  # only the panel's vote breaks ties
        item = ties.item(row)
        item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole + 1)
                           == "panel" else Qt.CheckState.Unchecked)
    dialog.accept()
    assert not dialog.isVisible()
    settings = award_settings(next(a for a in panel_awards(window.store) if a.id == LST))
    assert settings["method"] == "median"
    assert settings["flag_thresholds"]["rwg"] == pytest.approx(0.6)
    assert settings["tie_break"] == ["panel"]
    assert audit_log(window.store)[-1]["action"] == "award settings changed"


def test_a_refused_setting_is_said_in_the_dialog(open_panel_window, tmp_path: Path) -> None:
    window = open_panel_window(coordinator_panel(tmp_path / "awards.judgepanel"))
    dialog = window.award_settings(LST)
    for row in range(dialog.tie_break.list.count()):
        dialog.tie_break.list.item(row).setCheckState(Qt.CheckState.Unchecked)
    dialog.accept()
    assert dialog.isVisible() and dialog.problem.text().startswith("Not saved:")
    dialog.reject()


def test_a_tie_break_vote_is_recorded(open_panel_window, tmp_path: Path) -> None:
    window = open_panel_window(coordinator_panel(tmp_path / "awards.judgepanel"))
    dialog = window.tie_break_vote(LST)
    entries = dialog.entries.list
    first, second = entries.item(0), entries.item(1)
    second.setCheckState(Qt.CheckState.Checked)
    first.setCheckState(Qt.CheckState.Checked)
    entries.setCurrentRow(1)
    dialog.entries.move_current(-1)  # the second entry won the vote
    dialog.accept()
    assert dialog.isVisible() and "reason" in dialog.problem.text().lower()  # how, please
    dialog.reason.setText("A show of hands, 4 to 1")
    dialog.accept()
    assert not dialog.isVisible()
    record = audit_log(window.store)[-1]
    detail = record["detail"] if isinstance(record["detail"], dict) \
        else json.loads(record["detail"])
    assert record["action"] == "tie break"
    assert detail["order"] == [second.data(Qt.ItemDataRole.UserRole + 1),
                               first.data(Qt.ItemDataRole.UserRole + 1)]


def test_score_sheets_out_and_in_and_a_merge_dry_run(open_panel_window, qtbot,
                                                       tmp_path: Path) -> None:
    path = coordinator_panel(tmp_path / "awards.judgepanel", per_entry=2)
    (tmp_path / "packs").mkdir()
    packs = packs_for(path, tmp_path / "packs")
    score_pack(packs[0])
    window = open_panel_window(path)
    from judgepanel.gui import panel_jobs

    panel_jobs.check_returned(window, packs[:1])
    finished(qtbot, window)
    assert window.last_report.startswith("All 1 packs would merge.")
    assert "Nothing was changed" in window.last_report
    assert window.store.rows("SELECT COUNT(*) AS n FROM scores")[0]["n"] == 0

    with Store.open(path, PANEL) as other:
        from judgepanel.core.merge import merge_returned_packs

        merge_returned_packs(other, [packs[0]], who="test")
    sheet = tmp_path / "sheets" / "scores.csv"
    sheet.parent.mkdir()
    panel_jobs.export_sheets(window, sheet)
    finished(qtbot, window)
    assert sheet.exists() and "score(s) written to scores.csv" in window.last_report
    rows = sheet.read_text(encoding="utf-8").splitlines()
    assert len(rows) > 1

    twin = tmp_path / "twin.judgepanel"
    coordinator_panel(twin, per_entry=2)
    other_window = open_panel_window(twin)
    panel_jobs.import_sheets(other_window, sheet)
    finished(qtbot, other_window)
    assert other_window.store.rows("SELECT COUNT(*) AS n FROM scores")[0]["n"] == len(rows) - 1


def test_several_exports_are_imported_at_once(open_panel_window, qtbot, tmp_path: Path) -> None:
    path = tmp_path / "new.judgepanel"
    create_panel(path, "Awards 2026", builtin_awards()).close()
    window = open_panel_window(path)
    exports = sorted(resource_path("demo").glob("*.csv"))
    assert len(exports) >= 2
    copies = [Path(shutil.copy(e, tmp_path / e.name)) for e in exports]
    from judgepanel.gui import panel_jobs

    panel_jobs.import_several(window, copies)
    finished(qtbot, window)
    assert window.last_report.startswith("added ")
    assert window.store.rows("SELECT COUNT(*) AS n FROM entries")[0]["n"] > 0
    assert window.page("Entries").summary().split()[0] != "0"


def test_rename_and_remove_an_empty_award(open_panel_window, tmp_path: Path) -> None:
    window = open_panel_window(coordinator_panel(tmp_path / "awards.judgepanel"))
    assert window.rename("  Northern Awards   2027 ")
    assert window.store.title == "Northern Awards 2027"
    assert window.windowTitle().startswith("Northern Awards 2027")
    counts = {r["award"]: r["n"] for r in window.store.rows(
        "SELECT a.id AS award, COUNT(e.id) AS n FROM awards a LEFT JOIN entries e "
        "ON e.award = a.id GROUP BY a.id")}
    empty = [a for a, n in counts.items() if n == 0]
    full = [a for a, n in counts.items() if n]
    assert full
    assert not window.remove_award(full[0])  # entries: refused, the award stays
    if empty:
        assert window.remove_award(empty[0])
        assert empty[0] not in {a.id for a in panel_awards(window.store)}


def test_new_panel_asks_which_awards(qtbot, tmp_path: Path) -> None:
    dialog = NewPanelDialog(tmp_path)
    qtbot.addWidget(dialog)
    assert not dialog.create_at(tmp_path / "x.judgepanel")
    assert dialog.ui.problem.text().startswith("Type a title")  # not closed silently
    dialog.ui.title.setText("Regional Awards 2026")
    assert not dialog.create_at(tmp_path / "x.judgepanel")
    assert "at least one award" in dialog.ui.problem.text()
    dialog.set_awards([LST])
    assert dialog.create_at(tmp_path / "regional")
    with Store.open(tmp_path / "regional.judgepanel", PANEL) as store:
        assert [a.id for a in panel_awards(store)] == [LST]
    again = NewPanelDialog(tmp_path)
    qtbot.addWidget(again)
    again.ui.title.setText("Again")
    again.set_awards([LST])
    assert not again.create_at(tmp_path / "regional.judgepanel")
    assert "already exists" in again.ui.problem.text()


def test_pages_open_on_the_first_award_with_entries(open_panel_window, tmp_path: Path) -> None:
    path = tmp_path / "one.judgepanel"
    awards = builtin_awards()
    create_panel(path, "Awards 2026", awards).close()
    last = awards[-1]
    export = tmp_path / "export.csv"
    sections = ",".join(s.id for s in last.sections)
    export.write_text(f"Entry ID,Category,Title,{sections}\r\n"
                      f"X-1,{last.name},A title,{','.join('x' for _ in last.sections)}\r\n",
                      encoding="utf-8")
    with Store.open(path, PANEL) as store:
        from judgepanel.core.importing import import_file

        import_file(store, export, who="test")
    window = open_panel_window(path)
    for title in ("Judges & assignment", "Results"):  # Decisions starts on all awards
        page = window.page(title)
        chooser = getattr(page, "award", None) if title == "Judges & assignment" \
            else page.award_combo
        assert chooser.currentData() == last.id, title


def test_f1_explains_the_page_in_view(open_panel_window, qtbot, tmp_path: Path) -> None:
    window = open_panel_window(coordinator_panel(tmp_path / "awards.judgepanel"))
    window.go_to("Packs")
    window.show_page_help()
    assert window.help.isVisible()
    text = window.help.label.text()
    assert "<h2>Packs</h2>" in text and "dry run" in text and "Keyboard shortcuts" in text
    window.show_page_help()
    assert not window.help.isVisible()


def test_tab_stops_once_at_a_table_then_moves_on(open_panel_window, qtbot,
                                                 tmp_path: Path) -> None:
    window = open_panel_window(coordinator_panel(tmp_path / "awards.judgepanel"))
    page = window.go_to("Entries")
    table = page.findChild(QTableView)
    window.activateWindow()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()
    assert table.currentIndex().column() == 0  # Tab did not walk the cells
    wait_for_tasks()
