"""The panel room's two tables: the entry's earlier rounds (what the chair reads beside the
agreed scores) and the round so far (each entry's agreed total, rank and time spent).

Both are the form's `QTableWidget`s (ui/panel_room.ui); their columns and rows come from the
round's results, so they are filled here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
)

from judgepanel.core.award_results import award_results
from judgepanel.core.disagreement_flags import flag_words
from judgepanel.core.round_results import RoundResult, round_result
from judgepanel.core.rounds import Round, award_rounds
from judgepanel.core.store import Store

EARLIER_COLUMNS = ("Round", "Rank", "Score", "Spread (SD)", "Judges", "Flags")
ROUND_COLUMNS = ("Entry", "Title", "Agreed total", "Rank", "Time")
TIME_COLUMN = ROUND_COLUMNS.index("Time")


@dataclass
class EarlierLine:
    """One earlier round of the entry shown: what the chair reads beside the agreed scores."""

    round: str
    rank: str
    score: str
    spread: str
    judges: str
    flags: str


def number_text(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def clock_text(seconds: float) -> str:
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    return (f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours
            else f"{rest // 60}:{rest % 60:02d}")


def earlier_lines(earlier: list[RoundResult], spreads: dict[str, float | None],
                  entry: str) -> list[EarlierLine]:
    """The entry in each earlier round: rank, score (passes in a qualifying round), the
    first round's spread of judges' totals, the number of judges and the flags raised."""
    lines = []
    for result in earlier:
        line = result.line(entry)
        name = result.round.name
        if line is None:
            lines.append(EarlierLine(name, "not in this round", "–", "–", "–", ""))
            continue
        rank = "–" if line.rank is None else f"{line.rank} of {len(result.lines)}"
        if result.round.kind == "qualifying":
            score = f"{line.passes} of {line.judges} passes"
        else:
            score = number_text(line.score)
        spread = spreads.get(entry) if result.round.first else None
        lines.append(EarlierLine(name, rank, score, number_text(spread), str(line.judges),
                                 flag_words(line.flags)))
    return lines


class EarlierRoundsTable:
    """The earlier-rounds table, as tall as its rows; its group hides when there are none."""

    def __init__(self, table: QTableWidget, group: QGroupBox) -> None:
        self.table, self.group = table, group
        table.setColumnCount(len(EARLIER_COLUMNS))
        table.setHorizontalHeaderLabels(list(EARLIER_COLUMNS))
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        group.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def fill(self, lines: list[EarlierLine]) -> None:
        table = self.table
        table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            for column, text in enumerate((line.round, line.rank, line.score, line.spread,
                                           line.judges, line.flags)):
                table.setItem(row, column, QTableWidgetItem(text))
        table.resizeRowsToContents()
        rows = sum(table.rowHeight(row) for row in range(table.rowCount()))
        table.setFixedHeight(table.horizontalHeader().height() + rows
                             + 2 * table.frameWidth() + 2)  # its rows, and no empty space
        self.group.setVisible(bool(lines))

    def clear(self) -> None:
        self.table.setRowCount(0)


class RoundSoFarTable:
    """The round so far: one row per entry of the round; a click on a row shows that entry."""

    def __init__(self, table: QTableWidget, show_entry: Callable[[int], None]) -> None:
        self.table = table
        table.setColumnCount(len(ROUND_COLUMNS))
        table.setHorizontalHeaderLabels(list(ROUND_COLUMNS))
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.cellClicked.connect(lambda row, _column: show_entry(row))

    def fill(self, entries: list[str], result: RoundResult, shown: int,
             time_on: Callable[[str], float]) -> None:
        """Each entry's title, agreed total, rank and time so far; the entry shown selected."""
        table = self.table
        table.setRowCount(len(entries))
        titles = {line.entry: line for line in result.lines}
        for row, entry in enumerate(entries):
            line = titles.get(entry)
            cells = (entry, line.title if line else "",
                     number_text(line.score if line else None),
                     "–" if line is None or line.rank is None else str(line.rank),
                     clock_text(time_on(entry)))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3, TIME_COLUMN):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)
        table.blockSignals(True)
        table.selectRow(shown)
        table.blockSignals(False)

    def show_time(self, row: int, seconds: float) -> None:
        """The running clock of the entry shown, in its row."""
        cell = self.table.item(row, TIME_COLUMN)
        if cell is not None:
            cell.setText(clock_text(seconds))

    def clear(self) -> None:
        self.table.setRowCount(0)


def read_earlier(store: Store, found: Round) -> tuple[
        list[RoundResult], dict[str, float | None], dict[str, list[tuple[str, float | None]]]]:
    """The rounds before `found`, read once: their results; each entry's spread of judges'
    totals in the first round and each judge's total there (the projector shows those only
    when the chair ticks it)."""
    rounds = [r for r in award_rounds(store, found.award) if r.position < found.position]
    earlier = [round_result(store, found.award, r.id) for r in rounds]
    spreads: dict[str, float | None] = {}
    judge_scores: dict[str, list[tuple[str, float | None]]] = {}
    if rounds and rounds[0].kind == "scored":
        results = award_results(store, found.award)
        spreads = {line.entry: line.sd for line in results.ranking().entries}
        judge_scores = {entry: [(t.judge, t.total) for t in totals]
                        for entry, totals in results.analysis.counted.items()}
    return earlier, spreads, judge_scores
