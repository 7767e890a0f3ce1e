"""Benchmark `import`: a large CSV export into a new panel, against raw csv + sqlite3.

5,000 entries × 5 sections of ~300 words (500 entries with --quick), the Leading Systems
Transformation award. The baseline parses the same file with the csv module and inserts the
same rows (entry fields, the original row as JSON, one answer row per section) with
`executemany` in one transaction into an equivalent table, in the same run.
"""

from __future__ import annotations

import csv
import json
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from run import result

from judgepanel.core.awards import builtin_awards
from judgepanel.core.importing import import_file
from judgepanel.core.panel import create_panel

LST = "leading-systems-transformation"
SECTIONS = ["Q1 Relationships and connectivity", "Q2 Individual effectiveness",
            "Q3 Innovation and improvement", "Q4 Learning and capacity building",
            "Q5 Inclusive leadership"]
TEXT = ("the team built trust across primary care social care and the acute trust so that "
         "patients waited less discharge planning began on admission she led weekly huddles "
         "with partners data were shared openly improvement cycles tested small changes "
         "every fortnight staff from minority ethnic backgrounds joined the leadership "
         "programme outcomes improved measurably over eighteen months “home first” – "
         "café Wiśniewska résumé")
WORDS = TEXT.split()


def write_export(path: Path, entries: int) -> None:
    """A demo-shaped export: one award, five answers of about 300 words in 3 paragraphs."""
    rng = random.Random(2026)

    def answer() -> str:
        return "\n\n".join(" ".join(rng.choice(WORDS) for _ in range(100)).capitalize() + "."
                           for _ in range(3))

    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Entry ID", "Category", "Title", "Nominee", "Organisation", "Email",
                         *SECTIONS])
        for number in range(entries):
            writer.writerow([f"E-{number:05d}", "Leading Systems Transformation",
                             f"Initiative {number}", f"Nominee {number}", "Trust",
                             f"n{number}@example.org", *(answer() for _ in SECTIONS)])


def baseline(export: Path, database: Path) -> float:
    """The floor: csv module + sqlite3 executemany in one transaction. Returns seconds."""
    start = time.perf_counter()
    conn = sqlite3.connect(database, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE TABLE entries (id TEXT PRIMARY KEY, award TEXT, title TEXT, "
                 "nominee TEXT, organisation TEXT, fields TEXT, source TEXT)")
    conn.execute("CREATE TABLE answers (entry TEXT, section TEXT, text TEXT, "
                 "PRIMARY KEY (entry, section))")
    with export.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        headers = next(reader)
        entry_rows = []
        answer_rows = []
        for row in reader:
            entry_rows.append((row[0], LST, row[2], row[3], row[4],
                               json.dumps({"email": row[5]}),
                               json.dumps(dict(zip(headers, row, strict=True)))))
            answer_rows.extend((row[0], f"Q{i + 1}", text) for i, text in enumerate(row[6:]))
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?)", entry_rows)
    conn.executemany("INSERT INTO answers VALUES (?,?,?)", answer_rows)
    conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - start


def product(export: Path, panel: Path) -> float:
    """JudgePanel's import into a new panel. Returns seconds (panel creation excluded)."""
    award = next(a for a in builtin_awards() if a.id == LST)
    store = create_panel(panel, "Benchmark 2026", [award])
    try:
        start = time.perf_counter()
        imported = import_file(store, export)
        seconds = time.perf_counter() - start
    finally:
        store.close()
    assert imported.added == imported.by_award[LST], imported.report_lines()[0]
    return seconds


def run(quick: bool) -> list[dict[str, object]]:
    entries = 500 if quick else 5000
    with tempfile.TemporaryDirectory() as folder:
        here = Path(folder)
        export = here / "export.csv"
        write_export(export, entries)
        # Alternate and keep the best of each, so one hiccup does not decide the ratio.
        ours, floor = [], []
        for attempt in range(2 if quick else 3):
            floor.append(baseline(export, here / f"baseline{attempt}.sqlite"))
            ours.append(product(export, here / f"panel{attempt}.judgepanel"))
    value = entries / min(ours)
    base = entries / min(floor)
    return [result("import", value, "entries/s", base, base and value and base / value,
                   "ratio <= 3", entries=entries)]


if __name__ == "__main__":
    import sys

    for line in run("--quick" in sys.argv):
        print(json.dumps(line))
