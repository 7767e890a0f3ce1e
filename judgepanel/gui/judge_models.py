"""Qt models over the pack's rows: the judge's entry list, its filter, and the evidence tags.

The list model holds plain `EntryRow`s read once at open; the window tells it when a status
changes. Search is core's `EntrySearch` (an in-memory index; the pack is never altered).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QIcon

from judgepanel.core.pack_search import EntrySearch
from judgepanel.gui.icons import status_icon

__all__ = ["ENTRY_ID_ROLE", "STATUS_ROLE", "TAG_ID_ROLE", "EntryFilterModel", "EntryListModel",
           "EntryRow", "EntrySearch", "Tag", "TagListModel"]

Index = QModelIndex | QPersistentModelIndex
ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
TAG_ID_ROLE = Qt.ItemDataRole.UserRole + 3
_STATUS_ICONS: dict[str, QIcon] = {}  # drawn once each: the list asks on every repaint


def cached_status_icon(status: str) -> QIcon:
    icon = _STATUS_ICONS.get(status)
    if icon is None:
        icon = _STATUS_ICONS[status] = status_icon(status)
    return icon


@dataclass(frozen=True)
class EntryRow:
    """One entry as the judge's list shows it."""

    id: str
    title: str
    nominee: str
    organisation: str
    award: str
    status: str
    scored: int
    sections: int

    @property
    def status_text(self) -> str:
        if self.status == "in progress":
            return f"in progress ({self.scored} of {self.sections})"
        if self.status == "conflict":
            return "conflict declared"
        return self.status


class EntryListModel(QAbstractTableModel):
    """The judge's entries: reference, title and status (in words, with a shaped icon)."""

    COLUMNS = ("Entry", "Title", "Status")

    def __init__(self, rows: list[EntryRow], parent: Any = None) -> None:
        super().__init__(parent)
        self._rows = list(rows)
        self._where = {row.id: number for number, row in enumerate(self._rows)}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.COLUMNS)):
            return self.COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.id, row.title or "(untitled)", row.status_text)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.id}: {row.title}\n{row.nominee}, {row.organisation}\n{row.status_text}"
        if role == Qt.ItemDataRole.DecorationRole and column == 2:
            return cached_status_icon(row.status)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.id}, {row.title}, {row.status_text}"
        if role == ENTRY_ID_ROLE:
            return row.id
        if role == STATUS_ROLE:
            return row.status
        return None

    # ----- what the window uses ----------------------------------------------------------

    def entry(self, entry_id: str) -> EntryRow:
        return self._rows[self._where[entry_id]]

    def entry_ids(self) -> list[str]:
        return [row.id for row in self._rows]

    def row_of(self, entry_id: str) -> int:
        return self._where[entry_id]

    def set_status(self, entry_id: str, status: str, scored: int) -> None:
        """A status changed in the pack: update the row and tell the views."""
        number = self._where[entry_id]
        old = self._rows[number]
        if old.status == status and old.scored == scored:
            return
        self._rows[number] = replace(old, status=status, scored=scored)
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(self.COLUMNS) - 1))

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(("not started", "in progress", "complete", "conflict"), 0)
        for row in self._rows:
            counts[row.status] = counts.get(row.status, 0) + 1
        return counts


class EntryFilterModel(QSortFilterProxyModel):
    """Entries matching the status filter and the search; conflicts kept apart or alone."""

    def __init__(self, conflicts: bool = False, parent: Any = None) -> None:
        super().__init__(parent)
        self.conflicts = conflicts
        self.status: str | None = None
        self.matches: set[str] | None = None

    def set_status(self, status: str | None) -> None:
        self.beginFilterChange()
        self.status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_matches(self, matches: set[str] | None) -> None:
        self.beginFilterChange()
        self.matches = matches
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        index = self.sourceModel().index(source_row, 0, source_parent)
        status = index.data(STATUS_ROLE)
        if (status == "conflict") != self.conflicts:
            return False
        if self.status and status != self.status:
            return False
        return self.matches is None or index.data(ENTRY_ID_ROLE) in self.matches


@dataclass(frozen=True)
class Tag:
    """One behaviour of the Systems Leadership framework a judge may tag as evidenced."""

    id: str
    text: str
    domain: str


class TagListModel(QAbstractListModel):
    """The framework's behaviours, checkable; the checked ids are the entry's evidence tags."""

    def __init__(self, tags: list[Tag], parent: Any = None) -> None:
        super().__init__(parent)
        self._tags = list(tags)
        self._checked: set[str] = set()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._tags)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._tags):
            return None
        tag = self._tags[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{tag.domain}: {tag.text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{tag.domain}\n{tag.text}"
        if role == Qt.ItemDataRole.CheckStateRole:
            return (Qt.CheckState.Checked if tag.id in self._checked
                    else Qt.CheckState.Unchecked)
        if role == TAG_ID_ROLE:
            return tag.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable)

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        tag = self._tags[index.row()]
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        if checked == (tag.id in self._checked):
            return False
        if checked:
            self._checked.add(tag.id)
        else:
            self._checked.discard(tag.id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def set_tags(self, tags: list[Tag]) -> None:
        """Offer another list of behaviours (nothing checked)."""
        self.beginResetModel()
        self._tags, self._checked = list(tags), set()
        self.endResetModel()

    def checked(self) -> list[str]:
        return [tag.id for tag in self._tags if tag.id in self._checked]

    def set_checked(self, ids: list[str]) -> None:
        if set(ids) == self._checked:
            return  # the same ticks: no view need repaint
        self._checked = set(ids)
        if self._tags:
            self.dataChanged.emit(self.index(0), self.index(len(self._tags) - 1),
                                  [Qt.ItemDataRole.CheckStateRole])
