"""Passphrase slips: one A4 page per judge, printed and handed over apart from the pack file.

The slip names the judge, the panel and the pack's file, and shows the passphrase in large
letters grouped as words; it never carries anything of the entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

from judgepanel.core.reports.layout import para
from judgepanel.core.reports.styles import ACCENT, SANS_BOLD, stylesheet
from judgepanel.core.safe_files import replacing


@dataclass(frozen=True)
class Slip:
    """What one slip says."""

    judge: str
    panel_title: str
    pack_file: str
    passphrase: str
    expires: str = ""


def write_passphrase_slips(slips: list[Slip], target: Path | str) -> Path:
    """Write the slips to a PDF (through a temporary file); one page per judge."""
    target = Path(target)
    sheet = stylesheet()
    big = ParagraphStyle("Passphrase", parent=sheet["Body"], fontName=SANS_BOLD, fontSize=22,
                         leading=30, textColor=ACCENT, spaceBefore=6 * mm, spaceAfter=6 * mm)
    story: list[object] = []
    for number, slip in enumerate(slips):
        if number:
            story.append(PageBreak())
        story += [para("Your JudgePanel passphrase", sheet["Title"]),
                  para(slip.panel_title, sheet["Subtitle"]),
                  Spacer(0, 8 * mm),
                  para(f"For: {slip.judge}", sheet["Body"]),
                  para(f"Pack file: {slip.pack_file}", sheet["Body"]),
                  Paragraph(" ".join(f"<nobr>{word}</nobr>" for word in slip.passphrase.split()),
                            big),
                  para("Open the pack in JudgePanel and type these words when it asks. Keep "
                       "this slip apart from the pack file: never send them together. Tick "
                       "“Remember on this computer” to type it only once on your laptop.",
                       sheet["Body"])]
        if slip.expires:
            story.append(para(f"After {slip.expires} the pack opens only to be returned.",
                              sheet["Muted"]))
    with replacing(target) as partial:
        document = SimpleDocTemplate(str(partial), pagesize=A4, title="Passphrase slips",
                                     leftMargin=25 * mm, rightMargin=25 * mm,
                                     topMargin=25 * mm, bottomMargin=25 * mm)
        document.build(story)
    return target
