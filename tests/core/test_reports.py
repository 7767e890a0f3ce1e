"""The ranked report: what the chair signs and the board reads, checked in the PDF itself."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from judgepanel.core.awards import builtin_awards
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge
from judgepanel.core.panel import create_panel
from judgepanel.core.reports.gather import report_data
from judgepanel.core.reports.model import AwardResult, ReportData, SectionInfo
from judgepanel.core.reports.ranked import RankedReport, write_report
from judgepanel.core.scoring import Judging
from judgepanel.core.store import Store

AWARD = "leading-systems-transformation"
SECTIONS = ("Q1", "Q2", "Q3", "Q4", "Q5")
TITLE = "Łódź & Région Health Awards 2026"
JUDGES = [("Zofia Głowacka", "zofia.g@example.org", "chair", 0),
          ("René Dubois", "rene@example.org", "judge", 1),
          ("Siobhán O’Neill", "", "judge", -1),
          ("Tom Baker", "tom.baker@example.org", "judge", 0)]
# entry id, title, nominee, organisation, quality (0–10 on every section)
ENTRIES = [
    ("E-101", "Joining up care across Łódź", "<b>Bold</b> & Co", "Brontë’s Trust", 9),
    ("E-102", "A ward that listens", '=HYPERLINK("http://example.org","click")',
     "North Trust", 8),
    ("E-103", "Community frailty hub", "Chloé Martin", "-Mid Trust", 7),
    ("E-104", "Digital discharge", "Seán Ó Briain", "West ICS", 6),
    ("E-105", "Night-time hospital at home", "Ama Mensah", "East Trust", 5),
    ("E-106", "Green theatres", "Priya Shah", "South Trust", 4),
]
PLACED = {"E-101": "winner", "E-102": "highly-commended", "E-103": "finalist"}


def build_panel(path: Path) -> Store:
    """A small finished panel: 4 judges, 6 entries, a conflict, comments and decisions."""
    from judgepanel.core.moderation import decide

    store = create_panel(path, TITLE, builtin_awards())
    upsert_entries(store, [EntryRecord(id=e, award=AWARD, title=t, nominee=n, organisation=o,
                                       answers={s: f"Answer to {s}." for s in SECTIONS})
                           for e, t, n, o, _ in ENTRIES])
    judges = [(add_judge(store, name, email, role), offset)
              for name, email, role, offset in JUDGES]
    tom = judges[3][0]
    Judging.for_judge(store, tom.id).declare_conflict("E-106", "Former colleague of the nominee")
    for judge, offset in judges:
        judging = Judging.for_judge(store, judge.id)
        for number, (entry, *_, quality) in enumerate(ENTRIES):
            if judge is tom and entry == "E-106":
                continue
            for section in SECTIONS:
                value = max(0, min(10, quality + offset))
                comment = (f"Clear evidence in {section} for entry {number + 1}."
                           if section in ("Q1", "Q3") else "")
                judging.set_score(entry, section, value, comment)
            judging.set_review(entry, comment=f"Overall a persuasive entry ({entry}).")
    Judging.for_judge(store, judges[1][0].id).set_score(
        "E-101", "Q2", max(0, min(10, 9 + 1)), "As Zofia Głowacka said, outstanding <i>work</i>.")
    for entry, placement in PLACED.items():
        decide(store, entry, placement, f"The panel's choice for {placement}", "Zofia Głowacka")
    decide(store, "E-104", "none", "Good but not placed", "Zofia Głowacka")
    return store


@pytest.fixture
def panel(tmp_path: Path) -> Store:
    store = build_panel(tmp_path / "awards.judgepanel")
    yield store
    store.close()


def pdf_text(source: Path | bytes) -> list[str]:
    """Each page's text with line breaks and runs of spaces folded to one space."""
    reader = PdfReader(io.BytesIO(source) if isinstance(source, bytes) else source)
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def embedded_fonts(path: Path) -> list[tuple[str, bool]]:
    """(font name, has an embedded TrueType file) for every font the pages use."""
    found = []
    for page in PdfReader(path).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            found.append((str(font["/BaseFont"]), embedded))
    return found


@pytest.fixture
def report(panel: Store, tmp_path: Path) -> Path:
    path = tmp_path / "report.pdf"
    write_report(report_data(panel, [AWARD], day=date(2026, 11, 22)), path)
    return path


def test_cover_names_programme_award_date_panel_and_method(report: Path) -> None:
    cover = pdf_text(report)[0]
    assert TITLE in cover
    assert "Leading Systems Transformation" in cover
    assert "22 November 2026" in cover
    for name, *_ in JUDGES:
        assert name in cover
    assert "Zofia Głowacka (chair)" in cover
    assert "bias-corrected" in cover


def test_ranked_table_lists_entries_in_rank_order(report: Path) -> None:
    table_page = pdf_text(report)[1]
    positions = [table_page.index(entry) for entry, *_ in ENTRIES]
    assert positions == sorted(positions)
    assert re.search(r"1\s+E-101", table_page)
    assert "Tie-break order" in table_page


def test_user_text_prints_literally_not_as_markup(report: Path) -> None:
    text = "\n".join(pdf_text(report))
    assert "<b>Bold</b> & Co" in text
    assert "Brontë’s Trust" in text
    assert "outstanding <i>work</i>." in text


def test_every_page_says_page_x_of_y(report: Path) -> None:
    pages = pdf_text(report)
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text


def test_fonts_are_embedded_truetype(report: Path) -> None:
    fonts = embedded_fonts(report)
    assert fonts, "the report uses no fonts?"
    assert all(embedded for _, embedded in fonts), fonts
    assert any("DejaVu" in name for name, _ in fonts)


def test_placed_entries_get_their_own_page_with_comments(report: Path) -> None:
    pages = pdf_text(report)
    winner = next(p for p in pages if "Winner: E-101" in p)
    assert "Section averages" in winner
    assert "Clear evidence in Q1 for entry 1." in winner
    assert "Overall a persuasive entry (E-101)." in winner
    assert any("Highly Commended: E-102" in p for p in pages)
    assert any("Finalist: E-103" in p for p in pages)
    assert not any("E-104" in p and "Section averages" in p for p in pages)


def test_conflicts_decisions_and_sign_off_are_recorded(report: Path) -> None:
    text = "\n".join(pdf_text(report))
    assert "Former colleague of the nominee" in text
    assert "The panel's choice for winner" in text
    assert "Good but not placed" in text
    assert "How far the judges agree" in text
    assert "Krippendorff" in text
    sign_off = pdf_text(report)[-1]
    assert "Sign-off" in sign_off
    assert "Chair of the panel" in sign_off and "Zofia Głowacka" in sign_off


def test_conflicted_judge_does_not_count(panel: Store) -> None:
    data = report_data(panel, [AWARD])
    e106 = next(e for e in data.awards[0].entries if e.entry == "E-106")
    assert e106.judges == 3
    assert all(c.judge != "Tom Baker" for c in e106.comments)


def test_every_award_by_default_and_one_when_asked(panel: Store) -> None:
    everything = report_data(panel)
    assert [a.award for a in everything.awards] == [AWARD]  # the others have no entries
    assert everything.left_out == [a.name for a in builtin_awards() if a.id != AWARD]
    assert [a.award for a in report_data(panel, [AWARD]).awards] == [AWARD]


def test_renders_to_a_buffer_and_copes_with_an_award_with_no_entries() -> None:
    empty = AwardResult(award="a", name="An award nobody entered", method="mean",
                        sections=[SectionInfo("Q1", "Only question")], entries=[])
    data = ReportData(programme="Empty & <Quiet> Awards", awards=[empty],
                      day=date(2026, 11, 22))
    buffer = io.BytesIO()
    RankedReport(data).render(buffer)
    text = "\n".join(pdf_text(buffer.getvalue()))
    assert "Empty & <Quiet> Awards" in text
    assert "0 entries" in text
    assert "None declared." in text


def test_report_to_a_missing_folder_is_refused(panel: Store, tmp_path: Path) -> None:
    from judgepanel.core.errors import JudgePanelError

    with pytest.raises(JudgePanelError, match="no such folder"):
        write_report(report_data(panel, [AWARD]), tmp_path / "nowhere" / "r.pdf")


def test_an_override_is_marked_and_listed_with_its_reason(panel: Store,
                                                          tmp_path: Path) -> None:
    from judgepanel.core.moderation import override_score

    override_score(panel, "E-105", 95.0, "Q3 was misread by two judges", "Zofia Głowacka")
    path = tmp_path / "moderated.pdf"
    write_report(report_data(panel, [AWARD]), path)
    pages = pdf_text(path)
    assert "95.0†" in pages[1]
    assert pages[1].index("E-105") < pages[1].index("E-101")  # the moderated score ranks
    text = " ".join(pages)
    assert "Overrides" in text and "Q3 was misread by two judges" in text
    assert "50.0 95.0" in text  # computed beside moderated


def test_a_tie_the_order_cannot_break_shows_as_shared_rank(tmp_path: Path) -> None:
    from judgepanel.core.reports.model import EntryResult

    entries = [EntryResult(rank=1, entry="A-1", score=80.0, judges=3, flags=["tie"]),
               EntryResult(rank=1, entry="A-2", score=80.0, judges=3, flags=["tie"]),
               EntryResult(rank=3, entry="A-3", score=70.0, judges=3)]
    award = AwardResult(award="a", name="Tied award", method="mean", sections=[],
                        entries=entries, tie_break=[])
    path = tmp_path / "tie.pdf"
    write_report(ReportData("Ties", [award], day=date(2026, 11, 22)), path)
    table = pdf_text(path)[1]
    assert "=1 A-1" in table and "=1 A-2" in table and "3 A-3" in table
    assert "No tie-break order was declared" in table
