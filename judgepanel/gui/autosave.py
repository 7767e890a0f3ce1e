"""Nothing lost: every change reaches the pack within a second, and the pack is backed up.

Scores are written at once; comment typing is gathered for a short pause (at most
`MAX_WAIT_MS` after the first unsaved keystroke) and written in one transaction through
`Judging`. The pack uses a rollback journal with full sync, so a killed process leaves either
the old or the new state, never a damaged file. Backups use SQLite's online backup API.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.scoring import Judging

IDLE_MS = 400
MAX_WAIT_MS = 700
RETRY_MS = 2000
BACKUP_EVERY_MS = 5 * 60 * 1000
BACKUPS_KEPT = 5


class PackWriter(QObject):
    """Writes the judge's changes to the pack and says when it last saved."""

    saved = Signal(str)  # the local time of the save, "14:03:22"
    failed = Signal(str)

    def __init__(self, judging: Judging, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.judging = judging
        self._comments: dict[tuple[str, str], str] = {}
        self._idle = QTimer(self, singleShot=True, interval=IDLE_MS)
        self._deadline = QTimer(self, singleShot=True, interval=MAX_WAIT_MS)
        self._idle.timeout.connect(self.flush)
        self._deadline.timeout.connect(self.flush)

    def set_score(self, entry: str, section: str, value: float | None) -> None:
        """Write a score now, after any comment typed before it."""
        self.flush()
        self._write(lambda: self.judging.set_score(entry, section, value))

    def set_comment(self, entry: str, field: str, text: str) -> None:
        """Remember a comment; it is written after a pause in typing, within a second."""
        self._comments[(entry, field)] = text
        self._idle.start(IDLE_MS)
        if not self._deadline.isActive():
            self._deadline.start()

    def pending_comment(self, entry: str, field: str) -> str | None:
        return self._comments.get((entry, field))

    def flush(self) -> None:
        """Write every comment not yet written, in one transaction."""
        self._idle.stop()
        self._deadline.stop()
        if not self._comments:
            return
        pending, self._comments = self._comments, {}

        try:
            with self.judging.store.transaction():
                for (entry, field), text in pending.items():
                    if field:
                        current = self.judging.scores(entry).get(field, {}).get("value")
                        self.judging.set_score(entry, field, current, comment=text)
                    else:
                        self.judging.set_review(entry, comment=text)
        except (JudgePanelError, sqlite3.Error) as exc:
            # Keep the text (newer typing wins) and try again shortly; say so meanwhile.
            self._comments = {**pending, **self._comments}
            self._idle.start(RETRY_MS)
            self.failed.emit(f"Not saved yet ({exc}); trying again.")
            return
        self.saved.emit(datetime.now().strftime("%H:%M:%S"))

    def set_review(self, entry: str, tags: list[str] | None = None,
                   complete: bool | None = None) -> None:
        self.flush()
        self._write(lambda: self.judging.set_review(entry, tags=tags, complete=complete))

    def _write(self, work: Callable[[], None]) -> None:
        """Write now; a refusal (JudgePanelError) or a disk problem propagates to the caller."""
        work()
        self.saved.emit(datetime.now().strftime("%H:%M:%S"))


def backup_name(pack: Path, when: datetime) -> str:
    return f"{pack.stem} {when:%Y-%m-%d %H%M%S}{pack.suffix}"


def backup_pack(pack: Path, folder: Path, keep: int = BACKUPS_KEPT,
                when: datetime | None = None) -> Path:
    """Copy the pack into `folder` with SQLite's backup API and keep only the newest `keep`.

    Runs on any thread: it opens its own connection to the pack.
    """
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / backup_name(pack, when or datetime.now())
    copy_pack(pack, target)
    mine = sorted(p for p in folder.glob(f"{pack.stem} *{pack.suffix}")
                  if p.name[len(pack.stem) + 1:][:4].isdigit())
    for old in mine[:-keep] if keep else mine:
        old.unlink(missing_ok=True)
    return target


def copy_pack(pack: Path, target: Path) -> None:
    """A complete, self-contained copy of the pack (also how scores are returned)."""
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    source = sqlite3.connect(f"file:{pack}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(str(partial))
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
    finally:
        source.close()
    partial.replace(target)
