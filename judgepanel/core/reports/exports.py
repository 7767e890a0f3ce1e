"""Results to CSV and XLSX, with text a spreadsheet would run as a formula made harmless.

In CSV such text gets an apostrophe in front (`=HYPERLINK(…)` is written `'=HYPERLINK(…)`),
which spreadsheets show as plain text; `restore` takes it off again when JudgePanel reads
the file back. In XLSX every text cell is written as a string cell, never a formula, so the
text is kept exactly as it was.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

from judgepanel.core.disagreement_flags import flag_words
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.safe_files import replacing
from judgepanel.core.spreadsheet_safety import (  # noqa: F401
    is_formula_like,
    neutralise,
    printable,
    restore,
)

RESULT_COLUMNS = ("rank", "entry", "title", "nominee", "organisation", "score", "mean",
                  "median", "sd", "judges", "flags", "placement")


class RankedRow(Protocol):
    rank: int | None
    entry: str
    title: str
    nominee: str
    organisation: str
    score: float | None
    mean: float | None
    median: float | None
    sd: float | None
    judges: int
    flags: list[str]
    placement: str | None


class RankingLike(Protocol):
    """A `ranking.Ranking` or a report's `AwardResult`: anything with ranked entries."""

    @property
    def entries(self) -> Sequence[Any]: ...


def results_rows(ranking: RankingLike) -> list[list[Any]]:
    """The `rank` table as rows of cells (numbers unrounded, flags in words joined by commas)."""
    rows: list[list[Any]] = []
    for entry in ranking.entries:
        rows.append([entry.rank, entry.entry, entry.title, entry.nominee, entry.organisation,
                     entry.score, entry.mean, entry.median, entry.sd, entry.judges,
                     flag_words(entry.flags), entry.placement or ""])
    return rows


def write_results(ranking: RankingLike, path: Path | str) -> Path:
    """Write an award's ranking to .csv or .xlsx (chosen by the file's suffix)."""
    path = Path(path)
    write_table(path, list(RESULT_COLUMNS), results_rows(ranking), sheet="Results")
    return path


def write_table(path: Path | str, header: Sequence[str], rows: Iterable[Sequence[Any]],
                sheet: str = "Sheet1") -> None:
    """Write a table to CSV (UTF-8 with BOM, for Excel) or XLSX, neutralising formulas."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.parent.exists():
        raise JudgePanelError(f"{path.parent}: no such folder")
    if suffix not in (".csv", ".xlsx"):
        raise JudgePanelError(f"{path}: choose a file ending .csv or .xlsx")
    with replacing(path) as partial:
        if suffix == ".csv":
            with partial.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow([neutralise(printable(str(h))) for h in header])
                for row in rows:
                    writer.writerow([_csv_cell(value) for value in row])
        else:
            _write_xlsx(partial, header, rows, sheet)


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    return neutralise(printable(str(value)))


def _write_xlsx(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]],
                sheet: str) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    page = book.create_sheet(sheet[:31])

    def cell(value: Any, bold: bool = False) -> WriteOnlyCell:
        if isinstance(value, bool) or not isinstance(value, int | float | type(None)):
            found = WriteOnlyCell(page, value=printable(str(value)))
            found.data_type = "s"  # a string cell: never read as a formula
        else:
            found = WriteOnlyCell(page, value=value)
        if bold:
            found.font = Font(bold=True)
        return found

    page.append([cell(h, bold=True) for h in header])
    for row in rows:
        page.append([cell(value) for value in row])
    book.save(path)

