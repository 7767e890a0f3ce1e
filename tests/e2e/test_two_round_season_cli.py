"""A season in two rounds from the command line, as a coordinator scripts it: a new panel, 14
written entries imported, 5 judges, every entry assigned to all five, encrypted packs out,
returned and merged; a consensus final with its own sections; round 1 closed and the top 6
promoted with a reason; the panel's agreed scores; winner, highly commended and finalists;
the ranked report and the certificates, whose text shows both rounds and each finalist's path.

The judges' scoring is done on the pack files through the pack's scoring session, as the
judge's window does it. Run through the real command line in process (click's CliRunner via
the run_cli fixture); tests/gui/test_two_round_season.py runs the same season in the window.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

sys.path.insert(0, str(Path(__file__).parent.parent / "gui"))

from two_round_season_plan import (  # noqa: E402
    AGREED,
    AWARD,
    ENTRIES,
    FINAL_SECTIONS,
    JUDGES,
    PLACED,
    agreed_total,
    first_round_total,
    marks,
    ordinal,
    pdf_text,
)

from judgepanel.core.file_encryption import key_for_file  # noqa: E402
from judgepanel.core.packs import open_pack  # noqa: E402
from judgepanel.core.scoring import Judging  # noqa: E402

Run = Callable[..., CompletedProcess[str]]
AWARD_TOML = """\
id = "improvement"
name = "Service Improvement Award"

[scale]
min = 0
max = 10

[[sections]]
id = "Q1"
title = "Leading the improvement"
question = "What did they lead?"

[[sections]]
id = "Q2"
title = "Measuring impact"
question = "How do they know it worked?"
"""
PASSPHRASE = "harbour lantern meadow copper"


def test_fourteen_entries_five_judges_six_finalists_a_consensus_final_and_the_outputs(
        tmp_path: Path, run_cli: Run) -> None:
    def ok(*args: str | Path) -> str:
        return run_cli(*args, check=True).stdout

    panel = tmp_path / "Service Improvement 2026.judgepanel"
    award = tmp_path / "improvement.toml"
    award.write_text(AWARD_TOML, encoding="utf-8")
    export = tmp_path / "entries.csv"
    export.write_text("Entry ID,Title,Nominee,Organisation,Q1,Q2\n" + "".join(
        f"{e},Ward project {e[1:]},Nominee {e},Trust {e},What {e} led.,Measured.\n"
        for e in ENTRIES), encoding="utf-8")
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")

    ok("new", panel, "--title", "Service Improvement Awards 2026", "--award", award)
    ok("import", panel, export, "--award", AWARD)
    for name in JUDGES:
        ok("judge", "add", panel, name)
    ok("assign", panel, "--award", AWARD, "--per-entry", "5", "--seed", "1")
    sections = tmp_path / "final.toml"
    sections.write_text(FINAL_SECTIONS, encoding="utf-8")
    ok("round", "add", panel, "--award", AWARD, "--id", "final", "--name", "Final",
       "--kind", "consensus", "--sections", sections)

    # round 1: packs out, scored at home, merged
    out = tmp_path / "packs"
    out.mkdir()
    ok("pack", panel, "--all", "-o", out, "--passphrase-file", secret)
    packs = sorted(out.glob("*.judgepack"))
    assert len(packs) == len(JUDGES)
    for path in packs:
        with open_pack(path, key_for_file(path, PASSPHRASE)) as pack:
            judge = JUDGES.index(pack.meta("judge_name") or "")
            judging = Judging.for_pack(pack)
            for entry in ENTRIES:
                for section, value in zip(("Q1", "Q2"), marks(judge, entry), strict=True):
                    judging.set_score(entry, section, value)
    ok("merge", panel, *packs)
    shortlist = json.loads(ok("rank", panel, "--award", AWARD, "--round", "judging",
                              "--json"))
    assert [(row["entry"], row["judges"]) for row in shortlist["entries"]] == [
        (e, 5) for e in ENTRIES]

    # six finalists promoted with a reason; the consensus final agreed in the room
    ok("round", "close", panel, "--award", AWARD, "--round", "judging", "--by", "Chair")
    moved = ok("promote", panel, "--award", AWARD, "--to", "final", "--top", "6", "--reason",
               "The panel's shortlist: the six strongest entries", "--by", "Chair")
    assert f"6 entries promoted to 'final': {', '.join(ENTRIES[:6])}" in moved
    for entry, (talk, answers) in AGREED.items():
        ok("consensus", panel, "--award", AWARD, "--round", "final", "--entry", entry,
           "--section", "talk", "--score", str(talk))
        ok("consensus", panel, "--award", AWARD, "--round", "final", "--entry", entry,
           "--section", "answers", "--score", str(answers), "--note", "Agreed by the panel")
    final_order = sorted(AGREED, key=agreed_total, reverse=True)
    final = json.loads(ok("rank", panel, "--award", AWARD, "--json"))
    assert [(row["entry"], row["round"]) for row in final["entries"]] == [
        (e, "final") for e in final_order]

    # the places, then the outputs
    for entry, placement in PLACED.items():
        ok("decide", panel, "--entry", entry, "--placement", placement, "--reason",
           "Agreed by the panel in the final", "--by", "Chair")
    report, certificates = tmp_path / "report.pdf", tmp_path / "certificates.pdf"
    ok("report", panel, "-o", report)
    ok("certificates", panel, "-o", certificates)

    text = pdf_text(report)
    assert "Round 1: Judging (scored, closed)" in text
    assert "Round 2: Final (consensus, open)" in text
    for rank, entry in enumerate(final_order, start=1):
        first = ENTRIES.index(entry) + 1
        path = (f"Judging {ordinal(first)} of {len(ENTRIES)} with "
                f"{first_round_total(entry):.1f}; Final {ordinal(rank)} of 6 with "
                f"{agreed_total(entry):.1f}")
        assert path in text, path
    summary = json.loads(ok("rounds", panel, "--award", AWARD, "--json"))
    assert [(r["id"], r["kind"], r["state"], r["entries"]) for r in summary["rounds"]] == [
        ("judging", "scored", "closed", 14), ("final", "consensus", "open", 6)]
    shown = pdf_text(certificates)
    assert "Winner" in shown and "Highly Commended" in shown and shown.count("Finalist") >= 4
    for entry in AGREED:
        assert f"Nominee {entry}" in shown
    assert "Nominee E07" not in shown
