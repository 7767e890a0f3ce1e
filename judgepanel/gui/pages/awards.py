"""The Awards page: each award's sections readable as a judge will see them, and new awards.

Its reads and writes go through the window's database worker (gui/worker_reads.py)."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFileDialog,
    QHeaderView,
    QListWidgetItem,
    QMenu,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from judgepanel.core.award_editing import add_award, edit_section
from judgepanel.core.awards import Award, builtin_awards, load_award, panel_awards
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.panel_overview import entries_per_award
from judgepanel.core.store import Store
from judgepanel.gui.forms.ui_awards_page import Ui_AwardsPage
from judgepanel.gui.pages.common import WHO, PanelPage, plural, secondary_text, show_error
from judgepanel.gui.panel_models import SectionsModel, format_number
from judgepanel.gui.panel_worker import AWARDS, ENTRIES, SETTINGS
from judgepanel.gui.worker_reads import on_worker, window_worker

T = TypeVar("T")


class SectionEditor(QStyledItemDelegate):
    """Spin boxes that fit a weight (0.1–100) and a word limit (0 for none, up to 20,000)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        key = SectionsModel.columns[index.column()][0]
        if key == "weight":
            weight = QDoubleSpinBox(parent)
            weight.setRange(0.1, 100)
            weight.setDecimals(2)
            weight.setSingleStep(0.5)
            return weight
        if key == "word_limit":
            spin = QSpinBox(parent)
            spin.setRange(0, 20000)
            spin.setSingleStep(50)
            spin.setSpecialValueText("none")
            return spin
        return super().createEditor(parent, option, index)


class AwardsPage(PanelPage):
    """Awards and their sections: question, guidance, scale, weight, word limit."""

    title = "Awards"
    shows = frozenset({AWARDS, ENTRIES, SETTINGS})
    writes = frozenset({AWARDS, SETTINGS})

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.worker = window_worker(parent)
        self.awards: list[Award] = []
        self.ui = Ui_AwardsPage()
        self.setup_form(self.ui)
        self.award_list = self.ui.award_list
        self.add_builtin = self.ui.add_builtin
        self.builtin_menu = QMenu(self)
        self.add_builtin.setMenu(self.builtin_menu)
        self.add_file = self.ui.add_file
        self.add_file.clicked.connect(self.add_from_file)
        self.award_title = self.ui.award_title
        self.model = SectionsModel(self)
        self.model.on_edit = self._edit_section
        self.sections = self.ui.sections
        self.sections.setModel(self.model)
        self.sections.setItemDelegate(SectionEditor(self.sections))
        self.sections.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.section_text = self.ui.section_text
        self.ui.right.setSizes([260, 400])
        self.ui.split.setStretchFactor(1, 1)
        self.ui.split.setSizes([300, 800])
        self.award_list.currentRowChanged.connect(self._show_award)
        self.sections.selectionModel().currentRowChanged.connect(
            lambda current, _: self._show_section(current.row()))
        self.refresh()

    # ----- reading ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the awards, keeping the one being looked at."""
        self.stale = False
        current = self.current_award()
        keep = current.id if current else None
        self.awards, counts = on_worker(self, lambda panel: (panel_awards(panel),
                                                              entries_per_award(panel)))
        self.award_list.blockSignals(True)
        self.award_list.clear()
        for award in self.awards:
            item = QListWidgetItem(f"{award.name}\n{plural(len(award.sections), 'section')}, "
                                   f"{plural(counts.get(award.id, 0), 'entry', 'entries')}")
            item.setToolTip(award.description or award.name)
            self.award_list.addItem(item)
        self.award_list.blockSignals(False)
        ids = [a.id for a in self.awards]
        self.award_list.setCurrentRow(ids.index(keep) if keep in ids else (0 if ids else -1))
        self._show_award(self.award_list.currentRow())
        self.builtin_menu.clear()
        for award in builtin_awards():
            action = self.builtin_menu.addAction(award.name)
            action.setEnabled(award.id not in ids)
            action.triggered.connect(lambda _=False, a=award: self.add_award(a))
        self.heading.set_status(self.summary(), self.next_step(sum(counts.values())))

    def next_step(self, entries: int) -> str:
        if not self.awards:
            return "add a built-in award or one from a file."
        if not entries:
            return "import the entries (Entries page)."
        return "check each section's weight and word limit before the packs go out."

    def summary(self) -> str:
        if not self.awards:
            return "No awards yet: add one"
        sections = sum(len(a.sections) for a in self.awards)
        return f"{plural(len(self.awards), 'award')}, {plural(sections, 'section')}"

    def current_award(self) -> Award | None:
        row = self.award_list.currentRow()
        return self.awards[row] if 0 <= row < len(self.awards) else None

    def _show_award(self, row: int) -> None:
        award = self.awards[row] if 0 <= row < len(self.awards) else None
        if award is None:
            self.award_title.setText("")
            self.model.set_rows([])
            self.section_text.clear()
            return
        organiser = f" · {html.escape(award.organiser)}" if award.organiser else ""
        self.award_title.setText(
            f"<b>{html.escape(award.name)}</b>{organiser}<br>Scored {award.scale.describe()} "
            f"per section unless a section says otherwise. "
            f"{html.escape(award.description)}")
        self.model.set_rows([{"id": s.id, "title": s.title,
                              "scale": award.scale_of(s).describe(), "weight": s.weight,
                              "word_limit": s.word_limit} for s in award.sections])
        self.sections.resizeColumnToContents(0)
        self.sections.selectRow(0)
        self._show_section(0)

    def _show_section(self, row: int) -> None:
        award = self.current_award()
        if award is None or not 0 <= row < len(award.sections):
            self.section_text.clear()
            return
        section = award.sections[row]
        guidance = "".join(f"<li>{html.escape(g)}</li>" for g in section.guidance)
        limit = (f"Word limit {section.word_limit}" if section.word_limit
                 else "No word limit")
        self.section_text.setHtml(
            f"<h3>{html.escape(section.id)}. {html.escape(section.title)}</h3>"
            f"<p>{html.escape(section.question)}</p>"
            + (f"<p><b>Guidance</b></p><ul>{guidance}</ul>" if guidance else "")
            + f"<p style='color:{secondary_text(self.section_text.palette()).name()}'>"
              f"Scale {award.scale_of(section).describe()} · weight "
              f"{format_number(section.weight)} · {limit}</p>")

    # ----- changing ---------------------------------------------------------------------

    def write(self, change: Callable[[Store], T]) -> T:
        """Make a change on the window's database worker (here, standing alone); `changed`
        then tells the window (`writes` says what kinds of thing)."""
        return on_worker(self, change)

    def add_award(self, award: Award) -> bool:
        """Add an award to the panel; one already there (same id) is refused."""
        try:
            self.write(lambda panel: add_award(panel, award, who=WHO))
        except JudgePanelError as exc:
            show_error(self, "Add award", exc)
            return False
        self.refresh()
        self.award_list.setCurrentRow(len(self.awards) - 1)
        self.changed.emit()
        return True

    def add_from_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Add award from file", "",
                                              "Award definitions (*.toml)")
        if name:
            self.add_award_file(Path(name))

    def add_award_file(self, path: Path) -> bool:
        try:
            award = load_award(path)
        except JudgePanelError as exc:
            show_error(self, "Add award", exc)
            return False
        return self.add_award(award)

    def _edit_section(self, row: int, key: str, value: Any) -> bool:
        award = self.current_award()
        if award is None:
            return False
        section = award.sections[row]
        try:
            number = float(value)
        except (TypeError, ValueError):
            return False
        try:
            if key == "weight":
                updated = self.write(lambda panel: edit_section(
                    panel, award.id, section.id, weight=number, who=WHO))
            else:
                updated = self.write(lambda panel: edit_section(
                    panel, award.id, section.id, word_limit=max(int(number), 0), who=WHO))
        except JudgePanelError as exc:
            show_error(self, "Change weight" if key == "weight" else "Change word limit", exc)
            return False
        self.awards[self.award_list.currentRow()] = updated
        self._show_section(row)
        self.changed.emit()
        return True
