"""1,000 certificates against a bare reportlab canvas drawing the same strings on each page."""

from __future__ import annotations

import io
import time
from datetime import date

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas
from run import result

from judgepanel.core.reports.certificates import Certificate, CertificateRenderer, default_design
from judgepanel.core.reports.model import PLACEMENTS
from judgepanel.core.reports.styles import SERIF, SERIF_BOLD, register_fonts

PROGRAMME = "Benchmark Awards 2026"
CHAIR = "Zofia Głowacka"


def prepared(count: int) -> list[Certificate]:
    return [Certificate(f"E-{1000 + n}", "Leading Systems Transformation",
                        PLACEMENTS[n % 3], f"Nominee Łukasz Brontë {n}",
                        f"Trust & Partners {n % 40}") for n in range(count)]


def ours(certificates: list[Certificate]) -> bytes:
    buffer = io.BytesIO()
    CertificateRenderer(default_design(), PROGRAMME, CHAIR, date(2026, 11, 22)).render(
        certificates, buffer)
    return buffer.getvalue()


def bare_canvas(certificates: list[Certificate]) -> bytes:
    """The same words on each page with plain drawCentredString calls, nothing else."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=landscape(A4), initialFontName=SERIF)
    labels = default_design().placements
    for c in certificates:
        for y, font, size, words in (
                (417, SERIF_BOLD, 22, PROGRAMME), (395, SERIF, 11, "CERTIFICATE OF AWARD"),
                (339, SERIF_BOLD, 42, labels[c.placement]), (311, SERIF, 17, c.award),
                (281, SERIF, 11, "presented to"), (243, SERIF_BOLD, 32, c.nominee),
                (211, SERIF, 15, c.organisation), (103, SERIF_BOLD, 11, CHAIR),
                (90, SERIF, 9.5, "Chair of the judging panel"),
                (90, SERIF, 9.5, "On behalf of the organisers"),
                (103, SERIF, 11, "22 November 2026")):
            canvas.setFont(font, size)
            canvas.drawCentredString(421, y, words)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def best_ms(work, certificates: list[Certificate], repeats: int) -> float:  # noqa: ANN001
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work(certificates)
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def run(quick: bool) -> list[dict]:
    register_fonts()
    count = 200 if quick else 1000
    certificates = prepared(count)
    ours(prepared(3))
    bare_canvas(prepared(3))
    repeats = 2 if quick else 3
    product = best_ms(ours, certificates, repeats)
    baseline = best_ms(bare_canvas, certificates, repeats)
    return [result("certificates", product, "ms", baseline, product / baseline, "ratio <= 2",
                   certificates=count)]
