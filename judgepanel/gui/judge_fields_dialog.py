"""The coordinator's choice of the fields judges see, for one award (a tick = judges see it).

Laid out in a Designer form (ui/judge_fields_dialog.ui); the tick boxes, one per field of the
award's entries, come from the panel and are added here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QListWidgetItem, QWidget

from judgepanel.core.judge_fields import JudgeFields
from judgepanel.gui.forms.ui_judge_fields_dialog import Ui_JudgeFieldsDialog


class JudgeFieldsDialog(QDialog):
    """One tick box per field; unticked fields never go into a judge's pack."""

    def __init__(self, choice: JudgeFields, award_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_JudgeFieldsDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(f"{self.windowTitle()} · {award_name}")
        self.fields = self.ui.fields
        self.buttons = self.ui.buttons
        for name in choice.fields:
            item = QListWidgetItem(name, self.fields)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if name in choice.hidden
                               else Qt.CheckState.Checked)

    def hidden(self) -> list[str]:
        items = (self.fields.item(i) for i in range(self.fields.count()))
        return [item.text() for item in items
                if item.checkState() == Qt.CheckState.Unchecked]

    def shown(self) -> list[str]:
        items = (self.fields.item(i) for i in range(self.fields.count()))
        return [item.text() for item in items if item.checkState() == Qt.CheckState.Checked]
