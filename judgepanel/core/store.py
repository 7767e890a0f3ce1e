"""The panel database: one SQLite file per panel (``.judgepanel``) or judge pack (``.judgepack``).

All SQL that defines the schema lives here. A panel and a pack share one schema; a pack
simply holds less (one judge, their entries, their own scores). The file is opened through
sqlite-utils with foreign keys on; panels use WAL, packs a rollback journal so that the one
file a judge e-mails back is always complete. Every file is opened through an escaped
``file:`` URI (a name may hold ``#``, ``?`` or ``%``); a file in a folder that cannot be
written is opened read-only (immutable), so reading a panel on a locked USB stick works and a
write says why it cannot happen.

The audit log is a chain of HMAC-SHA256 records keyed with the panel's own secret (meta
``audit_key``); each record also seals a digest of the tables it vouches for (assignments,
conflicts, decisions, overrides), and meta ``audit_seal`` seals the chain's last record, so
a truncated or emptied log is caught. docs/audit.md says what this can and cannot prove.
"""

from __future__ import annotations

import errno
import hashlib
import hmac
import json
import os
import secrets
import shutil
import sqlite3
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

import sqlite_utils

from judgepanel.core.errors import JudgePanelError, RefusedFile
from judgepanel.core.file_encryption import (
    PACK_CIPHER,
    FileKey,
    PassphraseNeeded,
    WrongPassphrase,
    connect,
    is_encrypted,
    key_for_opening,
)

SCHEMA_VERSION = 5
PANEL = "panel"
PACK = "pack"
SQLITE_MAGIC = b"SQLite format 3\x00"
# A pack carries its entries' documents (hundreds of megabytes at times): in 32 KiB pages
# they are written and read about twice as fast as in SQLite's default 4 KiB pages.
PACK_PAGE_SIZE = "PRAGMA page_size = 32768"

ATTACHMENT_TABLES = """
CREATE TABLE IF NOT EXISTS documents (
    sha256 TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    pages INTEGER,
    status TEXT NOT NULL DEFAULT 'ok',
    content BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS attachments (
    entry TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    sha256 TEXT REFERENCES documents(sha256),
    url TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (entry, name)
);
CREATE TABLE IF NOT EXISTS attachment_reads (
    judge INTEGER NOT NULL,
    entry TEXT NOT NULL,
    name TEXT NOT NULL,
    page INTEGER NOT NULL DEFAULT 1,
    read INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (judge, entry, name)
);
"""

# Judging rounds (core/rounds.py): each award's rounds, the entries promoted into a later
# round, and a later round's own assignments, scores, qualifying votes and agreed scores.
ROUND_TABLES = """
CREATE TABLE IF NOT EXISTS rounds (
    award TEXT NOT NULL REFERENCES awards(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('scored', 'qualifying', 'consensus')),
    sections TEXT NOT NULL DEFAULT '',
    weight REAL,
    pass_rule TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
    closed_at TEXT,
    closed_by TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (award, id)
);
CREATE TABLE IF NOT EXISTS round_entries (
    award TEXT NOT NULL,
    round TEXT NOT NULL,
    entry TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    status TEXT NOT NULL DEFAULT 'in' CHECK (status IN ('in', 'withdrawn')),
    reason TEXT NOT NULL DEFAULT '',
    decided_by TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL,
    PRIMARY KEY (award, round, entry)
);
CREATE TABLE IF NOT EXISTS round_assignments (
    award TEXT NOT NULL,
    round TEXT NOT NULL,
    judge INTEGER NOT NULL REFERENCES judges(id) ON DELETE CASCADE,
    entry TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (award, round, judge, entry)
);
CREATE TABLE IF NOT EXISTS round_scores (
    award TEXT NOT NULL,
    round TEXT NOT NULL,
    judge INTEGER NOT NULL REFERENCES judges(id) ON DELETE CASCADE,
    entry TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    section TEXT NOT NULL,
    value REAL,
    comment TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    signature TEXT NOT NULL DEFAULT '',
    seq INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (award, round, judge, entry, section)
);
CREATE TABLE IF NOT EXISTS round_votes (
    award TEXT NOT NULL,
    round TEXT NOT NULL,
    judge INTEGER NOT NULL REFERENCES judges(id) ON DELETE CASCADE,
    entry TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
    reason TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    signature TEXT NOT NULL DEFAULT '',
    seq INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (award, round, judge, entry)
);
CREATE TABLE IF NOT EXISTS consensus_scores (
    award TEXT NOT NULL,
    round TEXT NOT NULL,
    entry TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    section TEXT NOT NULL,
    value REAL,
    note TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (award, round, entry, section)
);
"""

# A later round's overall reviews: the judge's comment, evidence tags and complete mark per
# entry, kept apart from the first round's `reviews` (a version 4 panel made it on the first
# merge of such a pack; the step to version 5 keeps one made so).
ROUND_REVIEW_TABLE = """
CREATE TABLE IF NOT EXISTS round_reviews (
    award TEXT NOT NULL,
    round TEXT NOT NULL,
    judge INTEGER NOT NULL REFERENCES judges(id) ON DELETE CASCADE,
    entry TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    comment TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    complete INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    signature TEXT NOT NULL DEFAULT '',
    seq INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (award, round, judge, entry)
);
"""

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS awards (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    organiser TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    scale_min REAL NOT NULL,
    scale_max REAL NOT NULL,
    scale_step REAL NOT NULL DEFAULT 1,
    position INTEGER NOT NULL DEFAULT 0,
    settings TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS sections (
    award TEXT NOT NULL REFERENCES awards(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    question TEXT NOT NULL,
    guidance TEXT NOT NULL DEFAULT '[]',
    weight REAL NOT NULL DEFAULT 1,
    word_limit INTEGER,
    scale_min REAL,
    scale_max REAL,
    scale_step REAL,
    PRIMARY KEY (award, id)
);
CREATE TABLE IF NOT EXISTS entries (
    id TEXT PRIMARY KEY,
    award TEXT NOT NULL REFERENCES awards(id),
    title TEXT NOT NULL DEFAULT '',
    nominee TEXT NOT NULL DEFAULT '',
    organisation TEXT NOT NULL DEFAULT '',
    fields TEXT NOT NULL DEFAULT '{}',
    source TEXT NOT NULL DEFAULT '{}',
    source_file TEXT NOT NULL DEFAULT '',
    source_row INTEGER,
    imported_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_award ON entries(award);
CREATE TABLE IF NOT EXISTS answers (
    entry TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    section TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    words INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (entry, section)
);
CREATE TABLE IF NOT EXISTS judges (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT 'judge' CHECK (role IN ('judge', 'chair')),
    pack_key TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS assignments (
    judge INTEGER NOT NULL REFERENCES judges(id) ON DELETE CASCADE,
    entry TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    PRIMARY KEY (judge, entry)
);
CREATE TABLE IF NOT EXISTS conflicts (
    judge INTEGER NOT NULL REFERENCES judges(id) ON DELETE CASCADE,
    entry TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    reason TEXT NOT NULL DEFAULT '',
    declared_by TEXT NOT NULL DEFAULT 'coordinator',
    created_at TEXT NOT NULL,
    signature TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (judge, entry)
);
CREATE TABLE IF NOT EXISTS scores (
    judge INTEGER NOT NULL REFERENCES judges(id) ON DELETE CASCADE,
    entry TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    section TEXT NOT NULL,
    value REAL,
    comment TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    signature TEXT NOT NULL DEFAULT '',
    seq INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (judge, entry, section)
);
CREATE TABLE IF NOT EXISTS reviews (
    judge INTEGER NOT NULL REFERENCES judges(id) ON DELETE CASCADE,
    entry TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    comment TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]',
    complete INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    signature TEXT NOT NULL DEFAULT '',
    seq INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (judge, entry)
);
CREATE TABLE IF NOT EXISTS decisions (
    entry TEXT PRIMARY KEY REFERENCES entries(id) ON DELETE CASCADE,
    placement TEXT NOT NULL
        CHECK (placement IN ('winner', 'highly-commended', 'finalist', 'none')),
    reason TEXT NOT NULL,
    decided_by TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS overrides (
    id INTEGER PRIMARY KEY,
    entry TEXT NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
    old_value REAL,
    new_value REAL NOT NULL,
    reason TEXT NOT NULL,
    decided_by TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    who TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT ''
);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
""" + ATTACHMENT_TABLES + ROUND_TABLES + ROUND_REVIEW_TABLE

# Migrations from version N to N+1, applied in order inside one transaction.
# 1 -> 2: `seq`, the judge's own write counter that orders returns (not their laptop's clock);
# the audit record's sealed `state`; the audit chain is keyed from the migration on.
# 2 -> 3: entries' attachments (documents stored once by SHA-256), and a judge's reading.
# 3 -> 4: judging rounds (an award's rounds, promotions, a later round's own work).
# 4 -> 5: a later round's overall reviews in the schema (no longer made on the first merge).
MIGRATIONS: dict[int, str] = {
    1: """
ALTER TABLE scores ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reviews ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE audit ADD COLUMN state TEXT NOT NULL DEFAULT '';
""",
    2: ATTACHMENT_TABLES,
    3: ROUND_TABLES,
    4: ROUND_REVIEW_TABLE,
}

# The tables whose content an audit record vouches for, each read in a fixed order.
SEALED_TABLES = {
    "assignments": "SELECT judge, entry FROM assignments ORDER BY judge, entry",
    "conflicts": "SELECT judge, entry, reason, declared_by FROM conflicts ORDER BY judge, entry",
    "decisions": "SELECT entry, placement, reason, decided_by, decided_at FROM decisions "
                 "ORDER BY entry",
    "overrides": "SELECT id, entry, old_value, new_value, reason, decided_by, decided_at "
                 "FROM overrides ORDER BY id",
    # judging rounds (version 4): promotions and withdrawals, and which rounds are closed;
    # a record written before version 4 does not seal them
    "promotions": "SELECT award, round, entry, status, reason, decided_by, decided_at "
                  "FROM round_entries ORDER BY award, round, entry",
    "rounds": "SELECT award, id, position, kind, state, closed_by FROM rounds "
              "ORDER BY award, id",
}


def now() -> str:
    """The current time as ISO 8601 UTC with microseconds: sortable, comparable as text."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


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


class Store:
    """An open panel or pack file. Pass it to the functions that need it; no globals."""

    def __init__(self, db: sqlite_utils.Database, path: Path | None,
                 read_only: bool = False) -> None:
        self.db = db
        self.path = path
        self.read_only = read_only
        self._depth = 0

    # ----- opening -------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path | str, kind: str = PANEL, title: str = "",
               panel_id: str | None = None, key: FileKey | None = None) -> Store:
        """Make a new, empty panel or pack (encrypted with `key` when given). Refuses to
        overwrite an existing file."""
        path = Path(path)
        if path.exists():
            raise JudgePanelError(f"{path}: already exists; choose another name")
        if not path.parent.exists():
            raise JudgePanelError(f"{path.parent}: no such folder")
        if not folder_is_writable(path):
            raise JudgePanelError(f"{path.parent}: the folder is read-only; nothing was written")
        try:
            store = cls(_connect(path, kind, key=key), path)
            if kind == PACK:  # before the first table: a pack's documents fill large pages
                for setting in PACK_CIPHER if key is not None else (PACK_PAGE_SIZE,):
                    store.db.execute(setting)
        except sqlite3.Error as exc:
            remove_database(path)
            if disk_full_error(exc, path):
                raise JudgePanelError(f"no space left on device while writing {path}") from None
            raise JudgePanelError(f"{path}: cannot be created ({exc})") from None
        try:
            with store.transaction():
                for statement in _statements(SCHEMA):
                    store.db.execute(statement)
                store.set_meta("schema_version", str(SCHEMA_VERSION))
                store.set_meta("kind", kind)
                store.set_meta("panel_id", panel_id or uuid.uuid4().hex)
                store.set_meta("title", title)
                store.set_meta("created_at", now())
                store.set_meta("audit_key", secrets.token_hex(32))
                store.set_meta("audit_keyed_from", "1")
        except BaseException:
            store.close()
            remove_database(path)
            raise
        return store

    @classmethod
    def open(cls, path: Path | str, kind: str | None = None, migrate: bool = True,
             key: FileKey | None = None) -> Store:
        """Open an existing file, refusing anything that is not a JudgePanel file of `kind`.

        An encrypted file needs its `key`; without one it is refused as encrypted, with
        nothing about what it holds."""
        path = Path(path)
        if key is None and is_encrypted(path):
            if kind == PANEL and path.suffix.lower() == ".judgepack":
                raise RefusedFile(f"{path}: this is an encrypted judge pack (.judgepack), not "
                                  "a panel (.judgepanel)")
            key = key_for_opening(path)  # held by this process, or asked for (command line)
            if key is None:
                raise PassphraseNeeded(f"{path}: this file is encrypted; give its passphrase")
        if key is None:
            check_sqlite_file(path)
        recover_hot_journal(path, key)
        read_only = not folder_is_writable(path)
        # Check the kind read-only first: connecting sets the journal mode for the kind, which
        # would otherwise turn a pack refused as a panel into a WAL file (changing it).
        actual = file_kind(path, key)
        if kind and actual != kind:
            what = {PANEL: "a panel (.judgepanel)", PACK: "a judge pack (.judgepack)"}
            raise RefusedFile(f"{path}: this is {what.get(actual, 'another file')}, "
                              f"not {what.get(kind, kind)}")
        try:
            try:
                conn = _connect(path, actual, read_only=read_only, key=key)
            except sqlite3.OperationalError as exc:
                # Permissions can say "writable" where the medium is not (a share, Windows):
                # WAL cannot start there, so read it as it is.
                if read_only or not any(text in str(exc) for text in ("unable to open",
                                                                      "readonly")):
                    raise
                read_only = True
                conn = _connect(path, actual, read_only=True, key=key)
            store = cls(conn, path, read_only=read_only)
            version = store.schema_version()
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            if disk_full_error(exc, path):
                raise JudgePanelError(f"no space left on device while writing {path}") from None
            raise RefusedFile(f"{path}: not a JudgePanel file, or damaged ({exc})") from None
        except ValueError as exc:
            raise RefusedFile(f"{path}: not a JudgePanel file, or damaged ({exc})") from None
        if version > SCHEMA_VERSION:
            store.close()
            raise RefusedFile(
                f"{path}: made by a newer JudgePanel (file version {version}, this one reads "
                f"up to {SCHEMA_VERSION}); please update JudgePanel"
            )
        if version < SCHEMA_VERSION and migrate:
            if read_only:  # migrate a copy in memory; the file itself cannot change
                memory = sqlite3.connect(":memory:", isolation_level=None,
                                         check_same_thread=False)
                store.db.conn.backup(memory)
                store.close()
                store = cls(sqlite_utils.Database(memory), path, read_only=True)
                store._migrate(version, in_memory=True)
                store.read_only = True
            else:
                store._migrate(version)
        return store

    @classmethod
    def memory(cls, kind: str = PANEL) -> Store:
        """An in-memory store, for building things before they are written out."""
        store = cls(sqlite_utils.Database(memory=True), None)
        store.db.execute("PRAGMA foreign_keys = ON")
        with store.transaction():
            for statement in _statements(SCHEMA):
                store.db.execute(statement)
            store.set_meta("schema_version", str(SCHEMA_VERSION))
            store.set_meta("kind", kind)
            store.set_meta("panel_id", uuid.uuid4().hex)
            store.set_meta("created_at", now())
            store.set_meta("audit_key", secrets.token_hex(32))
            store.set_meta("audit_keyed_from", "1")
        return store

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self, version: int, in_memory: bool = False) -> None:
        """Bring an older file up to this version, in one transaction.

        A panel from before version 2 has an unkeyed chain: its records are checked as they
        were written (plain SHA-256) and the chain is keyed from the record that says so.
        """
        if version < 1:
            raise RefusedFile(f"{self.path}: not a JudgePanel file, or damaged (its version "
                              f"record says {version})")
        read_only, self.read_only = self.read_only, False
        try:
            with self.transaction():
                for step in range(version, SCHEMA_VERSION):
                    for statement in _statements(MIGRATIONS[step]):
                        self.db.execute(statement)
                self.set_meta("schema_version", str(SCHEMA_VERSION))
                if self.meta("audit_key") is None:
                    last = self.db.execute("SELECT MAX(id) FROM audit").fetchone()[0] or 0
                    self.set_meta("audit_key", secrets.token_hex(32))
                    self.set_meta("audit_keyed_from", str(last + 1))
                    self.audit("audit chain keyed", {
                        "from_record": last + 1, "file_version": SCHEMA_VERSION,
                        "note": f"records 1 to {last} were chained without a key by an "
                                "earlier JudgePanel and are checked as they were written; "
                                "from this record on the chain is keyed"})
        finally:
            self.read_only = read_only or in_memory

    # ----- transactions and metadata -------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """One all-or-nothing unit of work; nested calls join the outer transaction."""
        conn = self.db.conn
        if self._depth == 0:
            if self.read_only:
                where = self.path.parent if self.path else "memory"
                raise JudgePanelError(f"{self.path}: the folder {where} is read-only (or the "
                                      "file is), so nothing can be changed; copy the panel to "
                                      "a folder you can write to")
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:  # busy elsewhere, or read-only media
                if disk_full_error(exc, self.path):
                    raise self._disk_full() from None
                if "locked" in str(exc) or "busy" in str(exc):
                    raise JudgePanelError(
                        f"{self.path}: the file is busy: another program (JudgePanel open "
                        f"elsewhere?) is changing it ({exc}); try again in a moment; nothing "
                        "was changed") from None
                raise JudgePanelError(f"{self.path}: the file cannot be changed ({exc}); "
                                      "nothing was changed") from None
        self._depth += 1
        try:
            yield self
        except BaseException as exc:
            self._depth -= 1
            if self._depth == 0:
                # SQLite rolls back by itself after some errors (a full disk among them); a
                # second ROLLBACK would hide the real error behind "no transaction is active".
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if disk_full_error(exc, self.path):
                    raise self._disk_full() from None
            raise
        self._depth -= 1
        if self._depth == 0:
            try:
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if disk_full_error(exc, self.path):
                    raise self._disk_full() from None
                raise JudgePanelError(f"{self.path}: the change could not be saved ({exc}); "
                                      "nothing was changed") from None

    def _disk_full(self) -> JudgePanelError:
        return JudgePanelError(f"no space left on device while writing {self.path}")

    def schema_version(self) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            raise sqlite3.DatabaseError("it has no JudgePanel version record")
        text = str(row[0])
        if not text.isascii() or not text.isdigit() or int(text) < 1:
            raise sqlite3.DatabaseError(f"its version record is damaged ({text[:20]!r})")
        return int(text)

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    @property
    def kind(self) -> str:
        return self.meta("kind") or PANEL

    @property
    def panel_id(self) -> str:
        return self.meta("panel_id") or ""

    @property
    def title(self) -> str:
        return self.meta("title") or ""

    def rows(self, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        """Run a query and return plain dicts. A file found damaged while reading (its
        header was fine when it was opened) is refused naming the file."""
        try:
            cursor = self.db.execute(sql, list(params))
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        except sqlite3.DatabaseError as exc:
            if not damaged_file_error(exc):
                raise
            raise RefusedFile(f"{self.path}: the file is damaged ({exc})") from None

    # ----- the audit log -------------------------------------------------------------------

    def _audit_key(self) -> tuple[bytes | None, int]:
        """The chain's key and the first record it keys (records before it are unkeyed)."""
        key = self.meta("audit_key")
        keyed_from = self.meta("audit_keyed_from") or "1"
        if key is None:
            return None, 1 << 62
        return bytes.fromhex(key), int(keyed_from)

    def sealed_state(self) -> str:
        """A digest of each table the audit log vouches for, as the record seals it."""
        state = {}
        for table, sql in SEALED_TABLES.items():
            rows = self.db.execute(sql).fetchall()
            text = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
            state[table] = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
        return json.dumps(state, sort_keys=True)

    def audit(self, action: str, detail: dict[str, Any], who: str = "") -> str:
        """Append one record to the keyed, hash-chained audit log and return its hash.

        Call it after the change it records, in the same transaction: it seals the tables.
        """
        key, keyed_from = self._audit_key()
        last = self.db.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        prev_hash = last[1] if last else ""
        record_id = (last[0] if last else 0) + 1
        at = now()
        body = json.dumps(detail, sort_keys=True, ensure_ascii=False)
        state = self.sealed_state() if key is not None else ""
        digest = _audit_hash(key if record_id >= keyed_from else None, prev_hash, at, who,
                             action, body, state)
        self.db.execute(
            "INSERT INTO audit(id, at, who, action, detail, prev_hash, hash, state) "
            "VALUES (?,?,?,?,?,?,?,?)",
            [record_id, at, who, action, body, prev_hash, digest, state])
        if key is not None:
            self.set_meta("audit_seal", _seal(key, record_id, digest))
        return digest

    def audit_head(self) -> str:
        """A short fingerprint of the chain's last record, for the signed report and `audit`."""
        row = self.db.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        if row is None:
            return "no records"
        text = str(row[1])[:16].upper()
        return f"{' '.join(text[i:i + 4] for i in range(0, 16, 4))} (record {row[0]})"

    def audit_problems(self) -> list[str]:
        """Every place where the audit chain does not hold; empty when history is intact."""
        problems: list[str] = []
        key, keyed_from = self._audit_key()
        prev_hash = ""
        last: tuple[int, str] | None = None
        for row in self.rows("SELECT * FROM audit ORDER BY id"):
            if row["prev_hash"] != prev_hash:
                problems.append(f"audit record {row['id']}: does not follow the record before it")
            keyed = key is not None and row["id"] >= keyed_from
            expected = _audit_hash(key if keyed else None, row["prev_hash"], row["at"],
                                   row["who"], row["action"], row["detail"],
                                   row.get("state", "") if keyed else "")
            if not hmac.compare_digest(expected, str(row["hash"])):
                problems.append(f"audit record {row['id']}: its contents were changed")
            prev_hash = row["hash"]
            last = (row["id"], row["hash"])
        if key is None:
            if self.schema_version() >= 2:
                problems.append("the audit log's key is missing (removed outside JudgePanel)")
            return problems
        seal = self.meta("audit_seal")
        if last is None:
            if seal is not None:
                problems.append("the audit log was emptied outside JudgePanel")
        elif seal is None or not hmac.compare_digest(seal, _seal(key, *last)):
            problems.append(f"the audit log ends at record {last[0]}, not where JudgePanel "
                            "last wrote it (records were removed from its end, or it was "
                            "rewritten)")
        return problems

    def state_problems(self) -> list[str]:
        """Tables changed since the last audit record sealed them (edited outside JudgePanel)."""
        row = self.db.execute("SELECT id, state FROM audit WHERE state != '' "
                              "ORDER BY id DESC LIMIT 1").fetchone()
        if row is None:
            return []
        try:
            sealed = json.loads(row[1])
        except json.JSONDecodeError:
            return [f"audit record {row[0]}: its seal is damaged"]
        now_state = json.loads(self.sealed_state())
        return [f"the {table} were changed outside JudgePanel after audit record {row[0]}"
                for table in SEALED_TABLES
                if sealed.get(table, now_state[table]) != now_state[table]]


def _seal(key: bytes, record_id: int, digest: str) -> str:
    return hmac.new(key, f"seal:{record_id}:{digest}".encode(), hashlib.sha256).hexdigest()


def _audit_hash(key: bytes | None, prev_hash: str, at: str, who: str, action: str,
                detail: str, state: str = "") -> str:
    """Unkeyed SHA-256 for records written before the chain was keyed, HMAC-SHA256 after."""
    if key is None:
        payload = json.dumps([prev_hash, at, who, action, detail], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()
    payload = json.dumps([prev_hash, at, who, action, detail, state], ensure_ascii=False)
    return hmac.new(key, payload.encode("utf-8"), hashlib.sha256).hexdigest()


def remove_database(path: Path) -> None:
    """Remove a file JudgePanel was creating, with its journal and log."""
    for name in (str(path), f"{path}-journal", f"{path}-wal", f"{path}-shm"):
        Path(name).unlink(missing_ok=True)


def _statements(script: str) -> list[str]:
    """Split a schema script into statements (triggers contain semicolons of their own)."""
    statements: list[str] = []
    buffer = ""
    for line in script.strip().splitlines():
        buffer += line + "\n"
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    return statements


def file_kind(path: Path, key: FileKey | None = None) -> str:
    """Whether a file is a panel or a pack, read without changing it (not even its journal)."""
    params = {"mode": "ro"} if folder_is_writable(path) else {"mode": "ro", "immutable": "1"}
    try:
        uri = sqlite_uri(path, **params)
        conn = connect(uri, key, uri=True) if key else sqlite3.connect(uri, uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'kind'").fetchone()
        finally:
            conn.close()
    except WrongPassphrase as exc:
        raise WrongPassphrase(f"{path}: {exc}") from None
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        if disk_full_error(exc, path):
            raise JudgePanelError(f"no space left on device while writing {path}") from None
        raise RefusedFile(f"{path}: not a JudgePanel file, or damaged ({exc})") from None
    if row is None:
        raise RefusedFile(f"{path}: not a JudgePanel file (it has no kind record)")
    return str(row[0])


def _connect(path: Path, kind: str, read_only: bool = False,
             key: FileKey | None = None) -> sqlite_utils.Database:
    """Open `path` through an escaped URI: read-write (creating it), or immutable; with
    `key`, through SQLCipher (every page encrypted as SQLite writes it)."""
    uri = sqlite_uri(path, mode="ro", immutable="1") if read_only else sqlite_uri(path)
    if key is not None:
        conn = connect(uri, key, uri=True, isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    db = sqlite_utils.Database(conn)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 5000")
    if read_only:
        return db
    if kind == PACK:
        # One self-contained file that can be e-mailed at any moment.
        db.execute("PRAGMA journal_mode = DELETE")
        db.execute("PRAGMA synchronous = FULL")
    else:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
    return db


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
