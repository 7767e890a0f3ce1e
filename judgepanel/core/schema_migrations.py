"""The panel file's version steps: what each older file version gains on the way to this one.

`MIGRATIONS[n]` brings a version n file to version n + 1; the Store applies the steps in order
inside one transaction when it opens an older panel or pack. The tables a step adds are also
part of the full schema a new file is made with (core/schema.py).
"""

from __future__ import annotations

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
