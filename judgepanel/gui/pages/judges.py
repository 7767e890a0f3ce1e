"""The Judges & assignment page: who judges, and which entries each judge is given.

The matrix shows one award at a time, entries down and judges across; a click or Space on a
cell assigns or unassigns, a conflict of interest is marked ⚠ with its reason, and each judge's
heading carries their workload in the award. An award judged in rounds has a round chooser:
a later round's matrix holds only the entries promoted into it, and assigning there is
core.round_packs.assign_round / auto_assign_round (a consensus round has no assignment).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from html import escape
from typing import TypeVar, cast

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QMessageBox,
    QWidget,
)

from judgepanel.core.assignment import auto_assign
from judgepanel.core.assignment_changes import toggle_assignment
from judgepanel.core.awards import panel_awards
from judgepanel.core.conflicts import record_conflict, remove_conflict
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import Judge, add_judge, edit_judge, list_judges, remove_judge
from judgepanel.core.panel_details import award_entry_counts
from judgepanel.core.panel_overview import (
    AssignmentGrid,
    Coverage,
    assignment_grid,
    coverage,
    entry_choices,
    judge_loads,
)
from judgepanel.core.round_overview import round_assignment_grid, unassign_round
from judgepanel.core.round_packs import assign_round, auto_assign_round
from judgepanel.core.rounds import Round, award_rounds, round_entries
from judgepanel.core.store import Store
from judgepanel.gui.assignment_view import MatrixView
from judgepanel.gui.coordinator_dialogs import AutoAssignDialog, JudgeDialog, RecordConflictDialog
from judgepanel.gui.coordinator_undo import (
    AssignmentCommand,
    RecordConflictCommand,
    RemoveConflictCommand,
)
from judgepanel.gui.forms.ui_judges_page import Ui_JudgesPage
from judgepanel.gui.pages.common import (
    WHO,
    PanelPage,
    panel_award_names,
    plural,
    show_error,
    warning_colour,
    window_words,
)
from judgepanel.gui.panel_models import AssignmentModel, JudgesModel, Matrix, MatrixCell
from judgepanel.gui.panel_worker import ASSIGNMENTS, AWARDS, ENTRIES, JUDGES

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")


class JudgesPage(PanelPage):
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

    def coverage(self) -> tuple[int, int, int]:
        """(entries with the full number of judges, all entries, that number) over awards,
        as last read (see `panel_overview.Coverage`)."""
        return self.covered.full, self.covered.total, self.covered.target

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
