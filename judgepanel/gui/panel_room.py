"""The panel room: the chair records the panel's agreed scores in a consensus round, one entry
at a time, with the entry's earlier rounds beside it and a timer per entry.

Keyboard first: digits type a score, Tab moves to the next section and then to the note,
Page Up and Page Down show the previous and next entry, Ctrl+Z and Ctrl+Shift+Z undo and
redo. Every change is saved through core (`record_consensus`, `set_consensus_note`) on the
screen's own connection to the panel: a score on the keystroke, the note after a pause in
typing and at most `MAX_WAIT_MS` after its first unsaved key, so a killed process loses at
most the last second. "Present" shows the entry and the agreed scores on a second screen
(`projector_window.py`).
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import QHeaderView, QLabel, QSizePolicy, QTableWidgetItem, QWidget

from judgepanel.core.award_results import award_results
from judgepanel.core.awards import Award
from judgepanel.core.consensus import consensus_sheet, record_consensus, set_consensus_note
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
from judgepanel.gui.projector_window import ProjectedSheet, ProjectorWindow
from judgepanel.gui.scoring_panel import ScoreBox
from judgepanel.gui.undo import OVERALL, SetCommentCommand, SetScoreCommand

IDLE_MS = 400  # a pause in typing the note saves it
MAX_WAIT_MS = 700  # and it is never held longer than this after its first unsaved key
EARLIER_COLUMNS = ("Round", "Rank", "Score", "Spread (SD)", "Judges", "Flags")
ROUND_COLUMNS = ("Entry", "Title", "Agreed total", "Rank", "Time")


def consensus_rounds(store: Store) -> list[Round]:
    """Every consensus round of the panel's awards, award by award, in order."""
    return [found for award in award_names(store) for found in award_rounds(store, award)
            if found.kind == "consensus"]


def has_open_consensus_round(store: Store) -> bool:
    """Whether the panel room has anything to record: an open consensus round."""
    return any(not found.closed for found in consensus_rounds(store))


@dataclass
class EarlierLine:
    """One earlier round of the entry shown: what the chair reads beside the agreed scores."""

    round: str
    rank: str
    score: str
    spread: str
    judges: str
    flags: str


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _clock(seconds: float) -> str:
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    return (f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours
            else f"{rest // 60}:{rest % 60:02d}")


class PageKeys(QObject):
    """Page Up and Page Down belong to the room (previous and next entry), not to the score box
    (which would step the score by ten) or the note (which would scroll)."""

    KEYS = (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.key() in self.KEYS:
            event.ignore()  # not the widget's: the room's shortcut takes it
            return True
        return False


class PanelRoom(QWidget):
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
        self.undo_stack = QUndoStack(self)
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
        self.projector: ProjectorWindow | None = None
        self._typing = False
        self._pending_note: tuple[str, str] | None = None
        self._closed = False
        self._unreported = False  # saved since `changed` was last emitted
        self.details: dict[str, str] = {}
        self.hidden: set[str] = set()
        self.total = ""  # the agreed 0–100 total of the entry shown, once every section has one

        self._note_idle = QTimer(self, singleShot=True, interval=IDLE_MS)
        self._note_deadline = QTimer(self, singleShot=True, interval=MAX_WAIT_MS)
        self._note_idle.timeout.connect(self.flush)
        self._note_deadline.timeout.connect(self.flush)
        self.clock = QTimer(self, interval=500)  # restarted with each entry: whole seconds show
        self.clock.timeout.connect(self._show_time)
        self.clock.start()
        self.page_keys = PageKeys(self)
        if parent is not None:  # the panel window closing takes the room with it: save first
            parent.installEventFilter(self)

        self._style()
        self._build_actions()
        table = self.ui.earlier_table
        table.setColumnCount(len(EARLIER_COLUMNS))
        table.setHorizontalHeaderLabels(list(EARLIER_COLUMNS))
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        self.ui.earlier_group.setSizePolicy(QSizePolicy.Policy.Preferred,
                                            QSizePolicy.Policy.Maximum)
        so_far = self.ui.round_table
        so_far.setColumnCount(len(ROUND_COLUMNS))
        so_far.setHorizontalHeaderLabels(list(ROUND_COLUMNS))
        so_far.verticalHeader().hide()
        so_far.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        so_far.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        so_far.cellClicked.connect(lambda row, _column: self.show_entry(row))
        self.ui.note.textChanged.connect(self._note_typed)
        self.ui.note.escaped.connect(self._escape)
        self.ui.note.installEventFilter(self.page_keys)
        self.ui.previous_button.clicked.connect(self.previous_entry)
        self.ui.next_button.clicked.connect(self.next_entry)
        self.ui.present_button.clicked.connect(self.toggle_present)
        self.ui.show_judges.toggled.connect(lambda _on: self._update_projector())
        for screen in QGuiApplication.screens():
            self.ui.screen_combo.addItem(f"{screen.name()} ({screen.size().width()}×"
                                         f"{screen.size().height()})", screen.name())
        if self.ui.screen_combo.count() > 1:  # the projector is the screen the room is not on
            self.ui.screen_combo.setCurrentIndex(1)

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
        self._read_earlier(found)
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

    def _read_earlier(self, found: Round) -> None:
        """The rounds before this one, read once: rank, score, spread, flags; each judge's
        total in the first round (shown on the projector only when the chair ticks it)."""
        rounds = [r for r in award_rounds(self.store, found.award) if r.position < found.position]
        self.earlier = [round_result(self.store, found.award, r.id) for r in rounds]
        self.spreads, self.judge_scores = {}, {}
        if rounds and rounds[0].kind == "scored":
            results = award_results(self.store, found.award)
            self.spreads = {line.entry: line.sd for line in results.ranking().entries}
            self.judge_scores = {entry: [(t.judge, t.total) for t in totals]
                                 for entry, totals in results.analysis.counted.items()}

    def _build_boxes(self) -> None:
        form = self.ui.scores_form
        while form.rowCount():
            form.removeRow(0)
        self.boxes = {}
        assert self.award is not None
        previous: QWidget = self.ui.round_combo
        for section in self.award.sections:
            box = ScoreBox(self.award.scale_of(section))
            box.setAccessibleName(f"Agreed score: {section.title or section.id}")
            box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            box.setFont(self.ui.total_label.font())  # read across the table in the room
            box.setMinimumWidth(box.fontMetrics().horizontalAdvance("10.00") + 48)
            box.chosen.connect(lambda value, quick, s=section.id: self._score_typed(s, value,
                                                                                     quick))
            box.refused.connect(self._say)
            box.installEventFilter(self.page_keys)
            label = QLabel(f"{section.title or section.id} ({box.scale.describe()})")
            label.setWordWrap(True)
            label.setBuddy(box)
            form.addRow(label, box)
            self.boxes[section.id] = box
            QWidget.setTabOrder(previous, box)
            previous = box
        QWidget.setTabOrder(previous, self.ui.note)
        QWidget.setTabOrder(self.ui.note, self.ui.previous_button)

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
        self._fill_earlier(entry)
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
        self.ui.earlier_table.setRowCount(0)
        self.ui.round_table.setRowCount(0)
        self.ui.previous_button.setEnabled(False)
        self.ui.next_button.setEnabled(False)

    def earlier_lines(self, entry: str) -> list[EarlierLine]:
        lines = []
        for result in self.earlier:
            line = result.line(entry)
            name = result.round.name
            if line is None:
                lines.append(EarlierLine(name, "not in this round", "–", "–", "–", ""))
                continue
            rank = "–" if line.rank is None else f"{line.rank} of {len(result.lines)}"
            if result.round.kind == "qualifying":
                score = f"{line.passes} of {line.judges} passes"
            else:
                score = _number(line.score)
            spread = self.spreads.get(entry) if result.round.first else None
            lines.append(EarlierLine(name, rank, score, _number(spread), str(line.judges),
                                     ", ".join(line.flags)))
        return lines

    def _fill_earlier(self, entry: str) -> None:
        lines = self.earlier_lines(entry)
        table = self.ui.earlier_table
        table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            for column, text in enumerate((line.round, line.rank, line.score, line.spread,
                                           line.judges, line.flags)):
                table.setItem(row, column, QTableWidgetItem(text))
        table.resizeRowsToContents()
        rows = sum(table.rowHeight(row) for row in range(table.rowCount()))
        table.setFixedHeight(table.horizontalHeader().height() + rows
                             + 2 * table.frameWidth() + 2)  # its rows, and no empty space
        self.ui.earlier_group.setVisible(bool(lines))

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
        self._fill_round(result)

    def _fill_round(self, result: RoundResult) -> None:
        table = self.ui.round_table
        table.setRowCount(len(self.entries))
        titles = {line.entry: line for line in result.lines}
        for row, entry in enumerate(self.entries):
            line = titles.get(entry)
            cells = (entry, line.title if line else "", _number(line.score if line else None),
                     "–" if line is None or line.rank is None else str(line.rank),
                     _clock(self.time_on(entry)))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
        table.blockSignals(True)
        table.selectRow(self.index)
        table.blockSignals(False)

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
                                    else f"On this entry: {_clock(self.time_on(entry))}")
        cell = self.ui.round_table.item(self.index, 4) if entry is not None else None
        if cell is not None:
            cell.setText(_clock(self.time_on(entry or "")))

    # ----- typing, undo and saving -------------------------------------------------------

    def _score_typed(self, section: str, value: float | None, quick: bool) -> None:
        entry = self.current
        if entry is None:
            return
        command = SetScoreCommand(self, entry, section, self.scores[entry].get(section), value)
        command.quick = quick
        self.undo_stack.push(command)

    def _note_typed(self) -> None:
        entry = self.current
        if entry is None or self.ui.note.isReadOnly():
            return
        text = self.ui.note.toPlainText()
        command = SetCommentCommand(self, entry, OVERALL, self.notes.get(entry, ""), text)
        command.setText(f"Edit the panel's note on {entry}")
        self._typing = True
        try:
            self.undo_stack.push(command)
        finally:
            self._typing = False

    def apply_score(self, entry: str, section: str, value: float | None) -> None:
        """Save a score (typed, undone or redone) at once, on the entry concerned."""
        if entry != self.current and entry in self.entries:
            self.show_entry(self.entries.index(entry))
        found = self.round
        if found is not None and self._save(lambda: record_consensus(
                self.store, found.award, found.id, entry, section, value, who=self.who)):
            self.scores[entry][section] = value
        if entry == self.current:
            self.boxes[section].set_score(self.scores[entry].get(section))
            self._show_total()
        self._update_projector()

    def apply_comment(self, entry: str, field: str, text: str) -> None:
        """The note: typing is saved after a short pause; undo and redo at once."""
        if entry != self.current and entry in self.entries:
            self.show_entry(self.entries.index(entry))
        self.notes[entry] = text
        if entry == self.current:
            self.ui.note.set_text_quietly(text)
        self._pending_note = (entry, text)
        if self._typing:
            self._note_idle.start(IDLE_MS)
            if not self._note_deadline.isActive():
                self._note_deadline.start()
        else:
            self.flush()
        self._update_projector()

    def apply_complete(self, entry: str, complete: bool) -> bool:
        return False  # a consensus round has no "complete" mark

    def flush(self) -> None:
        """Save the note typed and not yet saved."""
        self._note_idle.stop()
        self._note_deadline.stop()
        if self._pending_note is None or self.round is None:
            return
        (entry, text), self._pending_note = self._pending_note, None
        found = self.round
        self._save(lambda: set_consensus_note(self.store, found.award, found.id, entry, text,
                                              who=self.who))

    def _save(self, write: Callable[[], object]) -> bool:
        try:
            write()
        except JudgePanelError as exc:
            self._refuse(f"Not saved: {exc}")
            if "is closed" in str(exc):
                self.set_editable(False)
            return False
        self.ui.saved_label.setText(f"Saved {datetime.now():%H:%M:%S}")
        self._unreported = True
        return True

    def _report_changes(self) -> None:
        if self._unreported:
            self._unreported = False
            self.changed.emit()

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
            judges = [(name, _number(total)) for name, total in self.judge_scores.get(entry, [])]
        organisation = "" if "organisation" in self.hidden else self.details["organisation"]
        return ProjectedSheet(entry, self.details["title"], organisation, rows,
                              self.total, self.notes.get(entry, ""), judges)

    def toggle_present(self) -> None:
        if self.projector is not None:
            self.projector.close()
            return
        self.present()

    def present(self) -> ProjectorWindow:
        """Open the projector window, full screen on the screen chosen."""
        if self.projector is None:
            self.projector = ProjectorWindow()
            self.projector.closed.connect(self._projector_closed)
        screens = {s.name(): s for s in QGuiApplication.screens()}
        screen = screens.get(self.ui.screen_combo.currentData()) or \
            QGuiApplication.primaryScreen()
        self._update_projector()  # filled first: a layout change may unsettle a full screen
        self.projector.present_on(screen)
        self.activateWindow()  # the chair goes on typing here; the projector only shows
        self.ui.present_button.setText("Stop &presenting")
        return self.projector

    def _projector_closed(self) -> None:
        self.projector = None
        self.ui.present_button.setText("&Present")

    def _update_projector(self) -> None:
        if self.projector is not None:
            sheet = self.projected()
            if sheet is not None:
                self.projector.show_sheet(sheet)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.projector is not None:
            self.projector.close()  # Escape here too: the projector is on another screen
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.parentWidget() and event.type() == QEvent.Type.Close:
            self.close()
        return False

    def _escape(self) -> None:
        """Escape in the note: closes the projector if it is open, else back to the scores."""
        if self.projector is not None:
            self.projector.close()
        elif self.boxes:
            next(iter(self.boxes.values())).setFocus()

    # ----- closing -----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._closed:
            self._closed = True
            self.flush()
            self._report_changes()
            self.clock.stop()
            if self.projector is not None:
                self.projector.close()
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
