"""One database worker for the panel window: every read and write of the panel, in order, on
one thread that owns one connection.

A SQLite connection belongs to one thread, and the window must never wait for the disk or for
an analysis of several awards. The window and its pages submit work as a function of the
`Store`; the result, or the exception, comes back on the GUI thread in the order submitted.
A write names the kinds of thing it changed (`KINDS`) and `changed(kinds)` tells the window,
which refreshes only the pages that show those kinds. The window stops the worker when it
closes, after the work already queued: no thread outlives its window.
"""

from __future__ import annotations

import queue
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from judgepanel.core.panel import open_panel
from judgepanel.core.store import Store
from judgepanel.gui.tasks import Cancelled, Progress

# What a change can touch; pages say which of these they show (`PanelPage.shows`).
AWARDS = "awards"
ENTRIES = "entries"
JUDGES = "judges"
ASSIGNMENTS = "assignments"
SCORES = "scores"
DECISIONS = "decisions"
SETTINGS = "settings"
OUTPUTS = "outputs"
KINDS = frozenset({AWARDS, ENTRIES, JUDGES, ASSIGNMENTS, SCORES, DECISIONS, SETTINGS,
                   OUTPUTS})

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


@dataclass
class _Job:
    work: Callable[[Store, Progress], Any]
    on_done: Done | None
    on_error: Failed | None
    changes: frozenset[str]
    progress: Progress
    relay: QObject
    handle: Submitted
    dialog: QProgressDialog | None = field(default=None)


class Submitted:
    """Work handed to the worker: its progress (to cancel it) and whether it is over."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.done = False


class _Relay(QObject):
    """Carries a job's outcome and progress from the worker thread to the GUI thread."""

    finished = Signal(object, object)  # job, result
    failed = Signal(object, object)  # job, exception
    progressed = Signal(int, int, str)


class _Thread(QThread):
    """Owns the connection: opens it, runs the jobs one by one, closes it."""

    def __init__(self, worker: PanelWorker, opener: Callable[[], Store]) -> None:
        super().__init__()
        self.worker = worker
        self.opener = opener
        self.setObjectName("panel worker")

    def run(self) -> None:
        jobs = self.worker._jobs
        try:
            store = self.opener()
        except BaseException as exc:  # nothing can run: every job says why
            while (job := jobs.get()) is not None:
                self.worker._relay.failed.emit(job, exc)
                jobs.task_done()
            jobs.task_done()
            return
        try:
            while (job := jobs.get()) is not None:
                try:
                    job.progress.check()  # cancelled before it started
                    outcome = job.work(store, job.progress)
                except BaseException as exc:  # handed to the GUI thread, never lost
                    self.worker._relay.failed.emit(job, exc)
                else:
                    self.worker._relay.finished.emit(job, outcome)
                finally:
                    jobs.task_done()
            jobs.task_done()
        finally:
            store.close()


class PanelWorker(QObject):
    """The panel window's one database thread."""

    changed = Signal(object)  # the frozenset of KINDS a finished write changed
    problem = Signal(str)  # a failure no one asked to hear about, in words

    def __init__(self, path: Path | str, parent: QObject | None = None,
                 opener: Callable[[], Store] | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._relay = _Relay()
        self._relay.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self._thread = _Thread(self, opener or (lambda: _open_quietly(self.path)))
        self._stopped = False
        self._thread.start()

    # ----- what the window and pages ask for (GUI thread) --------------------------------

    def submit(self, work: Callable[[Store], Any], on_done: Done | None = None,
               on_error: Failed | None = None, changes: Iterable[str] = ()) -> None:
        """Run `work(store)` on the worker; `on_done(result)` or `on_error(exc)` follow on
        the GUI thread. `changes` are the KINDS a successful `work` changed."""
        self.submit_long(lambda store, _progress: work(store), on_done, on_error, changes)

    def submit_long(self, work: Callable[[Store, Progress], Any], on_done: Done | None = None,
                    on_error: Failed | None = None, changes: Iterable[str] = (),
                    parent: QWidget | None = None, title: str = "") -> Submitted:
        """Long work (import, merge, packs, outputs): `work(store, progress)` may report and
        is cancelled from the progress dialog shown over `parent` (none without one)."""
        kinds = frozenset(changes)
        unknown = kinds - KINDS
        if unknown:
            raise ValueError(f"unknown kinds of change: {', '.join(sorted(unknown))}")
        if self._stopped:
            raise RuntimeError(f"{self.path}: the panel is closed; nothing more can run")
        relay = _Relay()
        progress = Progress(relay)  # type: ignore[arg-type]  # any object with `progressed`
        job = _Job(work, on_done, on_error, kinds, progress, relay, Submitted(progress))
        if parent is not None:
            job.dialog = QProgressDialog(title or "Working…", "Cancel", 0, 0, parent)
            job.dialog.setWindowTitle(title or "JudgePanel")
            job.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            job.dialog.setMinimumDuration(400)
            job.dialog.canceled.connect(progress.cancel)
            relay.progressed.connect(lambda done, total, text, d=job.dialog:
                                     _show_progress(d, done, total, text))
        relay.setParent(self)  # on the GUI thread until the job is over
        self._jobs.put(job)
        return job.handle

    def call(self, work: Callable[[Store], Any], changes: Iterable[str] = ()) -> Any:
        """Run `work(store)` on the worker and return its result (or raise its exception),
        for a quick change whose outcome the caller needs at once (a dialog that stays open
        on a refusal). The window keeps drawing meanwhile; what the user types waits."""
        outcome: dict[str, Any] = {}
        loop = QEventLoop()

        def done(result: Any) -> None:
            outcome["result"] = result
            loop.quit()

        def failed(exc: BaseException) -> None:
            outcome["error"] = exc
            loop.quit()

        self.submit(work, done, failed, changes)
        if not outcome:
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        if "error" in outcome:
            raise outcome["error"]
        return outcome.get("result")

    def wait(self) -> None:
        """Block until everything submitted so far has run (its results are then queued for
        the GUI thread, delivered at the next turn of the event loop)."""
        if self._thread.isRunning():
            self._jobs.join()

    def stop(self) -> None:
        """Finish the work queued, close the connection and end the thread; idempotent."""
        if self._stopped:
            return
        self._stopped = True
        self._jobs.put(None)
        self._thread.wait()

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    @property
    def thread_of_work(self) -> QThread:
        """The thread every submitted function runs on."""
        return self._thread

    # ----- outcomes (GUI thread) ---------------------------------------------------------

    def _finished(self, job: _Job, outcome: Any) -> None:
        _close_dialog(job)
        if job.on_done is not None:
            job.on_done(outcome)
        if job.changes:
            self.changed.emit(job.changes)

    def _failed(self, job: _Job, exc: BaseException) -> None:
        _close_dialog(job)
        if job.on_error is not None:
            job.on_error(exc)
        elif not isinstance(exc, Cancelled):
            self.problem.emit(f"{self.path.name}: {exc}")


def _open_quietly(path: Path) -> Store:
    """The window has already opened this panel and said what is wrong with it, if anything
    (an altered history is a warning, not a refusal): the worker's own opening says nothing."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return open_panel(path)


def _show_progress(dialog: QProgressDialog, done: int, total: int, text: str) -> None:
    dialog.setMaximum(max(total, 0))
    dialog.setValue(min(done, total) if total else 0)
    if text:
        dialog.setLabelText(text)


def _close_dialog(job: _Job) -> None:
    job.handle.done = True
    job.relay.deleteLater()
    if job.dialog is not None:
        job.dialog.reset()
        job.dialog.deleteLater()
        job.dialog = None
