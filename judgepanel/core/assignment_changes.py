"""The coordinator's quick changes to who judges what, and taking them back.

A matrix cell toggled, a conflict withdrawn with the assignment it took away given back: each
is one step, checked and audited in one transaction, decided from what the panel holds now
(not from what a screen showed a moment ago). Undo and redo on the Judges & assignment page
are new steps of the same kind, so the audit log only grows.
"""

from __future__ import annotations

from dataclasses import dataclass

from judgepanel.core.assignment import assign, unassign
from judgepanel.core.conflicts import remove_conflict
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import Judge, list_judges
from judgepanel.core.store import Store


@dataclass(frozen=True)
class Toggled:
    """What a toggle did: the entry is now assigned to the judge or not."""

    judge: Judge
    entry: str
    assigned: bool
    message: str  # one line for the page: "LST-104 assigned to Dr Ioana Popescu."


def judge_now(store: Store, judge_id: int, name: str = "") -> Judge:
    """The judge as the panel holds them now (renamed, perhaps); refused if removed."""
    for judge in list_judges(store):
        if judge.id == judge_id:
            return judge
    raise JudgePanelError(f"{store.path}: {name or f'judge {judge_id}'} is no longer a judge "
                          "on this panel")


def assigned_now(store: Store, judge: Judge, entry: str) -> bool:
    return bool(store.rows("SELECT 1 AS x FROM assignments WHERE judge = ? AND entry = ?",
                           [judge.id, entry]))


def set_assignment(store: Store, judge: Judge, entry: str, assigned: bool,
                   who: str = "") -> Toggled:
    """Assign the entry to the judge, or take it from them (refused once they have scored it,
    or while they are in conflict with it)."""
    if assigned:
        assign(store, judge, entry, who=who)
        return Toggled(judge, entry, True, f"{entry} assigned to {judge.name}.")
    unassign(store, judge, entry, who=who)
    return Toggled(judge, entry, False, f"{entry} taken from {judge.name}.")


def toggle_assignment(store: Store, judge: Judge, entry: str, who: str = "") -> Toggled:
    """Assign the entry if the judge does not have it, else take it from them."""
    with store.transaction():  # the state read and the change are one step
        return set_assignment(store, judge, entry, not assigned_now(store, judge, entry), who)


def withdraw_conflict(store: Store, judge: Judge, entry: str, give_back: bool,
                      who: str = "") -> str:
    """Withdraw a conflict and, with `give_back`, re-make the assignment it had removed.

    Both in one transaction: if the assignment cannot be made, the conflict stays.
    """
    with store.transaction():
        remove_conflict(store, judge, entry, who=who)
        if give_back:
            assign(store, judge, entry, who=who)
            return f"Conflict removed: {entry} is assigned to {judge.name} again."
    return f"Conflict removed: {judge.name} may be assigned {entry} again."
