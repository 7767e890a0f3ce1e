"""Judging rounds in the outputs and the score sheets, from the command line: `stats`,
`results`, `scores import` and `scores export` take `--round` (default: the award's current
round), and a one-round award is unchanged.

Run through the real command line in process (click's CliRunner via the run_cli fixture).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

from judgepanel.core.awards import Award, Scale, Section
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge
from judgepanel.core.panel import create_panel
from judgepanel.core.scoring import Judging

Run = Callable[..., CompletedProcess[str]]
AWARD = Award(id="prize", name="The Prize", scale=Scale(0, 10, 1),
              sections=(Section("Q1", "Impact", "What changed?"),))
SCORES = {"A": (8, 7), "B": (6, 5), "C": (5, 4), "D": (3, 4), "E": (1, 2)}
FINAL = """
[[sections]]
id = "talk"
title = "Presentation"
question = "How did the presentation go?"
"""


def _panel(tmp_path: Path) -> Path:
    path = tmp_path / "rounds.judgepanel"
    store = create_panel(path, "Rounds", [AWARD])
    upsert_entries(store, [EntryRecord(id=e, award="prize", title=f"Entry {e}",
                                       nominee=f"Nominee {e}") for e in SCORES])
    ann, bob = add_judge(store, "Ann"), add_judge(store, "Bob")
    add_judge(store, "Cat")
    for entry, (a, b) in SCORES.items():
        Judging.for_judge(store, ann.id).set_score(entry, "Q1", a)
        Judging.for_judge(store, bob.id).set_score(entry, "Q1", b)
    store.close()
    return path


def _final_round(tmp_path: Path, run_cli: Run, panel: Path, kind: str = "scored") -> None:
    sections = tmp_path / "final.toml"
    sections.write_text(FINAL, encoding="utf-8")
    run_cli("round", "add", panel, "--award", "prize", "--id", "final", "--name", "Final",
            "--kind", kind, "--sections", sections, check=True)
    run_cli("round", "close", panel, "--award", "prize", "--round", "judging", check=True)
    run_cli("promote", panel, "--award", "prize", "--to", "final", "--top", "3",
            "--reason", "Shortlist", check=True)


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_one_round_award_stats_results_and_sheets_are_unchanged(tmp_path: Path,
                                                               run_cli: Run) -> None:
    panel = _panel(tmp_path)
    stats = json.loads(run_cli("stats", panel, "--award", "prize", "--json",
                               check=True).stdout)
    assert stats["round"] == "judging" and stats["scores"] == 10 and stats["judges"] == 2
    same = json.loads(run_cli("stats", panel, "--award", "prize", "--round", "judging",
                              "--json", check=True).stdout)
    assert same == stats
    run_cli("results", panel, "--award", "prize", "-o", tmp_path / "r.csv", check=True)
    rows = _csv(tmp_path / "r.csv")
    assert [(r["rank"], r["entry"], r["round"]) for r in rows][:2] == [
        ("1", "A", "judging"), ("2", "B", "judging")]
    assert rows[0]["nominee"] == "Nominee A"
    run_cli("scores", "export", panel, "-o", tmp_path / "all.csv", check=True)
    assert len(_csv(tmp_path / "all.csv")) == 10
    sheet = tmp_path / "paper.csv"
    sheet.write_text("entry,judge,section,score\nA,Cat,Q1,9\n", encoding="utf-8")
    done = run_cli("scores", "import", panel, sheet, check=True)
    assert "1 new" in done.stdout
    assert len(_csv(_export(run_cli, panel, tmp_path, "--award", "prize"))) == 11


def _export(run_cli: Run, panel: Path, tmp_path: Path, *options: str) -> Path:
    out = tmp_path / f"export{len(list(tmp_path.glob('export*')))}.csv"
    run_cli("scores", "export", panel, "-o", out, *options, check=True)
    return out


def test_a_later_scored_round_takes_paper_scores_and_reports_them(tmp_path: Path,
                                                                  run_cli: Run) -> None:
    panel = _panel(tmp_path)
    _final_round(tmp_path, run_cli, panel)
    run_cli("assign", panel, "--award", "prize", "--round", "final", "--per-entry", "3",
            check=True)
    sheet = tmp_path / "final.csv"
    sheet.write_text("entry,judge,section,score,comment\nA,Ann,talk,6,Fine\nB,Ann,talk,9,\n"
                     "A,Cat,talk,7,\nB,Cat,talk,8,\nC,Cat,talk,2,\n", encoding="utf-8")
    done = run_cli("scores", "import", panel, sheet, check=True)
    assert "5 row(s): 5 new" in done.stdout
    # the written round is untouched: Cat scored nothing there
    first = json.loads(run_cli("rank", panel, "--award", "prize", "--round", "judging",
                               "--json", check=True).stdout)
    assert first["entries"][0]["judges"] == 2
    final = json.loads(run_cli("rank", panel, "--award", "prize", "--json",
                               check=True).stdout)
    assert [(r["entry"], r["score"], r["judges"]) for r in final["entries"]] == [
        ("B", 85.0, 2), ("A", 65.0, 2), ("C", 20.0, 1)]

    stats = json.loads(run_cli("stats", panel, "--award", "prize", "--json",
                               check=True).stdout)
    assert (stats["round"], stats["judges"], stats["scores"], stats["entries"]) == (
        "final", 2, 5, 3)
    earlier = json.loads(run_cli("stats", panel, "--award", "prize", "--round", "judging",
                                 "--json", check=True).stdout)
    assert (earlier["round"], earlier["scores"]) == ("judging", 10)
    assert "Krippendorff" in run_cli("stats", panel, "--award", "prize", check=True).stdout

    run_cli("results", panel, "--award", "prize", "-o", tmp_path / "final.xlsx", check=True)
    run_cli("results", panel, "--award", "prize", "-o", tmp_path / "final.csv", check=True)
    rows = _csv(tmp_path / "final.csv")
    assert [(r["rank"], r["entry"], r["nominee"], r["round"]) for r in rows] == [
        ("1", "B", "Nominee B", "final"), ("2", "A", "Nominee A", "final"),
        ("3", "C", "Nominee C", "final")]
    run_cli("results", panel, "--award", "prize", "--round", "judging", "-o",
            tmp_path / "written.csv", check=True)
    assert {r["round"] for r in _csv(tmp_path / "written.csv")} == {"judging"}
    assert len(_csv(tmp_path / "written.csv")) == 5

    exported = _csv(_export(run_cli, panel, tmp_path, "--award", "prize"))
    assert [(r["entry"], r["judge"], r["score"], r["round"]) for r in exported] == [
        ("A", "Ann", "6", "final"), ("A", "Cat", "7", "final"), ("B", "Ann", "9", "final"),
        ("B", "Cat", "8", "final"), ("C", "Cat", "2", "final")]
    assert exported[0]["comment"] == "Fine"
    written = _csv(_export(run_cli, panel, tmp_path, "--award", "prize", "--round",
                           "judging"))
    assert len(written) == 10 and {r["round"] for r in written} == {"judging"}
    # the exported sheet goes back in unchanged (a round trip)
    again = run_cli("scores", "import", panel, tmp_path / "export0.csv", "--round", "final",
                    check=True)
    assert "5 unchanged" in again.stdout


def test_round_sheets_are_checked_like_a_round_pack(tmp_path: Path, run_cli: Run) -> None:
    panel = _panel(tmp_path)
    _final_round(tmp_path, run_cli, panel)
    from judgepanel.core.judges import find_judge
    from judgepanel.core.panel import open_panel
    from judgepanel.core.round_packs import assign_round

    with open_panel(panel) as store:
        ann = find_judge(store, "Ann")
        assert ann is not None
        assign_round(store, "prize", "final", ann, ["A", "B"])

    def refused(text: str, *options: str) -> str:
        sheet = tmp_path / "bad.csv"
        sheet.write_text(f"entry,judge,section,score\n{text}\n", encoding="utf-8")
        result = run_cli("scores", "import", panel, sheet, *options)
        assert result.returncode == 1, result.stdout
        return result.stderr

    assert "row 2: entry 'C' is not assigned to Ann in round 'final'" in refused(
        "C,Ann,talk,5")
    assert "entry 'D' is not in round 'final'" in refused("D,Ann,talk,5")
    assert "round 'final' of award 'prize' has no section 'Q1'" in refused("A,Ann,Q1,5")
    assert "row 2: entry 'A', section talk" in refused("A,Ann,talk,11")
    assert "'Zed' is not a judge of this panel" in refused("A,Zed,talk,5")
    assert "award 'prize' has no round 'semi'" in refused("A,Ann,talk,5", "--round", "semi")
    run_cli("round", "close", panel, "--award", "prize", "--round", "final", check=True)
    assert "round 'final' of award 'prize' (Final) is closed" in refused(
        "A,Ann,talk,5", "--round", "final")
    assert "row 2: round 'judging' of award 'prize' (Judging) is closed" in refused(
        "A,Ann,Q1,5", "--round", "judging")


def test_a_consensus_round_exports_the_agreed_scores(tmp_path: Path, run_cli: Run) -> None:
    panel = _panel(tmp_path)
    _final_round(tmp_path, run_cli, panel, kind="consensus")
    run_cli("consensus", panel, "--award", "prize", "--round", "final", "--entry", "B",
            "--section", "talk", "--score", "9", "--note", "Agreed", check=True)
    rows = _csv(_export(run_cli, panel, tmp_path, "--round", "final"))
    assert [(r["entry"], r["judge"], r["score"], r["round"]) for r in rows] == [
        ("B", "(the panel)", "9", "final")]
    stats = json.loads(run_cli("stats", panel, "--award", "prize", "--json",
                               check=True).stdout)
    assert (stats["round"], stats["kind"], stats["entries"], stats["judges"]) == (
        "final", "consensus", 1, 0)
    text = run_cli("stats", panel, "--award", "prize", check=True).stdout
    assert "round 'final' is a consensus round" in text
    sheet = tmp_path / "x.csv"
    sheet.write_text("entry,judge,section,score\nB,Ann,talk,5\n", encoding="utf-8")
    result = run_cli("scores", "import", panel, sheet)
    assert result.returncode == 1 and "judgepanel consensus" in result.stderr


def _pages(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


def test_certificates_for_everyone_promoted_into_a_round(tmp_path: Path, run_cli: Run) -> None:
    panel = _panel(tmp_path)
    run_cli("round", "add", panel, "--award", "prize", "--id", "shortlist", "--name",
            "Shortlisted", "--kind", "scored", check=True)
    run_cli("round", "add", panel, "--award", "prize", "--id", "final", "--name", "Final",
            "--kind", "consensus", check=True)
    run_cli("promote", panel, "--award", "prize", "--to", "shortlist", "--top", "3",
            "--reason", "Shortlist", check=True)
    run_cli("promote", panel, "--award", "prize", "--to", "final", "--entry", "A",
            "--entry", "B", "--reason", "The panel's final two", check=True)
    made = run_cli("certificates", panel, "-o", tmp_path / "finalists.pdf", "--round",
                   "final", check=True)
    assert "certificates written" in made.stdout
    pages = _pages(tmp_path / "finalists.pdf")
    assert len(pages) == 2
    assert all("Finalist" in page for page in pages)
    assert "Nominee A" in pages[0] and "Nominee B" in pages[1]
    run_cli("certificates", panel, "-o", tmp_path / "short", "--round", "shortlist",
            "--separate", check=True)
    assert sorted(p.name for p in (tmp_path / "short").iterdir()) == [
        "A Shortlisted certificate.pdf", "B Shortlisted certificate.pdf",
        "C Shortlisted certificate.pdf"]
    assert "Shortlisted" in _pages(tmp_path / "short" / "C Shortlisted certificate.pdf")[0]
    unknown = run_cli("certificates", panel, "-o", tmp_path / "x.pdf", "--round", "semi")
    assert unknown.returncode == 1 and "no award here has a round 'semi'" in unknown.stderr
    both = run_cli("certificates", panel, "-o", tmp_path / "x.pdf", "--round", "final",
                   "--placement", "winner")
    assert both.returncode == 2 and "either --placement or --round" in both.stderr


def test_round_packs_from_the_command_line_are_encrypted_by_default(tmp_path: Path,
                                                                    run_cli: Run) -> None:
    from judgepanel.core.file_encryption import is_encrypted

    panel = _panel(tmp_path)
    _final_round(tmp_path, run_cli, panel)
    run_cli("assign", panel, "--award", "prize", "--round", "final", "--per-entry", "2",
            "--seed", "1", check=True)
    made = run_cli("pack", panel, "--award", "prize", "--round", "final", "--judge", "Ann",
                   "-o", tmp_path / "ann.judgepack", "--slips", tmp_path / "slip.pdf",
                   "--expires", "2030-01-31", check=True)
    assert "round 'final'" in made.stdout and "encrypted, expires 2030-01-31" in made.stdout
    assert is_encrypted(tmp_path / "ann.judgepack") and (tmp_path / "slip.pdf").exists()
    assert b"Entry A" not in (tmp_path / "ann.judgepack").read_bytes()
    secret = tmp_path / "secret.txt"
    secret.write_text("harbour lantern velvet\n", encoding="utf-8")
    typed = run_cli("pack", panel, "--award", "prize", "--round", "final", "--judge", "Bob",
                    "-o", tmp_path / "bob.judgepack", "--passphrase-file", secret, check=True)
    assert ", encrypted" in typed.stdout and "passphrase for" not in typed.stdout
    plain = run_cli("pack", panel, "--award", "prize", "--round", "final", "--judge", "Cat",
                    "-o", tmp_path / "cat.judgepack", "--no-encrypt", check=True)
    assert "not encrypted" in plain.stdout and not is_encrypted(tmp_path / "cat.judgepack")
    merged = run_cli("merge", panel, tmp_path / "ann.judgepack", tmp_path / "bob.judgepack",
                     check=True)  # the panel kept the keys: nothing asked
    assert "0 new" in merged.stdout
    run_cli("round", "close", panel, "--award", "prize", "--round", "final", check=True)
    late = run_cli("merge", panel, tmp_path / "ann.judgepack")
    assert late.returncode == 1 and "belongs to round 'final' (Final)" in late.stderr
