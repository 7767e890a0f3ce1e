"""The judge's two dialogs: declare a conflict of interest, and return the scores."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from judgepanel.gui.forms.ui_conflict_dialog import Ui_ConflictDialog
from judgepanel.gui.forms.ui_return_dialog import Ui_ReturnDialog


class ConflictDialog(QDialog):
    """Asks for the reason; OK stays disabled until one is given."""

    def __init__(self, entry_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ConflictDialog()
        self.ui.setupUi(self)
        self.ui.intro.setText(f"Declare a conflict of interest for <b>{entry_label}</b>.")
        self.ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Declare conflict")
        self.ok.setEnabled(False)
        self.ui.reasonEdit.textChanged.connect(
            lambda: self.ok.setEnabled(bool(self.reason())))
        self.ui.reasonEdit.installEventFilter(self)
        self.ui.reasonEdit.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Enter in the reason box declares the conflict (Shift+Enter starts a new line)."""
        if watched is self.ui.reasonEdit and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            if self.reason():
                self.accept()
            else:
                self.ui.reasonLabel.setText("&Reason: please type why, for example: I work "
                                            "with the nominee")
            return True
        return super().eventFilter(watched, event)

    def reason(self) -> str:
        return self.ui.reasonEdit.toPlainText().strip()


class ReturnDialog(QDialog):
    """The summary a judge sees before saving the copy they send back."""

    def __init__(self, complete: int, total: int, incomplete: list[str], conflicts: int,
                 parent: QWidget | None = None, done: str = "complete",
                 work: str = "scores") -> None:
        """`done` and `work`: "decided" and "decisions" for a qualifying round's pack."""
        super().__init__(parent)
        self.ui = Ui_ReturnDialog()
        self.ui.setupUi(self)
        save = self.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText("Choose where to save…")
        lines = [f"<b>{complete} of {total} entries {done}.</b>"]
        if incomplete:
            lines.append(f"{len(incomplete)} not yet {done}: you can still return your "
                         f"{work} and send the pack again later.")
        else:
            lines.append(f"Every entry is {done}. Thank you.")
        if conflicts:
            lines.append(f"{conflicts} with a conflict of interest declared.")
        self.ui.summary.setText("<br>".join(lines))
        self.ui.details.setPlainText("\n".join(incomplete) or f"None: every entry is {done}.")
        save.setFocus()
