"""The panel window as a coordinator meets it: the workflow pages, the status bar, warnings."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from coordinator_panels import coordinator_panel, counts, scratch_settings
from PySide6.QtCore import Qt

from judgepanel.gui.panel_window import SUMMARY_ROLE, PanelWindow

WORKFLOW = ["Awards", "Entries", "Judges & assignment", "Packs", "Results", "Decisions",
            "Outputs", "Audit log"]


def test_navigation_follows_the_workflow_and_every_page_opens(open_panel_window, qtbot,
                                                              tmp_path: Path) -> None:
    path = coordinator_panel(tmp_path / "awards.judgepanel", per_entry=3)
    entries, awards = counts(path)
    window = open_panel_window(path)
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == WORKFLOW
    for row, title in enumerate(WORKFLOW):
        rect = window.navigation.visualItemRect(window.navigation.item(row))
        qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton,
                         pos=rect.center())
        assert window.stack.currentWidget() is window.pages[row]
        assert window.stack.currentWidget().title == title
    summaries = {t: window.navigation.item(i).data(SUMMARY_ROLE) for i, t in enumerate(WORKFLOW)}
    assert summaries["Awards"] == "3 awards, 14 sections"
    assert summaries["Entries"].startswith(f"{entries} entries in {awards} awards")
    assert summaries["Judges & assignment"] == \
        f"4 judges; {entries} of {entries} entries have 3 judges"
    assert summaries["Packs"] == \
        f"0 of 4 packs returned; 0 of {3 * entries} assignments complete"
    assert summaries["Audit log"].endswith("history intact")
    assert window.navigation.item(2).toolTip() == summaries["Judges & assignment"]


def test_status_bar_names_the_file_and_when_it_was_saved(open_panel_window, tmp_path: Path) -> None:
    window = open_panel_window(coordinator_panel(tmp_path / "Regional awards.judgepanel"))
    text = window.file_label.text()
    assert text.startswith("Regional awards.judgepanel · last saved ")
    assert "November" in text or any(month in text for month in (
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "December"))
    assert "Northern Health Leadership Awards 2026" in window.windowTitle()


def test_a_change_on_one_page_updates_the_others(open_panel_window, qtbot, tmp_path: Path) -> None:
    window = open_panel_window(coordinator_panel(tmp_path / "p.judgepanel"))
    judges = window.go_to("Judges & assignment")
    assert judges.add("Ngozi Ebere-Walsh", "ngozi@example.org")
    audit = window.page("Audit log")
    qtbot.waitUntil(lambda: any(audit.model.row(i)["action"] == "judge added"
                                and "Ngozi" in audit.model.row(i)["detail"]
                                for i in range(audit.model.rowCount())))
    assert window.navigation.item(2).data(SUMMARY_ROLE).startswith("5 judges")


def test_menus_offer_file_panel_and_help(open_panel_window, tmp_path: Path) -> None:
    window = open_panel_window(coordinator_panel(tmp_path / "p.judgepanel"))
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    assert list(menus) == ["File", "Edit", "Panel", "Help"]
    file_items = [a.text().replace("&", "") for a in menus["File"].actions() if a.text()]
    assert file_items == ["New panel…", "Open…", "Open recent", "Save a copy…",
                          "Rename panel…", "Encrypt this panel…", "Close", "Quit"]
    panel_items = [a.text().replace("&", "") for a in menus["Panel"].actions() if a.text()]
    assert "Create packs…" in panel_items and "Merge returned packs…" in panel_items
    assert "Import entries…" in panel_items and "Auto-assign…" in panel_items


def test_recent_files_remember_the_panel(open_panel_window, tmp_path: Path) -> None:
    first = coordinator_panel(tmp_path / "first.judgepanel")
    window = open_panel_window(first)
    assert first.resolve() in window.settings.recent_files


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, on a message box
def test_altered_history_is_warned_about_loudly(open_panel_window, qtbot, tmp_path: Path) -> None:
    path = coordinator_panel(tmp_path / "altered.judgepanel")
    with sqlite3.connect(path) as conn:  # someone edits the log outside JudgePanel
        conn.execute("DROP TRIGGER audit_no_update")
        conn.execute("UPDATE audit SET who = 'Somebody else' WHERE id = 2")
    conn.close()
    window = open_panel_window(path)
    assert window.history_banner.isVisible()
    assert "altered outside JudgePanel" in window.history_banner.text()
    qtbot.waitUntil(window.history_box.isVisible)
    assert "audit record 2" in window.history_box.text()
    window.history_box.accept()
    audit = window.go_to("Audit log")
    assert audit.warning.isVisible()
    assert "ALTERED" in audit.summary()


def test_intact_history_shows_no_warning(open_panel_window, tmp_path: Path) -> None:
    window = open_panel_window(coordinator_panel(tmp_path / "p.judgepanel"))
    assert not window.history_banner.isVisible()
    assert not window.history_box.isVisible()


def test_closing_lets_go_of_the_panel_file(qtbot, tmp_path: Path) -> None:
    path = coordinator_panel(tmp_path / "p.judgepanel")
    window = PanelWindow(path, scratch_settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    window.close()
    with pytest.raises(sqlite3.ProgrammingError):
        window.store.db.execute("SELECT 1")
