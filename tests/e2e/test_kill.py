"""Pulling the plug mid-sentence: SIGKILL a real scoring process, reopen the pack, find
everything typed more than a second before the kill, and an intact file."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "gui"))

from sample_pack import build_pack  # noqa: E402

from judgepanel.core.file_encryption import connect, encrypt_file  # noqa: E402
from judgepanel.core.packs import open_pack  # noqa: E402
from judgepanel.core.scoring import Judging  # noqa: E402


def read_marker(marker: Path) -> list[dict]:
    lines = marker.read_text(encoding="utf-8").splitlines()
    records = []
    for line in lines:
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:  # a line cut by the kill
            break
    return records


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize(("run_for", "passphrase"), [(2.5, ""), (4.0, ""),
                                                    (2.5, "maple otter lantern")])
def test_sigkill_mid_typing_loses_at_most_the_last_second(tmp_path: Path, run_for: float,
                                                         passphrase: str):
    pack = build_pack(tmp_path)
    key = encrypt_file(pack, passphrase) if passphrase else None  # SQLCipher's own pages
    marker = tmp_path / "typed.jsonl"
    settings = tmp_path / "settings"
    settings.mkdir()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    worker = subprocess.Popen([sys.executable, str(HERE / "scoring_worker.py"), str(pack),
                               str(marker), str(settings), *([passphrase] if key else [])],
                              env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.time() + 60
        while not (marker.exists() and len(read_marker(marker)) > 40):
            assert worker.poll() is None, worker.stdout.read().decode() if worker.stdout else ""
            assert time.time() < deadline, "the scoring process never started typing"
            time.sleep(0.05)
        time.sleep(run_for)
        killed_at = time.time()
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(10)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait(10)
    assert worker.returncode == -signal.SIGKILL

    records = [r for r in read_marker(marker) if r["field"] != ["start"]]
    history: dict[tuple[str, ...], list[tuple[float, object]]] = {}
    for record in records:
        history.setdefault(tuple(record["field"]), []).append((record["t"], record["value"]))
    assert len(records) > 60, "too little was typed to prove anything"

    with (connect(str(pack), key) if key else sqlite3.connect(pack)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    if key:
        assert b"Kowalska" not in pack.read_bytes()
    with open_pack(pack, key) as store:
        judging = Judging.for_pack(store)
        checked = 0
        for (entry, section, kind), states in history.items():
            row = judging.scores(entry).get(section, {})
            saved = row.get("value") if kind == "score" else row.get("comment", "")
            due = [n for n, (t, _) in enumerate(states) if t < killed_at - 1.0]
            if not due:
                continue  # typed within the last second: may or may not be there
            allowed = [value for _, value in states[due[-1]:]]
            assert saved in allowed, (entry, section, kind, saved, states[due[-1]])
            checked += 1
        assert checked >= 3
