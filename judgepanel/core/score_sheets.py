"""Scores in and out of spreadsheets: paper score sheets keyed in, and exports for Excel.

`import_scores` reads CSV or XLSX with the columns entry, judge, section, score[, comment] and
writes every row through `Judging`, the same checks and signatures as the scoring window, in
one transaction. On a panel an unknown judge is added (and reported); on a pack every row
must be the pack's own judge's. `export_scores` writes the same columns first, extras after,
with any text a spreadsheet would run as a formula neutralised.
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path
from typing import Any

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import add_judge, find_judge, list_judges
from judgepanel.core.pack_votes import pack_round
from judgepanel.core.safe_files import replacing
from judgepanel.core.scoring import Judging
from judgepanel.core.spreadsheet_safety import (  # noqa: F401
    is_formula_like,
    neutralise,
    printable,
    restore,
)
from judgepanel.core.store import PACK, Store

COLUMNS = ("entry", "judge", "section", "score", "comment")
EXTRA_COLUMNS = ("award", "entry_title", "updated_at")
ALIASES = {"entry id": "entry", "entry_id": "entry", "judge name": "judge",
           "section id": "section", "value": "score"}
# A decimal comma as some spreadsheets write it ("7,5"); "1,000" (three digits) is refused.
DECIMAL_COMMA = re.compile(r"^[+-]?\d+,(\d{1,2}|\d{4,})$")


@dataclass
class ScoreImportResult:
    """What a score sheet did to the panel or pack."""

    file: Path
    rows: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    blank: int = 0  # rows with neither a score nor a comment, skipped
    judges_added: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"{self.file.name}: {self.rows} row(s): {self.new} new, {self.changed} changed, "
               f"{self.unchanged} unchanged score(s)"]
        if self.blank:
            out.append(f"{self.blank} blank row(s) skipped")
        out += [f"added judge {name}" for name in self.judges_added]
        return out


# ----- formula neutralising -------------------------------------------------------------------


# ----- reading --------------------------------------------------------------------------------


def _read_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """(row number as a spreadsheet shows it, {column: text}) for every non-empty row."""
    if not path.exists():
        raise JudgePanelError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        table = _xlsx_table(path)
    elif suffix in (".csv", ".txt"):
        table = _csv_table(path)
    else:
        raise JudgePanelError(f"{path}: score sheets are .csv or .xlsx files")
    if not table:
        raise JudgePanelError(f"{path}: the file is empty")
    header = [h.strip().lstrip("\ufeff").casefold() for h in table[0]]
    header = [ALIASES.get(h, h) for h in header]
    missing = [c for c in COLUMNS[:4] if c not in header]
    if missing:
        raise JudgePanelError(f"{path}: row 1: missing column(s) {', '.join(missing)} "
                              f"(a score sheet has columns {', '.join(COLUMNS)})")
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        padded = list(cells) + [""] * (len(header) - len(cells))
        rows.append((number, {name: restore(padded[i]) for i, name in enumerate(header)
                              if name in COLUMNS}))
    return rows


def _csv_table(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise JudgePanelError(f"{path}: not a readable CSV file ({exc})") from exc


def _xlsx_table(path: Path) -> list[list[str]]:
    """Every row of the first sheet as text, formulas kept as typed (see below)."""
    try:
        values = _xlsx_rows(path, data_only=True)
        formulas = _xlsx_rows(path, data_only=False)
    except JudgePanelError:
        raise
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise JudgePanelError(f"{path}: not a readable .xlsx file ({exc})") from exc
    # A comment typed as =HYPERLINK(…) is a formula cell: its cached value is its display text
    # (or nothing, if no spreadsheet has calculated it), so keep the formula's text literally.
    # A score worked out by a formula keeps its calculated number.
    table = []
    value_row: list[Any]
    formula_row: list[Any]
    for value_row, formula_row in zip_longest(values, formulas, fillvalue=[]):
        cells = []
        for i in range(max(len(value_row), len(formula_row))):
            value = value_row[i] if i < len(value_row) else None
            formula = formula_row[i] if i < len(formula_row) else None
            if isinstance(formula, str) and formula.startswith("=") and \
                    (value is None or isinstance(value, str)):
                value = formula
            cells.append("" if value is None else _cell_text(value))
        table.append(cells)
    return table


def _xlsx_rows(path: Path, data_only: bool) -> list[list[Any]]:
    """Streamed with the importer's limits, so a hostile workbook cannot exhaust the machine."""
    from judgepanel.core.importing.excel_workbooks import read_xlsx_rows

    return read_xlsx_rows(path, formulas=not data_only, as_text=False)


def _cell_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# ----- import ---------------------------------------------------------------------------------


def import_scores(store: Store, path: Path | str, who: str = "") -> ScoreImportResult:
    """Read a score sheet into a panel or pack, all or nothing; errors name the row."""
    path = Path(path)
    rows = _read_rows(path)
    result = ScoreImportResult(path)
    is_pack = store.kind == PACK
    voting = pack_round(store) if is_pack else None
    if voting is not None and voting.qualifying:  # its merge would refuse any score
        raise JudgePanelError(f"{path}: this pack is for round '{voting.id}' ({voting.name}), "
                              "a qualifying round: its judge passes or fails each entry in "
                              "the judge's window, and a score sheet cannot go into it")
    pack_judge = Judging.for_pack(store) if is_pack else None
    pack_judge_name = (store.meta("judge_name") or "") if is_pack else ""
    seen: dict[tuple[int, str, str], int] = {}
    judgings: dict[int, Judging] = {}
    with store.transaction():
        for line in sheet_lines(rows, result):
            number, where, entry, name, section, value, comment = line
            if is_pack:
                assert pack_judge is not None
                if " ".join(name.split()).casefold() != pack_judge_name.casefold():
                    raise JudgePanelError(f"{where}, column judge: '{name}' is not this pack's "
                                          f"judge ({pack_judge_name})")
                judging = pack_judge
            else:
                judging = _panel_judging(store, name, judgings, result, who, where)
            if not store.db.execute("SELECT 1 FROM entries WHERE id = ?", [entry]).fetchone():
                place = "this pack" if is_pack else "this panel"
                raise JudgePanelError(f"{where}, column entry: no entry '{entry}' in {place}")
            key = (judging.judge, entry, section)
            once(seen, key, number, where)
            before = store.db.execute(
                "SELECT value, comment FROM scores WHERE judge=? AND entry=? AND section=?",
                list(key)).fetchone()
            try:
                judging.set_score(entry, section, value, comment)
            except JudgePanelError as exc:
                raise JudgePanelError(f"{where}: {exc}") from None
            after = store.db.execute(
                "SELECT value, comment FROM scores WHERE judge=? AND entry=? AND section=?",
                list(key)).fetchone()
            result.rows += 1
            if before is None:
                result.new += 1
            elif tuple(before) != tuple(after):
                result.changed += 1
            else:
                result.unchanged += 1
        refuse_if_empty(path, result)
        store.audit("scores imported", {"file": path.name, "rows": result.rows,
                                        "new": result.new, "changed": result.changed,
                                        "unchanged": result.unchanged,
                                        "judges_added": result.judges_added}, who)
    return result


SheetLine = tuple[int, str, str, str, str, float | None, str | None]


def sheet_lines(rows: list[tuple[int, dict[str, str]]],
                result: ScoreImportResult) -> Iterator[SheetLine]:
    """Each row that holds a score or a comment, read and checked the same way for every
    sheet: (row number, where, entry, judge, section, value, comment); a row with neither is
    counted in `result.blank` and skipped."""
    for number, row in rows:
        where = f"{result.file}: row {number}"
        entry, name, section = (row.get(c, "").strip() for c in ("entry", "judge", "section"))
        for column, text in (("entry", entry), ("judge", name), ("section", section)):
            if not text:
                raise JudgePanelError(f"{where}, column {column}: empty")
        value = _score(row.get("score", ""), where)
        comment = row.get("comment")
        if value is None and not (comment or "").strip():
            result.blank += 1
            continue
        yield number, where, entry, name, section, value, comment


def once(seen: dict[tuple[int, str, str], int], key: tuple[int, str, str], number: int,
         where: str) -> None:
    """Refuse a second row for the same judge, entry and section, naming the first."""
    if key in seen:
        raise JudgePanelError(f"{where}: the same entry, judge and section as row {seen[key]}")
    seen[key] = number


def refuse_if_empty(path: Path, result: ScoreImportResult) -> None:
    """A sheet with no score or comment is most likely the wrong file, or a template not yet
    filled in."""
    if not result.rows:
        raise JudgePanelError(f"{path}: the sheet holds no scores or comments, only "
                              f"{'blank rows' if result.blank else 'its header'}")


def _score(text: str, where: str) -> float | None:
    """A score cell as a number; "7,5" is a decimal comma, "1,000" is too ambiguous to guess."""
    text = text.strip()
    if not text:
        return None
    if DECIMAL_COMMA.match(text):
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        raise JudgePanelError(f"{where}, column score: '{text}' is not a number (write a "
                              "decimal as 7.5 or 7,5)") from None
    if not math.isfinite(value):
        raise JudgePanelError(f"{where}, column score: '{text}' is not a number")
    return value


def _panel_judging(store: Store, name: str, cache: dict[int, Judging],
                   result: ScoreImportResult, who: str, where: str) -> Judging:
    """The named judge's signing identity in a panel, adding a judge the panel lacks."""
    judge = find_judge(store, name, required=False)
    if judge is None:
        # A name that differs from a judge's only in accents or punctuation is a slip of the
        # keyboard: adding it would make a second judge whose scores count and who cannot be
        # removed, so refuse and name the judge meant.
        similar = [j.name for j in list_judges(store) if _folded(j.name) == _folded(name)]
        if similar:
            raise JudgePanelError(
                f"{where}, column judge: '{name}' is not a judge of this panel, but "
                f"'{similar[0]}' is; correct the name (or, if they are different people, add "
                f"'{name}' first with judgepanel judge add)")
        judge = add_judge(store, name, who=who)
        result.judges_added.append(judge.name)
    if judge.id not in cache:
        cache[judge.id] = Judging.for_judge(store, judge.id)
    return cache[judge.id]


def _folded(name: str) -> str:
    """A name without accents, case, spaces or punctuation, to spot near-duplicates."""
    plain = unicodedata.normalize("NFKD", name)
    return "".join(c for c in plain if c.isalnum()).casefold()


# ----- export ---------------------------------------------------------------------------------


def export_scores(store: Store, path: Path | str) -> int:
    """Write every score that counts to CSV or XLSX (by extension); returns the rows written.

    A conflicted judge's scores are left out: they never count.
    """
    path = Path(path)
    check_export_path(path)
    rows = store.rows(
        "SELECT s.entry, j.name AS judge, s.section, s.value, s.comment, e.award, "
        "e.title AS entry_title, s.updated_at FROM scores s JOIN judges j ON j.id = s.judge "
        "JOIN entries e ON e.id = s.entry LEFT JOIN sections x ON x.award = e.award "
        "AND x.id = s.section WHERE NOT EXISTS (SELECT 1 FROM conflicts c "
        "WHERE c.judge = s.judge AND c.entry = s.entry) "
        "ORDER BY e.award, s.entry, j.name, x.position, s.section")
    header = list(COLUMNS + EXTRA_COLUMNS)
    table = [[_text(r["entry"]), _text(r["judge"]), _text(r["section"]), _number(r["value"]),
              _text(r["comment"]), _text(r["award"]), _text(r["entry_title"]),
              _text(r["updated_at"])] for r in rows]
    write_score_table(path, header, table)
    return len(table)


def check_export_path(path: Path) -> None:
    """Refuse an export to a file that is not .csv or .xlsx, or into no folder."""
    if path.suffix.lower() not in (".csv", ".xlsx"):
        raise JudgePanelError(f"{path}: scores are exported to a .csv or .xlsx file")
    if not path.parent.is_dir():
        raise JudgePanelError(f"{path.parent}: no such folder")


def write_score_table(path: Path, header: list[str], table: list[list[Any]]) -> None:
    """Write an export as CSV or XLSX (by extension), replacing `path` only when complete;
    text a spreadsheet would run as a formula is neutralised."""
    with replacing(path) as partial:
        if path.suffix.lower() == ".csv":
            with partial.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(header)
                for line in table:
                    writer.writerow([neutralise(v) if isinstance(v, str) else
                                     ("" if v is None else v) for v in line])
        else:
            _write_xlsx(partial, header, table)


def _text(value: str | None) -> str | None:
    """Stored text as every export writes it (control characters cleaned, see `printable`)."""
    return None if value is None else printable(str(value))


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else float(value)


def _write_xlsx(path: Path, header: list[str], table: list[list[Any]]) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Scores"
    sheet.append(header)
    for line in table:
        sheet.append(line)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and cell.data_type != "s":
                cell.data_type = "s"  # plain text, never a formula
    sheet.freeze_panes = "A2"
    book.save(path)
