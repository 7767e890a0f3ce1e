"""Pieces every platypus document shares: escaped paragraphs, "Page x of y", output targets,
and the page a report is set on (margins, running head)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path
from typing import IO, Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, Paragraph

from judgepanel.core.reports.script_fonts import draw_line, markup
from judgepanel.core.reports.styles import BASE_FONTS, MUTED, RULE, SANS
from judgepanel.core.spreadsheet_safety import printable

Target = str | Path | IO[bytes]
WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                    *(f"LPT{i}" for i in range(1, 10))}


def text(value: object) -> str:
    """User text made safe for a Paragraph: `<b>` prints as `<b>`, line breaks are kept,
    control characters cleaned as in every export."""
    return markup(printable(str(value)), BASE_FONTS).replace("\n", "<br/>")


def shorten(value: str, limit: int) -> str:
    """At most `limit` characters, cut at a word where one is near, ending in an ellipsis."""
    if len(value) <= limit:
        return value
    cut = value[:limit - 1]
    space = cut.rfind(" ")
    if space > limit * 2 // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…"


def para(value: object, style: ParagraphStyle) -> Paragraph:
    """A Paragraph of user text, escaped (never pass user text to Paragraph any other way)."""
    return Paragraph(text(value), style)


def target_for(target: Target) -> str | IO[bytes]:
    """reportlab takes a file name or a binary buffer; check a file's folder exists first."""
    if isinstance(target, str | Path):
        path = Path(target)
        if not path.parent.exists():
            from judgepanel.core.errors import JudgePanelError

            raise JudgePanelError(f"{path.parent}: no such folder")
        return str(path)
    return target


def safe_filename(name: str) -> str:
    """A file name Windows, macOS and Linux all accept, e.g. for `E-101 feedback.pdf`."""
    cleaned = re.sub(r'[<>:"/\\|?*\x00-\x1f]+', "-", name)
    cleaned = " ".join(cleaned.split()).strip(" .")
    if not cleaned:
        cleaned = "untitled"
    if cleaned.split(".")[0].upper() in WINDOWS_RESERVED:
        cleaned = "_" + cleaned
    return cleaned[:150]


def unique_filenames(wanted: list[tuple[str, str]]) -> list[str]:
    """File names for (entry id, wanted name) pairs, no two alike on any file system.

    Ids such as `a/b` and `a:b`, two long ids cut to the same 150 characters, or `E-1` and
    `e-1` (one file on Windows and macOS) would overwrite each other's file; a later clash
    gets a short fingerprint of its own id, so each entry keeps the same name run after run.
    """
    taken: set[str] = set()
    names: list[str] = []
    for entry, name in wanted:
        stem, dot, suffix = name.rpartition(".")
        if not dot:
            stem, suffix = name, ""
        candidate = name
        if _folded_name(candidate) in taken:
            digest = hashlib.sha256(entry.encode("utf-8", "surrogatepass")).hexdigest()[:8]
            number = 1
            while _folded_name(candidate) in taken:
                mark = digest if number == 1 else f"{digest}-{number}"
                candidate = f"{stem} ({mark}){dot}{suffix}"
                number += 1
        taken.add(_folded_name(candidate))
        names.append(candidate)
    return names


def _folded_name(name: str) -> str:
    """A name as a case-insensitive, normalising file system (Windows, macOS) compares it."""
    return unicodedata.normalize("NFC", name).casefold()


class NumberedCanvas(Canvas):
    """A canvas that holds each page until the end, then stamps "Page x of y" on it."""

    def __init__(self, *args: Any, footer: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._footer = footer

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._stamp(number, total)
            super().showPage()
        super().save()

    def _stamp(self, number: int, total: int) -> None:
        width, _ = self._pagesize
        self.saveState()
        self.setFont(SANS, 7.5)
        self.setFillColor(MUTED)
        self.drawRightString(width - 18 * 2.8346, 10 * 2.8346, f"Page {number} of {total}")
        if self._footer:
            self.drawString(18 * 2.8346, 10 * 2.8346, self._footer)
        self.restoreState()


class ReportPages:
    """The page every report is set on: A4, its margins, the running head, the document."""

    pagesize = A4
    left_margin = 20 * mm
    right_margin = 20 * mm
    top_margin = 22 * mm
    bottom_margin = 20 * mm

    @property
    def frame_width(self) -> float:
        return float(self.pagesize[0] - self.left_margin - self.right_margin)

    def document(self, target: Target, title: str, author: str,
                 subject: str) -> tuple[BaseDocTemplate, Frame]:
        """A document with these margins and PDF metadata, and the frame its pages hold."""
        doc = BaseDocTemplate(
            target_for(target), pagesize=self.pagesize, leftMargin=self.left_margin,
            rightMargin=self.right_margin, topMargin=self.top_margin,
            bottomMargin=self.bottom_margin, title=title, author=author, subject=subject,
            creator="JudgePanel", initialFontName=SANS,
        )
        return doc, Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")

    def running_head(self, canvas: Canvas, programme: str, what: str) -> None:
        """The programme at the top left, what the document is at the right, a rule beneath."""
        width, height = self.pagesize
        canvas.saveState()
        canvas.setFont(SANS, 7.5)
        canvas.setFillColor(MUTED)
        top = height - 12 * mm
        draw_line(canvas, self.left_margin, top, shorten(printable(programme), 90), SANS, 7.5)
        canvas.drawRightString(width - self.right_margin, top, what)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(self.left_margin, top - 3, width - self.right_margin, top - 3)
        canvas.restoreState()
