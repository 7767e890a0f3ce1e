"""No SQL outside core: the application's windows and the command line only call core functions.

Every statement against a panel or a pack lives in `judgepanel/core`, so a rule (who may see
what, what counts, what is audited) is written once and the GUI and the CLI cannot drift.
This test reads the source of `judgepanel/gui` and `judgepanel/cli` as Python tokens, so a
word in a comment never trips it, and names each offending file and line.
"""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import judgepanel

PACKAGE = Path(judgepanel.__file__).parent
FRONT_ENDS = ("gui", "cli")

DATABASE_MODULES = {"sqlite3", "sqlite_utils"}
QUERY_METHODS = {"rows", "execute", "executemany", "executescript"}  # called: .rows(
DATABASE_ATTRIBUTES = {"db", "conn"}  # a store's database or connection, reached into
SQL = re.compile(
    r"\bSELECT\b|\bINSERT\s+(?:OR\s+\w+\s+)?INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b"
    r"|\bCREATE\s+(?:TEMP\s+|VIRTUAL\s+)?(?:TABLE|INDEX|TRIGGER|VIEW)\b|\bDROP\s+TABLE\b"
    r"|\bPRAGMA\b|\bALTER\s+TABLE\b")


def sql_in(source: str) -> list[tuple[int, str]]:
    """(line, what) for every database module, query call or SQL statement in the source."""
    found: list[tuple[int, str]] = []
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    for i, token in enumerate(tokens):
        line = token.start[0]
        if token.type == tokenize.NAME and token.string in DATABASE_MODULES:
            found.append((line, f"uses {token.string}"))
        elif token.type == tokenize.NAME and i > 0 and tokens[i - 1].string == ".":
            called = i + 1 < len(tokens) and tokens[i + 1].string == "("
            if token.string in QUERY_METHODS and called:
                found.append((line, f"calls .{token.string}("))
            elif token.string in DATABASE_ATTRIBUTES:
                found.append((line, f"reaches into .{token.string}"))
        elif token.type == tokenize.STRING and (match := SQL.search(token.string)):
            found.append((line, f"SQL '{match.group(0)}'"))
    return found


def front_end_files() -> list[Path]:
    return sorted(p for folder in FRONT_ENDS for p in (PACKAGE / folder).rglob("*.py"))


def test_the_gui_and_the_cli_hold_no_sql() -> None:
    offences = [f"judgepanel/{path.relative_to(PACKAGE).as_posix()}:{line}: {what}"
                for path in front_end_files()
                for line, what in sql_in(path.read_text(encoding="utf-8"))]
    assert not offences, ("SQL outside judgepanel/core (move it into a core function):\n"
                          + "\n".join(offences))


def test_the_check_sees_each_way_sql_gets_in() -> None:
    page = '''
import sqlite3
from sqlite_utils import Database
# a comment saying SELECT * FROM entries is fine
def refresh(self):
    """Re-read the entries (select them from the list)."""
    n = self.store.rows("SELECT COUNT(*) AS n FROM entries")
    self.store.db.execute(f"UPDATE judges SET name = '{name}'")
    conn.executemany("INSERT OR IGNORE INTO assignments VALUES (?, ?)", pairs)
    text = "DELETE FROM conflicts WHERE judge = ?"
    self.model.set_rows(rows)
    first = self.table.rows[0]
'''
    assert sql_in(page) == [
        (2, "uses sqlite3"), (3, "uses sqlite_utils"),
        (7, "calls .rows("), (7, "SQL 'SELECT'"),
        (8, "reaches into .db"), (8, "calls .execute("), (8, "SQL 'UPDATE judges SET'"),
        (9, "calls .executemany("), (9, "SQL 'INSERT OR IGNORE INTO'"),
        (10, "SQL 'DELETE FROM'")]


def test_every_front_end_module_is_looked_at() -> None:
    names = {p.relative_to(PACKAGE).as_posix() for p in front_end_files()}
    assert {"gui/pages/judges.py", "gui/panel_window.py", "cli/packs.py",
            "cli/panel.py"} <= names
