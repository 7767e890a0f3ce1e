"""An encrypted panel on the command line: `encrypt`, `decrypt`, and every common command
working on the encrypted panel with its passphrase from a file or from the environment."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from judgepanel.core.file_encryption import is_encrypted

Run = Callable[..., subprocess.CompletedProcess[str]]
AWARD = "leading-systems-transformation"
COORDINATOR = "meadow lantern cobalt harbour quill"
# What must never be readable in the encrypted file's bytes: entry text, names, scores' notes.
SECRETS = [b"Priya Shah", b"Joining up discharge", b"North Vale NHS Trust", b"Ann Ward",
           b"Regional Awards 2026", b"huddle across three", "Tom O\u2019Brien".encode()]


@pytest.fixture
def panel(run_cli: Run, tmp_path: Path, fixtures: Path) -> Path:
    path = tmp_path / "awards.judgepanel"
    run_cli("new", path, "--title", "Regional Awards 2026", "--award", AWARD, check=True)
    run_cli("import", path, fixtures / "loop" / "entries.csv", "--award", AWARD, check=True)
    run_cli("judge", "add", path, "Ann Ward", "--email", "ann@example.org", check=True)
    run_cli("judge", "add", path, "Ben Carr", check=True)
    run_cli("assign", path, "--award", AWARD, "--per-entry", "2", "--seed", "3", check=True)
    return path


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "coordinator.txt"
    path.write_text(COORDINATOR + "\n", encoding="utf-8")
    return path


def rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows of a plain panel (the audit log apart), for comparing panels."""
    conn = sqlite3.connect(path)
    try:
        tables = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT IN ('audit', 'meta')")]
        found = {name: sorted(conn.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
                 for name in tables}
        found["meta"] = sorted(conn.execute(
            "SELECT key, value FROM meta WHERE key NOT LIKE 'audit_seal%'").fetchall())
        return found
    finally:
        conn.close()


def test_encrypt_hides_everything_and_common_commands_work_from_the_environment(
        run_cli: Run, panel: Path, passphrase_file: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    sheet = tmp_path / "paper.csv"
    sheet.write_text("entry,judge,section,score\nE-101,Ann Ward,Q1,6\n", encoding="utf-8")
    run_cli("scores", "import", panel, sheet, check=True)
    assert all(secret in panel.read_bytes() for secret in SECRETS[:5])

    made = run_cli("encrypt", panel, "--passphrase-file", passphrase_file, check=True)
    assert "encrypted" in made.stdout and COORDINATOR not in made.stdout
    raw = panel.read_bytes()
    assert is_encrypted(panel) and not raw.startswith(b"SQLite format 3")
    for secret in SECRETS:
        assert secret not in raw, secret
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []

    monkeypatch.setenv("JUDGEPANEL_PASSPHRASE", COORDINATOR)
    listed = json.loads(run_cli("entries", panel, "--json", check=True).stdout)
    assert {e["nominee"] for e in listed} >= {"Priya Shah"}
    assert "Ann Ward" in run_cli("judges", panel, check=True).stdout
    run_cli("judge", "add", panel, "Cara Diaz", check=True)
    run_cli("conflict", panel, "--judge", "Cara Diaz", "--entry", "E-102", "--reason",
            "same trust", check=True)
    run_cli("assign", panel, "--award", AWARD, "--per-entry", "2", check=True)
    pack = tmp_path / "Ann.judgepack"
    run_cli("pack", panel, "--judge", "Ann Ward", "-o", pack, check=True)
    assert is_encrypted(pack)
    mine = [e["entry"] for e in json.loads(run_cli("entries", pack, "--json",
                                                   check=True).stdout)]
    pack_sheet = tmp_path / "ann.csv"
    pack_sheet.write_text("entry,judge,section,score\n" + "".join(
        f"{entry},Ann Ward,Q{q},{4 + q % 3}\n" for entry in mine for q in range(1, 6)),
        encoding="utf-8")
    run_cli("scores", "import", pack, pack_sheet, check=True)
    merged = run_cli("merge", panel, pack, check=True).stdout
    assert "(Ann Ward): " in merged and " new, " in merged
    ranked = json.loads(run_cli("rank", panel, "--award", AWARD, "--json", check=True).stdout)
    assert ranked  # a ranking came out of the encrypted panel
    run_cli("stats", panel, "--award", AWARD, check=True)
    run_cli("report", panel, "-o", tmp_path / "report.pdf", check=True)
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    run_cli("scores", "export", panel, "-o", tmp_path / "scores.csv", check=True)
    assert json.loads(run_cli("audit", panel, "--json", check=True).stdout)["intact"] is True
    run_cli("purge", panel, "--personal", "--yes", check=True)
    assert is_encrypted(panel) and b"Priya Shah" not in panel.read_bytes()
    assert json.loads(run_cli("audit", panel, "--json", check=True).stdout)["intact"] is True


def test_the_passphrase_from_a_file_and_a_wrong_one_refused(
        run_cli: Run, panel: Path, passphrase_file: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    run_cli("encrypt", panel, "--passphrase-file", passphrase_file, check=True)
    monkeypatch.delenv("JUDGEPANEL_PASSPHRASE")
    needed = run_cli("judges", panel)
    assert needed.returncode == 1 and "encrypted" in needed.stderr
    assert "--passphrase-file" in needed.stderr and "Ann" not in needed.stdout + needed.stderr

    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase\n", encoding="utf-8")
    for args in (["--passphrase-file", wrong, "judges", panel],
                 ["entries", panel, "--json", "--passphrase-file", wrong],
                 ["attachments", panel, "--passphrase-file", wrong],
                 ["decrypt", panel, "--passphrase-file", wrong]):
        refused = run_cli(*args)
        assert refused.returncode == 1 and "passphrase is wrong" in refused.stderr, args
        shown = (refused.stdout + refused.stderr).replace(str(panel), "")
        assert "Ann" not in shown and "Priya" not in shown and "entries" not in shown
    assert is_encrypted(panel)

    # The top-level option serves any command; a command's own option serves it too.
    assert "Ann Ward" in run_cli("--passphrase-file", passphrase_file, "judges", panel,
                                 check=True).stdout
    listed = run_cli("entries", panel, "--json", "--passphrase-file", passphrase_file,
                     check=True).stdout
    assert "Priya Shah" in listed
    assert "0 attachment(s)" in run_cli("attachments", panel, "--passphrase-file",
                                        passphrase_file, check=True).stdout
    run_cli("conflict", panel, "--judge", "Ben Carr", "--entry", "E-101",
            "--passphrase-file", passphrase_file, check=True)
    run_cli("--passphrase-file", passphrase_file, "rank", panel, "--award", AWARD, check=True)


def test_decrypt_brings_back_the_same_panel_and_the_audit_chain_holds(
        run_cli: Run, panel: Path, passphrase_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = rows(panel)
    run_cli("encrypt", panel, "--passphrase-file", passphrase_file, check=True)
    monkeypatch.delenv("JUDGEPANEL_PASSPHRASE")
    run_cli("decrypt", panel, "--passphrase-file", passphrase_file, check=True)
    assert not is_encrypted(panel) and panel.read_bytes().startswith(b"SQLite format 3")
    assert rows(panel) == before
    checked = json.loads(run_cli("audit", panel, "--json", check=True).stdout)
    assert checked["intact"] is True
    recorded = {record["action"]: record["who"] for record in checked["records"]}
    assert "panel encrypted" in recorded and "panel encryption removed" in recorded
    assert recorded["panel encrypted"] == recorded["panel created"]  # who ran it, as for `new`
    again = run_cli("decrypt", panel)
    assert again.returncode == 1 and "not encrypted" in again.stderr


def test_a_generated_passphrase_is_printed_once_and_packs_are_refused(
        run_cli: Run, panel: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JUDGEPANEL_PASSPHRASE")
    made = run_cli("encrypt", panel, check=True).stdout
    passphrase = made.split(f"passphrase for {panel.name}: ")[1].splitlines()[0]
    assert len(passphrase.split()) >= 6
    monkeypatch.setenv("JUDGEPANEL_PASSPHRASE", passphrase)
    assert "Ann Ward" in run_cli("judges", panel, check=True).stdout
    twice = run_cli("encrypt", panel)
    assert twice.returncode == 1 and "already encrypted" in twice.stderr
    pack = tmp_path / "Ann.judgepack"
    run_cli("pack", panel, "--judge", "Ann Ward", "-o", pack, "--no-encrypt", check=True)
    refused = run_cli("encrypt", pack)
    assert refused.returncode == 1 and "judge pack" in refused.stderr
    assert pack.read_bytes().startswith(b"SQLite format 3")


KILL_BEFORE_REPLACING = """
import os, signal, sys
from judgepanel.core import panel
def killed(source, target):  # the process dies between writing the copy and replacing
    os.kill(os.getpid(), signal.SIGKILL)
panel.os.replace = killed
panel.encrypt_panel(sys.argv[1], "killed half way through", who="test")
"""


def test_a_killed_encrypt_leaves_the_plain_panel_whole(
        run_cli: Run, panel: Path, passphrase_file: Path, tmp_path: Path) -> None:
    before = rows(panel)
    killed = subprocess.run([sys.executable, "-c", KILL_BEFORE_REPLACING, str(panel)],
                            capture_output=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL
    half_made = [p for p in tmp_path.iterdir() if p.name.endswith(".rewriting")]
    assert len(half_made) == 1 and is_encrypted(half_made[0])  # written whole, not moved
    assert not is_encrypted(panel) and rows(panel) == before
    # The next `encrypt` clears the dead process's leftover and finishes the job.
    run_cli("encrypt", panel, "--passphrase-file", passphrase_file, check=True)
    assert not half_made[0].exists() and is_encrypted(panel)
    shown = run_cli("--passphrase-file", passphrase_file, "judges", panel, check=True)
    assert "Ann Ward" in shown.stdout


def test_open_starts_the_application_on_an_encrypted_panel(
        run_cli: Run, run_cli_process: Run, panel: Path, passphrase_file: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    run_cli("encrypt", panel, "--passphrase-file", passphrase_file, check=True)
    monkeypatch.setenv("JUDGEPANEL_QUIT_WHEN_READY", "1")
    monkeypatch.delenv("JUDGEPANEL_PASSPHRASE")
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase\n", encoding="utf-8")
    refused = run_cli_process("open", panel, "--passphrase-file", wrong)
    assert refused.returncode == 1 and "passphrase is wrong" in refused.stderr
    assert "ready" not in refused.stdout
    opened = run_cli_process("open", panel, "--passphrase-file", passphrase_file, check=True)
    assert "ready: PanelWindow" in opened.stdout
