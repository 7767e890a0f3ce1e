"""Undo and redo for the coordinator's quick changes on the Judges & assignment page.

Each command stands for one change already made on the page (a cell assigned or unassigned, a
conflict recorded or removed). Undoing or redoing it is a new core operation with its own audit
record: the audit log only grows. The core may refuse the reverse (an entry cannot be
unassigned once the judge's scores for it are in the panel); the page then says why and the
stack stays where it was, so the command can be tried again later. Each step runs through the
page's `write`: on the panel window's database worker, or on the page's own Store when the
page stands alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from PySide6.QtGui import QUndoCommand, QUndoStack

from judgepanel.core.assignment_changes import judge_now, set_assignment, withdraw_conflict
from judgepanel.core.conflicts import record_conflict
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import Judge
from judgepanel.core.panel_details import award_names
from judgepanel.core.store import Store
from judgepanel.gui.pages.common import WHO, window_words

T = TypeVar("T")
Step = Callable[[Store], str]


class Page(Protocol):
    """What the commands need from the page that made the change."""

    store: Store

    def write(self, change: Callable[[Store], T]) -> T: ...

    def say(self, text: str) -> None: ...

    def say_refused(self, text: str) -> None: ...

    def after_change(self) -> None: ...


class CoordinatorCommand(QUndoCommand):
    """One reversible change; `refused` tells the window the core said no to the last try."""

    def __init__(self, page: Page, judge: Judge, entry: str, text: str) -> None:
        super().__init__(text)
        self.page, self.judge_id, self.entry = page, judge.id, entry
        self.judge_name = judge.name
        self.skip_next = True  # the page made the change before pushing the command
        self.refused = False

    def judge(self, store: Store) -> Judge:
        """The judge as the panel holds them now (renamed, perhaps), or a refusal if removed."""
        return judge_now(store, self.judge_id, self.judge_name)

    def forward(self, store: Store) -> str:
        """Make the change again; returns what to say on the page."""
        raise NotImplementedError

    def backward(self, store: Store) -> str:
        """Take the change back; returns what to say on the page."""
        raise NotImplementedError

    def _run(self, step: Step, verb: str) -> None:
        if self.skip_next:
            self.skip_next = False
            self.refused = False
            return

        def work(store: Store) -> tuple[bool, str]:
            try:
                return True, step(store)  # one core operation: all of the step, or none
            except JudgePanelError as exc:  # said with the awards' names, read here too
                return False, window_words(str(exc), award_names(store), capital=False)

        done, said = self.page.write(work)
        self.refused = not done
        if not done:
            self.page.say_refused(f"Not {verb}: {said}")
            return
        self.page.say(said)
        self.page.after_change()

    def redo(self) -> None:
        self._run(self.forward, "redone")

    def undo(self) -> None:
        self._run(self.backward, "undone")


class AssignmentCommand(CoordinatorCommand):
    """A cell of the matrix toggled: the entry assigned to the judge, or taken from them."""

    def __init__(self, page: Page, judge: Judge, entry: str, assigned: bool) -> None:
        text = (f"assign {judge.name} to {entry}" if assigned
                else f"unassign {judge.name} from {entry}")
        super().__init__(page, judge, entry, text)
        self.assigned = assigned

    def _set(self, store: Store, assigned: bool) -> str:
        return set_assignment(store, self.judge(store), self.entry, assigned, who=WHO).message

    def forward(self, store: Store) -> str:
        return self._set(store, self.assigned)

    def backward(self, store: Store) -> str:
        return self._set(store, not self.assigned)


class RecordConflictCommand(CoordinatorCommand):
    """A new conflict recorded. Undo removes it and re-makes the assignment it took away."""

    def __init__(self, page: Page, judge: Judge, entry: str, reason: str,
                 was_assigned: bool) -> None:
        super().__init__(page, judge, entry, f"record conflict between {judge.name} and {entry}")
        self.reason, self.was_assigned = reason, was_assigned

    def forward(self, store: Store) -> str:
        judge = self.judge(store)
        record_conflict(store, judge, self.entry, self.reason, who=WHO)
        return f"Conflict recorded: {judge.name} will not judge {self.entry}."

    def backward(self, store: Store) -> str:
        return withdraw_conflict(store, self.judge(store), self.entry, self.was_assigned,
                                 who=WHO)


class RemoveConflictCommand(CoordinatorCommand):
    """A conflict withdrawn. Undo records it again with the same reason."""

    def __init__(self, page: Page, judge: Judge, entry: str, reason: str) -> None:
        super().__init__(page, judge, entry, f"remove conflict between {judge.name} and {entry}")
        self.reason = reason

    def forward(self, store: Store) -> str:
        return withdraw_conflict(store, self.judge(store), self.entry, False, who=WHO)

    def backward(self, store: Store) -> str:
        judge = self.judge(store)
        record_conflict(store, judge, self.entry, self.reason, who=WHO)
        return f"Conflict recorded again: {judge.name} will not judge {self.entry}."


def undo_step(stack: QUndoStack) -> CoordinatorCommand | None:
    """Undo the last change; if the core refuses, the stack is put back where it was."""
    if not stack.canUndo():
        return None
    command = stack.command(stack.index() - 1)
    stack.undo()
    if isinstance(command, CoordinatorCommand) and command.refused:
        command.skip_next = True  # the change still stands: step forward without redoing it
        stack.redo()
    return command if isinstance(command, CoordinatorCommand) else None


def redo_step(stack: QUndoStack) -> CoordinatorCommand | None:
    """Redo the next change; if the core refuses, the stack is put back where it was."""
    if not stack.canRedo():
        return None
    command = stack.command(stack.index())
    stack.redo()
    if isinstance(command, CoordinatorCommand) and command.refused:
        command.skip_next = True
        stack.undo()
    return command if isinstance(command, CoordinatorCommand) else None


def menu_text(verb: str, text: str) -> str:
    """"&Undo assign Dr Ioana Popescu to LST-104": the verb alone when there is nothing to do."""
    return f"&{verb} {text.replace('&', '&&')}" if text else f"&{verb}"
