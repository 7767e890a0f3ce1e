"""Reading an Excel workbook (.xlsx): the first worksheet, values as Excel shows them, streamed
within limits so a hostile or broken workbook is refused or read quickly in bounded memory.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime, time
from pathlib import Path
from typing import IO, Any

from judgepanel.core.errors import JudgePanelError, RefusedFile
from judgepanel.core.importing.cleaning import shown
from judgepanel.core.importing.export_table import (
    MAX_COLUMNS,
    MAX_ROWS,
    SURROGATE,
    ZIP_MAGIC,
    ImportCancelled,
    Table,
    column_letter,
    is_filled,
    table_from_records,
)
from judgepanel.core.progress import Progress

MAX_CELLS = 2_000_000  # cells parsed from one sheet, empty ones included
MAX_CELL = 1_000_000  # characters in one cell (Excel itself stops at 32,767)
MAX_UNPACKED = 1 << 30  # bytes a workbook may unpack to


def _tick(progress: Progress | None, done: int, total: int) -> None:
    """Report progress; a callback that returns False (or raises) stops the import."""
    if progress is not None and progress(done, total, "") is False:
        raise ImportCancelled("import cancelled; the panel was not changed")


# An empty cell as every spreadsheet writes it (`<c r="B7" s="3"/>`).
EMPTY_CELL = re.compile(rb"<(?:[\w.-]+:)?c(?=[^<>]*\sr=)\s[^<>]*/>")
SHEET_DATA = re.compile(rb"<([\w.-]+:)?sheetData\b")
CHUNK = 1 << 20


class _FilledCells(io.RawIOBase):
    """A worksheet's XML as it is unpacked, without its empty rows and cells.

    A sheet formatted down to row 1,048,576 or across 1,000 columns holds millions of empty
    cells; a row with no cell content (no `</c>`) is dropped with a byte search before any
    parsing, and empty cells are cut out of the rows that are kept. Reports progress.
    """

    def __init__(self, source: IO[bytes], total: int, progress: Progress | None) -> None:
        self.source = source
        self.total = total
        self.progress = progress
        self.read_so_far = 0
        self.pending = b""
        self.tail = b""
        self.offset = 0
        self.prefix: bytes | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while self.offset >= len(self.pending):
            chunk = self.source.read(CHUNK)
            self.read_so_far += len(chunk)
            _tick(self.progress, self.read_so_far, self.total)
            if not chunk and not self.tail:
                return 0
            self.pending, self.tail = self._without_empty_rows(self.tail + chunk, not chunk)
            self.offset = 0
        size = min(len(buffer), len(self.pending) - self.offset)
        buffer[:size] = self.pending[self.offset:self.offset + size]
        self.offset += size
        return size

    def _without_empty_rows(self, data: bytes, final: bool) -> tuple[bytes, bytes]:
        """(the XML ready to parse, the incomplete end to keep for the next chunk)."""
        if self.prefix is None:
            found = SHEET_DATA.search(data)
            if found is None and not final and len(data) < 64 * CHUNK:
                return b"", data  # the sheet's data has not started yet
            self.prefix = (found.group(1) or b"") if found else b""
        row_open = b"<" + self.prefix + b"row"
        row_close = b"</" + self.prefix + b"row>"
        cell_close = b"</" + self.prefix + b"c>"
        kept: list[bytes] = []
        position = 0
        while True:
            start = data.find(row_open, position)
            if start == -1 or start + len(row_open) >= len(data):
                break
            if data[start + len(row_open)] not in b" \t\r\n>/":  # <rowBreaks>, not a row
                kept.append(data[position:start + 1])
                position = start + 1
                continue
            opened = data.find(b">", start)
            if opened == -1:
                break
            if data[opened - 1:opened] == b"/":  # <row r="9"/>: an empty row
                kept.append(data[position:start])
                position = opened + 1
                continue
            end = data.find(row_close, opened)
            if end == -1:
                break
            end += len(row_close)
            kept.append(data[position:start])
            row = data[start:end]
            if cell_close in row:
                kept.append(EMPTY_CELL.sub(b"", row))
            position = end
        if final:
            kept.append(data[position:])
            return b"".join(kept), b""
        start = data.find(row_open, position)
        keep_from = start if start != -1 else max(position, len(data) - len(row_open))
        kept.append(data[position:keep_from])
        return b"".join(kept), data[keep_from:]


def read_xlsx(path: Path, head: bytes, progress: Progress | None = None) -> Table:
    """The first worksheet of a workbook, values as Excel shows them (not formulas).

    Read as a stream with limits, so a hostile or broken workbook (a claimed size of a
    million rows, millions of formatted empty cells, a zip bomb) is refused or read quickly
    in bounded memory rather than exhausting the machine.
    """
    if not head.startswith(ZIP_MAGIC):
        looks = "CSV or other text" if _looks_like_text(path) else "something else"
        raise RefusedFile(f"{path}: this is not an Excel workbook (.xlsx); it looks like "
                          f"{looks}. Rename it to .csv if it is a CSV export")
    return table_from_records(path, "xlsx", read_xlsx_rows(path, progress))


def read_xlsx_rows(path: Path, progress: Progress | None = None, formulas: bool = False,
                   as_text: bool = True) -> list[list[Any]]:
    """The first sheet's rows as cell values (formulas' text with `formulas`; numbers and
    dates as a user saw them unless not `as_text`), streamed with the limits below; a row's
    list ends at its last value, and blank rows are empty lists."""
    _check_unpacked_sizes(path)
    import openpyxl  # imported here: reading CSV should not pay for it

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=not formulas)
    except (zipfile.BadZipFile, EOFError, OSError, KeyError) as exc:
        raise RefusedFile(f"{path}: the workbook is truncated or damaged ({shown(exc)}); "
                          "export it again") from exc
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise RefusedFile(f"{path}: cannot read this workbook ({shown(exc)})") from exc
    try:
        if not workbook.worksheets:
            raise JudgePanelError(f"{path}: the workbook has no worksheets")
        return _xlsx_records(path, workbook, progress, as_text)
    except JudgePanelError:
        raise
    except Exception as exc:
        raise RefusedFile(f"{path}: the workbook is truncated or damaged ({shown(exc)}); "
                          "export it again") from exc
    finally:
        workbook.close()


def _check_unpacked_sizes(path: Path) -> None:
    """Refuse a workbook whose parts unpack to more than any export of entries needs."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise RefusedFile(f"{path}: the workbook is truncated or damaged ({shown(exc)}); "
                          "export it again") from exc
    total = sum(part.file_size for part in parts)
    if total > MAX_UNPACKED:
        raise RefusedFile(f"{path}: the workbook unpacks to {total / 2**20:,.0f} MB (the most "
                          f"is {MAX_UNPACKED / 2**20:,.0f} MB); save only the entries' sheet "
                          "as CSV or XLSX and import that")


def _xlsx_records(path: Path, workbook: Any, progress: Progress | None,
                  as_text: bool = True) -> list[list[Any]]:
    """The first sheet's rows, streamed: empty cells never parsed, limits checked per row."""
    from openpyxl.worksheet._reader import WorkSheetParser

    sheet = workbook.worksheets[0]
    archive = workbook._archive
    total = archive.getinfo(sheet._worksheet_path).file_size
    with archive.open(sheet._worksheet_path) as source:
        stream = io.BufferedReader(_FilledCells(source, total, progress), CHUNK)
        parser = WorkSheetParser(stream, sheet._shared_strings, data_only=workbook.data_only,
                                 epoch=workbook.epoch, date_formats=workbook._date_formats,
                                 timedelta_formats=workbook._timedelta_formats)
        records: list[list[Any]] = []
        cells_read = 0
        for number, cells in parser.parse():
            cells_read += len(cells)
            if cells_read > MAX_CELLS:
                raise JudgePanelError(
                    f"{path}: row {number}: the sheet holds more than {MAX_CELLS:,} cells; "
                    "is this the right file? Save only the entries as CSV or XLSX")
            filled = [(cell["column"], cell["value"]) for cell in cells
                      if is_filled(cell["value"])]
            if not filled:
                continue
            if number > MAX_ROWS + 1:
                raise JudgePanelError(f"{path}: row {number}: more than {MAX_ROWS:,} rows; is "
                                      "this the right file?")
            width = max(column for column, _ in filled)
            if width > MAX_COLUMNS:
                raise JudgePanelError(
                    f"{path}: row {number}, column {column_letter(width)}: more than "
                    f"{MAX_COLUMNS:,} columns; is this the right file?")
            row: list[Any] = [None] * width
            for column, value in filled:
                value = _xlsx_value(value) if as_text else value
                if isinstance(value, str) and len(value) > MAX_CELL:
                    raise JudgePanelError(
                        f"{path}: row {number}, column {column_letter(column)}: a cell of "
                        f"{len(value):,} characters (the most is {MAX_CELL:,})")
                if isinstance(value, str) and SURROGATE.search(value):
                    raise JudgePanelError(
                        f"{path}: row {number}, column {column_letter(column)}: text holds a "
                        "broken character (half of a UTF-16 pair); export the file again")
                row[column - 1] = value
            while len(records) < number - 1:
                records.append([])  # blank rows keep the numbers a spreadsheet shows
            records.append(row)
    return records


def _looks_like_text(path: Path) -> bool:
    with path.open("rb") as handle:
        sample = handle.read(2048)
    try:
        sample.decode("utf-8")
        return b"\x00" not in sample
    except UnicodeDecodeError:
        return False


def _xlsx_value(value: Any) -> Any:
    """A cell as the text a user saw: 101 not 101.0, dates as ISO dates."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)
