"""Supporting documents for the demo's fictional entries, drawn with reportlab and Pillow.

A one-page letter of support, a six-page evaluation with a chart and a photograph, so a new
user sees what a judge sees beside an entry. The same makers give the tests and benchmarks
their PDFs (any number of pages, with text to search).
"""

from __future__ import annotations

import io
import math
import random
from pathlib import Path
from typing import Any


def letter_of_support(nominee: str, organisation: str, title: str) -> bytes:
    """A one-page letter on headed paper."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True)  # the same bytes every time
    width, height = A4
    canvas.setTitle(f"Letter of support: {nominee}")
    canvas.setFillColorRGB(0.0, 0.37, 0.72)
    canvas.rect(0, height - 70, width, 70, stroke=0, fill=1)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawString(50, height - 45, organisation)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont("Helvetica", 11)
    lines = [
        "To the judging panel,", "",
        f"I am writing in support of the nomination of {nominee} for \"{title}\".", "",
        "Over the past two years the work has changed how our teams plan care together.",
        "Waiting times for a first appointment fell by a third, and the patient panel now",
        "sits on every service review. Staff survey scores for feeling listened to rose",
        "in each of the four quarters of the programme.", "",
        "I have seen the difference at first hand, on wards and in community clinics,",
        "and I commend the nomination to you without reservation.", "",
        "Yours faithfully,", "", "Dr Amara Okafor", "Medical Director",
    ]
    y = height - 120
    for line in lines:
        canvas.drawString(60, y, line)
        y -= 17
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def evaluation_report(title: str, pages: int = 6, seed: int = 1) -> bytes:
    """An evaluation of `pages` pages with text on each and a bar chart on the second."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    rng = random.Random(seed)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=True)  # the same bytes every time
    width, height = A4
    canvas.setTitle(f"Independent evaluation: {title}")
    headings = ["Summary", "Outcomes", "Method", "Patient experience", "Staff experience",
                "Costs and sustainability", "Recommendations"]
    for page in range(1, pages + 1):
        heading = headings[(page - 1) % len(headings)]
        canvas.setFont("Helvetica-Bold", 18)
        canvas.drawString(50, height - 60, f"{page}. {heading}")
        canvas.setFont("Helvetica", 10.5)
        y = height - 95
        for number in range(18):
            canvas.drawString(50, y, f"Finding {page}.{number + 1}: the programme's measures "
                              f"improved by {rng.randint(3, 40)}% against the baseline.")
            y -= 15
        if page == 2:
            _bar_chart(canvas, 70, 120, width - 140, 250, rng)
        canvas.setFont("Helvetica", 9)
        canvas.drawRightString(width - 50, 30, f"Page {page} of {pages}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _bar_chart(canvas: Any, x: float, y: float, width: float, height: float,
               rng: random.Random) -> None:
    quarters = ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"]
    values = [rng.uniform(30, 95) for _ in quarters]
    c = canvas
    c.setFont("Helvetica-Bold", 11)
    c.drawString(x, y + height + 10, "Patients seen within 18 weeks (%)")
    bar = width / (len(values) * 1.5)
    for index, (label, value) in enumerate(zip(quarters, values, strict=True)):
        left = x + index * bar * 1.5
        c.setFillColorRGB(0.0, 0.37, 0.72)
        c.rect(left, y, bar, height * value / 100, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.setFont("Helvetica", 9)
        c.drawString(left + 2, y - 12, label)


def photograph(seed: int = 1, size: tuple[int, int] = (960, 640)) -> bytes:
    """A JPEG 'photograph' of a team outside a clinic: sky, building, windows, figures."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for row in range(height):  # a sky fading to haze
        shade = row / height
        draw.line([(0, row), (width, row)],
                  fill=(int(120 + 100 * shade), int(170 + 60 * shade), int(230 - 20 * shade)))
    draw.rectangle([width * 0.1, height * 0.3, width * 0.9, height * 0.8], fill=(190, 180, 165))
    for column in range(8):
        for floor in range(3):
            left = width * 0.14 + column * width * 0.095
            top = height * 0.36 + floor * height * 0.13
            draw.rectangle([left, top, left + width * 0.06, top + height * 0.08],
                           fill=(70, 110, 150))
    draw.rectangle([0, height * 0.8, width, height], fill=(90, 140, 80))
    for person in range(7):
        centre = width * (0.2 + person * 0.1)
        colour = (rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255))
        draw.ellipse([centre - 14, height * 0.62, centre + 14, height * 0.67],
                     fill=(230, 190, 160))
        draw.rectangle([centre - 20, height * 0.67, centre + 20, height * 0.86], fill=colour)
        draw.arc([centre - 30, height * 0.6, centre + 30, height * 0.7], 0,
                 int(180 + 30 * math.sin(person)), fill=(40, 40, 40))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def write_entry_documents(folder: Path, entry: str, nominee: str, organisation: str,
                          title: str, seed: int = 1) -> list[Path]:
    """The three documents of one entry in `folder/entry/`, as a bulk download lays them."""
    target = folder / entry
    target.mkdir(parents=True, exist_ok=True)
    files = {
        "Letter of support.pdf": letter_of_support(nominee, organisation, title),
        "Independent evaluation.pdf": evaluation_report(title, 6, seed),
        "Team photograph.jpg": photograph(seed),
    }
    written = []
    for name, content in files.items():
        (target / name).write_bytes(content)
        written.append(target / name)
    return written
