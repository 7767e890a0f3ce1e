"""Pack files handled as files: a whole copy of a pack, and whose pack a file says it is.

Both run on any thread with their own short-lived connection, never the panel's or the
judge's writer, and neither changes the pack they read.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from judgepanel.core.file_encryption import connect, held_key, is_encrypted
from judgepanel.core.file_safety import sqlite_uri


def copy_pack(pack: Path, target: Path) -> None:
    """A complete, self-contained copy of the pack (also how scores are returned).

    Written beside the target under a temporary name and put in place only when complete.
    """
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    # An encrypted pack is copied encrypted, with the key this process opened it with.
    key = held_key(pack) if is_encrypted(pack) else None
    uri = sqlite_uri(pack, mode="ro")  # escaped: # ? %
    source = connect(uri, key, uri=True) if key else sqlite3.connect(uri, uri=True)
    try:
        dest = connect(str(partial), key) if key else sqlite3.connect(str(partial))
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
    finally:
        source.close()
    partial.replace(target)


def pack_judge_name(path: Path) -> str:
    """The judge a pack file says it belongs to, read without trusting or changing it.

    Empty when the file is not a readable pack: used to name the judge of a refused return.
    """
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT j.name FROM judges j JOIN meta m ON m.key = 'judge_id' "
                               "AND CAST(m.value AS INTEGER) = j.id").fetchone()
        finally:
            conn.close()
    except (sqlite3.Error, OSError, ValueError):
        return ""
    return str(row[0]) if row else ""
