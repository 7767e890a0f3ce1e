"""Certificates: one landscape page per placed entry, in a design a coordinator can change."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from test_reports import AWARD, build_panel, embedded_fonts, pdf_text

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.reports.certificates import (
    Certificate,
    CertificateRenderer,
    default_design,
    fit_lines,
    load_design,
    write_certificates,
)
from judgepanel.core.reports.gather import report_data
from judgepanel.core.reports.model import ReportData
from judgepanel.core.reports.styles import SERIF_BOLD, register_fonts


@pytest.fixture
def data(tmp_path: Path) -> ReportData:
    store = build_panel(tmp_path / "awards.judgepanel")
    try:
        return report_data(store, [AWARD])
    finally:
        store.close()


def test_one_landscape_page_per_placed_entry_winner_first(data: ReportData,
                                                          tmp_path: Path) -> None:
    [path] = write_certificates(data, tmp_path / "certificates.pdf")
    reader = PdfReader(path)
    assert len(reader.pages) == 3  # winner, highly commended, finalist; "none" gets none
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert width > height
    pages = pdf_text(path)
    assert "Winner" in pages[0] and "<b>Bold</b> & Co" in pages[0]
    assert "Highly Commended" in pages[1] and '=HYPERLINK("http://example.org","click")' \
        in pages[1]
    assert "Finalist" in pages[2] and "Chloé Martin" in pages[2] and "-Mid Trust" in pages[2]
    for page in pages:
        assert "Łódź & Région Health Awards 2026" in page
        assert "Leading Systems Transformation" in page
        assert "Zofia Głowacka" in page and "Chair of the judging panel" in page
    assert all(embedded for _, embedded in embedded_fonts(path))


def test_filter_by_placement_and_one_file_each(data: ReportData, tmp_path: Path) -> None:
    [path] = write_certificates(data, tmp_path / "winners.pdf", placement="winner")
    assert len(PdfReader(path).pages) == 1
    files = write_certificates(data, tmp_path / "each", separate=True)
    assert sorted(p.name for p in files) == ["E-101 Winner certificate.pdf",
                                             "E-102 Highly Commended certificate.pdf",
                                             "E-103 Finalist certificate.pdf"]
    assert all(len(PdfReader(p).pages) == 1 for p in files)


def test_no_placed_entries_is_a_clear_error(data: ReportData, tmp_path: Path) -> None:
    for award in data.awards:
        for entry in award.entries:
            entry.placement = None
    with pytest.raises(JudgePanelError, match="no entries are placed"):
        write_certificates(data, tmp_path / "c.pdf")


def test_a_design_file_changes_wording_colours_and_signatures(data: ReportData,
                                                               tmp_path: Path) -> None:
    design = tmp_path / "gala.toml"
    design.write_text('programme = "The Gala Awards"\nheading = "Certificate of Excellence"\n'
                      'date = "1 December 2026"\n[colours]\nprimary = "#550000"\n'
                      '[placements]\nwinner = "Gold Award"\n'
                      '[[signatures]]\nname = "Dr Ana Núñez"\nrole = "Chief Executive"\n',
                      encoding="utf-8")
    loaded = load_design(design)
    assert loaded.colours["primary"] == "#550000"
    assert loaded.colours["accent"] == default_design().colours["accent"]
    [path] = write_certificates(data, tmp_path / "c.pdf", loaded, placement="winner")
    text = pdf_text(path)[0]
    for words in ("The Gala Awards", "CERTIFICATE OF EXCELLENCE", "1 December 2026",
                  "Gold Award", "Dr Ana Núñez", "Chief Executive"):
        assert words in text
    assert "Zofia" not in text  # the design names its own signatory


@pytest.mark.parametrize(("body", "field"), [
    ('[colours]\nprimary = "navy"\n', "colours.primary"),
    ('[placements]\nrunner-up = "Silver"\n', "placements.runner-up"),
    ('logo = "missing.png"\n', "logo"),
    ('[[signatures]]\nname="a"\n[[signatures]]\nname="b"\n[[signatures]]\nname="c"\n',
     "signatures"),
    ('colour = "#000000"\n', "colour"),
])
def test_a_bad_design_file_names_the_field(tmp_path: Path, body: str, field: str) -> None:
    design = tmp_path / "bad.toml"
    design.write_text(body, encoding="utf-8")
    with pytest.raises(JudgePanelError, match=f"bad.toml: field '{field}'"):
        load_design(design)


def test_a_logo_image_from_the_design_is_used(data: ReportData, tmp_path: Path) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (40, 30), (29, 53, 87)).save(logo)
    (tmp_path / "d.toml").write_text('logo = "logo.png"\n', encoding="utf-8")
    [path] = write_certificates(data, tmp_path / "c.pdf", load_design(tmp_path / "d.toml"),
                                placement="winner")
    assert b"/Subtype /Image" in path.read_bytes()


def test_long_names_shrink_then_wrap_to_fit() -> None:
    register_fonts()
    lines, size = fit_lines("Ann Lee", SERIF_BOLD, 32, 18, 600)
    assert (lines, size) == (["Ann Lee"], 32)
    name = "Professor Aleksandra Wróbel-Szczepańska-Hennessy OBE and the Partnership Team"
    lines, size = fit_lines(name, SERIF_BOLD, 32, 18, 600)
    assert len(lines) == 2 and " ".join(lines) == name and size <= 32
    from reportlab.pdfbase.pdfmetrics import stringWidth
    assert all(stringWidth(line, SERIF_BOLD, size) <= 600.01 for line in lines)


def test_renders_prepared_certificates_to_a_buffer() -> None:
    import io

    buffer = io.BytesIO()
    renderer = CertificateRenderer(default_design(), "Awards", "Chair Person")
    renderer.render([Certificate("E-1", "An award", "finalist", "Nominee <i>x</i>")], buffer)
    assert "Nominee <i>x</i>" in pdf_text(buffer.getvalue())[0]


def test_an_edited_design_saves_and_loads_back(tmp_path: Path) -> None:
    from dataclasses import replace

    from judgepanel.core.reports.certificates import Signature, save_design

    edited = replace(default_design(), heading='Award of "Merit"', colours={
        "primary": "#112233", "accent": "#445566", "text": "#000000"},
        signatures=(Signature("Dr Ana Núñez", "Chief Executive"),))
    path = save_design(edited, tmp_path / "edited.toml")
    assert load_design(path) == edited
