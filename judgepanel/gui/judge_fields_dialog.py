"""The coordinator's choice of the fields judges see, for one award (a tick = judges see it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from judgepanel.core.judge_fields import JudgeFields


class JudgeFieldsDialog(QDialog):
    """One tick box per field; unticked fields never go into a judge's pack."""

    def __init__(self, choice: JudgeFields, award_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Fields judges see · {award_name}")
        layout = QVBoxLayout(self)
        intro = QLabel("Tick what judges see. Unticked fields never go into their packs; the "
                       "report, feedback and certificates still use them. Untick nominee and "
                       "organisation for anonymised judging (entries are then shown by id "
                       "and title).", self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.fields = QListWidget(self)
        self.fields.setAccessibleName("Fields judges see")
        for name in choice.fields:
            item = QListWidgetItem(name, self.fields)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if name in choice.hidden
                               else Qt.CheckState.Checked)
        layout.addWidget(self.fields)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def hidden(self) -> list[str]:
        items = (self.fields.item(i) for i in range(self.fields.count()))
        return [item.text() for item in items
                if item.checkState() == Qt.CheckState.Unchecked]

    def shown(self) -> list[str]:
        items = (self.fields.item(i) for i in range(self.fields.count()))
        return [item.text() for item in items if item.checkState() == Qt.CheckState.Checked]
