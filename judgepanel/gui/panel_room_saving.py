"""How the panel room records: every agreed score and the panel's note saved through core
(`record_consensus`, `set_consensus_note`) on the room's own connection, with undo and redo.

A score is saved on the keystroke; the note after a pause in typing (`IDLE_MS`) and at most
`MAX_WAIT_MS` after its first unsaved key, so a killed process loses at most the last second.
Undo and redo go through the same commands as the judge's window (`gui/undo.py`): the room is
their applier.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QUndoStack

from judgepanel.core.consensus import record_consensus, set_consensus_note
from judgepanel.core.errors import JudgePanelError
from judgepanel.gui.undo import OVERALL, SetCommentCommand, SetScoreCommand

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from judgepanel.core.rounds import Round
    from judgepanel.core.store import Store
    from judgepanel.gui.forms.ui_panel_room import Ui_PanelRoom
    from judgepanel.gui.scoring_panel import ScoreBox

IDLE_MS = 400  # a pause in typing the note saves it
MAX_WAIT_MS = 700  # and it is never held longer than this after its first unsaved key


class ConsensusSaving:
    """The recording half of the panel room (`PanelRoom` derives from it): the undo stack, the
    note not yet saved and its two timers, and whether the panel window has been told."""

    # What the room holds and shows, used here.
    store: Store
    who: str
    ui: Ui_PanelRoom
    round: Round | None
    entries: list[str]
    boxes: dict[str, ScoreBox]
    scores: dict[str, dict[str, float | None]]
    notes: dict[str, str]
    changed: SignalInstance

    if TYPE_CHECKING:  # what the room does, used here
        @property
        def current(self) -> str | None: ...

        def show_entry(self, index: int) -> None: ...

        def set_editable(self, editable: bool) -> None: ...

        def _show_total(self) -> None: ...

        def _update_projector(self) -> None: ...

        def _refuse(self, text: str) -> None: ...

    def _start_saving(self, room: QObject) -> None:
        """Called once by the room's constructor (`room` is itself), before anything can be
        typed."""
        self.undo_stack = QUndoStack(room)
        self._typing = False
        self._pending_note: tuple[str, str] | None = None
        self._unreported = False  # saved since `changed` was last emitted
        self._note_idle = QTimer(room, singleShot=True, interval=IDLE_MS)
        self._note_deadline = QTimer(room, singleShot=True, interval=MAX_WAIT_MS)
        self._note_idle.timeout.connect(self.flush)
        self._note_deadline.timeout.connect(self.flush)

    def _score_typed(self, section: str, value: float | None, quick: bool) -> None:
        entry = self.current
        if entry is None:
            return
        command = SetScoreCommand(self, entry, section, self.scores[entry].get(section), value)
        command.quick = quick
        self.undo_stack.push(command)

    def _note_typed(self) -> None:
        entry = self.current
        if entry is None or self.ui.note.isReadOnly():
            return
        text = self.ui.note.toPlainText()
        command = SetCommentCommand(self, entry, OVERALL, self.notes.get(entry, ""), text)
        command.setText(f"Edit the panel's note on {entry}")
        self._typing = True
        try:
            self.undo_stack.push(command)
        finally:
            self._typing = False

    def apply_score(self, entry: str, section: str, value: float | None) -> None:
        """Save a score (typed, undone or redone) at once, on the entry concerned."""
        if entry != self.current and entry in self.entries:
            self.show_entry(self.entries.index(entry))
        found = self.round
        if found is not None and self._save(lambda: record_consensus(
                self.store, found.award, found.id, entry, section, value, who=self.who)):
            self.scores[entry][section] = value
        if entry == self.current:
            self.boxes[section].set_score(self.scores[entry].get(section))
            self._show_total()
        self._update_projector()

    def apply_comment(self, entry: str, field: str, text: str) -> None:
        """The note: typing is saved after a short pause; undo and redo at once."""
        if entry != self.current and entry in self.entries:
            self.show_entry(self.entries.index(entry))
        self.notes[entry] = text
        if entry == self.current:
            self.ui.note.set_text_quietly(text)
        self._pending_note = (entry, text)
        if self._typing:
            self._note_idle.start(IDLE_MS)
            if not self._note_deadline.isActive():
                self._note_deadline.start()
        else:
            self.flush()
        self._update_projector()

    def apply_complete(self, entry: str, complete: bool) -> bool:
        return False  # a consensus round has no "complete" mark

    def flush(self) -> None:
        """Save the note typed and not yet saved."""
        self._note_idle.stop()
        self._note_deadline.stop()
        if self._pending_note is None or self.round is None:
            return
        (entry, text), self._pending_note = self._pending_note, None
        found = self.round
        self._save(lambda: set_consensus_note(self.store, found.award, found.id, entry, text,
                                              who=self.who))

    def _save(self, write: Callable[[], object]) -> bool:
        try:
            write()
        except JudgePanelError as exc:
            self._refuse(f"Not saved: {exc}")
            if "is closed" in str(exc):
                self.set_editable(False)
            return False
        self.ui.saved_label.setText(f"Saved {datetime.now():%H:%M:%S}")
        self._unreported = True
        return True

    def _report_changes(self) -> None:
        """Tell the panel window, once, that something was saved since it was last told."""
        if self._unreported:
            self._unreported = False
            self.changed.emit()
