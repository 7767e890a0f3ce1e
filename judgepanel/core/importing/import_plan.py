"""Planning an import: every row of an export read, mapped to an entry of an award and
checked, before anything is written; a refusal names the file, the row and the column.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from judgepanel.core.awards import Award, panel_awards
from judgepanel.core.entries import EntryRecord, count_words
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.importing.cleaning import clean_text, one_line, shown, split_multiselect
from judgepanel.core.importing.export_table import Table
from judgepanel.core.importing.mapping import Mapping, guess_mapping, load_mapping, match_award
from judgepanel.core.importing.presets import get_preset
from judgepanel.core.importing.readers import read_table
from judgepanel.core.progress import Progress
from judgepanel.core.store import Store

ENTRY_COLUMN_HINT = "Entry ID, ID, Entry, Application Code, Reference, Submission ID"


@dataclass
class ImportPlan:
    """What an import would do: the entries as they would be stored, and the warnings."""

    table: Table
    mapping: Mapping
    records: list[EntryRecord] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    by_award: dict[str, int] = field(default_factory=dict)


def plan_import(store: Store, path: Path | Table, award: str | None = None,
                preset: str = "generic", mapping: Path | Mapping | None = None,
                progress: Progress | None = None) -> ImportPlan:
    """Read (unless given a `Table`), map and check every row; raise before anything is written.

    Every refusal is one line: a cell's line breaks never spread the message over several.
    """
    try:
        return _plan_import(store, path, award, preset, mapping, progress)
    except JudgePanelError as exc:
        message = str(exc)
        if one_line(message) == message:
            raise
        raise type(exc)(one_line(message)) from exc


def _plan_import(store: Store, path: Path | Table, award: str | None, preset: str,
                 mapping: Path | Mapping | None, progress: Progress | None) -> ImportPlan:
    awards = panel_awards(store)
    if not awards:
        raise JudgePanelError(f"{store.path}: the panel has no awards; add one before importing")
    forced = _forced_award(store, awards, award)
    explicit, where = _explicit_mapping(mapping)
    _check_preset(preset)
    table = path if isinstance(path, Table) else read_table(Path(path), progress)
    if explicit is None:
        final = guess_mapping(table.headers, awards, preset)
    else:
        _check_mapping_targets(explicit, awards, where)
        _check_mapping_columns(explicit, table, where)
        if isinstance(mapping, Mapping):
            final = explicit  # the dialog's mapping: already the guess, as the user edited it
        else:
            chosen = explicit.preset if preset == "generic" else preset
            final = guess_mapping(table.headers, awards, chosen).overlaid(explicit)
    return _Planner(table, final, awards, forced).plan(store)


def _check_preset(name: str) -> None:
    try:
        get_preset(name)
    except ValueError as exc:
        raise JudgePanelError(str(exc)) from None


def _forced_award(store: Store, awards: list[Award], award_id: str | None) -> Award | None:
    if award_id is None:
        return None
    for found in awards:
        if found.id == award_id:
            return found
    known = ", ".join(a.id for a in awards)
    raise JudgePanelError(f"{store.path}: no award '{award_id}' in this panel (it has: {known})")


def _explicit_mapping(mapping: Path | Mapping | None) -> tuple[Mapping | None, str]:
    if mapping is None:
        return None, ""
    if isinstance(mapping, Mapping):
        return mapping, "the mapping"
    return load_mapping(Path(mapping)), str(mapping)


def _check_mapping_targets(mapping: Mapping, awards: list[Award], where: str) -> None:
    """Award and section ids in a mapping must exist in this panel."""
    by_id = {a.id: a for a in awards}
    known = ", ".join(by_id)
    for category, award_id in mapping.awards.items():
        if award_id not in by_id:
            raise JudgePanelError(f"{where}: awards.\"{category}\": no award '{award_id}' in "
                                  f"this panel (it has: {known})")
    every_section = {s.id for a in awards for s in a.sections}
    for section_id in mapping.sections:
        if section_id not in every_section:
            raise JudgePanelError(f"{where}: sections.{section_id}: no award in this panel "
                                  "has a section with that id")
    for award_id, lines in mapping.award_sections.items():
        if award_id not in by_id:
            raise JudgePanelError(f"{where}: sections.{award_id}: no award '{award_id}' in "
                                  f"this panel (it has: {known})")
        own = [s.id for s in by_id[award_id].sections]
        for section_id in lines:
            if section_id not in own:
                raise JudgePanelError(
                    f"{where}: sections.{award_id}.{section_id}: award '{award_id}' has no "
                    f"section '{section_id}' (sections: {', '.join(own)})")


def _check_mapping_columns(mapping: Mapping, table: Table, where: str) -> None:
    """Every column a user's mapping names must be in the export, or it is a typo."""
    present = set(table.headers)
    for key, header in mapping.headers_used():
        if header not in present:
            columns = ", ".join(f"'{h}'" for h in table.headers[:12])
            more = ", …" if len(table.headers) > 12 else ""
            raise JudgePanelError(f"{where}: {key}: no column '{header}' in {table.path.name} "
                                  f"(its columns: {columns}{more})")


class _Planner:
    """Turns a table's rows into entry records for one mapping; collects refusals."""

    def __init__(self, table: Table, mapping: Mapping, awards: list[Award],
                 forced: Award | None) -> None:
        self.table = table
        self.mapping = mapping
        self.awards = awards
        self.forced = forced
        self.index = {header: i for i, header in enumerate(table.headers)}
        self.multiselect = get_preset(mapping.preset).multiselect
        self.role_columns = {i for role in ("entry", "award", "title", "nominee",
                                            "organisation", "email")
                             for i in self.columns(role)}
        self.ignored = {self.index[h] for h in mapping.ignore if h in self.index}
        self.sections = {a.id: [(s, self.index[h])
                                for s, h in mapping.section_columns(a).items()
                                if h in self.index] for a in awards}
        self.every_answer = {i for found in self.sections.values() for _, i in found}
        self.limits = {a.id: {s.id: s.word_limit for s in a.sections} for a in awards}

    def columns(self, role: str) -> list[int]:
        return [self.index[h] for h in self.mapping.column(role) if h in self.index]

    def clean(self, value: Any) -> str:
        text = clean_text(value)
        if self.multiselect and "{{" in text:
            text = split_multiselect(text)
        return text

    def joined(self, cells: list[Any], columns: list[int]) -> str:
        return " ".join(t for t in (self.clean(cells[i]) for i in columns) if t)

    def plan(self, store: Store) -> ImportPlan:
        table = self.table
        entry_columns = self.columns("entry")
        if not entry_columns:
            columns = ", ".join(f"'{h}'" for h in table.headers[:12])
            raise JudgePanelError(
                f"{table.path}: no entry id column (looked for {ENTRY_COLUMN_HINT}; found "
                f"{columns}). Choose the --preset of the platform it came from, or name the "
                "column in a MAPPING.toml: [columns] entry = \"…\"")
        if not table.rows:
            raise JudgePanelError(f"{table.path}: the file has a header row but no entries")
        route = self.router()
        plan = ImportPlan(table, self.mapping)
        entry_header = table.headers[entry_columns[0]]
        first_seen: dict[str, tuple[int, list[Any]]] = {}
        for number, cells in table.rows:
            entry_id = self.joined(cells, entry_columns)
            if not entry_id:
                raise JudgePanelError(f"{table.where(number, entry_header)}: no entry id")
            if entry_id in first_seen:
                before, before_cells = first_seen[entry_id]
                if before_cells == cells:
                    plan.warnings.append(f"{table.row_word} {number} repeats {table.row_word} "
                                         f"{before} exactly ({shown(entry_id)}); skipped")
                    continue
                raise JudgePanelError(
                    f"{table.path}: entry id '{shown(entry_id)}' is in both {table.row_word} "
                    f"{before} and {table.row_word} {number} (column '{entry_header}'), with "
                    "different contents; each entry needs its own id")
            first_seen[entry_id] = (number, cells)
            award = route(number, cells)
            plan.records.append(self.record(entry_id, award, number, cells, plan.warnings))
            plan.by_award[award.id] = plan.by_award.get(award.id, 0) + 1
        self.check_moves(store, plan)
        missing = {a.id: [s.id for s in a.sections if s.id not in dict(self.sections[a.id])]
                   for a in self.awards if a.id in plan.by_award}
        for award_id, section_ids in missing.items():
            if section_ids:
                plan.warnings.insert(0, (
                    f"{award_id}: no column found for {', '.join(section_ids)}; those answers "
                    "are left as they were, empty for new entries (name the columns in a "
                    "MAPPING.toml [sections])"))
        if any(missing.values()):
            self.keep_unmapped_answers(store, plan, missing)
        return plan

    def record(self, entry_id: str, award: Award, number: int, cells: list[Any],
               warnings: list[str]) -> EntryRecord:
        """One row as an entry: roles, the award's answers, every other column a field."""
        mine = self.sections[award.id]
        own = {i for _, i in mine}
        fields: dict[str, Any] = {}
        for i, header in enumerate(self.table.headers):
            if i in self.role_columns or i in own or i in self.ignored:
                continue
            text = self.clean(cells[i])
            if i in self.every_answer and not text:
                continue  # another award's question, blank for this entry
            fields[header] = text
        email_columns = self.columns("email")
        if email_columns:
            fields["email"] = self.joined(cells, email_columns)
        answers = {section: self.clean(cells[i]) for section, i in mine}
        for section, text in answers.items():
            limit = self.limits[award.id].get(section)
            if limit and text:
                words = count_words(text)
                if words > limit:
                    warnings.append(f"{entry_id} {section}: {words} words, over the "
                                    f"{limit}-word limit")
        if self.table.originals is not None:
            source = self.table.originals[number - 1]
        else:
            source = dict(zip(self.table.headers, cells, strict=True))
        return EntryRecord(
            id=entry_id, award=award.id, title=self.joined(cells, self.columns("title")),
            nominee=self.joined(cells, self.columns("nominee")),
            organisation=self.joined(cells, self.columns("organisation")),
            answers=answers, fields=fields, source=source, source_file=self.table.path.name,
            source_row=number)

    def keep_unmapped_answers(self, store: Store, plan: ImportPlan,
                              missing: dict[str, list[str]]) -> None:
        """A section the file has no column for keeps the answer the panel already holds."""
        old: dict[tuple[str, str, str], str] = {}
        for row in store.rows("SELECT a.entry, e.award, a.section, a.text FROM answers a "
                              "JOIN entries e ON e.id = a.entry"):
            old[(row["entry"], row["award"], row["section"])] = row["text"]
        for record in plan.records:
            for section in missing.get(record.award, []):
                text = old.get((record.id, record.award, section))
                if text is not None:
                    record.answers[section] = text

    def router(self) -> Callable[[int, list[Any]], Award]:
        """A function giving each row its award, after refusing unknown categories."""
        table = self.table
        if self.forced is not None:
            forced = self.forced
            return lambda number, cells: forced
        award_columns = self.columns("award")
        if not award_columns:
            if len(self.awards) == 1:
                only = self.awards[0]
                return lambda number, cells: only
            known = ", ".join(a.id for a in self.awards)
            raise JudgePanelError(
                f"{table.path}: no category column to say which award each row is for; use "
                f"--award AWARD_ID to put every row in one award (this panel has: {known})")
        found: dict[int, Award] = {}
        unknown: dict[str, list[int]] = {}
        cache: dict[str, Award | None] = {}
        for number, cells in table.rows:
            value = self.joined(cells, award_columns)
            if value not in cache:
                cache[value] = match_award(value, self.awards, self.mapping.awards)
            award = cache[value]
            if award is None:
                unknown.setdefault(value or "(blank)", []).append(number)
            else:
                found[number] = award
        if unknown:
            column = table.headers[award_columns[0]]
            listed = "; ".join(f"'{shown(value)}' ({table.row_word}{'s' if len(rows) > 1 else ''} "
                               f"{_numbers(rows)})" for value, rows in unknown.items())
            known = ", ".join(f"{a.id} ('{a.name}')" for a in self.awards)
            raise JudgePanelError(
                f"{table.path}: column '{column}': categories that match no award in this "
                f"panel: {listed}. The panel's awards: {known}. Use --award AWARD_ID to put "
                "every row in one award, or map each category in a MAPPING.toml [awards]")
        return lambda number, cells: found[number]

    def check_moves(self, store: Store, plan: ImportPlan) -> None:
        """An entry that has scores cannot move to another award: its scores would dangle."""
        scored = {row["id"]: row["award"] for row in store.rows(
            "SELECT e.id, e.award FROM entries e WHERE EXISTS "
            "(SELECT 1 FROM scores s WHERE s.entry = e.id)")}
        for record in plan.records:
            old = scored.get(record.id)
            if old is not None and old != record.award:
                raise JudgePanelError(
                    f"{self.table.where(record.source_row or 0)}: entry '{record.id}' is in "
                    f"award '{old}' and already has scores; it cannot move to '{record.award}'")


def _numbers(rows: list[int]) -> str:
    listed = ", ".join(str(n) for n in rows[:10])
    return listed + (f" and {len(rows) - 10} more" if len(rows) > 10 else "")
