"""Removing nominees' personal data when the programme is over (UK GDPR: not kept longer
than needed), while the scores, ranks, decisions and the record of decisions stay.

A purge empties each entry's nominee and organisation, the extra fields that are personal
(those the coordinator hid from judges, and any whose name says e-mail, phone, address,
name, job or organisation), the original export rows, the judges' e-mail addresses and any
attachments. Where an entry's own answers name its nominee, organisation or another of its
personal values, that text is replaced too (judges' comments are signed and stay as they
were written). The same text is replaced in the audit log, whose chain is then re-keyed
record by record so it still verifies, and the purge itself is recorded with who and when.
Finally the file is vacuumed (and its log emptied), so the removed text is not left in free
pages.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from judgepanel.core.audit_chain import audit_hash, seal
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judge_fields import hidden_fields
from judgepanel.core.store import PANEL, Store

REMOVED = "[removed]"
_PERSONAL_NAME = re.compile(r"e-?mail|phone|mobile|tel|address|post ?code|zip|name|job|"
                            r"organi[sz]ation|employer|trust|contact|linkedin|twitter",
                            re.IGNORECASE)


@dataclass(frozen=True)
class PurgeResult:
    """What a purge removed, for the command's lines and the audit record."""

    entries: int
    fields: list[str]
    attachments: int
    audit_records: int
    answers: int = 0

    def lines(self) -> list[str]:
        return [f"personal data removed from {self.entries} entries "
                f"(nominee, organisation{', ' if self.fields else ''}{', '.join(self.fields)})",
                f"{self.attachments} attachment(s) removed",
                f"personal text removed from {self.answers} answer(s)",
                f"{self.audit_records} audit record(s) anonymised; the chain still verifies",
                "scores, ranks, decisions and the audit log are kept; the file was vacuumed"]


def personal_field(name: str, hidden: set[str]) -> bool:
    """Whether an extra field counts as personal data for the purge."""
    return name in hidden or bool(_PERSONAL_NAME.search(name))


def purge_personal_data(panel: Store, who: str = "") -> PurgeResult:
    """Remove personal data from the panel (see the module's note); one transaction, then
    VACUUM. Refused on a pack (packs go back to the coordinator and are deleted)."""
    if panel.kind != PANEL:
        raise JudgePanelError(f"{panel.path}: purge works on a panel, not a judge's pack")
    conn = panel.db.conn
    hidden: set[str] = set()
    for (award,) in conn.execute("SELECT id FROM awards").fetchall():
        hidden.update(hidden_fields(panel, award))
    values: set[str] = set()
    removed_fields: set[str] = set()
    updates: list[tuple[str, str]] = []
    own_values: dict[str, set[str]] = {}
    for entry, nominee, organisation, fields_text, source_text in conn.execute(
            "SELECT id, nominee, organisation, fields, source FROM entries").fetchall():
        fields = json.loads(fields_text or "{}")
        kept = {}
        own = {str(nominee), str(organisation)}
        for name, value in fields.items():
            if personal_field(name, hidden):
                removed_fields.add(name)
                own.add(str(value))
            else:
                kept[name] = value
        own.update(str(v) for k, v in json.loads(source_text or "{}").items()
                   if personal_field(str(k), hidden))
        values.update(own)
        own_values[str(entry)] = own
        updates.append((json.dumps(kept, ensure_ascii=False, sort_keys=True), entry))
    values.update(str(r[0]) for r in conn.execute("SELECT email FROM judges"))
    # What the results still name (ids, titles, awards, judges) is never scrubbed.
    kept_names = {str(r[0]) for r in conn.execute(
        "SELECT id FROM entries UNION SELECT title FROM entries UNION SELECT id FROM awards "
        "UNION SELECT name FROM awards UNION SELECT name FROM judges")}
    # Longest first, so "Jo Bloggs" goes before "Jo"; very short values would scrub words.
    scrub = sorted((v for v in values if len(v.strip()) >= 3 and v not in kept_names),
                   key=len, reverse=True)
    answers = _scrubbed_answers(conn, own_values, kept_names)
    attachments = 0
    with panel.transaction():
        conn.executemany("UPDATE answers SET text = ? WHERE entry = ? AND section = ?", answers)
        conn.executemany("UPDATE entries SET nominee = '', organisation = '', fields = ?, "
                         "source = '{}' WHERE id = ?", updates)
        conn.execute("UPDATE judges SET email = ''")
        if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                        "name = 'attachments'").fetchone():
            attachments = conn.execute("SELECT COUNT(*) FROM attachments").fetchone()[0]
            conn.execute("DELETE FROM attachments")
        anonymised = _anonymise_audit(panel, scrub)
        result = PurgeResult(len(updates), sorted(removed_fields, key=str.casefold),
                             attachments, anonymised, len(answers))
        panel.audit("personal data purged", {
            "entries": result.entries, "fields": ["nominee", "organisation", *result.fields],
            "attachments": attachments, "audit_records_anonymised": anonymised}, who)
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("VACUUM")
    if conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return result


def _scrubbed_answers(conn: Any, own_values: dict[str, set[str]], kept_names: set[str]
                      ) -> list[tuple[str, str, str]]:
    """Each answer that names its own entry's personal values, with them replaced (ignoring
    case): (text, entry, section)."""
    changed = []
    patterns: dict[str, re.Pattern[str] | None] = {}
    for entry, section, text in conn.execute("SELECT entry, section, text FROM answers"):
        if entry not in patterns:
            wanted = sorted((v for v in own_values.get(entry, ()) if len(v.strip()) >= 3
                             and v not in kept_names), key=len, reverse=True)
            patterns[entry] = re.compile("|".join(
                re.escape(v.strip()) for v in wanted), re.IGNORECASE) if wanted else None
        pattern = patterns[entry]
        if pattern is None or not text:
            continue
        scrubbed = pattern.sub(REMOVED, text)
        if scrubbed != text:
            changed.append((scrubbed, entry, section))
    return changed


def _anonymise_audit(panel: Store, scrub: list[str]) -> int:
    """Replace personal text in the audit records and re-chain them with the panel's key."""
    key, keyed_from = panel._audit_key()
    conn = panel.db.conn
    # The log is append-only by a trigger; the purge lifts it for this one transaction only.
    trigger = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND "
                           "name = 'audit_no_update'").fetchone()
    if trigger:
        conn.execute("DROP TRIGGER audit_no_update")
    changed = 0
    prev_hash = ""
    last: tuple[int, str] | None = None
    for record_id, at, who, action, detail, state in conn.execute(
            "SELECT id, at, who, action, detail, state FROM audit ORDER BY id").fetchall():
        text = str(detail)
        for value in scrub:
            text = text.replace(json.dumps(value, ensure_ascii=False)[1:-1], REMOVED)
        changed += text != detail
        keyed = key is not None and record_id >= keyed_from
        digest = audit_hash(key if keyed else None, prev_hash, at, who, action, text,
                            (state or "") if keyed else "")
        conn.execute("UPDATE audit SET detail = ?, prev_hash = ?, hash = ? WHERE id = ?",
                     [text, prev_hash, digest, record_id])
        prev_hash, last = digest, (record_id, digest)
    if trigger:
        conn.execute(trigger[0])
    if key is not None and last is not None:
        panel.set_meta("audit_seal", seal(key, *last))
    return changed
