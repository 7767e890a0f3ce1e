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
from judgepanel.core.file_encryption import FileKey, new_key
from judgepanel.core.merge import merge_packs
from judgepanel.core.packs import open_pack, panel_pack_key
from judgepanel.core.panel import encrypt_panel, open_panel
from judgepanel.core.ranking import METHODS, analyse_award, rank_analysis
from judgepanel.core.scoring_session import ScoringSession

sys.path.insert(0, str(Path(__file__).parent))
from bench_merge import AWARD, SECTIONS, _setup  # noqa: E402

PASSPHRASE = "walnut harbour velvet comet lantern"


def p95(samples: list[float]) -> float:
    return sorted(samples)[max(0, int(len(samples) * 0.95) - 1)]


def _open_and_read(path: Path, key: FileKey | None) -> int:
    with open_pack(path, key) as pack:
        return len(list_entries(pack))


def _saves(plain: Path, secret: Path, key: FileKey, shift: int = 0, repetitions: int = 200,
           ) -> tuple[list[float], list[float]]:
    """Milliseconds per score saved through the judge's session (one committed transaction
    each, full sync), in the plain pack and the encrypted one taking turns, so the disk's
    own moods fall on both alike. Each save changes the score (2 to 10, where the first
    judge's pack holds 1; another `shift`, another value), or nothing would be written."""
    times: tuple[list[float], list[float]] = ([], [])
    with open_pack(plain) as plain_pack, open_pack(secret, key) as secret_pack:
        sessions = [ScoringSession(plain_pack), ScoringSession(secret_pack)]
        entries = [r["entry"] for r in list_entries(plain_pack)]
        for n in range(repetitions):
            for session, samples in zip(sessions, times, strict=True):
                started = time.perf_counter()
                value = float(2 + (n + shift) % 9)
                session.set_score(entries[n % len(entries)], "Q1", value, "")
                samples.append((time.perf_counter() - started) * 1000)
    return times


def _saves_in_memory_files(plain: Path, secret: Path, key: FileKey,
                           ) -> tuple[list[float], list[float]]:
    """The same saves with the packs on a RAM disk (Linux's /dev/shm): what the cipher itself
    costs a save, without the disk's sync, which a shared machine makes erratic."""
    shm = Path("/dev/shm")
    if not shm.is_dir():
        return [], []
    with tempfile.TemporaryDirectory(dir=shm) as tmp:
        copies = []
        for path in (plain, secret):
            copies.append(Path(tmp) / path.name.replace(".judgepack", f"-{len(copies)}.judgepack"))
            shutil.copyfile(path, copies[-1])
        return _saves(copies[0], copies[1], key, shift=1)


def run(quick: bool) -> list[dict[str, object]]:
    packs, per_pack, per_entry = (10, 100, 5) if quick else (50, 400, 10)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        panel_path, plain, encrypted = _setup(folder, packs, per_pack, per_entry, PASSPHRASE)
        with open_panel(panel_path) as panel:  # the key the panel keeps, as merge finds it
            key = panel_pack_key(panel, encrypted[0])
        assert key is not None
        derive_ms = []
        for _ in range(3):  # a fresh salt each time: nothing cached
            started = time.perf_counter()
            new_key(PASSPHRASE)
            derive_ms.append((time.perf_counter() - started) * 1000)

        open_plain, open_secret = [], []
        for _ in range(5 if quick else 15):
            for times, path, with_key in ((open_plain, plain[0], None),
                                          (open_secret, encrypted[0], key)):
                started = time.perf_counter()
                _open_and_read(path, with_key)
                times.append(time.perf_counter() - started)

        plain_saves, saves = _saves(plain[0], encrypted[0], key)
        shm_plain, shm_saves = _saves_in_memory_files(plain[0], encrypted[0], key)

        merge_plain, merge_secret = [], []
        for attempt in range(2 if quick else 3):
            for times, paths, name in ((merge_plain, plain, "plain"),
                                       (merge_secret, encrypted, "encrypted")):
                copy = folder / f"{name}-{attempt}.judgepanel"
                shutil.copyfile(panel_path, copy)
                started = time.perf_counter()
                with open_panel(copy) as panel:
                    results = merge_packs(panel, paths, who="bench")
                times.append(time.perf_counter() - started)
                if sum(r.new for r in results) != packs * per_pack * len(SECTIONS):
                    raise AssertionError(f"{name} merge took {sum(r.new for r in results)}")
        panel_plain, panel_secret = _open_and_rank_panels(folder / "plain-1.judgepanel",
                                                          5 if quick else 15)
        opened, merged = min(open_secret), min(merge_secret)
        return [
            result("encrypted-panel-open-rank", min(panel_secret) * 1000, "ms",
                   min(panel_plain) * 1000, min(panel_secret) / min(panel_plain),
                   "ratio <= 1.5", methods=len(METHODS)),
            result("encrypted-open", opened * 1000, "ms", min(open_plain) * 1000,
                   opened / min(open_plain), "ratio <= 1.5", entries=per_pack),
            result("encrypted-save", p95(saves), "ms", p95(plain_saves),
                   p95(saves) / p95(plain_saves), "p95 <= 5 ms",
                   median=round(statistics.median(saves), 3),
                   plain_median=round(statistics.median(plain_saves), 3),
                   ram_disk_p95=round(p95(shm_saves), 3) if shm_saves else None,
                   ram_disk_plain_p95=round(p95(shm_plain), 3) if shm_plain else None,
                   note="baseline: the same saves in the plain pack, taking turns; each save "
                        "is a committed transaction with a full sync, so on a disk whose "
                        "sync is slow both are slow; ram_disk: the same without the disk"),
            result("encrypted-merge", merged, "s", min(merge_plain), merged / min(merge_plain),
                   "ratio <= 1.5", packs=packs),
            result("passphrase-key", statistics.median(derive_ms), "ms", None, None,
                   "once per opening by passphrase (PBKDF2-SHA512, 256,000 rounds); never "
                   "in the timed openings above"),
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
