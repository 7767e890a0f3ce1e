"""Documents in judges' packs: copied from the panel into a pack, checked when it comes back.

A pack carries the documents of its judge's entries, copied chunk by chunk (memory stays flat
whatever they weigh); a returned pack whose documents were altered outside JudgePanel (bytes
that no longer match their SHA-256) is refused at merge.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable

from judgepanel.core.attachments import document_chunks, insert_document
from judgepanel.core.store import Store


def copy_to_pack(source: sqlite3.Connection, target: sqlite3.Connection,
                 entries: Iterable[str]) -> int:
    """Copy the attachments of `entries` (and only theirs) into a pack, blob by blob in
    chunks, so memory stays flat whatever the documents weigh. Returns the bytes copied."""
    copied = 0
    seen: set[str] = set()
    for entry in entries:
        rows = source.execute("SELECT entry, name, sha256, url, position FROM attachments "
                              "WHERE entry = ?", [entry]).fetchall()
        for row in rows:
            sha = row[2]
            if sha and sha not in seen:
                seen.add(sha)
                copied += _copy_document(source, target, sha)
        target.executemany("INSERT INTO attachments(entry, name, sha256, url, position) "
                           "VALUES (?, ?, ?, ?, ?)", rows)
    return copied


def _copy_document(source: sqlite3.Connection, target: sqlite3.Connection, sha: str) -> int:
    rowid, kind, size, pages, status = source.execute(
        "SELECT rowid, type, bytes, pages, status FROM documents WHERE sha256 = ?",
        [sha]).fetchone()
    insert_document(target, sha, kind, size, pages, status, document_chunks(source, rowid))
    return int(size)


def pack_attachment_problem(panel: Store, pack: sqlite3.Connection) -> str:
    """Why a returned pack's documents are not the panel's, or '' when they are.

    The panel is the authority: every document in the pack must be one the panel holds for
    that entry, and its bytes must still hash to it (streamed in chunks; nothing is copied).
    """
    try:
        rows = pack.execute("SELECT rowid, sha256, bytes FROM documents").fetchall()
        links = pack.execute("SELECT entry, name, sha256 FROM attachments").fetchall()
    except sqlite3.OperationalError:
        return ""  # a pack from before attachments: it has none to check
    known = {(r["entry"], r["name"]): r["sha256"] for r in panel.rows(
        "SELECT entry, name, sha256 FROM attachments")}
    for entry, name, sha in links:
        if (entry, name) in known and known[(entry, name)] != sha:
            return f"entry '{entry}': the attachment '{name}' differs from the panel's"
    for rowid, sha, size in rows:
        digest = hashlib.sha256()
        length = 0
        for chunk in document_chunks(pack, rowid):
            digest.update(chunk)
            length += len(chunk)
        if digest.hexdigest() != sha or length != size:
            names = [f"'{n}' of entry '{e}'" for e, n, s in links if s == sha]
            return (f"the attachment {names[0] if names else sha[:12]} was altered outside "
                    "JudgePanel (its bytes do not match its SHA-256)")
    return ""
