"""Benchmark `rank` over two rounds: 2,000 entries scored by 40 judges (5 per entry, 5
sections), the top 100 promoted to a scored final with its own 40 judges' scores (5 per
entry); quick: 500 entries shortlisted to 50. The value is the time for both rounds' tables
(the shortlisting ranking with the award's method, and the final's) from a freshly opened
panel, as `rank --round` gives them; the goal is 500 ms. The baseline is the textbook pass
over the same panel: read both rounds' section scores and order the entries by their plain
float mean (no exact totals, no flags, no bias model), so the ratio cancels a noisy machine.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from bench_rank import AWARD, JUDGES, PER_ENTRY, build
from run import result

from judgepanel.core.awards import panel_award
from judgepanel.core.promotion import promote
from judgepanel.core.round_definitions import RoundSpec
from judgepanel.core.round_results import round_result
from judgepanel.core.rounds import add_round, close_round, find_round, round_entries
from judgepanel.core.store import Store, now


def two_rounds(folder: Path, entries: int, finalists: int) -> Path:
    path = build(folder, entries)
    rng = random.Random(11)
    with Store.open(path) as store:
        add_round(store, AWARD, RoundSpec("final", "Final", "scored"))
        close_round(store, AWARD, "judging")
        promote(store, AWARD, "final", "Benchmark shortlist", top=finalists)
        final = find_round(store, AWARD, "final")
        sections = panel_award(store, AWARD).sections
        stamp = now()
        rows = [(AWARD, "final", j + 1, entry, section.id, rng.randint(0, 10), "", stamp)
                for entry in round_entries(store, final)
                for j in rng.sample(range(JUDGES), PER_ENTRY) for section in sections]
        with store.transaction():
            store.db.conn.executemany(
                "INSERT INTO round_scores(award, round, judge, entry, section, value, "
                "comment, updated_at) VALUES (?,?,?,?,?,?,?,?)", rows)
    return path


def timed(path: Path) -> tuple[float, float]:
    """Milliseconds for both rounds, and for the final's table alone."""
    with Store.open(path) as store:
        start = time.perf_counter()
        round_result(store, AWARD, "judging")
        middle = time.perf_counter()
        round_result(store, AWARD, "final")
        end = time.perf_counter()
    return (end - start) * 1000.0, (end - middle) * 1000.0


def baseline(path: Path) -> float:
    """Milliseconds to read both rounds' scores and sort the entries by their float means."""
    with Store.open(path) as store:
        start = time.perf_counter()
        for query in ("SELECT s.entry, s.value FROM scores s JOIN entries e ON e.id = s.entry "
                      "AND e.award = ? WHERE s.value IS NOT NULL",
                      "SELECT entry, value FROM round_scores WHERE award = ? AND round = 'final' "
                      "AND value IS NOT NULL"):
            sums: dict[str, list[float]] = {}
            for entry, value in store.db.execute(query, [AWARD]).fetchall():
                found = sums.setdefault(entry, [0.0, 0.0])
                found[0] += value
                found[1] += 1
            sorted(sums, key=lambda entry: -sums[entry][0] / sums[entry][1])
        return (time.perf_counter() - start) * 1000.0


def run(quick: bool) -> list[dict[str, object]]:
    entries, finalists = (500, 50) if quick else (2000, 100)
    with tempfile.TemporaryDirectory() as folder:
        path = two_rounds(Path(folder), entries, finalists)
        both, final = min(timed(path) for _ in range(3))
        base = min(baseline(path) for _ in range(3))
    return [result("rank_two_rounds", both, "ms", base, both / base, "value <= 500",
                   entries=entries, finalists=finalists, final_round_ms=round(final, 3))]
