"""The Packs page: judges' packs out, returned packs merged back, and each judge's progress.

Making and merging packs runs off the GUI thread (`run_task`) with its own connection to the
panel file; the page re-reads the panel when the work is done. A merge is all or nothing
across the chosen files, as on the command line: when one is refused nothing is merged, and
the page shows every file's plan with the refused one and its reason.

An award judged in rounds shows an award and a round chooser: a later scored or qualifying
round's packs hold only the entries promoted into it and assigned there
(core.round_packs.round_pack, core.qualifying_packs.make_qualifying_pack); a consensus round
has no packs, and the page says so. A returned round pack is merged as any other. Making
the packs (and their passphrase slips) is in pack_making.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QPalette
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QWidget,
)

from judgepanel.core.awards import panel_awards
from judgepanel.core.merge import MergeRun, merge_returned_packs
from judgepanel.core.merge_checks import MergeResult
from judgepanel.core.packs import PACK_SUFFIX, PackSummary
from judgepanel.core.panel_overview import judges_progress
from judgepanel.core.round_overview import round_shares
from judgepanel.core.rounds import Round, award_rounds
from judgepanel.core.store import Store
from judgepanel.gui.forms.ui_packs_page import Ui_PacksPage
from judgepanel.gui.pages.common import (
    WHO,
    plural,
    secondary_text,
    warning_colour,
)
from judgepanel.gui.pages.pack_making import PackMaking, relay
from judgepanel.gui.panel_models import MergeSummaryModel, ProgressModel, format_time
from judgepanel.gui.panel_worker import ASSIGNMENTS, ENTRIES, JUDGES, OUTPUTS, SCORES, Submitted
from judgepanel.gui.tasks import Progress, Task


class PacksPage(PackMaking):
    """Create packs…, Merge returned packs… (or drop the files here), and the progress table."""

    title = "Packs"
    shows = frozenset({ENTRIES, JUDGES, ASSIGNMENTS, SCORES, OUTPUTS})
    writes = frozenset({SCORES, ASSIGNMENTS, OUTPUTS})

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.task: Task | Submitted | None = None
        self.last_made: list[PackSummary] = []
        self.last_merge: list[MergeResult] = []
        self.folder = str(Path(store.path).parent) if store.path else ""
        self.ui = Ui_PacksPage()
        self.setup_form(self.ui)
        self.award = self.ui.award
        self.round_combo = self.ui.round_combo
        self.round_combo.companion = self.ui.round_label
        # The panel's packs are every award's first round, made and merged together: the page
        # opens on them, not on a later round that an award may have reached.
        self.round_combo.starts_first = True
        self.round_combo.setToolTip("Which round's packs this page shows: the first round's "
                                    "(the panel's packs) until you choose a later one")
        self.round_note = self.ui.round_note
        self.award.currentIndexChanged.connect(lambda _: self._award_chosen())
        self.round_combo.currentIndexChanged.connect(lambda _: self.refresh())
        self.create_button = self.ui.create_button
        self.merge_button = self.ui.merge_button
        self.create_button.clicked.connect(self.create_dialog)
        self.merge_button.clicked.connect(self.merge_dialog)
        self.drop_hint = self.ui.drop_hint
        quiet = secondary_text(self.palette(), QPalette.ColorRole.Window).name()
        self.drop_hint.setStyleSheet(f"QLabel {{ color: {quiet}; border: 2px dashed {quiet}; "
                                     "padding: 10px; border-radius: 4px; }")
        self.outcome = self.ui.outcome
        self.progress_model = RoundProgressModel(self)
        self.progress_table = self.ui.progress_table
        self.progress_table.setModel(self.progress_model)
        self.merge_model = MergeSummaryModel(self)
        self.merge_table = self.ui.merge_table
        self.merge_table.setModel(self.merge_model)
        self.merge_table.horizontalHeader().setSectionResizeMode(
            5, QHeaderView.ResizeMode.Stretch)
        self.merge_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.merge_box = self.ui.merge_box
        self.merge_box.hide()
        self.refresh()

    # ----- reading ----------------------------------------------------------------------

    def _load_rounds(self) -> None:
        """The award and round choosers: shown only when an award has more than one round."""
        in_rounds = self.run(lambda panel: [a for a in panel_awards(panel)
                                            if len(award_rounds(panel, a.id)) > 1])
        several = bool(in_rounds)
        self.award.blockSignals(True)
        self.award.fill(in_rounds)
        self.award.blockSignals(False)
        award = self.award.award_id()
        self.round_combo.blockSignals(True)
        self.round_combo.fill(self.run(lambda panel: award_rounds(panel, award))
                              if award else [])
        self.round_combo.blockSignals(False)
        for widget in (self.ui.award_label, self.award):
            widget.setVisible(several)
        self.round_combo.setVisible(several)
        self.ui.round_label.setVisible(several)

    def _award_chosen(self) -> None:
        award = self.award.award_id()
        self.round_combo.blockSignals(True)
        self.round_combo.fill(self.run(lambda panel: award_rounds(panel, award))
                              if award else [])
        self.round_combo.blockSignals(False)
        self.refresh(reload=False)

    def refresh(self, reload: bool = True) -> None:
        """Re-read each judge's progress from the panel (in the chosen round, if later)."""
        self.stale = False
        if reload:
            self._load_rounds()
        found = self.later_round()
        if found is not None:
            self._refresh_round(found)
            return
        self.round_note.hide()
        self._progress_columns(False)
        self.progress_table.setVisible(True)
        self.progress_box_title("Progress by judge")
        rows = [{"judge": p.judge, "id": p.judge_id, "assigned": p.assigned,
                 "scored": p.scored, "complete": p.complete,
                 "returned": format_time(p.returned) or "not yet"}
                for p in self.run(judges_progress)]
        self.progress_model.set_rows(rows)
        self.progress_table.resizeColumnsToContents()
        ready = any(r["assigned"] for r in rows)
        self.create_button.setEnabled(ready)
        self.create_button.setToolTip(
            "One .judgepack file per judge, holding only their own entries" if ready
            else "Assign entries to judges first (Judges & assignment)")
        self.heading.set_status(self.summary(), self.next_step())

    def _progress_columns(self, qualifying: bool) -> None:
        """A qualifying round's judges decide pass or fail: its progress counts decisions."""
        if qualifying != self.progress_model.decided:
            self.progress_model.decided = qualifying
            self.progress_model.headerDataChanged.emit(
                Qt.Orientation.Horizontal, 0, self.progress_model.columnCount() - 1)

    def progress_box_title(self, title: str) -> None:
        self.ui.progress_box.setTitle(title)

    def _refresh_round(self, found: Round) -> None:
        """A later round: each judge's entries in it and how many they have scored; a
        consensus round has no packs and says so."""
        shares = self.run(lambda panel: round_shares(panel, found)) \
            if found.kind != "consensus" else []
        rows = [{"judge": s.judge, "id": s.judge_id, "assigned": s.assigned,
                 "scored": s.scored, "complete": s.scored, "returned": "—"}
                for s in shares if s.assigned]
        self._progress_columns(found.kind == "qualifying")
        self.progress_table.setVisible(found.kind != "consensus")  # no packs: no table
        self.progress_model.set_rows(rows)
        self.progress_table.resizeColumnsToContents()
        self.progress_box_title(f"Progress by judge in {found.name}")
        ready = bool(rows) and found.kind != "consensus"
        self.create_button.setEnabled(ready)
        if found.kind == "consensus":
            note = (f"{found.name} is agreed in the room (a consensus round): it has no packs. "
                    "The chair records the panel's agreed scores in the panel room.")
            self.create_button.setToolTip("A consensus round has no packs")
        else:
            before = self.round_combo.rounds[found.position - 1]
            note = (f"{found.name}'s packs hold only the entries promoted into it and assigned "
                    "to each judge there."
                    + (f" Close {before.name} first: its packs go out once it is closed."
                       if not before.closed else "")
                    + (f" {found.name} is closed: its packs are refused at merge."
                       if found.closed else ""))
            self.create_button.setToolTip(
                f"One .judgepack file per judge, holding their entries in {found.name}" if ready
                else f"Assign {found.name}'s entries to judges first (Judges & assignment)")
        self.round_note.setText(note)
        self.round_note.show()
        if found.kind == "consensus":
            self.progress_box_title(f"Progress by judge in {found.name}: none, a consensus "
                                    "round has no packs")
        given = len(rows)
        if found.kind == "consensus":
            self.heading.set_status(f"{found.name} has no packs.",
                                    "agree the scores in the panel room.")
        elif not given:
            self.heading.set_status(f"No packs for {found.name} yet: assign its entries first",
                                    "assign them to judges (Judges & assignment).")
        else:
            done = sum(min(r["scored"], r["assigned"]) for r in rows)
            total = sum(r["assigned"] for r in rows)
            counted = ("decided (pass or fail)" if found.kind == "qualifying"
                       else "scored")
            self.heading.set_status(
                f"{plural(given, 'judge')} with entries in {found.name}; {done} of {total} "
                f"{counted}.", "send each judge their pack; merge the packs as they come back.")

    def _numbers(self) -> tuple[int, int, int, int]:
        """(judges with entries, of them returned, entries assigned, of them complete)."""
        rows = [self.progress_model.row(i) for i in range(self.progress_model.rowCount())]
        given = [r for r in rows if r["assigned"]]
        returned = sum(1 for r in given if r["returned"] != "not yet")
        return (len(given), returned, sum(r["assigned"] for r in given),
                sum(min(r["complete"], r["assigned"]) for r in given))

    def summary(self) -> str:
        found = self.later_round()
        if found is not None and found.kind == "consensus":
            return f"{found.name}: no packs (agreed in the room)"
        given, returned, assigned, complete = self._numbers()
        if found is not None:
            counted = "decided" if found.kind == "qualifying" else "scored"
            return (f"{found.name}: {plural(given, 'judge')} with entries, {complete} of "
                    f"{assigned} {counted}" if given else
                    f"{found.name}: no packs yet, assign its entries first")
        if not given:
            return "No packs yet: assign entries first"
        return (f"{returned} of {plural(given, 'pack')} returned; {complete} of "
                f"{assigned} assignments complete")

    def next_step(self) -> str:
        given, returned, _, _ = self._numbers()
        if not given:
            return "assign entries to judges (Judges & assignment)."
        if returned < given:
            return "send each judge their pack; merge the packs as they come back."
        return "look at the ranking (Results)."

    # ----- merging returned packs -------------------------------------------------------

    def merge_dialog(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "Merge returned packs", self.folder,
                                                f"Judge packs (*{PACK_SUFFIX});;All files (*)")
        if names:
            self.merge([Path(n) for n in names])

    def merge(self, paths: list[Path]) -> Task | Submitted | None:
        """Merge the files all or nothing, then show each file's outcome or plan."""
        if not paths:
            return None
        self.panel_file()  # refuses a panel held only in memory, saying why

        def work(panel: Store, progress: Progress) -> MergeRun:
            return merge_returned_packs(panel, paths, who=WHO, progress=relay(progress))

        self.task = self.in_background(work, self._merged,
                                       self._failed("Merge returned packs"),
                                       title="Merging returned packs…")
        return self.task

    def _merged(self, run: MergeRun) -> None:
        results = run.results
        self.last_merge = results
        done = "Merged" if run.merged else "Would merge; not merged"
        self.merge_model.set_rows([{
            "file": r.file.name, "judge": r.judge or "—",
            "new": "" if r.refused else r.new, "changed": "" if r.refused else r.changed,
            "unchanged": "" if r.refused else r.unchanged, "refused": bool(r.refused),
            "outcome": f"Refused: {r.refused}" if r.refused else (
                done + (f"; {plural(r.conflicts, 'conflict')} declared"
                        if r.conflicts else ""))} for r in results])
        self.merge_table.resizeColumnsToContents()
        self.merge_box.show()
        if run.merged:
            text = (f"{plural(len(results), 'pack')} merged: {sum(r.new for r in results)} "
                    f"new, {sum(r.changed for r in results)} changed, "
                    f"{sum(r.unchanged for r in results)} unchanged scores.")
        else:
            refused = sum(1 for r in results if r.refused)
            red = warning_colour(self.palette())
            text = (f"<span style='color:{red}'><b>Nothing was merged: "
                    f"{plural(refused, 'file')} refused</b></span> (see below). Merge the "
                    "others again without the refused file, or ask the judge for a new copy.")
        self.outcome.setText(text)
        self.refresh()
        self.changed.emit()

    # ----- drag and drop ----------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(url.isLocalFile()
                                              for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.merge(paths)


class RoundProgressModel(ProgressModel):
    """Progress by judge; in a qualifying round (`decided`) the judges' count is of their
    pass or fail decisions, and its heading says so."""

    decided = False

    def column_headings(self) -> tuple[str, ...]:
        return tuple("Entries decided" if self.decided and key == "scored" else heading
                     for key, heading in self.columns)
