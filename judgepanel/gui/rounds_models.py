"""Table models for judging rounds: a round's ranking (on the Results page and in the Rounds
dialog, where the entries a promotion would take are marked and the chair may tick entries),
and the award's rounds themselves."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush

from judgepanel.core.disagreement_flags import flag_words
from judgepanel.core.round_results import RoundResult
from judgepanel.core.rounds import Round
from judgepanel.gui.panel_models import ASSIGNED_BACKGROUND, WARN_BACKGROUND, RowsModel
from judgepanel.gui.ranking_models import ENTRY_ROLE, SORT_ROLE, placement_label

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
SCORED_COLUMNS = (("rank", "Rank"), ("entry", "Entry"), ("title", "Title"),
                  ("score", "Score"), ("judges", "Judges"), ("flags", "Flags"),
                  ("placement", "Placement"))
QUALIFYING_COLUMNS = (("rank", "Rank"), ("entry", "Entry"), ("title", "Title"),
                      ("passes", "Passes"), ("fails", "Fails"), ("through", "Goes through"),
                      ("placement", "Placement"))
COMBINED_COLUMN = (("combined", "Final score"),)  # only when rounds are weighted
PATH_COLUMN = (("path", "Path through the rounds"),)


def result_rows(result: RoundResult, final: list[dict[str, Any]] | None = None
                ) -> list[dict[str, Any]]:
    """A round's lines as rows; with the award's `final` table (its last round), each row
    carries the combined score and the entry's path."""
    paths = {row["entry"]: row for row in final or []}
    rows = []
    for line in result.lines:
        row: dict[str, Any] = {
            "rank": line.rank, "entry": line.entry, "title": line.title, "score": line.score,
            "judges": line.judges if result.round.kind != "consensus" else "the panel",
            "flags": flag_words(line.flags), "passes": line.passes, "fails": line.fails,
            "through": line.goes_through, "placement": line.placement}
        if line.entry in paths:
            row["combined"] = paths[line.entry]["score"]
            row["path"] = paths[line.entry]["path"]
            row["rank"] = paths[line.entry]["rank"]
        rows.append(row)
    return rows


class RoundResultModel(RowsModel):
    """One round's table. `going` marks the entries a promotion would take (green), `tied`
    the entries tied at its cut-off (amber); with `tickable` the chair ticks entries."""

    ticks_changed = Signal()  # the chair ticked or unticked an entry

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = SCORED_COLUMNS
        self.going: set[str] = set()
        self.tied: set[str] = set()
        self.tickable = False
        self.ticked: set[str] = set()

    def set_result(self, result: RoundResult | None,
                   final: list[dict[str, Any]] | None = None, combined: bool = False) -> None:
        """A round's lines; with `final` (its last round) each entry's path, and with
        `combined` (the rounds are weighted) the combined final score too."""
        self.beginResetModel()
        kind = result.round.kind if result is not None else "scored"
        columns = QUALIFYING_COLUMNS if kind == "qualifying" else SCORED_COLUMNS
        self.columns = (columns + (COMBINED_COLUMN if final and combined else ())
                        + (PATH_COLUMN if final else ()))
        self._rows = result_rows(result, final) if result is not None else []
        present = {row["entry"] for row in self._rows}
        self.ticked &= present
        self.going &= present
        self.tied &= present
        self.endResetModel()

    def entries(self) -> list[str]:
        return [row["entry"] for row in self._rows]

    def mark(self, going: set[str], tied: set[str]) -> None:
        """Show which entries a promotion would take and which tie at its cut-off."""
        self.going, self.tied = set(going), set(tied)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, self.columnCount() - 1))

    def set_tickable(self, tickable: bool) -> None:
        self.beginResetModel()
        self.tickable = tickable
        self.endResetModel()

    def tick(self, entry: str, ticked: bool = True) -> None:
        if ticked:
            self.ticked.add(entry)
        else:
            self.ticked.discard(entry)
        for number, row in enumerate(self._rows):
            if row["entry"] == entry:
                self.dataChanged.emit(self.index(number, 0), self.index(number, 0))
        self.ticks_changed.emit()

    def text(self, row: dict[str, Any], key: str) -> str:
        value = row.get(key)
        if key in ("score", "combined"):
            return "–" if value is None else f"{value:.1f}"
        if key == "rank":
            return "–" if value is None else str(value)
        if key == "through":
            return "yes" if value else "no"
        if key == "passes" and value is not None:  # passes of the votes cast
            return f"{value} of {value + (row.get('fails') or 0)}"
        if key == "placement":
            return "" if value in (None, "none") else placement_label(value)
        return "" if value is None else str(value)

    def flags(self, index: Index) -> Qt.ItemFlag:
        found = super().flags(index)
        if self.tickable and index.isValid() and index.column() == 0:
            found |= Qt.ItemFlag.ItemIsUserCheckable
        return found

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        key = self.columns[index.column()][0]
        if role == ENTRY_ROLE:
            return row["entry"]
        if role == SORT_ROLE:
            value = row.get(key)
            if key in ("rank", "score", "combined", "passes", "fails", "judges"):
                return value if isinstance(value, (int, float)) else float("inf")
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.CheckStateRole and self.tickable and index.column() == 0:
            return (Qt.CheckState.Checked if row["entry"] in self.ticked
                    else Qt.CheckState.Unchecked)
        if role == Qt.ItemDataRole.ToolTipRole:
            if row["entry"] in self.tied:
                return "Tied at the cut-off: the panel decides (a different number, or the " \
                       "entries by name)"
            if row["entry"] in self.going:
                return "Would go through to the next round"
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not self.tickable \
                or not index.isValid() or index.column() != 0:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        self.tick(self._rows[index.row()]["entry"], checked)
        return True

    def background(self, row: dict[str, Any], key: str) -> QBrush | None:
        if row["entry"] in self.tied:
            return QBrush(WARN_BACKGROUND)
        if row["entry"] in self.going:
            return QBrush(ASSIGNED_BACKGROUND)
        return None


class RoundsModel(RowsModel):
    """The award's rounds in order: number, name, kind, state, entries; ▶ the current one."""

    columns = (("number", "#"), ("name", "Round"), ("id", "Id"), ("kind", "Kind"),
               ("state", "State"), ("entries", "Entries"), ("weight", "Weight"),
               ("pass_rule", "Pass rule"))

    def set_summary(self, rows: list[dict[str, Any]], rounds: list[Round]) -> None:
        kinds = {"scored": "Scored", "qualifying": "Qualifying (pass or fail)",
                 "consensus": "Consensus (agreed in the room)"}
        self.rounds = list(rounds)
        self.set_rows([{**row, "number": f"{'▶ ' if row['current'] else ''}{row['position']}",
                        "kind": kinds.get(row["kind"], row["kind"]),
                        "state": "Open" if row["state"] == "open" else "Closed",
                        "weight": "" if row["weight"] is None else f"{row['weight']:g}",
                        "pass_rule": row["pass_rule"] or ""} for row in rows])

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == 0 \
                and self.row(index.row()).get("current"):
            return "The award's current round: the first still open"
        return super().data(index, role)

