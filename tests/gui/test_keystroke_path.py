"""The judge's keystroke path: a typed score or comment reaches the pack in a handful of
SQL statements, counted on the writer thread's own connection as the real window saves."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from keys import activate, press, type_text
from PySide6.QtCore import Qt

from judgepanel.core.packs import open_pack
from judgepanel.core.scoring import Judging

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


class WriterTrace:
    """Every statement the writer thread's connection runs once installed, and on which
    thread: installed by a job on the writer itself, as any save is made."""

    def __init__(self, window) -> None:
        self.statements: list[str] = []
        self.threads: set[str] = set()
        window.writer.submit([], lambda session: session.store.db.conn.set_trace_callback(
            self._traced))
        window.writer.wait()
        self.statements.clear()

    def _traced(self, sql: str) -> None:
        self.statements.append(sql)
        self.threads.add(threading.current_thread().name)


def test_a_typed_score_is_at_most_four_statements(open_judge_window, pack_path: Path,
                                                  qtbot) -> None:
    window = open_judge_window(pack_path)
    activate(window, qtbot)
    trace = WriterTrace(window)
    statements = trace.statements
    first = next(iter(window.ui.scoringPanel.cards))

    press(Qt.Key.Key_7)
    window.writer.wait()

    assert len(statements) <= 4, statements
    assert sum(s.startswith("INSERT INTO scores") for s in statements) == 1
    assert trace.threads == {"pack writer"}
    with open_pack(pack_path) as store:
        assert Judging.for_pack(store).scores("E-101")[first]["value"] == 7
    qtbot.waitUntil(lambda: window.model.entry("E-101").status_text
                    == "in progress (1 of 5)")

    statements.clear()
    window.step_entry(1)
    press(Qt.Key.Key_3)  # the next entry, first visit: still no re-reading
    window.writer.wait()
    assert len(statements) <= 4, statements


def test_a_typed_comment_is_one_short_transaction(open_judge_window, pack_path: Path,
                                                  qtbot) -> None:
    window = open_judge_window(pack_path)
    activate(window, qtbot)
    trace = WriterTrace(window)
    statements = trace.statements
    press(Qt.Key.Key_F2)
    type_text("Clear evidence of system-wide change")
    window.writer.wait()
    assert len(statements) <= 4, statements
    with open_pack(pack_path) as store:
        scores = Judging.for_pack(store).scores("E-101")
    assert "Clear evidence of system-wide change" in [r["comment"] for r in scores.values()]


def test_a_change_made_by_another_program_is_read_before_the_next_save(
        open_judge_window, pack_path: Path, qtbot) -> None:
    """Scores keyed into the pack elsewhere (`scores import` on the same file) are not lost
    or overwritten by what the window's writer held in memory."""
    window = open_judge_window(pack_path)
    activate(window, qtbot)
    sections = list(window.ui.scoringPanel.cards)
    with open_pack(pack_path) as store:
        Judging.for_pack(store).set_score("E-101", sections[1], 4, comment="keyed from paper")
    press(Qt.Key.Key_6)  # the first section, in the window
    window.writer.wait()
    with open_pack(pack_path) as store:
        scores = Judging.for_pack(store).scores("E-101")
    assert scores[sections[0]]["value"] == 6
    assert scores[sections[1]]["value"] == 4
    assert scores[sections[1]]["comment"] == "keyed from paper"
    qtbot.waitUntil(lambda: window.model.entry("E-101").status_text
                    == "in progress (2 of 5)")


def test_a_pack_the_writer_cannot_read_says_so_and_never_hangs(pack_path: Path, qtbot) -> None:
    """A pack damaged outside JudgePanel: every change is reported as not saved, and waiting
    for the writer (on return, on close) still comes back."""
    import sqlite3

    from judgepanel.gui.autosave import PackWriter

    with sqlite3.connect(pack_path) as conn:
        conn.execute("DROP TABLE reviews")
    conn.close()
    writer = PackWriter(pack_path)
    try:
        with qtbot.waitSignal(writer.failed, timeout=3000) as failure:
            writer.set_score("E-101", "Q1", 5)
        writer.wait()
        assert failure.args[0].startswith("Not saved: ")
        assert "cannot be read" in failure.args[0] and "reviews" in failure.args[0]
    finally:
        writer.close()
