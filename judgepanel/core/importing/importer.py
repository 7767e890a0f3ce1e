"""From an export file to entries in a panel: plan every row first, then write all or nothing.

Nothing touches the panel until every row has been read, mapped and checked (import_plan.py),
so a refused file leaves the panel byte-for-byte as it was. Re-importing updates entries in
place by their id; scores, assignments and conflicts refer to that id and are never touched.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from judgepanel.core.attachment_import import add_link, is_url, link_name
from judgepanel.core.entries import EntryRecord, UpsertCounts, upsert_entries
from judgepanel.core.importing.document_references import FILE_NAME, export_references
from judgepanel.core.importing.export_table import Table
from judgepanel.core.importing.import_plan import ImportPlan, plan_import
from judgepanel.core.importing.mapping import Mapping
from judgepanel.core.progress import Progress
from judgepanel.core.store import Store


@dataclass
class ImportResult:
    """What an import did (or, with dry_run, would do)."""

    file: Path
    dry_run: bool
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    by_award: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    records: list[EntryRecord] = field(default_factory=list)
    links: int = 0  # URLs in the export's document columns, kept as links (never fetched)
    unloaded: int = 0  # file names in those columns, left for an import with the documents

    def report_lines(self) -> list[str]:
        """The lines the CLI prints and the GUI shows after an import."""
        awards = ", ".join(f"{award}: {n}" for award, n in self.by_award.items())
        noun = "entry" if self.added == 1 else "entries"
        if self.dry_run:
            head = f"would add {self.added} {noun}, update {self.updated}, "
        else:
            head = f"added {self.added} {noun}, updated {self.updated}, "
        lines = [f"{head}unchanged {self.unchanged} ({awards or 'no entries'}) "
                 f"from {self.file.name}"]
        if self.links:
            lines.append(f"{'would keep' if self.dry_run else 'kept'} {self.links} link(s) "
                         "from the export's document columns as links (never fetched)")
        lines += [f"warning: {warning}" for warning in self.warnings]
        if self.unloaded:
            lines.append(f"warning: the export names {self.unloaded} file(s) in its document "
                         "columns; give the documents (a ZIP or folder) with the export to "
                         "import them")
        if self.dry_run:
            lines.append("dry run: the panel was not changed")
        return lines


def import_file(store: Store, path: Path | Table, award: str | None = None,
                preset: str = "generic", mapping: Path | Mapping | None = None,
                dry_run: bool = False, who: str = "",
                progress: Progress | None = None, links: bool = True) -> ImportResult:
    """Import one export into a panel, all or nothing; with dry_run, only report.

    URLs in the export's document columns are kept as links, never fetched (with `links`;
    an import together with the documents passes False and keeps them with the files).

    `path` may be a `Table` already read (the import dialog's), so the file is read once.
    `mapping` is a MAPPING.toml (laid over the guess from the headers: write only the lines
    you need) or a `Mapping` object, used exactly as it is (the import dialog's).
    `progress(done, total, message)` follows a long read; returning False from it cancels
    the import.
    """
    plan = plan_import(store, path, award=award, preset=preset, mapping=mapping,
                       progress=progress)
    path = plan.table.path
    named = export_references(plan.records, plan.mapping) if links else {}
    urls = [(entry, text) for entry, texts in named.items() for text in texts if is_url(text)]
    files = sum(1 for texts in named.values() for text in texts
                if not is_url(text) and FILE_NAME.search(text))
    if dry_run:
        counts = compare_with_panel(store, plan.records)
    else:
        with store.transaction():
            counts = upsert_entries(store, plan.records)
            for entry, url in urls:
                add_link(store, entry, link_name(url), url)
            detail: dict[str, Any] = {
                "file": path.name, "added": counts.added, "updated": counts.updated,
                "unchanged": counts.unchanged, "awards": plan.by_award}
            if urls:
                detail["links"] = len(urls)
            store.audit("entries imported", detail, who)
    return ImportResult(path, dry_run, counts.added, counts.updated, counts.unchanged,
                        plan.by_award, plan.warnings, plan.records, len(urls), files)




def import_files(store: Store, paths: list[Path], award: str | None = None,
                 preset: str = "generic", mapping: Path | Mapping | None = None,
                 dry_run: bool = False, who: str = "",
                 progress: Progress | None = None) -> list[ImportResult]:
    """Several files (an export split into parts) in order, all or nothing together."""
    if dry_run:
        return [import_file(store, path, award, preset, mapping, True, who, progress)
                for path in paths]
    with store.transaction():
        return [import_file(store, path, award, preset, mapping, False, who, progress)
                for path in paths]


def preview(store: Store, path: Path | Table, mapping: Path | Mapping | None = None,
            award: str | None = None, preset: str = "generic") -> ImportPlan:
    """The entries an import would store, for the import dialog to show; changes nothing.

    Give the dialog's `Table` rather than its path and each change of mapping is re-planned
    from memory, without reading the export again.
    """
    return plan_import(store, path, award=award, preset=preset, mapping=mapping)


def compare_with_panel(store: Store, records: list[EntryRecord]) -> UpsertCounts:
    """How many records are new, changed or the same as in the panel (as upsert counts)."""
    existing = {row["id"]: row for row in store.rows(
        "SELECT id, award, title, nominee, organisation, fields FROM entries")}
    answers: dict[str, dict[str, str]] = {}
    for row in store.rows("SELECT entry, section, text FROM answers"):
        answers.setdefault(row["entry"], {})[row["section"]] = row["text"]
    added = updated = unchanged = 0
    for record in records:
        before = existing.get(record.id)
        if before is None:
            added += 1
        elif (before["award"], before["title"], before["nominee"], before["organisation"],
              before["fields"], answers.get(record.id, {})) == (
                record.award, record.title, record.nominee, record.organisation,
                json.dumps(record.fields, ensure_ascii=False, sort_keys=True), record.answers):
            unchanged += 1
        else:
            updated += 1
    return UpsertCounts(added, updated, unchanged)
