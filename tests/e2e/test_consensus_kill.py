"""Pulling the plug in the panel room: SIGKILL a real process typing agreed scores and the
panel's note, reopen the panel, find everything typed more than a second before the kill, and
a panel that opens and verifies."""

from __future__ import annotations

import sqlite3
import sys
import warnings
from pathlib import Path

import pytest

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "gui"))

from kill_harness import read_marker, run_then_kill  # noqa: E402
from room_panels import room_panel  # noqa: E402

from judgepanel.core.consensus import consensus_sheet  # noqa: E402
from judgepanel.core.moderation import verify_panel  # noqa: E402
from judgepanel.core.panel import open_panel  # noqa: E402
from judgepanel.core.round_results import round_result  # noqa: E402


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_in_the_panel_room_loses_at_most_the_last_second(tmp_path: Path) -> None:
    panel = room_panel(tmp_path)
    marker = tmp_path / "typed.jsonl"
    killed_at = run_then_kill("consensus_worker.py", [str(panel), str(marker)], marker,
                              2.5, "the panel room")

    records = [r for r in read_marker(marker) if r["field"] != ["start"]]
    assert len(records) > 60, "too little was typed to prove anything"
    history: dict[tuple[str, str], list[tuple[float, object]]] = {}
    for record in records:
        entry, field = record["field"]
        history.setdefault((entry, field), []).append((record["t"], record["value"]))

    with sqlite3.connect(panel) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an altered history would warn on opening
        store = open_panel(panel)
    try:
        assert verify_panel(store) == []
        finalists = sorted(x.entry for x in round_result(store, "prize", "final").lines)
        assert finalists == ["A", "B", "C"]
        checked = 0
        for (entry, field), states in history.items():
            sheet = consensus_sheet(store, "prize", "final", entry)
            saved = sheet["note"] if field == "note" else sheet["scores"].get(field)
            due = [n for n, (t, _) in enumerate(states) if t < killed_at - 1.0]
            if not due:
                continue  # typed within the last second: may or may not be there
            allowed = [value for _, value in states[due[-1]:]]
            assert saved in allowed, (entry, field, saved, states[due[-1]])
            checked += 1
        assert checked >= 3
    finally:
        store.close()
