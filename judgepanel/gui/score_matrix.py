"""The score matrix: entries down, judges across, each cell a judge's 0–100 total, shaded.

Shading is a light-to-dark blue ramp with the text colour picked from the cell's luminance,
so numbers stay readable in light and dark palettes alike. A flag is marked with ⚑ and
spelt out in the tooltip; a conflict of interest reads "conflict", never a blank.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from judgepanel.core.conflicts import list_conflicts
from judgepanel.core.store import Store
from judgepanel.core.totals import JudgeTotal
from judgepanel.gui.panel_models import RowsModel
from judgepanel.gui.ranking_models import ANY_INDEX, ENTRY_ROLE, FLAG_WORDS

FLAG_MARK = "⚑"
LOW = QColor("#f3f8fd")
HIGH = QColor("#0b3d78")


@dataclass
class Cell:
    """What one judge gave one entry: a total, or why there is none."""

    total: float | None = None
    state: str = ""  # "scored", "incomplete", "conflict" or "" (not scored)
    flags: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class MatrixRow:
    entry: str
    title: str
    rank: int | None
    cells: dict[str, Cell]
    flags: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class MatrixData:
    judges: list[str]
    rows: list[MatrixRow]


def matrix_data(store: Store, ranking: Any, totals: list[JudgeTotal]) -> MatrixData:
    """Gather the matrix: the judges' totals, the conflicts, and the ranking's flags per cell."""
    flags: list[dict[str, Any]] = list(ranking.flag_records)
    order = [(r.entry, r.title, r.rank) for r in ranking.entries]
    entry_ids = {entry for entry, _, _ in order}
    judges: dict[str, None] = {}
    cells: dict[tuple[str, str], Cell] = {}
    for total in totals:
        judges.setdefault(total.judge)
        cells[(total.entry, total.judge)] = Cell(
            total.total, "scored" if total.total is not None else "incomplete")
    for conflict in list_conflicts(store):
        if conflict.entry in entry_ids:
            judges.setdefault(conflict.judge)
            cells[(conflict.entry, conflict.judge)] = Cell(None, "conflict")
    entry_flags: dict[str, list[tuple[str, str]]] = {}
    for flag in flags:
        judge = flag.get("judge")
        pair = (str(flag.get("flag", "")), str(flag.get("detail", "")))
        if judge and (flag["entry"], judge) in cells:
            cells[(flag["entry"], judge)].flags.append(pair)
        else:
            entry_flags.setdefault(flag["entry"], []).append(pair)
    names = sorted(judges, key=str.casefold)
    rows = [MatrixRow(entry, title, rank,
                      {j: cells[(entry, j)] for j in names if (entry, j) in cells},
                      entry_flags.get(entry, []))
            for entry, title, rank in order]
    return MatrixData(names, rows)


def shade(total: float) -> QColor:
    """A colour for a 0–100 total on the light-to-dark ramp."""
    share = min(max(total / 100.0, 0.0), 1.0)
    return QColor.fromRgbF(
        LOW.redF() + (HIGH.redF() - LOW.redF()) * share,
        LOW.greenF() + (HIGH.greenF() - LOW.greenF()) * share,
        LOW.blueF() + (HIGH.blueF() - LOW.blueF()) * share)


def ink(background: QColor) -> QColor:
    """Black or white, whichever reads better on this background (WCAG relative luminance)."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    luminance = (0.2126 * channel(background.redF()) + 0.7152 * channel(background.greenF())
                 + 0.0722 * channel(background.blueF()))
    return QColor("#000000") if luminance > 0.179 else QColor("#ffffff")


def describe_flags(flags: list[tuple[str, str]]) -> str:
    return "\n".join(f"{FLAG_WORDS.get(flag, flag)}: {detail}" if detail
                     else FLAG_WORDS.get(flag, flag) for flag, detail in flags)


class MatrixModel(RowsModel):
    """Rows are entries in rank order, columns are judges; cells carry the shading."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.judges: list[str] = []

    def set_matrix(self, matrix: MatrixData) -> None:
        self.beginResetModel()
        self.judges = list(matrix.judges)
        self._rows = list(matrix.rows)
        self.endResetModel()

    def columnCount(self, parent: ANY_INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.judges)

    def cell(self, row: int, column: int) -> Cell | None:
        found: Cell | None = self._rows[row].cells.get(self.judges[column])
        return found

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.judges) and role in (Qt.ItemDataRole.DisplayRole,
                                                            Qt.ItemDataRole.ToolTipRole):
                return self.judges[section]
            return None
        if not 0 <= section < len(self._rows):
            return None
        row = self._rows[section]
        if role == Qt.ItemDataRole.DisplayRole:
            rank = "–" if row.rank is None else str(row.rank)
            mark = f" {FLAG_MARK}" if row.flags else ""
            title = row.title if len(row.title) <= 30 else row.title[:29].rstrip() + "…"
            return f"{rank}. {row.entry}{mark}  {title}".rstrip()
        if role == Qt.ItemDataRole.ToolTipRole:
            text = row.title or row.entry
            return f"{text}\n{describe_flags(row.flags)}" if row.flags else text
        return None

    def data(self, index: ANY_INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) \
                or not (0 <= index.column() < len(self.judges)):
            return None
        cell = self.cell(index.row(), index.column())
        if role == ENTRY_ROLE:
            return self._rows[index.row()].entry
        if role == Qt.ItemDataRole.DisplayRole:
            if cell is None:
                return ""
            if cell.state == "conflict":
                return "conflict"
            if cell.state == "incomplete":
                return "incomplete"
            mark = f" {FLAG_MARK}" if cell.flags else ""
            return f"{cell.total:.1f}{mark}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if cell is None:
            return "Not scored by this judge" if role == Qt.ItemDataRole.ToolTipRole else None
        if role == Qt.ItemDataRole.BackgroundRole and cell.total is not None:
            return shade(cell.total)
        if role == Qt.ItemDataRole.ForegroundRole and cell.total is not None:
            return ink(shade(cell.total))
        if role == Qt.ItemDataRole.FontRole and cell.state != "scored":
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            judge = self.judges[index.column()]
            entry = self._rows[index.row()].entry
            if cell.state == "conflict":
                return f"{judge} declared a conflict of interest: their scores do not count"
            if cell.state == "incomplete":
                return f"{judge} has not scored every section of {entry}: left out"
            head = f"{judge} gave {entry} {cell.total:.1f} of 100"
            return f"{head}\n{describe_flags(cell.flags)}" if cell.flags else head
        return None


class ScoreMatrix(QTableView):
    """The matrix view; double-clicking a cell asks for that entry's detail."""

    entry_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix_model = MatrixModel(self)
        self.setModel(self.matrix_model)
        self.setAccessibleName("Score matrix")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setResizeContentsPrecision(100)  # quick on large awards
        self.verticalHeader().setResizeContentsPrecision(100)
        self.horizontalHeader().setMinimumSectionSize(72)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft
                                                  | Qt.AlignmentFlag.AlignVCenter)
        self.doubleClicked.connect(self._activated)

    def set_matrix(self, matrix: MatrixData) -> None:
        self.matrix_model.set_matrix(matrix)

    def _activated(self, index: QModelIndex) -> None:
        entry = index.data(ENTRY_ROLE)
        if entry:
            self.entry_activated.emit(entry)
