"""Checks that keep a panel or pack file safe to open and to write.

A file is refused before SQLite touches it when it is missing, not SQLite or truncated (a pack
cut short in an e-mail); a killed program's half-write is rolled back from its journal; a
folder that cannot be written, a full disk and damaged pages are recognised so the error says
what happened and where; every file is opened through an escaped ``file:`` URI (a name may
hold ``#``, ``?`` or ``%``); and a half-made file's leftovers are removed once the process
that wrote it is gone.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path, PurePath
from urllib.parse import quote

from judgepanel.core.errors import RefusedFile
from judgepanel.core.file_encryption import FileKey, connect

SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileCheck:
    """What the first bytes of a file say about it."""

    page_size: int
    pages: int


def check_sqlite_file(path: Path) -> FileCheck:
    """Refuse a missing, non-SQLite or truncated file before SQLite itself touches it.

    A panel being written by another program grows while a checkpoint copies its log into it,
    so the size is compared with the header only when both agree twice in a row, and not at
    all while a write-ahead log beside the file holds pages (SQLite reads those from the log).
    """
    for attempt in range(4):
        try:
            return _check_sqlite_file(path)
        except _MaybeTruncated as exc:
            in_use = any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-journal"))
            if attempt == 3 or not in_use:
                raise RefusedFile(str(exc)) from None
            time.sleep(0.05)  # another program is writing it: look again
    raise AssertionError("unreachable")


class _MaybeTruncated(Exception):
    """The header and the size disagree: truncated, or caught in the middle of a checkpoint."""


def _check_sqlite_file(path: Path) -> FileCheck:
    if not path.exists():
        raise RefusedFile(f"{path}: no such file")
    if path.is_dir():
        raise RefusedFile(f"{path}: is a folder, not a file")
    size = path.stat().st_size
    with path.open("rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise RefusedFile(f"{path}: not a JudgePanel file (it is not an SQLite database)")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if page_size < 512 or page_size & (page_size - 1):
        raise RefusedFile(f"{path}: not a JudgePanel file, or damaged (its header is damaged)")
    change_counter = header[24:28]
    valid_for = header[92:96]
    wal = Path(f"{path}-wal")
    if header[18] == 2 and wal.exists():
        return FileCheck(page_size=page_size, pages=pages)  # live: SQLite reads the log
    if path.stat().st_size != size:
        raise _MaybeTruncated(f"{path}: the file changed while it was being checked")
    if change_counter == valid_for and pages and size < pages * page_size:
        raise _MaybeTruncated(
            f"{path}: the file is truncated ({size} of {pages * page_size} bytes); "
            "ask for it to be sent again"
        )
    if size % page_size:
        raise _MaybeTruncated(f"{path}: the file is truncated or damaged ({size} bytes)")
    return FileCheck(page_size=page_size, pages=pages)


def sqlite_uri(path: Path | str, **params: str) -> str:
    """A `file:` URI for SQLite with the path escaped (`#`, `?`, `%` are legal in names)."""
    return file_uri(Path(path).resolve(), **params)


def file_uri(path: PurePath, **params: str) -> str:
    """The URI of an absolute path as SQLite reads it, on any system: `/home/a#b` gives
    `file:///home/a%23b`, `C:\\Awards` gives `file:///C:/Awards`, and a Windows network
    share `\\\\server\\share\\p` gives `file:////server/share/p` (SQLite accepts no host)."""
    text = path.as_posix()
    if not text.startswith("/"):
        text = "/" + text  # a drive letter: C:/x -> /C:/x
    uri = "file://" + quote(text, safe="/:")
    if params:
        uri += "?" + "&".join(f"{key}={value}" for key, value in params.items())
    return uri


def folder_is_writable(path: Path) -> bool:
    """Whether JudgePanel may write `path` and create its journal beside it."""
    folder = path.resolve().parent
    return os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def damaged_file_error(exc: BaseException) -> bool:
    """Whether SQLite found the file's pages damaged ("malformed", "not a database")."""
    text = str(exc)
    return "malformed" in text or "not a database" in text


def disk_full_error(exc: BaseException, path: Path | None = None) -> bool:
    """True for SQLite's 'database or disk is full' and the operating system's ENOSPC; with
    `path`, also for SQLite's bare 'disk I/O error' when that file's disk has no room left
    (SQLite reports a log or shared-memory file it could not grow that way)."""
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    if not isinstance(exc, sqlite3.Error):
        return False
    if "disk is full" in str(exc) or getattr(exc, "sqlite_errorcode", 0) == 13:
        return True
    if path is not None and "disk I/O error" in str(exc):
        try:
            return shutil.disk_usage(Path(path).resolve().parent).free < (1 << 20)
        except OSError:
            return False
    return False


def recover_hot_journal(path: Path, key: FileKey | None = None) -> None:
    """Roll back what a killed program left half-written in `path` (its `-journal`).

    A read-only connection cannot do this, and refuses the file as read-only. Opening it for
    writing and reading once is exactly what SQLite does to restore the last committed state.
    """
    journal = Path(f"{path}-journal")
    if not journal.exists() or journal.stat().st_size == 0 or not folder_is_writable(path):
        return
    try:
        uri = sqlite_uri(path, mode="rw")
        conn = connect(uri, key, uri=True) if key else sqlite3.connect(uri, uri=True)
        try:
            conn.execute("PRAGMA schema_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return  # the normal open that follows says what is wrong


def remove_database(path: Path) -> None:
    """Remove a file JudgePanel was creating, with its journal and log."""
    for name in (str(path), f"{path}-journal", f"{path}-wal", f"{path}-shm"):
        Path(name).unlink(missing_ok=True)


def writer_may_be_running(pid: int, stray: Path) -> bool:
    """Whether the process that was writing the half-made file `stray` may still be at it (its
    leftovers hold keys and secrets, so they are removed once it is not)."""
    if os.name == "nt":  # os.kill would end the process there: judge by the file's age
        try:
            return time.time() - stray.stat().st_mtime < 3600
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, under another user
        return True
    return True
