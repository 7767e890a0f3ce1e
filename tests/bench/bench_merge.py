"""Benchmark: merging returned judge packs into a panel.

Full size: 50 packs of 400 entries x 5 sections (100,000 scores); quick: 10 packs of 100
entries. The baseline, in the same run, opens the same pack files with raw sqlite3 and inserts
the same score rows into a copy of the same panel in one transaction. The product also checks
every record (panel, judge, key, entry, section, scale) and verifies every HMAC signature,
compares with what the panel holds and writes the audit record. Building the packs is setup.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from run import result

from judgepanel.core.assignment import auto_assign
from judgepanel.core.awards import builtin_awards
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge
from judgepanel.core.merge import merge_packs
from judgepanel.core.packs import make_pack
from judgepanel.core.panel import create_panel, open_panel
from judgepanel.core.scoring import score_signature
from judgepanel.core.store import Store, now

AWARD = "leading-systems-transformation"
SECTIONS = ["Q1", "Q2", "Q3", "Q4", "Q5"]
REPEATS = 3


def _setup(folder: Path, packs: int, per_pack: int, per_entry: int,
           passphrase: str | None = None) -> tuple[Path, list[Path], list[Path]]:
    """A panel with `packs` judges, each assigned `per_pack` entries, and their scored packs:
    plain ones, and with `passphrase` also the same packs encrypted (made as `pack` makes
    them, so with a pack's page size and HMAC settings), the panel keeping their keys."""
    panel_path = folder / "bench.judgepanel"
    awards = [a for a in builtin_awards() if a.id == AWARD]
    panel = create_panel(panel_path, "Benchmark Awards", awards)
    entries = packs * per_pack // per_entry
    upsert_entries(panel, [EntryRecord(f"E-{n:05d}", AWARD, title=f"Entry {n}",
                                       answers={s: "An answer. " * 20 for s in SECTIONS})
                           for n in range(entries)])
    judges = [add_judge(panel, f"Judge {n:02d}") for n in range(packs)]
    auto_assign(panel, AWARD, per_entry, seed=1)
    paths: list[Path] = []
    secret: list[Path] = []
    if passphrase is not None:
        (folder / "encrypted").mkdir()
    for judge in judges:
        path = folder / f"{judge.name}.judgepack"
        make_pack(panel, judge, path)
        paths.append(path)
        made = [path]
        if passphrase is not None:
            made.append(folder / "encrypted" / path.name)
            make_pack(panel, judge, made[-1], passphrase=passphrase)  # the panel keeps its key
            secret.append(made[-1])
        rows = []
        for target in made:
            pack = Store.open(target)  # an encrypted one with the key this process holds
            if not rows:
                key = pack.db.execute("SELECT pack_key FROM judges").fetchone()[0]
                for (entry,) in pack.db.execute("SELECT entry FROM assignments").fetchall():
                    for number, section in enumerate(SECTIONS):
                        value, comment = float((number + judge.id) % 11), f"Note {entry}"
                        stamp = now()
                        rows.append((judge.id, entry, section, value, comment, stamp,
                                     score_signature(key, pack.panel_id, judge.id, entry,
                                                     section, value, comment, stamp)))
            with pack.transaction():
                pack.db.conn.executemany(
                    "INSERT INTO scores(judge, entry, section, value, comment, updated_at, "
                    "signature) VALUES (?,?,?,?,?,?,?)", rows)
            pack.close()
    panel.close()
    return panel_path, paths, secret


def _baseline(panel_path: Path, packs: list[Path]) -> int:
    conn = sqlite3.connect(panel_path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("BEGIN IMMEDIATE")
    count = 0
    for path in packs:
        source = sqlite3.connect(path)
        rows = source.execute("SELECT judge, entry, section, value, comment, updated_at, "
                              "signature FROM scores").fetchall()
        source.close()
        conn.executemany("INSERT INTO scores(judge, entry, section, value, comment, "
                         "updated_at, signature) VALUES (?,?,?,?,?,?,?)", rows)
        count += len(rows)
    conn.execute("COMMIT")
    conn.close()
    return count


def _product(panel_path: Path, packs: list[Path]) -> int:
    with open_panel(panel_path) as panel:
        results = merge_packs(panel, packs, who="bench")
    return sum(r.new for r in results)


def run(quick: bool) -> list[dict[str, object]]:
    packs, per_pack, per_entry = (10, 100, 5) if quick else (50, 400, 10)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        panel_path, paths, _ = _setup(folder, packs, per_pack, per_entry)
        product_times, baseline_times = [], []
        for attempt in range(REPEATS):
            for name, work, times in (("baseline", _baseline, baseline_times),
                                      ("product", _product, product_times)):
                copy = folder / f"{name}-{attempt}.judgepanel"
                shutil.copyfile(panel_path, copy)
                start = time.perf_counter()
                scores = work(copy, paths)
                times.append(time.perf_counter() - start)
                if scores != packs * per_pack * len(SECTIONS):
                    raise AssertionError(f"{name} merged {scores} scores")
        total = packs * per_pack * len(SECTIONS)
        product, baseline = total / min(product_times), total / min(baseline_times)
        return [result("merge", product, "scores/s", baseline, baseline / product,
                       "ratio <= 3", packs=packs, scores=total)]
