"""`judgepanel demo --no-gui`: the whole loop on fictional data, as a new user first sees it."""

from __future__ import annotations

import json
from pathlib import Path

from judgepanel.core.panel import open_panel


def test_demo_builds_a_judged_panel_with_report_and_certificates(run_cli, tmp_path: Path):
    out = tmp_path / "demo"
    result = run_cli("demo", "--no-gui", "--out", out, check=True)
    printed = [Path(line) for line in result.stdout.split()]
    assert [p.name for p in printed] == ["demo.judgepanel", "ranked-report.pdf",
                                         "certificates.pdf"]
    assert all(p.exists() for p in printed)

    with open_panel(printed[0]) as panel:
        judges = panel.rows("SELECT DISTINCT judge FROM scores")
        assert len(judges) == 5
        merges = panel.rows("SELECT detail FROM audit WHERE action LIKE '%merge%'")
        assert len(merges) >= 5
        placed = panel.rows("SELECT placement FROM decisions")
        assert {"winner", "highly-commended", "finalist"} <= {p["placement"] for p in placed}
        assert panel.audit_problems() == []

    ranked = json.loads(run_cli("rank", printed[0], "--award",
                                "leading-systems-transformation", "--json",
                                check=True).stdout)
    assert ranked["entries"][0]["placement"] == "winner"
    assert all(e["rank"] is not None for e in ranked["entries"])


def test_demo_packs_hold_only_their_own_judge(run_cli, tmp_path: Path):
    out = tmp_path / "demo"
    run_cli("demo", "--no-gui", "--out", out, check=True)
    packs = sorted((out / "packs").glob("*.judgepack"))
    assert len(packs) == 5
    names = [p.stem for p in packs]
    for pack in packs:
        raw = pack.read_bytes()
        for other in names:
            if other != pack.stem:
                assert other.encode("utf-8") not in raw, f"{other} found in {pack.name}"


def test_demo_can_be_rebuilt_in_the_same_folder(run_cli, tmp_path: Path):
    out = tmp_path / "demo"
    run_cli("demo", "--no-gui", "--out", out, check=True)
    again = run_cli("demo", "--no-gui", "--out", out)
    assert again.returncode == 0, again.stderr
