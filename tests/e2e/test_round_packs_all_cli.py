"""`pack --all --round ROUND`: a pack for every judge assigned in a later scored or qualifying
round, as `pack --all` makes one for every judge in the first round; each pack holds only its
judge's entries of that round, and they come back through the ordinary merge.

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
from judgepanel.core.panel import create_panel, open_panel
from judgepanel.core.scoring import Judging

Run = Callable[..., CompletedProcess[str]]
AWARD = Award(id="prize", name="The Prize", scale=Scale(0, 10, 1),
              sections=(Section("Q1", "Impact", "What changed?"),))
FIRST = {"A": (9, 8), "B": (7, 7), "C": (6, 5), "D": (3, 4), "E": (1, 2)}
FINAL = """
[[sections]]
id = "talk"
title = "Presentation"
question = "How did the presentation go?"
"""
JUDGES = ("Ann Lee", "Bob Shah", "Cat Ó Murchú")


def _panel(tmp_path: Path) -> Path:
    path = tmp_path / "rounds.judgepanel"
    store = create_panel(path, "Rounds", [AWARD])
    upsert_entries(store, [EntryRecord(id=e, award="prize", title=f"Entry {e}")
                           for e in FIRST])
    ann, bob = (add_judge(store, name) for name in JUDGES[:2])
    add_judge(store, JUDGES[2])
    for entry, (a, b) in FIRST.items():
        Judging.for_judge(store, ann.id).set_score(entry, "Q1", a)
        Judging.for_judge(store, bob.id).set_score(entry, "Q1", b)
    store.close()
    return path


def _later_round(tmp_path: Path, run_cli: Run, panel: Path, kind: str) -> None:
    """A later round of the top three, assigned two judges each, then a judge who joins
    after the assignment (so has nothing in the round)."""
    extra: list[str | Path] = ["--pass-rule", "majority"]
    if kind == "scored":
        (tmp_path / "final.toml").write_text(FINAL, encoding="utf-8")
        extra = ["--sections", tmp_path / "final.toml"]
    run_cli("round", "add", panel, "--award", "prize", "--id", "final", "--name", "Final",
            "--kind", kind, *extra, check=True)
    run_cli("round", "close", panel, "--award", "prize", "--round", "judging", check=True)
    run_cli("promote", panel, "--award", "prize", "--to", "final", "--top", "3",
            "--reason", "Shortlist", check=True)
    run_cli("assign", panel, "--award", "prize", "--round", "final", "--per-entry", "2",
            "--seed", "3", check=True)
    run_cli("judge", "add", panel, "Dee Late", check=True)


def _assigned(panel: Path) -> dict[str, list[str]]:
    with open_panel(panel) as store:
        rows = store.rows("SELECT j.name, a.entry FROM round_assignments a JOIN judges j ON "
                          "j.id = a.judge WHERE a.round = 'final' ORDER BY a.entry")
    found: dict[str, list[str]] = {}
    for row in rows:
        found.setdefault(row["name"], []).append(row["entry"])
    return found


def _passphrases(stdout: str) -> dict[str, str]:
    lines = [line.split("passphrase for ", 1)[1] for line in stdout.splitlines()
             if line.startswith("passphrase for ")]
    return dict(line.split(": ", 1) for line in lines)


def test_pack_all_for_a_later_scored_round(tmp_path: Path, run_cli: Run,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JUDGEPANEL_PASSPHRASE", raising=False)  # none typed: generated
    panel = _panel(tmp_path)
    _later_round(tmp_path, run_cli, panel, "scored")
    assigned = _assigned(panel)
    assert sorted(assigned) == sorted(JUDGES)  # three finalists, two judges each
    folder = tmp_path / "final-packs"
    made = run_cli("pack", panel, "--all", "--award", "prize", "--round", "final", "-o",
                   folder, "--slips", tmp_path / "slips.pdf", "--expires", "2099-12-31",
                   check=True)
    files = sorted(p.name for p in folder.glob("*.judgepack"))
    assert files == sorted(f"{name} - final.judgepack" for name in JUDGES)  # no Dee Late
    assert made.stdout.count("round 'final'") == 3
    assert made.stdout.count("encrypted, expires 2099-12-31") == 3
    assert (tmp_path / "slips.pdf").exists() and "3 passphrase slip(s)" in made.stdout
    secrets = _passphrases(made.stdout)
    assert sorted(secrets) == sorted(JUDGES) and len(set(secrets.values())) == 3
    for name in JUDGES:
        path = folder / f"{name} - final.judgepack"
        data = path.read_bytes()
        assert not data.startswith(SQLITE_MAGIC) and b"Entry A" not in data
        pack = open_pack(path, key_for_file(path, secrets[name]))
        try:
            held = [r["id"] for r in pack.rows("SELECT id FROM entries ORDER BY id")]
            assert held == assigned[name]
            assert pack.rows("SELECT COUNT(*) AS n FROM scores")[0]["n"] == 0  # no round 1
            judging = Judging.for_pack(pack)
            for entry in held:
                judging.set_score(entry, "talk", 8 if entry == "A" else 6)
        finally:
            pack.close()

    merged = run_cli("merge", panel, *sorted(folder.glob("*.judgepack")), check=True)
    assert merged.stdout.count("2 new") == 3  # the panel kept every key: nothing asked
    ranked = json.loads(run_cli("rank", panel, "--award", "prize", "--round", "final",
                                "--json", check=True).stdout)
    assert [(r["entry"], r["judges"]) for r in ranked["entries"]][0] == ("A", 2)

    again = run_cli("pack", panel, "--all", "--award", "prize", "--round", "final", "-o",
                    folder, "--no-encrypt")
    assert again.returncode == 1 and "already exists; nothing was written" in again.stderr
    plain = run_cli("pack", panel, "--all", "--award", "prize", "--round", "final", "-o",
                    folder, "--no-encrypt", "--overwrite", check=True)
    assert plain.stdout.count("not encrypted") == 3 and "passphrase for" not in plain.stdout
    with open_pack(folder / "Ann Lee - final.judgepack") as pack:  # carries her own scores
        assert pack.rows("SELECT COUNT(*) AS n FROM scores")[0]["n"] == len(assigned["Ann Lee"])


def test_pack_all_for_a_qualifying_round_with_one_typed_passphrase(
        tmp_path: Path, run_cli: Run) -> None:
    panel = _panel(tmp_path)
    _later_round(tmp_path, run_cli, panel, "qualifying")
    assigned = _assigned(panel)
    secret = tmp_path / "passphrase.txt"
    secret.write_text("walnut harbour velvet comet\n", encoding="utf-8")
    folder = tmp_path / "sift"
    made = run_cli("pack", panel, "--all", "--award", "prize", "--round", "final", "-o",
                   folder, "--passphrase-file", secret, check=True)
    assert made.stdout.count("(qualifying)") == 3 and "passphrase for" not in made.stdout
    for name in JUDGES:
        path = folder / f"{name} - final.judgepack"
        store = open_pack(path, key_for_file(path, "walnut harbour velvet comet"))
        try:
            assert [r["id"] for r in store.rows("SELECT id FROM entries ORDER BY id")] == \
                assigned[name]
            voting = PackVoting(store)
            for entry in assigned[name]:
                voting.set_vote(entry, entry != "C", "" if entry != "C" else "Out of scope")
        finally:
            store.close()
    run_cli("merge", panel, *sorted(folder.glob("*.judgepack")), check=True)
    shown = json.loads(run_cli("rank", panel, "--award", "prize", "--round", "final",
                               "--json", check=True).stdout)
    assert {r["entry"]: r["goes_through"] for r in shown["entries"]} == {
        "A": True, "B": True, "C": False}


def test_pack_all_round_refusals_and_the_first_round(tmp_path: Path, run_cli: Run) -> None:
    panel = _panel(tmp_path)
    run_cli("round", "add", panel, "--award", "prize", "--id", "final", "--name", "Final",
            "--kind", "scored", check=True)
    run_cli("round", "close", panel, "--award", "prize", "--round", "judging", check=True)
    run_cli("promote", panel, "--award", "prize", "--to", "final", "--top", "2",
            "--reason", "Shortlist", check=True)
    none = run_cli("pack", panel, "--all", "--award", "prize", "--round", "final", "-o",
                   tmp_path / "out", "--no-encrypt")
    assert none.returncode == 1
    assert "no judge has entries in round 'final' of award 'prize'" in none.stderr
    assert not list((tmp_path / "out").glob("*.judgepack"))
    unnamed = run_cli("pack", panel, "--all", "--round", "final", "-o", tmp_path / "out")
    assert unnamed.returncode == 2 and "--round needs --award AWARD" in unnamed.stderr
    first = run_cli("pack", panel, "--all", "--award", "prize", "--round", "judging", "-o",
                    tmp_path / "first", "--no-encrypt", check=True)
    assert sorted(p.name for p in (tmp_path / "first").glob("*.judgepack")) == sorted(
        f"{name}.judgepack" for name in JUDGES)  # the ordinary packs, one per judge
    assert first.stdout.count("not encrypted") == 3
