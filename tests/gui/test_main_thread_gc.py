"""Garbage is collected on the GUI thread, never on a worker thread that happens to allocate."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QCoreApplication

from judgepanel.gui.main_thread_gc import INTERVAL_MS, MainThreadCollector


class Cycle:
    """An object in a reference cycle that notes the thread that finally frees it."""

    freed_on: list[str] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        Cycle.freed_on.append(threading.current_thread().name)


def test_a_cycle_dropped_on_a_worker_is_freed_on_the_gui_thread(qtbot, qapp) -> None:
    collector = MainThreadCollector(qapp)
    try:
        assert not gc.isenabled()
        Cycle.freed_on.clear()

        def worker() -> None:
            Cycle()  # dropped at once; only the collector can free it
            [object() for _ in range(50_000)]  # allocations that would trigger a collection

        thread = threading.Thread(target=worker, name="worker")
        thread.start()
        thread.join()
        assert Cycle.freed_on == []  # nothing collected on the worker
        qtbot.waitUntil(lambda: Cycle.freed_on != [], timeout=INTERVAL_MS * 3)
        assert Cycle.freed_on == [threading.main_thread().name]
    finally:
        collector.stop()
        collector.deleteLater()
        QCoreApplication.processEvents()
    # The session's own collector (tests/gui/conftest.py) keeps automatic collection off.
    assert not gc.isenabled()
