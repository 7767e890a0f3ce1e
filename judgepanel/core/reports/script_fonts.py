"""Names in other scripts: a fallback font for each character DejaVu lacks, and shaping.

NHS staff names come in Arabic, Hebrew, Chinese, Devanagari and more. DejaVu has no glyphs
for most of them, so each run of such characters is set in a bundled Noto font (Arabic,
Hebrew, Devanagari) or Droid Sans Fallback (Chinese, Japanese, Korean). Arabic, Hebrew and
Devanagari runs are shaped with HarfBuzz (joined letters, conjuncts, right to left) through
reportlab's own shaping support; a right-to-left run is placed as one unit within a
left-to-right line. Characters no bundled font has (emoji) stay in DejaVu.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Group, String
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedStr, TTFont

from judgepanel.core.resources import resource_path


@dataclass(frozen=True)
class Fallback:
    """A bundled font for one script (or, with no ranges, for whatever it covers)."""

    name: str
    bold: str
    file: str
    bold_file: str
    ranges: tuple[tuple[int, int], ...] = ()
    shaped: bool = False
    right_to_left: bool = False


FALLBACKS = (
    Fallback("JPArabic", "JPArabic-Bold", "NotoSansArabic-Regular.ttf",
             "NotoSansArabic-Bold.ttf",
             ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF),
              (0xFE70, 0xFEFF)), shaped=True, right_to_left=True),
    Fallback("JPHebrew", "JPHebrew-Bold", "NotoSansHebrew-Regular.ttf",
             "NotoSansHebrew-Bold.ttf", ((0x0590, 0x05FF), (0xFB1D, 0xFB4F)),
             shaped=True, right_to_left=True),
    Fallback("JPDevanagari", "JPDevanagari-Bold", "NotoSansDevanagari-Regular.ttf",
             "NotoSansDevanagari-Bold.ttf", ((0x0900, 0x097F), (0xA8E0, 0xA8FF)),
             shaped=True),
    Fallback("JPCJK", "JPCJK", "DroidSansFallbackFull.ttf", "DroidSansFallbackFull.ttf"),
)
BY_NAME = {f.name: f for f in FALLBACKS} | {f.bold: f for f in FALLBACKS}
# HarfBuzz features: kerning and the required ligatures, but not the discretionary ones
# (which would turn a plain "محمد" into a ligature with vowel marks the entrant never typed).
FEATURES = {"kern": True, "liga": True, "dlig": False}
JOINERS = {"\u200c", "\u200d"}
BEYOND_BASE = re.compile("[\u0590-\u1fff\u2070-\U0010ffff]")


def register_fallback_fonts() -> None:
    """Register the fallback fonts with reportlab (styles.register_fonts calls this once)."""
    for fallback in FALLBACKS:
        for name, file in ((fallback.name, fallback.file), (fallback.bold, fallback.bold_file)):
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
        # In a Paragraph a run is always set in the regular face: its shaped glyphs belong
        # to that face, so <b> must not swap it for the bold one.
        pdfmetrics.registerFontFamily(fallback.name, normal=fallback.name, bold=fallback.name,
                                      italic=fallback.name, boldItalic=fallback.name)


@cache
def _covered(font_name: str) -> frozenset[int]:
    return frozenset(pdfmetrics.getFont(font_name).face.charToGlyph)


@cache
def _base_coverage(base_fonts: tuple[str, ...]) -> frozenset[int]:
    covered = _covered(base_fonts[0])
    for name in base_fonts[1:]:
        covered &= _covered(name)
    return covered


def _script_font(code: int) -> Fallback | None:
    for fallback in FALLBACKS:
        if any(low <= code <= high for low, high in fallback.ranges):
            return fallback
    return None


def fallback_for(char: str, base_fonts: tuple[str, ...]) -> Fallback | None:
    """The fallback font for one character, or None when the base fonts have it (or nobody
    does: then it stays in the base font)."""
    return _fallback_for(ord(char), base_fonts)


@cache
def _fallback_for(code: int, base_fonts: tuple[str, ...]) -> Fallback | None:
    script = _script_font(code)
    if script is not None:
        return script
    if code in _base_coverage(base_fonts):
        return None
    for fallback in FALLBACKS:
        if not fallback.ranges and code in _covered(fallback.name):
            return fallback
    return None


def runs(text: str, base_fonts: tuple[str, ...]) -> list[tuple[str, Fallback | None]]:
    """`text` cut into runs that share a font; spaces, marks and joiners between two
    characters of one script stay in that script's run, so it is shaped as a whole."""
    fonts = [fallback_for(char, base_fonts) for char in text]
    strong = [not _neutral(char) for char in text]
    before: list[Fallback | None] = []
    last: Fallback | None = None
    for index in range(len(text)):
        before.append(last)
        if strong[index]:
            last = fonts[index]
    after: list[Fallback | None] = [None] * len(text)
    last = None
    for index in range(len(text) - 1, -1, -1):
        after[index] = last
        if strong[index]:
            last = fonts[index]
    for index, char in enumerate(text):
        font = before[index]
        if not strong[index] and font is not None and font is after[index] \
                and ord(char) in _covered(font.name):
            fonts[index] = font
    found: list[tuple[str, Fallback | None]] = []
    for char, font in zip(text, fonts, strict=True):
        if found and found[-1][1] is font:
            found[-1] = (found[-1][0] + char, font)
        else:
            found.append((char, font))
    return found


def display_runs(line: str, base_fonts: tuple[str, ...]) -> list[tuple[str, Fallback | None]]:
    """The runs of one line in the order they are drawn, left to right: a line whose first
    letter is Arabic or Hebrew reads from the right, so its runs are laid out reversed."""
    found = runs(line, base_fonts)
    first = next((font for run, font in found if any(not _neutral(c) for c in run)), None)
    if first is None or not first.right_to_left:
        return found
    # Reversed, the space that led a run now trails it: " (E-1)" is drawn as "(E-1) ".
    return [(_swap_spaces(run) if font is None else run, font) for run, font in found[::-1]]


def _swap_spaces(run: str) -> str:
    core = run.strip(" ")
    if not core:
        return run
    leading = len(run) - len(run.lstrip(" "))
    trailing = len(run) - len(run.rstrip(" "))
    return " " * trailing + core + " " * leading


def _neutral(char: str) -> bool:
    return char in JOINERS or unicodedata.category(char)[0] in "ZPM"


def needs_fallback(text: str) -> bool:
    """Quick test: only a character beyond Latin, Greek and Cyrillic that is not general
    punctuation (… – ’ “) can need another font."""
    return BEYOND_BASE.search(text) is not None


def shaped(text: str, font_name: str, size: float = 10.0) -> ShapedStr | str:
    """A run shaped by HarfBuzz, in visual order (right to left runs reversed)."""
    from reportlab.pdfbase.ttfonts import shapeFragWord
    from reportlab.platypus.paragraph import ABag

    word = [pdfmetrics.stringWidth(text, font_name, size),
            (ABag(fontName=font_name, fontSize=size), text)]
    try:
        result = shapeFragWord(word, features=FEATURES)
    except (ValueError, AttributeError):  # no uharfbuzz: unshaped, but the right glyphs
        return text
    return result[1][1] if len(result) == 2 else "".join(str(part[1]) for part in result[1:])


def markup(text: str, base_fonts: tuple[str, ...]) -> str:
    """Escaped Paragraph markup for user text, each foreign run in its fallback font."""
    if not needs_fallback(text):
        return escape(text)
    if "\n" in text:
        return "\n".join(markup(line, base_fonts) for line in text.split("\n"))
    pieces = []
    for run, font in display_runs(text, base_fonts):
        if font is None:
            pieces.append(escape(run))
            continue
        shown = str(shaped(run, font.name)) if font.shaped else run
        pieces.append(f'<font name="{font.name}">{escape(shown)}</font>')
    return "".join(pieces)


def _run_font(font: Fallback, base: str) -> str:
    return font.bold if "Bold" in base else font.name


def line_width(text: str, base: str, size: float) -> float:
    """The printed width of a line drawn with `draw_line`."""
    if not needs_fallback(text):
        return float(pdfmetrics.stringWidth(text, base, size))
    total = 0.0
    for run, font in runs(text, (base,)):
        if font is None:
            total += pdfmetrics.stringWidth(run, base, size)
        else:
            total += _shaped_width(run, _run_font(font, base), size, font.shaped)
    return total


def _shaped_width(run: str, name: str, size: float, shape: bool) -> float:
    drawn = shaped(run, name, size) if shape else run
    if isinstance(drawn, ShapedStr):
        return float(sum(data.x_advance for data in drawn.__shapeData__) * size / 1000)
    return float(pdfmetrics.stringWidth(drawn, name, size))


def draw_line(canvas: object, x: float, y: float, text: str, base: str, size: float,
              align: str = "left") -> None:
    """Draw one line on a reportlab canvas, foreign runs in their fallback fonts, shaped."""
    width = line_width(text, base, size)
    start = {"left": x, "centre": x - width / 2, "right": x - width}[align]
    for run, font in display_runs(text, (base,)) if needs_fallback(text) else [(text, None)]:
        name = base if font is None else _run_font(font, base)
        drawn = shaped(run, name, size) if font is not None and font.shaped else run
        canvas.setFont(name, size)  # type: ignore[attr-defined]
        canvas.drawString(start, y, drawn)  # type: ignore[attr-defined]
        start += (pdfmetrics.stringWidth(run, base, size) if font is None
                  else _shaped_width(run, name, size, font.shaped))
    canvas.setFont(base, size)  # type: ignore[attr-defined]


def missing_glyphs(text: str, base_fonts: tuple[str, ...]) -> list[str]:
    """Characters that no bundled font can print (they would show as empty boxes)."""
    missing = []
    for run, font in runs(text, base_fonts):
        names = base_fonts if font is None else (font.name,)
        for char in run:
            if char.isspace() or char in JOINERS or unicodedata.category(char) == "Cc":
                continue
            if not any(ord(char) in _covered(name) for name in names):
                missing.append(char)
    return missing


def chart_label(x: float, y: float, text: str, base: str, size: float, colour: object) -> Group:
    """A chart label (reportlab graphics), each foreign run a String in its fallback font."""
    group = Group()
    pieces = display_runs(text, (base,)) if needs_fallback(text) else [(text, None)]
    for run, font in pieces:
        name = base if font is None else _run_font(font, base)
        drawn = shaped(run, name, size) if font is not None and font.shaped else run
        group.add(String(x, y, drawn, fontName=name, fontSize=size, fillColor=colour))
        x += (pdfmetrics.stringWidth(run, base, size) if font is None
              else _shaped_width(run, name, size, font.shaped))
    return group
