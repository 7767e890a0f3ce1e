"""The coordinator's small dialogs: a judge, auto-assign, a conflict, the packs to create.

Each is a Designer form from ui/ held as `self.ui`; the pages read the chosen values from it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QListWidgetItem, QWidget

from judgepanel.core.judges import ROLES, Judge
from judgepanel.gui.forms.ui_auto_assign_dialog import Ui_AutoAssignDialog
from judgepanel.gui.forms.ui_create_packs_dialog import Ui_CreatePacksDialog
from judgepanel.gui.forms.ui_judge_dialog import Ui_JudgeDialog
from judgepanel.gui.forms.ui_record_conflict_dialog import Ui_RecordConflictDialog
from judgepanel.gui.pages.common import plural


class JudgeDialog(QDialog):
    """Add or edit one judge: name, e-mail, role."""

    def __init__(self, parent: QWidget | None = None, judge: Judge | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_JudgeDialog()
        self.ui.setupUi(self)
        self.ui.role.addItems(list(ROLES))
        self.setWindowTitle("Edit judge" if judge else "Add judge")
        if judge:
            self.ui.name.setText(judge.name)
            self.ui.email.setText(judge.email)
            self.ui.role.setCurrentText(judge.role)


class AutoAssignDialog(QDialog):
    """How many judges per entry, and an optional seed for a reproducible draw."""

    def __init__(self, award_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AutoAssignDialog()
        self.ui.setupUi(self)
        self.ui.award.setText(award_name)

    def seed(self) -> int | None:
        value = self.ui.seed.value()
        return None if value < 0 else value


class RecordConflictDialog(QDialog):
    """Which judge, which entry, and why."""

    def __init__(self, judges: list[Judge], entries: list[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RecordConflictDialog()
        self.ui.setupUi(self)
        for judge in judges:
            self.ui.judge.addItem(judge.name, judge.id)
        for entry, title in entries:
            self.ui.entry.addItem(f"{entry}  {title}", entry)


class CreatePacksDialog(QDialog):
    """Which judges get a pack, and the folder the packs go into."""

    def __init__(self, judges: list[tuple[Judge, int]], folder: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CreatePacksDialog()
        self.ui.setupUi(self)
        for judge, entries in judges:
            item = QListWidgetItem(f"{judge.name}  ({plural(entries, 'entry', 'entries')})")
            item.setData(Qt.ItemDataRole.UserRole, judge.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if entries else Qt.CheckState.Unchecked)
            self.ui.judges.addItem(item)
        self.ui.folder.setText(folder)
        self.ui.browse.clicked.connect(self._browse)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Folder for the packs",
                                                  self.ui.folder.text())
        if chosen:
            self.ui.folder.setText(chosen)

    def chosen_judges(self) -> list[int]:
        items = (self.ui.judges.item(i) for i in range(self.ui.judges.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items
                if item.checkState() == Qt.CheckState.Checked]
