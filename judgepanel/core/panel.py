"""Creating and opening panels: the coordinator's file."""

from __future__ import annotations

import os
import sqlite3
import warnings
from pathlib import Path

from judgepanel.core.awards import Award, save_award
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.store import (
    PANEL,
    Store,
    disk_full_error,
    remove_database,
    writer_may_be_running,
)


def create_panel(path: Path | str, title: str, awards: list[Award], who: str = "") -> Store:
    """A new panel file with its awards; refuses to overwrite."""
    path = Path(path)
    if not title.strip():
        raise JudgePanelError("a panel needs a title")
    ids = [a.id for a in awards]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise JudgePanelError(f"award {', '.join(duplicates)} given more than once")
    if path.exists():
        raise JudgePanelError(f"{path}: already exists; choose another name")
    # Built under a temporary name and put in place only when complete: a full disk or a
    # failure leaves no empty panel that would then "already exist".
    _remove_stray_creations(path.parent)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.creating")
    remove_database(temporary)
    try:
        store = Store.create(temporary, PANEL, title=title.strip())
        try:
            with store.transaction():
                for award in awards:
                    save_award(store, award)
                store.audit("panel created", {"title": title.strip(), "awards": ids}, who)
            store.db.execute("PRAGMA journal_mode = DELETE")  # everything in the one file
        finally:
            store.close()
        if path.exists():
            raise JudgePanelError(f"{path}: already exists; choose another name")
        os.replace(temporary, path)
    except JudgePanelError as exc:
        remove_database(temporary)
        raise JudgePanelError(str(exc).replace(str(temporary), str(path))) from None
    except (OSError, sqlite3.Error) as exc:
        remove_database(temporary)
        if disk_full_error(exc):
            raise JudgePanelError(f"no space left on device while writing {path}") from None
        raise
    except BaseException:
        remove_database(temporary)
        raise
    return Store.open(path, PANEL)


def _remove_stray_creations(folder: Path) -> None:
    """Half-made panels a killed `new` left behind (`.NAME.judgepanel.PID.creating`): they
    hold the panel's audit secret, so they go unless their process is still at work."""
    for stray in folder.glob(".*.judgepanel.*.creating*"):
        pid = stray.name.split(".creating")[0].rsplit(".", 1)[-1]
        if pid.isdigit() and int(pid) != os.getpid() and not writer_may_be_running(int(pid), stray):
            stray.unlink(missing_ok=True)


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
