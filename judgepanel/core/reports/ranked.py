"""The ranked report the chair signs and the board accepts (reportlab platypus).

A renderer class in the manner of pretix's invoice renderer: page geometry as attributes, a
named stylesheet, page templates with `onPage` callbacks, the story built apart from the
rendering, and output to a path or a binary buffer.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from judgepanel.core.disagreement_flags import flag_words
from judgepanel.core.progress import Progress
from judgepanel.core.reports import charts
from judgepanel.core.reports.layout import (
    NumberedCanvas,
    ReportPages,
    Target,
    para,
    shorten,
    text,
)
from judgepanel.core.reports.model import (
    METHOD_WORDS,
    AwardResult,
    EntryResult,
    ReportData,
    long_date,
    placement_label,
)
from judgepanel.core.reports.styles import RULE, SANS, stylesheet, table_style_commands
from judgepanel.core.safe_files import replacing


def number(value: float | None, places: int = 1) -> str:
    """A score for print: one decimal, or an en dash when there is none."""
    return "–" if value is None else f"{value:.{places}f}"


def sentence(note: str) -> str:
    """A note from the results core as a sentence: capital first, full stop last."""
    note = note.strip()
    if not note:
        return note
    note = note[0].upper() + note[1:]
    return note if note.endswith((".", "!", "?")) else note + "."


def rank_label(entry: EntryResult) -> str:
    """'3', '=3' for a tie the tie-break order could not separate, '–' for no scores."""
    if entry.rank is None:
        return "–"
    return f"={entry.rank}" if "tie" in entry.flags else str(entry.rank)


class RankedReport(ReportPages):
    """Render a `ReportData` as the ranked report PDF."""

    left_margin = 18 * mm
    right_margin = 18 * mm
    # rank, entry, nominee, organisation, score, mean, SD, judges, flags, placement
    column_widths = (28, 85, 68, 70, 30, 30, 26, 38, 62, 56)

    def __init__(self, data: ReportData) -> None:
        self.data = data
        self.styles = stylesheet()

    # ----- page furniture ----------------------------------------------------------------

    def _on_body_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self.running_head(canvas, self.data.programme,
                          f"Ranked report · {long_date(self.data.day)}")

    def _document(self, target: Target) -> BaseDocTemplate:
        doc, frame = self.document(target, title=f"{self.data.programme}: ranked report",
                                   author="JudgePanel", subject="Ranked report")
        doc.addPageTemplates([
            PageTemplate(id="cover", frames=[frame]),
            PageTemplate(id="body", frames=[frame], onPage=self._on_body_page),
        ])
        return doc

    def render(self, target: Target, progress: Progress | None = None) -> None:
        """Write the PDF to a path or a binary buffer."""
        story = self.story(progress)
        doc = self._document(target)
        footer = "Confidential to the judging panel"
        doc.build(story, canvasmaker=partial(NumberedCanvas, footer=footer))

    # ----- the story ---------------------------------------------------------------------

    def story(self, progress: Progress | None = None) -> list[Flowable]:
        """The report's flowables, cover first, one part per award, the chair's sign-off last."""
        story = self.cover()
        total = len(self.data.awards)
        for done, award in enumerate(self.data.awards):
            story += self.award_part(award)
            if progress:
                progress(done + 1, total, award.name)
        story += self.sign_off()
        return story

    def cover(self) -> list[Flowable]:
        s = self.styles
        data = self.data
        names = [a.name for a in data.awards] or ["No award has entries yet"]
        judges = [f"{j.name} (chair)" if j.role == "chair" else j.name for j in data.judges]
        methods = sorted({a.method for a in data.awards})
        facts = [
            ("Award" if len(names) == 1 else "Awards", "\n".join(names)),
            ("Date", long_date(data.day)),
            ("Panel", ", ".join(judges) or "No judges recorded"),
            ("Ranking method", "; ".join(METHOD_WORDS.get(m, m) for m in methods) or "–"),
            ("Entries", str(sum(len(a.entries) for a in data.awards))),
        ]
        if data.left_out:
            facts.append(("Left out", "\n".join(data.left_out) + "\n(no entries, so nothing "
                          "to rank)"))
        table = Table([[para(k, s["Label"]), para(v, s["Body"])] for k, v in facts],
                      colWidths=(38 * mm, self.frame_width - 38 * mm), splitInRow=1)
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), SANS, 9),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                                   ("TOPPADDING", (0, 0), (-1, -1), 6),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
        return [
            Spacer(1, 40 * mm), para(data.programme, s["Title"]),
            Paragraph("Ranked report of the judging panel", s["Subtitle"]),
            Spacer(1, 10 * mm), table, Spacer(1, 12 * mm),
            Paragraph("This report sets out the panel's ranking for each award, how far the "
                      "judges agreed, the declared conflicts of interest, and the decisions "
                      "and moderated scores with their reasons. It ends with the chair's "
                      "sign-off.", s["Muted"]),
            NextPageTemplate("body"),
        ]

    def award_part(self, award: AwardResult) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [PageBreak(), para(award.name, s["Heading1"])]
        if award.organiser:
            story.append(para(award.organiser, s["Muted"]))
        scored = sum(1 for e in award.entries if e.rank is not None)
        story.append(para(
            f"{len(award.entries)} entries, {scored} of them scored. Ranked by the "
            f"{METHOD_WORDS.get(award.method, award.method)}.", s["Body"]))
        if award.tie_break:
            order = "; then ".join(award.tie_break)
            story.append(para(f"Tie-break order, declared before judging: {order}. Entries "
                              "it cannot separate share a rank, shown as “=”.", s["Body"]))
        else:
            story.append(Paragraph("No tie-break order was declared: entries with equal "
                                   "scores share a rank, shown as “=”.", s["Body"]))
        for note in award.notes:
            story.append(para(sentence(note), s["Muted"]))
        if award.first_round:
            story += [Spacer(1, 4 * mm), para(award.first_round, s["Heading2"])]
        story += [Spacer(1, 4 * mm), self.ranked_table(award)]
        if any(e.override is not None for e in award.entries):
            story.append(Paragraph("† moderated score: see “Overrides” below.", s["Muted"]))
        story += self.rounds(award)
        story += self.reliability(award)
        story += self.charts(award)
        story += self.records(award)
        for entry in award.placed:
            story += self.entry_page(award, entry)
        return story

    def rounds(self, award: AwardResult) -> list[Flowable]:
        """Each later round's table, then each finalist's path through the rounds."""
        if not award.rounds:
            return []
        s = self.styles
        story: list[Flowable] = []
        width = self.frame_width
        for heading, lines in award.rounds:
            story += [Spacer(1, 6 * mm), CondPageBreak(40 * mm), para(heading, s["Heading2"])]
            rows: list[list[object]] = [[Paragraph(h, s["CellHead"]) for h in
                                         ("Rank", "Entry", "Title", "Score", "Placement")]]
            for rank, entry, title, score, placement in lines:
                rows.append(["–" if rank is None else str(rank),
                             para(shorten(entry, 40), s["Cell"]),
                             para(shorten(title, 100), s["Cell"]), number(score),
                             Paragraph(placement_label(placement), s["CellSmall"])])
            if len(rows) == 1:
                story.append(para("No entries in this round yet.", s["Muted"]))
                continue
            table = Table(rows, repeatRows=1, colWidths=(
                12 * mm, 24 * mm, width - 80 * mm, 16 * mm, 28 * mm))
            commands = table_style_commands()
            commands += [("ALIGN", (3, 1), (3, -1), "RIGHT")]
            table.setStyle(TableStyle(commands))
            story.append(table)
        placements = {e.entry: e.placement for e in award.entries}
        story += [Spacer(1, 6 * mm), CondPageBreak(30 * mm),
                  para("Each finalist's path", s["Heading2"])]
        for entry, path in award.paths.items():
            placed = placement_label(placements.get(entry))
            story.append(Paragraph(f"<b>{text(entry)}</b>"
                                   f"{f' ({text(placed)})' if placed else ''}: {text(path)}",
                                   s["Body"]))
        return story

    def ranked_table(self, award: AwardResult) -> Table:
        s = self.styles
        heads = ["Rank", "Entry", "Nominee", "Organisation", "Score", "Mean", "SD", "Judges",
                 "Flags", "Placement"]
        rows: list[list[object]] = [[Paragraph(h, s["CellHead"]) for h in heads]]
        cell = s["Cell"]
        for e in award.entries:
            # A table row cannot run over a page: long text is shortened here and printed in
            # full on the entry's own page (and kept in full in the data).
            title, entry_id = shorten(e.title, 60), shorten(e.entry, 40)
            entry_cell = Paragraph(f"<b>{text(entry_id)}</b><br/>{text(title)}"
                                   if title else f"<b>{text(entry_id)}</b>", cell)
            score = number(e.score) + ("†" if e.override is not None else "")
            rows.append([rank_label(e), entry_cell, para(shorten(e.nominee, 120), cell),
                         para(shorten(e.organisation, 120), cell), score, number(e.mean),
                         number(e.sd), str(e.judges), para(flag_words(e.flags), s["CellSmall"]),
                         Paragraph(placement_label(e.placement), s["CellSmall"])])
        table = Table(rows, colWidths=self.column_widths, repeatRows=1)
        commands = table_style_commands()
        commands += [("ALIGN", (4, 1), (7, -1), "RIGHT"),
                     ("LEFTPADDING", (0, 0), (-1, -1), 3),
                     ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
        table.setStyle(TableStyle(commands))
        return table

    def reliability(self, award: AwardResult) -> list[Flowable]:
        s = self.styles
        lines = award.reliability or ["Not enough scores yet to measure agreement."]
        block: list[Flowable] = [Paragraph("How far the judges agree", s["Heading2"])]
        block += [Paragraph(text(line), s["Bullet"], bulletText="•") for line in lines]
        return [KeepTogether(block)]

    def charts(self, award: AwardResult) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = []
        finalists = award.placed or [e for e in award.entries if e.rank is not None][:3]
        if finalists and award.sections:
            title = ("Section profile of the placed entries" if award.placed
                     else "Section profile of the top three entries")
            series = [(f"{e.entry} {e.nominee or e.title}", e.section_means)
                      for e in finalists[:6]]
            chart = charts.section_profile(award.sections, series, award.section_means,
                                           width=self.frame_width)
            story.append(KeepTogether([Paragraph(title, s["Heading2"]), chart]))
        if award.judge_totals:
            chart = charts.judge_distributions(award.judge_totals, width=self.frame_width)
            story.append(KeepTogether([
                Paragraph("The judges' totals", s["Heading2"]),
                Paragraph("Each dot is one judge's total for one entry; the red bar is that "
                          "judge's mean and the dashed line the panel's.", s["Muted"]),
                chart]))
        return story

    def _record_table(self, heads: list[str], rows: list[list[str]],
                      widths: list[float]) -> Table:
        s = self.styles
        body = [[Paragraph(h, s["CellHead"]) for h in heads]]
        body += [[para(value, s["Cell"]) for value in row] for row in rows]
        scale = self.frame_width / sum(widths)
        table = Table(body, colWidths=[w * scale for w in widths], repeatRows=1, splitInRow=1)
        table.setStyle(TableStyle(table_style_commands()))
        return table

    def records(self, award: AwardResult) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [CondPageBreak(50 * mm),
                                 Paragraph("Declared conflicts of interest", s["Heading2"])]
        if award.conflicts:
            story.append(self._record_table(
                ["Judge", "Entry", "Reason", "Declared by"],
                [[c.judge, c.entry, c.reason, c.declared_by] for c in award.conflicts],
                [90, 60, 230, 70]))
            story.append(Paragraph("A conflicted judge's scores for that entry do not count.",
                                   s["Muted"]))
        else:
            story.append(Paragraph("None declared.", s["Body"]))
        story.append(Paragraph("Decisions", s["Heading2"]))
        if award.decisions:
            story.append(self._record_table(
                ["Entry", "Placement", "Reason", "Decided by", "Date"],
                [[d.entry, placement_label(d.placement), d.reason, d.decided_by,
                  _day(d.decided_at)] for d in award.decisions],
                [50, 65, 180, 95, 60]))
        else:
            story.append(Paragraph("No decisions recorded yet.", s["Body"]))
        story.append(Paragraph("Overrides", s["Heading2"]))
        if award.overrides:
            story.append(self._record_table(
                ["Entry", "Computed", "Moderated", "Reason", "Decided by", "Date"],
                [[o.entry, number(o.old_value), number(o.new_value), o.reason, o.decided_by,
                  _day(o.decided_at)] for o in award.overrides],
                [50, 50, 55, 160, 95, 60]))
        else:
            story.append(Paragraph("No scores were overridden: every score is as computed.",
                                   s["Body"]))
        return story

    def entry_page(self, award: AwardResult, entry: EntryResult) -> list[Flowable]:
        s = self.styles
        heading = f"{placement_label(entry.placement)}: {entry.entry}"
        story: list[Flowable] = [PageBreak(), para(heading, s["Heading1"])]
        if entry.title:
            story.append(para(entry.title, s["Subtitle"]))
        who = ", ".join(x for x in (entry.nominee, entry.organisation) if x)
        if who:
            story.append(para(who, s["Body"]))
        story.append(para(
            f"Rank {rank_label(entry)} of {len(award.entries)} · score {number(entry.score)}"
            f" · mean {number(entry.mean)} · SD {number(entry.sd)} · {entry.judges} judges"
            f"{' in the first round' if award.first_round else ''}", s["Muted"]))
        if entry.entry in award.paths:
            story.append(para(f"Through the rounds: {award.paths[entry.entry]}.", s["Body"]))
        for note in award.round_notes.get(entry.entry, []):
            story.append(para(f"The panel's note, {note}", s["Body"]))
        story.append(Paragraph("Section averages", s["Heading2"]))
        rows = [[section.label, number(entry.section_means.get(section.id)),
                 number(award.section_means.get(section.id)),
                 f"{section.scale_min:g}–{section.scale_max:g}"] for section in award.sections]
        story.append(self._record_table(["Section", "This entry", "Award average", "Scale"],
                                        rows, [300, 60, 70, 50]))
        if entry.evidence is not None:
            story += self.evidence(entry)
        if entry.documents:
            story.append(Paragraph("Supporting documents", s["Heading2"]))
            for name, pages in entry.documents:
                count = f" ({pages} page{'s' if pages != 1 else ''})" if pages else ""
                story.append(para(f"{name}{count}", s["Body"]))
        story.append(Paragraph("The panel's comments", s["Heading2"]))
        titles = {section.id: section.label for section in award.sections}
        if not entry.comments:
            story.append(Paragraph("No comments were written.", s["Body"]))
        for section_id in [*titles, ""]:
            comments = [c for c in entry.comments if c.section == section_id and c.text.strip()]
            if not comments:
                continue
            story.append(para(titles.get(section_id, "Overall"), s["Label"]))
            for comment in comments:
                story.append(Paragraph(f"“{text(comment.text.strip())}” "
                                       f"<font color='#5f6b7a'>— {text(comment.judge)}</font>",
                                       s["Quote"]))
        return story

    def evidence(self, entry: EntryResult) -> list[Flowable]:
        """The four framework domains: how many behaviours the judges tagged, and which."""
        s = self.styles
        evidence = entry.evidence
        assert evidence is not None
        story: list[Flowable] = [Paragraph("Systems Leadership framework: evidence tagged by "
                                           "the judges", s["Heading2"])]
        if not evidence.tagged:
            story.append(Paragraph("No behaviours tagged.", s["Body"]))
            return story
        rows: list[list[object]] = [[Paragraph(h, s["CellHead"]) for h in
                                     ("Domain", "Evidenced", "Behaviours tagged")]]
        for domain in evidence.domains:
            lines = [f"<b>{text(b.id)}</b> {text(b.text)} "
                     f"<font color='#5f6b7a'>({b.judges_words})</font>"
                     for b in domain.behaviours]
            rows.append([para(domain.name, s["Cell"]), str(domain.count),
                         Paragraph("<br/>".join(lines), s["CellSmall"]) if lines
                         else Paragraph("No behaviours tagged", s["CellSmall"])])
        scale = self.frame_width / 480
        table = Table(rows, colWidths=[w * scale for w in (120, 50, 310)], repeatRows=1)
        commands = table_style_commands()
        commands += [("ALIGN", (1, 1), (1, -1), "RIGHT")]
        table.setStyle(TableStyle(commands))
        story.append(table)
        if evidence.notes:
            story.append(para(f"{len(evidence.notes)} tag(s) not in the framework were "
                              "ignored.", s["Muted"]))
        return story

    def sign_off(self) -> list[Flowable]:
        s = self.styles
        chair = self.data.chair
        line = "_" * 38
        rows = [[Paragraph("Chair of the panel", s["Label"]),
                 para(chair or line, s["Body"])],
                [Paragraph("Signature", s["Label"]), Paragraph(line, s["Body"])],
                [Paragraph("Date", s["Label"]), Paragraph(line, s["Body"])]]
        table = Table(rows, colWidths=(45 * mm, 90 * mm), hAlign="LEFT")
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), SANS, 9),
                                   ("TOPPADDING", (0, 0), (-1, -1), 10),
                                   ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
        block = [Paragraph("Sign-off", s["Heading1"]),
                 Paragraph("I confirm that this report records the panel's ranking, its "
                           "decisions and every moderated score, with their reasons, and that "
                           "declared conflicts of interest were respected.", s["Body"]),
                 Spacer(1, 6 * mm), table]
        if self.data.audit_head:
            block += [Spacer(1, 6 * mm), para(
                f"Audit log head: {self.data.audit_head}. The panel's history as signed here "
                "ends in this fingerprint; `judgepanel audit` shows it, and a later change to "
                "that history gives a different one.", s["Muted"])]
        return [CondPageBreak(90 * mm), Spacer(1, 8 * mm), KeepTogether(block)]


def _day(stamp: str) -> str:
    """An ISO timestamp from the panel as '22 November 2026'."""
    from datetime import date

    try:
        return long_date(date.fromisoformat(stamp[:10]))
    except ValueError:
        return stamp


def write_report(data: ReportData, target: Target, progress: Progress | None = None) -> None:
    """Render the ranked report for `data` to a path or binary buffer.

    A path is written through a temporary file, so a failure leaves the previous report.
    """
    if isinstance(target, str | Path):
        with replacing(target) as partial:
            RankedReport(data).render(partial, progress)
    else:
        RankedReport(data).render(target, progress)

