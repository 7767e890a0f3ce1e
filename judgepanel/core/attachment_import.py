"""Storing entries' documents from an import: matched to entries, stored once by SHA-256.

The documents come from a bulk-download ZIP or folder (one folder per entry), or as links;
each is matched to its entry, its type and state read from its bytes (core/document_types.py),
and stored once per panel however many entries share it, streamed in chunks. A dry run plans
the same import and writes nothing. See docs/attachments.md.
"""

from __future__ import annotations

import hashlib
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from judgepanel.core.attachment_archive import SourceFile, open_source
from judgepanel.core.attachments import (
    CHUNK,
    award_limits,
    insert_document,
    limit_warnings,
    stream_chunks,
)
from judgepanel.core.document_types import OK, DocumentFacts, inspect_file, problem_text
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.store import Store


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
                    stream_chunks(stream))


def add_link(store: Store, entry: str, name: str, url: str) -> None:
    """An attachment that is a web address: kept and shown as a link, never fetched."""
    position = store.db.execute("SELECT COUNT(*) FROM attachments WHERE entry = ?",
                                [entry]).fetchone()[0]
    store.db.execute("INSERT INTO attachments(entry, name, sha256, url, position) "
                     "VALUES (?, ?, NULL, ?, ?) ON CONFLICT(entry, name) DO UPDATE SET "
                     "url = excluded.url, sha256 = NULL", [entry, name, url, position])
