"""Entries' supporting documents: stored once per panel by SHA-256, carried in judges' packs.

A document's type comes from its bytes (magic numbers), never from its name; a PDF is opened
with PDFium (pypdfium2) to count its pages, and one that is encrypted or damaged is kept but
marked so, as is an executable, so no screen renders it as if it were fine. Bytes move in
chunks through SQLite's incremental blob I/O, so a pack with hundreds of megabytes of
documents is built without holding them in memory. See docs/interface.md.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import tempfile
import threading
import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from judgepanel.core.attachment_archive import SourceFile, open_source
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.store import Store, now

CHUNK = 1024 * 1024
# PDFium is not thread-safe: the import (a worker), the viewer (the GUI thread) and the report
# preview (a worker) take turns through this lock.
PDFIUM_LOCK = threading.RLock()
OK, ENCRYPTED, DAMAGED, EXECUTABLE = "ok", "encrypted", "damaged", "executable"
VIEWABLE = {"pdf", "png", "jpeg", "gif", "bmp", "webp"}
# The keys `entries --json` gives each attachment (docs/interface.md).
ATTACHMENT_KEYS = ("name", "type", "bytes", "pages", "sha256", "url")  # url: a link's, else ""
_OFFICE = {"word/": "docx", "xl/": "xlsx", "ppt/": "pptx"}


@dataclass(frozen=True)
class DocumentFacts:
    """What the bytes say about a file: its type, its state, and for a PDF its pages."""

    type: str
    status: str = OK
    pages: int | None = None


@dataclass
class AttachmentImport:
    """What an attachments import did (or would do): counts, warnings, unmatched files."""

    source: Path
    added: int = 0
    unchanged: int = 0
    documents: int = 0  # new documents stored (a document shared by entries counts once)
    marked: list[str] = field(default_factory=list)  # files kept but marked (encrypted, …)
    unmatched: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def report_lines(self) -> list[str]:
        lines = [f"attachments: added {self.added}, unchanged {self.unchanged} "
                 f"({self.documents} new document(s)) from {self.source.name}"]
        lines += [f"warning: {text}" for text in (*self.marked, *self.warnings)]
        lines += [f"warning: {name}: no entry of that id; ignored" for name in self.unmatched]
        return lines


# ----- blob I/O -------------------------------------------------------------------------------
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


def _stream_chunks(stream: IO[bytes]) -> Iterator[bytes]:
    while chunk := stream.read(CHUNK):
        yield chunk


# ----- what a file is ---------------------------------------------------------------------


def sniff_type(head: bytes, path: Path | None = None) -> str:
    """The type of a file from its first bytes (and, for a ZIP-based file, its members)."""
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head.startswith(b"BM") and len(head) > 14:
        return "bmp"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith((b"MZ", b"\x7fELF", b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf",
                        b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe", b"#!")):
        return "executable"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "office"  # Word, Excel or PowerPoint before 2007
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path) if path is not None else "zip"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return "other"
    return "text"


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()[:200]
    except (zipfile.BadZipFile, OSError):
        return "zip"
    for prefix, kind in _OFFICE.items():
        if any(name.startswith(prefix) for name in names):
            return kind
    return "zip"


def inspect_file(path: Path) -> DocumentFacts:
    """Type, state and page count of the file at `path`."""
    with path.open("rb") as stream:
        head = stream.read(4096)
    kind = sniff_type(head, path)
    if kind == "executable":
        return DocumentFacts(kind, EXECUTABLE)
    if kind == "pdf":
        return _inspect_pdf(path)
    if kind in VIEWABLE:
        return _inspect_image(path, kind)
    return DocumentFacts(kind)


def _inspect_pdf(path: Path) -> DocumentFacts:
    import pypdfium2

    with PDFIUM_LOCK:
        try:
            document = pypdfium2.PdfDocument(str(path))
        except pypdfium2.PdfiumError as exc:
            status = ENCRYPTED if "password" in str(exc).lower() else DAMAGED
            return DocumentFacts("pdf", status)
        try:
            pages = len(document)
            if pages == 0:
                return DocumentFacts("pdf", DAMAGED, 0)
            return DocumentFacts("pdf", OK, pages)
        finally:
            document.close()


def _inspect_image(path: Path, kind: str) -> DocumentFacts:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return DocumentFacts(kind, DAMAGED)
    return DocumentFacts(kind, OK)


def problem_text(status: str) -> str:
    """What a judge is told about a document that is not shown."""
    return {ENCRYPTED: "protected by a password; it cannot be shown",
            DAMAGED: "damaged or unreadable; it cannot be shown",
            EXECUTABLE: "a program, not a document; it is never opened"}.get(status, "")


# ----- importing ----------------------------------------------------------------------------


def import_attachments(store: Store, source: Path | str | None, who: str = "",
                       ignore_unmatched: bool = False, dry_run: bool = False,
                       references: dict[str, list[str]] | None = None) -> AttachmentImport:
    """Store the documents of a bulk-download ZIP or folder, all or nothing.

    A file in a folder named by an entry's id (or starting with it) is that entry's; a file
    named in an export column (`references`: entry -> file names or URLs) is the entry's that
    names it, and a URL is kept as a link. A file for no entry is refused unless ignored.
    """
    result = AttachmentImport(Path(source) if source is not None else Path("export columns"))
    references = references or {}
    entries = {row["id"] for row in store.rows("SELECT id FROM entries")}
    limits = award_limits(store)
    with open_source_or_none(source) as files, store.transaction():
        matched = _match(files, entries, references, result)
        if result.unmatched and not ignore_unmatched:
            raise JudgePanelError(
                f"{result.source}: {result.unmatched[0]}: names no entry of this panel (the "
                "folder should be the entry's id)" + (f", and {len(result.unmatched) - 1} more"
                                                     if len(result.unmatched) > 1 else "")
                + "; nothing was imported")
        for entry, name, file in matched:
            _import_one(store, entry, name, file, result)
        for entry, urls in references.items():
            for url in urls:
                if is_url(url):
                    add_link(store, entry, link_name(url), url)
                    result.added += 1
        result.warnings += limit_warnings(store, limits)
        if dry_run:
            raise _DryRun(result)
        store.audit("attachments imported", {
            "source": result.source.name, "added": result.added,
            "unchanged": result.unchanged, "documents": result.documents,
            "ignored": len(result.unmatched)}, who)
    return result


@contextmanager
def open_source_or_none(source: Path | str | None) -> Iterator[list[SourceFile]]:
    if source is None:
        yield []
        return
    with open_source(Path(source)) as files:
        yield files


def is_url(text: str) -> bool:
    """Whether an export's cell names a web address (kept as a link, never fetched)."""
    return text.lower().startswith(("http://", "https://"))


def link_name(url: str) -> str:
    """The name a link is listed under: the last part of its path, else the whole URL."""
    tail = url.rstrip("/").rsplit("/", 1)[-1].split("?")[0]
    return tail or url


def _match(files: list[SourceFile], entries: set[str], references: dict[str, list[str]],
           result: AttachmentImport) -> list[tuple[str, str, SourceFile]]:
    """Each file with its entry and the name it is stored under; the rest are unmatched."""
    by_path = {f"{f.folder}/{f.name}" if f.folder else f.name: f for f in files}
    by_name: dict[str, list[SourceFile]] = {}
    for file in files:
        by_name.setdefault(file.name.rsplit("/", 1)[-1], []).append(file)
    matched: list[tuple[str, str, SourceFile]] = []
    claimed: set[int] = set()
    for entry, names in references.items():
        for name in names:
            if is_url(name):
                continue
            found = by_path.get(name.strip("/")) or by_name.get(name.rsplit("/", 1)[-1], [None])[0]
            if found is None:
                raise JudgePanelError(f"{result.source}: entry {entry}: the export names the "
                                      f"file '{name}', which is not there; nothing was imported")
            claimed.add(id(found))
            matched.append((entry, found.name.rsplit("/", 1)[-1], found))
    for file in files:
        if id(file) in claimed:
            continue
        owner = _entry_for(file.folder, entries) if file.folder else None
        if owner is None:
            result.unmatched.append(f"{file.folder}/{file.name}" if file.folder else file.name)
        else:
            matched.append((owner, file.name, file))
    return matched


class _DryRun(Exception):
    """Rolls back a dry run's transaction, carrying what it would have done."""

    def __init__(self, result: AttachmentImport) -> None:
        super().__init__("dry run")
        self.result = result


def plan_attachments(store: Store, source: Path | str | None, ignore_unmatched: bool = False,
                     references: dict[str, list[str]] | None = None) -> AttachmentImport:
    """What importing `source` would do; the panel is not changed."""
    try:
        import_attachments(store, source, ignore_unmatched=ignore_unmatched, dry_run=True,
                           references=references)
    except _DryRun as done:
        return done.result
    raise AssertionError("unreachable")  # pragma: no cover


def _entry_for(folder: str, entries: set[str]) -> str | None:
    if folder in entries:
        return folder
    for separator in (" ", "-", "_", "."):  # "LST-101 - Title", as some downloads name them
        for entry in entries:
            if folder.startswith(entry + separator):
                return entry
    return None


def _import_one(store: Store, entry: str, name: str, file: SourceFile,
                result: AttachmentImport) -> None:
    where = f"{result.source}: {file.folder + '/' if file.folder else ''}{file.name}"
    with tempfile.NamedTemporaryFile(prefix="judgepanel-", suffix=".attachment") as spool:
        digest = hashlib.sha256()
        try:
            with file.open() as stream:
                while chunk := stream.read(CHUNK):
                    digest.update(chunk)
                    spool.write(chunk)
        except (OSError, zipfile.BadZipFile, EOFError) as exc:
            raise JudgePanelError(f"{where}: cannot be read ({exc}); nothing was "
                                  "imported") from None
        spool.flush()
        sha = digest.hexdigest()
        current = store.rows("SELECT sha256 FROM attachments WHERE entry = ? AND name = ?",
                             [entry, name])
        if current and current[0]["sha256"] == sha:
            result.unchanged += 1
            return
        size = spool.tell()
        known = store.rows("SELECT status FROM documents WHERE sha256 = ?", [sha])
        if known:
            status = known[0]["status"]
        else:
            facts = inspect_file(Path(spool.name))
            status = facts.status
            spool.seek(0)
            _store_document(store, sha, facts, size, spool)
            result.documents += 1
        if status != OK:
            result.marked.append(f"{where} (entry {entry}): kept but not shown, "
                                 f"{problem_text(status)}")
        position = store.db.execute("SELECT COUNT(*) FROM attachments WHERE entry = ?",
                                    [entry]).fetchone()[0]
        store.db.execute("INSERT INTO attachments(entry, name, sha256, url, position) "
                         "VALUES (?, ?, ?, '', ?) ON CONFLICT(entry, name) DO UPDATE SET "
                         "sha256 = excluded.sha256, url = ''", [entry, name, sha, position])
        result.added += 1


def _store_document(store: Store, sha: str, facts: DocumentFacts, size: int,
                    stream: IO[bytes]) -> None:
    insert_document(store.db.conn, sha, facts.type, size, facts.pages, facts.status,
                    _stream_chunks(stream))


def add_link(store: Store, entry: str, name: str, url: str) -> None:
    """An attachment that is a web address: kept and shown as a link, never fetched."""
    position = store.db.execute("SELECT COUNT(*) FROM attachments WHERE entry = ?",
                                [entry]).fetchone()[0]
    store.db.execute("INSERT INTO attachments(entry, name, sha256, url, position) "
                     "VALUES (?, ?, NULL, ?, ?) ON CONFLICT(entry, name) DO UPDATE SET "
                     "url = excluded.url, sha256 = NULL", [entry, name, url, position])


# ----- limits per award ---------------------------------------------------------------------


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


# ----- reading ------------------------------------------------------------------------------


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


# ----- packs and merges ---------------------------------------------------------------------


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


# ----- a judge's reading --------------------------------------------------------------------


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
