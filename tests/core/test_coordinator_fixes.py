"""Bugs a coordinator hit while driving the whole loop, one test each (see H1's report)."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from judgepanel.core.awards import Scale, load_award, panel_award
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import add_judge, edit_judge, list_judges
from judgepanel.core.panel import open_panel
from judgepanel.core.reports.model import SectionInfo
from judgepanel.core.score_sheets import import_scores

AWARD = """\
id = "x"
name = "X"
[scale]
min = {min}
max = {max}
[[sections]]
id = "a"
question = "What?"
weight = {weight}
"""


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_a_scale_never_allows_nan_or_infinity(value: float) -> None:
    # Used to raise ValueError (round(nan)) and print a traceback from `scores import`.
    assert not Scale(0, 10, 1).allows(value)
    assert not Scale(0, 10, 0.5).allows(value)


@pytest.mark.parametrize(("fields", "where"), [
    ({"min": 0, "max": "inf", "weight": 1}, "scale.max"),
    ({"min": "nan", "max": 10, "weight": 1}, "scale.min"),
    ({"min": 0, "max": 10, "weight": "inf"}, "sections[1].weight"),
])
def test_award_files_refuse_nan_and_infinity(tmp_path: Path, fields: dict[str, object],
                                             where: str) -> None:
    # max = inf used to make a panel whose totals were all 0; min = nan crashed `new`.
    path = tmp_path / "x.toml"
    path.write_text(AWARD.format(**fields), encoding="utf-8")
    with pytest.raises(JudgePanelError, match=re.escape(f"x.toml: {where}")):
        load_award(path)


def test_a_judges_email_must_look_like_one(panel_path: Path) -> None:
    with open_panel(panel_path) as store:
        with pytest.raises(JudgePanelError, match="not an e-mail address"):
            add_judge(store, "Dee Mensah", "dee at example.org")
        assert add_judge(store, "Dee Mensah", "  dee@example.org ").email == "dee@example.org"
        dee = add_judge(store, "Eve Adair")
        with pytest.raises(JudgePanelError, match="not an e-mail address"):
            edit_judge(store, dee, email="eve@")
        assert edit_judge(store, dee, email="").email == ""


@pytest.mark.parametrize(("section_id", "title", "label"), [
    ("Q1", "Relationships and connectivity", "Q1 Relationships and connectivity"),
    ("impact", "Impact", "Impact"),
    ("wider-reach", "Wider reach", "Wider reach"),
    ("Q2", "Q2 Individual effectiveness", "Q2 Individual effectiveness"),
    ("s1", "", "s1"),
])
def test_report_section_labels_do_not_stutter(section_id: str, title: str, label: str) -> None:
    # The feedback and report tables showed "impact Impact" for a custom award's sections.
    assert SectionInfo(section_id, title).label == label


def _panel_with_entry(panel_path: Path) -> None:
    with open_panel(panel_path) as store:
        upsert_entries(store, [EntryRecord(id="E-1", award="leading-systems-transformation",
                                           title="T", answers={"Q1": "text"})])


@pytest.mark.parametrize(("cell", "problem"), [
    ("nan", "'nan' is not a number"),
    ("inf", "'inf' is not a number"),
    ("1,000", "'1,000' is not a number"),  # used to be read silently as 1.0
])
def test_score_sheet_cells_that_are_not_scores(panel_path: Path, tmp_path: Path, cell: str,
                                               problem: str) -> None:
    _panel_with_entry(panel_path)
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(f'entry,judge,section,score\nE-1,Ann,Q1,"{cell}"\n', encoding="utf-8")
    with open_panel(panel_path) as store:
        with pytest.raises(JudgePanelError, match=rf"sheet\.csv: row 2, column score: {problem}"):
            import_scores(store, sheet)
        assert store.rows("SELECT * FROM scores") == []
        assert store.rows("SELECT * FROM judges") == []  # the judge added is rolled back


def test_a_decimal_comma_is_still_read(panel_path: Path, tmp_path: Path) -> None:
    _panel_with_entry(panel_path)
    sheet = tmp_path / "sheet.csv"
    sheet.write_text('entry,judge,section,score\nE-1,Ann,Q1,"7,0"\n', encoding="utf-8")
    with open_panel(panel_path) as store:
        import_scores(store, sheet)
        assert store.rows("SELECT value FROM scores") == [{"value": 7.0}]


def test_an_unknown_award_in_a_pack_says_pack(panel_path: Path) -> None:
    from judgepanel.core.store import PACK, Store

    pack = Store.memory(PACK)
    with pytest.raises(JudgePanelError, match="no award 'nope' in this pack"):
        panel_award(pack, "nope")


def test_a_formula_comment_in_an_xlsx_sheet_is_kept_literally(panel_path: Path,
                                                               tmp_path: Path) -> None:
    # A comment typed as =HYPERLINK(…) in Excel is a formula cell; it used to arrive empty.
    import openpyxl

    _panel_with_entry(panel_path)
    book = openpyxl.Workbook()
    book.active.append(["entry", "judge", "section", "score", "comment"])
    book.active.append(["E-1", "Ann", "Q1", 6, '=HYPERLINK("http://x.test","see")'])
    book.save(tmp_path / "sheet.xlsx")
    with open_panel(panel_path) as store:
        import_scores(store, tmp_path / "sheet.xlsx")
        assert store.rows("SELECT value, comment FROM scores") == [
            {"value": 6.0, "comment": '=HYPERLINK("http://x.test","see")'}]


def test_a_judge_name_misspelt_on_paper_is_refused(panel_path: Path, tmp_path: Path) -> None:
    # "Tomasz Wojcik" for "Tomasz Wójcik" silently made a second judge whose scores counted
    # and who could never be removed (a judge with scores stays on the record).
    _panel_with_entry(panel_path)
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("entry,judge,section,score\nE-1,Ann Lee,Q1,5\nE-1,tomasz wojcik,Q1,6\n",
                     encoding="utf-8")
    with open_panel(panel_path) as store:
        add_judge(store, "Tomasz Wójcik")
        with pytest.raises(JudgePanelError, match=re.escape(
                "sheet.csv: row 3, column judge: 'tomasz wojcik' is not a judge of this panel, "
                "but 'Tomasz Wójcik' is")):
            import_scores(store, sheet)
        assert [j.name for j in list_judges(store)] == ["Tomasz Wójcik"]  # Ann rolled back
        add_judge(store, "Tomasz Wojcik")  # really two people: add the second one first
        assert import_scores(store, sheet).lines()[1:] == ["added judge Ann Lee"]


def test_a_panel_busy_in_another_program_is_a_clear_refusal(panel_path: Path) -> None:
    # `judge add` while the application was saving printed sqlite3's "database is locked"
    # traceback.
    import sqlite3

    other = sqlite3.connect(panel_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with open_panel(panel_path) as store:
            store.db.execute("PRAGMA busy_timeout = 50")  # do not wait the usual 5 s here
            with pytest.raises(JudgePanelError, match="the file is busy"):
                add_judge(store, "Bea Ngata")
    finally:
        other.execute("ROLLBACK")
        other.close()
    with open_panel(panel_path) as store:
        assert list_judges(store) == []
        add_judge(store, "Bea Ngata")


def test_asking_for_more_judges_than_the_panel_has_says_so(panel_path: Path) -> None:
    # It used to blame conflicts ("the others are in conflict") when there were none.
    from judgepanel.core.assignment import auto_assign

    _panel_with_entry(panel_path)
    with open_panel(panel_path) as store:
        for name in ("Ann Lee", "Ben Ode"):
            add_judge(store, name)
        with pytest.raises(JudgePanelError, match="the panel has 2 judge\\(s\\), fewer than the "
                                                  "3 asked for on each entry") as refused:
            auto_assign(store, "leading-systems-transformation", 3)
        assert "in conflict" not in str(refused.value)
        assert store.rows("SELECT * FROM assignments") == []
