"""Creating and opening panels: the coordinator's file."""

from __future__ import annotations

import warnings
from pathlib import Path

from judgepanel.core.awards import Award, save_award
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.store import PANEL, Store


def create_panel(path: Path | str, title: str, awards: list[Award], who: str = "") -> Store:
    """A new panel file with its awards; refuses to overwrite."""
    path = Path(path)
    if not title.strip():
        raise JudgePanelError("a panel needs a title")
    ids = [a.id for a in awards]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise JudgePanelError(f"award {', '.join(duplicates)} given more than once")
    store = Store.create(path, PANEL, title=title.strip())
    try:
        with store.transaction():
            for award in awards:
                save_award(store, award)
            store.audit("panel created", {"title": title.strip(), "awards": ids}, who)
    except BaseException:
        store.close()
        path.unlink(missing_ok=True)
        raise
    return store


class HistoryAltered(UserWarning):
    """The panel's audit chain does not hold: someone edited its history outside JudgePanel."""


def open_panel(path: Path | str) -> Store:
    """Open a coordinator's panel; a judge pack is refused with a clear message.

    A panel whose audit history was altered still opens (the chair must be able to see what
    happened) but raises a loud `HistoryAltered` warning that the CLI and the GUI show.
    """
    store = Store.open(path, PANEL)
    problems = store.audit_problems() + store.state_problems()
    if problems:
        warnings.warn(HistoryAltered(
            f"{path}: the audit history of this panel was altered outside JudgePanel "
            f"({'; '.join(problems[:3])}{' …' if len(problems) > 3 else ''})"), stacklevel=2)
    return store
