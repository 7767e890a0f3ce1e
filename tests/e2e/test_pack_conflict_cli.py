"""A judge declares a conflict in their own pack from the command line; the merge carries it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from judgepanel.core.panel import open_panel


def test_conflict_declared_in_a_pack_reaches_the_panel_and_stops_counting(run_cli,
                                                                         tmp_path: Path):
    run_cli("demo", "--no-gui", "--out", tmp_path / "demo", check=True)
    panel = tmp_path / "demo" / "demo.judgepanel"
    pack = tmp_path / "Ioana.judgepack"
    shutil.copy(tmp_path / "demo" / "packs" / "Dr Ioana Popescu.judgepack", pack)
    entries = json.loads(run_cli("entries", pack, "--json", check=True).stdout)
    entry = entries[0]["entry"]

    wrong = run_cli("conflict", pack, "--judge", "Malcolm Fairbairn", "--entry", entry,
                    "--reason", "x")
    assert wrong.returncode == 1 and "Dr Ioana Popescu's pack" in wrong.stderr
    declared = run_cli("conflict", pack, "--judge", "Dr Ioana Popescu", "--entry", entry,
                       "--reason", "Former colleague of the nominee", check=True)
    assert "reaches the panel when the pack is merged" in declared.stdout

    merged = run_cli("merge", panel, pack, check=True)
    assert "1 conflict(s) declared" in merged.stdout
    with open_panel(panel) as store:
        judge = store.rows("SELECT id FROM judges WHERE name = 'Dr Ioana Popescu'")[0]["id"]
        rows = store.rows("SELECT reason, declared_by FROM conflicts WHERE judge = ? AND "
                          "entry = ?", [judge, entry])
    assert rows == [{"reason": "Former colleague of the nominee", "declared_by": "judge"}]
    exported = tmp_path / "scores.csv"
    run_cli("scores", "export", panel, "-o", exported, check=True)
    lines = exported.read_text(encoding="utf-8").splitlines()
    assert not [line for line in lines if line.startswith(f"{entry},Dr Ioana Popescu,")]


def test_pdf_outputs_need_a_pdf_name(run_cli, tmp_path: Path):
    run_cli("demo", "--no-gui", "--out", tmp_path / "demo", check=True)
    panel = tmp_path / "demo" / "demo.judgepanel"
    for command in (["report"], ["certificates"]):
        result = run_cli(*command, panel, "-o", tmp_path / "out.txt")
        assert result.returncode == 1
        assert result.stderr.startswith("error:") and "ending .pdf" in result.stderr
        assert not (tmp_path / "out.txt").exists()
