"""The Results page's rounds and its entry's detail, the part of the page an award judged in
rounds adds: a later round's ranking in the ranking tab (core.round_results), the last round's
final result with each entry's path, the Rounds… dialog that adds, closes and promotes, the
navigation's line for an award in rounds, and the entry's detail following the round shown.
`ResultsPage` (results.py) builds the widgets these read and analyses the first round.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QTableView, QTabWidget

from judgepanel.core.panel_counts import count_entries
from judgepanel.core.round_entry_sheets import RoundsProgress
from judgepanel.core.round_results import RoundResult, final_result, round_result
from judgepanel.core.store import Store
from judgepanel.gui.entry_detail import EntryDetail
from judgepanel.gui.pages.choosers import AwardChooser, RoundChooser
from judgepanel.gui.pages.common import PanelPage, plural, recorded_by, show_error
from judgepanel.gui.ranking_models import ENTRY_ROLE, ResultsModel
from judgepanel.gui.rounds_dialog import RoundsDialog
from judgepanel.gui.rounds_models import RoundResultModel

LARGE_AWARD = 300  # entries; above this the analysis runs on the thread pool


class ResultsRounds(PanelPage):
    """The rounds and the entry's detail of the Results page (its widgets made by the page)."""

    award_combo: AwardChooser
    round_combo: RoundChooser
    round_model: RoundResultModel
    round_shown: RoundResult | None
    rounds_dialog: RoundsDialog | None
    results_model: ResultsModel
    results_proxy: QSortFilterProxyModel
    table: QTableView
    tabs: QTabWidget
    method_combo: QComboBox
    note: QLabel
    detail: EntryDetail
    busy: bool
    _generation: int
    _selecting: bool

    def award_id(self) -> str | None:
        return self.award_combo.award_id()

    def on_worker(self) -> bool:
        """Whether the page is in the window, whose database worker does its reading."""
        return self.worker is not None and self.worker.running

    def _tell_navigation(self) -> None:
        """The window's navigation line for this page, now that the ranking is known."""
        update = getattr(self.window(), "update_navigation", None)
        if callable(update):
            update()

    def _analyse_round(self, award: str) -> None:
        """A round other than the award's first scored round: its own table, and for the
        last of several rounds the final result with each entry's path."""
        found = self.round_combo.chosen()
        if found is None:
            return
        last = found.position == len(self.round_combo.rounds) - 1

        def work(own: Store, _progress: Any = None) -> tuple[RoundResult, list[Any]]:
            return (round_result(own, award, found.id),
                    final_result(own, award) if last else [])

        self._generation += 1
        generation = self._generation
        if not self.on_worker() and (self.store.path is None
                                     or self._entry_count(award) <= LARGE_AWARD):
            try:
                self._show_round(*work(self.store))
            except Exception as exc:
                show_error(self, "Results", exc)
            return

        def done(outcome: tuple[RoundResult, list[Any]]) -> None:
            self.busy = False
            if generation == self._generation:
                self._show_round(*outcome)

        def failed(exc: BaseException) -> None:
            self.busy = False
            show_error(self, "Results", exc)

        self.busy = True
        self.note.setText(f"Working out {found.name}…")
        self.in_background(work, done, failed, title=f"Working out {found.name}",
                           show_progress=self._entry_count(award) > LARGE_AWARD)

    def _show_first_round(self) -> None:
        """Back to the first round's analysis: its table and all four tabs."""
        if self.results_proxy.sourceModel() is not self.results_model:
            self.results_proxy.setSourceModel(self.results_model)
        self.round_shown = None
        self.detail.round = None
        self.method_combo.setEnabled(True)
        for tab in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(tab, True)
            self.tabs.setTabToolTip(tab, "")

    def _show_round(self, result: RoundResult, final: list[Any]) -> None:
        """A later round's table in the ranking tab; the other tabs are the first round's."""
        selected = self.detail.entry
        self.round_shown = result
        found = result.round
        self.detail.round = found  # the entry's detail follows the round shown
        weighted = [r for r in self.round_combo.rounds if r.weight is not None]
        self.round_model.set_result(result, final or None, combined=bool(weighted))
        if self.results_proxy.sourceModel() is not self.round_model:
            self.results_proxy.setSourceModel(self.round_model)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.method_combo.setEnabled(False)
        first = self.round_combo.rounds[0].name if self.round_combo.rounds else "first round"
        for tab in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(tab, False)
            self.tabs.setTabToolTip(tab, f"For the first round ({first}): choose it above")
        how = {"consensus": "the panel's agreed scores (0–100)",
               "qualifying": f"passes; its rule: {found.pass_rule}",
               "scored": "the mean of its judges' totals (0–100)"}.get(found.kind, result.method)
        combined = ("It is the last round: the final score and rank combine the weighted "
                    "rounds (" + ", ".join(f"{r.name} ×{r.weight:g}" for r in weighted) + ")"
                    if weighted else "It is the last round: its ranking is the final result")
        self.note.setText(
            f"{found.name} ({'closed' if found.closed else 'open'}) is ranked by {how}."
            + (f" {combined}, and each entry's path through the rounds is beside it."
               if final else "")
            + " The score matrix, reliability and sensitivity are the first round's.")
        ranked = sum(1 for line in result.lines if line.rank is not None)
        if not result.lines:
            self.heading.set_status(f"No entries in {found.name} yet.",
                                    "promote entries into it (Rounds…).")
        else:
            self.heading.set_status(
                f"{ranked} of {plural(len(result.lines), 'entry', 'entries')} in {found.name} "
                "ranked.",
                "record the placements on the Decisions page." if final and ranked else
                "close the round and promote into the next (Rounds…)." if ranked else
                "agree the scores in the panel room." if found.kind == "consensus" else
                "send the round's packs (Packs) and merge them as they come back.")
        if selected:
            self.show_entry(selected, switch=False)
        self._tell_navigation()  # where the award is may have moved (agreed scores, say)

    def open_rounds(self) -> RoundsDialog | None:
        """The chosen award's rounds: add, close, promote into, withdraw from."""
        award = self.award_id()
        if award is None:
            return None
        dialog = RoundsDialog(self.store, award, self.award_combo.currentText(), run=self.run,
                              who=self.run(recorded_by), parent=self)
        dialog.changed.connect(self._rounds_changed)
        self.rounds_dialog = dialog
        dialog.open()
        return dialog

    def _rounds_changed(self) -> None:
        """A round was added or closed, or entries moved: a page in the window hears it from
        the worker (with the kinds of change); a page standing alone re-reads itself."""
        if self.worker is None:
            self.refresh()

    def _entry_count(self, award: str) -> int:
        return int(self.run(lambda panel: count_entries(panel, award)))

    # ----- the entry's detail ------------------------------------------------------------

    def _selection_changed(self, selected: QItemSelection, _: QItemSelection) -> None:
        if self._selecting:
            return
        indexes = selected.indexes()
        if indexes:
            self.detail.show_entry(indexes[0].data(ENTRY_ROLE))

    def _row_activated(self, index: QModelIndex) -> None:
        self.detail.show_entry(index.data(ENTRY_ROLE))

    def show_entry(self, entry: str, switch: bool = True) -> None:
        """Select an entry in the ranking and show its detail (from the matrix, say)."""
        for row in range(self.results_proxy.rowCount()):
            index = self.results_proxy.index(row, 0)
            if index.data(ENTRY_ROLE) == entry:
                self.table.scrollTo(index)
                self._selecting = True  # the detail is read once, below
                try:
                    self.table.selectRow(row)
                finally:
                    self._selecting = False
                break
        self.detail.show_entry(entry)  # reading it may turn the event loop (the worker)
        if switch:
            self.tabs.setCurrentIndex(0)


VERBS = {"consensus": "agreed", "qualifying": "decided", "scored": "ranked"}


def rounds_line(progress: RoundsProgress) -> str:
    """The navigation's line for an award judged in rounds: its current round and how far
    it has got, or the round just closed and how many went through."""
    found, before = progress.current, progress.before
    entries, done = progress.entries, progress.done
    verb = VERBS.get(found.kind, "ranked")
    if done is None:
        return f"{found.name}: {plural(entries, 'entry', 'entries')}, ranking being worked out"
    if progress.all_closed:
        return (f"{found.name} closed: {plural(entries, 'entry', 'entries')}, {verb} {done} "
                f"of {entries}")
    if before is not None and done == 0:
        if not entries:
            return (f"{before.name} closed, none promoted to {found.name} yet" if before.closed
                    else f"{found.name}: no entries promoted yet")
        if before.closed:
            return f"{before.name} closed, {entries} promoted to {found.name}"
    return f"{found.name}: {plural(entries, 'entry', 'entries')}, {verb} {done} of {entries}"
