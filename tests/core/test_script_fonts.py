"""Names in other scripts on a certificate and in the report: the right fonts, shaped, and
no empty boxes. (The pages were also looked at as PNGs rendered with pdftoppm.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics
from test_output_names_and_long_text import award

from judgepanel.core.reports.certificates import write_certificates
from judgepanel.core.reports.model import ReportData
from judgepanel.core.reports.ranked import write_report
from judgepanel.core.reports.script_fonts import missing_glyphs, runs, shaped
from judgepanel.core.reports.styles import BASE_FONTS, SERIF_BOLD, register_fonts

NAMES = [  # nominee, organisation, the font their script needs
    ("محمد عبد الله", "مستشفى الملك فيصل", "NotoSansArabic"),
    ("דוד כהן", "בית החולים הדסה", "NotoSansHebrew"),
    ("王小明", "北京协和医院", "DroidSansFallback"),
    ("प्रिया शर्मा", "अखिल भारतीय आयुर्विज्ञान संस्थान", "NotoSansDevanagari"),
    ("Zofia Łukasiewicz-Żółć", "Szpital Wojewódzki w Łodzi", "DejaVuSerif"),
]


def page_fonts(path: Path) -> list[set[str]]:
    """The base font names each page uses, without the subset prefix."""
    found = []
    for page in PdfReader(path).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        found.append({str(ref.get_object()["/BaseFont"]).split("+")[-1]
                      for ref in fonts.values()})
    return found


@pytest.fixture
def data() -> ReportData:
    result = award([f"E-{i}" for i in range(1, len(NAMES) + 1)])
    for entry, (nominee, organisation, _) in zip(result.entries, NAMES, strict=True):
        entry.nominee, entry.organisation, entry.placement = nominee, organisation, "winner"
    return ReportData("Awards 2026", [result])


def test_each_script_on_a_certificate_is_set_in_a_font_that_has_it(data: ReportData,
                                                                   tmp_path: Path) -> None:
    written = write_certificates(data, tmp_path / "certificates", separate=True)
    for path, (nominee, _, needed) in zip(written, NAMES, strict=True):
        fonts = set().union(*page_fonts(path))
        assert any(font.startswith(needed) for font in fonts), (nominee, fonts)
        others = {"NotoSansArabic", "NotoSansHebrew", "DroidSansFallback",
                  "NotoSansDevanagari"} - {needed}
        assert not any(font.startswith(tuple(others)) for font in fonts), (nominee, fonts)


@pytest.mark.parametrize("nominee, organisation, needed", NAMES)
def test_no_character_of_a_name_falls_back_to_an_empty_box(nominee: str, organisation: str,
                                                           needed: str) -> None:
    register_fonts()
    for text in (nominee, organisation):
        assert missing_glyphs(text, BASE_FONTS) == []
        for run, fallback in runs(text, (SERIF_BOLD,)):
            if fallback is None:
                continue
            face = pdfmetrics.getFont(fallback.name).face
            drawn = str(shaped(run, fallback.name)) if fallback.shaped else run
            # Every glyph drawn is a real one: glyph 0 is the font's .notdef box.
            assert all(face.charToGlyph.get(ord(char), 0) != 0 for char in drawn), run


def test_right_to_left_runs_are_shaped_and_reversed() -> None:
    register_fonts()
    (arabic, font), = runs("محمد", BASE_FONTS)
    glyphs = str(shaped(arabic, font.name))
    # Joined letters are the presentation forms, in visual (right-to-left) order: the
    # final dal is drawn first (leftmost), the initial meem last.
    assert glyphs[0] == "\ufeaa" and glyphs[-1] == "\ufee3"
    (hebrew, font), = runs("דוד כהן", BASE_FONTS)
    assert str(shaped(hebrew, font.name)) == "ןהכ דוד"


def test_mixed_text_keeps_latin_in_dejavu_and_the_rest_in_fallbacks() -> None:
    register_fonts()
    found = [(run, font.name if font else None)
             for run, font in runs("E-1: محمد عبد الله (王小明)", BASE_FONTS)]
    assert found == [("E-1: ", None), ("محمد عبد الله", "JPArabic"), (" (", None),
                     ("王小明", "JPCJK"), (")", None)]


def test_the_ranked_report_sets_names_in_their_scripts(data: ReportData, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    write_report(data, path)
    used = set().union(*page_fonts(path))
    for *_, needed in NAMES:
        assert any(font.startswith(needed) for font in used), needed


def test_a_line_that_starts_in_arabic_is_laid_out_from_the_right() -> None:
    from judgepanel.core.reports.script_fonts import display_runs

    register_fonts()
    laid_out = [run for run, _ in display_runs("محمد عبد الله، مستشفى (E-1)", BASE_FONTS)]
    assert laid_out[-1].startswith("محمد") and laid_out[0] == "(E-1) "
    assert [run for run, _ in display_runs("E-1 محمد", BASE_FONTS)] == ["E-1 ", "محمد"]
