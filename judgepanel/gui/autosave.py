"""Nothing lost: every change reaches the pack within a second, and the pack is backed up.

One writer thread, with its own connection, makes every change through a `ScoringSession`,
in order, each in a transaction; the GUI thread only queues work and never waits for the disk
(a commit with full sync can take tens of milliseconds on a busy laptop). Scores are queued at
once; comment typing is gathered for a short pause (at most `MAX_WAIT_MS` after the first
unsaved keystroke). The pack uses a rollback journal with full sync, so a killed process
leaves either the old or the new state, never a damaged file. Backups (core's
`pack_backups`) use SQLite's online backup API.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.pack_backups import BACKUPS_KEPT, backup_name, backup_pack
from judgepanel.core.pack_files import copy_pack
from judgepanel.core.packs import open_pack
from judgepanel.core.scoring_session import ScoringSession

__all__ = ["BACKUPS_KEPT", "BACKUP_EVERY_MS", "IDLE_MS", "MAX_WAIT_MS", "PackWriter",
           "backup_name", "backup_pack", "copy_pack"]

IDLE_MS = 400
MAX_WAIT_MS = 700
BACKUP_EVERY_MS = 5 * 60 * 1000

Write = Callable[[ScoringSession], object]
Job = tuple[list[str], Write]  # the entries a write touches, and the write


class PackWriter(QObject):
    """Queues the judge's changes for the writer thread and reports what became of them."""

    saved = Signal(str)  # the local time of the save, "14:03:22"
    failed = Signal(str)
    status_changed = Signal(str, str, int)  # entry, its status, sections scored

    def __init__(self, pack: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._comments: dict[tuple[str, str], str] = {}
        self._idle = QTimer(self, singleShot=True, interval=IDLE_MS)
        self._deadline = QTimer(self, singleShot=True, interval=MAX_WAIT_MS)
        self._idle.timeout.connect(self.flush)
        self._deadline.timeout.connect(self.flush)
        self._jobs: queue.Queue[Job | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, args=(Path(pack),),
                                        name="pack writer", daemon=True)
        self._thread.start()

    # ----- what the window asks for (GUI thread) -----------------------------------------

    def set_score(self, entry: str, section: str, value: float | None) -> None:
        """Queue a score now, after any comment typed before it."""
        self.flush()
        self.submit([entry], lambda session: session.set_score(entry, section, value))

    def set_comment(self, entry: str, field: str, text: str) -> None:
        """Remember a comment; it is queued after a pause in typing, within a second."""
        self._comments[(entry, field)] = text
        self._idle.start(IDLE_MS)
        if not self._deadline.isActive():
            self._deadline.start()

    def set_review(self, entry: str, tags: list[str] | None = None,
                   complete: bool | None = None) -> None:
        self.flush()
        self.submit([entry], lambda session: session.set_review(entry, tags=tags,
                                                                complete=complete))

    def declare_conflict(self, entry: str, reason: str) -> None:
        self.flush()
        self.submit([entry], lambda session: session.declare_conflict(entry, reason))

    def flush(self) -> None:
        """Queue every comment not yet written, as one transaction."""
        self._idle.stop()
        self._deadline.stop()
        if not self._comments:
            return
        pending, self._comments = self._comments, {}
        self.submit(sorted({entry for entry, _ in pending}),
                    lambda session: session.set_comments(pending))

    def submit(self, entries: list[str], write: Write) -> None:
        self._jobs.put((entries, write))

    def wait(self) -> None:
        """Block until everything queued so far is in the file (return, close, tests)."""
        self.flush()
        self._jobs.join()

    def close(self) -> None:
        """Write what is pending, then stop the thread and close its connection."""
        if not self._thread.is_alive():
            return
        self.flush()
        self._jobs.put(None)
        self._thread.join()

    # ----- the writer thread -------------------------------------------------------------

    def _run(self, pack: Path) -> None:
        try:
            store = open_pack(pack)
        except JudgePanelError as exc:  # nothing can be saved: say so for every change
            self._refuse_all(f"Not saved: {exc}")
            return
        try:
            session = ScoringSession(store)
        except Exception as exc:  # noqa: BLE001 - the thread must live to say so
            store.close()
            self._refuse_all(f"Not saved: {pack}: the pack cannot be read ({exc})")
            return
        try:
            while True:
                job = self._jobs.get()
                try:
                    if job is None:
                        return
                    self._do(session, job)
                finally:
                    self._jobs.task_done()
        finally:
            store.close()

    def _refuse_all(self, message: str) -> None:
        while True:
            job = self._jobs.get()
            self._jobs.task_done()
            if job is None:
                return
            self.failed.emit(message)

    def _do(self, session: ScoringSession, job: Job) -> None:
        entries, write = job
        try:
            write(session)
        except JudgePanelError as exc:
            self.failed.emit(f"Not saved: {exc}")
        except Exception as exc:  # noqa: BLE001 - a dead writer would lose every later change
            self.failed.emit(f"Not saved: {session.store.path}: {type(exc).__name__}: {exc}")
        else:
            self.saved.emit(datetime.now().strftime("%H:%M:%S"))
        for entry in entries:  # the list shows what the file now says, saved or not
            self.status_changed.emit(entry, *session.progress(entry))
