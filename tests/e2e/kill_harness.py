"""What the kill tests share: start a real process that types (scores, a reason, the panel's
agreed scores) and writes each keystroke's time to a marker file, let it run, SIGKILL it, and
read back what it says it typed (a line cut by the kill ends the record)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent


def read_marker(marker: Path) -> list[dict]:
    records = []
    for line in marker.read_text(encoding="utf-8").splitlines():
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:  # a line cut by the kill
            break
    return records


def run_then_kill(script: str, args: list[str], marker: Path, run_for: float,
                  what: str) -> float:
    """Run tests/e2e/`script` with `args` until it has typed for `run_for` seconds after its
    first 40 marks, then SIGKILL it; returns the moment of the kill."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    worker = subprocess.Popen([sys.executable, str(HERE / script), *args], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.time() + 60
        while not (marker.exists() and len(read_marker(marker)) > 40):
            assert worker.poll() is None, worker.stdout.read().decode() if worker.stdout else ""
            assert time.time() < deadline, f"{what} never started typing"
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
    return killed_at
