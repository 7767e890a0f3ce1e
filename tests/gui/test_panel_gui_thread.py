"""The panel window's GUI thread runs no SQL of its own: the Awards, Entries, Outputs and Audit
log pages re-read the panel, the window reads its navigation and history, and an undo writes,
all on the window's one database worker (issue 10, item 3).

Each test listens on both connections with sqlite3's `set_trace_callback`: the window's own
Store (the GUI thread's) and the worker's, noting the thread each statement runs on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from coordinator_panels import LST, coordinator_panel
from PySide6.QtCore import QThread

from judgepanel.core.awards import panel_awards
from judgepanel.core.entries import list_entries
from judgepanel.core.moderation import audit_log
from judgepanel.core.store import PANEL, Store
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
    assert [sql for sql in traced.gui if sql.lstrip().upper().startswith(WRITES)] == []
    assert not page.matrix_model.matrix.cell(*page.matrix_model.position(index)).assigned
    traced.stop()
