"""The chair's award settings and a tie-break vote, as `judgepanel settings` and `tiebreak` do.

Award settings: the ranking method, the tie-break order (criteria ticked and put in order)
and the flag thresholds. A tie-break vote: the tied entries in the order the panel voted,
with how it was decided. Both call the same core functions as the command line, which check
the values, write them and record them in the audit log; a refusal is said in the dialog.

Both are laid out in Designer forms (ui/award_settings_dialog.ui, ui/tie_break_dialog.ui).
What comes from data is added here: the methods offered, the criteria (one per method, per
section of the award and, for an award judged in rounds, per round), one threshold row per
flag the core knows, and the tied entries.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDoubleSpinBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from judgepanel.core.awards import panel_award
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.moderation import THRESHOLD_KEYS, record_tie_break, set_award_settings
from judgepanel.core.ranking import METHOD_LABELS
from judgepanel.core.rounds import award_rounds
from judgepanel.core.store import Store
from judgepanel.core.totals import METHOD_NAMES, THRESHOLD_RANGES, award_settings
from judgepanel.gui.forms.ui_award_settings_dialog import Ui_AwardSettingsDialog
from judgepanel.gui.forms.ui_tie_break_dialog import Ui_TieBreakDialog
from judgepanel.gui.pages.common import window_words
from judgepanel.gui.panel_worker import PanelWorker
from judgepanel.gui.results_figures import tie_word
from judgepanel.gui.worker_reads import on_worker

CRITERION_ROLE = Qt.ItemDataRole.UserRole + 1
THRESHOLD_LABELS = {
    "range": "Judges' totals further apart than (points)",
    "rwg": "Low agreement below (r_wg, 0 to 1)",
    "outlier_mad": "Outlier: this many scaled MADs from the others",
    "outlier_min": "… and at least this many points",
    "extreme": "Extreme total: within this % of the scale's ends",
    "extreme_gap": "… and this far from the others' median (points)",
    "champion_gap": "Champion: this far above the others' median (points)",
}


def criterion_label(criterion: str, section_titles: dict[str, str],
                    round_names: dict[str, str] | None = None) -> str:
    if criterion.startswith("round:"):  # "The Judging round's rank"
        word = tie_word(criterion, round_names)
        return word[:1].upper() + word[1:]
    if criterion == "panel":
        return "The panel's vote (a recorded tie-break)"
    if criterion.startswith("section:"):
        section = criterion.split(":", 1)[1]
        return f"Higher score on {section} {section_titles.get(section, '')}".rstrip()
    return f"Higher {METHOD_LABELS.get(criterion, criterion)}"


class OrderedList:
    """A form's list whose items can be ticked and moved up and down, by its two buttons
    (keyboard: Alt+U, Alt+D) or by dragging."""

    def __init__(self, items: QListWidget, up: QAbstractButton, down: QAbstractButton) -> None:
        self.list = items
        up.clicked.connect(lambda: self.move_current(-1))
        down.clicked.connect(lambda: self.move_current(1))

    def add(self, text: str, value: str, checked: bool | None) -> None:
        item = QListWidgetItem(text)
        item.setData(CRITERION_ROLE, value)
        if checked is not None:
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.addItem(item)

    def move_current(self, step: int) -> None:
        """Move the chosen item up (-1) or down (1) the order."""
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def values(self, only_checked: bool = False) -> list[str]:
        items = [self.list.item(row) for row in range(self.list.count())]
        return [str(item.data(CRITERION_ROLE)) for item in items
                if not only_checked or item.checkState() == Qt.CheckState.Checked]


class AwardSettingsDialog(QDialog):
    """Method, tie-break order and flag thresholds of one award. Opened from the panel
    window, it reads and saves on the window's database worker (`worker`)."""

    def __init__(self, store: Store, award_id: str, who: str,
                 parent: QWidget | None = None, worker: PanelWorker | None = None) -> None:
        super().__init__(parent)
        self.store, self.award_id, self.who, self.worker = store, award_id, who, worker
        # An award judged in rounds may break a tie by an earlier round's place (round:ID).
        award, rounds = on_worker(self, lambda panel: (panel_award(panel, award_id),
                                                       award_rounds(panel, award_id)))
        current = award_settings(award)
        self.ui = Ui_AwardSettingsDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(f"Settings of {award.name}")
        self.method = self.ui.method
        for name in METHOD_NAMES:
            self.method.addItem(METHOD_LABELS[name][:1].upper() + METHOD_LABELS[name][1:], name)
        self.method.setCurrentIndex(max(self.method.findData(current["method"]), 0))
        self.places = self.ui.places
        self.places.setValue(int(current["places"]))
        titles = {s.id: s.title for s in award.sections}
        names = {r.id: r.name for r in rounds} if len(rounds) > 1 else {}
        known = [*METHOD_NAMES, *(f"section:{s.id}" for s in award.sections),
                 *(f"round:{r}" for r in names), "panel"]
        chosen = list(current["tie_break"])
        order = chosen + [c for c in known if c not in chosen]
        self.tie_break = OrderedList(self.ui.tie_break_list, self.ui.move_up, self.ui.move_down)
        for criterion in order:
            self.tie_break.add(criterion_label(criterion, titles, names), criterion,
                               criterion in chosen)
        self.thresholds: dict[str, QDoubleSpinBox] = {}
        for key in THRESHOLD_KEYS:  # one row per flag the core knows, with its range
            low, high = THRESHOLD_RANGES[key]
            box = QDoubleSpinBox()
            box.setDecimals(2)
            box.setRange(low, high)
            box.setSingleStep(0.05 if high <= 1 else 1)
            box.setValue(float(current["flag_thresholds"][key]))
            box.setAccessibleName(THRESHOLD_LABELS[key])
            self.ui.thresholds_form.addRow(THRESHOLD_LABELS[key] + ":", box)
            self.thresholds[key] = box
        self.problem: QLabel = self.ui.problem
        self.problem.hide()

    def changes(self) -> dict[str, Any]:
        return {"method": str(self.method.currentData()), "places": self.places.value(),
                "tie_break": self.tie_break.values(only_checked=True),
                "flag_thresholds": {k: box.value() for k, box in self.thresholds.items()}}

    def accept(self) -> None:
        """Save through the core (checked and audited); on a refusal say why and stay open."""
        award_id, who, changes = self.award_id, self.who, self.changes()
        try:
            on_worker(self, lambda panel: set_award_settings(panel, award_id, who=who,
                                                             **changes))
        except JudgePanelError as exc:
            self.problem.setText("Not saved: " + window_words(str(exc), capital=False))
            self.problem.show()
            return
        super().accept()


class TieBreakDialog(QDialog):
    """The panel's vote on tied entries: their order, best first, and how it was decided.
    Opened from the panel window, it records the vote on the window's database worker."""

    def __init__(self, store: Store, award_id: str, entries: list[tuple[str, str]], who: str,
                 parent: QWidget | None = None, worker: PanelWorker | None = None) -> None:
        super().__init__(parent)
        self.store, self.award_id, self.who, self.worker = store, award_id, who, worker
        self.ui = Ui_TieBreakDialog()
        self.ui.setupUi(self)
        self.entries = OrderedList(self.ui.entries_list, self.ui.move_up, self.ui.move_down)
        for entry_id, title in entries:
            self.entries.add(f"{entry_id}  {title}", entry_id, False)
        self.reason = self.ui.reason
        self.problem: QLabel = self.ui.problem
        self.problem.hide()

    def accept(self) -> None:
        order, reason = self.entries.values(only_checked=True), self.reason.text()
        award_id, who = self.award_id, self.who
        try:
            on_worker(self, lambda panel: record_tie_break(panel, award_id, order, reason, who))
        except JudgePanelError as exc:
            self.problem.setText(f"Not recorded: {window_words(str(exc))}")
            self.problem.show()
            return
        super().accept()
