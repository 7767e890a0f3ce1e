"""Which column is which: the `Mapping`, its MAPPING.toml file, and the guess we start from.

MAPPING.toml (the GUI's import dialog saves the same format)::

    preset = "generic"          # optional: generic, awardforce, submittable, openwater, evalato
    ignore = ["Internal notes"] # optional: columns not kept as entry fields (still in the source)
    fields = ["Name"]           # optional: columns kept as entry fields, never guessed as more

    [columns]                   # any of these; a list joins several columns with a space
    entry = "Ref No"            # the entry id (required somewhere: here or guessed)
    award = "Category"          # which award each row is for
    title = "Project"
    nominee = ["First Name", "Last Name"]
    organisation = "Trust"
    email = "Contact e-mail"    # kept as the entry field "email"

    [sections]                  # section id = column header, for every award
    Q1 = "Tell us about your relationships"

    [sections.service-improvement-innovation]   # or for one award only
    Q1 = "Describe the improvement"

    [awards]                    # category value in the export = award id in the panel
    "Best System Leader" = "leading-systems-transformation"

Anything the file leaves out is guessed from the column headers (see `guess_mapping`); a
column the file names anywhere is never guessed as anything else. So `fields` and `ignore` are
how a file clears a guess: a column listed there gets no role and answers no section, however
its header reads. An ignored column is still in each entry's source row; a listed column the
export does not have is passed over (optional columns come and go between exports).

A `Mapping` object passed to the importer (the dialog's, built from `guess_mapping` and
edited) is used exactly as it is.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from judgepanel.core.awards import Award, Section
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.importing.presets import PRESETS, compact, get_preset, ignored_columns
from judgepanel.core.safe_files import write_text
from judgepanel.core.tomlfiles import read_toml

COLUMN_ROLES = ("entry", "award", "title", "nominee", "organisation", "email")
STOP_WORDS = {"of", "the", "and", "for", "in", "a", "an", "to", "year"}


@dataclass
class Mapping:
    """How an export's columns become entry fields and answers."""

    preset: str = "generic"
    columns: dict[str, list[str]] = field(default_factory=dict)
    sections: dict[str, str] = field(default_factory=dict)  # for every award
    award_sections: dict[str, dict[str, str]] = field(default_factory=dict)  # per award
    awards: dict[str, str] = field(default_factory=dict)  # category value -> award id
    ignore: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)  # kept as fields, never guessed as more
    attachments: list[str] = field(default_factory=list)  # columns of file names or URLs

    def column(self, role: str) -> list[str]:
        return list(self.columns.get(role, []))

    def section_columns(self, award: Award) -> dict[str, str]:
        """Section id -> column for one award; a per-award line beats a general one."""
        own = self.award_sections.get(award.id, {})
        found: dict[str, str] = {}
        for section in award.sections:
            column = own.get(section.id) or self.sections.get(section.id)
            if column:
                found[section.id] = column
        return found

    def overlaid(self, explicit: Mapping) -> Mapping:
        """This (guessed) mapping with every line the user wrote in `explicit` taking precedence.

        A column `explicit` names anywhere (a role, a section, ignore, fields) keeps only the
        use the user gave it: the guess's other uses of it are dropped.
        """
        used = {h for _, h in explicit.headers_used()} | set(explicit.fields)
        named = used | set(explicit.ignore)
        columns = {role: [h for h in headers if h not in named]
                   for role, headers in self.columns.items()}
        columns = {role: headers for role, headers in columns.items() if headers}
        sections = {s: h for s, h in self.sections.items() if h not in named}
        award_sections = {a: {s: h for s, h in lines.items() if h not in named}
                          for a, lines in self.award_sections.items()}
        for lines in award_sections.values():  # a general line beats a guessed per-award one
            for section_id in explicit.sections:
                lines.pop(section_id, None)
        for award_id, lines in explicit.award_sections.items():
            award_sections.setdefault(award_id, {}).update(lines)
        return Mapping(
            preset=explicit.preset if explicit.preset != "generic" else self.preset,
            columns={**columns, **explicit.columns},
            sections={**sections, **explicit.sections},
            award_sections=award_sections,
            awards={**self.awards, **explicit.awards},
            ignore=list(dict.fromkeys([h for h in self.ignore if h not in used]
                                      + explicit.ignore)),
            fields=list(explicit.fields),
            attachments=list(explicit.attachments or self.attachments),
        )

    def headers_used(self) -> list[tuple[str, str]]:
        """(where in the mapping, column header) for every column it names."""
        used = [(f"columns.{role}", h) for role, hs in self.columns.items() for h in hs]
        used += [(f"sections.{s}", h) for s, h in self.sections.items()]
        used += [(f"sections.{a}.{s}", h) for a, lines in self.award_sections.items()
                 for s, h in lines.items()]
        return used


# ----- the file -------------------------------------------------------------------------------


def load_mapping(path: Path) -> Mapping:
    """Read a MAPPING.toml, with messages that name the file and the key."""
    raw = read_toml(path, "mapping file")
    return mapping_from_dict(raw, str(path))


def mapping_from_dict(raw: dict[str, Any], where: str) -> Mapping:
    def fail(key: str, problem: str) -> JudgePanelError:
        return JudgePanelError(f"{where}: {key}: {problem}")

    unknown = set(raw) - {"preset", "ignore", "fields", "columns", "sections", "awards",
                          "attachments"}
    if unknown:
        raise fail(sorted(unknown)[0], "unknown key (expected preset, ignore, fields, columns, "
                   "sections, awards, attachments)")
    preset = raw.get("preset", "generic")
    if preset not in PRESETS:
        raise fail("preset", f"'{preset}' is not one of {', '.join(PRESETS)}")
    mapping = Mapping(preset=preset)
    ignore = raw.get("ignore", [])
    if not isinstance(ignore, list) or not all(isinstance(i, str) for i in ignore):
        raise fail("ignore", "must be a list of column headers")
    mapping.ignore = list(ignore)
    kept = raw.get("fields", [])
    if not isinstance(kept, list) or not all(isinstance(i, str) for i in kept):
        raise fail("fields", "must be a list of column headers")
    mapping.fields = list(kept)
    documents = raw.get("attachments", [])
    if isinstance(documents, str):
        documents = [documents]
    if not isinstance(documents, list) or not all(isinstance(i, str) for i in documents):
        raise fail("attachments", "must be a list of column headers (file names or URLs)")
    mapping.attachments = [header.strip() for header in documents]
    for role, value in _table(raw, "columns", fail).items():
        if role not in COLUMN_ROLES:
            raise fail(f"columns.{role}", f"unknown role (roles: {', '.join(COLUMN_ROLES)})")
        headers = [value] if isinstance(value, str) else value
        if not isinstance(headers, list) or not headers or \
                not all(isinstance(h, str) and h.strip() for h in headers):
            raise fail(f"columns.{role}", "must be a column header or a list of them")
        mapping.columns[role] = [h.strip() for h in headers]
    for key, value in _table(raw, "sections", fail).items():
        if isinstance(value, dict):
            lines = {}
            for section_id, header in value.items():
                if not isinstance(header, str) or not header.strip():
                    raise fail(f"sections.{key}.{section_id}", "must be a column header")
                lines[section_id] = header.strip()
            mapping.award_sections[key] = lines
        elif isinstance(value, str) and value.strip():
            mapping.sections[key] = value.strip()
        else:
            raise fail(f"sections.{key}", "must be a column header")
    for category, award_id in _table(raw, "awards", fail).items():
        if not isinstance(award_id, str) or not award_id.strip():
            raise fail(f"awards.{category}", "must be an award id")
        mapping.awards[category] = award_id.strip()
    _check_one_use(mapping, fail)
    return mapping


def _check_one_use(mapping: Mapping, fail: Any) -> None:
    """A column kept only as a field, or ignored, cannot also have a role or a section.

    Otherwise which line wins would depend on the order the importer happens to look.
    """
    named: dict[str, str] = {}
    for key, header in mapping.headers_used():
        named.setdefault(header, key)
    for header in mapping.ignore:
        named.setdefault(header, "ignore")
    for key, headers in (("fields", mapping.fields), ("ignore", mapping.ignore)):
        for header in headers:
            other = named.get(header, key)
            if other != key:
                raise fail(key, f"'{header}' is also named in {other}; give each column "
                           "one use")


def _table(raw: dict[str, Any], key: str, fail: Any) -> dict[str, Any]:
    value = raw.get(key, {})
    if not isinstance(value, dict):
        raise fail(key, "must be a table")
    return value


def save_mapping(mapping: Mapping, path: Path) -> None:
    """Write a mapping in the format `load_mapping` reads (and a person can edit)."""
    def quote(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)

    def key(text: str) -> str:
        return text if re.fullmatch(r"[A-Za-z0-9_-]+", text) else quote(text)

    lines = ["# How this export's columns map onto JudgePanel entries (see "
             "docs/import-mapping.md).", f"preset = {quote(mapping.preset)}"]
    if mapping.ignore:
        lines.append("ignore = [" + ", ".join(quote(h) for h in mapping.ignore) + "]")
    if mapping.fields:
        lines.append("fields = [" + ", ".join(quote(h) for h in mapping.fields) + "]")
    if mapping.attachments:
        lines.append("attachments = [" + ", ".join(quote(h) for h in mapping.attachments) + "]")
    lines += ["", "[columns]"]
    for role in COLUMN_ROLES:
        headers = mapping.columns.get(role)
        if headers:
            value = quote(headers[0]) if len(headers) == 1 else \
                "[" + ", ".join(quote(h) for h in headers) + "]"
            lines.append(f"{role} = {value}")
    lines += ["", "[sections]"] + [f"{key(s)} = {quote(h)}" for s, h in mapping.sections.items()]
    for award_id, section_lines in mapping.award_sections.items():
        if section_lines:
            lines += ["", f"[sections.{key(award_id)}]"]
            lines += [f"{key(s)} = {quote(h)}" for s, h in section_lines.items()]
    if mapping.awards:
        lines += ["", "[awards]"] + [f"{quote(c)} = {quote(a)}" for c, a in mapping.awards.items()]
    write_text(Path(path), "\n".join(lines) + "\n")  # through a temporary file


# ----- guessing -------------------------------------------------------------------------------


def words(text: str) -> str:
    """Text reduced to its words, for comparing a header with a question."""
    return " ".join(re.findall(r"\w+", text.casefold().replace("’", "'").replace("'", "")))


def section_score(header: str, section: Section) -> int:
    """How surely a column holds a section's answer: 0 not at all, 60 beyond doubt."""
    if compact(header) == compact(section.id):
        return 40
    prefix = re.match(rf"\s*{re.escape(section.id)}(?![A-Za-z0-9])\s*[.:)\-–—]?\s*(.*)$",
                      header, re.IGNORECASE | re.DOTALL)
    if prefix:
        rest = prefix.group(1)
        if not rest.strip():
            return 40
        return 60 if _text_score(rest, section) else 30
    return _text_score(header, section)


def _text_score(text: str, section: Section) -> int:
    said, question, title = words(text), words(section.question), words(section.title)
    if not said:
        return 0
    if said in (question, title):
        return 50
    if question and f" {question} " in f" {said} ":
        return 50
    if title and len(title.split()) >= 2 and f" {title} " in f" {said} ":
        return 45
    return 0


def guess_sections(headers: list[str], award: Award) -> dict[str, str]:
    """Section id -> the column that best holds its answer, each column used once."""
    scored = sorted(
        ((section_score(h, s), -hi, -si, s.id, h)
         for si, s in enumerate(award.sections) for hi, h in enumerate(headers)),
        reverse=True)
    found: dict[str, str] = {}
    taken: set[str] = set()
    for score, _, _, section_id, header in scored:
        if score and section_id not in found and header not in taken:
            found[section_id] = header
            taken.add(header)
    return {s.id: found[s.id] for s in award.sections if s.id in found}


def guess_mapping(headers: list[str], awards: list[Award], preset: str = "generic") -> Mapping:
    """The mapping a user would most likely write for these headers; the dialog shows it."""
    chosen = get_preset(preset)
    ignored = ignored_columns(chosen, headers)
    free = [h for h in headers if h not in ignored]
    by_compact: dict[str, str] = {}
    for header in free:
        by_compact.setdefault(compact(header), header)
    roles: dict[str, str] = {}
    for role in ("entry", "award", "title", "first_name", "last_name", "nominee",
                 "organisation", "email"):
        for alias in chosen.aliases(role):
            named = by_compact.get(alias)
            if named and named not in roles.values():
                roles[role] = named
                break
    columns = {role: [roles[role]] for role in COLUMN_ROLES if role in roles}
    names = [roles[r] for r in ("first_name", "last_name") if r in roles]
    generic_name = "nominee" in roles and compact(roles["nominee"]) in ("name", "fullname")
    if names and ("nominee" not in roles or (generic_name and len(names) == 2)):
        columns["nominee"] = names
    used = {h for hs in columns.values() for h in hs}
    answer_candidates = [h for h in free if h not in used]
    mapping = Mapping(preset=preset, columns=columns, ignore=sorted(ignored, key=headers.index))
    for award in awards:
        found = guess_sections(answer_candidates, award)
        if found:
            mapping.award_sections[award.id] = found
    return mapping


def match_award(value: str, awards: list[Award], explicit: dict[str, str]) -> Award | None:
    """The panel award a category cell names: by mapping, id, name, slug or initials."""
    by_id = {a.id: a for a in awards}
    text = value.strip()
    if text in explicit:
        return by_id.get(explicit[text])
    wanted = compact(text)
    if not wanted:
        return None
    for category, award_id in explicit.items():
        if compact(category) == wanted:
            return by_id.get(award_id)
    for award in awards:
        if wanted in (compact(award.id), compact(award.name)):
            return award
        aliases = award.settings.get("aliases", [])
        if isinstance(aliases, list) and wanted in {compact(str(a)) for a in aliases}:
            return award
    initials = [a for a in awards if wanted == _initials(a.name)]
    return initials[0] if len(initials) == 1 else None


def _initials(name: str) -> str:
    """'Leading Systems Transformation' -> 'lst', as category shortcodes are often made."""
    return "".join(w[0] for w in words(name).split() if w not in STOP_WORDS)
