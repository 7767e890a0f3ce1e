"""Reading a JSON export: a list of entries, or an object holding one (as several platforms'
APIs give), checked for what would crash the parser before it runs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from judgepanel.core.errors import JudgePanelError, RefusedFile
from judgepanel.core.importing.cleaning import shown
from judgepanel.core.importing.export_table import (
    MAX_COLUMNS,
    MAX_ROWS,
    SURROGATE,
    Table,
    decode,
    refuse_binary,
)

MAX_DEPTH = 64  # JSON nesting: entry platforms' exports use three or four levels
MAX_DIGITS = 4300  # Python's own limit on converting a long integer
JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[{]|[\]}]|-?\d{' + str(MAX_DIGITS + 1) + ",}")


def read_json(path: Path, head: bytes) -> Table:
    """A list of objects, or an object with an "entries" list (as several platforms' APIs)."""
    refuse_binary(path, head, "a JSON file")
    text, encoding = decode(path, path.read_bytes())
    if not text.strip():
        raise JudgePanelError(f"{path}: the file is empty")
    _check_json_shape(path, text)
    try:
        document = json.loads(text)
    except RecursionError as exc:  # _check_json_shape should have caught it first
        raise JudgePanelError(f"{path}: the JSON is nested too deeply to read") from exc
    except json.JSONDecodeError as exc:
        if exc.pos == len(text) - len(text.lstrip()) and "," in text.split("\n", 1)[0]:
            raise RefusedFile(f"{path}: this is not JSON; it looks like CSV text. Rename it "
                              "to .csv") from exc
        raise JudgePanelError(f"{path}: line {exc.lineno}, column {exc.colno}: not valid JSON "
                              f"({exc.msg})") from exc
    entries = document
    if isinstance(document, dict):
        for key in ("entries", "data", "results", "submissions", "applications"):
            if isinstance(document.get(key), list):
                entries = document[key]
                break
        else:
            raise JudgePanelError(f"{path}: expected a list of entries, or an object with an "
                                  "\"entries\" list")
    if not isinstance(entries, list):
        raise JudgePanelError(f"{path}: expected a list of entries")
    if not entries:
        raise JudgePanelError(f"{path}: the file holds no entries")
    if len(entries) > MAX_ROWS:
        raise JudgePanelError(f"{path}: more than {MAX_ROWS:,} entries; is this the right file?")
    headers: dict[str, None] = {}
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise JudgePanelError(f"{path}: entry {number}: expected an object with named "
                                  f"fields, not {type(entry).__name__}")
        headers.update(dict.fromkeys(str(key) for key in entry))
    if len(headers) > MAX_COLUMNS:
        raise JudgePanelError(f"{path}: the entries have more than {MAX_COLUMNS:,} different "
                              "fields; is this the right file?")
    for number, entry in enumerate(entries, start=1):
        _check_json_text(path, f"entry {number}", entry)
    names = list(headers)
    rows = [(number, [_json_value(entry.get(name)) for name in names])
            for number, entry in enumerate(entries, start=1)]
    return Table(path, "json", names, rows, encoding, originals=entries)


def _line_and_column(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"line {line}, column {offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def _check_json_shape(path: Path, text: str) -> None:
    """Refuse what would crash the JSON parser, with the place: nesting deeper than any
    export needs (Python would overflow its stack) and integers too long to convert."""
    depth = 0
    for token in JSON_TOKEN.finditer(text):
        first = token.group()[0]
        if first == '"':
            continue
        if first in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise JudgePanelError(
                    f"{path}: {_line_and_column(text, token.start())}: the JSON is nested "
                    f"more than {MAX_DEPTH} levels deep; an export of entries never is")
        elif first in "]}":
            depth -= 1
        else:
            raise JudgePanelError(
                f"{path}: {_line_and_column(text, token.start())}: a number of "
                f"{len(token.group().lstrip('-')):,} digits (the most is {MAX_DIGITS:,}); is "
                "this the right file?")


def _check_json_text(path: Path, where: str, value: Any, key: str = "") -> None:
    """A JSON escape such as \\ud800 gives half a character, which no file can store."""
    if isinstance(value, str):
        if SURROGATE.search(value):
            field = f", field '{shown(key)}'" if key else ""
            raise JudgePanelError(f"{path}: {where}{field}: text holds a broken character (a "
                                  "lone \\ud800-\\udfff escape); export the file again")
    elif isinstance(value, dict):
        for name, inner in value.items():
            _check_json_text(path, where, name, key)
            _check_json_text(path, where, inner, key or name)
    elif isinstance(value, list):
        for inner in value:
            _check_json_text(path, where, inner, key)


def _json_value(value: Any) -> Any:
    """Lists of text joined with '; '; numbers as text; anything nested kept as JSON."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return "; ".join(str(v) for v in value)
    return json.dumps(value, ensure_ascii=False)
