"""The documents an export's rows name: which columns list them (the mapping's, else guessed
from the headers), and each entry's file names and URLs read from those columns.
"""

from __future__ import annotations

import re

from judgepanel.core.entries import EntryRecord
from judgepanel.core.importing.mapping import Mapping

# Headers of columns that name an entry's documents, where the mapping names none, and how
# one cell lists several (lines, semicolons, bars, or commas between file names).
_DOCUMENT_HEADER = re.compile(r"attach|upload|supporting doc|file(s|\s*name)?\b|document", re.I)
_DOCUMENT_SPLIT = re.compile(r"[\n;|]+|,\s+(?=\S+\.\w{2,5}\b)")
FILE_NAME = re.compile(r"\.\w{2,5}\s*$")  # a cell that names a file, not a URL
_HYPERLINK = re.compile(r'=HYPERLINK\(\s*"([^"]+)"', re.I)


def document_columns(records: list[EntryRecord], mapping: Mapping | None) -> list[str]:
    """The export's columns that name documents: the mapping's, else guessed from headers."""
    if mapping is not None and mapping.attachments:
        return list(mapping.attachments)
    headers = {header for record in records for header in record.source}
    return sorted(h for h in headers if isinstance(h, str) and _DOCUMENT_HEADER.search(h))


def export_references(records: list[EntryRecord],
                      mapping: Mapping | None) -> dict[str, list[str]]:
    """entry -> the file names and URLs its row names in the document columns."""
    found: dict[str, list[str]] = {}
    columns = document_columns(records, mapping)
    for record in records:
        for column in columns:
            value = record.source.get(column)
            if not isinstance(value, str):
                continue
            for part in _DOCUMENT_SPLIT.split(value):
                if part.strip():
                    formula = _HYPERLINK.match(part.strip())  # a spreadsheet's link, as text
                    found.setdefault(record.id, []).append(
                        formula.group(1) if formula else part.strip())
    return found
