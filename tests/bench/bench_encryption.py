"""Benchmark: what encryption costs. Opening an encrypted pack against the same pack plain
(goal ratio <= 1.5), the judge's score save in an encrypted pack (p95 <= 5 ms), merging
encrypted packs against the same packs plain (goal ratio <= 1.5), and opening and ranking an
encrypted panel (the merged one) against the same panel plain (goal ratio <= 1.5).

Opening uses the key, as the judge's window does after the passphrase is typed once (and the
panel always does); deriving the key from a passphrase (PBKDF2, 256,000 rounds, deliberately
slow against guessing) is reported on its own line.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from run import result

from judgepanel.core.entries import list_entries
from judgepanel.core.file_encryption import encrypt_file, key_for_file
from judgepanel.core.merge import merge_packs
from judgepanel.core.packs import open_pack
from judgepanel.core.panel import encrypt_panel, open_panel
from judgepanel.core.ranking import METHODS, analyse_award, rank_analysis
from judgepanel.core.scoring_session import ScoringSession

sys.path.insert(0, str(Path(__file__).parent))
from bench_merge import AWARD, _setup  # noqa: E402

PASSPHRASE = "walnut harbour velvet comet lantern"


def p95(samples: list[float]) -> float:
    return sorted(samples)[max(0, int(len(samples) * 0.95) - 1)]


def _open_and_read(path: Path, key: object) -> int:
    with open_pack(path, key) as pack:  # type: ignore[arg-type]
        return len(list_entries(pack))


def _saves(path: Path, key: object, repetitions: int = 200) -> list[float]:
    """Milliseconds per score saved through the judge's session (one transaction each)."""
    times: list[float] = []
    with open_pack(path, key) as pack:  # type: ignore[arg-type]
        session = ScoringSession(pack)
        entries = [r["entry"] for r in list_entries(pack)]
        for n in range(repetitions):
            started = time.perf_counter()
            session.set_score(entries[n % len(entries)], "Q1", float(n % 11), "")
            times.append((time.perf_counter() - started) * 1000)
    return times


def run(quick: bool) -> list[dict[str, object]]:
    packs, per_pack, per_entry = (10, 100, 5) if quick else (50, 400, 10)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        panel_path, plain = _setup(folder, packs, per_pack, per_entry)
        secret_folder = folder / "encrypted"
        secret_folder.mkdir()
        encrypted = []
        with open_panel(panel_path) as panel, panel.transaction():
            for path in plain:
                copy = secret_folder / path.name
                shutil.copyfile(path, copy)
                key = encrypt_file(copy, PASSPHRASE)
                panel.set_meta(f"pack_cipher:{key.salt.hex()}", key.hex)
                encrypted.append(copy)
        keys = [key_for_file(path, PASSPHRASE) for path in encrypted[:1]]
        started = time.perf_counter()
        key_for_file(encrypted[0], PASSPHRASE)
        derive_ms = (time.perf_counter() - started) * 1000

        open_plain, open_secret = [], []
        for _ in range(5 if quick else 15):
            for times, path, key in ((open_plain, plain[0], None),
                                     (open_secret, encrypted[0], keys[0])):
                started = time.perf_counter()
                _open_and_read(path, key)
                times.append(time.perf_counter() - started)

        saves, plain_saves = _saves(encrypted[0], keys[0]), _saves(plain[1], None)

        merge_plain, merge_secret = [], []
        for attempt in range(2):
            for times, paths, name in ((merge_plain, plain, "plain"),
                                       (merge_secret, encrypted, "encrypted")):
                copy = folder / f"{name}-{attempt}.judgepanel"
                shutil.copyfile(panel_path, copy)
                started = time.perf_counter()
                with open_panel(copy) as panel:
                    merge_packs(panel, paths, who="bench")
                times.append(time.perf_counter() - started)
        panel_plain, panel_secret = _open_and_rank_panels(folder / "plain-1.judgepanel",
                                                          5 if quick else 15)
        opened, merged = min(open_secret), min(merge_secret)
        return [
            result("encrypted-panel-open-rank", min(panel_secret) * 1000, "ms",
                   min(panel_plain) * 1000, min(panel_secret) / min(panel_plain),
                   "ratio <= 1.5", methods=len(METHODS)),
            result("encrypted-open", opened * 1000, "ms", min(open_plain) * 1000,
                   opened / min(open_plain), "ratio <= 1.5"),
            result("encrypted-save", p95(saves), "ms", None, None, "p95 <= 5 ms",
                   median=round(statistics.median(saves), 3),
                   plain_p95=round(p95(plain_saves), 3),
                   note="each save is a committed transaction with a full fsync; on a disk "
                        "whose fsync is slow, the plain pack's save is as slow"),
            result("encrypted-merge", merged, "s", min(merge_plain), merged / min(merge_plain),
                   "ratio <= 1.5", packs=packs),
            result("passphrase-key", derive_ms, "ms", None, None,
                   "once per opening by passphrase (PBKDF2-SHA512, 256,000 rounds)"),
        ]


def _open_and_rank_panels(plain: Path, repetitions: int) -> tuple[list[float], list[float]]:
    """Seconds to open a merged panel and rank its award by every method: the panel plain,
    and an encrypted copy of it opened with its key (as every opening after the first)."""
    secret = plain.with_name("encrypted-panel.judgepanel")
    shutil.copyfile(plain, secret)
    key = encrypt_panel(secret, PASSPHRASE, who="bench")
    plain_times: list[float] = []
    secret_times: list[float] = []
    for _ in range(repetitions):
        for times, path, with_key in ((plain_times, plain, None), (secret_times, secret, key)):
            started = time.perf_counter()
            with open_panel(path, with_key) as panel:
                analysis = analyse_award(panel, AWARD)
                for method in METHODS:
                    rank_analysis(analysis, method)
            times.append(time.perf_counter() - started)
    return plain_times, secret_times
