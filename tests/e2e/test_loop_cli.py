"""The whole offline loop from the command line, with three judges, as a coordinator runs it."""

from __future__ import annotations

import csv
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

from judgepanel.core.file_encryption import connect, key_for_file

AWARD = "leading-systems-transformation"
SECTIONS = ("Q1", "Q2", "Q3", "Q4", "Q5")
JUDGES = (("Ann Ward", "ann@example.org"), ("Ben Carr", "ben@example.org"),
          ("Cleo Hart", "cleo@example.org"))

Run = Callable[..., CompletedProcess[str]]


def entries_in(run_cli: Run, path: Path) -> list[str]:
    listed = run_cli("entries", path, "--json", check=True)
    return [entry["entry"] for entry in json.loads(listed.stdout)]


def paper_sheet(folder: Path, judge: str, number: int, entries: list[str]) -> tuple[
        Path, dict[tuple[str, str, str], tuple[str, str]]]:
    """A judge's paper scores typed into a CSV, and what it says."""
    entered = {}
    path = folder / f"{judge} scores.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["entry", "judge", "section", "score", "comment"])
        for entry in entries:
            for position, section in enumerate(SECTIONS):
                value = str((number * 3 + position + len(entry)) % 11)
                comment = f"{judge.split()[0]}-note on {entry}, {section}: ‘good’"
                if section == "Q5":
                    comment = f"=HYPERLINK(\"http://x.test\",\"{judge} {entry}\")"
                writer.writerow([entry, judge, section, value, comment])
                entered[(entry, judge, section)] = (value, comment)
    return path, entered


def test_three_judges_round_trip_exactly(run_cli: Run, tmp_path: Path, fixtures: Path) -> None:
    panel = tmp_path / "awards.judgepanel"
    run_cli("new", panel, "--title", "Regional Awards 2026", "--award", AWARD, check=True)
    imported = run_cli("import", panel, fixtures / "loop" / "entries.csv", "--award", AWARD,
                       check=True)
    assert "added 5 entries" in imported.stdout
    for name, email in JUDGES:
        run_cli("judge", "add", panel, name, "--email", email, check=True)
    assigned = run_cli("assign", panel, "--award", AWARD, "--per-entry", "2", "--seed", "7",
                       check=True)
    assert "10 assignment(s) added" in assigned.stdout
    run_cli("conflict", panel, "--judge", "Ben Carr", "--entry", "E-101", "--reason",
            "Works at North Vale", check=True)
    topped = run_cli("assign", panel, "--award", AWARD, "--per-entry", "2", check=True)
    assert "kept" in topped.stdout

    entered: dict[tuple[str, str, str], tuple[str, str]] = {}
    packs = []
    for number, (name, _) in enumerate(JUDGES):
        pack = tmp_path / f"{name}.judgepack"
        made = run_cli("pack", panel, "--judge", name, "-o", pack, check=True)
        assert name in made.stdout
        mine = entries_in(run_cli, pack)
        if name == "Ben Carr":
            assert "E-101" not in mine
        sheet, typed = paper_sheet(tmp_path, name, number, mine)
        result = run_cli("scores", "import", pack, sheet, check=True)
        assert f"{len(mine) * 5} new" in result.stdout
        entered.update(typed)
        packs.append(pack)
    assert sum(len(entries_in(run_cli, p)) for p in packs) == 10

    merged = run_cli("merge", panel, *packs, check=True)
    lines = merged.stdout.strip().splitlines()
    assert len(lines) == 3 and all(" new, 0 changed, 0 unchanged score(s)" in ln for ln in lines)
    again = run_cli("merge", panel, *packs, check=True)
    assert all("0 new, 0 changed" in line for line in again.stdout.splitlines())

    out = tmp_path / "scores.csv"
    run_cli("scores", "export", panel, "-o", out, check=True)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    exported = {(r["entry"], r["judge"], r["section"]): (r["score"], r["comment"].removeprefix(
        "'") if r["comment"].startswith("'=") else r["comment"]) for r in rows}
    assert exported == entered
    assert all(r["comment"].startswith("'=") for r in rows if r["section"] == "Q5")

    # a re-issued pack carries the judge's own work and nobody else's words
    reissued = tmp_path / "Ann again.judgepack"
    run_cli("pack", panel, "--judge", "Ann Ward", "-o", reissued, "--no-encrypt", check=True)
    raw = reissued.read_bytes()
    assert b"Ann-note" in raw
    for word in (b"Ben-note", b"Cleo-note", b"Ben Carr", b"Cleo Hart", b"ben@example.org"):
        assert word not in raw

    # a tampered return (by someone who has the passphrase) is refused, the panel unchanged
    key = key_for_file(packs[0], os.environ["JUDGEPANEL_PASSPHRASE"])
    with connect(str(packs[0]), key) as conn:
        conn.execute("UPDATE scores SET value = 10 WHERE rowid = (SELECT MIN(rowid) "
                     "FROM scores)")
    conn.close()
    before = hashlib.sha256(panel.read_bytes()).hexdigest()
    refused = run_cli("merge", panel, packs[1], packs[0])
    assert refused.returncode == 1
    assert refused.stderr.startswith("error: ") and "altered outside JudgePanel" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert hashlib.sha256(panel.read_bytes()).hexdigest() == before


def test_packs_for_every_judge_and_clear_errors(run_cli: Run, tmp_path: Path,
                                                fixtures: Path) -> None:
    panel = tmp_path / "awards.judgepanel"
    run_cli("new", panel, "--title", "Regional Awards 2026", "--award", AWARD, check=True)
    run_cli("import", panel, fixtures / "loop" / "entries.csv", "--award", AWARD, check=True)
    for name, _ in JUDGES:
        run_cli("judge", "add", panel, name, check=True)
    run_cli("assign", panel, "--award", AWARD, "--per-entry", "3", check=True)
    folder = tmp_path / "out"
    made = run_cli("pack", panel, "--all", "-o", folder, check=True)
    assert sorted(p.name for p in folder.iterdir()) == [f"{n}.judgepack" for n, _ in JUDGES]
    assert made.stdout.count("5 entries") == 3
    again = run_cli("pack", panel, "--all", "-o", folder)
    assert again.returncode == 1 and "already exists" in again.stderr

    checks = [
        (("assign", panel, "--award", AWARD, "--per-entry", "4"),
         "entry 'E-101': only 3 judge(s) can judge it"),
        (("conflict", panel, "--judge", "Nobody", "--entry", "E-101"), "no judge called"),
        (("conflict", panel, "--judge", "Ann Ward", "--entry", "E-999"), "no entry 'E-999'"),
        (("merge", panel, fixtures / "loop" / "entries.csv"), "not an SQLite database"),
        (("scores", "import", panel, tmp_path / "missing.csv"), "missing.csv: no such file"),
        (("scores", "export", panel, "-o", tmp_path / "x.pdf"), "a .csv or .xlsx file"),
    ]
    for args, message in checks:
        result = run_cli(*args)
        assert result.returncode == 1, args
        assert result.stderr.startswith("error: ") and message in result.stderr, result.stderr
    usage = run_cli("pack", panel, "-o", tmp_path / "x.judgepack")
    assert usage.returncode == 2 and "--judge NAME or --all" in usage.stderr
    sheet = tmp_path / "paper.csv"
    sheet.write_text("entry,judge,section,score\nE-101,New Judge,Q1,6\n", encoding="utf-8")
    added = run_cli("scores", "import", panel, sheet, check=True)
    assert "added judge New Judge" in added.stdout
    xlsx = tmp_path / "scores.xlsx"
    run_cli("scores", "export", panel, "-o", xlsx, check=True)
    assert xlsx.stat().st_size > 0
