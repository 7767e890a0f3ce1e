"""Python's garbage collector runs on the GUI thread only.

The collector may run on whichever thread happens to allocate. When it runs on a worker thread
(a background task, the panel's database worker) and frees a cycle that holds Qt objects, Qt
deletes them on the wrong thread and the application can crash. As Anki does, automatic
collection is switched off and a timer on the GUI thread collects instead.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 1000  # often enough to keep memory flat, rare enough to cost nothing noticeable


class MainThreadCollector(QObject):
    """Owns the timer; `stop()` gives collection back to Python."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ticks = 0
        self.was_enabled = gc.isenabled()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    def collect(self) -> None:
        """The young generation each second, older ones more rarely (a full one is slow)."""
        self.ticks += 1
        gc.collect(2 if self.ticks % 30 == 0 else 1 if self.ticks % 5 == 0 else 0)

    def stop(self) -> None:
        self.timer.stop()
        gc.collect()
        if self.was_enabled:
            gc.enable()


def collect_on_gui_thread(app: QCoreApplication) -> MainThreadCollector:
    """Install the collector for the application's lifetime (parented to it)."""
    return MainThreadCollector(app)
