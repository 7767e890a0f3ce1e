"""Outputs that must survive awkward entries: ids that clean to one file name, a nominee that
is a whole team list, control characters from Word, all in the files a coordinator sends."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
from pypdf import PdfReader
from test_reports import pdf_text

from judgepanel.core.reports.certificates import write_certificates
from judgepanel.core.reports.exports import write_results
from judgepanel.core.reports.feedback import write_feedback
from judgepanel.core.reports.model import AwardResult, Comment, EntryResult, ReportData, SectionInfo
from judgepanel.core.reports.ranked import write_report

CLASHING = ["a/b", "a:b", "E-1", "e-1", "X" * 160 + "1", "X" * 160 + "2"]
TEAM = ", ".join(f"Dr Team Member {i} (Ward {i}, Nursing and Midwifery)" for i in range(1, 18))


def award(ids: list[str], nominee: str = "Ama Mensah", organisation: str = "East Trust",
          title: str = "Joined-up care") -> AwardResult:
    sections = [SectionInfo("Q1", "Relationships"), SectionInfo("Q2", "Outcomes")]
    entries = [EntryResult(rank=i, entry=entry, title=title, nominee=nominee,
                           organisation=organisation, score=80 - i, mean=80 - i, sd=1.0,
                           judges=3, placement="winner" if i == 1 else "finalist",
                           section_means={"Q1": 7.0, "Q2": 6.5},
                           comments=[Comment("Tom Baker", "Q1", f"Strong entry {entry}.")])
               for i, entry in enumerate(ids, start=1)]
    return AwardResult("lst", "Leading Systems Transformation", "mean", sections, entries,
                       section_means={"Q1": 6.0, "Q2": 6.0})


def test_feedback_for_ids_that_clean_alike_gets_one_file_each(tmp_path: Path) -> None:
    data = ReportData("Awards 2026", [award(CLASHING)])
    written = write_feedback(data, tmp_path / "feedback")
    on_disk = sorted((tmp_path / "feedback").iterdir())
    assert len(written) == len(CLASHING) == len(on_disk)
    assert len({p.name.casefold() for p in written}) == len(CLASHING)  # Windows and macOS too
    for path, entry in zip(written, CLASHING, strict=True):  # each file is its own entry's
        assert f"Feedback: {entry}" == PdfReader(path).metadata.title
    assert written[0].name == "a-b feedback.pdf"
    # The same entry keeps the same name in a later run, whatever else is in the award.
    again = write_feedback(ReportData("Awards 2026", [award(CLASHING[1:2])]), tmp_path / "two")
    assert again[0].name == "a-b feedback.pdf"
    assert written[1].name != "a-b feedback.pdf"


def test_separate_certificates_for_ids_that_clean_alike_get_one_file_each(
        tmp_path: Path) -> None:
    data = ReportData("Awards 2026", [award(CLASHING)])
    written = write_certificates(data, tmp_path / "certificates", separate=True)
    assert len({p.name.casefold() for p in written}) == len(CLASHING)
    assert len(list((tmp_path / "certificates").iterdir())) == len(CLASHING)


def test_a_nominee_of_850_characters_wraps_or_shortens_in_the_ranked_report(
        tmp_path: Path) -> None:
    assert 800 < len(TEAM) < 950
    data = ReportData("Awards 2026", [award(["E-1", "E-2"], nominee=TEAM + ", " + TEAM,
                                            organisation="X" * 850, title=TEAM)])
    path = tmp_path / "report.pdf"
    write_report(data, path)  # was a LayoutError
    text = " ".join(pdf_text(path))
    assert "Dr Team Member 1 (Ward 1" in text
    assert "…" in text
    # The full text is kept on the entry's own page.
    assert "Dr Team Member 17 (Ward 17, Nursing and Midwifery)" in text


def test_long_names_on_a_certificate_stay_on_the_page(tmp_path: Path) -> None:
    data = ReportData("Awards 2026", [award(["E-1"], nominee=TEAM, organisation=TEAM)])
    buffer = io.BytesIO()
    from judgepanel.core.reports.certificates import CertificateRenderer, certificates_from
    from judgepanel.core.reports.certificates import default_design as design

    CertificateRenderer(design()).render(certificates_from(data), buffer)
    page = PdfReader(io.BytesIO(buffer.getvalue())).pages[0]
    text = page.extract_text()
    assert "Dr Team Member 1 (Ward 1" in text and "…" in text
    width = float(page.mediabox.width)
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from judgepanel.core.reports.styles import SERIF, SERIF_BOLD

    for line in text.split("\n"):
        if "Team Member" in line:
            assert min(stringWidth(line, font, 4) for font in (SERIF, SERIF_BOLD)) < width


def test_a_vertical_tab_from_word_is_a_line_break_in_every_export(tmp_path: Path) -> None:
    title = "First line\x0bsecond line\x07"
    data = ReportData("Awards 2026", [award(["E-1"], title=title, nominee="Ama\x0cMensah")])
    write_results(data.awards[0], tmp_path / "results.xlsx")  # was IllegalCharacterError
    sheet = openpyxl.load_workbook(tmp_path / "results.xlsx").active
    assert sheet["C2"].value == "First line\nsecond line"
    assert sheet["D2"].value == "Ama\nMensah"
    write_results(data.awards[0], tmp_path / "results.csv")
    text = (tmp_path / "results.csv").read_text(encoding="utf-8-sig")
    assert "First line\nsecond line" in text and "\x0b" not in text and "\x07" not in text
    write_report(data, tmp_path / "report.pdf")
    report = " ".join(pdf_text(tmp_path / "report.pdf"))
    assert "First line second line" in report
    assert "\x0b" not in report and "\x07" not in report


def test_scores_export_to_xlsx_survives_a_vertical_tab_in_a_title(tmp_path: Path) -> None:
    from test_reports import AWARD, build_panel

    from judgepanel.core.entries import EntryRecord, upsert_entries
    from judgepanel.core.score_sheets import export_scores

    store = build_panel(tmp_path / "awards.judgepanel")
    try:
        upsert_entries(store, [EntryRecord(id="E-101", award=AWARD,
                                           title="Joining up care\x0bacross Łódź",
                                           answers={"Q1": "Answer to Q1."})])
        count = export_scores(store, tmp_path / "scores.xlsx")  # was IllegalCharacterError
    finally:
        store.close()
    sheet = openpyxl.load_workbook(tmp_path / "scores.xlsx").active
    titles = {cell.value for cell in sheet["G"][1:]}
    assert "Joining up care\nacross Łódź" in titles
    assert count == sheet.max_row - 1
