"""The panel window's one database worker: work runs on its thread through one connection,
results come back on the GUI thread in order, writes say what kind of thing they changed,
and the thread ends with the window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import add_judge, list_judges
from judgepanel.core.store import Store
from judgepanel.gui.panel_worker import ASSIGNMENTS, JUDGES, KINDS, OUTPUTS, PanelWorker
from judgepanel.gui.tasks import Cancelled

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform noise


@pytest.fixture
def worker(panel_path: Path, qapp: QApplication) -> Iterator[PanelWorker]:
    made = PanelWorker(panel_path)
    yield made
    made.stop()


def gui_thread() -> QThread:
    return QApplication.instance().thread()  # type: ignore[union-attr]


def test_work_runs_on_the_worker_and_results_come_back_in_order(worker: PanelWorker,
                                                               qtbot) -> None:
    ran: list[tuple[QThread, int]] = []
    back: list[tuple[QThread, Any]] = []

    def work(number: int) -> Any:
        def read(store: Store) -> tuple[int, str]:
            ran.append((QThread.currentThread(), id(store)))
            return number, store.title
        return read

    for number in range(5):
        worker.submit(work(number), lambda result: back.append((QThread.currentThread(),
                                                                result)))
    qtbot.waitUntil(lambda: len(back) == 5)
    assert {thread for thread, _ in ran} == {worker.thread_of_work}
    assert worker.thread_of_work is not gui_thread()
    assert len({store for _, store in ran}) == 1  # one connection for everything
    assert [result for _, result in back] == [(n, "Test Awards 2026") for n in range(5)]
    assert {thread for thread, _ in back} == {gui_thread()}


def test_a_write_says_what_kind_of_thing_changed(worker: PanelWorker, qtbot) -> None:
    with qtbot.waitSignal(worker.changed) as notice:
        worker.submit(lambda store: add_judge(store, "Dr Ioana Popescu").id, changes=[JUDGES])
    assert notice.args == [frozenset({JUDGES})]
    assert [j.name for j in worker.call(list_judges)] == ["Dr Ioana Popescu"]
    with pytest.raises(ValueError, match="unknown kinds of change: marks"):
        worker.submit(lambda store: None, changes=["marks"])
    assert {"scores", "judges", "assignments", "decisions", "settings", "outputs"} <= KINDS


def test_a_refused_write_comes_back_as_its_error_and_changes_nothing(worker: PanelWorker,
                                                                     qtbot) -> None:
    errors: list[BaseException] = []
    notices: list[object] = []
    worker.changed.connect(notices.append)
    worker.submit(lambda store: add_judge(store, "  "), on_error=errors.append,
                  changes=[JUDGES])
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], JudgePanelError)
    with pytest.raises(JudgePanelError):
        worker.call(lambda store: add_judge(store, ""))
    with qtbot.waitSignal(worker.problem) as problem:  # no one asked: the window is told
        worker.submit(lambda store: add_judge(store, ""))
    assert problem.args[0].startswith("test.judgepanel: ")
    assert notices == []


def test_long_work_reports_progress_and_stops_when_cancelled(worker: PanelWorker,
                                                             qtbot) -> None:
    outcome: list[BaseException] = []

    def long_work(store: Store, progress) -> None:
        for step in range(1000):
            progress.report(step, 1000, "Working")
            progress.check()
            QThread.msleep(2)

    submitted = worker.submit_long(long_work, on_error=outcome.append)
    submitted.progress.cancel()
    qtbot.waitUntil(lambda: submitted.done, timeout=3000)
    assert isinstance(outcome[0], Cancelled)


def test_stopping_finishes_the_queue_and_ends_the_thread(panel_path: Path, qapp) -> None:
    worker = PanelWorker(panel_path)
    finished: list[int] = []
    for number in range(3):
        worker.submit(lambda store, n=number: finished.append(n) or QThread.msleep(20))
    worker.stop()
    assert finished == [0, 1, 2]
    assert not worker.running
    worker.stop()  # again: nothing to do
    with pytest.raises(RuntimeError, match="the panel is closed"):
        worker.submit(lambda store: None)


def test_the_panel_window_writes_through_its_worker_and_stops_it_on_close(
        open_panel_window, panel_path: Path, qtbot) -> None:
    window = open_panel_window(panel_path)
    statements: list[tuple[str, QThread]] = []
    window.worker.call(lambda store: store.db.conn.set_trace_callback(
        lambda sql: statements.append((sql, QThread.currentThread()))))

    assert window.page("Judges & assignment").add("Dr Ioana Popescu", "ioana@example.org")

    writes = [thread for sql, thread in statements if sql.startswith("INSERT INTO judges")]
    assert writes == [window.worker.thread_of_work]
    assert "Dr Ioana Popescu" in [j.name for j in window.page("Judges & assignment").judges]
    window.close()
    assert not window.worker.running


def test_a_change_notice_refreshes_only_the_pages_that_show_it(open_panel_window,
                                                               panel_path: Path,
                                                               qtbot) -> None:
    window = open_panel_window(panel_path)
    refreshed: list[str] = []
    for page in window.pages:
        real = page.refresh

        def counted(page=page, real=real) -> None:
            refreshed.append(page.title)
            real()
        page.refresh = counted

    window.worker.submit(lambda store: None, changes=[OUTPUTS])
    qtbot.waitUntil(lambda: bool(refreshed))
    qtbot.wait(20)
    assert set(refreshed) == {p.title for p in window.pages if OUTPUTS in p.shows}
    assert "Judges & assignment" not in refreshed and "Audit log" in refreshed

    refreshed.clear()
    window.worker.submit(lambda store: None, changes=[ASSIGNMENTS])
    qtbot.waitUntil(lambda: bool(refreshed))
    qtbot.wait(20)
    assert set(refreshed) == {p.title for p in window.pages if ASSIGNMENTS in p.shows}
    assert "Judges & assignment" in refreshed and "Outputs" not in refreshed
    assert "Awards" not in refreshed


def test_the_chairs_ranking_runs_on_the_worker(tmp_path: Path, qtbot, monkeypatch) -> None:
    """Given the window's worker, the Decisions page works its ranking out there, through
    the worker's one connection: not on the GUI thread, nor on a connection of its own."""
    from chair_panels import bias_panel

    from judgepanel.core import ranking_methods
    from judgepanel.gui.pages.decisions import DecisionsPage

    real = ranking_methods.bias_model
    threads: list[QThread] = []

    def solve(*args: Any, **kwargs: Any) -> Any:  # the real solver, its thread noted
        threads.append(QThread.currentThread())
        return real(*args, **kwargs)

    monkeypatch.setattr(ranking_methods, "bias_model", solve)
    path = bias_panel(tmp_path / "chair.judgepanel")
    worker = PanelWorker(path)
    with Store.open(path) as store:
        page = DecisionsPage(store)
        page.worker = worker
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(lambda: page.ranking is not None and not page.busy, timeout=20000)
        worker.stop()
    assert threads and set(threads) == {worker.thread_of_work}
    assert page.standing_proxy.index(0, 2).data() == "A"
