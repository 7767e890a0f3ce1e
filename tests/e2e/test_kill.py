"""Pulling the plug mid-sentence: SIGKILL a real scoring process, reopen the pack, find
everything typed more than a second before the kill, and an intact file."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "gui"))

from kill_harness import read_marker, run_then_kill  # noqa: E402
from sample_pack import build_pack  # noqa: E402

from judgepanel.core.file_encryption import connect, encrypt_file  # noqa: E402
from judgepanel.core.packs import open_pack  # noqa: E402
from judgepanel.core.scoring import Judging  # noqa: E402


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
    killed_at = run_then_kill("scoring_worker.py", [str(pack), str(marker), str(settings),
                              *([passphrase] if key else [])], marker, run_for,
                              "the scoring process")

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
