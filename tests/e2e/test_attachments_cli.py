"""`judgepanel import --attachments`, `attachments` and `attachment` as a coordinator and a
judge run them: the real commands (in process), a real bulk-download ZIP."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

from judgepanel.core.demo_documents import evaluation_report, letter_of_support, photograph

Run = Callable[..., CompletedProcess[str]]
LST = "leading-systems-transformation"


def download_zip(tmp_path: Path, extra: dict[str, bytes] | None = None) -> Path:
    target = tmp_path / "bulk-download.zip"
    files = {"E-101/Evaluation.pdf": evaluation_report("Home First", 6),
             "E-101/Letter of support.pdf": letter_of_support("Zoë", "North ICB", "Home"),
             "E-102 - Safer nights/Team.jpg": photograph(1, (200, 120)), **(extra or {})}
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return target


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_import_with_a_bulk_download_then_list_and_write_out(
        run_cli: Run, panel_path: Path, fixtures: Path, tmp_path: Path) -> None:
    archive = download_zip(tmp_path)
    result = run_cli("import", panel_path, fixtures / "loop" / "entries.csv", "--award", LST,
                     "--attachments", archive, check=True)
    assert "attachments: added 3, unchanged 0 (3 new document(s)) from bulk-download.zip" \
        in result.stdout
    entries = {e["entry"]: e for e in json.loads(
        run_cli("entries", panel_path, "--json", check=True).stdout)}
    evaluation = entries["E-101"]["attachments"][0]
    assert {k: evaluation[k] for k in ("name", "type", "pages")} == \
        {"name": "Evaluation.pdf", "type": "pdf", "pages": 6}
    assert entries["E-103"]["attachments"] == []
    listed = json.loads(run_cli("attachments", panel_path, "--entry", "E-102", "--json",
                                check=True).stdout)
    assert [(a["entry"], a["name"], a["type"]) for a in listed] == [("E-102", "Team.jpg",
                                                                    "jpeg")]
    text = run_cli("attachments", panel_path, check=True).stdout
    assert "E-101      Evaluation.pdf  (pdf, " in text and "6 page(s)" in text
    out = tmp_path / "evaluation.pdf"
    run_cli("attachment", panel_path, "--entry", "E-101", "--name", "Evaluation.pdf",
            "-o", out, check=True)
    assert out.read_bytes() == evaluation_report("Home First", 6)
    again = run_cli("import", panel_path, fixtures / "loop" / "entries.csv", "--award", LST,
                    "--attachments", archive, check=True)
    assert "attachments: added 0, unchanged 3 (0 new document(s))" in again.stdout


def test_a_hostile_archive_refuses_the_whole_import(run_cli: Run, panel_path: Path,
                                                    fixtures: Path, tmp_path: Path) -> None:
    archive = download_zip(tmp_path, {"E-101/../../escape.pdf": b"%PDF-1.4"})
    before = digest(panel_path)
    result = run_cli("import", panel_path, fixtures / "loop" / "entries.csv", "--award", LST,
                     "--attachments", archive)
    assert result.returncode == 1
    assert result.stderr.startswith("error: ") and "escapes the archive" in result.stderr
    assert str(archive) in result.stderr
    assert digest(panel_path) == before  # the entries were not imported either
    assert json.loads(run_cli("entries", panel_path, "--json", check=True).stdout) == []


def test_an_unmatched_folder_is_refused_unless_ignored(run_cli: Run, panel_path: Path,
                                                       fixtures: Path, tmp_path: Path) -> None:
    archive = download_zip(tmp_path, {"X-999/stray.pdf": b"%PDF-1.4"})
    refused = run_cli("import", panel_path, fixtures / "loop" / "entries.csv", "--award", LST,
                      "--attachments", archive)
    assert refused.returncode == 1 and "X-999/stray.pdf: names no entry" in refused.stderr
    done = run_cli("import", panel_path, fixtures / "loop" / "entries.csv", "--award", LST,
                   "--attachments", archive, "--ignore-unmatched", check=True)
    assert "warning: X-999/stray.pdf: no entry of that id; ignored" in done.stdout


def test_a_judges_pack_lists_and_writes_out_its_own_documents(
        run_cli: Run, panel_path: Path, fixtures: Path, tmp_path: Path) -> None:
    run_cli("import", panel_path, fixtures / "loop" / "entries.csv", "--award", LST,
            "--attachments", download_zip(tmp_path), check=True)
    run_cli("judge", "add", panel_path, "Ann Ward", check=True)
    run_cli("judge", "add", panel_path, "Ben Carr", check=True)
    run_cli("conflict", panel_path, "--judge", "Ann Ward", "--entry", "E-101", check=True)
    run_cli("conflict", panel_path, "--judge", "Ben Carr", "--entry", "E-102", check=True)
    run_cli("assign", panel_path, "--award", LST, "--per-entry", "1", check=True)
    pack = tmp_path / "Ann.judgepack"
    run_cli("pack", panel_path, "--judge", "Ann Ward", "-o", pack, "--no-encrypt", check=True)
    listed = json.loads(run_cli("attachments", pack, "--json", check=True).stdout)
    assert [a["entry"] for a in listed] == ["E-102"]  # E-101's documents are not in it
    refused = run_cli("attachment", pack, "--entry", "E-101", "--name", "Evaluation.pdf",
                      "-o", tmp_path / "x.pdf")
    assert refused.returncode == 1
    assert "entry 'E-101' has no attachment named 'Evaluation.pdf'" in refused.stderr
    assert not (tmp_path / "x.pdf").exists()
