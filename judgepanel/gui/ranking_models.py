"""Table models for the chair's screens: the ranking, the sensitivity table, the decision record.

Each model holds plain rows from the core and answers Qt's questions about them; none reads
the panel itself. `SORT_ROLE` gives the raw value behind a cell so a proxy sorts numbers as
numbers and puts unranked entries last.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from judgepanel.core.disagreement_flags import FLAG_WORDS, flag_words  # noqa: F401 (shared)
from judgepanel.gui.panel_models import RowsModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2

ANY_INDEX = QModelIndex | QPersistentModelIndex

PLACEMENT_LABELS = {
    "winner": "Winner",
    "highly-commended": "Highly Commended",
    "finalist": "Finalist",
    "none": "Not placed",
}
METHOD_LABELS = {
    "bias": "Bias-corrected",
    "mean": "Mean",
    "median": "Median",
    "trimmed": "Trimmed mean",
    "zscore": "Z-score",
    "borda": "Borda count",
}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def placement_label(placement: str | None) -> str:
    return PLACEMENT_LABELS.get(placement or "", "") if placement != "none" else ""


def method_label(method: str) -> str:
    return METHOD_LABELS.get(method, method)


def when_text(stamp: str | None) -> str:
    """An ISO time as '22 November 2026 14:03' in local time; '' when there is none."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year} {moment:%H:%M}"


def rank_text(ranked: Any) -> str:
    """'3', '=3' when the tie-break order could not separate it, '' when unranked."""
    if ranked.rank is None:
        return ""
    return f"={ranked.rank}" if "tie" in ranked.flags else str(ranked.rank)


def number(value: float | None, places: int = 1) -> str:
    return "" if value is None else f"{value:.{places}f}"


class ResultsModel(RowsModel):
    """The ranked entries of one award under one method (rows are core `RankedEntry`s)."""

    headings = ("Rank", "Entry", "Title", "Score", "Mean", "Median", "SD", "Judges", "Flags",
                "Placement")
    NUMERIC = (3, 4, 5, 6, 7)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._details: dict[str, list[str]] = {}

    def set_ranking(self, ranking: Any) -> None:
        """Show a core `Ranking`: its entries, with each flag's explanation as a tooltip."""
        details: dict[str, list[str]] = {}
        for record in getattr(ranking, "flag_records", []):
            who = f" ({record['judge']})" if record.get("judge") else ""
            details.setdefault(record["entry"], []).append(
                f"{FLAG_WORDS.get(record['flag'], record['flag'])}{who}: {record['detail']}")
        self._details = details
        self.set_rows(ranking.entries)

    def data(self, index: ANY_INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        ranked = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(ranked, column)
        if role == SORT_ROLE:
            return self._sort_value(ranked, column)
        if role == ENTRY_ROLE:
            return ranked.entry
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == 0 or column in self.NUMERIC:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(ranked, column)
        if role == Qt.ItemDataRole.FontRole and column == 3 and ranked.override is not None:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _display(self, ranked: Any, column: int) -> str:
        if column == 0:
            return rank_text(ranked)
        if column == 1:
            return str(ranked.entry)
        if column == 2:
            return str(ranked.title)
        if column == 3:
            text = number(ranked.score)
            return f"{text} (moderated)" if ranked.override is not None else text
        if column == 4:
            return number(ranked.mean)
        if column == 5:
            return number(ranked.median)
        if column == 6:
            return number(ranked.sd)
        if column == 7:
            return str(ranked.judges)
        if column == 8:
            return flag_words(list(ranked.flags))
        return placement_label(ranked.placement)

    def _sort_value(self, ranked: Any, column: int) -> Any:
        values = [ranked.rank, ranked.entry, ranked.title, ranked.score, ranked.mean,
                  ranked.median, ranked.sd, ranked.judges, flag_words(list(ranked.flags)),
                  placement_label(ranked.placement)]
        value = values[column]
        if value is None:  # unranked and unscored entries sort after every number
            return float("inf")
        return value

    def _tooltip(self, ranked: Any, column: int) -> str | None:
        if column == 3 and ranked.override is not None:
            return (f"Moderated score {number(ranked.override)}; the computed score was "
                    f"{number(ranked.computed_score)}")
        if column in (1, 2):
            who = " · ".join(p for p in (ranked.nominee, ranked.organisation) if p)
            return who or None
        if column == 0 and ranked.rank is None:
            return "No complete scores yet, so not ranked"
        if column == 0 and "tie" in ranked.flags:
            return "The tie-break order could not separate this entry from another"
        if column == 8 and self._details.get(ranked.entry):
            return "\n".join(self._details[ranked.entry])
        return None


class SensitivityModel(RowsModel):
    """Entry × method → rank, so the chair sees whether the order depends on the method."""

    FIXED = 2  # the entry and its title come before the methods

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.methods: list[str] = []
        self.default_method = ""

    def set_table(self, ranks: dict[str, dict[str, int | None]], methods: list[str],
                  order: list[tuple[str, str]], default_method: str) -> None:
        """`order`: (entry, title) in the order to show them (the ranking under the default)."""
        self.beginResetModel()
        self.methods = list(methods)
        self.default_method = default_method
        self._rows = [(entry, title, ranks.get(entry, {})) for entry, title in order]
        self.endResetModel()

    def columnCount(self, parent: ANY_INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.FIXED + len(self.methods)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section in (0, 1):
            return ("Entry", "Title")[section]
        if 0 <= section - self.FIXED < len(self.methods):
            method = self.methods[section - self.FIXED]
            mark = " (award's)" if method == self.default_method else ""
            return method_label(method) + mark
        return None

    def data(self, index: ANY_INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        entry, title, ranks = self._rows[index.row()]
        column = index.column()
        if column in (0, 1):
            shown = (entry, title)[column]
            return shown if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE) else None
        if not 0 <= column - self.FIXED < len(self.methods):
            return None
        method = self.methods[column - self.FIXED]
        rank = ranks.get(method)
        base = ranks.get(self.default_method)
        if role == Qt.ItemDataRole.DisplayRole:
            return "–" if rank is None else str(rank)
        if role == SORT_ROLE:
            return float("inf") if rank is None else rank
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and rank != base:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and rank != base:
            return (f"{method_label(method)} places {entry} "
                    f"{'unranked' if rank is None else f'at {rank}'}; "
                    f"{method_label(self.default_method)} places it "
                    f"{'unranked' if base is None else f'at {base}'}")
        return None


class RecordModel(RowsModel):
    """The decisions and overrides, newest first: what was decided, why, by whom and when.

    Rows are dicts with keys kind, entry, what, reason, who, at.
    """

    headings = ("When", "Entry", "Decision", "Reason", "By")

    def data(self, index: ANY_INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        record = self._rows[index.row()]
        column = index.column()
        values = (when_text(record["at"]), record["entry"], record["what"], record["reason"],
                  record["who"])
        if role == Qt.ItemDataRole.DisplayRole:
            return values[column]
        if role == SORT_ROLE:
            return record["at"] if column == 0 else values[column]
        if role == ENTRY_ROLE:
            return record["entry"]
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return record["reason"]
        return None


class StandingModel(RowsModel):
    """Computed rank beside the panel's placement: the final list
    moderation asks for (docs/domain-notes.md).

    Rows are `RankedEntry`s from the award's default ranking.
    """

    headings = ("Computed rank", "Panel placement", "Entry", "Title", "Computed score",
                "Moderated")

    def data(self, index: ANY_INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        ranked = self._rows[index.row()]
        column = index.column()
        computed = ranked.computed_score if ranked.computed_score is not None else ranked.score
        values = (rank_text(ranked), placement_label(ranked.placement) or "—", ranked.entry,
                  ranked.title, number(computed), number(ranked.override))
        if role == Qt.ItemDataRole.DisplayRole:
            return values[column]
        if role == ENTRY_ROLE:
            return ranked.entry
        if role == SORT_ROLE:
            raw = (ranked.rank, values[1], ranked.entry, ranked.title, computed, ranked.override)
            return float("inf") if raw[column] is None else raw[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return ranked.title
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_of(self, entry: str) -> int:
        for row, ranked in enumerate(self._rows):
            if ranked.entry == entry:
                return row
        return -1
