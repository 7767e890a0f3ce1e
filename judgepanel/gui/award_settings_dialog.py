"""The chair's award settings and a tie-break vote, as `judgepanel settings` and `tiebreak` do.

Award settings: the ranking method, the tie-break order (criteria ticked and put in order)
and the flag thresholds. A tie-break vote: the tied entries in the order the panel voted,
with how it was decided. Both call the same core functions as the command line, which check
the values, write them and record them in the audit log; a refusal is said in the dialog.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from judgepanel.core.awards import panel_award
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.moderation import THRESHOLD_KEYS, record_tie_break, set_award_settings
from judgepanel.core.ranking import METHOD_LABELS
from judgepanel.core.store import Store
from judgepanel.core.totals import METHOD_NAMES, THRESHOLD_RANGES, award_settings
from judgepanel.gui.pages.common import window_words

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


def criterion_label(criterion: str, section_titles: dict[str, str]) -> str:
    if criterion == "panel":
        return "The panel's vote (a recorded tie-break)"
    if criterion.startswith("section:"):
        section = criterion.split(":", 1)[1]
        return f"Higher score on {section} {section_titles.get(section, '')}".rstrip()
    return f"Higher {METHOD_LABELS.get(criterion, criterion)}"


class OrderedList(QWidget):
    """A list whose items can be ticked and moved up and down (keyboard: Alt+Up, Alt+Down)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setAccessibleName(name)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        up, down = QPushButton("Move &up"), QPushButton("Move &down")
        up.clicked.connect(lambda: self.move_current(-1))
        down.clicked.connect(lambda: self.move_current(1))
        buttons = QVBoxLayout()
        buttons.addWidget(up)
        buttons.addWidget(down)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.list, 1)
        row.addLayout(buttons)

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
    """Method, tie-break order and flag thresholds of one award."""

    def __init__(self, store: Store, award_id: str, who: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.award_id, self.who = store, award_id, who
        award = panel_award(store, award_id)
        current = award_settings(award)
        self.setWindowTitle(f"Settings of {award.name}")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.method = QComboBox()
        self.method.setAccessibleName("Ranking method")
        for name in METHOD_NAMES:
            self.method.addItem(METHOD_LABELS[name][:1].upper() + METHOD_LABELS[name][1:], name)
        self.method.setCurrentIndex(max(self.method.findData(current["method"]), 0))
        form.addRow("Ranking &method:", self.method)
        self.places = QSpinBox()
        self.places.setRange(1, 100)
        self.places.setValue(int(current["places"]))
        self.places.setAccessibleName("Number of placements")
        form.addRow("&Placements awarded:", self.places)
        layout.addLayout(form)
        titles = {s.id: s.title for s in award.sections}
        known = [*METHOD_NAMES, *(f"section:{s.id}" for s in award.sections), "panel"]
        chosen = list(current["tie_break"])
        order = chosen + [c for c in known if c not in chosen]
        tie_box = QGroupBox("&Tie-break order: ticked criteria, first decides")
        self.tie_break = OrderedList("Tie-break criteria, in order")
        for criterion in order:
            self.tie_break.add(criterion_label(criterion, titles), criterion,
                               criterion in chosen)
        QVBoxLayout(tie_box).addWidget(self.tie_break)
        layout.addWidget(tie_box)
        flags_box = QGroupBox("Flag &thresholds (where judges disagree)")
        flags = QFormLayout(flags_box)
        self.thresholds: dict[str, QDoubleSpinBox] = {}
        for key in THRESHOLD_KEYS:
            low, high = THRESHOLD_RANGES[key]
            box = QDoubleSpinBox()
            box.setDecimals(2)
            box.setRange(low, high)
            box.setSingleStep(0.05 if high <= 1 else 1)
            box.setValue(float(current["flag_thresholds"][key]))
            box.setAccessibleName(THRESHOLD_LABELS[key])
            flags.addRow(THRESHOLD_LABELS[key] + ":", box)
            self.thresholds[key] = box
        layout.addWidget(flags_box)
        self.problem = add_problem_and_buttons(self, layout, "Why the settings were not saved")

    def changes(self) -> dict[str, Any]:
        return {"method": str(self.method.currentData()), "places": self.places.value(),
                "tie_break": self.tie_break.values(only_checked=True),
                "flag_thresholds": {k: box.value() for k, box in self.thresholds.items()}}

    def accept(self) -> None:
        """Save through the core (checked and audited); on a refusal say why and stay open."""
        try:
            set_award_settings(self.store, self.award_id, who=self.who, **self.changes())
        except JudgePanelError as exc:
            self.problem.setText("Not saved: " + window_words(str(exc), capital=False))
            self.problem.show()
            return
        super().accept()


def add_problem_and_buttons(dialog: QDialog, layout: QVBoxLayout, why: str) -> QLabel:
    """A hidden line saying why the core refused, then Save and Cancel, at the dialog's foot."""
    problem = QLabel()
    problem.setWordWrap(True)
    problem.setAccessibleName(why)
    problem.hide()
    layout.addWidget(problem)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return problem


class TieBreakDialog(QDialog):
    """The panel's vote on tied entries: their order, best first, and how it was decided."""

    def __init__(self, store: Store, award_id: str, entries: list[tuple[str, str]], who: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.award_id, self.who = store, award_id, who
        self.setWindowTitle("Record a tie-break vote")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Tick the tied entries and put them in the order the panel "
                                "voted, best first."))
        self.entries = OrderedList("Tied entries, best first")
        for entry_id, title in entries:
            self.entries.add(f"{entry_id}  {title}", entry_id, False)
        layout.addWidget(self.entries, 1)
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("e.g. a show of hands, 4 to 1")
        self.reason.setAccessibleName("How the panel decided")
        form.addRow("&How it was decided:", self.reason)
        layout.addLayout(form)
        self.problem = add_problem_and_buttons(self, layout, "Why the vote was not recorded")

    def accept(self) -> None:
        order = self.entries.values(only_checked=True)
        try:
            record_tie_break(self.store, self.award_id, order, self.reason.text(), self.who)
        except JudgePanelError as exc:
            self.problem.setText(f"Not recorded: {window_words(str(exc))}")
            self.problem.show()
            return
        super().accept()
