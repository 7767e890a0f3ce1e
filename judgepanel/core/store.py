"""The panel database: one SQLite file per panel (``.judgepanel``) or judge pack (``.judgepack``).

All SQL that defines the schema lives here. A panel and a pack share one schema; a pack
simply holds less (one judge, their entries, their own scores). The file is opened through
sqlite-utils with foreign keys on; panels use WAL, packs a rollback journal so that the one
file a judge e-mails back is always complete.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from judgepanel.core.errors import JudgePanelError, RefusedFile

SCHEMA_VERSION = 1
PANEL = "panel"
PACK = "pack"
SQLITE_MAGIC = b"SQLite format 3\x00"

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
    hash TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""

# Migrations from version N to N+1, applied in order inside one transaction.
MIGRATIONS: dict[int, str] = {}


def now() -> str:
    """The current time as ISO 8601 UTC with microseconds: sortable, comparable as text."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class FileCheck:
    """What the first bytes of a file say about it."""

    page_size: int
    pages: int


def check_sqlite_file(path: Path) -> FileCheck:
    """Refuse a missing, non-SQLite or truncated file before SQLite itself touches it."""
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
    change_counter = header[24:28]
    valid_for = header[92:96]
    if change_counter == valid_for and pages and size < pages * page_size:
        raise RefusedFile(
            f"{path}: the file is truncated ({size} of {pages * page_size} bytes); "
            "ask for it to be sent again"
        )
    if size % page_size:
        raise RefusedFile(f"{path}: the file is truncated or damaged ({size} bytes)")
    return FileCheck(page_size=page_size, pages=pages)


class Store:
    """An open panel or pack file. Pass it to the functions that need it; no globals."""

    def __init__(self, db: sqlite_utils.Database, path: Path | None) -> None:
        self.db = db
        self.path = path
        self._depth = 0

    # ----- opening -------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path | str, kind: str = PANEL, title: str = "",
               panel_id: str | None = None) -> Store:
        """Make a new, empty panel or pack. Refuses to overwrite an existing file."""
        path = Path(path)
        if path.exists():
            raise JudgePanelError(f"{path}: already exists; choose another name")
        if not path.parent.exists():
            raise JudgePanelError(f"{path.parent}: no such folder")
        store = cls(_connect(path, kind), path)
        with store.transaction():
            for statement in _statements(SCHEMA):
                store.db.execute(statement)
            store.set_meta("schema_version", str(SCHEMA_VERSION))
            store.set_meta("kind", kind)
            store.set_meta("panel_id", panel_id or uuid.uuid4().hex)
            store.set_meta("title", title)
            store.set_meta("created_at", now())
        return store

    @classmethod
    def open(cls, path: Path | str, kind: str | None = None, migrate: bool = True) -> Store:
        """Open an existing file, refusing anything that is not a JudgePanel file of `kind`."""
        path = Path(path)
        check_sqlite_file(path)
        # Check the kind read-only first: connecting sets the journal mode for the kind, which
        # would otherwise turn a pack refused as a panel into a WAL file (changing it).
        actual = file_kind(path)
        if kind and actual != kind:
            what = {PANEL: "a panel (.judgepanel)", PACK: "a judge pack (.judgepack)"}
            raise RefusedFile(f"{path}: this is {what.get(actual, 'another file')}, "
                              f"not {what.get(kind, kind)}")
        try:
            conn = _connect(path, actual)
            store = cls(conn, path)
            version = store.schema_version()
        except sqlite3.DatabaseError as exc:
            raise RefusedFile(f"{path}: not a JudgePanel file ({exc})") from exc
        if version > SCHEMA_VERSION:
            store.close()
            raise RefusedFile(
                f"{path}: made by a newer JudgePanel (file version {version}, this one reads "
                f"up to {SCHEMA_VERSION}); please update JudgePanel"
            )
        if version < SCHEMA_VERSION and migrate:
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
        return store

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self, version: int) -> None:
        with self.transaction():
            for step in range(version, SCHEMA_VERSION):
                for statement in _statements(MIGRATIONS[step]):
                    self.db.execute(statement)
            self.set_meta("schema_version", str(SCHEMA_VERSION))

    # ----- transactions and metadata -------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """One all-or-nothing unit of work; nested calls join the outer transaction."""
        conn = self.db.conn
        if self._depth == 0:
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:  # busy elsewhere, or read-only media
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
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                conn.execute("ROLLBACK")
            raise
        self._depth -= 1
        if self._depth == 0:
            conn.execute("COMMIT")

    def schema_version(self) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            raise sqlite3.DatabaseError("it has no JudgePanel version record")
        return int(row[0])

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
        """Run a query and return plain dicts."""
        cursor = self.db.execute(sql, list(params))
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    # ----- the audit log -------------------------------------------------------------------

    def audit(self, action: str, detail: dict[str, Any], who: str = "") -> str:
        """Append one record to the hash-chained audit log and return its hash."""
        last = self.db.execute("SELECT hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        prev_hash = last[0] if last else ""
        at = now()
        body = json.dumps(detail, sort_keys=True, ensure_ascii=False)
        digest = _audit_hash(prev_hash, at, who, action, body)
        self.db.execute(
            "INSERT INTO audit(at, who, action, detail, prev_hash, hash) VALUES (?,?,?,?,?,?)",
            [at, who, action, body, prev_hash, digest],
        )
        return digest

    def audit_problems(self) -> list[str]:
        """Every place where the audit chain does not hold; empty when history is intact."""
        problems: list[str] = []
        prev_hash = ""
        for row in self.rows("SELECT * FROM audit ORDER BY id"):
            if row["prev_hash"] != prev_hash:
                problems.append(f"audit record {row['id']}: does not follow the record before it")
            expected = _audit_hash(row["prev_hash"], row["at"], row["who"], row["action"],
                                   row["detail"])
            if expected != row["hash"]:
                problems.append(f"audit record {row['id']}: its contents were changed")
            prev_hash = row["hash"]
        return problems


def _audit_hash(prev_hash: str, at: str, who: str, action: str, detail: str) -> str:
    payload = json.dumps([prev_hash, at, who, action, detail], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


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


def file_kind(path: Path) -> str:
    """Whether a file is a panel or a pack, read without changing it (not even its journal)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'kind'").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise RefusedFile(f"{path}: not a JudgePanel file ({exc})") from exc
    if row is None:
        raise RefusedFile(f"{path}: not a JudgePanel file (it has no kind record)")
    return str(row[0])


def _connect(path: Path, kind: str) -> sqlite_utils.Database:
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    db = sqlite_utils.Database(conn)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 5000")
    if kind == PACK:
        # One self-contained file that can be e-mailed at any moment.
        db.execute("PRAGMA journal_mode = DELETE")
        db.execute("PRAGMA synchronous = FULL")
    else:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
    return db
