"""The Results page: the chair's view of one award's ranking, its spread and its reliability.

Per award: the ranked table under a chosen method, the score matrix, an entry's detail, the
reliability figures in plain words, the judge-bias chart and the sensitivity table. An award
judged in rounds has a round chooser: a later round shows that round's ranking
(core.round_results), its last round the final result with each entry's path, and the
Rounds… button opens the dialog that adds, closes and promotes into rounds (those parts and
the entry's detail are in results_rounds). The panel
is analysed once per award (core.award_results, kept until the scores or settings change)
and each method is ranked from that; a large award is analysed off the GUI thread on a Store
of its own.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QWidget,
)

from judgepanel.core.award_results import adopt_results, cached_results, data_version
from judgepanel.core.awards import panel_awards
from judgepanel.core.ranking import METHODS
from judgepanel.core.round_entry_sheets import rounds_progress
from judgepanel.core.round_results import RoundResult
from judgepanel.core.rounds import award_rounds
from judgepanel.core.store import Store
from judgepanel.gui.entry_detail import EntryDetail
from judgepanel.gui.forms.ui_results_page import Ui_ResultsPage
from judgepanel.gui.pages.common import PanelPage, plural, show_error
from judgepanel.gui.pages.results_rounds import LARGE_AWARD, ResultsRounds, rounds_line
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
    SORT_ROLE,
    ResultsModel,
    SensitivityModel,
    method_label,
)
from judgepanel.gui.results_figures import (
    ResultsView,
    compute_results,
    figure,
    note_text,
    reliability_text,
    sensitivity_text,
    with_method,
)
from judgepanel.gui.rounds_dialog import RoundsDialog
from judgepanel.gui.rounds_models import RoundResultModel

SIZING_ROWS = 100  # rows a column looks at to fit its width (all of them is slow)


class ResultsPage(ResultsRounds):
    """One award at a time: award chooser and method switch above four views of the result."""

    title = "Results"
    shows = frozenset({AWARDS, ENTRIES, JUDGES, ASSIGNMENTS, SCORES, DECISIONS, SETTINGS})
    writes = frozenset()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.results: ResultsView | None = None
        self.busy = False
        self.stale = True
        self._filling = False
        self._selecting = False
        self._generation = 0
        self._task: Any = None
        self.ui = Ui_ResultsPage()
        self.setup_form(self.ui)
        self.award_combo = self.ui.award_combo
        self.round_combo = self.ui.round_combo
        self.round_combo.companion = self.ui.round_label
        self.round_combo.hide()
        self.ui.round_label.hide()
        self.round_model = RoundResultModel(self)
        self.round_shown: RoundResult | None = None
        self.rounds_dialog: RoundsDialog | None = None
        self.ui.rounds_button.clicked.connect(self.open_rounds)
        self.method_combo = self.ui.method_combo
        for method in METHODS:
            self.method_combo.addItem(method_label(method), method)
        self.note = self.ui.note
        self.tabs = self.ui.tabs
        self._build_ranking_tab()
        self._build_matrix_tab()
        self._build_reliability_tab()
        self._build_sensitivity_tab()
        self._load_awards()
        self.award_combo.currentIndexChanged.connect(self._award_chosen)
        self.round_combo.currentIndexChanged.connect(self._round_chosen)
        self.method_combo.currentIndexChanged.connect(self._method_chosen)

    # ----- building ----------------------------------------------------------------------

    def _build_ranking_tab(self) -> None:
        self.results_model = ResultsModel(self)
        self.results_proxy = QSortFilterProxyModel(self)
        self.results_proxy.setSourceModel(self.results_model)
        self.results_proxy.setSortRole(SORT_ROLE)
        self.table = self.ui.table
        self.table.setModel(self.results_proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(SIZING_ROWS)  # a 2,000-entry award stays quick
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self._row_activated)
        self.detail = EntryDetail(self.store)  # it reads the panel: made here, not by the form
        self.detail.run = page_reader(self)  # on the window's worker, when in the window
        self.ranking_splitter = self.ui.ranking_splitter
        self.ranking_splitter.addWidget(self.detail)
        self.ranking_splitter.setStretchFactor(0, 3)
        self.ranking_splitter.setStretchFactor(1, 2)

    def _build_matrix_tab(self) -> None:
        self.matrix = self.ui.matrix
        self.matrix.entry_activated.connect(self.show_entry)

    def _build_reliability_tab(self) -> None:
        self.reading = self.ui.reading
        font = self.reading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.reading.setFont(font)
        self.figures: dict[str, QLabel] = {
            key: getattr(self.ui, f"figure_{key}")
            for key in ("alpha", "icc", "kendall", "connected", "counts")}
        self.bias_chart = self.ui.bias_chart

    def _build_sensitivity_tab(self) -> None:
        self.sensitivity_line = self.ui.sensitivity_line
        self.sensitivity_model = SensitivityModel(self)
        self.sensitivity_table = self.ui.sensitivity_table
        self.sensitivity_table.setModel(self.sensitivity_model)
        self.sensitivity_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.sensitivity_table.horizontalHeader().setResizeContentsPrecision(SIZING_ROWS)

    # ----- loading -----------------------------------------------------------------------

    def _load_awards(self) -> None:
        self._filling = True
        try:
            self.award_combo.fill(self.run(panel_awards))
            award = self.award_id()
            self.round_combo.fill(self.run(lambda panel: award_rounds(panel, award))
                                  if award else [])
        finally:
            self._filling = False

    def refresh(self) -> None:
        """Re-read the panel: at once when visible, otherwise the next time the page shows."""
        if not self.isVisible():
            self.stale = True
            return
        self._analyse()

    def method(self) -> str:
        return str(self.method_combo.currentData())

    def _award_chosen(self) -> None:
        if self._filling:
            return
        self.results = None
        self._analyse(use_default_method=True)

    def _round_chosen(self) -> None:
        if not self._filling:
            self._analyse()

    def _method_chosen(self) -> None:
        if self.results is None:
            return
        results, method = self.results, self.method()
        try:
            view = self.run(lambda panel: with_method(panel, results, method))
        except Exception as exc:  # shown to the chair, never swallowed
            show_error(self, "Ranking", exc)
            return
        self._show(view)

    def _analyse(self, use_default_method: bool = False) -> None:
        """Analyse the chosen award: inline when small or already analysed (core.award_results
        keeps the analysis until the panel changes), on the thread pool when large."""
        self.stale = False
        self._load_awards()
        award = self.award_id()
        if award is None:
            self.note.setText("This panel has no awards yet.")
            return
        chosen = self.round_combo.chosen()
        if chosen is not None and not (chosen.first and chosen.kind == "scored"):
            self._analyse_round(award)
            return
        self._show_first_round()
        method = None if use_default_method or self.results is None else self.method()
        self._generation += 1
        generation = self._generation
        path = self.store.path
        if self.on_worker():
            self._analyse_on_worker(award, method, generation)
            return
        if path is None or cached_results(self.store, award) is not None \
                or self._entry_count(award) <= LARGE_AWARD:
            try:
                self._show(compute_results(self.store, award, method))
            except Exception as exc:
                show_error(self, "Results", exc)
            return

        version = data_version(self.store)

        def work(own: Store, progress: Any) -> ResultsView:
            progress.report(0, 0, "Ranking the entries and checking the judges' agreement…")
            return compute_results(own, award, method)

        def done(results: ResultsView) -> None:
            self.busy = False
            if generation == self._generation:
                adopt_results(self.store, results.results, version)  # the other pages reuse it
                self._show(results)

        def failed(exc: BaseException) -> None:
            self.busy = False
            show_error(self, "Results", exc)

        self.busy = True
        self.note.setText("Working out the results…")
        self.in_background(work, done, failed, title="Working out the results")

    def _analyse_on_worker(self, award: str, method: str | None, generation: int) -> None:
        """In the window: the award's one analysis on the database worker, whose connection
        keeps it for the Decisions and Outputs pages until the scores or settings change."""
        def work(own: Store, progress: Any) -> ResultsView:
            progress.report(0, 0, "Ranking the entries and checking the judges' agreement…")
            return compute_results(own, award, method)

        def done(results: ResultsView) -> None:
            self.busy = False
            if generation == self._generation:
                self._show(results)
                self._tell_navigation()

        def failed(exc: BaseException) -> None:
            self.busy = False
            show_error(self, "Results", exc)

        self.busy = True
        if self.results is None:
            self.note.setText("Working out the results…")
        large = self._entry_count(award) > LARGE_AWARD
        self.in_background(work, done, failed, title="Working out the results",
                           show_progress=large)

    # ----- showing -----------------------------------------------------------------------

    def _show(self, results: ResultsView) -> None:
        self._show_first_round()
        selected = self.detail.entry
        self.results = results
        ranking = results.ranking
        self.method_combo.blockSignals(True)
        self.method_combo.setCurrentIndex(max(self.method_combo.findData(ranking.method), 0))
        self.method_combo.blockSignals(False)
        self.results_model.set_ranking(ranking)
        self.matrix.set_matrix(results.matrix)
        self.note.setText(note_text(results))
        self._show_reliability(results.stats)
        order = [(r.entry, r.title) for r in ranking.entries]
        default = results.analysis.settings["method"]
        methods = [default, *(m for m in METHODS if m != default)]
        self.sensitivity_model.set_table(results.sensitivity, methods, order, default)
        self.sensitivity_line.setText(sensitivity_text(results))
        ranked = sum(1 for r in ranking.entries if r.rank is not None)
        flagged = sum(1 for r in ranking.entries if r.flags)
        if not ranking.entries:
            self.heading.set_status("This award has no entries yet.",
                                    "import its entries on the Entries page.")
        else:
            self.heading.set_status(
                f"{ranked} of {plural(len(ranking.entries), 'entry', 'entries')} ranked; "
                f"{flagged} flagged.",
                "talk through the flagged entries, then record placements on the Decisions "
                "page." if ranked else "merge the judges' returned packs.")
        if selected:
            self.show_entry(selected, switch=False)

    def _show_reliability(self, stats: dict[str, Any]) -> None:
        self.reading.setText(reliability_text(stats))
        self.figures["alpha"].setText(figure(stats.get("alpha_interval")))
        icc = stats.get("icc")
        self.figures["icc"].setText(
            "not available (fewer than two entries scored by every judge)" if not icc else
            "  ".join(f"{k}: {figure(v)}" for k, v in icc.items()))
        self.figures["kendall"].setText(
            figure(stats.get("kendall_w")) if stats.get("kendall_w") is not None
            else "not available (not every judge scored every entry)")
        self.figures["connected"].setText(
            "connected: every judge can be compared with every other" if stats.get("connected")
            else "not connected: some groups of judges share no entry")
        self.figures["counts"].setText(
            f"{stats.get('scores', 0)} totals from {stats.get('judges', 0)} judges on "
            f"{stats.get('entries', 0)} entries")
        self.bias_chart.set_bias(stats.get("judge_bias") or {})

    def summary(self) -> str:
        """What is done and what is next, for the navigation (a small award is ranked now).
        An award judged in rounds says where it is ("Final: 6 entries, agreed 4 of 6"), read
        on the window's database worker."""
        award = self.award_id()
        if award is not None:
            try:
                progress = self.run(lambda panel: rounds_progress(panel, award, LARGE_AWARD))
            except Exception:  # an award removed meanwhile: the page re-reads on its own
                progress = None
            if progress is not None:
                return rounds_line(progress)
        if (self.results is None or self.stale) and award is not None and not self.busy \
                and self._entry_count(award) <= LARGE_AWARD:
            self._analyse()
        if self.results is None:
            return "Ranking not worked out yet"
        entries = self.results.ranking.entries
        if not entries:
            return "No entries to rank yet"
        ranked = sum(1 for r in entries if r.rank is not None)
        flagged = sum(1 for r in entries if r.flags)
        return f"{ranked} of {len(entries)} entries ranked, {flagged} flagged"



def page_reader(page: PanelPage) -> Callable[[Callable[[Store], Any]], Any]:
    """The page's `run` for a pane it holds, without the pane holding the page (a cycle
    would leave the page's Python side to the garbage collector, at any moment)."""
    method = weakref.WeakMethod(page.run)
    store = page.store

    def run(work: Callable[[Store], Any]) -> Any:
        found = method()
        return found(work) if found is not None else work(store)

    return run
