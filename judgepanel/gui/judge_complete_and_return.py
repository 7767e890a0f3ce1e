"""What a judge does to finish with an entry or the pack: mark an entry complete, declare a
conflict of interest (the entry leaves the scoring list and its scores go), return the
scores, and a pack past its date (it can be read and returned, not scored).

Each takes the window it acts for.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from judgepanel.core.packs import pack_expired, pack_expires
from judgepanel.gui.judge_dialogs import ConflictDialog
from judgepanel.gui.judge_qualifying_votes import save_pending_reason, write_vote
from judgepanel.gui.undo import MarkCompleteCommand

if TYPE_CHECKING:
    from judgepanel.gui.judge_window import JudgeWindow


def check_expiry(window: JudgeWindow) -> None:
    """Past its date: the judge can read and return the pack, not score it."""
    window.expired = pack_expired(window.store)
    if window.expired:
        window.ui.scoringPanel.setEnabled(False)
        window.vote_panel.setEnabled(False)
        window.show_problem(f"This pack expired on {long_date(pack_expires(window.store))}: "
                            "it can only be returned to the coordinator (File, Return).")


def long_date(day: date | None) -> str:
    """22 November 2026, on every system (no platform-only strftime codes)."""
    return f"{day.day} {day:%B %Y}" if day else ""


def mark_complete(window: JudgeWindow) -> None:
    entry = window.current
    if entry is None or window.model.entry(entry).status == "conflict":
        return
    award = window.awards[window.entries[entry]["award"]]
    missing = [s.id for s in award.sections if window.known_scores.get((entry, s.id)) is None]
    panel = window.ui.scoringPanel
    if missing:
        names = ", ".join(f"{s} ({award.section(s).title})" for s in missing)
        panel.set_message(f"Not yet complete: no score yet for {names}.")
        panel.focus_section(missing[0])
        return
    if window.model.entry(entry).status == "complete":
        panel.set_message("This entry is already marked complete.")
        return
    window.undo_stack.push(MarkCompleteCommand(window, entry, True))
    panel.set_message("Marked complete. Ctrl+Down goes to the next entry.")


def declare_conflict(window: JudgeWindow) -> None:
    if window.current is None or window.model.entry(window.current).status == "conflict":
        return
    entry = window.entries[window.current]
    window.conflict_dialog = ConflictDialog(f"{entry['entry']}: {entry['title']}", window)
    window.conflict_dialog.accepted.connect(
        lambda entry_id=entry["entry"]: record_conflict(
            window, entry_id, window.conflict_dialog.reason()))
    window.conflict_dialog.open()


def record_conflict(window: JudgeWindow, entry: str, reason: str) -> None:
    """The entry leaves the scoring list; its scores go; only the declaration remains."""
    if not reason.strip():
        window.show_problem("Please give a reason for the conflict of interest.")
        return
    if window.voting is not None and entry in window.known_votes:  # the vote cannot count
        window.known_votes[entry] = (None, "")
        write_vote(window, entry)
    window.writer.declare_conflict(entry, reason)
    window.ui.scoringPanel.set_message("")  # no stale "please give a reason"
    window.statusBar().clearMessage()
    window.undo_stack.clear()  # earlier commands refer to scores that no longer exist
    for cache in (window.known_scores, window.known_comments):
        for key in [k for k in cache if k[0] == entry]:
            del cache[key]
    row = window.ui.entryList.currentIndex().row()
    window.model.set_status(entry, "conflict", 0)  # the writer confirms in a moment
    window.update_progress()
    window.current = None
    rows = window.list_proxy.rowCount()
    if rows:
        window.ui.entryList.setCurrentIndex(window.list_proxy.index(min(row, rows - 1), 0))
    window.statusBar().showMessage(f"Conflict of interest declared for {entry}.", 8000)


def return_scores(window: JudgeWindow) -> None:
    """Show the summary, then ask where to save the copy to send back."""
    save_pending_reason(window)
    window.writer.flush()
    window.returning.start()


def save_return_copy(window: JudgeWindow, target: Path) -> bool:
    return window.returning.save_copy(target)

