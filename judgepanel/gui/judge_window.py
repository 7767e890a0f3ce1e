"""The judge's window: the entry list, the entry with its guidance, and the scoring panel.

Every change the judge makes is an undoable command; the command calls back here
(`apply_score`, `apply_comment`, `apply_complete`), which shows the entry concerned, updates
the widget and queues the write on the `PackWriter`'s thread; the writer reports back each
entry's status as the file now holds it. The window keeps what it last wrote per entry, so
it never waits for the disk. Menus carry every shortcut.

A pack for a later round says so in the title and above the list ("Final — round 2 of the
award"); a qualifying round's pack shows the pass or fail panel (gui/vote_panel.py) instead
of the section scores, each vote saved at once through the same writer.

The window holds showing an entry and the scoring commands; the entry list and its filters are
gui/judge_entry_list.py, the votes gui/judge_qualifying_votes.py, and marking complete,
conflicts, returning and an expired pack gui/judge_complete_and_return.py.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from judgepanel.core.pack_votes import PackVoting, pack_round
from judgepanel.core.packs import open_pack
from judgepanel.core.scoring import Judging
from judgepanel.gui import judge_complete_and_return as finishing
from judgepanel.gui import judge_entry_list
from judgepanel.gui import judge_qualifying_votes as votes
from judgepanel.gui import judge_session as session
from judgepanel.gui.attachments_pane import AttachmentsPane, documents_beside
from judgepanel.gui.autosave import BACKUP_EVERY_MS, PackWriter, backup_pack
from judgepanel.gui.forms.ui_judge_window import Ui_JudgeWindow
from judgepanel.gui.help_overlay import EXTRA_KEYS, VOTE_KEYS, HelpOverlay
from judgepanel.gui.icons import app_icon
from judgepanel.gui.judge_dialogs import ConflictDialog
from judgepanel.gui.judge_models import ENTRY_ID_ROLE, EntryFilterModel, EntryListModel
from judgepanel.gui.judge_qualifying_votes import SCORING_ONLY
from judgepanel.gui.judge_return import ScoreReturn
from judgepanel.gui.palettes import keep_palette_readable, readable_links
from judgepanel.gui.passphrase_dialog import unlock_pack
from judgepanel.gui.settings import ZOOM_STEPS, Settings
from judgepanel.gui.tasks import run_task, wait_for_tasks
from judgepanel.gui.undo import OVERALL, SetCommentCommand, SetScoreCommand
from judgepanel.gui.vote_panel import (
    Vote,
    VoteListModel,
    VotePanel,
    vote_status,
)
from judgepanel.gui.wheel_guard import install_wheel_guard
from judgepanel.gui.window_fit import place_window, remember_window

WINDOW = "judge"


class JudgeWindow(QMainWindow):
    """Scoring one judge's pack."""

    # Set up by judge_entry_list, judge_qualifying_votes and judge_complete_and_return.
    list_proxy: EntryFilterModel
    conflict_proxy: EntryFilterModel
    vote_panel: VotePanel
    reason_timer: QTimer
    reason_deadline: QTimer
    _pending_reason: str | None  # the entry whose reason waits to be saved
    _thread_voting: PackVoting | None  # the writer thread's own
    conflict_dialog: ConflictDialog
    expired: bool

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
        judge_entry_list.setup_lists(self)
        self._setup_panes()
        self._setup_status_bar()
        self._setup_actions()
        votes.setup_round(self)
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
        finishing.check_expiry(self)

    # ----- building ----------------------------------------------------------------------

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
        votes.save_pending_reason(self)
        self.writer.flush()
        self.current = entry_id
        entry = self.entries[entry_id]
        award = self.awards[entry["award"]]
        self.ui.entryView.show_entry(entry, award)
        self.documents.show_entry(entry_id, entry["award"])
        if self.voting is not None:
            votes.show_vote(self, entry_id)
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
        judge_entry_list.select_in_list(self, entry_id)
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

    # ----- what the judge does, each in its own module ------------------------------------

    def step_entry(self, step: int) -> None:
        """The next (1) or previous (-1) entry in the scoring list as filtered."""
        judge_entry_list.step_entry(self, step)

    def choose_vote(self, passed: bool | None) -> None:
        """Pass (P), fail (F) or undecided for the entry on show (a qualifying round)."""
        votes.choose_vote(self, passed)

    def apply_vote(self, entry: str, vote: Vote, typed: bool = False) -> None:
        votes.apply_vote(self, entry, vote, typed)

    def mark_complete(self) -> None:
        finishing.mark_complete(self)

    def declare_conflict(self) -> None:
        finishing.declare_conflict(self)

    def record_conflict(self, entry: str, reason: str) -> None:
        finishing.record_conflict(self, entry, reason)

    def return_scores(self) -> None:
        """Show the summary, then ask where to save the copy to send back."""
        finishing.return_scores(self)

    def save_return_copy(self, target: Path) -> bool:
        return finishing.save_return_copy(self, target)

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
        votes.save_pending_reason(self)
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
