"""The command line for protected packs and personal data: pack, entries, fields, purge."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[..., subprocess.CompletedProcess[str]]
AWARD = "leading-systems-transformation"


@pytest.fixture
def panel(run_cli: Run, tmp_path: Path, fixtures: Path) -> Path:
    path = tmp_path / "awards.judgepanel"
    run_cli("new", path, "--title", "Regional Awards 2026", "--award", AWARD, check=True)
    run_cli("import", path, fixtures / "loop" / "entries.csv", "--award", AWARD, check=True)
    run_cli("judge", "add", path, "Ann Ward", check=True)
    run_cli("assign", path, "--award", AWARD, "--per-entry", "1", check=True)
    return path


def test_a_generated_passphrase_is_printed_once_and_opens_the_pack(
        run_cli: Run, panel: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JUDGEPANEL_PASSPHRASE")
    pack = tmp_path / "Ann.judgepack"
    made = run_cli("pack", panel, "--judge", "Ann Ward", "-o", pack, "--expires", "2027-01-31",
                   check=True).stdout
    assert "encrypted, expires 2027-01-31" in made
    passphrase = made.split("passphrase for Ann Ward: ")[1].splitlines()[0]
    assert b"Priya Shah" not in pack.read_bytes()
    refused = run_cli("entries", pack, "--json")  # no passphrase anywhere, no terminal
    assert refused.returncode == 1
    assert "encrypted" in refused.stderr and "--passphrase-file" in refused.stderr
    (tmp_path / "wrong.txt").write_text("not the passphrase\n", encoding="utf-8")
    wrong = run_cli("entries", pack, "--passphrase-file", tmp_path / "wrong.txt")
    assert wrong.returncode == 1 and "passphrase is wrong" in wrong.stderr
    assert "Ann" not in wrong.stderr.replace(str(pack), "") and "entries" not in wrong.stdout
    (tmp_path / "right.txt").write_text(passphrase + "\n", encoding="utf-8")
    shown = json.loads(run_cli("entries", pack, "--json", "--passphrase-file",
                               tmp_path / "right.txt", check=True).stdout)
    assert shown[0]["nominee"] == "Priya Shah"
    monkeypatch.setenv("JUDGEPANEL_PASSPHRASE", passphrase)
    assert run_cli("merge", panel, pack, check=True).returncode == 0


def test_printable_slips_carry_each_judges_passphrase(run_cli: Run, panel: Path,
                                                     tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf import PdfReader

    monkeypatch.delenv("JUDGEPANEL_PASSPHRASE")
    made = run_cli("pack", panel, "--all", "-o", tmp_path / "packs", "--slips",
                   tmp_path / "slips.pdf", check=True).stdout
    passphrase = made.split("passphrase for Ann Ward: ")[1].splitlines()[0]
    text = " ".join(PdfReader(tmp_path / "slips.pdf").pages[0].extract_text().split())
    assert "Ann Ward" in text and "Regional Awards 2026" in text
    assert passphrase.split()[0] in text and "Priya Shah" not in text


def test_no_encrypt_and_a_passphrase_file_are_one_or_the_other(run_cli: Run, panel: Path,
                                                               tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text("walnut harbour\n", encoding="utf-8")
    both = run_cli("pack", panel, "--judge", "Ann Ward", "-o", tmp_path / "a.judgepack",
                   "--no-encrypt", "--passphrase-file", tmp_path / "p.txt")
    assert both.returncode == 2 and not (tmp_path / "a.judgepack").exists()
    plain = tmp_path / "plain.judgepack"
    run_cli("pack", panel, "--judge", "Ann Ward", "-o", plain, "--no-encrypt", check=True)
    assert plain.read_bytes().startswith(b"SQLite format 3\x00") and b"Priya Shah" in \
        plain.read_bytes()


def test_fields_hide_names_for_anonymised_judging(run_cli: Run, panel: Path,
                                                  tmp_path: Path) -> None:
    chosen = json.loads(run_cli("fields", panel, "--award", AWARD, "--hide", "nominee",
                                "--hide", "organisation", "--json", check=True).stdout)
    assert chosen == {"award": AWARD, "fields": ["nominee", "organisation"],
                      "hidden": ["nominee", "organisation"], "shown": []}
    pack = tmp_path / "Ann.judgepack"
    run_cli("pack", panel, "--judge", "Ann Ward", "-o", pack, "--no-encrypt", check=True)
    raw = pack.read_bytes()
    assert b"Priya Shah" not in raw and b"North Vale NHS Trust" not in raw
    assert b"Joining up discharge" in raw  # shown by its id and title
    unknown = run_cli("fields", panel, "--award", AWARD, "--hide", "Postcode")
    assert unknown.returncode == 1 and "no field 'Postcode'" in unknown.stderr
    audit = run_cli("audit", panel, check=True).stdout
    assert "judge fields chosen" in audit


def test_purge_asks_first_then_leaves_no_names_and_a_report(run_cli: Run, panel: Path,
                                                            tmp_path: Path) -> None:
    before = panel.read_bytes()
    declined = run_cli("purge", panel, "--personal")  # no terminal: the question is declined
    assert declined.returncode == 1 and panel.read_bytes() == before
    assert run_cli("purge", panel).returncode == 2  # --personal says what is purged
    out = run_cli("purge", panel, "--personal", "--yes", check=True).stdout
    assert "personal data removed from" in out
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("awards.judgepanel*"))
    for name in ("Priya Shah", "North Vale NHS Trust", "Tom O’Brien"):
        assert name.encode("utf-8") not in raw, name
    assert "the history is intact" in run_cli("audit", panel, check=True).stdout
    run_cli("report", panel, "-o", tmp_path / "report.pdf", check=True)
    assert (tmp_path / "report.pdf").stat().st_size > 1000
