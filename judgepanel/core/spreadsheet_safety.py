"""Spreadsheet cells that stay text: the one place that decides what a spreadsheet would run.

In CSV, text a spreadsheet would execute (`=HYPERLINK(…)`, `+44…`, `@SUM`, `- a list`) is
written with an apostrophe in front, which spreadsheets show as plain text; `restore` takes it
off when JudgePanel reads the file back, so `restore(neutralise(t)) == t` for every string.
"""

from __future__ import annotations

import re

RISKY_START = ("=", "+", "@", "\t", "\r")
NUMBER = re.compile(r"^[+-]?\s*(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet would treat `text` as a formula rather than as text."""
    if not text:
        return False
    if text.startswith(("=", "@", "\t", "\r")):
        return True
    # A lone sign is plain text to a spreadsheet; a signed number is a number, not a formula.
    return text[0] in "+-" and len(text) > 1 and not NUMBER.match(text.strip())


def _needs_prefix(text: str) -> bool:
    # Text that already starts with apostrophes before risky text gets one more, so that
    # `restore` can always tell our apostrophe from one the user typed.
    return is_formula_like(text.lstrip("'"))


def neutralise(text: str) -> str:
    """Text safe for a CSV cell: an apostrophe before anything a spreadsheet would execute."""
    return "'" + text if _needs_prefix(text) else text


def restore(text: str) -> str:
    """Undo `neutralise`."""
    if text.startswith("'") and _needs_prefix(text[1:]):
        return text[1:]
    return text
