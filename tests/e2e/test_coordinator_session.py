"""A coordinator's whole season from the command line, checked as they would.

New panel (two built-in awards and one custom award), vendor exports in, three judges (one
the chair), assignment, a conflict, packs out, paper scores keyed into the packs, packs
merged (twice), a tampered pack refused, rankings, statistics, placements, the PDFs, and
score sheets out and back in.
"""

from __future__ import annotations

import csv
import getpass
import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import openpyxl
import pytest

from judgepanel.core.file_encryption import connect, key_for_file
from judgepanel.core.spreadsheet_safety import restore

Run = Callable[..., CompletedProcess[str]]
LST = "leading-systems-transformation"
SII = "service-improvement-innovation"
CC = "community-champion"
CHAIR, TOMASZ, GRACE = "Dr Aoife Ní Bhriain", "Tomasz Wójcik", "Grace Mensah"
JUDGES = (CHAIR, TOMASZ, GRACE)
SECTIONS = {LST: ("Q1", "Q2", "Q3", "Q4", "Q5"), SII: ("Q1", "Q2", "Q3", "Q4"),
            CC: ("impact", "reach")}
# How good each entry is (0–10); every judge agrees on the order, some are more lenient.
QUALITY = {"E-101": 9, "E-102": 7, "123-LS": 6, "E-104": 5, "124-LS": 4, "OW-3F9K": 7,
           "CC-1": 8, "CC-3": 6.5, "CC-2": 5}
LENIENCY = {CHAIR: 0, TOMASZ: 1, GRACE: -1}
ACCENTED = "Très impressionnant — Zoë’s “home first” work, naïve façade"
FORMULA = '=HYPERLINK("http://evil.example","click me")'

CUSTOM_AWARD = """\
id = "community-champion"
name = "Community Champion of the Year"
organiser = "Wyre Valley Health Partnership"

[scale]
min = 0
max = 10
step = 0.5

[[sections]]
id = "impact"
title = "Impact"
question = "What difference has the nominee made to their community?"
guidance = ["Evidence of change", "Who benefited"]
weight = 2.0
word_limit = 300

[[sections]]
id = "reach"
title = "Reach"
question = "How widely has the work spread?"
weight = 1.0
scale = { min = 1, max = 5 }
"""

CUSTOM_ENTRIES = """\
Entry ID,Title,Nominee,Organisation,impact,reach
CC-1,Library of things,Amélie Dubois,Wyre Valley Library,"Over 400 families helped.",Three towns.
CC-2,Walking football,Seán O'Brien,Harbourside Trust,Forty men over 60 meet weekly.,One club.
CC-3,Warm spaces,Chloë Brontë,Eastmere Council,Kept 90 people warm last winter.,Two villages.
"""


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def award_of(entry: str) -> str:
    return CC if entry.startswith("CC") else SII if entry.startswith("OW") else LST


def score_for(judge: str, entry: str, section: str) -> float:
    """The score this judge wrote on paper: quality plus leniency, on the section's scale."""
    value = QUALITY[entry] + LENIENCY[judge]
    if section == "reach":  # the 1–5 section of the custom award
        return float(max(1, min(5, round(value / 2))))
    return float(max(0, min(10, value)))


def comment_for(entry: str, section: str) -> str:
    if (entry, section) == ("E-101", "Q1"):
        return ACCENTED
    if (entry, section) == ("E-102", "Q1"):
        return FORMULA
    return ""


def paper_sheet(folder: Path, judge: str, entries: list[str]) -> Path:
    path = folder / f"{judge}.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["entry", "judge", "section", "score", "comment"])
        for entry in entries:
            for section in SECTIONS[award_of(entry)]:
                writer.writerow([entry, judge, section, f"{score_for(judge, entry, section):g}",
                                 comment_for(entry, section)])
    return path


def expected_total(judge: str, entry: str) -> float:
    """The per-judge total of docs/domain-notes.md, worked out by hand for the sections above."""
    if award_of(entry) == CC:
        impact = score_for(judge, entry, "impact") / 10
        reach = (score_for(judge, entry, "reach") - 1) / 4
        return 100 * (2 * impact + reach) / 3
    return 10 * score_for(judge, entry, "Q1")  # every section gets the same score


def exported(path: Path) -> dict[tuple[str, str, str], tuple[str, str]]:
    """A scores export keyed by (entry, judge, section); a CSV's formula guard taken off."""
    if path.suffix == ".xlsx":
        sheet = openpyxl.load_workbook(path).active
        rows = [["" if v is None else str(v) for v in row]
                for row in sheet.iter_rows(values_only=True)]
    else:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = [[restore(cell) for cell in row] for row in csv.reader(handle)]
    assert rows[0][:5] == ["entry", "judge", "section", "score", "comment"]
    return {(r[0], r[1], r[2]): (r[3], r[4]) for r in rows[1:]}


@pytest.mark.slow
def test_a_coordinators_season(run_cli_process: Run, tmp_path: Path, fixtures: Path) -> None:
    """The one season run through real processes, as the installed command runs; the other
    command-line tests run in process."""
    run_cli = run_cli_process
    imports = fixtures / "import"
    panel = tmp_path / "Wyre Valley 2026.judgepanel"
    (tmp_path / "community.toml").write_text(CUSTOM_AWARD, encoding="utf-8")
    (tmp_path / "community.csv").write_text(CUSTOM_ENTRIES, encoding="utf-8")

    def ok(*args: str | Path) -> str:
        return run_cli(*args, check=True).stdout

    def rank(award: str, method: str | None = None) -> dict:
        extra = ("--method", method) if method else ()
        return json.loads(ok("rank", panel, "--award", award, *extra, "--json"))

    # ----- set up: awards, entries, judges --------------------------------------------------
    out = ok("new", panel, "--title", "Wyre Valley Awards 2026", "--award", LST, "--award", SII,
             "--award", tmp_path / "community.toml")
    assert CC in out
    assert "added 2 entries" in ok("import", panel, imports / "awardforce.xlsx", "--preset",
                                   "awardforce")
    assert "added 1 entry" in ok("import", panel, imports / "openwater.csv", "--preset",
                                 "openwater")
    assert "added 3 entries" in ok("import", panel, tmp_path / "community.csv", "--award", CC)
    assert "added 3 entries" in ok("import", panel, imports / "generic_lst.csv")
    listed = {e["entry"]: e for e in json.loads(ok("entries", panel, "--json"))}
    assert set(listed) == set(QUALITY)
    assert listed["124-LS"]["nominee"] == "Øystein Berg"
    assert listed["OW-3F9K"]["award"] == SII and listed["CC-2"]["award"] == CC
    ok("judge", "add", panel, CHAIR, "--email", "aoife@example.org", "--role", "chair")
    ok("judge", "add", panel, TOMASZ, "--email", "tomasz@example.org")
    ok("judge", "add", panel, GRACE)
    judges = json.loads(ok("judges", panel, "--json"))
    assert [(j["name"], j["role"]) for j in judges] == [
        (CHAIR, "chair"), (TOMASZ, "judge"), (GRACE, "judge")]

    # ----- assignment, a conflict, packs -----------------------------------------------------
    for award in (LST, SII, CC):
        ok("assign", panel, "--award", award, "--per-entry", "3", "--seed", "7")
    ok("conflict", panel, "--judge", GRACE, "--entry", "CC-2", "--reason",
       "Sits on the club’s committee")
    packs = tmp_path / "packs"
    ok("pack", panel, "--all", "-o", packs)
    pack_of = {judge: packs / f"{judge}.judgepack" for judge in JUDGES}
    in_pack = {judge: [e["entry"] for e in json.loads(ok("entries", pack_of[judge], "--json"))]
               for judge in JUDGES}
    assert sorted(in_pack[CHAIR]) == sorted(QUALITY)
    assert "CC-2" not in in_pack[GRACE] and len(in_pack[GRACE]) == len(QUALITY) - 1

    # ----- paper scores keyed into each pack, then merged --------------------------------------
    for judge in JUDGES:
        sheet = paper_sheet(tmp_path, judge, in_pack[judge])
        out = ok("scores", "import", pack_of[judge], sheet)
        assert "0 changed" in out
    first = ok("merge", panel, *pack_of.values())
    assert "35 new, 0 changed, 0 unchanged" in first  # 5·5 + 4 + 3·2 for the chair
    assert "33 new" in first  # Grace: no CC-2
    before_again = sha(panel)
    again = ok("merge", panel, *pack_of.values())
    assert again.count(" 0 new, 0 changed") == 3
    scores_now = exported_after(run_cli, panel, tmp_path / "after-first.csv")
    assert len(scores_now) == 35 + 35 + 33
    assert scores_now[("E-101", CHAIR, "Q1")] == ("9", ACCENTED)
    assert scores_now[("E-102", TOMASZ, "Q1")] == ("8", FORMULA)
    assert sha(panel) != before_again  # the second merge is recorded in the audit log …
    assert exported_after(run_cli, panel, tmp_path / "after-second.csv") == scores_now  # … only

    # ----- a pack altered outside JudgePanel is refused, the panel untouched -----------------
    tampered = tmp_path / "tampered.judgepack"
    shutil.copy(pack_of[TOMASZ], tampered)
    # by someone who has the passphrase (an encrypted pack opens only with it)
    key = key_for_file(tampered, os.environ["JUDGEPANEL_PASSPHRASE"])
    with connect(str(tampered), key) as raw:
        raw.execute("UPDATE scores SET value = 10 WHERE entry = 'E-104'")
    raw.close()
    before = sha(panel)
    refused = run_cli("merge", panel, tampered)
    assert refused.returncode == 1
    assert refused.stderr.startswith("error: ") and "altered outside JudgePanel" in refused.stderr
    assert "Traceback" not in refused.stderr and sha(panel) == before

    # ----- ranking: every method agrees with what every judge said ---------------------------
    for method in ("mean", "median", "trimmed", "zscore", "bias", "borda"):
        order = [e["entry"] for e in rank(LST, method)["entries"]]
        assert order == ["E-101", "E-102", "123-LS", "E-104", "124-LS"], method
    by_mean = {e["entry"]: e for e in rank(LST, "mean")["entries"]}
    assert abs(by_mean["E-101"]["mean"] - 90.0) < 1e-9 and by_mean["E-101"]["judges"] == 3
    community = {e["entry"]: e for e in rank(CC, "mean")["entries"]}
    assert [e["entry"] for e in rank(CC, "mean")["entries"]] == ["CC-1", "CC-3", "CC-2"]
    for entry, row in community.items():
        judges_here = [j for j in JUDGES if not (j == GRACE and entry == "CC-2")]
        want = sum(expected_total(j, entry) for j in judges_here) / len(judges_here)
        assert abs(row["mean"] - want) < 1e-9, entry
        assert row["judges"] == len(judges_here)  # Grace's conflict: two judges for CC-2
    stats = json.loads(ok("stats", panel, "--award", LST, "--json"))
    assert (stats["entries"], stats["judges"], stats["scores"]) == (5, 3, 15)
    assert stats["kendall_w"] is not None and abs(stats["kendall_w"] - 1.0) < 1e-9
    assert stats["judge_bias"][TOMASZ] > stats["judge_bias"][CHAIR] > \
        stats["judge_bias"][GRACE]
    assert "Kendall" in ok("stats", panel, "--award", LST)

    # ----- decisions and what leaves the room ----------------------------------------------
    ok("decide", panel, "--entry", "E-101", "--placement", "winner", "--reason",
       "First under every method")
    ok("decide", panel, "--entry", "E-102", "--placement", "highly-commended", "--reason",
       "A clear second")
    ok("decide", panel, "--entry", "CC-1", "--placement", "winner", "--reason", "Unanimous")
    assert rank(LST)["entries"][0]["placement"] == "winner"
    ok("report", panel, "-o", tmp_path / "report.pdf")
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    out = ok("feedback", panel, "-o", tmp_path / "feedback")
    assert out.startswith(f"{len(QUALITY)} feedback files")
    ok("certificates", panel, "-o", tmp_path / "winners.pdf", "--placement", "winner")
    from pypdf import PdfReader  # reportlab's companion, installed with the test extra

    pages = [p.extract_text() for p in PdfReader(tmp_path / "winners.pdf").pages]
    assert len(pages) == 2  # the two winners, not the highly commended entry
    assert any("Zofia" in p for p in pages) and any("Amélie Dubois" in p for p in pages)
    assert not any("Siobhán" in p for p in pages)

    # ----- score sheets out (csv and xlsx) and back into a fresh panel -------------------------
    ok("scores", "export", panel, "-o", tmp_path / "scores.csv")
    ok("scores", "export", panel, "-o", tmp_path / "scores.xlsx")
    as_csv, as_xlsx = exported(tmp_path / "scores.csv"), exported(tmp_path / "scores.xlsx")
    raw_csv = (tmp_path / "scores.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in raw_csv  # a spreadsheet shows it as text, never runs it
    assert as_xlsx[("E-102", TOMASZ, "Q1")] == ("8", FORMULA)  # text, never a formula
    assert set(as_csv) == set(as_xlsx) == set(scores_now)
    cell = next(c for row in openpyxl.load_workbook(tmp_path / "scores.xlsx").active.iter_rows()
                for c in row if c.value == FORMULA)
    assert cell.data_type == "s"
    fresh = tmp_path / "fresh.judgepanel"
    ok("new", fresh, "--title", "Re-keyed", "--award", LST, "--award", SII,
       "--award", tmp_path / "community.toml")
    ok("import", fresh, imports / "awardforce.xlsx", "--preset", "awardforce")
    ok("import", fresh, imports / "openwater.csv", "--preset", "openwater")
    ok("import", fresh, tmp_path / "community.csv", "--award", CC)
    ok("import", fresh, imports / "generic_lst.csv")
    out = ok("scores", "import", fresh, tmp_path / "scores.csv")
    assert f"{len(scores_now)} new" in out and f"added judge {GRACE}" in out
    assert exported_after(run_cli, fresh, tmp_path / "fresh.csv") == scores_now
    fresh_mean = {e["entry"]: e["mean"] for e in json.loads(
        ok("rank", fresh, "--award", CC, "--method", "mean", "--json"))["entries"]}
    assert fresh_mean == {e: r["mean"] for e, r in community.items()}


def exported_after(run_cli: Run, panel: Path, path: Path) -> dict:
    run_cli("scores", "export", panel, "-o", path, check=True)
    return exported(path)


def test_reimport_keeps_scores_and_reissued_pack_carries_them(
        run_cli: Run, tmp_path: Path, fixtures: Path) -> None:
    """Importing the same export twice keeps every score; a re-issued pack holds them."""
    imports = fixtures / "import"
    panel = tmp_path / "p.judgepanel"
    run_cli("new", panel, "--title", "T", "--award", LST, check=True)
    run_cli("import", panel, imports / "generic_lst.csv", check=True)
    run_cli("judge", "add", panel, TOMASZ, check=True)
    run_cli("assign", panel, "--award", LST, "--per-entry", "1", check=True)
    pack = tmp_path / "t.judgepack"
    run_cli("pack", panel, "--judge", TOMASZ, "-o", pack, check=True)
    entries = [e["entry"] for e in json.loads(run_cli("entries", pack, "--json",
                                                      check=True).stdout)]
    sheet = paper_sheet(tmp_path, TOMASZ, entries)
    run_cli("scores", "import", pack, sheet, check=True)
    run_cli("merge", panel, pack, check=True)
    merged = exported_after(run_cli, panel, tmp_path / "one.csv")
    assert len(merged) == 5 * len(entries)
    again = run_cli("import", panel, imports / "generic_lst.csv", check=True).stdout
    assert "added 0 entries" in again
    run_cli("import", panel, imports / "generic_lst_changed.csv", check=True)
    assert exported_after(run_cli, panel, tmp_path / "two.csv") == merged
    reissued = tmp_path / "again.judgepack"
    out = run_cli("pack", panel, "--judge", TOMASZ, "-o", reissued, check=True).stdout
    assert f"{len(merged)} earlier score(s)" in out
    assert exported_after(run_cli, reissued, tmp_path / "pack.csv") == merged
    # Every step is in the audit log under the name of whoever ran it (it used to be blank).
    log = json.loads(run_cli("audit", panel, "--json", check=True).stdout)
    actions = {r["action"]: r["who"] for r in log["records"]}
    for action in ("panel created", "judge added", "entries assigned", "pack made",
                   "pack merged"):
        assert actions[action] == getpass.getuser(), action


def test_conflict_recorded_after_the_pack_went_out(run_cli: Run, tmp_path: Path,
                                                   fixtures: Path) -> None:
    """The merge refuses the conflicted judge's pack (merge.py's documented decision), the
    panel is unchanged, and their scores for that entry never count in `rank`."""
    panel = tmp_path / "p.judgepanel"
    run_cli("new", panel, "--title", "T", "--award", LST, check=True)
    run_cli("import", panel, fixtures / "import" / "generic_lst.csv", check=True)
    for judge in JUDGES:
        run_cli("judge", "add", panel, judge, check=True)
    run_cli("assign", panel, "--award", LST, "--per-entry", "3", check=True)
    packs = {j: tmp_path / f"{j}.judgepack" for j in JUDGES}
    for judge, pack in packs.items():
        run_cli("pack", panel, "--judge", judge, "-o", pack, check=True)
        entries = [e["entry"] for e in json.loads(run_cli("entries", pack, "--json",
                                                          check=True).stdout)]
        run_cli("scores", "import", pack, paper_sheet(tmp_path, judge, entries), check=True)
    run_cli("conflict", panel, "--judge", TOMASZ, "--entry", "E-101", "--reason",
            "Former colleague", check=True)
    before = sha(panel)
    refused = run_cli("merge", panel, *packs.values())
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert refused.stderr.count("\n") == 1 and "conflict of interest" in refused.stderr
    assert "E-101" in refused.stderr and sha(panel) == before
    # The others' packs merge; Tomasz's scores for E-101 never arrive and never count.
    run_cli("merge", panel, packs[CHAIR], packs[GRACE], check=True)
    row = next(e for e in json.loads(run_cli("rank", panel, "--award", LST, "--method", "mean",
                                             "--json", check=True).stdout)["entries"]
               if e["entry"] == "E-101")
    assert row["judges"] == 2
    assert abs(row["mean"] - (expected_total(CHAIR, "E-101")
                              + expected_total(GRACE, "E-101")) / 2) < 1e-9
    # Withdrawn in error? Then his pack merges and counts again.
    run_cli("conflict", panel, "--judge", TOMASZ, "--entry", "E-101", "--remove", check=True)
    run_cli("merge", panel, packs[TOMASZ], check=True)
    row = next(e for e in json.loads(run_cli("rank", panel, "--award", LST, "--method", "mean",
                                             "--json", check=True).stdout)["entries"]
               if e["entry"] == "E-101")
    assert row["judges"] == 3
    # Recorded again after the merge: his merged scores stop counting at once.
    out = run_cli("conflict", panel, "--judge", TOMASZ, "--entry", "E-101", check=True).stdout
    assert f"{TOMASZ}'s 5 score(s) for E-101 no longer count" in out
    for method in ("mean", "median", "trimmed", "zscore", "bias", "borda"):
        found = json.loads(run_cli("rank", panel, "--award", LST, "--method", method, "--json",
                                   check=True).stdout)
        assert next(e for e in found["entries"] if e["entry"] == "E-101")["judges"] == 2
    stats = json.loads(run_cli("stats", panel, "--award", LST, "--json", check=True).stdout)
    assert stats["scores"] == 3 * 3 - 1
    exported_now = exported_after(run_cli, panel, tmp_path / "s.csv")
    assert not any(k[0] == "E-101" and k[1] == TOMASZ for k in exported_now)
