"""Any bytes at all, under any export's name, give an import or one clean refusal.

Hypothesis throws arbitrary bytes, text, JSON documents and damaged workbooks at the
readers and at the importer's dry run; the only exception allowed out is `JudgePanelError`,
and its message is one line. Bounded to a few seconds.
"""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from judgepanel.core.awards import builtin_awards
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.importing import import_file, read_table
from judgepanel.core.panel import create_panel

FUZZ = settings(max_examples=40, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])
SUFFIXES = (".csv", ".json", ".xlsx", ".txt", ".tsv")


def attempt(content: bytes, suffix: str) -> None:
    """Read `content` as a file named with `suffix`: a table, or one clean refusal."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"export{suffix}"
        path.write_bytes(content)
        try:
            table = read_table(path)
        except JudgePanelError as refused:
            message = str(refused)
            assert message and "\n" not in message and "\r" not in message, message
            return
        assert all(isinstance(header, str) for header in table.headers)
        assert all(len(cells) == len(table.headers) for _, cells in table.rows)


@FUZZ
@given(st.binary(max_size=2048), st.sampled_from(SUFFIXES))
def test_any_bytes_are_read_or_refused_cleanly(content: bytes, suffix: str) -> None:
    attempt(content, suffix)


CELL = st.text(alphabet=st.characters(codec="utf-8"), max_size=30)


@FUZZ
@given(st.lists(st.lists(CELL, min_size=1, max_size=5), min_size=1, max_size=8),
       st.sampled_from([",", ";", "\t", '"', "\r\n"]),
       st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
def test_any_csv_text_is_read_or_refused_cleanly(rows: list[list[str]], joiner: str,
                                                  encoding: str) -> None:
    text = "\n".join(joiner.join(row) for row in rows)
    attempt(text.encode(encoding, errors="replace"), ".csv")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | CELL,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(CELL, inner, max_size=4),
    max_leaves=20)


@FUZZ
@given(JSON_VALUES, st.sampled_from(["", "\\ud800", "[" * 3000, "9" * 4400]))
def test_any_json_document_is_read_or_refused_cleanly(document: object, poison: str) -> None:
    text = json.dumps(document, ensure_ascii=False)
    if poison:
        cut = len(text) // 2
        text = text[:cut] + poison + text[cut:]
    attempt(text.encode("utf-8", errors="surrogatepass"), ".json")


def small_workbook() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Entry ID", "Title", "Nominee"])
    sheet.append(["E-1", "Joined-up care", "Ama Mensah"])
    sheet.append(["E-2", "A ward that listens", "Priya Shah"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


WORKBOOK = small_workbook()


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(WORKBOOK) - 1), st.integers(0, 255)),
                min_size=1, max_size=8))
def test_a_damaged_workbook_is_read_or_refused_cleanly(changes: list[tuple[int, int]]) -> None:
    content = bytearray(WORKBOOK)
    for position, value in changes:
        content[position] = value
    attempt(bytes(content), ".xlsx")


@FUZZ
@given(st.text(max_size=400))
def test_any_worksheet_xml_is_read_or_refused_cleanly(sheet_xml: str) -> None:
    source = zipfile.ZipFile(io.BytesIO(WORKBOOK))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                head, _, rest = data.partition(b"<sheetData>")
                data = head + b"<sheetData>" + sheet_xml.encode("utf-8", "replace") + \
                    rest[rest.find(b"</sheetData>"):]
            target.writestr(item, data)
    attempt(buffer.getvalue(), ".xlsx")


@pytest.fixture(scope="module")
def panel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.judgepanel"
    create_panel(path, "Fuzz Awards", builtin_awards()).close()
    return path


@settings(max_examples=30, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(CELL, min_size=2, max_size=4), min_size=1, max_size=6))
def test_the_importers_dry_run_plans_or_refuses_cleanly(panel: Path,
                                                        rows: list[list[str]]) -> None:
    from judgepanel.core.panel import open_panel

    text = "Entry ID,Category,Title,Nominee\n" + "\n".join(",".join(
        json.dumps(cell, ensure_ascii=False) for cell in row) for row in rows)
    with tempfile.TemporaryDirectory() as folder, open_panel(panel) as store:
        path = Path(folder) / "entries.csv"
        path.write_text(text, encoding="utf-8", errors="replace")
        try:
            result = import_file(store, path, dry_run=True)
        except JudgePanelError as refused:
            assert "\n" not in str(refused), str(refused)
            return
        assert result.added + result.updated + result.unchanged == len(result.records)
