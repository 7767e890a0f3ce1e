"""The panel window's GUI thread runs no SQL of its own: the Awards, Entries, Outputs and Audit
log pages re-read the panel, the window reads its navigation and history, an undo writes, the
Import, Award settings and tie-break dialogs read and write, and a refusal names the awards,
all on the window's one database worker (issue 10, item 3).

Each test listens on both connections with sqlite3's `set_trace_callback`: the window's own
Store (the GUI thread's) and the worker's, noting the thread each statement runs on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from coordinator_panels import LST, coordinator_panel
from PySide6.QtCore import Qt, QThread

from judgepanel.core.awards import panel_awards
from judgepanel.core.entries import list_entries
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.moderation import audit_log
from judgepanel.core.store import PANEL, Store
from judgepanel.core.totals import award_settings
from judgepanel.gui.award_settings_dialog import AwardSettingsDialog, TieBreakDialog
from judgepanel.gui.import_dialog import ImportDialog
from judgepanel.gui.pages.common import panel_award_names, window_words
from judgepanel.gui.panel_window import PanelWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform noise
MY_PAGES = ("Awards", "Entries", "Outputs", "Audit log")
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


class Traced:
    """Every statement on the window's GUI-thread Store and on its worker's, with its thread."""

    def __init__(self, window: PanelWindow) -> None:
        self.gui: list[str] = []
        self.worker: list[tuple[str, QThread]] = []
        window.store.db.conn.set_trace_callback(self.gui.append)
        window.worker.call(lambda store: store.db.conn.set_trace_callback(
            lambda sql: self.worker.append((sql, QThread.currentThread()))))
        self.window = window

    def clear(self) -> None:
        self.gui.clear()
        self.worker.clear()

    def stop(self) -> None:
        self.window.store.db.conn.set_trace_callback(None)
        self.window.worker.call(lambda store: store.db.conn.set_trace_callback(None))


@pytest.fixture
def window(open_panel_window: Any, tmp_path: Path) -> PanelWindow:
    window = open_panel_window(coordinator_panel(tmp_path / "awards.judgepanel"))
    assert isinstance(window, PanelWindow)
    window.settle_timer.stop()  # the test reads the traces; settling has its own test
    return window


def test_refreshing_the_pages_and_the_navigation_reads_on_the_worker(window: PanelWindow,
                                                                     qtbot) -> None:
    traced = Traced(window)
    for title in MY_PAGES:
        traced.clear()
        page = window.page(title)
        page.refresh()
        assert traced.gui == [], f"the {title} page read on the GUI thread"
        reads = [sql for sql, _ in traced.worker if sql.lstrip().upper().startswith("SELECT")]
        assert reads, f"the {title} page read nothing through the worker"
        assert {thread for _, thread in traced.worker} == {window.worker.thread_of_work}
    traced.clear()
    entries = window.go_to("Entries")
    entries.table.selectRow(1)  # an entry and its documents, shown from what was read
    assert entries.detail.toPlainText().startswith(entries.model.row(
        entries.proxy.mapToSource(entries.table.currentIndex()).row())["entry"])
    for title in MY_PAGES:
        window.page(title).summary()
    window.update_navigation()
    assert window.current_award() == LST
    assert traced.gui == []
    traced.stop()


def test_what_the_pages_show_is_what_the_panel_holds(window: PanelWindow, qtbot) -> None:
    """Read on the worker, the pages still say what the panel holds (read here on a
    connection of the test's own): awards and sections, entries, the log's records."""
    with Store.open(window.path, PANEL) as own:
        awards, entries, records = panel_awards(own), list_entries(own), audit_log(own)
    sections = sum(len(a.sections) for a in awards)
    assert window.page("Awards").summary() == f"{len(awards)} awards, {sections} sections"
    page = window.page("Entries")
    assert page.summary().startswith(f"{len(entries)} entries in ")
    assert page.heading.status.text().endswith(
        "assign the entries to judges (Judges & assignment).")
    assert sorted(e["entry"] for e in page.entries) == sorted(e["entry"] for e in entries)
    assert window.page("Audit log").summary() == f"{len(records)} records; history intact"
    assert window.page("Outputs").summary() == "Nothing written yet"


def test_an_undo_writes_on_the_worker(window: PanelWindow, qtbot) -> None:
    page = window.go_to("Judges & assignment")
    page.award.setCurrentIndex(page.award.findData(LST))
    index = page.matrix_model.index(0, 0)
    page.toggle(index)
    assert window.undo_action.isEnabled()
    traced = Traced(window)
    window.undo()
    undone = [(sql, thread) for sql, thread in traced.worker
              if sql.lstrip().upper().startswith(WRITES)]
    assert any("assignments" in sql for sql, _ in undone)  # the entry taken back
    assert any("audit" in sql for sql, _ in undone)  # and the undo recorded
    assert {thread for _, thread in undone} == {window.worker.thread_of_work}
    assert traced.gui == []  # nothing read or written on the GUI thread's connection
    assert not page.matrix_model.matrix.cell(*page.matrix_model.position(index)).assigned
    traced.stop()


EXPORT = ("Ref,Category,Project,Nominee,Organisation,Q1,Q2,Q3,Q4,Q5\r\n"
          "NEW-1,Leading Systems Transformation,Joined-up discharge,Ada Lovelace,"
          "Northshire NHS Trust,Partners met weekly,Led the change,Tested,Trained 40 staff,"
          "Co-designed with patients\r\n")


def test_the_import_dialog_reads_the_panel_on_the_worker(window: PanelWindow, qtbot,
                                                          tmp_path: Path) -> None:
    """Opened from the Entries page (on the window's Store), the dialog reads the awards and
    plans its preview through the worker; the preview still names the panel's award."""
    export = tmp_path / "export.csv"
    export.write_text(EXPORT, encoding="utf-8")
    page = window.go_to("Entries")
    traced = Traced(window)
    dialog = ImportDialog(window.path, page, store=page.store)
    qtbot.addWidget(dialog)
    assert dialog.ui.award.findData(LST) > 0  # the panel's awards, read through the worker
    assert dialog.set_file(export)
    assert dialog.ui.preview.rowCount() == 1
    assert dialog.ui.preview.item(0, 1).text() == "Leading Systems Transformation"
    assert traced.gui == [], "the import dialog read on the GUI thread"
    assert any("awards" in sql for sql, _ in traced.worker)
    traced.stop()
    dialog.close()


def test_award_settings_and_a_tie_break_vote_read_and_save_on_the_worker(
        window: PanelWindow, qtbot) -> None:
    traced = Traced(window)
    settings = window.award_settings(LST)
    assert isinstance(settings, AwardSettingsDialog)
    assert settings.windowTitle() == "Settings of Leading Systems Transformation"
    assert traced.gui == [], "the award settings dialog read on the GUI thread"
    settings.places.setValue(2)
    settings.accept()
    assert settings.result() == settings.DialogCode.Accepted
    saved = [(sql, thread) for sql, thread in traced.worker
             if sql.lstrip().upper().startswith(WRITES)]
    assert saved and {thread for _, thread in saved} == {window.worker.thread_of_work}
    assert traced.gui == [], "the award settings were saved on the GUI thread"
    with Store.open(window.path, PANEL) as own:
        award = next(a for a in panel_awards(own) if a.id == LST)
    assert award_settings(award)["places"] == 2
    traced.clear()
    vote = window.tie_break_vote(LST)
    assert isinstance(vote, TieBreakDialog) and vote.entries.list.count() > 1
    for row in range(2):
        vote.entries.list.item(row).setCheckState(Qt.CheckState.Checked)
    vote.reason.setText("A show of hands, 4 to 1")
    vote.accept()
    assert vote.result() == vote.DialogCode.Accepted
    assert any(sql.lstrip().upper().startswith(WRITES) for sql, _ in traced.worker)
    assert traced.gui == [], "the tie-break vote read or wrote on the GUI thread"
    traced.stop()


def test_a_refusal_names_the_award_from_the_worker(window: PanelWindow, qtbot) -> None:
    """show_error puts a refusal in the window's words (the award's name for its id): from
    the window or a dialog opened on its Store, the names are read through the worker."""
    refusal = JudgePanelError(f"award '{LST}' has no entry 'X-9'")
    traced = Traced(window)
    dialog = ImportDialog(window.path, window, store=window.store)
    qtbot.addWidget(dialog)
    settings = window.award_settings(LST)
    assert isinstance(settings, AwardSettingsDialog)
    traced.clear()
    for parent in (window, dialog, settings, window.page("Decisions")):
        names = panel_award_names(parent)
        assert names[LST] == "Leading Systems Transformation"
        assert "Leading Systems Transformation" in window_words(str(refusal), names)
        assert traced.gui == [], f"{type(parent).__name__} read the award names on the GUI thread"
    traced.stop()
    dialog.close()
    settings.reject()


def test_the_decisions_navigation_line_reads_on_the_worker(window: PanelWindow, qtbot) -> None:
    page = window.page("Decisions")
    traced = Traced(window)
    with Store.open(window.path, PANEL) as own:
        total = len(list_entries(own))
    assert page.summary() == f"0 of {total} entries placed"
    assert traced.gui == []
    assert traced.worker
    traced.stop()
