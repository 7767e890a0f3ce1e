"""Reading a CSV export: its encoding, its delimiter, and quotes left open, found before any
entry is lost to them.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from judgepanel.core.errors import JudgePanelError, RefusedFile
from judgepanel.core.importing.export_table import (
    Table,
    decode,
    refuse_binary,
    table_from_records,
)

DELIMITERS = (",", ";", "\t")
EXCEL_SEPARATOR = re.compile(r"sep=(.)\r?\n")


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon (European Excel) or tab: the one the header line uses most."""
    header = text[:text.find("\n")] if "\n" in text else text
    header = re.sub(r'"[^"]*"', "", header)  # a quoted header may hold any delimiter
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(path: Path, head: bytes) -> Table:
    refuse_binary(path, head, "a CSV file")
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
    return table_from_records(path, "csv", parse_csv(path, text, delimiter), encoding)


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
