"""The assignment matrix of the Judges & assignment page: reading one award's (or a later
round's) entries against every judge, assigning or unassigning a cell, Auto-assign…, and
recording or removing a conflict of interest, each said in a line under the buttons.

A later round's matrix holds only the entries promoted into it, and assigning there is
core.round_packs.assign_round / auto_assign_round (a consensus round has no assignment).
`JudgesPage` (judges.py) builds the widgets these use and holds the judges' own list.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TypeVar, cast

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QLabel, QPushButton

from judgepanel.core.assignment import auto_assign
from judgepanel.core.assignment_changes import toggle_assignment
from judgepanel.core.conflicts import record_conflict, remove_conflict
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import Judge
from judgepanel.core.panel_details import award_entry_counts
from judgepanel.core.panel_overview import (
    AssignmentGrid,
    Coverage,
    assignment_grid,
    coverage,
    entry_choices,
)
from judgepanel.core.round_overview import round_assignment_grid, unassign_round
from judgepanel.core.round_packs import assign_round, auto_assign_round
from judgepanel.core.rounds import Round, round_entries
from judgepanel.core.store import Store
from judgepanel.gui.assignment_view import MatrixView
from judgepanel.gui.coordinator_dialogs import AutoAssignDialog, RecordConflictDialog
from judgepanel.gui.coordinator_undo import (
    AssignmentCommand,
    RecordConflictCommand,
    RemoveConflictCommand,
)
from judgepanel.gui.pages.choosers import AwardChooser, RoundChooser
from judgepanel.gui.pages.common import (
    WHO,
    PanelPage,
    panel_award_names,
    plural,
    show_error,
    warning_colour,
    window_words,
)
from judgepanel.gui.panel_models import AssignmentModel, Matrix, MatrixCell

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")


class AssignmentMatrix(PanelPage):
    """The chosen award's assignment matrix and the changes made on it (its widgets made by
    the Judges & assignment page)."""

    undo_stack: QUndoStack
    judges: list[Judge]
    covered: Coverage
    award: AwardChooser
    round_combo: RoundChooser
    matrix: MatrixView
    matrix_model: AssignmentModel
    notice: QLabel
    auto_button: QPushButton
    conflict_button: QPushButton
    unconflict_button: QPushButton

    def later_round(self) -> Round | None:
        """The later round chosen (None: the award's first round, its own assignment)."""
        return self.round_combo.later_round()

    def read_matrix(self, award_id: str) -> Matrix:
        """The award's entries (a later round's: the promoted ones), every judge, and what
        joins them; with the panel's coverage (`covered`), in one reading on the worker."""
        found = self.later_round()

        def read(panel: Store) -> tuple[AssignmentGrid | None, Coverage]:
            if found is not None and found.kind == "consensus":
                return None, coverage(panel)  # agreed in the room: no one is assigned
            return (round_assignment_grid(panel, found) if found is not None
                    else assignment_grid(panel, award_id)), coverage(panel)

        grid, self.covered = self.run(read)
        if grid is None:
            return Matrix()
        matrix = Matrix(grid.entries, [(j.id, j.name) for j in self.judges])
        for entry, judge in grid.assigned:
            matrix.cells[(entry, judge)] = MatrixCell(assigned=True)
        for (entry, judge), reason in grid.conflicts.items():
            matrix.cells.setdefault((entry, judge), MatrixCell()).conflict = reason
        for key in grid.scored:
            if key in matrix.cells:
                matrix.cells[key].scored = True
        return matrix

    def coverage(self) -> tuple[int, int, int]:
        """(entries with the full number of judges, all entries, that number) over awards,
        as last read (see `panel_overview.Coverage`)."""
        return self.covered.full, self.covered.total, self.covered.target

    def _update_buttons(self) -> None:
        has_award = self.award.currentData() is not None
        found = self.later_round()
        assignable = found is None or (found.kind != "consensus" and not found.closed)
        self.auto_button.setEnabled(has_award and bool(self.judges) and assignable)
        self.conflict_button.setEnabled(bool(self.judges))
        position = self.matrix_model.position(self.matrix.currentIndex())
        cell = self.matrix_model.matrix.cell(*position) if position else None
        self.unconflict_button.setEnabled(bool(cell and cell.conflict is not None))

    def say(self, text: str) -> None:
        """A line under the buttons about the last change (or why it was refused)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def say_refused(self, text: str) -> None:
        """A refusal, in the warning colour, on the same line."""
        self.say(f"<span style='color:{warning_colour(self.palette())}'>{escape(text)}</span>")

    def after_change(self) -> None:
        """An undo or redo changed the panel: re-read it and tell the window."""
        self._changed()

    def _judge(self, judge_id: int) -> Judge:
        return next(j for j in self.judges if j.id == judge_id)

    def write(self, change: Callable[[Store], T]) -> T:
        """Make a change on the window's database thread (here, when the page stands alone);
        `_changed` then tells the window what kinds of thing it changed (`writes`)."""
        if self.worker is None:
            return change(self.store)
        return cast(T, self.worker.call(change))

    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()

    # ----- assignment -------------------------------------------------------------------

    def toggle(self, index: Index) -> None:
        """Assign or unassign one cell; a refusal is said under the buttons, not in a box."""
        position = self.matrix_model.position(index)
        if position is None:
            return
        entry, judge_id = position
        judge = self._judge(judge_id)
        found = self.later_round()
        if found is not None:
            self._toggle_in_round(found, judge, entry)
            return
        try:  # core refuses an entry the judge is in conflict with, or has scored, saying why
            done = self.write(lambda store: toggle_assignment(store, judge, entry, who=WHO))
        except JudgePanelError as exc:
            self.say_refused("Not changed: " + window_words(str(exc), self.award_names(),
                                                            capital=False))
            return
        self.say(done.message)
        self.undo_stack.push(AssignmentCommand(self, judge, entry, done.assigned))
        self._changed()

    def _toggle_in_round(self, found: Round, judge: Judge, entry: str) -> None:
        """Assign or unassign one cell of a later round (core refuses a conflict, a scored
        entry or a closed round, saying why)."""
        cell = self.matrix_model.matrix.cell(entry, judge.id)
        award_id, round_id = found.award, found.id
        try:
            if cell.assigned:
                self.write(lambda store: unassign_round(store, award_id, round_id, judge, entry,
                                                        who=WHO))
                message = f"{entry} taken back from {judge.name} in {found.name}."
            else:
                added = self.write(lambda store: assign_round(store, award_id, round_id, judge,
                                                              [entry], who=WHO))
                message = (f"{entry} assigned to {judge.name} in {found.name}." if added else
                           f"{judge.name} has a conflict of interest with {entry}: not "
                           "assigned.")
        except JudgePanelError as exc:
            self.say_refused("Not changed: " + window_words(str(exc), self.award_names(),
                                                            capital=False))
            return
        self.say(message)
        self._changed()

    def auto_assign_dialog(self) -> None:
        award_id = self.award.currentData()
        if award_id is None or self._said_award_is_empty(award_id):
            return
        found = self.later_round()
        dialog = AutoAssignDialog(self.award.currentText()
                                  + (f", round {found.name}" if found is not None else ""), self)
        full, total, target = self.coverage()
        dialog.ui.perEntry.setValue(max(target, 3) if target else min(3, len(self.judges)))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.auto_assign(dialog.ui.perEntry.value(), dialog.seed())

    def auto_assign(self, per_entry: int, seed: int | None = None) -> bool:
        award_id = self.award.currentData()
        if award_id is not None and self._said_award_is_empty(award_id):
            return False
        found = self.later_round()
        if found is not None:
            return self._auto_assign_round(found, per_entry, seed)
        try:
            result = self.write(lambda store: auto_assign(store, award_id, per_entry, seed=seed,
                                                          who=WHO))
        except JudgePanelError as exc:
            show_error(self, "Auto-assign", exc)
            return False
        loads = sorted(result.workload.values())
        self.say(
            f"{plural(len(result.added), 'assignment')} added, {result.kept} kept; each "
            f"judge now has {loads[0]}–{loads[-1]} entries in this award."
            if loads else "Nothing to assign.")
        self._changed()
        return True

    def _auto_assign_round(self, found: Round, per_entry: int, seed: int | None) -> bool:
        award_id, round_id = found.award, found.id
        try:
            loads = self.write(lambda store: auto_assign_round(store, award_id, round_id,
                                                               per_entry, seed=seed, who=WHO))
        except JudgePanelError as exc:
            show_error(self, "Auto-assign", exc)
            return False
        given = sorted(n for n in loads.values() if n)
        self.say(f"Each entry of {found.name} now has up to {plural(per_entry, 'judge')}; "
                 + (f"judges have {given[0]}–{given[-1]} entries in the round." if given
                    else "no judge could be given an entry."))
        self._changed()
        return True

    def award_names(self) -> dict[str, str]:
        return panel_award_names(self)

    def _said_award_is_empty(self, award_id: str) -> bool:
        """An award (or a later round) with no entries has nothing to assign: say so in plain
        words, here."""
        found = self.later_round()
        if found is not None:
            if self.run(lambda panel: round_entries(panel, found)):
                return False
            self.say_refused(f"{found.name} has no entries yet, so there is nothing to "
                             "assign. Promote entries into it first (Results ▸ Rounds…).")
            return True
        if self.run(award_entry_counts).get(award_id):
            return False
        self.say_refused(f"{self.award.currentText()} has no entries yet, so there is nothing "
                         "to assign. Import its entries on the Entries page first.")
        return True

    def conflict_dialog(self) -> None:
        dialog = RecordConflictDialog(self.judges, self.run(entry_choices), self)
        position = self.matrix_model.position(self.matrix.currentIndex())
        if position:
            dialog.ui.entry.setCurrentIndex(dialog.ui.entry.findData(position[0]))
            dialog.ui.judge.setCurrentIndex(dialog.ui.judge.findData(position[1]))
        while dialog.exec() == QDialog.DialogCode.Accepted:
            if self.record_conflict(dialog.ui.judge.currentData(), dialog.ui.entry.currentData(),
                                    dialog.ui.reason.text()):
                return

    def record_conflict(self, judge_id: int, entry: str, reason: str) -> bool:
        if not reason.strip():
            show_error(self, "Record conflict", JudgePanelError(
                "please give a reason for the conflict of interest"))
            return False
        judge = self._judge(judge_id)
        try:
            recorded = self.write(lambda store: record_conflict(store, judge, entry, reason,
                                                                who=WHO))
        except JudgePanelError as exc:
            show_error(self, "Record conflict", exc)
            return False
        if recorded.new:  # a changed reason is not offered for undo
            self.undo_stack.push(RecordConflictCommand(self, judge, entry, reason,
                                                       recorded.assignment_removed))
        self.say(f"Conflict recorded: {judge.name} will not judge {entry}.")
        self._changed()
        return True

    def remove_selected_conflict(self) -> None:
        position = self.matrix_model.position(self.matrix.currentIndex())
        if position is None:
            return
        entry, judge_id = position
        judge = self._judge(judge_id)
        reason = self.matrix_model.matrix.cell(entry, judge_id).conflict or ""
        try:
            self.write(lambda store: remove_conflict(store, judge, entry, who=WHO))
        except JudgePanelError as exc:
            show_error(self, "Remove conflict", exc)
            return
        self.undo_stack.push(RemoveConflictCommand(self, judge, entry, reason))
        self.say(f"Conflict removed: {judge.name} may be assigned {entry} again.")
        self._changed()
