"""Return scores: the summary of complete and incomplete entries, then a copy of the pack
saved where the judge chooses (SQLite's backup API: one self-contained file to send back)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from judgepanel.gui.autosave import copy_pack
from judgepanel.gui.judge_dialogs import ReturnDialog

if TYPE_CHECKING:
    from judgepanel.gui.judge_window import JudgeWindow


class ScoreReturn(QObject):
    """The two steps of returning scores, kept non-blocking (both dialogs are `open()`ed)."""

    def __init__(self, window: JudgeWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: ReturnDialog | None = None
        self.file_dialog: QFileDialog | None = None

    def summary(self) -> tuple[int, int, list[str], int]:
        """Complete entries, entries to score, what is missing in the others, conflicts."""
        window = self.window
        window.writer.wait()  # the summary is of what the file holds
        judging = window.judging
        counts = dict.fromkeys(("complete", "conflict"), 0)
        incomplete = []
        for entry_id in window.model.entry_ids():
            status = judging.status(entry_id)
            counts[status] = counts.get(status, 0) + 1
            if status in ("not started", "in progress"):
                missing = judging.missing_sections(entry_id)
                note = f"no score for {', '.join(missing)}" if missing else "not marked complete"
                incomplete.append(f"{entry_id} {window.entries[entry_id]['title']}: {note}")
        total = len(window.entries) - counts["conflict"]
        return counts["complete"], total, incomplete, counts["conflict"]

    def vote_summary(self) -> tuple[int, int, list[str], int]:
        """A qualifying round's pack: entries decided (pass, or fail with its reason), the
        entries to decide, what each undecided one lacks, conflicts."""
        window = self.window
        window.writer.wait()
        decided, undecided, conflicts = 0, [], 0
        for entry_id in window.model.entry_ids():
            status = window.model.entry(entry_id).status
            passed, _ = window.known_votes.get(entry_id, (None, ""))
            if status == "conflict":
                conflicts += 1
            elif status in ("pass", "fail"):
                decided += 1
            else:
                note = "a fail with no reason yet" if passed is False else "not decided"
                undecided.append(f"{entry_id} {window.entries[entry_id]['title']}: {note}")
        return decided, len(window.entries) - conflicts, undecided, conflicts

    def start(self) -> None:
        if self.window.voting is not None:
            self.dialog = ReturnDialog(*self.vote_summary(), parent=self.window,
                                       done="decided", work="decisions")
        else:
            self.dialog = ReturnDialog(*self.summary(), parent=self.window)
        self.dialog.accepted.connect(self.choose_file)
        self.dialog.open()

    def choose_file(self) -> None:
        window = self.window
        judge = window.store.meta("judge_name", "judge") or "judge"
        suggested = window.path.with_name(f"{judge} scores{window.path.suffix}")
        dialog = QFileDialog(window, "Save your scores to send back", str(suggested),
                             "Judge packs (*.judgepack)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("judgepack")
        dialog.fileSelected.connect(lambda name: self.save_copy(Path(name)))
        self.file_dialog = dialog
        dialog.open()

    def save_copy(self, target: Path) -> bool:
        """A complete copy of the pack at `target` (never over the pack being scored)."""
        window = self.window
        if target.resolve() == window.path.resolve():
            window.show_problem("Choose another name: this is the pack you are working in.")
            return False
        window.writer.wait()
        try:
            copy_pack(window.path, target)
        except OSError as exc:
            window.show_problem(f"{target}: could not save ({exc.strerror or exc})")
            return False
        window.statusBar().showMessage(f"Scores saved to {target}: send this file back.", 15000)
        return True
