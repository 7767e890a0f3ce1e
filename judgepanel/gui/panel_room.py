"""The panel room: the chair records the panel's agreed scores in a consensus round, one entry
at a time, with the entry's earlier rounds beside it and a timer per entry.

Keyboard first: digits type a score, Tab moves to the next section and then to the note,
Page Up and Page Down show the previous and next entry, Ctrl+Z and Ctrl+Shift+Z undo and
redo. Every change is saved through core on the screen's own connection to the panel, a
score on the keystroke and the note within a second (`panel_room_saving.py`). The earlier
rounds and the round so far are the two tables of `panel_room_tables.py`, the score boxes (one
per section) are made by `panel_room_scores.py`. "Present" shows the entry and the agreed
scores on a second screen (`projector_window.py`).
"""

from __future__ import annotations

import time
import warnings
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

from judgepanel.core.awards import Award
from judgepanel.core.consensus import consensus_sheet
from judgepanel.core.entries import get_entry
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judge_fields import hidden_fields
from judgepanel.core.panel import open_panel
from judgepanel.core.panel_details import award_names
from judgepanel.core.round_results import RoundResult, round_result
from judgepanel.core.rounds import Round, award_rounds, round_award, round_entries
from judgepanel.core.store import Store
from judgepanel.gui.forms.ui_panel_room import Ui_PanelRoom
from judgepanel.gui.pages.common import recorded_by
from judgepanel.gui.panel_room_saving import MAX_WAIT_MS, ConsensusSaving
from judgepanel.gui.panel_room_scores import PageKeys, build_score_boxes
from judgepanel.gui.panel_room_tables import (
    EarlierLine,
    EarlierRoundsTable,
    RoundSoFarTable,
    clock_text,
    earlier_lines,
    number_text,
    read_earlier,
)
from judgepanel.gui.projector_window import Presenter, ProjectedSheet, ProjectorWindow
from judgepanel.gui.scoring_panel import ScoreBox

__all__ = ["MAX_WAIT_MS", "PanelRoom", "consensus_rounds", "has_open_consensus_round", "main"]


def consensus_rounds(store: Store) -> list[Round]:
    """Every consensus round of the panel's awards, award by award, in order."""
    return [found for award in award_names(store) for found in award_rounds(store, award)
            if found.kind == "consensus"]


def has_open_consensus_round(store: Store) -> bool:
    """Whether the panel room has anything to record: an open consensus round."""
    return any(not found.closed for found in consensus_rounds(store))


class PanelRoom(ConsensusSaving, QWidget):
    """The chair's consensus screen on its own connection to the panel file."""

    # Something was saved: said when the chair leaves an entry and on closing (not on every
    # keystroke), so the panel window's pages re-read the panel then.
    changed = Signal()

    def __init__(self, path: Path, parent: QWidget | None = None, award_id: str | None = None,
                 round_id: str | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.path = Path(path)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the panel window warns of an altered history
            self.store = open_panel(self.path)
        self.who = recorded_by(self.store)
        self.ui = Ui_PanelRoom()
        self.ui.setupUi(self)
        self.setWindowTitle(f"Panel room — {self.store.title or self.path.stem} — JudgePanel")
        self._start_saving(self)
        self.round: Round | None = None
        self.award: Award | None = None
        self.entries: list[str] = []
        self.index = -1
        self.boxes: dict[str, ScoreBox] = {}
        self.scores: dict[str, dict[str, float | None]] = {}
        self.notes: dict[str, str] = {}
        self.earlier: list[RoundResult] = []
        self.spreads: dict[str, float | None] = {}
        self.judge_scores: dict[str, list[tuple[str, float | None]]] = {}
        self.elapsed: dict[str, float] = {}
        self.shown_at = time.monotonic()
        self._closed = False
        self.details: dict[str, str] = {}
        self.hidden: set[str] = set()
        self.total = ""  # the agreed 0–100 total of the entry shown, once every section has one

        self.clock = QTimer(self, interval=500)  # restarted with each entry: whole seconds show
        self.clock.timeout.connect(self._show_time)
        self.clock.start()
        self.page_keys = PageKeys(self)
        if parent is not None:  # the panel window closing takes the room with it: save first
            parent.installEventFilter(self)

        self._style()
        self._build_actions()
        self.earlier_table = EarlierRoundsTable(self.ui.earlier_table, self.ui.earlier_group)
        self.round_table = RoundSoFarTable(self.ui.round_table, self.show_entry)
        self.ui.note.textChanged.connect(self._note_typed)
        self.ui.note.escaped.connect(self._escape)
        self.ui.note.installEventFilter(self.page_keys)
        self.ui.previous_button.clicked.connect(self.previous_entry)
        self.ui.next_button.clicked.connect(self.next_entry)
        self.presenter = Presenter(self, self.ui.screen_combo, self.ui.present_button,
                                   self.projected)
        self.ui.show_judges.toggled.connect(lambda _on: self._update_projector())

        self.rounds = consensus_rounds(self.store)
        names = award_names(self.store)
        for award in dict.fromkeys(r.award for r in self.rounds):
            self.ui.award_combo.addItem(names.get(award, award), award)
        self.ui.award_combo.currentIndexChanged.connect(self._award_chosen)
        self.ui.round_combo.currentIndexChanged.connect(self._round_chosen)
        if not self.rounds:
            self._refuse("No award of this panel has a consensus round. Add one to an award "
                         "(in the panel window, or with `judgepanel round add … --kind "
                         "consensus`), promote the finalists into it, then open the panel "
                         "room.")
            self._show_nothing()
            self.set_editable(False)
            self.ui.present_button.setEnabled(False)
            return
        start = self._first_round(award_id, round_id)
        self.ui.award_combo.setCurrentIndex(self.ui.award_combo.findData(start.award))
        self._award_chosen()
        self.ui.round_combo.setCurrentIndex(self.ui.round_combo.findData(start.id))
        self._round_chosen()

    def _first_round(self, award_id: str | None, round_id: str | None) -> Round:
        """The round asked for, else the first open one (of the award asked for), else the
        first there is."""
        wanted = [r for r in self.rounds if award_id in (None, r.award)
                  and round_id in (None, r.id)] or self.rounds
        return next((r for r in wanted if not r.closed), wanted[0])

    # ----- how it looks ------------------------------------------------------------------

    def _style(self) -> None:
        heading = QFont(self.font())
        heading.setPointSizeF(heading.pointSizeF() * 1.6)
        heading.setBold(True)
        self.ui.entry_title.setFont(heading)
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.3)
        for label in (self.ui.timer_label, self.ui.total_label):
            label.setFont(big)
        self.ui.message.setStyleSheet("QLabel { background: palette(alternate-base); "
                                      "border: 1px solid palette(mid); padding: 6px; }")
        self.ui.message.hide()

    def _build_actions(self) -> None:
        def action(text: str, slot: object, *keys: str) -> QAction:
            made = QAction(text, self)
            made.setShortcuts([QKeySequence(k) for k in keys])
            made.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            made.triggered.connect(slot)
            self.addAction(made)
            return made

        self.undo_action = action("Undo", self.undo_stack.undo, "Ctrl+Z")
        self.redo_action = action("Redo", self.undo_stack.redo, "Ctrl+Shift+Z", "Ctrl+Y")
        self.previous_action = action("Previous entry", self.previous_entry, "PgUp")
        self.next_action = action("Next entry", self.next_entry, "PgDown")

    # ----- choosing the award and round --------------------------------------------------

    def _award_chosen(self) -> None:
        award = self.ui.award_combo.currentData()
        combo = self.ui.round_combo
        combo.blockSignals(True)
        combo.clear()
        for found in self.rounds:
            if found.award == award:
                combo.addItem(found.name + (" (closed)" if found.closed else ""), found.id)
        combo.blockSignals(False)
        self._round_chosen()

    def _round_chosen(self) -> None:
        award, round_id = self.ui.award_combo.currentData(), self.ui.round_combo.currentData()
        found = next((r for r in self.rounds if r.award == award and r.id == round_id), None)
        if found is None or found == self.round:
            return
        self.flush()
        self._stop_timer()
        self.undo_stack.clear()  # each step belongs to the round it was made in
        self.round = found
        self.award = round_award(self.store, found)
        self.entries = round_entries(self.store, found)
        self.hidden = set(hidden_fields(self.store, found.award))
        self.scores = {e: dict(consensus_sheet(self.store, found.award, found.id, e)["scores"])
                       for e in self.entries}
        self.notes = {e: consensus_sheet(self.store, found.award, found.id, e)["note"] or ""
                      for e in self.entries}
        self.earlier, self.spreads, self.judge_scores = read_earlier(self.store, found)
        self._build_boxes()
        self.index = -1
        if found.closed:
            self._refuse(f"Round '{found.name}' of award '{self.ui.award_combo.currentText()}' "
                         "is closed: its agreed scores are shown, and nothing more can be "
                         "recorded in it.")
        elif not self.entries:
            self._refuse(f"No entries have been promoted into round '{found.name}' yet: "
                         "promote the finalists first (Results page, or `judgepanel "
                         "promote`).")
        else:
            self._say("")
        self.set_editable(not found.closed)
        if self.entries:
            self.show_entry(0)
        else:
            self._show_nothing()

    def _build_boxes(self) -> None:
        assert self.award is not None
        self.boxes = build_score_boxes(
            self.ui.scores_form, self.award, self.ui.total_label.font(), self._score_typed,
            self._say, self.page_keys,
            (self.ui.round_combo, self.ui.note, self.ui.previous_button))

    def set_editable(self, editable: bool) -> None:
        for box in self.boxes.values():
            box.setEnabled(editable)
        self.ui.note.setReadOnly(not editable)

    # ----- one entry at a time ----------------------------------------------------------

    @property
    def current(self) -> str | None:
        return self.entries[self.index] if 0 <= self.index < len(self.entries) else None

    def show_entry(self, index: int) -> None:
        if not self.entries:
            return
        index = max(0, min(index, len(self.entries) - 1))
        if index == self.index:
            return
        self.flush()
        self._report_changes()
        self._stop_timer()
        self.index = index
        entry = self.entries[index]
        self.shown_at = time.monotonic()
        self.clock.start()
        details = get_entry(self.store, entry)
        self.details = details
        self.ui.position_label.setText(f"Entry {index + 1} of {len(self.entries)}")
        self.ui.entry_title.setText(f"{entry}: {details['title']}")
        shown = [details[name] for name in ("nominee", "organisation")
                 if details.get(name) and name not in self.hidden]
        self.ui.entry_details.setText(" · ".join(shown))
        self.ui.previous_button.setEnabled(index > 0)
        self.ui.next_button.setEnabled(index < len(self.entries) - 1)
        for section, box in self.boxes.items():
            box.set_score(self.scores[entry].get(section))
        self.ui.note.set_text_quietly(self.notes.get(entry, ""))
        self.earlier_table.fill(self.earlier_lines(entry))
        self._show_total()
        self._show_time()
        if self.boxes and self.round is not None and not self.round.closed:
            next(iter(self.boxes.values())).setFocus()
        self._update_projector()

    def previous_entry(self) -> None:
        self.show_entry(self.index - 1)

    def next_entry(self) -> None:
        self.show_entry(self.index + 1)

    def _show_nothing(self) -> None:
        for label in (self.ui.position_label, self.ui.entry_title, self.ui.entry_details,
                      self.ui.total_label):
            label.setText("")
        self.earlier_table.clear()
        self.round_table.clear()
        self.ui.previous_button.setEnabled(False)
        self.ui.next_button.setEnabled(False)

    def earlier_lines(self, entry: str) -> list[EarlierLine]:
        return earlier_lines(self.earlier, self.spreads, entry)

    def _show_total(self) -> None:
        """The entry's agreed total, and the round so far (each entry's total and rank)."""
        entry, found = self.current, self.round
        if entry is None or found is None:
            return
        result = round_result(self.store, found.award, found.id)
        line = result.line(entry)
        scored = sum(v is not None for v in self.scores[entry].values())
        if line is not None and line.score is not None:
            self.total = f"{line.score:.1f}"
            text = f"Agreed total: {line.score:.1f} of 100"
        else:
            self.total = ""
            text = f"Agreed total: when every section has a score ({scored} of " \
                   f"{len(self.boxes)} so far)"
        self.ui.total_label.setText(text)
        self.round_table.fill(self.entries, result, self.index, self.time_on)

    # ----- the timer ---------------------------------------------------------------------

    def time_on(self, entry: str) -> float:
        """Seconds spent on an entry while this screen was open (the shown one still runs)."""
        spent = self.elapsed.get(entry, 0.0)
        if entry == self.current:
            spent += time.monotonic() - self.shown_at
        return spent

    def _stop_timer(self) -> None:
        entry = self.current
        if entry is not None:
            self.elapsed[entry] = self.time_on(entry)
        self.shown_at = time.monotonic()

    def _show_time(self) -> None:
        entry = self.current
        self.ui.timer_label.setText("" if entry is None
                                    else f"On this entry: {clock_text(self.time_on(entry))}")
        if entry is not None:
            self.round_table.show_time(self.index, self.time_on(entry))

    # ----- messages ----------------------------------------------------------------------

    def _refuse(self, text: str) -> None:
        self.ui.message.setText(text)
        self.ui.message.setVisible(bool(text))

    def _say(self, text: str) -> None:
        self._refuse(text)

    @property
    def message(self) -> str:
        return self.ui.message.text() if self.ui.message.isVisible() else ""

    # ----- the projector -----------------------------------------------------------------

    def projected(self) -> ProjectedSheet | None:
        """What the room's screen shows: never a judge's name or score unless the chair
        ticked "Show judges' scores"."""
        entry, award = self.current, self.award
        if entry is None or award is None:
            return None
        rows = []
        for section in award.sections:
            value = self.scores[entry].get(section.id)
            rows.append((section.title or section.id, "–" if value is None else f"{value:g}",
                         f"of {award.scale_of(section).max:g}"))
        judges = None
        if self.ui.show_judges.isChecked():
            judges = [(name, number_text(total))
                      for name, total in self.judge_scores.get(entry, [])]
        organisation = "" if "organisation" in self.hidden else self.details["organisation"]
        return ProjectedSheet(entry, self.details["title"], organisation, rows,
                              self.total, self.notes.get(entry, ""), judges)

    @property
    def projector(self) -> ProjectorWindow | None:
        return self.presenter.projector

    def toggle_present(self) -> None:
        self.presenter.toggle()

    def present(self) -> ProjectorWindow:
        """Open the projector window, full screen on the screen chosen."""
        return self.presenter.present()

    def _update_projector(self) -> None:
        self.presenter.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.presenter.close():
            return  # Escape here too closes the projector: it is on another screen
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.parentWidget() and event.type() == QEvent.Type.Close:
            self.close()
        return False

    def _escape(self) -> None:
        """Escape in the note: closes the projector if it is open, else back to the scores."""
        if not self.presenter.close() and self.boxes:
            next(iter(self.boxes.values())).setFocus()

    # ----- closing -----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._closed:
            self._closed = True
            self.flush()
            self._report_changes()
            self.clock.stop()
            self.presenter.close()
            self.store.close()
        super().closeEvent(event)


def main(argv: list[str] | None = None) -> int:
    """The panel room on its own, for a chair's second laptop:
    `python -m judgepanel.gui.panel_room PANEL [AWARD [ROUND]]`."""
    import sys

    from PySide6.QtWidgets import QApplication

    args = sys.argv[1:] if argv is None else argv
    if not 1 <= len(args) <= 3:
        print("usage: python -m judgepanel.gui.panel_room PANEL [AWARD [ROUND]]",
              file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    try:
        room = PanelRoom(Path(args[0]), award_id=args[1] if len(args) > 1 else None,
                         round_id=args[2] if len(args) > 2 else None)
    except JudgePanelError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    room.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
