"""New panel: its title and which awards it judges (at least one), then where to save it.

Used by the start screen and by File ▸ New panel… in the panel window. Nothing is written
until the title, the awards and the file name are all given; a problem is said in the dialog
itself, never by closing it silently.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QListWidgetItem, QWidget

from judgepanel.core.awards import Award, builtin_awards, load_award
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.panel import create_panel
from judgepanel.gui.forms.ui_new_panel_dialog import Ui_NewPanelDialog

AWARD_ROLE = Qt.ItemDataRole.UserRole + 1


class NewPanelDialog(QDialog):
    """Ask for the title and the awards; `created` is the new panel's path once written."""

    def __init__(self, folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_NewPanelDialog()
        self.ui.setupUi(self)
        self.folder = folder or Path.home()
        self.created: Path | None = None
        self.extra: dict[str, Award] = {}
        for award in builtin_awards():
            self._add_award(award, checked=False)
        self.ui.problem.hide()
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.addFromFile.clicked.connect(self._choose_award_file)
        self.ui.title.textChanged.connect(lambda _: self.ui.problem.hide())
        self.ui.awards.itemChanged.connect(lambda _: self.ui.problem.hide())

    def _add_award(self, award: Award, checked: bool) -> None:
        item = QListWidgetItem(award.name)
        item.setData(AWARD_ROLE, award.id)
        item.setToolTip(award.description or award.name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.ui.awards.addItem(item)

    def _choose_award_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Add an award from a file",
                                              str(self.folder), "Award files (*.toml)")
        if name:
            self.add_award_file(Path(name))

    def add_award_file(self, path: Path) -> bool:
        try:
            award = load_award(path)
        except JudgePanelError as exc:
            self.say(f"{path.name} could not be read as an award: {exc}")
            return False
        self.extra[award.id] = award
        self._add_award(award, checked=True)
        return True

    # ----- what was chosen --------------------------------------------------------------

    def title(self) -> str:
        return " ".join(self.ui.title.text().split())

    def set_awards(self, award_ids: list[str]) -> None:
        for row in range(self.ui.awards.count()):
            item = self.ui.awards.item(row)
            wanted = item.data(AWARD_ROLE) in award_ids
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def chosen_awards(self) -> list[Award]:
        known = {a.id: a for a in builtin_awards()} | self.extra
        items = (self.ui.awards.item(row) for row in range(self.ui.awards.count()))
        return [known[item.data(AWARD_ROLE)] for item in items
                if item.checkState() == Qt.CheckState.Checked]

    def problem(self) -> str:
        """What is still missing before the panel can be made ('' when nothing)."""
        if not self.title():
            return "Type a title for the panel, for example the programme and year."
        if not self.chosen_awards():
            return "Tick at least one award for the panel to judge."
        return ""

    def say(self, text: str) -> None:
        self.ui.problem.setText(text)
        self.ui.problem.setVisible(bool(text))

    # ----- making it --------------------------------------------------------------------

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.say(problem)
            return
        name, _ = QFileDialog.getSaveFileName(
            self, "Save the new panel as", str(self.folder / f"{self.title()}.judgepanel"),
            "Panels (*.judgepanel)", options=QFileDialog.Option.DontConfirmOverwrite)
        if name and self.create_at(Path(name)):
            super().accept()

    def create_at(self, path: Path) -> bool:
        """Write the new panel at `path` (".judgepanel" added); say why not if it cannot."""
        problem = self.problem()
        if problem:
            self.say(problem)
            return False
        path = path.with_suffix(".judgepanel")
        try:
            create_panel(path, self.title(), self.chosen_awards()).close()
        except JudgePanelError as exc:
            self.say(f"The panel could not be made: {exc}")
            return False
        self.created = path
        return True
