"""Pulling the plug while a judge decides a qualifying round: SIGKILL the real judge's window
mid-reason, reopen the pack, and find every pass, fail and reason made more than a second
before the kill, in an intact file (the same promise as the scoring kill test)."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from kill_harness import read_marker, run_then_kill

from judgepanel.core.awards import Award, Scale, Section
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge
from judgepanel.core.pack_votes import PackVoting
from judgepanel.core.packs import open_pack
from judgepanel.core.panel import create_panel
from judgepanel.core.promotion import promote
from judgepanel.core.qualifying_packs import make_qualifying_pack
from judgepanel.core.round_definitions import RoundSpec
from judgepanel.core.round_packs import assign_round
from judgepanel.core.rounds import add_round, close_round

HERE = Path(__file__).parent
AWARD = Award(id="prize", name="The Prize", scale=Scale(0, 10, 1),
              sections=(Section("Q1", "Impact", "What changed?"),))


def qualifying_pack(folder: Path) -> Path:
    entries = [f"E-{n}" for n in range(1, 7)]
    with create_panel(folder / "p.judgepanel", "Kill", [AWARD]) as panel:
        upsert_entries(panel, [EntryRecord(e, "prize", title=f"Entry {e}",
                                           answers={"Q1": "A short answer."})
                               for e in entries])
        ann = add_judge(panel, "Ann Ward")
        add_round(panel, "prize", RoundSpec("check", "Check", "qualifying", pass_rule="all"))
        close_round(panel, "prize", "judging")
        promote(panel, "prize", "check", "All in", entries=entries)
        assign_round(panel, "prize", "check", ann)
        pack = folder / "Ann Ward.judgepack"
        make_qualifying_pack(panel, "prize", "check", ann, pack, passphrase=None)
    return pack


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_mid_reason_loses_at_most_the_last_second(tmp_path: Path) -> None:
    pack = qualifying_pack(tmp_path)
    marker = tmp_path / "decided.jsonl"
    settings = tmp_path / "settings"
    settings.mkdir()
    killed_at = run_then_kill("vote_worker.py", [str(pack), str(marker), str(settings)],
                              marker, 3.0, "the judge's window")

    records = [r for r in read_marker(marker) if r["entry"]]
    assert len(records) > 80, "too little was decided to prove anything"
    with sqlite3.connect(pack) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with open_pack(pack) as store:
        votes = PackVoting(store).votes()
    checked = 0
    for entry in {r["entry"] for r in records}:
        states = [(r["t"], r["passed"], r["reason"]) for r in records if r["entry"] == entry]
        due = [n for n, (t, _, _) in enumerate(states) if t < killed_at - 1.0]
        if not due:
            continue  # decided within the last second: may or may not be there
        # what the file may hold: any state from the last one due on (a fail waiting for its
        # reason is held as no vote)
        allowed = [None if passed is None or (passed is False and not reason.strip())
                   else (passed, reason.strip()) for _, passed, reason in states[due[-1]:]]
        vote = votes.get(entry)
        found = None if vote is None else (vote.passed, vote.reason)
        assert found in allowed, (entry, found, states[due[-1]])
        checked += 1
    assert checked >= 3
