"""The Import dialog's preview: the first entries the import would make with the mapping as
it stands, what it reads per award, its warnings and the sections it would leave empty, all
said in the dialog's own words rather than the command line's.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from judgepanel.core.awards import Award

PREVIEW_ROWS = 20


def in_window_words(message: str, awards: list[Award], *files: Path | None) -> str:
    """A core message said in the dialog's words: its own choices rather than command-line
    options, file names rather than full paths, award names rather than ids, a capital."""
    for path in files:
        if path is not None:
            message = message.replace(str(path), path.name)
    message = message.replace("Choose the --preset of the platform it came from",
                              "Choose the platform it came from under Platform")
    message = re.sub(r"(?i)use --award AWARD_ID to put every row in one award",
                     "Choose one award under Award to put every row in it", message)
    message = re.sub(r"name the column in a MAPPING\.toml: \[columns\] entry = \"…\"",
                     "choose \"Entry id\" for that column in the table of columns", message)
    message = message.replace("(name the columns in a MAPPING.toml [sections])",
                              "(choose their columns in the table above)")
    for award in awards:
        message = re.sub(rf"{re.escape(award.id)} \('{re.escape(award.name)}'\)", award.name,
                         message)
        message = re.sub(rf"(?<![\w-]){re.escape(award.id)}(?![\w-])", award.name, message)
    if any(path is not None and message.startswith(path.name) for path in files):
        return message  # a file name keeps its own spelling
    return message[:1].upper() + message[1:]


def empty_sections(plan: Any, awards: list[Award]) -> list[str]:
    """Sections no entry of the import would answer: almost always a column mapped wrongly."""
    empty = []
    for award in awards:
        records = [r for r in plan.records if r.award == award.id]
        if not records:
            continue
        for section in award.sections:
            if not any(str(r.answers.get(section.id, "") or "").strip() for r in records):
                empty.append(f"{award.name} {section.id} ({section.title})")
    return empty


def fill_preview(grid: QTableWidget, plan: Any, awards: list[Award]) -> int:
    """The first entries of the plan, one a row, with how many answers each has; how many
    are shown."""
    names = {a.id: a for a in awards}
    headings = ["Entry", "Award", "Title", "Nominee", "Organisation", "Answers"]
    grid.setColumnCount(len(headings))
    grid.setHorizontalHeaderLabels(headings)
    shown = plan.records[:PREVIEW_ROWS]
    grid.setRowCount(len(shown))
    for row, record in enumerate(shown):
        award = names.get(record.award)
        total = len(award.sections) if award else 0
        answered = sum(1 for text in record.answers.values() if text.strip())
        cells = [record.id, award.name if award else record.award, record.title,
                 record.nominee, record.organisation,
                 f"{answered} of {total} answered"]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column == 5 and answered < total:
                item.setBackground(QColor("#fdecc8"))
            grid.setItem(row, column, item)
    grid.resizeColumnsToContents()
    for column in range(grid.columnCount()):
        grid.setColumnWidth(column, min(grid.columnWidth(column), 280))
    return len(shown)


def plan_lines(plan: Any, shown: int, awards: list[Award], export: Path) -> list[str]:
    """How many entries the export gives, per award, and the plan's warnings."""
    names = {a.id: a for a in awards}
    more = len(plan.records) - shown
    counts = ", ".join(f"{names[a].name if a in names else a}: {n}"
                       for a, n in plan.by_award.items())
    lines = [f"{len(plan.records)} entries read from {export.name} ({counts})"
             + (f"; the first {shown} are shown" if more > 0 else "")]
    lines += [f"Warning: {in_window_words(w, awards, export)}" for w in plan.warnings]
    return lines
