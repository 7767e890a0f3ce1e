"""The Decisions page: placements and moderated scores, each with a reason, and their record.

The chair picks an entry from the final list (computed rank beside the panel's placement),
records a placement or a moderated score with a reason, and sees who decided what and when.
Raw scores are never touched: an override is a record of its own (moderation.override_score).
The ranking is the award's one analysis (core.award_results): shown at once when it is already
worked out for the panel as it is, otherwise worked out on the thread pool. An award judged
in rounds is placed after its last round: the list is the final result
(core.round_results.final_result: the last round, or the weighted rounds). Reading the
list and the record is in decisions_ranking.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from judgepanel.core.awards import panel_awards
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.moderation import PLACEMENTS, decide, override_score
from judgepanel.core.ranking import RankedEntry, Ranking
from judgepanel.core.store import Store
from judgepanel.gui.forms.ui_decisions_page import Ui_DecisionsPage
from judgepanel.gui.pages.common import (
    plural,
    recorded_by,
    window_words,
)
from judgepanel.gui.pages.decisions_ranking import (
    DecisionsRanking,
    placed_and_placeable,
    record_rows,
)
from judgepanel.gui.panel_worker import (
    ASSIGNMENTS,
    AWARDS,
    DECISIONS,
    ENTRIES,
    JUDGES,
    SCORES,
    SETTINGS,
)
from judgepanel.gui.ranking_models import (
    ENTRY_ROLE,
    PLACEMENT_LABELS,
    SORT_ROLE,
    RecordModel,
    StandingModel,
    number,
)

# Dark text on a pale tint: readable whatever the palette.
ERROR_STYLE = ("QLabel { color: #5c0b0b; background: #fde7e9; border-left: 4px solid #b3261e;"
               " padding: 4px; }")
DONE_STYLE = ("QLabel { color: #0d3b1a; background: #e6f4ea; border-left: 4px solid #1e7a34;"
              " padding: 4px; }")


class DecisionsPage(DecisionsRanking):
    """Placements and moderated scores for one award at a time."""

    title = "Decisions"
    shows = frozenset({AWARDS, ENTRIES, JUDGES, ASSIGNMENTS, SCORES, DECISIONS, SETTINGS})
    writes = frozenset({DECISIONS})

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.ranking: Ranking | None = None
        self.busy = False
        self.stale = True
        self._filling = False
        self._keep_messages = False
        self._generation = 0
        self._task: Any = None
        self.ui = Ui_DecisionsPage()
        self.setup_form(self.ui)
        self.award_combo = self.ui.award_combo
        self._chair = self.run(recorded_by)
        self.who = self.ui.who
        self.who.setText(self._chair)
        self.standing_model = StandingModel(self)
        self.standing_proxy = QSortFilterProxyModel(self)
        self.standing_proxy.setSourceModel(self.standing_model)
        self.standing_proxy.setSortRole(SORT_ROLE)
        self.standing = self._table(self.ui.standing, self.standing_proxy)
        self.standing.setSortingEnabled(True)
        self.standing.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.standing.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.standing.selectionModel().selectionChanged.connect(self._entry_selected)
        self._build_forms()
        self.ui.splitter.setStretchFactor(0, 3)
        self.ui.splitter.setStretchFactor(1, 2)
        self.ui.splitter.setSizes([700, 420])
        self.record_model = RecordModel(self)
        self.record = self._table(self.ui.record, self.record_model)
        self.record.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.award_combo.currentIndexChanged.connect(self._award_chosen)
        self._select_entry(None)

    def _table(self, table: QTableView, model: Any) -> QTableView:
        table.setModel(model)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setResizeContentsPrecision(100)  # quick on large awards
        return table

    def _build_forms(self) -> None:
        self.entry_label = self.ui.entry_label
        self.placement_combo = self.ui.placement_combo
        for placement in PLACEMENTS:
            self.placement_combo.addItem(PLACEMENT_LABELS[placement], placement)
        self.placement_reason = self.ui.placement_reason
        self.placement_button = self.ui.placement_button
        self.placement_button.clicked.connect(self.record_placement)
        self.placement_message = self._message(self.ui.placement_message)
        self.old_value = self.ui.old_value
        self.new_value = self.ui.new_value
        self.override_reason = self.ui.override_reason
        self.override_button = self.ui.override_button
        self.override_button.clicked.connect(self.record_override)
        self.override_message = self._message(self.ui.override_message)

    def _message(self, label: QLabel) -> QLabel:
        label.hide()  # shown with the outcome of a recording
        return label

    def _follow_chair(self) -> None:
        """Keep "Recorded by" on the panel's chair as the judges change, unless the user has
        typed another name there."""
        chair = self.run(recorded_by)
        if " ".join(self.who.text().split()) in ("", self._chair):
            self.who.setText(chair)
        self._chair = chair

    # ----- loading -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the panel: at once when visible, otherwise the next time the page shows."""
        if not self.isVisible():
            self.stale = True
            return
        self.stale = False
        self._load()

    def _load(self) -> None:
        self._follow_chair()
        self._filling = True
        try:
            self.award_combo.fill(self.run(panel_awards))
        finally:
            self._filling = False
        self._rank()

    def _award_chosen(self, _index: int) -> None:
        if not self._filling:
            self._rank()

    def _show(self, ranking: Ranking) -> None:
        """Show a ranking in the list and the record beside it, keeping the chosen entry."""
        selected = self.selected_entry()
        self.ranking = ranking
        self.standing_model.set_rows(ranking.entries)
        entries = {r.entry for r in ranking.entries}
        self.record_model.set_rows(self.run(lambda panel: record_rows(panel, entries)))
        self._show_status()
        self.select(selected, keep_messages=True)

    def _show_status(self) -> None:
        entries = self.ranking.entries if self.ranking is not None else []
        placed = sum(1 for r in entries if r.placement not in (None, "none"))
        design = self.ranking.design if self.ranking is not None else {}
        last = design.get("last_round")
        self._allow_override(last is None)
        if last is not None:
            method = self.ranking.method if self.ranking is not None else last
            if not entries:
                next_step = "promote entries into the last round (Results ▸ Rounds…)."
            elif not design.get("closed") and placed == 0:
                next_step = f"agree {last}'s scores, then record the placements."
            elif placed < min(3, len(entries)):
                next_step = "record the placements with the panel's reasons."
            else:
                next_step = "print the ranked report and certificates on the Outputs page."
            self.heading.set_status(
                f"Placed after the last round, {last}: its "
                f"{plural(len(entries), 'entry', 'entries')} by the final result ({method}); "
                f"{placed} placed.", next_step)
            return
        if not entries:
            self.heading.set_status("This award has no entries yet.",
                                    "import its entries on the Entries page.")
        else:
            self.heading.set_status(
                f"{placed} of {plural(len(entries), 'entry', 'entries')} placed.",
                "record the placements with the panel's reasons." if placed < min(3, len(entries))
                else "print the ranked report and certificates on the Outputs page.")

    # ----- the chosen entry --------------------------------------------------------------

    def selected_entry(self) -> str | None:
        rows = self.standing.selectionModel().selectedRows() if self.standing.model() else []
        return rows[0].data(ENTRY_ROLE) if rows else None

    def select(self, entry: str | None, keep_messages: bool = False) -> None:
        """Select an entry in the list (or clear the forms when it is not there);
        `keep_messages` leaves the last "recorded" or refusal line in view."""
        self._keep_messages = keep_messages
        try:
            if entry is not None:
                for row in range(self.standing_proxy.rowCount()):
                    index = self.standing_proxy.index(row, 0)
                    if index.data(ENTRY_ROLE) == entry:
                        self.standing.selectRow(row)
                        self._select_entry(entry, keep_messages)
                        return
            self.standing.clearSelection()
            self._select_entry(None, keep_messages)
        finally:
            self._keep_messages = False

    def _entry_selected(self, selected: QItemSelection, _: QItemSelection) -> None:
        indexes = selected.indexes()
        self._select_entry(indexes[0].data(ENTRY_ROLE) if indexes else None,
                           self._keep_messages)

    def _ranked(self, entry: str | None) -> RankedEntry | None:
        if entry is None or self.ranking is None:
            return None
        return next((r for r in self.ranking.entries if r.entry == entry), None)

    def _allow_override(self, allowed: bool) -> None:
        """A moderated score changes the first round's score, so an award judged in rounds
        (placed on the final result) takes no moderated score here."""
        self._override_allowed = allowed
        widgets = (self.new_value, self.override_reason, self.override_button)
        if not hasattr(self, "_override_tips"):
            self._override_tips = [w.toolTip() for w in widgets]  # the form's own
        for widget, own in zip(widgets, self._override_tips, strict=True):
            widget.setToolTip(own if allowed else (
                "A moderated score changes the first round's score; this award is placed on "
                "the final result of its rounds"))
            if not allowed:
                widget.setEnabled(False)

    def _select_entry(self, entry: str | None, keep_messages: bool = False) -> None:
        ranked = self._ranked(entry)
        allowed = getattr(self, "_override_allowed", True)
        for widget in (self.placement_combo, self.placement_reason, self.placement_button):
            widget.setEnabled(ranked is not None)
        for widget in (self.new_value, self.override_reason, self.override_button):
            widget.setEnabled(ranked is not None and allowed)
        if not keep_messages:
            self.placement_message.hide()
            self.override_message.hide()
        if ranked is None:
            self.entry_label.setText("Choose an entry in the list to record a placement or a "
                                     "moderated score.")
            self.old_value.setText("")
            return
        rank = "not ranked" if ranked.rank is None else f"computed rank {ranked.rank}"
        self.entry_label.setText(f"{ranked.entry}: {ranked.title} ({rank})")
        self.placement_combo.setCurrentIndex(
            max(self.placement_combo.findData(ranked.placement or "none"), 0))
        computed = number(ranked.computed_score) or "no score yet"
        if ranked.override is not None:
            self.old_value.setText(f"{number(ranked.override)} (moderated; computed "
                                   f"{computed})")
            self.new_value.setValue(ranked.override)
        else:
            self.old_value.setText(computed)
            self.new_value.setValue(ranked.computed_score or 0.0)

    # ----- recording ---------------------------------------------------------------------

    def record_placement(self) -> None:
        """Record the chosen placement; a missing reason is refused with the core's message."""
        entry = self.selected_entry()
        if entry is None:
            return
        placement = self.placement_combo.currentData()
        reason, who = self.placement_reason.text(), self._who()
        try:
            self.run(lambda panel: decide(panel, entry, placement, reason, who))
        except JudgePanelError as exc:
            self._say(self.placement_message, window_words(str(exc)), error=True)
            return
        self.placement_reason.clear()
        self._after_change(entry, placement=placement)
        self._say(self.placement_message,
                  f"{entry}: {PLACEMENT_LABELS[placement]} recorded.", error=False)

    def record_override(self) -> None:
        """Record a moderated score; the judges' raw scores are left exactly as they were."""
        entry = self.selected_entry()
        if entry is None:
            return
        value = round(self.new_value.value(), 1)
        reason, who = self.override_reason.text(), self._who()
        try:
            self.run(lambda panel: override_score(panel, entry, value, reason, who))
        except JudgePanelError as exc:
            self._say(self.override_message, window_words(str(exc)), error=True)
            return
        self.override_reason.clear()
        self._after_change(entry, override=value)
        self._say(self.override_message, f"{entry}: moderated score {value:.1f} recorded.",
                  error=False)

    def _who(self) -> str:
        return " ".join(self.who.text().split()) or self.run(recorded_by)

    def _after_change(self, entry: str, placement: str | None = None,
                      override: float | None = None) -> None:
        """Show the recorded change on the entry's row at once, then re-rank off the GUI
        thread (a moderated score can move entries) and tell the window."""
        if self.ranking is not None:
            rows = [replace(r, placement=placement) if r.entry == entry and placement
                    else replace(r, override=override, score=override)
                    if r.entry == entry and override is not None else r
                    for r in self.ranking.entries]
            self.ranking = replace(self.ranking, entries=rows)
            self.standing_model.set_rows(rows)
            entries = {r.entry for r in rows}
            self.record_model.set_rows(self.run(lambda panel: record_rows(panel, entries)))
            self._show_status()
        self.select(entry)
        self._rank()
        self.changed.emit()

    def _say(self, label: QLabel, text: str, error: bool) -> None:
        label.setText(text[:1].upper() + text[1:])
        label.setStyleSheet(ERROR_STYLE if error else DONE_STYLE)
        label.show()

    def summary(self) -> str:
        """'3 of 24 entries placed' over the whole panel (an award judged in rounds counts
        its final's entries), read on the window's database worker."""
        placed, total = self.run(placed_and_placeable)
        if not total:
            return "No entries to place yet"
        return f"{placed} of {plural(total, 'entry', 'entries')} placed"
