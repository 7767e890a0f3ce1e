"""Feedback for entrants: one PDF per entry, the judges' words without the judges' names.

Anonymity is kept in three ways: comments carry no author, they are sorted by their text
within each section (so their order does not follow the judges'), and any judge's name or
e-mail address that a judge wrote into a comment is replaced. Nothing about a judge goes into
the PDF's metadata.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import partial
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.progress import Progress
from judgepanel.core.reports import charts
from judgepanel.core.reports.layout import (
    NumberedCanvas,
    ReportPages,
    Target,
    para,
    safe_filename,
    unique_filenames,
)
from judgepanel.core.reports.model import AwardResult, EntryResult, JudgeInfo, ReportData
from judgepanel.core.reports.ranked import number
from judgepanel.core.reports.styles import stylesheet, table_style_commands
from judgepanel.core.safe_files import replacing

REDACTED = "[a judge]"


# Words that stand before or after a name but say nothing about who the judge is.
HONORIFICS = {"dr", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame",
              "lady", "lord", "rev", "revd", "cllr", "the", "and", "obe", "mbe", "cbe", "frcp",
              "frcs", "frcn", "phd", "rn", "jr", "snr", "jnr"}
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'"})


def fold(text: str) -> tuple[str, list[int]]:
    """`text` without accents, case or curly apostrophes, and for each character of the
    result the index of the original character it came from (to redact the original)."""
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if char.isascii():
            folded = char.lower()
        else:
            plain = unicodedata.normalize("NFKD", char.translate(APOSTROPHES))
            folded = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
        pieces.append(folded)
        origin.extend([index] * len(folded))
    return "".join(pieces), origin


def redactor(judges: list[JudgeInfo], keep: str = "") -> Callable[[str], str]:
    """A function that removes judges' names and e-mail addresses from a comment.

    Full names and e-mail addresses always go; a single first name or surname goes too,
    unless it is also a word of `keep` (the entry's own nominee, title and organisation).
    Matching ignores case and accents ("ALICE SECRETNAME", "Alicé" and "alice@SECRET.example"
    all match Alice Secretname), and a possessive ("Secretname's") loses the name too.
    """
    kept = set(re.findall(r"\w+", fold(keep)[0]))
    phrases: set[str] = set()
    for judge in judges:
        if judge.email.strip():
            phrases.add(fold(judge.email.strip())[0])
        name = fold(" ".join(judge.name.split()))[0]
        if not name:
            continue
        phrases.add(name)
        words = [w for w in re.split(r"[\s,.]+", name) if w]
        core = [w for w in words if w.strip("'-") not in HONORIFICS]
        if core:
            phrases.add(" ".join(core))  # "Alice Secretname" from "Dr Alice Secretname"
        for word in core:
            parts = {word, re.sub(r"[-']", "", word),  # O'Neill as "ONeill" or "oneill"
                     *(p for p in re.split(r"[-']", word) if len(p) >= 3)}
            for part in parts:
                if len(part) >= 3 and part not in kept and part not in HONORIFICS:
                    phrases.add(part)
    if not phrases:
        return lambda comment: comment
    ordered = sorted(phrases, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(
        re.escape(p).replace(r"\ ", r"\s+") for p in ordered) + r")(?!\w)")

    def redact(comment: str) -> str:
        folded, origin = fold(comment)
        pieces: list[str] = []
        done = 0
        for match in pattern.finditer(folded):
            if match.end() == match.start():
                continue
            start, end = origin[match.start()], origin[match.end() - 1] + 1
            while end < len(comment) and unicodedata.combining(comment[end]):
                end += 1  # a decomposed accent belongs to the letter before it
            if start < done:
                continue
            pieces += [comment[done:start], REDACTED]
            done = end
        pieces.append(comment[done:])
        return "".join(pieces)

    return redact


class FeedbackReport(ReportPages):
    """Render one entry's feedback PDF from prepared `ReportData`."""

    def __init__(self, data: ReportData) -> None:
        self.data = data
        self.styles = stylesheet()

    def _on_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self.running_head(canvas, self.data.programme, "Feedback for the entrant")

    def render(self, award: AwardResult, entry: EntryResult, target: Target) -> None:
        """Write one entry's feedback to a path or a binary buffer."""
        doc, frame = self.document(target, title=f"Feedback: {entry.entry}",
                                   author=self.data.programme, subject=award.name)
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._on_page)])
        footer = "The judges' comments are anonymised."
        doc.build(self.story(award, entry), canvasmaker=partial(NumberedCanvas, footer=footer))

    def story(self, award: AwardResult, entry: EntryResult) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [para(award.name, s["Muted"]),
                                 Paragraph("Feedback on your entry", s["Title"])]
        story.append(para(f"{entry.entry}: {entry.title}" if entry.title else entry.entry,
                          s["Subtitle"]))
        who = ", ".join(x for x in (entry.nominee, entry.organisation) if x)
        if who:
            story.append(para(who, s["Body"]))
        story.append(Spacer(1, 4 * mm))
        story.append(Paragraph(
            "Thank you for entering. Below are the judges' average scores for your entry in "
            "each section, beside the average for every entry in this award, and what the "
            "judges wrote. Comments are shown without the judges' names.", s["Body"]))
        story.append(Paragraph("Your scores", s["Heading2"]))
        rows = [[section.label, number(entry.section_means.get(section.id)),
                 number(award.section_means.get(section.id)),
                 f"{section.scale_min:g}–{section.scale_max:g}"] for section in award.sections]
        body = [[Paragraph(h, s["CellHead"]) for h in
                 ("Section", "Your entry", "Award average", "Scale")]]
        body += [[para(row[0], s["Cell"]), *row[1:]] for row in rows]
        widths = [self.frame_width - 170, 55, 65, 50]
        table = Table(body, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle([*table_style_commands(), ("ALIGN", (1, 1), (-1, -1), "CENTER")]))
        story.append(table)
        story.append(Paragraph(f"Averages of {entry.judges} judges' scores on each section's "
                               "own scale.", s["Muted"]))
        if award.sections:
            chart = charts.section_profile(award.sections, [("Your entry", entry.section_means)],
                                           award.section_means, width=self.frame_width)
            story.append(KeepTogether([Spacer(1, 4 * mm), chart]))
        story += self.comments(award, entry)
        return story

    def comments(self, award: AwardResult, entry: EntryResult) -> list[Flowable]:
        s = self.styles
        keep = " ".join((entry.nominee, entry.title, entry.organisation))
        clean = redactor(self.data.judges, keep)
        story: list[Flowable] = [Paragraph("What the judges said", s["Heading2"])]
        titles = {section.id: section.label for section in award.sections}
        written = [c for c in entry.comments if c.text.strip()]
        if not written:
            story.append(Paragraph("The judges left no written comments on this entry.",
                                   s["Body"]))
        for section_id in [*titles, ""]:
            texts = sorted(clean(c.text.strip()) for c in written if c.section == section_id)
            if not texts:
                continue
            story.append(para(titles.get(section_id, "Overall comments"), s["Label"]))
            story += [para(f"“{t}”", s["Quote"]) for t in texts]
        return story


def feedback_filename(entry: EntryResult) -> str:
    """`E-101 feedback.pdf`, made safe for Windows."""
    return f"{safe_filename(entry.entry)} feedback.pdf"


def write_feedback(data: ReportData, folder: Path | str,
                   progress: Progress | None = None) -> list[Path]:
    """One feedback PDF per entry with scores, into `folder` (made if missing)."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise JudgePanelError(f"{folder}: is a file; give a folder for the feedback")
    if not folder.parent.exists():
        raise JudgePanelError(f"{folder.parent}: no such folder")
    folder.mkdir(exist_ok=True)
    renderer = FeedbackReport(data)
    jobs = [(award, entry) for award in data.awards for entry in award.entries
            if entry.judges or entry.comments]
    written: list[Path] = []
    names = unique_filenames([(entry.entry, feedback_filename(entry)) for _, entry in jobs])
    for done, ((award, entry), name) in enumerate(zip(jobs, names, strict=True), start=1):
        path = folder / name
        with replacing(path) as partial:
            renderer.render(award, entry, partial)
        written.append(path)
        if progress:
            progress(done, len(jobs), entry.entry)
    return written
