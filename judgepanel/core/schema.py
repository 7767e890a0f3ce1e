"""The panel file's schema: every table, index and trigger a panel or pack is made with.

All SQL that defines the schema lives here and in core/schema_migrations.py (the tables added
by later file versions, and the steps that add them to an older file). A panel and a pack
share one schema; a pack simply holds less.
"""

from __future__ import annotations

import sqlite3

from judgepanel.core.schema_migrations import (
    ATTACHMENT_TABLES,
    ROUND_REVIEW_TABLE,
    ROUND_TABLES,
)

SCHEMA_VERSION = 5

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


def statements(script: str) -> list[str]:
    """Split a schema script into statements (triggers contain semicolons of their own)."""
    statements: list[str] = []
    buffer = ""
    for line in script.strip().splitlines():
        buffer += line + "\n"
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    return statements
