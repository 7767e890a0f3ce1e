"""Fonts and the named stylesheet shared by every PDF JudgePanel prints.

The DejaVu fonts ship with the application and are embedded in each PDF, so names with
ł, é or ’ print the same on any printer; names in Arabic, Hebrew, Devanagari or Chinese are
set in bundled fallback fonts (see script_fonts.py). They are registered once per process.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from judgepanel.core.reports.script_fonts import register_fallback_fonts
from judgepanel.core.resources import resource_path

SANS = "JPSans"
SANS_BOLD = "JPSans-Bold"
SERIF = "JPSerif"
SERIF_BOLD = "JPSerif-Bold"
SERIF_ITALIC = "JPSerif-Italic"

BASE_FONTS = (SANS, SANS_BOLD, SERIF, SERIF_BOLD, SERIF_ITALIC)
FONT_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SERIF: "DejaVuSerif.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
    SERIF_ITALIC: "DejaVuSerif-Italic.ttf",
}

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#5f6b7a")
ACCENT = colors.HexColor("#1d4e89")
RULE = colors.HexColor("#c5ccd6")
BAND = colors.HexColor("#eef2f7")


@cache
def register_fonts() -> None:
    """Register the bundled TTF fonts with reportlab (once; later calls do nothing)."""
    for name, filename in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
    pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS,
                                  boldItalic=SANS_BOLD)
    pdfmetrics.registerFontFamily(SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC,
                                  boldItalic=SERIF_BOLD)
    register_fallback_fonts()


@cache
def stylesheet() -> StyleSheet1:
    """The report's named paragraph styles (built once; treat them as read-only)."""
    register_fonts()
    sheet = StyleSheet1()
    base = ParagraphStyle("Body", fontName=SANS, fontSize=9.5, leading=13, textColor=INK,
                          bulletFontName=SANS)
    sheet.add(base)
    sheet.add(ParagraphStyle("Small", parent=base, fontSize=8, leading=10.5))
    sheet.add(ParagraphStyle("Muted", parent=base, fontSize=8.5, leading=11, textColor=MUTED))
    sheet.add(ParagraphStyle("Cell", parent=base, fontSize=8, leading=9.6))
    sheet.add(ParagraphStyle("CellRight", parent=base, fontSize=8, leading=9.6,
                             alignment=TA_RIGHT))
    sheet.add(ParagraphStyle("CellSmall", parent=base, fontSize=7.5, leading=9.2))
    sheet.add(ParagraphStyle("CellHead", parent=base, fontName=SANS_BOLD, fontSize=7.5,
                             leading=9, textColor=colors.white))
    sheet.add(ParagraphStyle("Title", parent=base, fontName=SERIF_BOLD, fontSize=26,
                             leading=32, textColor=ACCENT, spaceAfter=6))
    sheet.add(ParagraphStyle("Subtitle", parent=base, fontName=SERIF, fontSize=15,
                             leading=20, textColor=INK, spaceAfter=14))
    sheet.add(ParagraphStyle("Heading1", parent=base, fontName=SERIF_BOLD, fontSize=17,
                             leading=22, textColor=ACCENT, spaceBefore=4, spaceAfter=8))
    sheet.add(ParagraphStyle("Heading2", parent=base, fontName=SANS_BOLD, fontSize=11.5,
                             leading=15, textColor=INK, spaceBefore=10, spaceAfter=4))
    sheet.add(ParagraphStyle("Label", parent=base, fontName=SANS_BOLD, fontSize=8,
                             leading=10, textColor=MUTED, spaceBefore=6))
    sheet.add(ParagraphStyle("Quote", parent=base, leftIndent=10, borderPadding=0,
                             spaceAfter=4))
    sheet.add(ParagraphStyle("Bullet", parent=base, leftIndent=12, bulletIndent=2,
                             spaceAfter=3))
    sheet.add(ParagraphStyle("Centre", parent=base, alignment=TA_CENTER))
    sheet.add(ParagraphStyle("Left", parent=base, alignment=TA_LEFT))
    return sheet


def table_style_commands(header_rows: int = 1) -> list[tuple[object, ...]]:
    """The house look of a data table: a dark header band, thin rules, zebra stripes."""
    return [
        ("FONT", (0, 0), (-1, -1), SANS, 8, 9.6),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), ACCENT),
        ("TEXTCOLOR", (0, 0), (-1, header_rows - 1), colors.white),
        ("FONT", (0, 0), (-1, header_rows - 1), SANS_BOLD, 8, 9.6),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.25, RULE),
        ("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [colors.white, BAND]),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
