"""The demo's award judged in two rounds, as a new user finds it: fourteen written entries
scored by five judges, the written round closed, six finalists promoted with a reason, the
consensus final agreed in the room, placements after the final, and the whole path in the
report and the certificates."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

from judgepanel.core.moderation import audit_log
from judgepanel.core.panel import open_panel

Run = Callable[..., CompletedProcess[str]]
SII = "service-improvement-innovation"


def _text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(" ".join((page.extract_text() or "").split())
                     for page in PdfReader(path).pages)


def test_the_demo_runs_one_award_through_a_shortlist_and_a_consensus_final(
        run_cli: Run, tmp_path: Path) -> None:
    out = tmp_path / "demo"
    run_cli("demo", "--no-gui", "--out", out, check=True)
    panel = out / "demo.judgepanel"
    found = json.loads(run_cli("rounds", panel, "--award", SII, "--json", check=True).stdout)
    assert [(r["id"], r["kind"], r["state"], r["entries"]) for r in found["rounds"]] == [
        ("judging", "scored", "closed", 14), ("final", "consensus", "open", 6)]
    final = found["final"]
    assert [line["rank"] for line in final] == [1, 2, 3, 4, 5, 6]
    assert [line["placement"] for line in final] == [
        "winner", "highly-commended", "finalist", "finalist", "finalist", "finalist"]
    assert all(line["path"].startswith("Judging ") and "; Final " in line["path"]
               for line in final)
    assert final[0]["path"].endswith("Final 1st of 6 with 90.0")
    assert all(" of 14 with " in line["path"] for line in final)  # shortlisted from 14
    winner = final[0]["entry"]

    written = json.loads(run_cli("rank", panel, "--award", SII, "--round", "judging",
                                 "--json", check=True).stdout)
    assert len(written["entries"]) == 14
    assert {row["judges"] for row in written["entries"]} == {3}
    with open_panel(panel) as store:
        records = [r for r in audit_log(store) if r["action"] in ("promoted", "round closed")]
        judges = store.rows("SELECT DISTINCT s.judge FROM scores s JOIN entries e ON "
                            "e.id = s.entry WHERE e.award = ?", [SII])
    assert len(judges) == 5
    assert [r["action"] for r in records] == ["round closed", "promoted"]
    promoted = records[1]["detail"]
    assert promoted["rule"] == "top 6" and "shortlist" in promoted["reason"]
    agreed = json.loads(run_cli("rank", panel, "--award", SII, "--json", check=True).stdout)
    assert agreed["round"] == "final" and agreed["entries"][0]["entry"] == winner
    shown = run_cli("rank", panel, "--award", SII, check=True).stdout.splitlines()
    assert shown[2].split()[:4] == ["1", winner, "90.0", "0"] and "Winner" in shown[2]

    report = _text(out / "ranked-report.pdf")
    assert "Round 1: Judging (scored, closed)" in report
    assert "Round 2: Final (consensus, open)" in report
    assert "Each finalist's path" in report and final[0]["path"] in report
    assert "The panel's note, Final:" in report
    run_cli("certificates", panel, "-o", tmp_path / "finalists.pdf", "--round", "final",
            "--award", SII, check=True)
    certificates = _text(tmp_path / "finalists.pdf")
    assert certificates.count("Finalist") == 6
