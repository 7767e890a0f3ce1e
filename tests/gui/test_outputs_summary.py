"""The Outputs entry in the navigation says what was written, and the audit log keeps it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from chair_panels import OFFSCREEN_NOISE, bias_panel
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from judgepanel.core.moderation import decide
from judgepanel.core.store import Store
from judgepanel.gui.panel_window import SUMMARY_ROLE, PanelWindow
from judgepanel.gui.tasks import wait_for_tasks

pytestmark = OFFSCREEN_NOISE


@pytest.fixture
def decided_panel(tmp_path: Path) -> Path:
    """Three placed entries, so there are three certificates to draw."""
    path = bias_panel(tmp_path / "chair.judgepanel")
    with Store.open(path) as store:
        decide(store, "A", "winner", "Clearest system-wide impact", "Priya Shah")
        decide(store, "B", "highly-commended", "Strong patient outcomes", "Priya Shah")
        decide(store, "C-4", "finalist", "Well evidenced", "Priya Shah")
    return path


def outputs_summary_shown(window: PanelWindow) -> str:
    row = window.pages.index(window.page("Outputs"))
    return str(window.navigation.item(row).data(SUMMARY_ROLE))


def save_to(monkeypatch, path: Path) -> None:
    """The user types `path` into Qt's save dialog."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))


def test_writing_outputs_updates_the_navigation_and_the_audit_log(
        open_panel_window, qtbot, decided_panel: Path, tmp_path: Path, monkeypatch) -> None:
    window = open_panel_window(decided_panel)
    assert outputs_summary_shown(window) == "Nothing written yet"
    page = window.go_to("Outputs")

    save_to(monkeypatch, tmp_path / "Ranked report.pdf")
    with qtbot.waitSignal(page.generated, timeout=60000):
        qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)
    assert outputs_summary_shown(window).startswith("Ranked report written ")
    clock = outputs_summary_shown(window).removeprefix("Ranked report written ")
    assert datetime.strptime(clock, "%H:%M")  # the time of day, as the user's clock shows it
    assert "Next:</b> write the certificates" in page.heading.status.text()

    save_to(monkeypatch, tmp_path / "Certificates.pdf")
    with qtbot.waitSignal(page.generated, timeout=60000):
        qtbot.mouseClick(page.certificates_button, Qt.MouseButton.LeftButton)
    assert outputs_summary_shown(window) == f"Ranked report written {clock}; 3 certificates"
    assert "ranked report and certificates are written" in page.heading.status.text()

    audit = window.page("Audit log")
    qtbot.waitUntil(lambda: [audit.model.row(i)["action"] for i in
                             range(audit.model.rowCount())][-2:]
                    == ["report written", "certificates written"])
    last = audit.model.row(audit.model.rowCount() - 1)
    assert last["who"] == "Coordinator"
    assert "items: 3" in last["detail"] and "Certificates.pdf" in last["detail"]
    assert audit.summary().endswith("history intact")


def test_after_a_restart_the_summary_says_when_outputs_were_last_written(
        open_panel_window, qtbot, decided_panel: Path, tmp_path: Path, monkeypatch) -> None:
    window = open_panel_window(decided_panel)
    page = window.go_to("Outputs")
    folder = tmp_path / "feedback"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *args, **kwargs: str(folder)))
    with qtbot.waitSignal(page.generated, timeout=60000) as finished:
        qtbot.mouseClick(page.feedback_button, Qt.MouseButton.LeftButton)
    entries = len(finished.args[0].files)
    assert entries >= 3
    assert outputs_summary_shown(window) == f"Feedback for {entries} entries"
    window.close()
    wait_for_tasks()

    again = open_panel_window(decided_panel)
    today = datetime.now().astimezone()
    assert outputs_summary_shown(again) == (f"Feedback for {entries} entries last written "
                                            f"{today.day} {today:%B} {today.year}")


def test_a_new_panel_says_what_to_do_next_rather_than_counting_zeros(
        open_panel_window, panel_path: Path) -> None:
    window = open_panel_window(panel_path)
    shown = {window.navigation.item(i).text(): window.navigation.item(i).data(SUMMARY_ROLE)
             for i in range(window.navigation.count())}
    assert shown["Entries"] == "No entries yet: import them"
    assert shown["Results"] == "No entries to rank yet"
    assert shown["Decisions"] == "No entries to place yet"
    assert shown["Outputs"] == "Nothing written yet"
    entries = window.go_to("Entries")
    assert entries.heading.status.text() == (
        "No entries yet.  <b>Next:</b> use Import… to bring in the export from your entry "
        "platform.")
