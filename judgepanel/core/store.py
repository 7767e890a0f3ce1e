"""The panel database: one SQLite file per panel (``.judgepanel``) or judge pack (``.judgepack``).

The schema is in core/schema.py, an older file's version steps in core/schema_migrations.py,
and the checks that keep a file safe to open and write in core/file_safety.py. A panel and a
pack share one schema; a pack simply holds less (one judge, their entries, their own scores).
The file is opened through sqlite-utils with foreign keys on; panels use WAL, packs a rollback
journal so that the one file a judge e-mails back is always complete. Every file is opened
through an escaped ``file:`` URI (a name may hold ``#``, ``?`` or ``%``); a file in a folder
that cannot be written is opened read-only (immutable), so reading a panel on a locked USB
stick works and a write says why it cannot happen.

The audit log is a chain of HMAC-SHA256 records keyed with the panel's own secret (meta
``audit_key``); each record also seals a digest of the tables it vouches for, and meta
``audit_seal`` seals the chain's last record, so a truncated or emptied log is caught. The
Store appends the records; how they are hashed, sealed and checked is in core/audit_chain.py.
docs/audit.md says what this can and cannot prove.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from judgepanel.core.audit_chain import (
    audit_hash,
    chain_problems,
    changed_tables,
    seal,
    sealed_state,
)
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
from judgepanel.core.file_safety import (
    check_sqlite_file,
    damaged_file_error,
    disk_full_error,
    folder_is_writable,
    recover_hot_journal,
    remove_database,
    sqlite_uri,
)
from judgepanel.core.schema import SCHEMA, SCHEMA_VERSION, statements
from judgepanel.core.schema_migrations import MIGRATIONS

PANEL = "panel"
PACK = "pack"
# A pack carries its entries' documents (hundreds of megabytes at times): in 32 KiB pages
# they are written and read about twice as fast as in SQLite's default 4 KiB pages.
PACK_PAGE_SIZE = "PRAGMA page_size = 32768"

def now() -> str:
    """The current time as ISO 8601 UTC with microseconds: sortable, comparable as text."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


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
                for statement in statements(SCHEMA):
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
            for statement in statements(SCHEMA):
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
                    for statement in statements(MIGRATIONS[step]):
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
        return sealed_state(self.db.conn)

    def audit(self, action: str, detail: dict[str, Any], who: str = "",
              state: str | None = None) -> str:
        """Append one record to the keyed, hash-chained audit log and return its hash.

        Call it after the change it records, in the same transaction: it seals the tables.
        `state` is `sealed_state()` as the tables now stand, when the caller already has it
        (a merge writing one record per pack that changed no sealed table); else it is read.
        """
        key, keyed_from = self._audit_key()
        last = self.db.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        prev_hash = last[1] if last else ""
        record_id = (last[0] if last else 0) + 1
        at = now()
        body = json.dumps(detail, sort_keys=True, ensure_ascii=False)
        if key is None:
            state = ""
        elif state is None:
            state = self.sealed_state()
        digest = audit_hash(key if record_id >= keyed_from else None, prev_hash, at, who,
                             action, body, state)
        self.db.execute(
            "INSERT INTO audit(id, at, who, action, detail, prev_hash, hash, state) "
            "VALUES (?,?,?,?,?,?,?,?)",
            [record_id, at, who, action, body, prev_hash, digest, state])
        if key is not None:
            self.set_meta("audit_seal", seal(key, record_id, digest))
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
        key, keyed_from = self._audit_key()
        return chain_problems(self.rows("SELECT * FROM audit ORDER BY id"), key, keyed_from,
                              self.meta("audit_seal"), self.schema_version)

    def state_problems(self) -> list[str]:
        """Tables changed since the last audit record sealed them (edited outside JudgePanel)."""
        return changed_tables(self.db.conn)


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
