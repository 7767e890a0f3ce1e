"""Entries in a panel: the mapped fields, the answers per section, and the original row."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from judgepanel.core.attachments import ATTACHMENT_KEYS, attachments_by_entry
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.store import Store, now

WORD = re.compile(r"\S+")


def count_words(text: str) -> int:
    """Words as a reader counts them: runs of non-space characters.

    `str.split()` splits on exactly the characters `WORD`'s `\\S` excludes (checked over every
    code point) and is several times faster on 300-word answers, which matters on import.
    """
    return len(text.split())


@dataclass
class EntryRecord:
    """One nomination as read from an export, before or after it is stored."""

    id: str
    award: str
    title: str = ""
    nominee: str = ""
    organisation: str = ""
    answers: dict[str, str] = field(default_factory=dict)
    fields: dict[str, Any] = field(default_factory=dict)
    source: dict[str, Any] = field(default_factory=dict)
    source_file: str = ""
    source_row: int | None = None


@dataclass(frozen=True)
class UpsertCounts:
    added: int
    updated: int
    unchanged: int


def upsert_entries(store: Store, records: list[EntryRecord]) -> UpsertCounts:
    """Add new entries and update existing ones in place, in one transaction.

    Scores, assignments and conflicts refer to the entry id and are never touched.
    """
    existing = {row["id"]: row for row in store.rows(
        "SELECT id, award, title, nominee, organisation, fields, source FROM entries")}
    old_answers: dict[str, dict[str, str]] = {}
    for row in store.rows("SELECT entry, section, text FROM answers"):
        old_answers.setdefault(row["entry"], {})[row["section"]] = row["text"]
    added = updated = unchanged = 0
    stamp = now()
    entry_rows: list[tuple[Any, ...]] = []
    answer_rows: list[tuple[Any, ...]] = []
    touched: list[str] = []
    for record in records:
        fields_json = json.dumps(record.fields, ensure_ascii=False, sort_keys=True)
        source_json = json.dumps(record.source, ensure_ascii=False)
        before = existing.get(record.id)
        if before is not None:
            same = (before["award"] == record.award and before["title"] == record.title
                    and before["nominee"] == record.nominee
                    and before["organisation"] == record.organisation
                    and before["fields"] == fields_json
                    and old_answers.get(record.id, {}) == record.answers)
            if same:
                unchanged += 1
                continue
            updated += 1
        else:
            added += 1
        touched.append(record.id)
        entry_rows.append((record.id, record.award, record.title, record.nominee,
                           record.organisation, fields_json, source_json, record.source_file,
                           record.source_row, stamp, stamp))
        answer_rows.extend((record.id, section, text, count_words(text))
                           for section, text in record.answers.items())
    with store.transaction():
        conn = store.db.conn
        conn.executemany(
            "INSERT INTO entries(id, award, title, nominee, organisation, fields, source, "
            "source_file, source_row, imported_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT(id) DO UPDATE SET award=excluded.award, title=excluded.title, "
            "nominee=excluded.nominee, organisation=excluded.organisation, "
            "fields=excluded.fields, source=excluded.source, "
            "source_file=excluded.source_file, source_row=excluded.source_row, "
            "updated_at=excluded.updated_at",
            entry_rows,
        )
        conn.executemany("DELETE FROM answers WHERE entry = ?", [(i,) for i in touched
                                                                  if i in existing])
        conn.executemany(
            "INSERT INTO answers(entry, section, text, words) VALUES (?,?,?,?)", answer_rows)
    return UpsertCounts(added, updated, unchanged)


def list_entries(store: Store, award: str | None = None,
                 entry: str | None = None) -> list[dict[str, Any]]:
    """Entries in the `entries --json` shape (docs/interface.md), in import order.

    `award` or `entry` narrow both the entries and the answers read, so one entry's detail
    does not read the whole panel.
    """
    conditions = [(column, value) for column, value in (("award", award), ("id", entry))
                  if value is not None]
    where = " AND ".join(f"e.{column} = ?" for column, _ in conditions) or "1"
    params = [value for _, value in conditions]
    entries = store.rows(
        f"SELECT * FROM entries e WHERE {where} ORDER BY source_file, source_row, id", params)
    answers: dict[str, dict[str, tuple[str, int]]] = {}
    for row in store.rows("SELECT a.entry, a.section, a.text, a.words FROM answers a "
                          "JOIN entries e ON e.id = a.entry "
                          "JOIN sections s ON s.id = a.section AND s.award = e.award "
                          f"WHERE {where} ORDER BY s.position", params):
        answers.setdefault(row["entry"], {})[row["section"]] = (row["text"], row["words"])
    documents = attachments_by_entry(store, entry)
    result = []
    for row in entries:
        mine = answers.get(row["id"], {})
        result.append({
            "entry": row["id"],
            "award": row["award"],
            "title": row["title"],
            "nominee": row["nominee"],
            "organisation": row["organisation"],
            "answers": {section: text for section, (text, _) in mine.items()},
            "words": {section: words for section, (_, words) in mine.items()},
            "fields": json.loads(row["fields"]),
            "attachments": [{key: document[key] for key in ATTACHMENT_KEYS}
                            for document in documents.get(row["id"], [])],
        })
    return result


def get_entry(store: Store, entry_id: str) -> dict[str, Any]:
    found = list_entries(store, entry=entry_id)
    if not found:
        raise JudgePanelError(f"{store.path}: no entry '{entry_id}' in this panel")
    return found[0]
