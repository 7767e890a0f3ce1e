"""An export imported together with its entries' documents, all or nothing together.

The documents come as a bulk-download ZIP or folder (one folder per entry) and, where the
export has them, columns of file names or URLs: named in MAPPING.toml (`attachments = [...]`)
or guessed from the headers ("Attachments", "Supporting documents", "Uploads"…).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from judgepanel.core.attachment_import import AttachmentImport, import_attachments
from judgepanel.core.importing.document_references import document_columns, export_references
from judgepanel.core.importing.export_table import Table
from judgepanel.core.importing.importer import ImportResult, import_file
from judgepanel.core.importing.mapping import Mapping, load_mapping
from judgepanel.core.progress import Progress
from judgepanel.core.store import Store


class _Rollback(Exception):
    """Undoes a dry run's writes, carrying what it would have done."""

    def __init__(self, results: list[ImportResult], documents: AttachmentImport) -> None:
        super().__init__("dry run")
        self.results, self.documents = results, documents


def attachment_columns(result: ImportResult, mapping: Mapping | None) -> list[str]:
    """The export's columns that name documents: the mapping's, else guessed from headers."""
    return document_columns(result.records, mapping)


def references(results: list[ImportResult], mapping: Mapping | None) -> dict[str, list[str]]:
    """entry -> the file names and URLs its row names in the attachment columns."""
    found: dict[str, list[str]] = {}
    for result in results:
        for entry, names in export_references(result.records, mapping).items():
            found.setdefault(entry, []).extend(names)
    return found


def import_with_attachments(store: Store, paths: Sequence[Path | Table], attachments: Path | None,
                            award: str | None = None, preset: str = "generic",
                            mapping: Path | Mapping | None = None, dry_run: bool = False,
                            who: str = "", ignore_unmatched: bool = False,
                            progress: Progress | None = None,
                            ) -> tuple[list[ImportResult], AttachmentImport]:
    """Import the exports and their documents in one transaction: a refused document leaves
    the panel as it was, entries included. With dry_run nothing is kept."""
    explicit = load_mapping(mapping) if isinstance(mapping, Path) else mapping
    try:
        with store.transaction():
            results = [import_file(store, path, award, preset, mapping, False, who, progress,
                                   links=False)  # kept with the documents, below
                       for path in paths]
            documents = import_attachments(store, attachments, who, ignore_unmatched,
                                           references=references(results, explicit))
            if dry_run:
                raise _Rollback(results, documents)
    except _Rollback as done:
        return [replace(result, dry_run=True) for result in done.results], done.documents
    return results, documents
