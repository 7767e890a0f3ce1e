"""The Import dialog's table of columns: what each column of the export is used as (an entry
id, an award's section, a plain field, ignored), offered as a choice per column and turned
back into the core's `Mapping`, so that a saved MAPPING.toml names every column.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QTableWidget, QTableWidgetItem

from judgepanel.core.awards import Award
from judgepanel.core.importing import Mapping, Table

ROLE_NAMES = (("entry", "Entry id"), ("award", "Award (category)"), ("title", "Title"),
              ("nominee", "Nominee"), ("organisation", "Organisation"), ("email", "E-mail"))
FIELD = ("field",)
IGNORE = ("ignore",)
Use = tuple[Any, ...]  # ("column", role), ("award_section", award, section), ...


def as_use(data: Any) -> Use:
    """A combo box's item data back as a use (Qt may hand nested tuples back as lists)."""
    return tuple(as_use(part) if isinstance(part, list | tuple) else part for part in data)

def column_uses(mapping: Mapping, header: str) -> Use:
    """What a mapping makes of one column, as one of the dialog's choices."""
    for role, headers in mapping.columns.items():
        if header in headers:
            return ("column", role)
    for section_id, column in mapping.sections.items():
        if column == header:
            return ("section", section_id)
    found = [(award_id, section_id) for award_id, lines in mapping.award_sections.items()
             for section_id, column in lines.items() if column == header]
    if len({section_id for _, section_id in found}) == 1 and len(found) > 1:
        return ("section", found[0][1])
    if len(found) > 1:  # one column answering different sections of several awards
        return ("award_sections", tuple(found))
    if found:
        return ("award_section", *found[0])
    if header in mapping.ignore:
        return IGNORE
    return FIELD


def build_mapping(uses: list[tuple[str, Use]], base: Mapping, preset: str) -> Mapping:
    """The mapping the dialog's choices describe; category → award lines come from `base`.

    Every column is named somewhere, a plain field in `fields` too, so the saved file leaves
    nothing for the guess to fill and the CLI imports exactly what the dialog shows.
    """
    mapping = Mapping(preset=preset, awards=dict(base.awards))
    for header, use in uses:
        if use[0] == "column":
            mapping.columns.setdefault(use[1], []).append(header)
        elif use[0] == "section":
            mapping.sections[use[1]] = header
        elif use[0] == "award_section":
            mapping.award_sections.setdefault(use[1], {})[use[2]] = header
        elif use[0] == "award_sections":
            for award_id, section_id in use[1]:
                mapping.award_sections.setdefault(award_id, {})[section_id] = header
        elif use == IGNORE:
            mapping.ignore.append(header)
        else:
            mapping.fields.append(header)
    return mapping


def mapping_choices(awards: list[Award]) -> list[tuple[str, Use]]:
    """Every use a column can be given, in the order the dialog offers them."""
    choices: list[tuple[str, Use]] = [("Kept as an entry field", FIELD),
                                      ("Ignored", IGNORE)]
    choices += [(name, ("column", role)) for role, name in ROLE_NAMES]
    ids = list(dict.fromkeys(s.id for a in awards for s in a.sections))
    choices += [(f"Answer to {i} (every award)", ("section", i)) for i in ids]
    for award in awards:
        for section in award.sections:
            choices.append((f"Answer: {award.name} · {section.id} {section.title}",
                            ("award_section", award.id, section.id)))
    return choices


def several_text(use: Use, awards: list[Award]) -> str:
    """How a column answering several awards' sections is offered: all of them at once."""
    names = {a.id: a.name for a in awards}
    return "Answer: " + "; ".join(f"{names.get(a, a)} · {s}" for a, s in use[1])


def fill_mapping_table(grid: QTableWidget, table: Table | None, base: Mapping,
                       awards: list[Award], edited: Callable[[], None]) -> None:
    """One row per column of the export: its header, its use (a choice), its first value."""
    grid.clearContents()
    headers = table.headers if table else []
    grid.setRowCount(len(headers))
    first = table.rows[0][1] if table and table.rows else []
    choices = mapping_choices(awards)
    for row, header in enumerate(headers):
        grid.setItem(row, 0, QTableWidgetItem(header))
        combo = QComboBox()
        use = column_uses(base, header)
        row_choices = choices if use[0] != "award_sections" \
            else [(several_text(use, awards), use), *choices]
        for text, choice in row_choices:
            combo.addItem(text, choice)
        found = next((i for i, (_, u) in enumerate(row_choices) if u == use), 0)
        combo.setCurrentIndex(found)
        combo.currentIndexChanged.connect(lambda _: edited())
        combo.setToolTip("An entry field is kept under its own header; an ignored column is "
                         "left out of the entry but kept in its original row")
        grid.setCellWidget(row, 1, combo)
        value = first[row] if row < len(first) else ""
        text = " ".join(str(value if value is not None else "").split())
        sample = QTableWidgetItem(text[:120] + ("…" if len(text) > 120 else ""))
        sample.setToolTip(str(value)[:2000])
        grid.setItem(row, 2, sample)


def table_uses(grid: QTableWidget) -> list[tuple[str, Use]]:
    """Each column's header with the use chosen for it in the table."""
    return [(_header(grid, row), as_use(_choice(grid, row).currentData()))
            for row in range(grid.rowCount())]


def choose_use(grid: QTableWidget, header: str, use: Use) -> None:
    """Choose what one column is; KeyError for a column or a use the table does not have."""
    for row in range(grid.rowCount()):
        if _header(grid, row) == header:
            combo = _choice(grid, row)
            for number in range(combo.count()):
                if as_use(combo.itemData(number)) == as_use(use):
                    combo.setCurrentIndex(number)
                    return
            raise KeyError(use)
    raise KeyError(header)


def _header(grid: QTableWidget, row: int) -> str:
    item = grid.item(row, 0)  # every row has its header (fill_mapping_table)
    assert item is not None
    return item.text()


def _choice(grid: QTableWidget, row: int) -> QComboBox:
    combo = grid.cellWidget(row, 1)  # and its choice of use
    assert isinstance(combo, QComboBox)
    return combo
