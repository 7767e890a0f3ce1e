"""The judge's pass or fail for a qualifying round, in place of the section scores.

Laid out by its Designer form (ui/vote_panel.ui). The widgets only report what the judge did
(signals); the judge's window saves each vote at once through its pack writer. P passes the
entry and F fails it (the window keeps both keys while the list, the entry or these buttons
have the focus); a fail needs a reason, typed in the box below, saved as it is typed.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Protocol

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QUndoCommand
from PySide6.QtWidgets import QWidget

from judgepanel.gui.forms.ui_vote_panel import Ui_VotePanel
from judgepanel.gui.icons import status_icon
from judgepanel.gui.judge_models import STATUS_ROLE, EntryListModel, Index

UNDECIDED = "not decided"
# The list's words for a vote, and the shape each shows (the words carry the meaning): a
# pass is ticked as a complete entry is, an undecided entry an empty ring, a fail crossed.
VOTE_STATUSES = {"pass": "complete", UNDECIDED: "not started"}
FAIL_COLOUR = "#8A1538"  # NHS dark pink: apart from the conflict sign's red
VOTE_FILTERS = (("Entries to decide: all", None), ("Not decided", UNDECIDED),
                ("Passed", "pass"), ("Failed", "fail"))


VOTE_ID = 3  # QUndoCommand id: typing one reason merges into one command
Vote = tuple[bool | None, str]  # pass (True), fail (False) or undecided (None), and the reason


class VoteApplier(Protocol):
    """What the command needs from the judge's window."""

    def apply_vote(self, entry: str, vote: Vote, typed: bool = False) -> None: ...


class SetVoteCommand(QUndoCommand):
    """A vote changed (pass, fail, undecided) or its reason was typed: one undoable step."""

    def __init__(self, applier: VoteApplier, entry: str, before: Vote, after: Vote,
                 typed: bool = False) -> None:
        super().__init__()
        self.applier, self.entry, self.before, self.after = applier, entry, before, after
        self.typed = typed  # reason typing: saved after a pause, merged into one step
        self.done = False  # redone once already (pushed)
        word = {True: "Pass", False: "Fail", None: "Undecided"}[after[0]]
        self.setText(f"Edit the reason for {entry}" if typed else f"{word}: {entry}")

    def id(self) -> int:
        return VOTE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, SetVoteCommand) or not (self.typed and other.typed) or \
                other.entry != self.entry:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        # While typing, the reason waits for a pause; Redo later saves it at once.
        self.applier.apply_vote(self.entry, self.after, self.typed and not self.done)
        self.done = True

    def undo(self) -> None:
        self.applier.apply_vote(self.entry, self.before)


def vote_status(passed: bool | None, reason: str) -> str:
    """The list's status for a vote as the file holds it (a fail with no reason is none)."""
    if passed is None or (passed is False and not reason.strip()):
        return UNDECIDED
    return "pass" if passed else "fail"


class VoteListModel(EntryListModel):
    """The judge's entries with their vote: "pass", "fail" or "not decided"."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and index.isValid() and index.column() == 2:
            status = str(super().data(index, STATUS_ROLE))
            return fail_icon() if status == "fail" else status_icon(
                VOTE_STATUSES.get(status, status))
        return super().data(index, role)


@cache
def fail_icon() -> QIcon:
    """A filled ring with a white cross: a fail, told apart from a pass by its shape."""
    size = 32
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(FAIL_COLOUR)
    painter.setPen(QPen(colour, 3))
    painter.setBrush(colour)
    painter.drawEllipse(QRectF(4, 4, size - 8, size - 8))
    painter.setPen(QPen(QColor("white"), 3.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(QPointF(11.5, 11.5), QPointF(20.5, 20.5))
    painter.drawLine(QPointF(20.5, 11.5), QPointF(11.5, 20.5))
    painter.end()
    return QIcon(pixmap)


class VotePanel(QWidget):
    """Pass, fail (with its reason) or undecided, for the entry on show."""

    vote_chosen = Signal(object)  # True: pass, False: fail, None: undecided
    reason_changed = Signal(str)
    conflict_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_VotePanel()
        self.ui.setupUi(self)
        self.ui.voteMessage.hide()
        lines = self.fontMetrics().lineSpacing()
        self.ui.reason.setMinimumHeight(lines * 4 + 12)
        self.ui.reason.setMaximumHeight(lines * 8 + 12)
        self.ui.passButton.clicked.connect(lambda: self.vote_chosen.emit(True))
        self.ui.failButton.clicked.connect(lambda: self.vote_chosen.emit(False))
        self.ui.clearButton.clicked.connect(lambda: self.vote_chosen.emit(None))
        self.ui.reason.textChanged.connect(
            lambda: self.reason_changed.emit(self.ui.reason.toPlainText()))
        self.ui.reason.escaped.connect(self.focus_buttons)
        self.ui.conflictButton.clicked.connect(self.conflict_requested)

    def show_entry(self, heading: str, passed: bool | None, reason: str) -> None:
        self.ui.heading.setText(heading)
        self.ui.reason.set_text_quietly(reason)
        self.set_vote(passed, reason)
        self.set_message("")

    def set_vote(self, passed: bool | None, reason: str) -> None:
        """Show a vote (what the window last saved or is saving) without reporting it."""
        self.ui.passButton.setChecked(passed is True)
        self.ui.failButton.setChecked(passed is False)
        self.ui.clearButton.setEnabled(passed is not None)
        if passed is None:
            text = "Not decided yet."
        elif passed:
            text = "<b>Pass</b>: this entry goes through, as far as you are concerned."
        elif reason.strip():
            text = "<b>Fail</b>: this entry does not go through, for the reason below."
        else:
            text = ("<b>Fail</b>, not saved yet: a fail needs a reason. Type it below; it is "
                    "saved as you type.")
        self.ui.decision.setText(text)
        self.ui.reasonLabel.setText("&Reason (needed for a fail):" if passed is not False
                                    else "&Reason for the fail (needed):")

    def reason(self) -> str:
        return self.ui.reason.toPlainText()

    def set_message(self, text: str) -> None:
        self.ui.voteMessage.setText(text)
        self.ui.voteMessage.setVisible(bool(text))

    def focus_buttons(self) -> None:
        button = self.ui.failButton if self.ui.failButton.isChecked() else self.ui.passButton
        button.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_reason(self) -> None:
        self.ui.reason.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ui.reason.moveCursor(self.ui.reason.textCursor().MoveOperation.End)

    def key_widgets(self) -> list[QWidget]:
        """The widgets where P and F vote (not the reason box, where they are letters)."""
        return [self, self.ui.passButton, self.ui.failButton, self.ui.clearButton,
                self.ui.conflictButton]
