"""The panel file kept whole while the panel window is idle, and when it was last saved.

A coordinator may copy the `.judgepanel` to a USB stick at any moment, so changes waiting in
SQLite's write-ahead log are settled into the file itself once changes stop (here or by
another program), on the window's database worker, never waiting on the GUI thread.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from judgepanel.core.panel_copy import log_state, settle
from judgepanel.gui.panel_models import format_time

if TYPE_CHECKING:
    from judgepanel.gui.panel_window import PanelWindow

SETTLE_EVERY_MS = 1000  # how soon a change (here or by another program) is in the file itself


class LogSettler(QObject):
    """Every second, the write-ahead log settled into the panel file if it changed."""

    def __init__(self, window: PanelWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settled_state: tuple[int, int] | None = None
        self.settling = False
        self.timer = QTimer(window, interval=SETTLE_EVERY_MS)
        self.timer.timeout.connect(self.settle_file)
        self.timer.start()

    def settle_file(self) -> bool:
        """Copy changes waiting in the write-ahead log into the panel file (never waits: the
        worker settles it after the work queued). True when there is nothing to settle."""
        window = self.window
        if window._closed or not window.worker.running:
            return False
        state = log_state(window.path)
        if state is None or state == self.settled_state:
            return True
        if not self.settling:
            self.settling = True

            def settled(whole: bool) -> None:
                self.settling = False
                if whole:
                    self.settled_state = state

            def not_settled(_exc: BaseException) -> None:
                self.settling = False  # the next tick tries again

            window.worker.submit(settle, settled, not_settled)
        return False


def last_saved(path: Path) -> datetime:
    """When the panel file (or its write-ahead log) was last written."""
    stamps = [p.stat().st_mtime for p in (path, Path(f"{path}-wal")) if p.exists()]
    return datetime.fromtimestamp(max(stamps), UTC)


def saved_text(path: Path) -> str:
    """The status bar's words: the file's name and when it was last saved."""
    return f"{path.name} · last saved {format_time(last_saved(path).isoformat())}"
