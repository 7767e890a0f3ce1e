"""The audit log's chain: how each record is hashed and sealed, and how the chain is checked.

Each record is chained to the one before it with HMAC-SHA256 under the panel's own secret
(meta ``audit_key``; records written before the chain was keyed stay plain SHA-256) and seals
a digest of the tables it vouches for (assignments, conflicts, decisions, overrides,
promotions, rounds); meta ``audit_seal`` seals the chain's last record, so a truncated or
emptied log is caught. The Store writes the records (core/store.py); docs/audit.md says what
this can and cannot prove.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import sqlite3
from collections.abc import Callable
from typing import Any

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


def sealed_state(conn: sqlite3.Connection) -> str:
    """A digest of each table the audit log vouches for, as the record seals it."""
    state = {}
    for table, sql in SEALED_TABLES.items():
        rows = conn.execute(sql).fetchall()
        text = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
        state[table] = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
    return json.dumps(state, sort_keys=True)


def seal(key: bytes, record_id: int, digest: str) -> str:
    """The seal of the chain's last record (meta `audit_seal`)."""
    return hmac.new(key, f"seal:{record_id}:{digest}".encode(), hashlib.sha256).hexdigest()


def audit_hash(key: bytes | None, prev_hash: str, at: str, who: str, action: str,
               detail: str, state: str = "") -> str:
    """Unkeyed SHA-256 for records written before the chain was keyed, HMAC-SHA256 after."""
    if key is None:
        payload = json.dumps([prev_hash, at, who, action, detail], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()
    payload = json.dumps([prev_hash, at, who, action, detail, state], ensure_ascii=False)
    return hmac.new(key, payload.encode("utf-8"), hashlib.sha256).hexdigest()


def chain_problems(records: list[dict[str, Any]], key: bytes | None, keyed_from: int,
                   last_seal: str | None, schema_version: Callable[[], int]) -> list[str]:
    """Every place where the chain of `records` (the audit table in order) does not hold,
    given the chain's key, the first record it keys and the panel's `audit_seal`."""
    problems: list[str] = []
    prev_hash = ""
    last: tuple[int, str] | None = None
    for row in records:
        if row["prev_hash"] != prev_hash:
            problems.append(f"audit record {row['id']}: does not follow the record before it")
        keyed = key is not None and row["id"] >= keyed_from
        expected = audit_hash(key if keyed else None, row["prev_hash"], row["at"],
                              row["who"], row["action"], row["detail"],
                              row.get("state", "") if keyed else "")
        if not hmac.compare_digest(expected, str(row["hash"])):
            problems.append(f"audit record {row['id']}: its contents were changed")
        prev_hash = row["hash"]
        last = (row["id"], row["hash"])
    if key is None:
        if schema_version() >= 2:
            problems.append("the audit log's key is missing (removed outside JudgePanel)")
        return problems
    if last is None:
        if last_seal is not None:
            problems.append("the audit log was emptied outside JudgePanel")
    elif last_seal is None or not hmac.compare_digest(last_seal, seal(key, *last)):
        problems.append(f"the audit log ends at record {last[0]}, not where JudgePanel "
                        "last wrote it (records were removed from its end, or it was "
                        "rewritten)")
    return problems


def changed_tables(conn: sqlite3.Connection) -> list[str]:
    """Tables changed since the last audit record sealed them (edited outside JudgePanel)."""
    row = conn.execute("SELECT id, state FROM audit WHERE state != '' "
                       "ORDER BY id DESC LIMIT 1").fetchone()
    if row is None:
        return []
    try:
        sealed = json.loads(row[1])
    except json.JSONDecodeError:
        return [f"audit record {row[0]}: its seal is damaged"]
    now_state = json.loads(sealed_state(conn))
    return [f"the {table} were changed outside JudgePanel after audit record {row[0]}"
            for table in SEALED_TABLES
            if sealed.get(table, now_state[table]) != now_state[table]]
