"""An export as read, whatever its format: the `Table` every reader returns, the limits on
its size, and what the CSV, Excel and JSON readers share (text decoding, headers, row numbers).

Rows carry the number a user sees: in a spreadsheet the header is row 1 and the first entry
row 2; in JSON the first entry is entry 1.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from judgepanel.core.errors import JudgePanelError, RefusedFile

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls and other Office binaries
UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")  # a multi-byte UTF-8 character
MAX_ROWS = 50_000  # entries in one export; a programme has hundreds
MAX_COLUMNS = 2_000
csv.field_size_limit(64 * 1024 * 1024)  # answers of 10,000 characters and more are normal
SURROGATE = re.compile(r"[\ud800-\udfff]")  # half of a UTF-16 pair: no file can store it


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


class ImportCancelled(JudgePanelError):
    """The user stopped a long import; nothing was written."""



def refuse_binary(path: Path, head: bytes, expected: str) -> None:
    """Refuse a binary file that carries a text extension, saying what it really is."""
    if head.startswith(ZIP_MAGIC):
        raise RefusedFile(f"{path}: this is not {expected}; it looks like an Excel workbook "
                          "(.xlsx) or another zip file. Rename it to .xlsx if it is a workbook")
    if head.startswith(OLE_MAGIC):
        raise RefusedFile(f"{path}: this is not {expected}; it looks like an old Excel "
                          "(.xls) file. Save it as .xlsx or CSV")



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


def table_from_records(path: Path, kind: str, records: list[list[Any]],
                       encoding: str = "") -> Table:
    """Headers from the first non-blank row; rows numbered as a spreadsheet shows them."""
    start = 0
    while start < len(records) and not any(is_filled(c) for c in records[start]):
        start += 1
    if start == len(records):
        raise JudgePanelError(f"{path}: the file is empty (no header row)")
    if len(records) - start > MAX_ROWS + 1:
        raise JudgePanelError(f"{path}: more than {MAX_ROWS:,} rows; is this the right file?")
    if len(records[start]) > MAX_COLUMNS:
        raise JudgePanelError(f"{path}: row {start + 1}: more than {MAX_COLUMNS:,} columns; is "
                              "this the right file?")
    headers = unique_headers([cell_text(c) for c in records[start]])
    rows: list[tuple[int, list[Any]]] = []
    width = len(headers)
    for number, record in enumerate(records[start + 1:], start=start + 2):
        if not any(is_filled(c) for c in record):
            continue
        if len(record) > width:
            extra = record[width:]
            if any(is_filled(c) for c in extra):
                column = column_letter(width + 1)
                raise JudgePanelError(
                    f"{path}: row {number}, column {column}: a value beyond the last "
                    f"header ('{headers[-1]}'); is a delimiter or quote out of place?")
            record = record[:width]
        elif len(record) < width:
            record = list(record) + [""] * (width - len(record))
        rows.append((number, list(record)))
    return Table(path, kind, headers, rows, encoding)


def is_filled(value: Any) -> bool:
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


def unique_headers(names: list[str]) -> list[str]:
    """Blank headers become 'Column C'; a repeated one gets ' (2)', ' (3)' (Submittable)."""
    seen: dict[str, int] = {}
    result = []
    for index, name in enumerate(names, start=1):
        name = " ".join(name.split()) or f"Column {column_letter(index)}"
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


def column_letter(index: int) -> str:
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_text(value: Any) -> str:
    return "" if value is None else str(value)
