"""A panel file that is whole on its own: settling the write-ahead log, and saving a copy.

A panel is kept in WAL mode, so recent changes sit in `NAME.judgepanel-wal` beside it until
they are checkpointed. A coordinator who copies the panel file to a USB stick while the
application has it open must still get every entry and judge: the application settles the
log whenever changes have stopped (`settle`), and File ▸ Save a copy… uses SQLite's backup
API (`save_copy`), which reads one consistent snapshot whatever else is writing.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.file_encryption import connect, held_key, is_encrypted
from judgepanel.core.store import Store


def settle(store: Store) -> bool:
    """Copy the changes waiting in the write-ahead log into the panel file itself.

    Never waits for another program's reader or writer (a passive checkpoint), so it is safe
    to call from a timer in the window. True when the file alone now holds every change.
    """
    if store.path is None or store._depth:
        return False  # in memory, or in the middle of this connection's own transaction
    try:
        row = store.db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    except sqlite3.OperationalError:
        return False  # busy elsewhere: the next call settles it
    if row is None:
        return True
    busy, frames, copied = (int(value) for value in row)
    return frames == -1 or (not busy and frames == copied)


def log_state(path: Path) -> tuple[int, int] | None:
    """Size and modification time of a panel's write-ahead log (None when there is none)."""
    try:
        info = Path(f"{path}-wal").stat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def save_copy(store: Store, target: Path | str) -> Path:
    """Write the whole panel, as it is at this moment, to `target` as one self-contained file.

    The copy is written beside the target under a temporary name and put in place only when
    complete, so a failure leaves any earlier file of that name untouched.
    """
    target = Path(target)
    if store.path is not None and target.resolve() == Path(store.path).resolve():
        raise JudgePanelError(f"{target.name}: this is the open panel itself; choose another "
                              "name for the copy")
    if not target.parent.is_dir():
        raise JudgePanelError(f"{target.parent}: no such folder for the copy")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                         dir=target.parent)
    os.close(handle)
    try:
        # An encrypted panel's copy is encrypted with the same key: never a plain copy of it.
        key = held_key(store.path) if store.path is not None and is_encrypted(store.path) \
            else None
        copy = connect(temporary, key) if key is not None else sqlite3.connect(temporary)
        try:
            store.db.conn.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # a single file, nothing beside it
        finally:
            copy.close()
        os.replace(temporary, target)
    except (OSError, sqlite3.Error) as exc:
        Path(temporary).unlink(missing_ok=True)
        raise JudgePanelError(f"{target}: the copy could not be written ({exc})") from exc
    return target
