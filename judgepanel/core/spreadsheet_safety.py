"""Cells that stay text: the one place that decides what a spreadsheet would run, and which
characters an export (CSV, XLSX, PDF) can hold.

In CSV, text a spreadsheet would execute (`=HYPERLINK(…)`, `+44…`, `@SUM`, `- a list`) is
written with an apostrophe in front, which spreadsheets show as plain text; `restore` takes it
off when JudgePanel reads the file back, so `restore(neutralise(t)) == t` for every string.
`printable` cleans control characters the same way for every export and for imported text.
"""

from __future__ import annotations

import re

RISKY_START = ("=", "+", "@", "\t", "\r")
NUMBER = re.compile(r"^[+-]?\s*(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")
# Word's manual line break (Shift+Enter) is a vertical tab; form feeds, the record separators
# and Unicode's line separators are line breaks too.
LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
SURROGATES = re.compile(r"[\ud800-\udfff]")
CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def printable(text: str) -> str:
    """Text every export can hold: line breaks as `\\n`, other control characters removed.

    XLSX (XML) refuses control characters outright and a PDF prints them as boxes, so every
    writer cleans text through this one function; tabs and line breaks are kept, and a broken
    UTF-16 half (a lone surrogate) becomes the replacement character.
    """
    if not UNPRINTABLE.search(text):
        return text
    text = LINE_BREAKS.sub("\n", text)
    text = SURROGATES.sub("\ufffd", text)
    return CONTROLS.sub("", text)


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
