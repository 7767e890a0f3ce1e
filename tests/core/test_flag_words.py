"""Flags in words wherever a person reads them: the ranked report's Flags column and its
reliability lines, the results spreadsheet and the application all say "low agreement",
never the code "rwg" (the codes stay in JSON for scripts)."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from judgepanel.core.awards import builtin_awards
from judgepanel.core.disagreement_flags import FLAG_NAMES, FLAG_WORDS, flag_words
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge
from judgepanel.core.panel import create_panel
from judgepanel.core.reports.exports import write_results
from judgepanel.core.reports.gather import report_data
from judgepanel.core.reports.ranked import write_report
from judgepanel.core.scoring import Judging
from judgepanel.core.store import Store

AWARD = "leading-systems-transformation"
SECTIONS = ("Q1", "Q2", "Q3", "Q4", "Q5")
# entry -> each judge's mark on every section: S-1 splits the panel, the others agree
MARKS = {"S-1": (1, 10, 1, 10), "S-2": (8, 8, 7, 8), "S-3": (5, 5, 6, 5), "S-4": (3, 3, 3, 2)}


@pytest.fixture
def split_panel(tmp_path: Path) -> Store:
    store = create_panel(tmp_path / "split.judgepanel", "Split Panel Awards", builtin_awards())
    upsert_entries(store, [EntryRecord(id=entry, award=AWARD, title=f"Entry {entry}",
                                       answers={s: "An answer." for s in SECTIONS})
                           for entry in MARKS])
    judges = [add_judge(store, f"Judge {n}") for n in range(4)]
    for number, judge in enumerate(judges):
        judging = Judging.for_judge(store, judge.id)
        for entry, marks in MARKS.items():
            for section in SECTIONS:
                judging.set_score(entry, section, marks[number], "A comment.")
    yield store
    store.close()


def test_every_flag_has_words() -> None:
    assert set(FLAG_NAMES) <= set(FLAG_WORDS)
    assert flag_words(["rwg", "near-cutoff"]) == "low agreement, near the cut-off"


def test_the_ranked_report_says_flags_in_words(split_panel: Store, tmp_path: Path) -> None:
    data = report_data(split_panel, [AWARD], day=date(2026, 11, 22))
    split = next(e for e in data.awards[0].entries if e.entry == "S-1")
    assert "rwg" in split.flags  # the panel really disagrees on S-1
    path = tmp_path / "report.pdf"
    write_report(data, path)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)
    assert "low agreement" in text
    assert "wide range" in text
    assert "rwg" not in text


def test_the_results_spreadsheet_says_flags_in_words(split_panel: Store,
                                                     tmp_path: Path) -> None:
    data = report_data(split_panel, [AWARD], day=date(2026, 11, 22))
    path = write_results(data.awards[0], tmp_path / "results.csv")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    flags = next(row["flags"] for row in rows if row["entry"] == "S-1")
    assert "low agreement" in flags and "rwg" not in flags
