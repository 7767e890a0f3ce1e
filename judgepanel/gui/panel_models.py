"""Table models over the panel's rows, for the coordinator's pages.

Each model holds plain rows read by a page from the core; the page re-reads and calls
`set_rows` after a change, so a model never runs SQL of its own while painting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WARN_BACKGROUND = QColor("#fdecc8")
ASSIGNED_BACKGROUND = QColor("#dcefdc")
INK_ON_TINT = QColor("#1f2933")  # text on those light tints, dark even in a dark palette


def format_time(stamp: str | None) -> str:
    """An ISO time from the panel as a coordinator reads it: "22 November 2026 14:03"."""
    if not stamp:
        return ""
    try:
        when = datetime.fromisoformat(stamp).astimezone()
    except ValueError:
        return stamp
    return f"{when.day} {MONTHS[when.month - 1]} {when.year} {when:%H:%M}"


def format_number(value: float | None) -> str:
    """A weight or score without a needless ".0"."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


class RowsModel(QAbstractTableModel):
    """A read-only table of rows under fixed headings: the one base of every table model on
    the coordinator's and the chair's pages (the chair's in gui/ranking_models.py).

    Rows are dicts shown through `columns` (key, heading), or anything else under `headings`
    with `data` overridden, as the chair's ranking rows are.
    """

    columns: tuple[tuple[str, str], ...] = ()  # (key, heading)
    headings: tuple[str, ...] = ()  # the headings, for rows that are not dicts

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, number: int) -> Any:
        return self._rows[number]

    def row_at(self, number: int) -> Any:
        return self._rows[number]

    def column_headings(self) -> tuple[str, ...]:
        return self.headings or tuple(heading for _, heading in self.columns)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.column_headings())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        headings = self.column_headings()
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(headings):
            return headings[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        key = self.columns[index.column()][0]
        row = self._rows[index.row()]
        if role in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return self.text(row, key)
        if role == Qt.ItemDataRole.UserRole:
            return row.get(key)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.background(row, key)
        if role == Qt.ItemDataRole.ForegroundRole and self.background(row, key) is not None:
            return QBrush(INK_ON_TINT)
        return None

    def text(self, row: dict[str, Any], key: str) -> str:
        value = row.get(key)
        return "" if value is None else str(value)

    def background(self, row: dict[str, Any], key: str) -> QBrush | None:
        return None


class EntriesModel(RowsModel):
    """Entries as imported: id, award, title, nominee, organisation, words over a limit."""

    columns = (("entry", "Entry"), ("award_name", "Award"), ("title", "Title"),
               ("nominee", "Nominee"), ("organisation", "Organisation"),
               ("over", "Over word limit"))

    def background(self, row: dict[str, Any], key: str) -> QBrush | None:
        return QBrush(WARN_BACKGROUND) if key == "over" and row.get("over") else None


class JudgesModel(RowsModel):
    """The panel's judges with how much each has been given."""

    columns = (("name", "Name"), ("email", "E-mail"), ("role", "Role"),
               ("assigned", "Entries assigned"), ("conflicts", "Conflicts"))


class AuditModel(RowsModel):
    """The hash-chained audit log, read-only, oldest first."""

    columns = (("when", "When"), ("who", "Who"), ("action", "Action"), ("detail", "Detail"))


class ProgressModel(RowsModel):
    """Per judge: what they were given and how far their returned pack has got."""

    columns = (("judge", "Judge"), ("assigned", "Entries assigned"),
               ("scored", "Entries scored"), ("complete", "Marked complete"),
               ("returned", "Last pack merged"))

    def background(self, row: dict[str, Any], key: str) -> QBrush | None:
        if key == "complete" and row.get("assigned") and row["complete"] >= row["assigned"]:
            return QBrush(ASSIGNED_BACKGROUND)
        return None


class MergeSummaryModel(RowsModel):
    """What each returned pack did to the panel, or why it was refused."""

    columns = (("file", "File"), ("judge", "Judge"), ("new", "New scores"),
               ("changed", "Changed"), ("unchanged", "Unchanged"), ("outcome", "Result"))

    def background(self, row: dict[str, Any], key: str) -> QBrush | None:
        return QBrush(WARN_BACKGROUND) if row.get("refused") else None


class SectionsModel(RowsModel):
    """An award's sections; weight and word limit can be edited in place."""

    columns = (("id", "Section"), ("title", "Title"), ("scale", "Scale"),
               ("weight", "Weight"), ("word_limit", "Word limit"))
    editable = ("weight", "word_limit")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.on_edit: Any = None  # callable(row_number, key, value) -> bool, set by the page

    def text(self, row: dict[str, Any], key: str) -> str:
        if key == "weight":
            return format_number(row["weight"])
        if key == "word_limit":
            return str(row["word_limit"]) if row["word_limit"] else "none"
        return super().text(row, key)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self.columns[index.column()][0] in self.editable:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role == Qt.ItemDataRole.EditRole and index.isValid():
            key = self.columns[index.column()][0]
            value = self._rows[index.row()].get(key)
            return value if key != "word_limit" else (value or 0)
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        key = self.columns[index.column()][0]
        if key not in self.editable or self.on_edit is None:
            return False
        if not self.on_edit(index.row(), key, value):
            return False
        self._rows[index.row()][key] = value if key == "weight" else (int(value) or None)
        self.dataChanged.emit(index, index)
        return True


@dataclass
class MatrixCell:
    """One judge × entry square of the assignment matrix."""

    assigned: bool = False
    conflict: str | None = None  # the reason, when a conflict is recorded
    scored: bool = False


@dataclass
class Matrix:
    """Everything the assignment matrix shows for one award, read in one go."""

    entries: list[tuple[str, str]] = field(default_factory=list)  # (id, title)
    judges: list[tuple[int, str]] = field(default_factory=list)  # (id, name)
    cells: dict[tuple[str, int], MatrixCell] = field(default_factory=dict)

    def cell(self, entry: str, judge: int) -> MatrixCell:
        return self.cells.get((entry, judge), MatrixCell())

    def workload(self, judge: int) -> int:
        return sum(1 for (_, j), c in self.cells.items() if j == judge and c.assigned)

    def judges_on(self, entry: str) -> int:
        return sum(1 for (e, _), c in self.cells.items() if e == entry and c.assigned)


class AssignmentModel(QAbstractTableModel):
    """Entries down, judges across; the last column counts each entry's judges.

    A cell shows ✓ when assigned, ⚠ and the reason when a conflict is recorded, and is empty
    otherwise; the judge's heading carries their workload in this award.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.matrix = Matrix()

    def set_matrix(self, matrix: Matrix) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matrix.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or not self.matrix.entries:
            return 0
        return len(self.matrix.judges) + 1

    def is_judge_column(self, column: int) -> bool:
        return 0 <= column < len(self.matrix.judges)

    def position(self, index: Index) -> tuple[str, int] | None:
        """The (entry id, judge id) of a judge cell, or None for the count column."""
        if not index.isValid() or not self.is_judge_column(index.column()):
            return None
        return self.matrix.entries[index.row()][0], self.matrix.judges[index.column()][0]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
                if self.is_judge_column(section):
                    judge_id, name = self.matrix.judges[section]
                    load = self.matrix.workload(judge_id)
                    if role == Qt.ItemDataRole.ToolTipRole:
                        return f"{name}: {load} entries assigned in this award"
                    return f"{name}\n{load} entr{'y' if load == 1 else 'ies'}"
                if section == len(self.matrix.judges):
                    return "Judges"
            return None
        if 0 <= section < len(self.matrix.entries) and \
                role in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            entry, title = self.matrix.entries[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{entry}: {title}"
            short = title if len(title) <= 38 else title[:37] + "…"
            return f"{entry}  {short}"
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self.matrix.entries):
            return None
        entry = self.matrix.entries[index.row()][0]
        if not self.is_judge_column(index.column()):
            if role == DISPLAY:
                return str(self.matrix.judges_on(entry))
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        judge_id, name = self.matrix.judges[index.column()]
        cell = self.matrix.cell(entry, judge_id)
        if role == DISPLAY:
            if cell.conflict is not None:
                return "⚠ conflict"
            return "✓" if cell.assigned else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if cell.conflict is not None:
                reason = cell.conflict or "no reason given"
                return f"{name} has a conflict of interest with {entry}: {reason}"
            if cell.assigned:
                return f"{entry} is assigned to {name}" + (" (scores returned)"
                                                            if cell.scored else "")
            return f"{entry} is not assigned to {name}: click or press Space to assign"
        if role == Qt.ItemDataRole.BackgroundRole:
            if cell.conflict is not None:
                return QBrush(WARN_BACKGROUND)
            return QBrush(ASSIGNED_BACKGROUND) if cell.assigned else None
        if role == Qt.ItemDataRole.ForegroundRole and (cell.conflict is not None
                                                       or cell.assigned):
            return QBrush(INK_ON_TINT)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = "conflict" if cell.conflict is not None else (
                "assigned" if cell.assigned else "not assigned")
            return f"{entry}, {name}: {state}"
        return None
