"""Undoable judge actions: a section score, a comment, the complete mark.

Each command remembers the value before and after and hands it to the window, which shows
the entry concerned, updates the widget and writes the pack. Typing in one comment box merges
into one command, so Undo takes back the whole edit of that comment.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand

SCORE_ID = 1
COMMENT_ID = 2
OVERALL = ""  # the field name of the overall comment (a section id otherwise)


class Applier(Protocol):
    """What the commands need from the window."""

    def apply_score(self, entry: str, section: str, value: float | None) -> None: ...

    def apply_comment(self, entry: str, field: str, text: str) -> None: ...

    def apply_complete(self, entry: str, complete: bool) -> bool: ...


def _score_text(value: float | None) -> str:
    return "no score" if value is None else f"{value:g}"


class SetScoreCommand(QUndoCommand):
    """One section's score changed."""

    def __init__(self, applier: Applier, entry: str, section: str, before: float | None,
                 after: float | None) -> None:
        super().__init__()
        self.applier, self.entry, self.section = applier, entry, section
        self.before, self.after = before, after
        self.quick = False  # typed as the second of two quick digits: merges with the first
        self.setText(f"Score {section} of {entry}: {_score_text(after)}")

    def id(self) -> int:
        return SCORE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        """Two quick digits on one section ("1" then "0" for 10) are one change."""
        if not isinstance(other, SetScoreCommand) or not other.quick:
            return False
        if (other.entry, other.section) != (self.entry, self.section):
            return False
        self.after = other.after
        self.setText(f"Score {self.section} of {self.entry}: {_score_text(self.after)}")
        return True

    def redo(self) -> None:
        self.applier.apply_score(self.entry, self.section, self.after)

    def undo(self) -> None:
        self.applier.apply_score(self.entry, self.section, self.before)


class SetCommentCommand(QUndoCommand):
    """A comment (a section's, or the overall one) was edited."""

    def __init__(self, applier: Applier, entry: str, field: str, before: str,
                 after: str) -> None:
        super().__init__()
        self.applier, self.entry, self.field = applier, entry, field
        self.before, self.after = before, after
        where = "overall comment" if field == OVERALL else f"comment on {field}"
        self.setText(f"Edit {where} of {entry}")

    def id(self) -> int:
        return COMMENT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, SetCommentCommand):
            return False
        if (other.entry, other.field) != (self.entry, self.field):
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        self.applier.apply_comment(self.entry, self.field, self.after)

    def undo(self) -> None:
        self.applier.apply_comment(self.entry, self.field, self.before)


class MarkCompleteCommand(QUndoCommand):
    """The judge marked an entry complete (or re-opened it)."""

    def __init__(self, applier: Applier, entry: str, complete: bool) -> None:
        super().__init__(f"Mark {entry} {'complete' if complete else 'not complete'}")
        self.applier, self.entry, self.complete = applier, entry, complete

    def redo(self) -> None:
        self.applier.apply_complete(self.entry, self.complete)

    def undo(self) -> None:
        self.applier.apply_complete(self.entry, not self.complete)
