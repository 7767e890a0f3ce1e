"""The judge window in a qualifying round: the pass or fail panel in place of the section
scores, each vote an undoable step saved at once through the pack's writer, and a fail's
reason saved after a pause in typing (or at the latest a moment after the first keystroke).

Each takes the window it acts for; the window holds the vote panel, the votes it last saved
(`known_votes`) and the reason timers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from judgepanel.core.pack_votes import PackVoting
from judgepanel.core.scoring_session import ScoringSession
from judgepanel.gui import judge_session as session
from judgepanel.gui.judge_entry_list import select_in_list
from judgepanel.gui.vote_panel import SetVoteCommand, Vote, VotePanel, vote_status

if TYPE_CHECKING:
    from judgepanel.gui.judge_window import JudgeWindow

REASON_PAUSE_MS = 400  # a reason is saved after this pause in typing, and at the latest
REASON_MAX_WAIT_MS = 700  # this long after the first keystroke not yet saved
# Menu actions that only mean something with section scores (left out in a qualifying round).
SCORING_ONLY = ("next_section", "previous_section", "comment", "overall", "complete")


def setup_round(window: JudgeWindow) -> None:
    """Which round the pack is for, above the list; a qualifying round's pass or fail
    panel in place of the section scores."""
    # hidden unless a qualifying round (then in the splitter)
    window.vote_panel = VotePanel(window)
    window.vote_panel.setObjectName("votePanel")
    window.reason_timer = QTimer(window, singleShot=True, interval=REASON_PAUSE_MS)
    window.reason_timer.timeout.connect(lambda: save_pending_reason(window))
    window.reason_deadline = QTimer(window, singleShot=True, interval=REASON_MAX_WAIT_MS)
    window.reason_deadline.timeout.connect(lambda: save_pending_reason(window))
    window._pending_reason = None  # the entry whose reason waits to be saved
    window._thread_voting = None  # the writer thread's own
    label = window.ui.roundLabel
    label.setVisible(window.round is not None)
    if window.round is None:
        window.vote_panel.hide()
        return
    what = ("Qualifying round: pass or fail each entry; a fail needs a reason."
            if window.voting else "Score this round's sections.")
    label.setText(f"<b>{window.round.label}</b><br>{what}")
    label.setAccessibleDescription(f"This pack is for {window.round.label}. {what}")
    if window.voting is None:
        window.vote_panel.hide()
        return
    window.ui.scoringPanel.hide()
    window.ui.splitter.insertWidget(window.ui.splitter.indexOf(window.ui.scoringPanel),
                                  window.vote_panel)
    window.vote_panel.vote_chosen.connect(window.choose_vote)
    window.vote_panel.reason_changed.connect(lambda text: reason_typed(window, text))
    window.vote_panel.conflict_requested.connect(window.declare_conflict)
    for widget in window.vote_panel.key_widgets():
        widget.installEventFilter(window)
    for name in SCORING_ONLY:
        window.actions_by_name[name].setEnabled(False)


def show_vote(window: JudgeWindow, entry_id: str) -> None:
    entry = window.entries[entry_id]
    passed, reason = window.known_votes.get(entry_id, (None, ""))
    window.vote_panel.show_entry(f"<b>{entry_id}</b> · {entry['title']}", passed, reason)
    conflict = window.model.entry(entry_id).status == "conflict"
    window.vote_panel.setEnabled(not conflict and not getattr(window, "expired", False))
    if conflict:
        window.vote_panel.set_message("You declared a conflict of interest: "
                                    f"{session.conflict_reason(window.judging, entry_id)}")
    select_in_list(window, entry_id)


def choose_vote(window: JudgeWindow, passed: bool | None) -> None:
    """Pass (P), fail (F) or undecided for the entry on show, saved at once (an undoable
    step); a fail waits for its reason (the file holds no vote until there is one)."""
    entry = window.current
    if entry is None or window.voting is None or not window.vote_panel.isEnabled():
        return
    before = window.known_votes.get(entry, (None, ""))
    after = (passed, window.vote_panel.reason())
    if after != before:
        window.undo_stack.push(SetVoteCommand(window, entry, before, after))
    if passed is False and not after[1].strip():  # the panel says a fail needs a reason
        window.vote_panel.focus_reason()


def reason_typed(window: JudgeWindow, text: str) -> None:
    entry = window.current
    if entry is None or window.voting is None:
        return
    before = window.known_votes.get(entry, (None, ""))
    if text != before[1]:
        window.undo_stack.push(SetVoteCommand(window, entry, before, (before[0], text),
                                            typed=True))


def apply_vote(window: JudgeWindow, entry: str, vote: Vote, typed: bool = False) -> None:
    """Show and save a vote (called by the undoable command); a reason being typed is
    saved after a pause in typing, anything else at once."""
    if entry != window.current:
        window.show_entry(entry)
    window.known_votes[entry] = vote
    window.vote_panel.set_vote(*vote)
    window.vote_panel.ui.reason.set_text_quietly(vote[1])
    window.vote_panel.set_message("")
    if not typed:
        write_vote(window, entry)
        return
    window.model.set_status(entry, vote_status(*vote), 0)
    window.update_progress()
    window._pending_reason = entry
    window.reason_timer.start()
    if not window.reason_deadline.isActive():
        window.reason_deadline.start()


def save_pending_reason(window: JudgeWindow) -> None:
    window.reason_timer.stop()
    window.reason_deadline.stop()
    entry, window._pending_reason = window._pending_reason, None
    if entry is not None:
        write_vote(window, entry)


def write_vote(window: JudgeWindow, entry: str) -> None:
    """Queue the vote as this window now has it; the list and progress follow at once."""
    if window._pending_reason == entry:
        window.reason_timer.stop()
        window.reason_deadline.stop()
        window._pending_reason = None
    passed, reason = window.known_votes.get(entry, (None, ""))
    stored = None if passed is False and not reason.strip() else passed
    window.writer.submit([entry], lambda writing: thread_votes(window, writing).set_vote(
        entry, stored, reason))
    window.model.set_status(entry, vote_status(passed, reason), 0)
    window.update_progress()


def thread_votes(window: JudgeWindow, writing: ScoringSession) -> PackVoting:
    """The writer thread's own voting session, on its own connection (made once)."""
    if window._thread_voting is None or window._thread_voting.store is not writing.store:
        window._thread_voting = PackVoting(writing.store)
    return window._thread_voting

