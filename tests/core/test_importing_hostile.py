"""Exports built to hurt: workbooks that would exhaust the machine, JSON that crashes parsers,
cells whose line breaks or control characters would break a message or an export."""

from __future__ import annotations

import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from judgepanel.core.entries import list_entries
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.importing import import_file, read_table
from judgepanel.core.importing.export_table import ImportCancelled, column_letter
from judgepanel.core.panel import open_panel

LST = "leading-systems-transformation"
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
    'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
    'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Entries" '
    'sheetId="1" r:id="rId1"/></sheets></workbook>')
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
    'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
    'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>')


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def workbook(path: Path, rows: list[list[str]], empty_rows: int = 0, empty_columns: int = 0,
             dimension: str | None = None, extra: str = "") -> Path:
    """A real .xlsx written part by part: `rows` of text, then formatted empty cells (as a
    sheet formatted down to row N and across to column M has), streamed into the zip."""
    width = max(len(rows[0]), empty_columns)
    claimed = dimension or f"A1:{column_letter(width)}{len(rows) + empty_rows}"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}">'
                        f'<dimension ref="{claimed}"/><sheetData>'.encode())
            letters = [column_letter(i) for i in range(1, width + 1)]
            for number, cells in enumerate(rows, start=1):
                body = "".join(inline(f"{letters[i]}{number}", text)
                               for i, text in enumerate(cells))
                sheet.write(f'<row r="{number}">{body}</row>'.encode())
            template = "".join(f'<c r="{letter}#" s="0"/>' for letter in letters)
            numbers = range(len(rows) + 1, len(rows) + empty_rows + 1)
            for start in range(0, len(numbers), 100):
                sheet.write("".join(f'<row r="{n}">{template.replace("#", str(n))}</row>'
                                    for n in numbers[start:start + 100]).encode())
            sheet.write(f"{extra}</sheetData></worksheet>".encode())
    return path


HEADER = ["Entry ID", "Title", "Nominee", "Organisation"]
ROWS = [HEADER, ["E-1", "Joined-up care", "Ama Mensah", "East Trust"],
        ["E-2", "A ward that listens", "Priya Shah", "South Trust"]]


def test_a_sheet_of_five_million_formatted_empty_cells_reads_quickly_in_little_memory(
        tmp_path: Path) -> None:
    path = workbook(tmp_path / "formatted.xlsx", ROWS, empty_rows=5000, empty_columns=1000)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        table = read_table(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 20  # was 170 s
    assert peak < 64 * 2**20  # was gigabytes
    assert table.headers == HEADER
    assert [row for _, row in table.rows] == [ROWS[1], ROWS[2]]
    assert [number for number, _ in table.rows] == [2, 3]


def test_a_workbook_claiming_a_million_rows_reads_only_what_it_holds(tmp_path: Path) -> None:
    path = workbook(tmp_path / "claims.xlsx", ROWS, dimension="A1:XFD1048576")
    started = time.perf_counter()
    table = read_table(path)
    assert time.perf_counter() - started < 5
    assert len(table.rows) == 2


def test_a_value_beyond_the_column_limit_is_refused_with_its_place(tmp_path: Path) -> None:
    path = workbook(tmp_path / "far.xlsx", ROWS, extra=f'<row r="4">{inline("ZZZ4", "x")}</row>')
    with pytest.raises(JudgePanelError, match=r"far\.xlsx: row 4, column ZZZ: more than 2,000 "
                                              "columns"):
        read_table(path)


def test_a_long_read_reports_progress_and_can_be_cancelled(tmp_path: Path) -> None:
    path = workbook(tmp_path / "long.xlsx", ROWS, empty_rows=1200, empty_columns=200)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int, message: str) -> bool:
        seen.append((done, total))
        return len(seen) < 3

    with pytest.raises(ImportCancelled, match="import cancelled"):
        read_table(path, progress)
    assert len(seen) == 3
    assert seen[0][0] < seen[1][0] < seen[2][0] <= seen[2][1]


def test_a_cancelled_import_leaves_the_panel_unchanged(panel_path: Path, tmp_path: Path) -> None:
    path = workbook(tmp_path / "long.xlsx", ROWS, empty_rows=10, empty_columns=10)
    with open_panel(panel_path) as store, pytest.raises(ImportCancelled):
        import_file(store, path, award=LST, progress=lambda done, total, message: False)
    with open_panel(panel_path) as store:
        assert list_entries(store) == []
        result = import_file(store, path, award=LST, progress=lambda done, total, message: None)
    assert result.added == 2


# ----- JSON ---------------------------------------------------------------------------------


def test_json_nested_too_deeply_is_refused_with_its_place(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('[{"Entry ID": "E-1", "x":\n ' + "[" * 100_000 + "]" * 100_000 + "}]")
    with pytest.raises(JudgePanelError) as refused:
        read_table(path)
    assert str(refused.value).startswith(f"{path}: line 2, column 64: the JSON is nested ")


def test_json_with_an_integer_of_5000_digits_is_refused_with_its_place(tmp_path: Path) -> None:
    path = tmp_path / "long.json"
    path.write_text('[{"Entry ID": "E-1",\n "Budget": ' + "9" * 5000 + "}]")
    with pytest.raises(JudgePanelError, match=r"long\.json: line 2, column 12: a number of "
                                              r"5,000 digits"):
        read_table(path)


def test_json_with_a_lone_surrogate_is_refused_naming_the_entry_and_field(
        tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[{"Entry ID": "E-1", "Title": "fine"},\n'
                    ' {"Entry ID": "E-2", "Title": "bad \\ud800 text"}]')
    with pytest.raises(JudgePanelError,
                       match=r"broken\.json: entry 2, field 'Title': text holds a broken"):
        read_table(path)


# ----- cells that break messages and exports ------------------------------------------------


def test_a_refusal_quoting_a_cell_with_line_breaks_stays_on_one_line(
        panel_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "twice.csv"
    path.write_text('Entry ID,Title\n"E-1\nsecond line",One\n"E-1\nsecond line",Two\n')
    with open_panel(panel_path) as store, pytest.raises(JudgePanelError) as refused:
        import_file(store, path, award=LST)
    message = str(refused.value)
    assert "\n" not in message and "\r" not in message
    assert "entry id 'E-1 ↵ second line' is in both row 2 and row 3" in message


def test_words_vertical_tab_and_other_controls_are_cleaned_on_import(
        panel_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "word.csv"
    path.write_bytes(b"Entry ID,Title,Nominee\nE-1,First line\x0bsecond\x07,Ama\x01 Mensah\n"
)
    with open_panel(panel_path) as store:
        import_file(store, path, award=LST)
        entry = list_entries(store)[0]
    assert entry["title"] == "First line\nsecond"
    assert entry["nominee"] == "Ama Mensah"


def test_a_score_sheet_formatted_to_the_edge_imports_quickly_keeping_formula_scores(
        tmp_path: Path) -> None:
    from test_reports import build_panel

    from judgepanel.core.score_sheets import import_scores

    rows = [["entry", "judge", "section", "score", "comment"],
            ["E-101", "René Dubois", "Q4", "", "=HYPERLINK(\"x\")"]]
    formula = '<c r="D2"><f>3+4</f><v>7</v></c>'
    path = workbook(tmp_path / "scores.xlsx", rows, empty_rows=1000, empty_columns=200)
    with zipfile.ZipFile(path) as source, \
            zipfile.ZipFile(tmp_path / "sheet.xlsx", "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.endswith("sheet1.xml"):
                data = data.replace(inline("D2", "").encode(), formula.encode())
                data = data.replace(inline("E2", '=HYPERLINK("x")').encode(),
                                    b'<c r="E2" t="str"><f>HYPERLINK("x")</f><v>x</v></c>')
            target.writestr(item, data)
    store = build_panel(tmp_path / "awards.judgepanel")
    try:
        started = time.perf_counter()
        result = import_scores(store, tmp_path / "sheet.xlsx")
        assert time.perf_counter() - started < 10
        row = store.db.execute(
            "SELECT s.value, s.comment FROM scores s JOIN judges j ON j.id = s.judge "
            "WHERE j.name = 'René Dubois' AND s.entry = 'E-101' AND s.section = 'Q4'"
        ).fetchone()
    finally:
        store.close()
    assert result.rows == 1
    assert tuple(row) == (7.0, '=HYPERLINK("x")')


@pytest.mark.parametrize("name, content, message", [
    ("wide.csv", ",".join(f"C{i}" for i in range(2001)) + "\n" + "x," * 2000 + "x\n",
     r"wide\.csv: row 1: more than 2,000 columns"),
    ("many.json", "[" + ",".join('{"Entry ID": "E"}' for _ in range(50_001)) + "]",
     r"many\.json: more than 50,000 entries"),
    ("fields.json", "[{" + ",".join(f'"F{i}": 1' for i in range(2001)) + "}]",
     r"fields\.json: the entries have more than 2,000 different fields"),
])
def test_text_exports_beyond_any_programme_are_refused(tmp_path: Path, name: str,
                                                       content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(JudgePanelError, match=message):
        read_table(path)
