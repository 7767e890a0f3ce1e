"""Benchmark `rank`: every ranking method plus the reliability statistics for one award.

An award of 2,000 entries, 40 judges, 5 judges per entry, 5 sections (quick: 500 entries).
The value is the time to rank under all six methods (one analysis, as the chair's screen and
the report do) and compute `stats`; the baseline is a bare numpy least-squares fit of the same
additive model on its dense design matrix (np.linalg.lstsq), the textbook way to do it.
`separate_reads_ms` is the same work done as two commands would (`rank --sensitivity`, then
`stats`), each reading the panel on its own.
"""

from __future__ import annotations

import random
import secrets
import tempfile
import time
from pathlib import Path

import numpy as np
from run import result

from judgepanel.core.awards import builtin_awards
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.panel import create_panel
from judgepanel.core.ranking import METHODS, analyse_award, rank_analysis, sensitivity
from judgepanel.core.stats import panel_stats
from judgepanel.core.store import Store, now

AWARD = "leading-systems-transformation"
JUDGES = 40
PER_ENTRY = 5


def build(folder: Path, entries: int, seed: int = 7) -> Path:
    """A panel with harsh and lenient judges scoring a random incomplete design."""
    award = next(a for a in builtin_awards() if a.id == AWARD)
    path = folder / "bench.judgepanel"
    store = create_panel(path, "Benchmark", [award])
    upsert_entries(store, [EntryRecord(id=f"E-{i:05d}", award=AWARD, title=f"Entry {i}")
                           for i in range(entries)])
    rng = random.Random(seed)
    stamp = now()
    with store.transaction():
        store.db.conn.executemany(
            "INSERT INTO judges(id, name, email, role, pack_key, created_at) "
            "VALUES (?,?,?,?,?,?)",
            [(j + 1, f"Judge {j + 1:02d}", "", "judge", secrets.token_hex(32), stamp)
             for j in range(JUDGES)])
        leniency = [rng.gauss(0, 1.0) for _ in range(JUDGES)]
        rows = []
        for i in range(entries):
            quality = rng.uniform(3, 8)
            for j in rng.sample(range(JUDGES), PER_ENTRY):
                for section in award.sections:
                    value = min(10, max(0, round(quality + leniency[j] + rng.gauss(0, 1))))
                    rows.append((j + 1, f"E-{i:05d}", section.id, value, "", stamp, ""))
        store.db.conn.executemany(
            "INSERT INTO scores(judge, entry, section, value, comment, updated_at, signature) "
            "VALUES (?,?,?,?,?,?,?)", rows)
    store.close()
    return path


def product(path: Path) -> float:
    """Milliseconds for all six methods and the statistics, from an open panel."""
    with Store.open(path) as store:
        start = time.perf_counter()
        analysis = analyse_award(store, AWARD)
        for method in METHODS:
            rank_analysis(analysis, method)
        panel_stats(store, AWARD, analysis)
        return (time.perf_counter() - start) * 1000.0


def standalone(path: Path) -> float:
    """Milliseconds for `rank --sensitivity` plus `stats`: each reads the panel itself."""
    with Store.open(path) as store:
        start = time.perf_counter()
        sensitivity(store, AWARD)
        panel_stats(store, AWARD)
        return (time.perf_counter() - start) * 1000.0


def baseline(path: Path) -> float:
    """Milliseconds for np.linalg.lstsq on the dense design of the same totals."""
    with Store.open(path) as store:
        analysis = analyse_award(store, AWARD)
    names = sorted(analysis.counted)
    judges = sorted({t.judge for totals in analysis.counted.values() for t in totals})
    where_judge = {judge: i for i, judge in enumerate(judges)}
    triples = [(i, where_judge[t.judge], t.total) for i, name in enumerate(names)
               for t in analysis.counted[name]]
    start = time.perf_counter()
    design = np.zeros((len(triples), len(names) + len(judges)))
    y = np.empty(len(triples))
    for row, (i, j, total) in enumerate(triples):
        design[row, i] = 1.0
        design[row, len(names) + j] = 1.0
        y[row] = total
    np.linalg.lstsq(design, y, rcond=None)
    return (time.perf_counter() - start) * 1000.0


def run(quick: bool) -> list[dict[str, object]]:
    entries = 500 if quick else 2000
    with tempfile.TemporaryDirectory() as folder:
        path = build(Path(folder), entries)
        product(path)  # warm the imports and the file cache
        ms = min(product(path) for _ in range(5))
        separate = min(standalone(path) for _ in range(3))
        base = baseline(path)
    return [result("rank", ms, "ms", base, ms / base, "value <= 500", entries=entries,
                   judges=JUDGES, judges_per_entry=PER_ENTRY, sections=5,
                   separate_reads_ms=round(separate, 3))]


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(run("--quick" in sys.argv)[0]))
