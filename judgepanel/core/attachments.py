"""Entries' supporting documents: stored once per panel by SHA-256, read back, limits per award.

Bytes move in chunks through SQLite's incremental blob I/O, so a pack with hundreds of
megabytes of documents is built without holding them in memory. A document's type and state
are read from its bytes (core/document_types.py); an import stores documents
(core/attachment_import.py); packs carry them (core/attachment_packs.py). This module holds the
stored documents themselves: writing and reading their bytes, each entry's attachments, the
award's limits on them, and a judge's place in each document. See docs/interface.md.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from judgepanel.core.document_types import OK, problem_text
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.store import Store, now

CHUNK = 1024 * 1024
# The keys `entries --json` gives each attachment (docs/interface.md).
ATTACHMENT_KEYS = ("name", "type", "bytes", "pages", "sha256", "url")  # url: a link's, else ""

# Documents stream in chunks through SQLite's incremental blob I/O: the standard library's
# connections call it `blobopen`, an encrypted file's (SQLCipher's) `open_blob`. Memory stays
# flat whatever the documents weigh.


def _open_blob(conn: sqlite3.Connection, rowid: int, readonly: bool) -> Any:
    """The `content` of document `rowid` as a blob to read or write in chunks."""
    if hasattr(conn, "blobopen"):
        return conn.blobopen("documents", "content", rowid, readonly=readonly)
    return conn.open_blob("documents", "content", rowid, readonly=readonly)  # type: ignore[attr-defined]


def document_chunks(conn: sqlite3.Connection, rowid: int) -> Iterator[bytes]:
    """A stored document's bytes in chunks."""
    with _open_blob(conn, rowid, readonly=True) as blob:
        while chunk := blob.read(CHUNK):
            yield chunk


def insert_document(conn: sqlite3.Connection, sha: str, kind: str, size: int,
                    pages: int | None, status: str, chunks: Iterable[bytes]) -> None:
    """A document row with its bytes written from `chunks` into a zero-filled blob, so the
    document is never held whole."""
    cursor = conn.execute("INSERT INTO documents(sha256, type, bytes, pages, status, content) "
                          "VALUES (?, ?, ?, ?, ?, zeroblob(?))",
                          [sha, kind, size, pages, status, size])
    rowid = cursor.lastrowid
    assert rowid is not None
    if size:
        with _open_blob(conn, rowid, readonly=False) as blob:
            for chunk in chunks:
                blob.write(chunk)


def stream_chunks(stream: IO[bytes]) -> Iterator[bytes]:
    while chunk := stream.read(CHUNK):
        yield chunk




def award_limits(store: Store) -> dict[str, dict[str, Any]]:
    """Each award's `[attachments]` table (max_files, max_mb, types), where it has one."""
    import json

    limits: dict[str, dict[str, Any]] = {}
    for row in store.rows("SELECT id, settings FROM awards"):
        try:
            table = json.loads(row["settings"] or "{}").get("attachments")
        except (ValueError, AttributeError):
            continue
        if isinstance(table, dict):
            limits[row["id"]] = table
    return limits


def entry_warnings(limits: dict[str, Any], attachments: list[dict[str, Any]]) -> list[str]:
    """An entry's attachments measured against its award's limits (warnings, never refusals)."""
    warnings: list[str] = []
    files = [a for a in attachments if a["sha256"]]
    max_files = limits.get("max_files")
    if isinstance(max_files, int) and len(files) > max_files:
        warnings.append(f"{len(files)} files; the award allows {max_files}")
    max_mb = limits.get("max_mb")
    total = sum(a["bytes"] or 0 for a in files)
    if isinstance(max_mb, int | float) and total > max_mb * 1024 * 1024:
        warnings.append(f"{total / 1024 / 1024:.1f} MB of files; the award allows {max_mb} MB")
    types = limits.get("types")
    if isinstance(types, list) and types:
        allowed = {str(t).lower().lstrip(".") for t in types}
        for attachment in files:
            if attachment["type"] not in allowed:
                warnings.append(f"{attachment['name']}: a {attachment['type']} file; the "
                                f"award allows {', '.join(sorted(allowed))}")
    for attachment in files:
        if attachment["status"] != OK:
            warnings.append(f"{attachment['name']}: {problem_text(attachment['status'])}")
    return warnings


def limit_warnings(store: Store, limits: dict[str, dict[str, Any]] | None = None) -> list[str]:
    """Every entry's warnings, as the coordinator sees them at import."""
    limits = award_limits(store) if limits is None else limits
    awards = {row["id"]: row["award"] for row in store.rows("SELECT id, award FROM entries")}
    found: list[str] = []
    for entry, attachments in attachments_by_entry(store).items():
        for text in entry_warnings(limits.get(awards.get(entry, ""), {}), attachments):
            if not text.split(": ", 1)[-1].startswith(("protected", "damaged", "a program")):
                found.append(f"entry {entry}: {text}")
    return found




def attachments_by_entry(store: Store, entry: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Each entry's attachments: name, type, bytes, pages, sha256 (the `entries --json` keys)
    with `url` for a link and `status` for a document kept but not shown."""
    where, params = ("WHERE a.entry = ?", [entry]) if entry is not None else ("", [])
    found: dict[str, list[dict[str, Any]]] = {}
    for row in store.rows(
            "SELECT a.entry, a.name, a.sha256, a.url, d.type, d.bytes, d.pages, d.status "
            f"FROM attachments a LEFT JOIN documents d ON d.sha256 = a.sha256 {where} "
            "ORDER BY a.entry, a.position, a.name", params):
        found.setdefault(row["entry"], []).append({
            "name": row["name"], "type": row["type"] or ("link" if row["url"] else "other"),
            "bytes": row["bytes"] or 0, "pages": row["pages"], "sha256": row["sha256"] or "",
            "url": row["url"], "status": row["status"] or OK})
    return found


def list_attachments(store: Store, entry: str | None = None) -> list[dict[str, Any]]:
    """The `attachments --json` list: each attachment with its entry."""
    if entry is not None and not store.rows("SELECT 1 FROM entries WHERE id = ?", [entry]):
        raise JudgePanelError(f"{store.path}: no entry '{entry}' in this file")
    return [{"entry": entry_id, **attachment}
            for entry_id, attachments in attachments_by_entry(store, entry).items()
            for attachment in attachments]


def _document_rowid(store: Store, entry: str, name: str) -> tuple[int, int, str]:
    rows = store.rows("SELECT d.rowid AS rowid, d.bytes AS bytes, d.sha256 AS sha256, a.url "
                      "AS url FROM attachments a LEFT JOIN documents d ON d.sha256 = a.sha256 "
                      "WHERE a.entry = ? AND a.name = ?", [entry, name])
    if not rows:
        raise JudgePanelError(f"{store.path}: entry '{entry}' has no attachment named '{name}'")
    if rows[0]["rowid"] is None:
        raise JudgePanelError(f"{store.path}: entry '{entry}': '{name}' is a link "
                              f"({rows[0]['url']}), not a file")
    return int(rows[0]["rowid"]), int(rows[0]["bytes"]), str(rows[0]["sha256"])


def read_chunks(store: Store, entry: str, name: str,
                write: Callable[[bytes], object]) -> str:
    """Hand an attachment's bytes to `write` in chunks, checking them against their SHA-256
    (a document altered in the file is refused, never shown); returns the digest."""
    rowid, _size, sha = _document_rowid(store, entry, name)
    digest = hashlib.sha256()
    for chunk in document_chunks(store.db.conn, rowid):
        digest.update(chunk)
        write(chunk)
    if digest.hexdigest() != sha:
        raise JudgePanelError(f"{store.path}: entry '{entry}': '{name}' was altered outside "
                              "JudgePanel (its SHA-256 does not match); it is not shown")
    return sha


def read_attachment(store: Store, entry: str, name: str) -> bytes:
    """An attachment's bytes, checked (for the viewer: one document at a time)."""
    parts: list[bytes] = []
    read_chunks(store, entry, name, parts.append)
    return b"".join(parts)


def save_attachment(store: Store, entry: str, name: str, target: Path | str) -> Path:
    """Write one attachment out to `target`, through a temporary file replaced when complete."""
    target = Path(target)
    if not target.parent.is_dir():
        raise JudgePanelError(f"{target.parent}: no such folder")
    partial = target.with_name(f".{target.name}.partial")
    try:
        with partial.open("wb") as out:
            read_chunks(store, entry, name, out.write)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target




def reading(store: Store, judge: int, entry: str) -> dict[str, dict[str, int]]:
    """The page each attachment was left at and whether the judge marked it read."""
    return {row["name"]: {"page": row["page"], "read": row["read"]} for row in store.rows(
        "SELECT name, page, read FROM attachment_reads WHERE judge = ? AND entry = ?",
        [judge, entry])}


def remember_page(store: Store, judge: int, entry: str, name: str, page: int,
                  read: bool | None = None) -> bool:
    """Keep the page a judge was on (and, if given, whether they marked the document read).

    A convenience only: when the file is busy (the pack's writer at work) it is skipped and
    False returned, never an error in the judge's face.
    """
    try:
        with store.transaction():
            store.db.execute(
                "INSERT INTO attachment_reads(judge, entry, name, page, read, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(judge, entry, name) DO UPDATE SET "
                "page = excluded.page, updated_at = excluded.updated_at"
                + (", read = excluded.read" if read is not None else ""),
                [judge, entry, name, page, int(bool(read)), now()])
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            return False
        raise
    return True


def copy_file_out(store: Store, entry: str, name: str, folder: Path) -> Path:
    """A read-only copy of an attachment in `folder`, for the system's own application."""
    safe = "".join(ch if ch.isalnum() or ch in " ._-()" else "_" for ch in Path(name).name)
    target = folder / (safe or "attachment")
    save_attachment(store, entry, name, target)
    target.chmod(0o400)
    return target


def remove_copies(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
