"""Issue 14's leftovers in the panel window: the chair records the chair's decisions, the
audit detail and error messages speak the window's words, an empty award's Auto-assign says
so, and the windows open and close again and again without a crash."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from coordinator_panels import LST, coordinator_panel
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from judgepanel.core.assignment import auto_assign
from judgepanel.core.awards import builtin_awards
from judgepanel.core.importing import import_file
from judgepanel.core.judges import add_judge, edit_judge, find_judge
from judgepanel.core.moderation import audit_log, decisions
from judgepanel.core.panel import create_panel
from judgepanel.core.resources import resource_path
from judgepanel.core.store import Store
from judgepanel.gui.import_dialog import ImportDialog
from judgepanel.gui.pages.common import window_words
from judgepanel.gui.pages.decisions import DecisionsPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform noise
CHAIR = "Prof Amara Okafor"
SLI = "system-leadership-initiative"


def one_award_with_entries(path: Path) -> Path:
    """All three built-in awards, entries imported for Leading Systems Transformation only."""
    store = create_panel(path, "Northern Health Leadership Awards 2026", builtin_awards(),
                         who="test")
    import_file(store, resource_path("demo") / f"{LST}.csv", who="test")
    for name in ("Dr Aisha Patel", "Siân Roberts", "Grace Mensah"):
        add_judge(store, name, who="test")
    store.close()
    return path


def close_any_box() -> list[str]:
    """Close whatever modal box opens (so a test cannot hang on one), noting its text."""
    seen: list[str] = []

    def close() -> None:
        box = QApplication.activeModalWidget()
        if box is not None:
            seen.append(getattr(box, "text", lambda: box.windowTitle())())
            box.close()
        QTimer.singleShot(50, close)

    QTimer.singleShot(50, close)
    return seen


def detail_of(record: dict[str, Any]) -> dict[str, Any]:
    detail = record["detail"]
    return detail if isinstance(detail, dict) else json.loads(detail)


def test_a_tie_break_vote_is_recorded_by_the_panels_chair(open_panel_window,
                                                          tmp_path: Path) -> None:
    path = coordinator_panel(tmp_path / "awards.judgepanel")
    store = Store.open(path)
    add_judge(store, CHAIR, role="chair", who="test")
    store.close()
    window = open_panel_window(path)
    dialog = window.tie_break_vote(LST)
    for row in (0, 1):
        dialog.entries.list.item(row).setCheckState(Qt.CheckState.Checked)
    dialog.reason.setText("A show of hands, 4 to 1")
    dialog.accept()
    assert not dialog.isVisible()
    record = audit_log(window.store)[-1]
    assert record["action"] == "tie break"
    assert record["who"] == CHAIR


def test_placements_follow_a_chair_named_after_the_page_opened(qtbot, open_panel_window,
                                                               tmp_path: Path) -> None:
    path = coordinator_panel(tmp_path / "awards.judgepanel")
    window = open_panel_window(path)
    page = window.go_to("Decisions")
    assert isinstance(page, DecisionsPage)
    qtbot.waitUntil(lambda: page.ranking is not None, timeout=20000)
    assert page.who.text() == "Panel chair"  # no chair named yet
    judge = find_judge(window.store, "Grace Mensah")
    edit_judge(window.store, judge, role="chair", who="test")
    window.panel_changed(None)
    qtbot.waitUntil(lambda: page.who.text() == "Grace Mensah", timeout=5000)
    entry = page.ranking.entries[0].entry
    page.select(entry)
    page.placement_combo.setCurrentIndex(page.placement_combo.findData("winner"))
    page.placement_reason.setText("Unanimous")
    page.record_placement()
    assert [d["decided_by"] for d in decisions(window.store)] == ["Grace Mensah"]


def test_a_name_typed_in_recorded_by_is_kept(qtbot, open_panel_window, tmp_path: Path) -> None:
    path = coordinator_panel(tmp_path / "awards.judgepanel")
    window = open_panel_window(path)
    page = window.go_to("Decisions")
    assert isinstance(page, DecisionsPage)
    qtbot.waitUntil(lambda: page.ranking is not None, timeout=20000)
    page.who.setText("Deputy chair")
    add_judge(window.store, CHAIR, role="chair", who="test")
    page.refresh()
    assert page.who.text() == "Deputy chair"


def test_the_audit_detail_shows_only_what_was_given_in_words(qtbot, open_panel_window,
                                                             tmp_path: Path) -> None:
    path = one_award_with_entries(tmp_path / "awards.judgepanel")
    store = Store.open(path)
    auto_assign(store, LST, 2, seed=None, who="test")  # no seed given
    store.close()
    window = open_panel_window(path)
    page = window.go_to("Audit log")
    model = page.model
    details = [model.index(row, 3).data() for row in range(model.rowCount())
               if model.index(row, 2).data() == "entries assigned"]
    assert len(details) == 1
    assert "None" not in details[0] and "seed" not in details[0]
    assert "award: Leading Systems Transformation" in details[0]
    assert "judges per entry: 2" in details[0]


def test_auto_assign_on_an_empty_award_says_so_in_plain_words(qtbot, open_panel_window,
                                                              tmp_path: Path) -> None:
    window = open_panel_window(one_award_with_entries(tmp_path / "awards.judgepanel"))
    page = window.go_to("Judges & assignment")
    page.award.setCurrentIndex(page.award.findData(SLI))
    boxes = close_any_box()
    qtbot.mouseClick(page.auto_button, Qt.MouseButton.LeftButton)
    qtbot.wait(150)
    assert boxes == []  # no dialog asking how many judges, no error box
    said = page.notice.text()
    assert page.notice.isVisible()
    assert "System Leadership Initiative of the Year has no entries yet" in said
    assert "nothing to assign" in said and "Entries page" in said
    assert SLI not in said and str(tmp_path) not in said
    assert not page.auto_assign(2)  # the same words when asked directly


def test_an_unreadable_export_is_named_by_its_file_in_the_import_dialog(
        qtbot, open_panel_window, tmp_path: Path) -> None:
    window = open_panel_window(one_award_with_entries(tmp_path / "awards.judgepanel"))
    dialog = ImportDialog(window.path, window, store=window.store)
    qtbot.addWidget(dialog)
    damaged = tmp_path / "exports" / "entries.xlsx"
    damaged.parent.mkdir()
    damaged.write_bytes(b"PK\x03\x04 not a workbook")
    assert not dialog.set_file(damaged)
    report = dialog.ui.report.toPlainText()
    assert report.startswith("Error: entries.xlsx: ")
    assert str(damaged.parent) not in report
    dialog.close()


def test_core_messages_are_said_in_the_windows_words() -> None:
    awards = {LST: "Leading Systems Transformation"}
    assert window_words("--per-entry must be 1 or more, not 0") == \
        "The number of judges per entry must be 1 or more, not 0"
    said = window_words(f"/home/ana/My Panels/awards.judgepanel: award '{LST}' has no entries "
                        "yet", awards)
    assert said == "awards.judgepanel: award Leading Systems Transformation has no entries yet"
    assert window_words(r"C:\Users\Ana Ruiz\entries.csv: no such file") == \
        "entries.csv: no such file"
    assert window_words("entry 'LST-104': only 1 judge(s) can judge it; see "
                        "/srv/panels/x.judgepanel") == \
        "Entry 'LST-104': only 1 judge(s) can judge it; see x.judgepanel"
    assert window_words("Choose the --preset of the platform") == \
        "Choose the Platform choice of the platform"
