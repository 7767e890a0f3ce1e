"""One helper for background work: run a function on the thread pool, report back on the GUI thread.

The worker never touches widgets. It receives a `Progress` it may report to and check for
cancellation; the result or the exception is posted back to the GUI thread through a signal.
Work that opens the panel must open its own `Store` (one SQLite connection per thread).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class Cancelled(Exception):
    """Raised inside a task when the user pressed Cancel."""


class Progress:
    """What a worker may do: say how far it is, and find out whether to stop."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        self._relay.progressed.emit(done, total, text)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Stop the work here if the user cancelled."""
        if self._cancel.is_set():
            raise Cancelled()

    def cancel(self) -> None:
        self._cancel.set()


class _Relay(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class _Runner(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], relay: _Relay, progress: Progress):
        super().__init__()
        self.work, self.relay, self.progress = work, relay, progress

    def run(self) -> None:
        try:
            outcome = self.work(self.progress)
        except BaseException as exc:  # handed to the GUI thread, never lost
            self.relay.failed.emit(exc)
        else:
            self.relay.finished.emit(outcome)


class Task(QObject):
    """A running piece of background work; keep a reference while it runs."""

    def __init__(self, parent: QWidget | None, work: Callable[[Progress], Any],
                 on_done: Callable[[Any], None],
                 on_error: Callable[[BaseException], None] | None = None,
                 title: str = "", show_progress: bool = True) -> None:
        super().__init__(parent)
        self.relay = _Relay()
        self.progress = Progress(self.relay)
        self.dialog: QProgressDialog | None = None
        self._on_done, self._on_error = on_done, on_error
        self.done = False
        if show_progress and parent is not None:
            self.dialog = QProgressDialog(title or "Working…", "Cancel", 0, 0, parent)
            self.dialog.setWindowTitle(title or "JudgePanel")
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(400)
            self.dialog.canceled.connect(self.progress.cancel)
        self.relay.progressed.connect(self._progressed)
        self.relay.finished.connect(self._finished)
        self.relay.failed.connect(self._failed)
        QThreadPool.globalInstance().start(_Runner(work, self.relay, self.progress))

    def _progressed(self, done: int, total: int, text: str) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(max(total, 0))
            self.dialog.setValue(min(done, total) if total else 0)
            if text:
                self.dialog.setLabelText(text)

    def _close(self) -> None:
        self.done = True
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None

    def _finished(self, outcome: Any) -> None:
        self._close()
        self._on_done(outcome)

    def _failed(self, exc: BaseException) -> None:
        self._close()
        if self._on_error is not None:
            self._on_error(exc)
        elif not isinstance(exc, Cancelled):
            raise exc


def run_task(parent: QWidget | None, work: Callable[[Progress], Any],
             on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None] | None = None,
             title: str = "", show_progress: bool = True) -> Task:
    """Run `work(progress)` off the GUI thread; `on_done(result)` runs back on the GUI thread."""
    return Task(parent, work, on_done, on_error, title, show_progress)


def wait_for_tasks(timeout_ms: int = 30000) -> bool:
    """Wait for every background task (on close, and in tests) so none outlives its widgets."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
