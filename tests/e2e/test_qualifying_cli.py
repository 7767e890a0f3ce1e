"""A qualifying round from the command line: assign --round, pack --round (encrypted by
default, --passphrase-file and --no-encrypt honoured), the judges' votes, merge, and
`rank --round` showing the passes and who goes through by the round's rule.

Run through the real command line in process (click's CliRunner via the run_cli fixture).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from judgepanel.core.awards import Award, Scale, Section
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.file_encryption import key_for_file
from judgepanel.core.file_safety import SQLITE_MAGIC
from judgepanel.core.judges import add_judge
from judgepanel.core.pack_votes import PackVoting
from judgepanel.core.packs import open_pack
from judgepanel.core.panel import create_panel

Run = Callable[..., CompletedProcess[str]]
AWARD = Award(id="prize", name="The Prize", scale=Scale(0, 10, 1),
              sections=(Section("Q1", "Impact", "What changed?"),))
ENTRIES = ("A", "B", "C")
# A: three passes; B: two of three; C: one of three (majority: A and B go through).
VOTES = {"Ann": {"A": True, "B": True, "C": True},
         "Bob": {"A": True, "B": True, "C": False},
         "Cat": {"A": True, "B": False, "C": False}}


def _panel(tmp_path: Path) -> Path:
    path = tmp_path / "q.judgepanel"
    store = create_panel(path, "Qualifying", [AWARD])
    upsert_entries(store, [EntryRecord(id=e, award="prize", title=f"Entry {e}")
                           for e in ENTRIES])
    for name in VOTES:
        add_judge(store, name)
    store.close()
    return path


def _vote(pack: Path, votes: dict[str, bool], passphrase: str | None) -> None:
    """Vote as the judge's window does, opening the pack with the passphrase handed over."""
    store = open_pack(pack, key_for_file(pack, passphrase) if passphrase else None)
    try:
        voting = PackVoting(store)
        for entry, passed in votes.items():
            voting.set_vote(entry, passed, "" if passed else "No evidence of the impact")
    finally:
        store.close()


def test_assign_pack_vote_merge_and_rank_a_qualifying_round(
        tmp_path: Path, run_cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    panel = _panel(tmp_path)
    run_cli("round", "add", panel, "--award", "prize", "--id", "sift", "--name",
            "Eligibility check", "--kind", "qualifying", "--pass-rule", "majority", check=True)
    run_cli("round", "close", panel, "--award", "prize", "--round", "judging", check=True)
    run_cli("promote", panel, "--award", "prize", "--to", "sift", "--entry", "A", "--entry",
            "B", "--entry", "C", "--reason", "Every entry is checked", check=True)
    assigned = run_cli("assign", panel, "--award", "prize", "--per-entry", "3", "--round",
                       "sift", "--seed", "1", check=True)
    assert "round 'sift' assigned" in assigned.stdout
    secret = tmp_path / "passphrase.txt"
    secret.write_text("walnut harbour velvet comet\n", encoding="utf-8")
    packs = {name: tmp_path / f"{name}.judgepack" for name in VOTES}
    typed = run_cli("pack", panel, "--judge", "Ann", "--award", "prize", "--round", "sift",
                    "-o", packs["Ann"], "--passphrase-file", secret, "--expires",
                    "2099-12-31", check=True)
    assert "round 'sift' (qualifying), 3 entries" in typed.stdout
    assert "expires 2099-12-31" in typed.stdout
    assert "encrypted" in typed.stdout and "passphrase for" not in typed.stdout
    plain = run_cli("pack", panel, "--judge", "Bob", "--award", "prize", "--round", "sift",
                    "-o", packs["Bob"], "--no-encrypt", check=True)
    assert "not encrypted" in plain.stdout
    monkeypatch.delenv("JUDGEPANEL_PASSPHRASE", raising=False)  # none typed: one generated
    made = run_cli("pack", panel, "--judge", "Cat", "--award", "prize", "--round", "sift",
                   "-o", packs["Cat"], check=True)
    assert "passphrase for Cat:" in made.stdout  # generated, shown once
    assert not packs["Ann"].read_bytes().startswith(SQLITE_MAGIC)
    assert not packs["Cat"].read_bytes().startswith(SQLITE_MAGIC)
    assert packs["Bob"].read_bytes().startswith(SQLITE_MAGIC)
    generated = made.stdout.split("passphrase for Cat:")[1].splitlines()[0].strip()
    passphrases = {"Ann": "walnut harbour velvet comet", "Bob": None, "Cat": generated}
    for name, votes in VOTES.items():
        _vote(packs[name], votes, passphrases[name])

    merged = run_cli("merge", panel, *packs.values(), check=True)
    assert merged.stdout.count("3 new") == 3

    text = run_cli("rank", panel, "--award", "prize", "--round", "sift", check=True).stdout
    assert "round 'sift' (Eligibility check, qualifying, open), ranked by passes (majority)" \
        in text
    rows = {line.split()[1]: line.split() for line in text.splitlines()[2:]}
    assert rows["A"][2:5] == ["3", "0", "yes"] and rows["B"][2:5] == ["2", "1", "yes"]
    assert rows["C"][2:5] == ["1", "2", "no"]
    shown = json.loads(run_cli("rank", panel, "--award", "prize", "--round", "sift", "--json",
                               check=True).stdout)
    assert [(r["entry"], r["passes"], r["goes_through"]) for r in shown["entries"]] == [
        ("A", 3, True), ("B", 2, True), ("C", 1, False)]

    run_cli("round", "close", panel, "--award", "prize", "--round", "sift", check=True)
    late = run_cli("merge", panel, packs["Bob"])
    assert late.returncode == 1
    assert "round 'sift' (Eligibility check) of award 'prize', which is closed" in \
        late.stdout + late.stderr
