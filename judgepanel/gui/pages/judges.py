"""The Judges & assignment page: who judges, and which entries each judge is given.

The matrix shows one award at a time, entries down and judges across; a click or Space on a
cell assigns or unassigns, a conflict of interest is marked ⚠ with its reason, and each judge's
heading carries their workload in the award. An award judged in rounds has a round chooser:
a later round's matrix holds only the entries promoted into it, and assigning there is
core.round_packs.assign_round / auto_assign_round (a consensus round has no assignment).
The matrix and the changes made on it are in assignment_matrix.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QMessageBox,
    QWidget,
)

from judgepanel.core.awards import panel_awards
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import Judge, add_judge, edit_judge, list_judges, remove_judge
from judgepanel.core.panel_overview import (
    Coverage,
    coverage,
    judge_loads,
)
from judgepanel.core.rounds import Round, award_rounds
from judgepanel.core.store import Store
from judgepanel.gui.assignment_view import MatrixView
from judgepanel.gui.coordinator_dialogs import JudgeDialog
from judgepanel.gui.forms.ui_judges_page import Ui_JudgesPage
from judgepanel.gui.pages.assignment_matrix import AssignmentMatrix
from judgepanel.gui.pages.common import (
    WHO,
    plural,
    show_error,
)
from judgepanel.gui.panel_models import AssignmentModel, JudgesModel, Matrix
from judgepanel.gui.panel_worker import ASSIGNMENTS, AWARDS, ENTRIES, JUDGES


class JudgesPage(AssignmentMatrix):
    """Judges (add, edit, remove) above the assignment matrix of the chosen award."""

    title = "Judges & assignment"
    shows = frozenset({AWARDS, ENTRIES, JUDGES, ASSIGNMENTS})
    writes = frozenset({JUDGES, ASSIGNMENTS})

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        stack = getattr(parent, "undo_stack", None)  # the window's Edit ▸ Undo, when in one
        self.undo_stack: QUndoStack = stack if isinstance(stack, QUndoStack) else QUndoStack(self)
        self.judges: list[Judge] = []
        self.covered = Coverage(0, 0, 0)
        self.judges_model = JudgesModel(self)
        self.ui = Ui_JudgesPage()
        self.setup_form(self.ui)
        self.judges_table = self.ui.judges_table
        self.judges_table.setModel(self.judges_model)
        self.judges_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.judges_table.doubleClicked.connect(lambda _: self.edit_selected())
        self.add_button = self.ui.add_button
        self.edit_button = self.ui.edit_button
        self.remove_button = self.ui.remove_button
        self.add_button.clicked.connect(self.add_dialog)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)

        self.award = self.ui.award
        self.round_combo = self.ui.round_combo
        self.round_combo.companion = self.ui.round_label
        self.round_combo.hide()
        self.ui.round_label.hide()
        self.auto_button = self.ui.auto_button
        self.conflict_button = self.ui.conflict_button
        self.unconflict_button = self.ui.unconflict_button
        self.auto_button.clicked.connect(self.auto_assign_dialog)
        self.conflict_button.clicked.connect(self.conflict_dialog)
        self.unconflict_button.clicked.connect(self.remove_selected_conflict)
        self.notice = self.ui.notice
        self.notice.hide()
        self.matrix_model = AssignmentModel(self)
        self.matrix: MatrixView = self.ui.matrix
        self.matrix.setModel(self.matrix_model)
        self.matrix.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.matrix.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.matrix.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.matrix.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.matrix.toggle_requested.connect(self.toggle)
        self.matrix.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.ui.split.setStretchFactor(1, 1)
        self.ui.split.setSizes([220, 600])
        self.award.currentIndexChanged.connect(lambda _: self._award_chosen())
        self.round_combo.currentIndexChanged.connect(lambda _: self.refresh_matrix())
        self.refresh()

    # ----- reading ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read judges, awards and the matrix (on the window's database worker)."""
        self.stale = False
        self.judges, loads, awards = self.run(lambda panel: (
            list_judges(panel), judge_loads(panel), panel_awards(panel)))
        self.judges_model.set_rows([{"id": j.id, "name": j.name, "email": j.email,
                                     "role": j.role,
                                     "assigned": loads[j.id].assigned if j.id in loads else 0,
                                     "conflicts": loads[j.id].conflicts if j.id in loads else 0}
                                    for j in self.judges])
        self.judges_table.resizeColumnsToContents()
        self.award.blockSignals(True)  # the matrix is read once, below
        self.award.fill(awards)
        self.award.blockSignals(False)
        self._load_rounds()
        self.refresh_matrix()

    def _load_rounds(self) -> None:
        award_id = self.award.award_id()
        self.round_combo.blockSignals(True)
        self.round_combo.fill(self.run(lambda panel: award_rounds(panel, award_id))
                              if award_id else [])
        self.round_combo.blockSignals(False)

    def _award_chosen(self) -> None:
        self._load_rounds()
        self.refresh_matrix()

    def refresh_matrix(self) -> None:
        current = self.matrix.currentIndex()
        where = (current.row(), current.column()) if current.isValid() else None
        award_id = self.award.currentData()
        if award_id:
            self.matrix_model.set_matrix(self.read_matrix(award_id))
        else:
            self.covered = self.run(coverage)
            self.matrix_model.set_matrix(Matrix())
        self.matrix.resizeColumnsToContents()
        if where and where[0] < self.matrix_model.rowCount() \
                and where[1] < self.matrix_model.columnCount():
            self.matrix.setCurrentIndex(self.matrix_model.index(*where))
        self._update_buttons()
        if self.notice.text().startswith("Nothing to assign in"):
            self.say("")  # said of a consensus round no longer shown
        found = self.later_round()
        if found is not None:
            self._round_status(found)
            return
        self.matrix.show()
        self.heading.set_status(self.summary(), self.next_step())

    def _round_status(self, found: Round) -> None:
        """The heading for a later round: its entries with judges, or why none are given."""
        self.matrix.setVisible(found.kind != "consensus")
        if found.kind == "consensus":
            self.heading.set_status(
                f"{found.name} is agreed in the room by the whole panel: no entries are "
                "assigned to judges in it.", "record the agreed scores in the panel room.")
            first = self.round_combo.rounds[0].name
            self.say(f"Nothing to assign in {found.name}: the whole panel agrees its scores "
                     f"in the room. Choose {first} under Round for its assignment. Conflicts "
                     "of interest hold in every round.")
            return
        rows = self.matrix_model.matrix.entries
        given = {entry for entry, _judge in (key for key, cell in
                                              self.matrix_model.matrix.cells.items()
                                              if cell.assigned)}
        if not rows:
            self.heading.set_status(f"No entries in {found.name} yet.",
                                    "promote entries into it (Results ▸ Rounds…).")
            return
        with_judges = sum(1 for entry, _title in rows if entry in given)
        cells = [cell for cell in self.matrix_model.matrix.cells.values() if cell.assigned]
        done = sum(1 for cell in cells if cell.scored)
        counted = (f"{done} of {plural(len(cells), 'decision')} (pass or fail) made"
                   if found.kind == "qualifying" else f"{done} of {len(cells)} scored")
        self.heading.set_status(
            f"{with_judges} of {plural(len(rows), 'entry', 'entries')} in {found.name} have "
            f"judges; {counted}.", "Auto-assign… the round, or click cells to assign by hand."
            if with_judges < len(rows) else
            f"create {found.name}'s packs (Packs page)." if done < len(cells) else
            f"close {found.name} and promote into the next round (Results ▸ Rounds…).")

    def summary(self) -> str:
        judges = len(self.judges)
        full, total, target = self.coverage()
        if not judges:
            return "No judges yet"
        found = self.later_round()
        if found is not None:  # the round the award is in: its own assignment, as last read
            if found.kind == "consensus":
                return f"{plural(judges, 'judge')}; {found.name} is agreed in the room"
            rows = self.matrix_model.matrix.entries
            given = {entry for (entry, _judge), cell in self.matrix_model.matrix.cells.items()
                     if cell.assigned}
            return (f"{plural(judges, 'judge')}; {found.name}: "
                    f"{sum(1 for entry, _title in rows if entry in given)} of "
                    f"{plural(len(rows), 'entry', 'entries')} have judges")
        if not target:
            return f"{plural(judges, 'judge')}; no entries assigned yet"
        return (f"{plural(judges, 'judge')}; {full} of {plural(total, 'entry', 'entries')} "
                f"have {plural(target, 'judge')}")

    def next_step(self) -> str:
        full, total, target = self.coverage()
        if not self.judges:
            return "use Add judge… for each judge, and for the chair if they score too."
        if not total:
            return "import the entries (Entries page)."
        if not target or full < total:
            return "Auto-assign… each award, or click cells to assign by hand."
        return "create the judges' packs (Packs page)."

    def selected_judge(self) -> Judge | None:
        rows = self.judges_table.selectionModel().selectedRows()
        return self.judges[rows[0].row()] if rows else None

    # ----- judges -----------------------------------------------------------------------

    def add_dialog(self) -> None:
        dialog = JudgeDialog(self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            if self.add(dialog.ui.name.text(), dialog.ui.email.text(),
                        dialog.ui.role.currentText()):
                return

    def add(self, name: str, email: str = "", role: str = "judge") -> bool:
        try:
            self.write(lambda store: add_judge(store, name, email, role, who=WHO))
        except JudgePanelError as exc:
            show_error(self, "Add judge", exc)
            return False
        self._changed()
        return True

    def edit_selected(self) -> None:
        judge = self.selected_judge()
        if judge is None:
            return
        dialog = JudgeDialog(self, judge)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                self.write(partial(edit_judge, judge=judge, name=dialog.ui.name.text(),
                                   email=dialog.ui.email.text(),
                                   role=dialog.ui.role.currentText(), who=WHO))
            except JudgePanelError as exc:
                show_error(self, "Edit judge", exc)
                continue
            self._changed()
            return

    def remove_selected(self) -> None:
        judge = self.selected_judge()
        if judge is None:
            return
        answer = QMessageBox.question(
            self, "Remove judge", f"Remove {judge.name} and their assignments from the panel?")
        if answer == QMessageBox.StandardButton.Yes:
            self.remove(judge)

    def remove(self, judge: Judge) -> bool:
        try:
            self.write(lambda store: remove_judge(store, judge, who=WHO))
        except JudgePanelError as exc:
            show_error(self, "Remove judge", exc)
            return False
        self._changed()
        return True
