"""The judge's window: the entry list, the entry with its guidance, and the scoring panel.

Every change the judge makes is an undoable command; the command calls back here
(`apply_score`, `apply_comment`, `apply_complete`), which shows the entry concerned, updates
the widget and queues the write on the `PackWriter`'s thread; the writer reports back each
entry's status as the file now holds it. The window keeps what it last wrote per entry, so
it never waits for the disk. Menus carry every shortcut.

A pack for a later round says so in the title and above the list ("Final — round 2 of the
award"); a qualifying round's pack shows the pass or fail panel (gui/vote_panel.py) instead
of the section scores, each vote saved at once through the same writer.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QUndoStack
from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QWidget

from judgepanel.core.pack_votes import PackVoting, pack_round
from judgepanel.core.packs import open_pack, pack_expired, pack_expires
from judgepanel.core.scoring import Judging
from judgepanel.core.scoring_session import ScoringSession
from judgepanel.gui import judge_session as session
from judgepanel.gui.attachments_pane import AttachmentsPane, documents_beside
from judgepanel.gui.autosave import BACKUP_EVERY_MS, PackWriter, backup_pack
from judgepanel.gui.forms.ui_judge_window import Ui_JudgeWindow
from judgepanel.gui.help_overlay import EXTRA_KEYS, VOTE_KEYS, HelpOverlay
from judgepanel.gui.icons import app_icon
from judgepanel.gui.judge_dialogs import ConflictDialog
from judgepanel.gui.judge_models import ENTRY_ID_ROLE, EntryFilterModel, EntryListModel
from judgepanel.gui.judge_return import ScoreReturn
from judgepanel.gui.palettes import keep_palette_readable, readable_links
from judgepanel.gui.passphrase_dialog import unlock_pack
from judgepanel.gui.settings import ZOOM_STEPS, Settings
from judgepanel.gui.tasks import run_task, wait_for_tasks
from judgepanel.gui.undo import OVERALL, MarkCompleteCommand, SetCommentCommand, SetScoreCommand
from judgepanel.gui.vote_panel import (
    VOTE_FILTERS,
    SetVoteCommand,
    Vote,
    VoteListModel,
    VotePanel,
    vote_status,
)
from judgepanel.gui.wheel_guard import install_wheel_guard
from judgepanel.gui.window_fit import place_window, remember_window

WINDOW = "judge"
STATUS_FILTERS = (("Entries to score: all", None), ("Not started", "not started"),
                  ("In progress", "in progress"), ("Complete", "complete"))
REASON_PAUSE_MS = 400  # a reason is saved after this pause in typing, and at the latest
REASON_MAX_WAIT_MS = 700  # this long after the first keystroke not yet saved
# Menu actions that only mean something with section scores (left out in a qualifying round).
SCORING_ONLY = ("next_section", "previous_section", "comment", "overall", "complete")


class JudgeWindow(QMainWindow):
    """Scoring one judge's pack."""

    def __init__(self, path: Path, settings: Settings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        install_wheel_guard()
        self.path = Path(path)
        self.settings = settings or Settings()
        self.store = open_pack(self.path, unlock_pack(self.path, parent))
        self.judging = Judging.for_pack(self.store)
        self.round = pack_round(self.store)  # None: a first-round pack
        self.voting = PackVoting(self.store) if self.round and self.round.qualifying else None
        self.ui = Ui_JudgeWindow()
        self.ui.setupUi(self)
        self.ui.entryView.show_scale = self.voting is None  # pass or fail: no scale to show
        self.setWindowIcon(app_icon())
        judge = self.store.meta("judge_name", "") or ""
        title = self.store.meta("panel_title", "") or self.store.title
        shown = [judge, self.round.label, title] if self.round else [judge, title]
        self.setWindowTitle(" · ".join([*shown, "JudgePanel"]))
        self.setAccessibleName("JudgePanel scoring window")
        self.entries = session.load_entries(self.judging)
        self.awards = session.load_awards(self.judging)
        self.search = session.build_search(self.entries)
        # A qualifying round: the judge's pass or fail per entry (what the pack holds, and
        # afterwards what this window last saved; a fail waiting for its reason is shown).
        self.known_votes: dict[str, tuple[bool | None, str]] = {}
        rows = [session.entry_row(self.judging, e, self.awards[e["award"]])
                for e in self.entries.values()]
        if self.voting is not None:
            for entry, vote in self.voting.votes().items():
                self.known_votes[entry] = (vote.passed, vote.reason)
            rows = [row if row.status == "conflict" else
                    replace(row, status=vote_status(*self.known_votes.get(row.id, (None, ""))))
                    for row in rows]
        self.model = (VoteListModel if self.voting else EntryListModel)(rows, self)
        self.current: str | None = None
        self.known_scores: dict[tuple[str, str], float | None] = {}
        self.known_comments: dict[tuple[str, str], str] = {}
        self.undo_stack = QUndoStack(self)
        self.known_tags: dict[str, list[str]] = {}
        self.writer = PackWriter(self.path, self)
        self.writer.saved.connect(self._saved)
        self.writer.failed.connect(self.show_problem)
        self.writer.status_changed.connect(self._status_changed)
        self.closed = False
        self.returning = ScoreReturn(self)
        self._setup_lists()
        self._setup_panes()
        self._setup_status_bar()
        self._setup_actions()
        self._setup_round()
        self.help = HelpOverlay(self.ui.centralwidget, self.shortcut_actions())
        self.help.set_actions(self.shortcut_actions(),
                              extra=VOTE_KEYS if self.voting else EXTRA_KEYS)
        self._restore_layout()
        self._readable_headings()
        self.set_zoom(self.settings.zoom)
        self.backup_timer = QTimer(self, interval=BACKUP_EVERY_MS)
        self.backup_timer.timeout.connect(self.backup_in_background)
        self.backup_timer.start()
        self.update_progress()
        first = self.list_proxy.index(0, 0)
        if first.isValid():
            self.ui.entryList.setCurrentIndex(first)
            if self.voting is not None:
                self.vote_panel.focus_buttons()
            else:
                self.ui.scoringPanel.focus_section(self.ui.scoringPanel.current_section or "")
        else:
            self.ui.entryView.clear_entry()
        self.expired = pack_expired(self.store)
        if self.expired:  # past its date: the judge can read and return it, not score
            self.ui.scoringPanel.setEnabled(False)
            self.vote_panel.setEnabled(False)
            self.show_problem(f"This pack expired on {_long_date(pack_expires(self.store))}: "
                              "it can only be returned to the coordinator (File, Return).")

    # ----- building ----------------------------------------------------------------------

    def _setup_lists(self) -> None:
        self.list_proxy = EntryFilterModel(conflicts=False, parent=self)
        self.list_proxy.setSourceModel(self.model)
        self.conflict_proxy = EntryFilterModel(conflicts=True, parent=self)
        self.conflict_proxy.setSourceModel(self.model)
        for view, proxy in ((self.ui.entryList, self.list_proxy),
                            (self.ui.conflictList, self.conflict_proxy)):
            view.setModel(proxy)
            view.verticalHeader().hide()
            header = view.horizontalHeader()
            header.setAccessibleName("Columns: entry, title, status")
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
            view.installEventFilter(self)
        self.ui.entryList.selectionModel().currentRowChanged.connect(self._list_moved)
        self.ui.conflictList.selectionModel().currentRowChanged.connect(self._list_moved)
        for text, status in VOTE_FILTERS if self.voting else STATUS_FILTERS:
            self.ui.statusFilter.addItem(text, status)
        self.ui.statusFilter.currentIndexChanged.connect(
            lambda i: self.list_proxy.set_status(self.ui.statusFilter.itemData(i)))
        self.ui.searchBox.textChanged.connect(self._search)
        self.conflict_proxy.rowsInserted.connect(self._show_conflicts)
        self.conflict_proxy.rowsRemoved.connect(self._show_conflicts)
        self.conflict_proxy.modelReset.connect(self._show_conflicts)
        self._show_conflicts()

    def _setup_panes(self) -> None:
        panel = self.ui.scoringPanel
        panel.set_tags_available(session.framework_tags())
        panel.score_changed.connect(self._score_typed)
        panel.comment_changed.connect(self._comment_typed)
        panel.tags_changed.connect(self._tags_changed)
        panel.section_focused.connect(self.ui.entryView.scroll_to_section)
        panel.complete_requested.connect(self.mark_complete)
        panel.conflict_requested.connect(self.declare_conflict)
        self.ui.entryView.section_clicked.connect(panel.focus_section)
        self.ui.entryView.installEventFilter(self)
        self.ui.splitter.setStretchFactor(0, 2)
        self.ui.splitter.setStretchFactor(1, 5)
        self.ui.splitter.setStretchFactor(2, 3)
        self.ui.splitter.setSizes([360, 620, 460])
        # The entry's supporting documents, in a tab beside its answers (the scores stay in view).
        self.documents = AttachmentsPane(self.store, int(self.store.meta("judge_id") or 0))
        self.entry_tabs = documents_beside(self.ui.splitter, self.ui.entryView, self.documents)
        self.documents.cite.connect(self.cite_in_comment)

    def _setup_status_bar(self) -> None:
        self.saved_label = QLabel("No changes yet")
        self.saved_label.setAccessibleName("When your work was last saved")
        self.ui.statusbar.addPermanentWidget(QLabel(self.path.name))
        self.ui.statusbar.addPermanentWidget(self.saved_label)

    def _setup_actions(self) -> None:
        from judgepanel.gui.judge_actions import build_menus

        self.actions_by_name = build_menus(self)

    def _setup_round(self) -> None:
        """Which round the pack is for, above the list; a qualifying round's pass or fail
        panel in place of the section scores."""
        self.vote_panel = VotePanel(self)  # hidden unless a qualifying round (then in the splitter)
        self.vote_panel.setObjectName("votePanel")
        self.reason_timer = QTimer(self, singleShot=True, interval=REASON_PAUSE_MS)
        self.reason_timer.timeout.connect(self._save_pending_reason)
        self.reason_deadline = QTimer(self, singleShot=True, interval=REASON_MAX_WAIT_MS)
        self.reason_deadline.timeout.connect(self._save_pending_reason)
        self._pending_reason: str | None = None  # the entry whose reason waits to be saved
        self._thread_voting: PackVoting | None = None  # the writer thread's own
        label = self.ui.roundLabel
        label.setVisible(self.round is not None)
        if self.round is None:
            self.vote_panel.hide()
            return
        what = ("Qualifying round: pass or fail each entry; a fail needs a reason."
                if self.voting else "Score this round's sections.")
        label.setText(f"<b>{self.round.label}</b><br>{what}")
        label.setAccessibleDescription(f"This pack is for {self.round.label}. {what}")
        if self.voting is None:
            self.vote_panel.hide()
            return
        self.ui.scoringPanel.hide()
        self.ui.splitter.insertWidget(self.ui.splitter.indexOf(self.ui.scoringPanel),
                                      self.vote_panel)
        self.vote_panel.vote_chosen.connect(self.choose_vote)
        self.vote_panel.reason_changed.connect(self._reason_typed)
        self.vote_panel.conflict_requested.connect(self.declare_conflict)
        for widget in self.vote_panel.key_widgets():
            widget.installEventFilter(self)
        for name in SCORING_ONLY:
            self.actions_by_name[name].setEnabled(False)

    def shortcut_actions(self) -> list[QAction]:
        """The menu's actions; in a qualifying round, not those for section scores."""
        left_out = SCORING_ONLY if self.voting is not None else ()
        return [action for name, action in self.actions_by_name.items()
                if name not in left_out]

    def _restore_layout(self) -> None:
        place_window(self, self.settings, WINDOW)
        state = self.settings.splitter_state(WINDOW, "panes")
        if state is not None:
            self.ui.splitter.restoreState(state)

    def cite_in_comment(self, citation: str) -> None:
        """Put "(Evaluation.pdf, p. 4)" into the comment of the section being scored."""
        panel = self.ui.scoringPanel
        card = panel.cards.get(panel.current_section or "")
        if card is None or not panel.isEnabled():
            return
        box = card.comment
        text = box.toPlainText()
        box.moveCursor(box.textCursor().MoveOperation.End)
        box.insertPlainText(("" if not text or text.endswith((" ", "\n")) else " ")
                            + f"({citation})")

    # ----- choosing an entry -------------------------------------------------------------

    def _list_moved(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.show_entry(current.data(ENTRY_ID_ROLE))

    def show_entry(self, entry_id: str) -> None:
        """Show one entry in the reading pane and the scoring panel."""
        if entry_id == self.current:
            return
        self._save_pending_reason()
        self.writer.flush()
        self.current = entry_id
        entry = self.entries[entry_id]
        award = self.awards[entry["award"]]
        self.ui.entryView.show_entry(entry, award)
        self.documents.show_entry(entry_id, entry["award"])
        if self.voting is not None:
            self._show_vote(entry_id)
            return
        panel = self.ui.scoringPanel
        panel.set_award(award)
        if (entry_id, OVERALL) not in self.known_comments:  # first visit: read the pack
            scores = self.judging.scores(entry_id)
            review = self.judging.review(entry_id)
            for section in award.sections:
                row = scores.get(section.id, {})
                self.known_scores[(entry_id, section.id)] = row.get("value")
                self.known_comments[(entry_id, section.id)] = row.get("comment", "")
            self.known_comments[(entry_id, OVERALL)] = review["comment"]
            self.known_tags[entry_id] = list(review["tags"])
        # Afterwards what this window last wrote is the truth (writes may still be queued).
        shown = {s.id: {"value": self.known_scores.get((entry_id, s.id)),
                        "comment": self.known_comments.get((entry_id, s.id), "")}
                 for s in award.sections}
        panel.show_entry(f"<b>{entry_id}</b> · {entry['title']}", shown,
                         self.known_comments[(entry_id, OVERALL)],
                         self.known_tags.get(entry_id, []))
        conflict = self.model.entry(entry_id).status == "conflict"
        panel.setEnabled(not conflict)
        if conflict:
            panel.set_message("You declared a conflict of interest: "
                              f"{session.conflict_reason(self.judging, entry_id)}")
        self._select_in_list(entry_id)
        QTimer.singleShot(0, self._prepare_next)

    def _prepare_next(self) -> None:
        """Lay out the next entry in the list while the judge reads this one, then the rest
        one at a time while idle, so any entry shows without parsing its text."""
        if self.closed:
            return
        here = self.ui.entryList.currentIndex()
        following = self.list_proxy.index(here.row() + 1, 0) if here.isValid() else None
        if following is not None and following.isValid():
            entry = self.entries[following.data(ENTRY_ID_ROLE)]
            self.ui.entryView.prepare(entry, self.awards[entry["award"]])
        QTimer.singleShot(40, self._prepare_one_more)

    def _prepare_one_more(self) -> None:
        if self.closed:
            return
        view = self.ui.entryView
        for entry_id, entry in self.entries.items():
            if not view.is_prepared(entry_id):
                view.prepare(entry, self.awards[entry["award"]])
                QTimer.singleShot(40, self._prepare_one_more)
                return

    def _select_in_list(self, entry_id: str) -> None:
        for view, proxy in ((self.ui.entryList, self.list_proxy),
                            (self.ui.conflictList, self.conflict_proxy)):
            index = proxy.mapFromSource(self.model.index(self.model.row_of(entry_id), 0))
            if index.isValid() and view.currentIndex().row() != index.row():
                view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)

    def step_entry(self, step: int) -> None:
        """The next (1) or previous (-1) entry in the scoring list as filtered."""
        rows = self.list_proxy.rowCount()
        if not rows:
            return
        here = self.ui.entryList.currentIndex()
        row = here.row() + step if here.isValid() else 0
        row = max(0, min(rows - 1, row))
        self.ui.entryList.setCurrentIndex(self.list_proxy.index(row, 0))
        if self.voting is not None:
            self.vote_panel.focus_buttons()
            return
        award = self.ui.scoringPanel.award
        if award is not None and award.sections:
            self.ui.scoringPanel.focus_section(award.sections[0].id)

    def _search(self, text: str) -> None:
        matches = self.search.find(text)
        self.list_proxy.set_matches(matches)
        self.conflict_proxy.set_matches(matches)

    def _show_conflicts(self, *_: object) -> None:
        shown = self.conflict_proxy.rowCount() > 0
        self.ui.conflictList.setVisible(shown)
        self.ui.conflictsLabel.setVisible(shown)

    # ----- what the judge types becomes commands ------------------------------------------

    def _score_typed(self, section: str, value: float | None, quick: bool) -> None:
        if self.current is None:
            return
        before = self.known_scores.get((self.current, section))
        if before == value:
            return
        command = SetScoreCommand(self, self.current, section, before, value)
        command.quick = quick
        self.undo_stack.push(command)

    def _comment_typed(self, field: str, text: str) -> None:
        if self.current is None:
            return
        before = self.known_comments.get((self.current, field), "")
        if before != text:
            self.undo_stack.push(SetCommentCommand(self, self.current, field, before, text))

    def _tags_changed(self, tags: list[str]) -> None:
        if self.current is not None:
            self.known_tags[self.current] = list(tags)
            self.writer.set_review(self.current, tags=tags)

    def type_digit(self, digit: int) -> None:
        """A digit typed while reading scores the current section."""
        panel = self.ui.scoringPanel
        if self.current is None or not panel.isEnabled() or not panel.current_section or \
                self.voting is not None:
            return
        panel.cards[panel.current_section].score.type_digit(digit)

    # ----- a qualifying round: pass or fail ------------------------------------------------

    def _show_vote(self, entry_id: str) -> None:
        entry = self.entries[entry_id]
        passed, reason = self.known_votes.get(entry_id, (None, ""))
        self.vote_panel.show_entry(f"<b>{entry_id}</b> · {entry['title']}", passed, reason)
        conflict = self.model.entry(entry_id).status == "conflict"
        self.vote_panel.setEnabled(not conflict and not getattr(self, "expired", False))
        if conflict:
            self.vote_panel.set_message("You declared a conflict of interest: "
                                        f"{session.conflict_reason(self.judging, entry_id)}")
        self._select_in_list(entry_id)

    def choose_vote(self, passed: bool | None) -> None:
        """Pass (P), fail (F) or undecided for the entry on show, saved at once (an undoable
        step); a fail waits for its reason (the file holds no vote until there is one)."""
        entry = self.current
        if entry is None or self.voting is None or not self.vote_panel.isEnabled():
            return
        before = self.known_votes.get(entry, (None, ""))
        after = (passed, self.vote_panel.reason())
        if after != before:
            self.undo_stack.push(SetVoteCommand(self, entry, before, after))
        if passed is False and not after[1].strip():  # the panel says a fail needs a reason
            self.vote_panel.focus_reason()

    def _reason_typed(self, text: str) -> None:
        entry = self.current
        if entry is None or self.voting is None:
            return
        before = self.known_votes.get(entry, (None, ""))
        if text != before[1]:
            self.undo_stack.push(SetVoteCommand(self, entry, before, (before[0], text),
                                                typed=True))

    def apply_vote(self, entry: str, vote: Vote, typed: bool = False) -> None:
        """Show and save a vote (called by the undoable command); a reason being typed is
        saved after a pause in typing, anything else at once."""
        if entry != self.current:
            self.show_entry(entry)
        self.known_votes[entry] = vote
        self.vote_panel.set_vote(*vote)
        self.vote_panel.ui.reason.set_text_quietly(vote[1])
        self.vote_panel.set_message("")
        if not typed:
            self._write_vote(entry)
            return
        self.model.set_status(entry, vote_status(*vote), 0)
        self.update_progress()
        self._pending_reason = entry
        self.reason_timer.start()
        if not self.reason_deadline.isActive():
            self.reason_deadline.start()

    def _save_pending_reason(self) -> None:
        self.reason_timer.stop()
        self.reason_deadline.stop()
        entry, self._pending_reason = self._pending_reason, None
        if entry is not None:
            self._write_vote(entry)

    def _write_vote(self, entry: str) -> None:
        """Queue the vote as this window now has it; the list and progress follow at once."""
        if self._pending_reason == entry:
            self.reason_timer.stop()
            self.reason_deadline.stop()
            self._pending_reason = None
        passed, reason = self.known_votes.get(entry, (None, ""))
        stored = None if passed is False and not reason.strip() else passed
        self.writer.submit([entry], lambda writing: self._thread_votes(writing).set_vote(
            entry, stored, reason))
        self.model.set_status(entry, vote_status(passed, reason), 0)
        self.update_progress()

    def _thread_votes(self, writing: ScoringSession) -> PackVoting:
        """The writer thread's own voting session, on its own connection (made once)."""
        if self._thread_voting is None or self._thread_voting.store is not writing.store:
            self._thread_voting = PackVoting(writing.store)
        return self._thread_voting

    # ----- applying commands (called by undo.py) ------------------------------------------

    def _bring_up(self, entry: str, section: str | None) -> None:
        if entry != self.current:
            self.show_entry(entry)
        if section and section != self.ui.scoringPanel.current_section:
            self.ui.scoringPanel.focus_section(section)

    def apply_score(self, entry: str, section: str, value: float | None) -> None:
        self._bring_up(entry, section)
        self.known_scores[(entry, section)] = value
        self.ui.scoringPanel.set_score(section, value)
        self.writer.set_score(entry, section, value)

    def apply_comment(self, entry: str, field: str, text: str) -> None:
        self._bring_up(entry, field or None)
        self.known_comments[(entry, field)] = text
        self.ui.scoringPanel.set_comment(field, text)
        self.writer.set_comment(entry, field, text)

    def apply_complete(self, entry: str, complete: bool) -> bool:
        self._bring_up(entry, None)
        self.writer.set_review(entry, complete=complete)
        return True

    # ----- complete, conflict, return ----------------------------------------------------

    def mark_complete(self) -> None:
        entry = self.current
        if entry is None or self.model.entry(entry).status == "conflict":
            return
        award = self.awards[self.entries[entry]["award"]]
        missing = [s.id for s in award.sections if self.known_scores.get((entry, s.id)) is None]
        panel = self.ui.scoringPanel
        if missing:
            names = ", ".join(f"{s} ({award.section(s).title})" for s in missing)
            panel.set_message(f"Not yet complete: no score yet for {names}.")
            panel.focus_section(missing[0])
            return
        if self.model.entry(entry).status == "complete":
            panel.set_message("This entry is already marked complete.")
            return
        self.undo_stack.push(MarkCompleteCommand(self, entry, True))
        panel.set_message("Marked complete. Ctrl+Down goes to the next entry.")

    def declare_conflict(self) -> None:
        if self.current is None or self.model.entry(self.current).status == "conflict":
            return
        entry = self.entries[self.current]
        self.conflict_dialog = ConflictDialog(f"{entry['entry']}: {entry['title']}", self)
        self.conflict_dialog.accepted.connect(
            lambda entry_id=entry["entry"]: self.record_conflict(
                entry_id, self.conflict_dialog.reason()))
        self.conflict_dialog.open()

    def record_conflict(self, entry: str, reason: str) -> None:
        """The entry leaves the scoring list; its scores go; only the declaration remains."""
        if not reason.strip():
            self.show_problem("Please give a reason for the conflict of interest.")
            return
        if self.voting is not None and entry in self.known_votes:  # the vote cannot count
            self.known_votes[entry] = (None, "")
            self._write_vote(entry)
        self.writer.declare_conflict(entry, reason)
        self.ui.scoringPanel.set_message("")  # no stale "please give a reason"
        self.statusBar().clearMessage()
        self.undo_stack.clear()  # earlier commands refer to scores that no longer exist
        for cache in (self.known_scores, self.known_comments):
            for key in [k for k in cache if k[0] == entry]:
                del cache[key]
        row = self.ui.entryList.currentIndex().row()
        self.model.set_status(entry, "conflict", 0)  # the writer confirms in a moment
        self.update_progress()
        self.current = None
        rows = self.list_proxy.rowCount()
        if rows:
            self.ui.entryList.setCurrentIndex(self.list_proxy.index(min(row, rows - 1), 0))
        self.statusBar().showMessage(f"Conflict of interest declared for {entry}.", 8000)

    def return_scores(self) -> None:
        """Show the summary, then ask where to save the copy to send back."""
        self._save_pending_reason()
        self.writer.flush()
        self.returning.start()

    def save_return_copy(self, target: Path) -> bool:
        return self.returning.save_copy(target)

    # ----- status, progress, saving ------------------------------------------------------

    def _status_changed(self, entry: str, status: str, scored: int) -> None:
        """The writer says what the file now holds for an entry."""
        if self.closed or (self.voting is not None and status != "conflict"):
            return  # a vote's status is the window's own (what it last saved)
        self.model.set_status(entry, status, scored)
        self.update_progress()

    def update_progress(self) -> None:
        counts = self.model.counts()
        total = len(self.entries) - counts["conflict"]
        if self.voting is not None:
            decided = counts.get("pass", 0) + counts.get("fail", 0)
            self.ui.progressLabel.setText(
                f"<b>{decided} of {total} decided</b> · {counts.get('pass', 0)} pass, "
                f"{counts.get('fail', 0)} fail")
            self.ui.progressBar.setRange(0, max(total, 1))
            self.ui.progressBar.setValue(decided)
            return
        self.ui.progressLabel.setText(f"<b>{counts['complete']} of {total} complete</b> · "
                                      f"{counts['in progress']} in progress")
        self.ui.progressBar.setRange(0, max(total, 1))
        self.ui.progressBar.setValue(counts["complete"])

    def _saved(self, at: str) -> None:
        self.saved_label.setText(f"Saved at {at}")

    def show_problem(self, message: str) -> None:
        self.ui.scoringPanel.set_message(message)
        self.statusBar().showMessage(message, 15000)

    def backup_in_background(self) -> None:
        path, folder = self.path, self.settings.backup_folder
        run_task(self, lambda _progress: backup_pack(path, folder), lambda _result: None,
                 lambda exc: self.statusBar().showMessage(f"Backup failed: {exc}", 8000),
                 show_progress=False)

    # ----- zoom, keys, closing -----------------------------------------------------------

    def set_zoom(self, percent: int) -> None:
        self.zoom = percent if percent in ZOOM_STEPS else 100
        self.ui.entryView.set_zoom(self.zoom)
        self.settings.zoom = self.zoom
        QTimer.singleShot(40, self._prepare_one_more)  # re-lay out the others at this size

    def step_zoom(self, step: int) -> None:
        here = ZOOM_STEPS.index(self.zoom)
        self.set_zoom(ZOOM_STEPS[max(0, min(len(ZOOM_STEPS) - 1, here + step))])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Digits typed in the list or while reading score the current section."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            text = event.text()
            plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
            if plain and len(text) == 1 and text.isdigit():
                self.type_digit(int(text))
                return True
            if self.voting is not None and plain and text.lower() in ("p", "f"):
                self.choose_vote(text.lower() == "p")  # P passes, F fails
                return True
            if text == "?":
                self.help.toggle()
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._readable_headings()

    def _readable_headings(self) -> None:
        """Section headings (drawn in the link colour) keep AA contrast in any palette."""
        keep_palette_readable(self, readable_links)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.close_pack()
        super().closeEvent(event)

    def close_pack(self) -> None:
        """Write what is pending, back up, remember the layout, close the file."""
        if self.closed:
            return
        self.closed = True
        self.backup_timer.stop()
        self._save_pending_reason()
        self.writer.close()  # everything queued is in the file
        wait_for_tasks()
        with contextlib.suppress(OSError):  # an unwritable backup folder must not stop closing
            backup_pack(self.path, self.settings.backup_folder)
        remember_window(self, self.settings, WINDOW)
        self.settings.set_splitter_state(WINDOW, "panes", self.ui.splitter.saveState())
        self.settings.sync()
        self.search.close()
        self.documents.viewer.close_document()
        self.documents.viewer.remove_copies()  # the private copies opened outside
        self.store.close()



def _long_date(day: date | None) -> str:
    """22 November 2026, on every system (no platform-only strftime codes)."""
    return f"{day.day} {day:%B %Y}" if day else ""
