"""The two-round season both whole-path tests run (tests/gui/test_two_round_season.py in the
window, tests/e2e/test_two_round_season_cli.py on the command line): 14 written entries, five
judges with known marks, a consensus final of six with its own sections, what the panel
agrees in the room and the placements; and what the report should then say."""

from __future__ import annotations

from pathlib import Path

import pypdfium2

AWARD = "improvement"
ENTRIES = [f"E{number:02d}" for number in range(1, 15)]
JUDGES = ("Dr Aisha Patel", "Siân Roberts", "Tomás O'Connell", "Grace Mensah", "Ben Okafor")
LENIENCY = (-1, 0, 0, 1, 0)  # one harsh and one lenient judge; their effects cancel
FINAL_SECTIONS = """
[[sections]]
id = "talk"
title = "Presentation"
question = "How well did the team present their work to the panel?"

[[sections]]
id = "answers"
title = "Answers to the panel's questions"
question = "How well were the panel's questions answered?"
weight = 2
"""
# What the panel agrees in the room for each finalist: (presentation, answers).
AGREED = {"E01": (7, 6), "E02": (6, 5), "E03": (9, 9), "E04": (8, 7), "E05": (5, 5),
          "E06": (4, 4)}
PLACED = {"E03": "winner", "E04": "highly-commended", "E01": "finalist", "E02": "finalist",
          "E05": "finalist", "E06": "finalist"}


def marks(judge: int, entry: str) -> tuple[int, int]:
    """A judge's two section scores: entry E01 best, E14 weakest, each judge a little harsher
    or more lenient; the two sections add up to 20 less the entry's number."""
    points = 20 - int(entry[1:]) + LENIENCY[judge]
    return (points + 1) // 2, points // 2


def first_round_total(entry: str) -> float:
    """The entry's mean total out of 100 over the five judges (docs/rounds.md)."""
    return sum(sum(marks(j, entry)) for j in range(len(JUDGES))) / len(JUDGES) * 100 / 20


def agreed_total(entry: str) -> float:
    talk, answers = AGREED[entry]
    return (talk + 2 * answers) / 3 * 10


def ordinal(number: int) -> str:
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number, 'th')}"


def pdf_text(path: Path) -> str:
    """A PDF's text, its white space run together."""
    pdf = pypdfium2.PdfDocument(path)
    try:
        text = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()
    return " ".join(text.split())
