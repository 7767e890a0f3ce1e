"""The ranked report for 1,000 entries against bare platypus laying out the same table.

Both runs start from prepared data, so the ratio is what our report adds to the rendering
(cover, charts, placed entries' pages, records, "Page x of y") over the table alone.
"""

from __future__ import annotations

import io
import random
import time
from datetime import date

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
from run import result

from judgepanel.core.reports.model import (
    AwardResult,
    Comment,
    EntryResult,
    JudgeInfo,
    ReportData,
    SectionInfo,
)
from judgepanel.core.reports.ranked import RankedReport
from judgepanel.core.reports.styles import stylesheet

JUDGE_NAMES = ["Zofia Głowacka", "René Dubois", "Siobhán O’Neill", "Tom Baker", "Ama Mensah"]


def prepared(entries: int, seed: int = 1) -> ReportData:
    """A finished award with `entries` entries, three placed, as the gatherer would give it."""
    rng = random.Random(seed)
    sections = [SectionInfo(f"Q{i}", f"Section {i} of the award form") for i in range(1, 6)]
    rows = []
    for number in range(entries):
        means = {s.id: rng.uniform(2, 9) for s in sections}
        score = 10 * sum(means.values()) / len(means)
        rows.append(EntryResult(
            rank=None, entry=f"E-{1000 + number}", title=f"Improving care pathway {number}",
            nominee=f"Nominee Łukasz {number}", organisation=f"Trust & Partners {number % 40}",
            score=score, mean=score, median=score, sd=rng.uniform(2, 12), judges=3,
            flags=["range"] if number % 9 == 0 else [], section_means=means,
            comments=[Comment(JUDGE_NAMES[0], "Q1", "Clear evidence of impact.")]))
    rows.sort(key=lambda e: -(e.score or 0))
    for rank, row in enumerate(rows, start=1):
        row.rank = rank
    for row, placement in zip(rows, ("winner", "highly-commended", "finalist"), strict=False):
        row.placement = placement
    award = AwardResult(
        award="bench", name="Leading Systems Transformation", method="bias", sections=sections,
        entries=rows, tie_break=["the bias-corrected score", "the median"],
        section_means={s.id: 5.5 for s in sections},
        judge_totals={name: [rng.uniform(30, 90) for _ in range(entries * 3 // 5)]
                      for name in JUDGE_NAMES},
        reliability=["Krippendorff's α (interval) is 0.71: judges agree moderately."])
    return ReportData("Benchmark Awards 2026", [award],
                      [JudgeInfo(n, role="chair" if i == 0 else "judge")
                       for i, n in enumerate(JUDGE_NAMES)], date(2026, 11, 22))


def bare_table(data: ReportData) -> bytes:
    """The same ranked table laid out with plain platypus and nothing else."""
    cell = stylesheet()["Cell"]
    rows: list[list[object]] = [["Rank", "Entry", "Nominee", "Organisation", "Score", "Mean",
                                 "SD", "Judges", "Flags", "Placement"]]
    for e in data.awards[0].entries:
        rows.append([str(e.rank), Paragraph(f"{e.entry}<br/>{e.title}", cell),
                     Paragraph(e.nominee, cell), Paragraph(e.organisation, cell),
                     f"{e.score:.1f}", f"{e.mean:.1f}", f"{e.sd:.1f}", str(e.judges),
                     Paragraph(", ".join(e.flags), cell), Paragraph(e.placement or "", cell)])
    table = Table(rows, colWidths=(28, 93, 72, 72, 34, 32, 26, 36, 42, 58), repeatRows=1)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "JPSans", 8)]))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                      topMargin=22 * mm, bottomMargin=20 * mm).build([table])
    return buffer.getvalue()


def ours(data: ReportData) -> bytes:
    buffer = io.BytesIO()
    RankedReport(data).render(buffer)
    return buffer.getvalue()


def best_ms(work, data: ReportData, repeats: int) -> float:  # noqa: ANN001
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work(data)
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def run(quick: bool) -> list[dict]:
    entries = 200 if quick else 1000
    data = prepared(entries)
    ours(prepared(20))  # load fonts and modules outside the timing
    bare_table(prepared(20))
    repeats = 2 if quick else 3
    product = best_ms(ours, data, repeats)
    baseline = best_ms(bare_table, data, repeats)
    return [result("report", product, "ms", baseline, product / baseline, "ratio <= 3",
                   entries=entries)]


if __name__ == "__main__":
    import sys

    print(run("--quick" in sys.argv))
