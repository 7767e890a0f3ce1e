"""Reading an export file into headers and rows: CSV, XLSX or JSON, checked for what it is.

Every reader returns a `Table` whose rows carry the number a user sees: in a spreadsheet the
header is row 1 and the first entry row 2; in JSON the first entry is entry 1. Problems are
`JudgePanelError`s that name the file (and the row, column, line where there is one).
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import IO, Any

from judgepanel.core.errors import JudgePanelError, RefusedFile
from judgepanel.core.importing.cleaning import shown
from judgepanel.core.progress import Progress

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls and other Office binaries
DELIMITERS = (",", ";", "\t")
UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")  # a multi-byte UTF-8 character
EXCEL_SEPARATOR = re.compile(r"sep=(.)\r?\n")
csv.field_size_limit(64 * 1024 * 1024)  # answers of 10,000 characters and more are normal
MAX_DEPTH = 64  # JSON nesting: entry platforms' exports use three or four levels
MAX_DIGITS = 4300  # Python's own limit on converting a long integer
MAX_ROWS = 50_000  # entries in one export; a programme has hundreds
MAX_COLUMNS = 2_000
MAX_CELLS = 2_000_000  # cells parsed from one sheet, empty ones included
MAX_CELL = 1_000_000  # characters in one cell (Excel itself stops at 32,767)
MAX_UNPACKED = 1 << 30  # bytes a workbook may unpack to
MAX_TEXT_FILE = 512 << 20  # bytes of a CSV or JSON export


@dataclass
class Table:
    """An export as read: unique column headers and the rows, each with its number."""

    path: Path
    kind: str  # "csv", "xlsx" or "json"
    headers: list[str]
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)
    encoding: str = ""
    originals: list[dict[str, Any]] | None = None  # JSON objects, kept as they were

    @property
    def row_word(self) -> str:
        return "entry" if self.kind == "json" else "row"

    def where(self, number: int, column: str | None = None) -> str:
        """'file, row 7, column "Entry ID"': where a problem is, as the user sees it."""
        place = f"{self.path}, {self.row_word} {number}"
        return f"{place}, column '{column}'" if column else place


def read_table(path: Path, progress: Progress | None = None) -> Table:
    """Read any supported export, choosing the reader by extension and checking the bytes.

    `progress(done, total, message)` is called as a long workbook is read; returning False from it
    (or raising) stops the read with `ImportCancelled`.
    """
    path = Path(path)
    if not path.exists():
        raise JudgePanelError(f"{path}: no such file")
    if path.is_dir():
        raise JudgePanelError(f"{path}: is a folder; give the export file inside it")
    with path.open("rb") as handle:
        head = handle.read(8)
    size = path.stat().st_size
    if size == 0:
        raise JudgePanelError(f"{path}: the file is empty")
    if size > MAX_TEXT_FILE and path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise RefusedFile(f"{path}: the file is {size / 2**20:,.0f} MB (the most is "
                          f"{MAX_TEXT_FILE / 2**20:,.0f} MB); is this the right file?")
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise RefusedFile(f"{path}: old Excel (.xls) files cannot be read; open it in Excel "
                          "or LibreOffice and save it as .xlsx or CSV")
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path, head, progress)
    if suffix == ".json":
        return read_json(path, head)
    if suffix in (".csv", ".txt", ".tsv", ""):
        return read_csv(path, head)
    raise JudgePanelError(f"{path}: cannot import a '{suffix}' file; use CSV, XLSX or JSON")


def _not_text(path: Path, head: bytes, expected: str) -> None:
    """Refuse a binary file that carries a text extension, saying what it really is."""
    if head.startswith(ZIP_MAGIC):
        raise RefusedFile(f"{path}: this is not {expected}; it looks like an Excel workbook "
                          "(.xlsx) or another zip file. Rename it to .xlsx if it is a workbook")
    if head.startswith(OLE_MAGIC):
        raise RefusedFile(f"{path}: this is not {expected}; it looks like an old Excel "
                          "(.xls) file. Save it as .xlsx or CSV")


# ----- CSV ------------------------------------------------------------------------------------


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """The text and the encoding: BOM first, then UTF-8, then Windows-1252 from old Excel.

    A file that is mostly UTF-8 with a few lines pasted from an old Excel (both kinds of
    accent in one file) is decoded line by line, so neither kind turns into "Ã©".
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"  # Excel's "Unicode text" export
        except UnicodeDecodeError as exc:
            raise JudgePanelError(f"{path}: cannot read the UTF-16 text ({exc})") from exc
    bom = data.startswith(b"\xef\xbb\xbf")
    body = data[3:] if bom else data
    try:
        return body.decode("utf-8"), "utf-8-sig" if bom else "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in body[:4096]:
        raise RefusedFile(f"{path}: this is not a CSV text file (it holds binary data)")
    if bom or UTF8_SEQUENCE.search(body):
        lines = [_decode_line(path, number, line)
                 for number, line in enumerate(body.split(b"\n"), start=1)]
        return "\n".join(lines), "utf-8 and windows-1252"
    return _decode_line(path, 0, body), "cp1252"


def _decode_line(path: Path, number: int, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        line = number or data[:exc.start].count(b"\n") + 1
        raise JudgePanelError(
            f"{path}: line {line}: byte 0x{data[exc.start]:02X} is neither UTF-8 nor "
            "Windows-1252 text; save the file as CSV UTF-8") from exc


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon (European Excel) or tab: the one the header line uses most."""
    header = text[:text.find("\n")] if "\n" in text else text
    header = re.sub(r'"[^"]*"', "", header)  # a quoted header may hold any delimiter
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(path: Path, head: bytes) -> Table:
    _not_text(path, head, "a CSV file")
    data = path.read_bytes()
    text, encoding = decode(path, data)
    if "\x00" in text[:4096]:
        raise RefusedFile(f"{path}: this is not a CSV text file (it holds binary data)")
    if not text.strip():
        raise JudgePanelError(f"{path}: the file is empty")
    stripped = text.lstrip()
    if stripped[:1] in "[{" and path.suffix.lower() == ".csv":
        raise RefusedFile(f"{path}: this is not CSV; it looks like JSON. Rename it to .json")
    if re.match(r"<(!doctype html|html|\?xml)", stripped[:20], re.IGNORECASE):
        raise RefusedFile(f"{path}: this is a web page or XML, not CSV; the download may have "
                          "failed (were you signed out?). Export it again")
    delimiter = sniff_delimiter(text)
    hint = EXCEL_SEPARATOR.match(text)
    if hint:  # Excel's "sep=;" first line: Excel hides it, so the header is still row 1
        delimiter, text = hint.group(1), text[hint.end():]
    return _table(path, "csv", parse_csv(path, text, delimiter), encoding)


def parse_csv(path: Path, text: str, delimiter: str) -> list[list[str]]:
    """Strict parsing first, to catch a quote never closed; then a lenient pass if needed.

    A lenient parser would read everything after an unclosed quote as one cell and import
    fewer entries without a word; that must be refused. Other quirks (`"Smith" Jr`) are
    common in hand-edited files and read leniently.
    """
    records: list[list[str]] = []
    try:
        records.extend(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter,
                                  strict=True))
        return records
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise JudgePanelError(
                f"{path}: row {len(records) + 1}: a quoted cell is never closed (a closing "
                "\" is missing), so the rest of the file would run into it") from exc
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter,
                               strict=False))
    except csv.Error as exc:
        raise JudgePanelError(f"{path}: not valid CSV ({exc})") from exc


def _table(path: Path, kind: str, records: list[list[Any]], encoding: str = "") -> Table:
    """Headers from the first non-blank row; rows numbered as a spreadsheet shows them."""
    start = 0
    while start < len(records) and not any(_filled(c) for c in records[start]):
        start += 1
    if start == len(records):
        raise JudgePanelError(f"{path}: the file is empty (no header row)")
    if len(records) - start > MAX_ROWS + 1:
        raise JudgePanelError(f"{path}: more than {MAX_ROWS:,} rows; is this the right file?")
    if len(records[start]) > MAX_COLUMNS:
        raise JudgePanelError(f"{path}: row {start + 1}: more than {MAX_COLUMNS:,} columns; is "
                              "this the right file?")
    headers = unique_headers([_cell_text(c) for c in records[start]])
    rows: list[tuple[int, list[Any]]] = []
    width = len(headers)
    for number, record in enumerate(records[start + 1:], start=start + 2):
        if not any(_filled(c) for c in record):
            continue
        if len(record) > width:
            extra = record[width:]
            if any(_filled(c) for c in extra):
                column = _column_letter(width + 1)
                raise JudgePanelError(
                    f"{path}: row {number}, column {column}: a value beyond the last "
                    f"header ('{headers[-1]}'); is a delimiter or quote out of place?")
            record = record[:width]
        elif len(record) < width:
            record = list(record) + [""] * (width - len(record))
        rows.append((number, list(record)))
    return Table(path, kind, headers, rows, encoding)


def _filled(value: Any) -> bool:
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


def unique_headers(names: list[str]) -> list[str]:
    """Blank headers become 'Column C'; a repeated one gets ' (2)', ' (3)' (Submittable)."""
    seen: dict[str, int] = {}
    result = []
    for index, name in enumerate(names, start=1):
        name = " ".join(name.split()) or f"Column {_column_letter(index)}"
        if name in seen:
            seen[name] += 1
            candidate = f"{name} ({seen[name]})"
            while candidate in seen:
                seen[name] += 1
                candidate = f"{name} ({seen[name]})"
            seen[candidate] = 1
            name = candidate
        else:
            seen[name] = 1
        result.append(name)
    return result


def _column_letter(index: int) -> str:
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# ----- XLSX -----------------------------------------------------------------------------------


class ImportCancelled(JudgePanelError):
    """The user stopped a long import; nothing was written."""


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
    return _table(path, "xlsx", read_xlsx_rows(path, progress))


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
                      if _filled(cell["value"])]
            if not filled:
                continue
            if number > MAX_ROWS + 1:
                raise JudgePanelError(f"{path}: row {number}: more than {MAX_ROWS:,} rows; is "
                                      "this the right file?")
            width = max(column for column, _ in filled)
            if width > MAX_COLUMNS:
                raise JudgePanelError(
                    f"{path}: row {number}, column {_column_letter(width)}: more than "
                    f"{MAX_COLUMNS:,} columns; is this the right file?")
            row: list[Any] = [None] * width
            for column, value in filled:
                value = _xlsx_value(value) if as_text else value
                if isinstance(value, str) and len(value) > MAX_CELL:
                    raise JudgePanelError(
                        f"{path}: row {number}, column {_column_letter(column)}: a cell of "
                        f"{len(value):,} characters (the most is {MAX_CELL:,})")
                if isinstance(value, str) and SURROGATE.search(value):
                    raise JudgePanelError(
                        f"{path}: row {number}, column {_column_letter(column)}: text holds a "
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


def _cell_text(value: Any) -> str:
    return "" if value is None else str(value)


# ----- JSON -----------------------------------------------------------------------------------


def read_json(path: Path, head: bytes) -> Table:
    """A list of objects, or an object with an "entries" list (as several platforms' APIs)."""
    _not_text(path, head, "a JSON file")
    text, encoding = decode(path, path.read_bytes())
    if not text.strip():
        raise JudgePanelError(f"{path}: the file is empty")
    _check_json_shape(path, text)
    try:
        document = json.loads(text)
    except RecursionError as exc:  # _check_json_shape should have caught it first
        raise JudgePanelError(f"{path}: the JSON is nested too deeply to read") from exc
    except json.JSONDecodeError as exc:
        if exc.pos == len(text) - len(text.lstrip()) and "," in text.split("\n", 1)[0]:
            raise RefusedFile(f"{path}: this is not JSON; it looks like CSV text. Rename it "
                              "to .csv") from exc
        raise JudgePanelError(f"{path}: line {exc.lineno}, column {exc.colno}: not valid JSON "
                              f"({exc.msg})") from exc
    entries = document
    if isinstance(document, dict):
        for key in ("entries", "data", "results", "submissions", "applications"):
            if isinstance(document.get(key), list):
                entries = document[key]
                break
        else:
            raise JudgePanelError(f"{path}: expected a list of entries, or an object with an "
                                  "\"entries\" list")
    if not isinstance(entries, list):
        raise JudgePanelError(f"{path}: expected a list of entries")
    if not entries:
        raise JudgePanelError(f"{path}: the file holds no entries")
    if len(entries) > MAX_ROWS:
        raise JudgePanelError(f"{path}: more than {MAX_ROWS:,} entries; is this the right file?")
    headers: dict[str, None] = {}
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise JudgePanelError(f"{path}: entry {number}: expected an object with named "
                                  f"fields, not {type(entry).__name__}")
        headers.update(dict.fromkeys(str(key) for key in entry))
    if len(headers) > MAX_COLUMNS:
        raise JudgePanelError(f"{path}: the entries have more than {MAX_COLUMNS:,} different "
                              "fields; is this the right file?")
    for number, entry in enumerate(entries, start=1):
        _check_json_text(path, f"entry {number}", entry)
    names = list(headers)
    rows = [(number, [_json_value(entry.get(name)) for name in names])
            for number, entry in enumerate(entries, start=1)]
    return Table(path, "json", names, rows, encoding, originals=entries)


JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[{]|[\]}]|-?\d{' + str(MAX_DIGITS + 1) + ",}")
SURROGATE = re.compile(r"[\ud800-\udfff]")


def _line_and_column(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"line {line}, column {offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def _check_json_shape(path: Path, text: str) -> None:
    """Refuse what would crash the JSON parser, with the place: nesting deeper than any
    export needs (Python would overflow its stack) and integers too long to convert."""
    depth = 0
    for token in JSON_TOKEN.finditer(text):
        first = token.group()[0]
        if first == '"':
            continue
        if first in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise JudgePanelError(
                    f"{path}: {_line_and_column(text, token.start())}: the JSON is nested "
                    f"more than {MAX_DEPTH} levels deep; an export of entries never is")
        elif first in "]}":
            depth -= 1
        else:
            raise JudgePanelError(
                f"{path}: {_line_and_column(text, token.start())}: a number of "
                f"{len(token.group().lstrip('-')):,} digits (the most is {MAX_DIGITS:,}); is "
                "this the right file?")


def _check_json_text(path: Path, where: str, value: Any, key: str = "") -> None:
    """A JSON escape such as \\ud800 gives half a character, which no file can store."""
    if isinstance(value, str):
        if SURROGATE.search(value):
            field = f", field '{shown(key)}'" if key else ""
            raise JudgePanelError(f"{path}: {where}{field}: text holds a broken character (a "
                                  "lone \\ud800-\\udfff escape); export the file again")
    elif isinstance(value, dict):
        for name, inner in value.items():
            _check_json_text(path, where, name, key)
            _check_json_text(path, where, inner, key or name)
    elif isinstance(value, list):
        for inner in value:
            _check_json_text(path, where, inner, key)


def _json_value(value: Any) -> Any:
    """Lists of text joined with '; '; numbers as text; anything nested kept as JSON."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return "; ".join(str(v) for v in value)
    return json.dumps(value, ensure_ascii=False)
