"""The ranked report leaves out an award with no entries and says so on its cover."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader

from judgepanel.core.awards import builtin_awards
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.outputs import write_ranked_report
from judgepanel.core.panel import create_panel
from judgepanel.core.reports.gather import report_data

LST = "leading-systems-transformation"
EMPTY = ("Leading for Service Improvement and Innovation", "System Leadership Initiative")


def pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def test_awards_with_no_entries_are_left_out_and_named_on_the_cover(tmp_path: Path) -> None:
    store = create_panel(tmp_path / "awards.judgepanel", "Three Awards 2026", builtin_awards())
    upsert_entries(store, [EntryRecord(id=f"L-{n}", award=LST, title=f"Entry {n}",
                                       answers={"Q1": "An answer."}) for n in range(3)])
    data = report_data(store, day=date(2026, 11, 22))
    assert [a.award for a in data.awards] == [LST]
    assert len(data.left_out) == 2
    path = write_ranked_report(store, tmp_path / "report.pdf").files[0]
    store.close()
    text = pages(path)
    cover = text[0]
    assert "Left out" in cover and "no entries" in cover
    for name in EMPTY:
        assert name in cover  # named on the cover...
        assert not any(name in page for page in text[1:])  # ...and nowhere else


def test_a_panel_with_no_entries_still_gives_a_report_that_says_so(tmp_path: Path) -> None:
    store = create_panel(tmp_path / "awards.judgepanel", "Nothing Yet 2026", builtin_awards())
    path = write_ranked_report(store, tmp_path / "report.pdf").files[0]
    store.close()
    cover = pages(path)[0]
    assert "No award has entries yet" in cover
    assert "Left out" in cover
