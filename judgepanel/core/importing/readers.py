"""Reading an export file into headers and rows: CSV, XLSX or JSON, checked for what it is.

Every reader returns a `Table` (export_table.py) whose rows carry the number a user sees.
Problems are `JudgePanelError`s that name the file (and the row, column, line where there is
one). Each format has its own module: csv_exports.py, excel_workbooks.py, json_exports.py.
"""

from __future__ import annotations

from pathlib import Path

from judgepanel.core.errors import JudgePanelError, RefusedFile
from judgepanel.core.importing.csv_exports import read_csv
from judgepanel.core.importing.excel_workbooks import read_xlsx
from judgepanel.core.importing.export_table import Table
from judgepanel.core.importing.json_exports import read_json
from judgepanel.core.progress import Progress

MAX_TEXT_FILE = 512 << 20  # bytes of a CSV or JSON export


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
