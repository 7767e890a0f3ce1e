"""Every output written from the command line is in the panel's audit log, as from the
Outputs page: the report, the feedback, the certificates and the results spreadsheet.

Run in process through click's CliRunner.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from judgepanel.cli import cli
from judgepanel.cli.panel_room import who_acts
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.moderation import check_history
from judgepanel.core.outputs_log import outputs_summary, outputs_written
from judgepanel.core.store import Store

sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
from test_reports import AWARD, build_panel  # noqa: E402


@pytest.fixture
def panel(tmp_path: Path) -> Path:
    path = tmp_path / "awards.judgepanel"
    build_panel(path).close()
    return path


def run(*args: str | Path) -> str:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_the_report_command_leaves_an_audit_record(panel: Path, tmp_path: Path) -> None:
    report = tmp_path / "ranked.pdf"
    assert "ranked report written" in run("report", panel, "-o", report, "--award", AWARD)
    assert report.read_bytes().startswith(b"%PDF")
    with Store.open(panel) as store:
        [record] = outputs_written(store)
        assert (record.kind, record.files, record.where, record.awards) == (
            "report", 1, str(report), (AWARD,))
        assert record.who == who_acts()
        assert outputs_summary(store).startswith("Ranked report written ")
        assert check_history(store) == []


def test_feedback_certificates_and_results_are_recorded_too(panel: Path, tmp_path: Path) -> None:
    run("feedback", panel, "-o", tmp_path / "feedback")
    run("certificates", panel, "-o", tmp_path / "certificates.pdf")
    run("certificates", panel, "-o", tmp_path / "each", "--separate", "--placement", "winner")
    run("results", panel, "--award", AWARD, "-o", tmp_path / "results.csv")
    with Store.open(panel) as store:
        written = outputs_written(store)
    assert [r.kind for r in written] == ["feedback", "certificates", "certificates", "results"]
    feedback, certificates, winners, results = written
    assert feedback.files == feedback.items == len(list((tmp_path / "feedback").glob("*.pdf")))
    assert feedback.where == str(tmp_path / "feedback") and feedback.awards == ()
    assert (certificates.files, certificates.items) == (1, 3)
    assert certificates.where == str(tmp_path / "certificates.pdf")
    [winner] = (tmp_path / "each").glob("*.pdf")
    assert (winners.files, winners.items, winners.where) == (1, 1, str(winner))
    assert results.awards == (AWARD,) and results.where == str(tmp_path / "results.csv")


def test_a_refused_output_writes_nothing_and_records_nothing(panel: Path,
                                                             tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["report", str(panel), "-o", str(tmp_path / "report.txt")])
    assert isinstance(result.exception, JudgePanelError)  # main() prints it as one error: line
    assert "report.txt: the output is a PDF, so give a name ending .pdf" in str(result.exception)
    assert not (tmp_path / "report.txt").exists()
    with Store.open(panel) as store:
        assert outputs_written(store) == []
