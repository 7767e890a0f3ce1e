"""The judge window's entry list: the scoring list and the list of entries with a declared
conflict (two filters over one model), the status filter, the search, and stepping through
the entries as filtered.

Each takes the window it acts for; the window keeps the lists and models as its attributes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QHeaderView

from judgepanel.gui.judge_models import EntryFilterModel
from judgepanel.gui.vote_panel import VOTE_FILTERS

if TYPE_CHECKING:
    from judgepanel.gui.judge_window import JudgeWindow

STATUS_FILTERS = (("Entries to score: all", None), ("Not started", "not started"),
                  ("In progress", "in progress"), ("Complete", "complete"))


def setup_lists(window: JudgeWindow) -> None:
    """The scoring list and the conflicts list over one model, the status filter and the
    search box."""
    window.list_proxy = EntryFilterModel(conflicts=False, parent=window)
    window.list_proxy.setSourceModel(window.model)
    window.conflict_proxy = EntryFilterModel(conflicts=True, parent=window)
    window.conflict_proxy.setSourceModel(window.model)
    for view, proxy in ((window.ui.entryList, window.list_proxy),
                        (window.ui.conflictList, window.conflict_proxy)):
        view.setModel(proxy)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setAccessibleName("Columns: entry, title, status")
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        view.installEventFilter(window)
    window.ui.entryList.selectionModel().currentRowChanged.connect(window._list_moved)
    window.ui.conflictList.selectionModel().currentRowChanged.connect(window._list_moved)
    for text, status in VOTE_FILTERS if window.voting else STATUS_FILTERS:
        window.ui.statusFilter.addItem(text, status)
    window.ui.statusFilter.currentIndexChanged.connect(
        lambda i: window.list_proxy.set_status(window.ui.statusFilter.itemData(i)))
    window.ui.searchBox.textChanged.connect(lambda text: search(window, text))
    window.conflict_proxy.rowsInserted.connect(lambda *_: show_conflicts(window))
    window.conflict_proxy.rowsRemoved.connect(lambda *_: show_conflicts(window))
    window.conflict_proxy.modelReset.connect(lambda *_: show_conflicts(window))
    show_conflicts(window)


def select_in_list(window: JudgeWindow, entry_id: str) -> None:
    for view, proxy in ((window.ui.entryList, window.list_proxy),
                        (window.ui.conflictList, window.conflict_proxy)):
        index = proxy.mapFromSource(window.model.index(window.model.row_of(entry_id), 0))
        if index.isValid() and view.currentIndex().row() != index.row():
            view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)


def step_entry(window: JudgeWindow, step: int) -> None:
    """The next (1) or previous (-1) entry in the scoring list as filtered."""
    rows = window.list_proxy.rowCount()
    if not rows:
        return
    here = window.ui.entryList.currentIndex()
    row = here.row() + step if here.isValid() else 0
    row = max(0, min(rows - 1, row))
    window.ui.entryList.setCurrentIndex(window.list_proxy.index(row, 0))
    if window.voting is not None:
        window.vote_panel.focus_buttons()
        return
    award = window.ui.scoringPanel.award
    if award is not None and award.sections:
        window.ui.scoringPanel.focus_section(award.sections[0].id)


def search(window: JudgeWindow, text: str) -> None:
    matches = window.search.find(text)
    window.list_proxy.set_matches(matches)
    window.conflict_proxy.set_matches(matches)


def show_conflicts(window: JudgeWindow, *_: object) -> None:
    shown = window.conflict_proxy.rowCount() > 0
    window.ui.conflictList.setVisible(shown)
    window.ui.conflictsLabel.setVisible(shown)

