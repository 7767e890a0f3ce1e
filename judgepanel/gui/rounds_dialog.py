"""The Rounds dialog: an award's rounds, and the coordinator's and chair's actions on them.

Add a round (id, name, kind, sections of its own, weight, pass rule), close a round, promote
entries into a round (the top N, every entry at or above a score, or the chair's ticked
choice) with a reason, and withdraw an entry with a reason. Before a promotion the ranking of
the round before shows what it would take: the entries going through in green, entries tied
at a top-N cut-off in amber and named; such a promotion is refused, as the core refuses it.
Every change runs through the core (rounds, promotion) on the window's database thread, with
the kinds of change so the other pages re-read. Laid out by ui/rounds_dialog.ui.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QHeaderView, QMessageBox, QWidget

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.promotion import promote, top_cutoff, withdraw
from judgepanel.core.ranking import METHODS
from judgepanel.core.round_definitions import KIND_LABELS, KINDS, RoundSpec, check_pass_rule
from judgepanel.core.round_results import RoundResult, round_result
from judgepanel.core.rounds import (
    Round,
    add_round,
    award_rounds,
    close_round,
    current_round,
    round_entries,
    rounds_summary,
)
from judgepanel.core.store import Store
from judgepanel.core.tomlfiles import read_toml
from judgepanel.gui.forms.ui_rounds_dialog import Ui_RoundsDialog
from judgepanel.gui.pages.common import plural, window_words
from judgepanel.gui.panel_worker import ASSIGNMENTS, AWARDS, DECISIONS, ENTRIES, SCORES
from judgepanel.gui.ranking_models import method_label
from judgepanel.gui.rounds_models import RoundResultModel, RoundsModel

# What a round's change touches: the pages that show rounds, assignments, packs and results.
ROUND_CHANGES = frozenset({AWARDS, ENTRIES, ASSIGNMENTS, SCORES, DECISIONS})
ERROR_STYLE = ("QLabel { color: #5c0b0b; background: #fde7e9; border-left: 4px solid #b3261e;"
               " padding: 4px; }")
DONE_STYLE = ("QLabel { color: #0d3b1a; background: #e6f4ea; border-left: 4px solid #1e7a34;"
              " padding: 4px; }")
Runner = Callable[[Callable[[Store], Any], Iterable[str]], Any]


class RoundsDialog(QDialog):
    """One award's rounds: add, close, promote into, withdraw from."""

    changed = Signal()  # a round was added or closed, or entries moved

    def __init__(self, store: Store, award_id: str, award_name: str,
                 run: Runner | None = None, who: str = "Coordinator",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.award_id = award_id
        self.award_name = award_name
        self._run: Runner = run or (lambda work, _changes: work(store))
        self.rounds: list[Round] = []
        self.source: RoundResult | None = None
        self.ui = Ui_RoundsDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(f"Rounds: {award_name}")
        self.ui.who.setText(who)
        self.rounds_model = RoundsModel(self)
        self.ui.rounds_table.setModel(self.rounds_model)
        self.ui.rounds_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.ui.rounds_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch)
        self.ranking_model = RoundResultModel(self)
        self.ui.ranking.setModel(self.ranking_model)
        self.ui.ranking.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.ui.ranking.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch)
        for kind in KINDS:
            self.ui.kind.addItem(KIND_LABELS[kind], kind)
        for rule, text in (("majority", "majority"), ("all", "all"), ("2", "at least 2")):
            self.ui.pass_rule.addItem(text, rule)
        self.ui.message.hide()
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.close_round_button.clicked.connect(self.ask_close)
        self.ui.to_round.currentIndexChanged.connect(lambda _: self._load_source())
        for radio in (self.ui.by_top, self.ui.by_score, self.ui.by_choice, self.ui.by_rule):
            radio.toggled.connect(lambda _on: self._rule_changed())
        self.ui.top.valueChanged.connect(lambda _: self.preview())
        self.ui.min_score.valueChanged.connect(lambda _: self.preview())
        self.ranking_model.ticks_changed.connect(self._ticks_changed)
        self.ui.promote_button.clicked.connect(self.promote)
        self.ui.kind.currentIndexChanged.connect(lambda _: self._kind_changed())
        self.ui.browse_button.clicked.connect(self._browse_sections)
        self.ui.add_button.clicked.connect(self.add)
        self.ui.withdraw_round.currentIndexChanged.connect(lambda _: self._load_withdrawable())
        self.ui.withdraw_button.clicked.connect(self.withdraw)
        self.ui.rounds_table.selectionModel().selectionChanged.connect(
            lambda *_: self._update_close())
        self._kind_changed()
        self.refresh()

    # ----- reading -----------------------------------------------------------------------

    def read(self, work: Callable[[Store], Any]) -> Any:
        return self._run(work, ())

    def refresh(self) -> None:
        """Re-read the award's rounds and what the tabs offer."""
        award = self.award_id
        summary, self.rounds = self.read(lambda store: (rounds_summary(store, award),
                                                        award_rounds(store, award)))
        self.rounds_model.set_summary(summary, self.rounds)
        self._fit_rounds_table()
        current = current_round(self.rounds)
        self.ui.rounds_table.selectRow(current.position)
        self._update_close()
        keep = self.ui.to_round.currentData()
        later = [r for r in self.rounds if not r.first and not r.closed]
        self.ui.to_round.blockSignals(True)
        self.ui.to_round.clear()
        for found in later:
            self.ui.to_round.addItem(f"{found.position + 1}. {found.name}", found.id)
        index = self.ui.to_round.findData(keep)
        if index < 0 and later:  # the first later round the current round leads into
            following = [r for r in later if r.position > current.position]
            index = self.ui.to_round.findData((following or later)[0].id)
        self.ui.to_round.setCurrentIndex(index)
        self.ui.to_round.blockSignals(False)
        self.ui.promote_tab.setEnabled(bool(later))
        if not later and len(self.rounds) == 1:
            self.ui.tabs.setCurrentWidget(self.ui.add_tab)  # nothing to promote into yet
        self._load_source()
        keep_withdraw = self.ui.withdraw_round.currentData()
        self.ui.withdraw_round.blockSignals(True)
        self.ui.withdraw_round.clear()
        for found in self.rounds:
            if not found.closed:
                self.ui.withdraw_round.addItem(f"{found.position + 1}. {found.name}", found.id)
        index = self.ui.withdraw_round.findData(keep_withdraw)
        self.ui.withdraw_round.setCurrentIndex(index if index >= 0 else
                                               max(0, self.ui.withdraw_round.count() - 1))
        self.ui.withdraw_round.blockSignals(False)
        self._load_withdrawable()

    def _fit_rounds_table(self) -> None:
        """As tall as the award's rounds (at least three rows): the ranking below gets the
        room, so the entries on both sides of a cut-off are in view."""
        table = self.ui.rounds_table
        rows = max(self.rounds_model.rowCount(), 3)
        table.setMaximumHeight(table.horizontalHeader().sizeHint().height()
                               + rows * table.verticalHeader().defaultSectionSize()
                               + 2 * table.frameWidth() + 2)

    def round_named(self, round_id: str | None) -> Round | None:
        return next((r for r in self.rounds if r.id == round_id), None)

    def _load_source(self) -> None:
        """The ranking of the round before the one promoted into."""
        target = self.round_named(self.ui.to_round.currentData())
        if target is None:
            self.source = None
            self.ranking_model.set_result(None)
            self.ui.from_round.setText("")
            self.ui.cutoff.setText("Add a later round (Add a round) to promote entries into it."
                                   if len(self.rounds) == 1 else
                                   "Every later round is closed: nothing can be promoted.")
            self.ui.promote_button.setEnabled(False)
            return
        before = self.rounds[target.position - 1]
        award = self.award_id
        self.source = self.read(lambda store: round_result(store, award, before.id))
        self.ranking_model.set_result(self.source)
        state = "still open" if not before.closed else "closed"
        self.ui.from_round.setText(
            f"{before.position + 1}. {before.name} ({state}; "
            f"{plural(len(self.source.lines), 'entry', 'entries')}, ranked by "
            f"{_method_words(self.source.method)})")
        qualifying = before.kind == "qualifying"
        self.ui.by_score.setEnabled(not qualifying)  # passes, not scores
        self.ui.by_rule.setVisible(qualifying)
        if qualifying and not self.ui.by_choice.isChecked():
            self.ui.by_rule.setChecked(True)  # a qualifying round's own rule first
        elif not qualifying and self.ui.by_rule.isChecked():
            self.ui.by_top.setChecked(True)
        self._rule_changed()

    def _load_withdrawable(self) -> None:
        found = self.round_named(self.ui.withdraw_round.currentData())
        entries: list[str] = []
        if found is not None:
            entries = self.read(lambda store: round_entries(store, found))
        titles = {line.entry: line.title for line in (self.source.lines if self.source else [])}
        self.ui.withdraw_entry.clear()
        for entry in entries:
            title = titles.get(entry)
            self.ui.withdraw_entry.addItem(f"{entry}: {title}" if title else entry, entry)
        self.ui.withdraw_button.setEnabled(bool(entries))

    # ----- the promotion's preview -------------------------------------------------------

    def rule(self) -> str:
        if self.ui.by_rule.isChecked() and self.ui.by_rule.isVisibleTo(self):
            return "rule"
        if self.ui.by_score.isChecked():
            return "score"
        if self.ui.by_choice.isChecked():
            return "choice"
        return "top"

    def _rule_changed(self) -> None:
        self.ranking_model.set_tickable(self.rule() == "choice")
        self.ui.top.setEnabled(self.rule() == "top")
        self.ui.min_score.setEnabled(self.rule() == "score")
        self.preview()

    def _ticks_changed(self) -> None:
        if self.rule() == "choice":
            self.preview()

    def preview(self) -> tuple[list[str], list[str]]:
        """Mark on the ranking what the promotion would take (and any tie at the cut-off),
        say it above the table, and allow Promote only when the core would accept it."""
        if self.source is None:
            return [], []
        lines = self.source.lines
        going: list[str] = []
        tied: list[str] = []
        red = "#b3261e"
        name = self.source.round.name
        if self.rule() == "top":
            top = self.ui.top.value()
            cut = top_cutoff(lines, top)
            tied = [line.entry for line in cut.tied]
            if cut.tied:
                named = ", ".join(f"{line.entry} ({_score(line.score)})" for line in cut.tied)
                text = (f"<span style='color:{red}'><b>Tie at the cut-off:</b> {escape(named)} "
                        f"share rank {cut.tied[0].rank}, so the top {top} cannot be taken "
                        "without breaking the tie.</span> Promote a different number, or tick "
                        "the entries (the chair's choice) and give the reason.")
            else:
                going = cut.promoted
                edge = next((line for line in lines if going and line.entry == going[-1]), None)
                text = (f"The top {len(going)} of {escape(name)} go through (green)"
                        + (f"; the cut-off is rank {edge.rank} with {_score(edge.score)}"
                           if edge is not None else "") + ".")
        elif self.rule() == "rule":
            going = [line.entry for line in lines if line.goes_through]
            text = (f"{plural(len(going), 'entry', 'entries')} of {escape(name)} pass by its "
                    f"rule ({escape(self.source.round.pass_rule)}) and go through (green).")
        elif self.rule() == "score":
            least = self.ui.min_score.value()
            going = [line.entry for line in lines
                     if line.score is not None and line.score >= least - 1e-9]
            text = (f"{plural(len(going), 'entry', 'entries')} of {escape(name)} score at least "
                    f"{least:g} and go through (green).")
        else:
            going = [e for e in self.ranking_model.entries() if e in self.ranking_model.ticked]
            text = (f"The chair's choice: {plural(len(going), 'entry', 'entries')} ticked"
                    + (f" ({escape(', '.join(going))})" if going else
                       "; tick the entries that go through") + ".")
        self.ranking_model.mark(set(going), set(tied))
        self.ui.cutoff.setText(text)
        self.ui.promote_button.setEnabled(bool(going) and not tied)
        self.ui.promote_button.setToolTip(
            "A tie at the cut-off is never broken silently: choose a different number or the "
            "entries" if tied else "Move these entries into the round, with the reason")
        return going, tied

    # ----- changing ----------------------------------------------------------------------

    def _change(self, what: str, work: Callable[[Store], Any]) -> Any:
        """Run a change through the core; a refusal is said in the dialog, which stays open."""
        try:
            outcome = self._run(work, ROUND_CHANGES)
        except JudgePanelError as exc:
            self.say(f"{what}: " + window_words(str(exc), {self.award_id: self.award_name},
                                                 capital=False), error=True)
            return None
        self.changed.emit()
        return outcome

    def say(self, text: str, error: bool = False) -> None:
        self.ui.message.setText(text)
        self.ui.message.setStyleSheet(ERROR_STYLE if error else DONE_STYLE)
        self.ui.message.show()

    def promote(self) -> list[str] | None:
        """Promote by the chosen rule with the reason; the core refuses a tie at the cut-off,
        a missing reason or a closed round, and the dialog says why."""
        target = self.ui.to_round.currentData()
        if target is None:
            return None
        award, reason, who = self.award_id, self.ui.reason.text(), self.ui.who.text().strip()
        rule = self.rule()
        top = self.ui.top.value() if rule == "top" else None
        least = self.ui.min_score.value() if rule == "score" else None
        chosen = ([e for e in self.ranking_model.entries() if e in self.ranking_model.ticked]
                  if rule == "choice" else None)
        if rule == "choice" and not chosen:
            self.say("Not promoted: tick the entries that go through first.", error=True)
            return None
        moved = self._change("Not promoted", lambda store: promote(
            store, award, target, reason, who=who, top=top, min_score=least, entries=chosen))
        if moved is None:
            return None
        into = self.round_named(target)
        name = into.name if into is not None else target
        self.say(f"{plural(len(moved), 'entry', 'entries')} promoted to {name}"
                 + (f": {', '.join(moved)}" if moved else " (they were all there already)")
                 + ". Recorded in the audit log with the reason.")
        self.ui.reason.clear()
        self.refresh()
        return list(moved)

    def _kind_changed(self) -> None:
        qualifying = self.ui.kind.currentData() == "qualifying"
        self.ui.pass_rule.setEnabled(qualifying)
        self.ui.weight.setEnabled(not qualifying)
        self.ui.sections_file.setEnabled(not qualifying)
        self.ui.browse_button.setEnabled(not qualifying)

    def _browse_sections(self) -> None:
        folder = str(Path(self.store.path).parent) if self.store.path else ""
        name, _ = QFileDialog.getOpenFileName(self, "The round's sections", folder,
                                              "Sections (*.toml);;All files (*)")
        if name:
            self.ui.sections_file.setText(name)

    def pass_rule_text(self) -> str:
        index = self.ui.pass_rule.currentIndex()
        text = self.ui.pass_rule.currentText().strip()
        if index >= 0 and self.ui.pass_rule.itemText(index) == text:
            return str(self.ui.pass_rule.itemData(index))
        return text.removeprefix("at least ").strip()

    def add(self) -> Round | None:
        """Add the round described on the Add tab after the award's last round."""
        kind = str(self.ui.kind.currentData())
        try:
            sections = None
            file = self.ui.sections_file.text().strip()
            if file and kind != "qualifying":
                tables = read_toml(Path(file), "sections file").get("sections")
                if not isinstance(tables, list) or not tables:
                    raise JudgePanelError(f"{file}: sections: the file needs at least one "
                                          "[[sections]] table")
                sections = tuple(tables)
            rule = check_pass_rule(self.pass_rule_text(), "Pass rule") \
                if kind == "qualifying" else ""
        except JudgePanelError as exc:
            self.say("Not added: " + window_words(str(exc), capital=False), error=True)
            return None
        weight = self.ui.weight.value() if kind != "qualifying" and self.ui.weight.value() \
            else None
        spec = RoundSpec(self.ui.round_id.text().strip(), self.ui.round_name.text().strip(),
                         kind, sections, weight, rule)
        award, who = self.award_id, self.ui.who.text().strip()
        added = self._change("Not added", lambda store: add_round(store, award, spec, who=who))
        if added is None:
            return None
        self.say(f"Round {added.position + 1}, {added.name} ({KIND_LABELS[added.kind]}), added. "
                 "Promote entries into it on the Promote tab.")
        for field in (self.ui.round_id, self.ui.round_name, self.ui.sections_file):
            field.clear()
        self.ui.weight.setValue(0)
        self.refresh()
        self.ui.to_round.setCurrentIndex(self.ui.to_round.findData(added.id))
        return added

    def selected_round(self) -> Round | None:
        rows = self.ui.rounds_table.selectionModel().selectedRows()
        return self.rounds[rows[0].row()] if rows and rows[0].row() < len(self.rounds) else None

    def _update_close(self) -> None:
        found = self.selected_round()
        self.ui.close_round_button.setEnabled(found is not None and not found.closed)
        if found is not None:
            self.ui.close_round_button.setText(f"C&lose {found.name}…")

    def ask_close(self) -> None:
        found = self.selected_round()
        if found is None:
            return
        answer = QMessageBox.question(
            self, "Close round",
            f"Close {found.name}? Its packs are refused at merge from then on, and closing "
            "cannot be undone.")
        if answer == QMessageBox.StandardButton.Yes:
            self.close_round(found.id)

    def close_round(self, round_id: str) -> Round | None:
        award, who = self.award_id, self.ui.who.text().strip()
        closed = self._change("Not closed",
                              lambda store: close_round(store, award, round_id, who=who))
        if closed is None:
            return None
        self.say(f"{closed.name} closed: its packs are refused at merge from now on.")
        self.refresh()
        return closed

    def withdraw(self) -> bool:
        round_id = self.ui.withdraw_round.currentData()
        entry = self.ui.withdraw_entry.currentData()
        if round_id is None or entry is None:
            return False
        award, reason, who = self.award_id, self.ui.withdraw_reason.text(), \
            self.ui.who.text().strip()
        def work(store: Store) -> bool:
            withdraw(store, award, round_id, entry, reason, who=who)
            return True

        if not self._change("Not withdrawn", work):
            return False
        found = self.round_named(round_id)
        self.say(f"{entry} withdrawn from {found.name if found else round_id} "
                 "(recorded in the audit log with the reason).")
        self.ui.withdraw_reason.clear()
        self.refresh()
        return True

    def tick(self, entries: Iterable[str]) -> None:
        """Tick entries for the chair's choice (as clicking their boxes does)."""
        for entry in entries:
            self.ranking_model.tick(entry, True)


def _method_words(method: str) -> str:
    """A ranking method as the method switch on the Results page names it."""
    if method in METHODS:
        return f"the {method_label(method)} method"
    return {"consensus": "the panel's agreed scores"}.get(method, method)


def _score(value: float | None) -> str:
    return "no score" if value is None else f"{value:.1f}"

