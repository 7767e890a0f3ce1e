"""Exports: text a spreadsheet would run as a formula is made harmless, and reads back intact."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest
from test_reports import AWARD, ENTRIES, build_panel

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.reports.exports import (
    RESULT_COLUMNS,
    neutralise,
    restore,
    write_results,
    write_table,
)
from judgepanel.core.reports.gather import report_data


@pytest.mark.parametrize(("text", "written"), [
    ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
    ("+44 20 7946 0000", "'+44 20 7946 0000"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("-Mid Trust", "'-Mid Trust"),
    ("-2+3", "'-2+3"),
    ("\tcmd", "'\tcmd"),
    ("-5", "-5"),
    ("-0.25", "-0.25"),
    ("-", "-"),
    ("Plain & simple", "Plain & simple"),
    ("'quoted", "'quoted"),
    ("'=already", "''=already"),
    ("", ""),
])
def test_neutralise_marks_only_what_a_spreadsheet_would_run(text: str, written: str) -> None:
    assert neutralise(text) == written
    assert restore(written) == text


def test_restore_undoes_neutralise_for_any_text() -> None:
    rng = random.Random(7)
    alphabet = "=+-@'\t 0123456789.aZé’"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))
        assert restore(neutralise(text)) == text, repr(text)


@pytest.fixture
def ranking(tmp_path: Path):  # noqa: ANN201 - C's Ranking type
    from judgepanel.core.ranking import rank_award

    store = build_panel(tmp_path / "awards.judgepanel")
    try:
        yield rank_award(store, AWARD)
    finally:
        store.close()


def test_results_csv_round_trips_with_formulas_neutralised(ranking, tmp_path: Path) -> None:
    path = write_results(ranking, tmp_path / "results.csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == RESULT_COLUMNS
    raw = {row[1]: row for row in rows[1:]}
    assert raw["E-102"][3] == '\'=HYPERLINK("http://example.org","click")'
    assert raw["E-103"][4] == "'-Mid Trust"
    assert [row[1] for row in rows[1:]] == [entry for entry, *_ in ENTRIES]
    for entry, title, nominee, organisation, _ in ENTRIES:
        row = [restore(cell) for cell in raw[entry]]
        assert row[2:5] == [title, nominee, organisation]
    assert float(raw["E-101"][5]) == pytest.approx(ranking.entries[0].score)
    assert raw["E-101"][11] == "winner"


def test_results_xlsx_holds_strings_never_formulas(ranking, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = write_results(ranking, tmp_path / "results.xlsx")
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows())
    assert [c.value for c in rows[0]] == list(RESULT_COLUMNS)
    by_entry = {row[1].value: row for row in rows[1:]}
    hyperlink = by_entry["E-102"][3]
    assert hyperlink.data_type == "s"
    assert hyperlink.value == '=HYPERLINK("http://example.org","click")'
    assert all(cell.data_type != "f" for row in rows for cell in row)
    assert by_entry["E-101"][0].value == 1
    score = by_entry["E-101"][5]
    assert score.data_type == "n" and isinstance(score.value, int | float)  # a number, not text
    assert b"<f>" not in _sheet_xml(path)


def _sheet_xml(path: Path) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as book:
        return book.read("xl/worksheets/sheet1.xml")


def test_report_data_award_exports_the_same_table(tmp_path: Path) -> None:
    store = build_panel(tmp_path / "awards.judgepanel")
    award = report_data(store, [AWARD]).awards[0]
    store.close()
    path = write_results(award, tmp_path / "from-report.csv")
    assert "'=HYPERLINK" in path.read_text(encoding="utf-8-sig")


def test_other_file_types_and_missing_folders_are_refused(tmp_path: Path) -> None:
    with pytest.raises(JudgePanelError, match=r"\.csv or \.xlsx"):
        write_table(tmp_path / "r.ods", ["a"], [["b"]])
    with pytest.raises(JudgePanelError, match="no such folder"):
        write_table(tmp_path / "nowhere" / "r.csv", ["a"], [["b"]])
