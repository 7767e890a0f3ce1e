"""The output commands as a coordinator runs them: report, feedback, certificates, results."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
from test_reports import AWARD, JUDGES, TITLE, build_panel, pdf_text  # noqa: E402


@pytest.fixture
def panel(tmp_path: Path) -> Path:
    path = tmp_path / "awards.judgepanel"
    build_panel(path).close()
    return path


def test_report_writes_every_award_or_one(run_cli, panel: Path, tmp_path: Path) -> None:
    done = run_cli("report", panel, "-o", "all.pdf", check=True)
    assert "all.pdf" in done.stdout
    text = " ".join(pdf_text(tmp_path / "all.pdf"))
    assert TITLE in text
    assert "Leading for Service Improvement and Innovation" in text
    run_cli("report", panel, "-o", "one.pdf", "--award", AWARD, check=True)
    pages = pdf_text(tmp_path / "one.pdf")
    assert "Leading for Service Improvement and Innovation" not in " ".join(pages)
    assert f"Page 1 of {len(pages)}" in pages[0]
    assert "<b>Bold</b> & Co" in " ".join(pages)


def test_feedback_files_carry_no_judge_names(run_cli, panel: Path, tmp_path: Path) -> None:
    done = run_cli("feedback", panel, "-o", "feedback", check=True)
    assert "6 feedback files" in done.stdout
    files = sorted((tmp_path / "feedback").glob("*.pdf"))
    assert [f.name for f in files] == [f"E-10{i} feedback.pdf" for i in range(1, 7)]
    for path in files:
        raw = path.read_bytes()
        text = " ".join(pdf_text(path))
        for name, email, *_ in JUDGES:
            assert name not in text and name.encode() not in raw
            assert not email or email.encode() not in raw


def test_certificates_one_pdf_filtered_or_separate(run_cli, panel: Path, tmp_path: Path) -> None:
    run_cli("certificates", panel, "-o", "all.pdf", check=True)
    assert len(PdfReader(tmp_path / "all.pdf").pages) == 3
    run_cli("certificates", panel, "-o", "hc.pdf", "--placement", "highly-commended",
            check=True)
    assert "Highly Commended" in pdf_text(tmp_path / "hc.pdf")[0]
    assert len(PdfReader(tmp_path / "hc.pdf").pages) == 1
    done = run_cli("certificates", panel, "-o", "each", "--separate", check=True)
    assert "3 certificates" in done.stdout
    assert len(list((tmp_path / "each").glob("*.pdf"))) == 3


def test_certificates_with_a_design_file(run_cli, panel: Path, tmp_path: Path) -> None:
    (tmp_path / "design.toml").write_text(
        '[[signatures]]\nname = "Dame Ada Ørsted"\nrole = "Patron"\n', encoding="utf-8")
    run_cli("certificates", panel, "-o", "c.pdf", "--design", "design.toml", check=True)
    assert "Dame Ada Ørsted" in pdf_text(tmp_path / "c.pdf")[0]
    (tmp_path / "bad.toml").write_text('[colours]\naccent = "gold"\n', encoding="utf-8")
    bad = run_cli("certificates", panel, "-o", "d.pdf", "--design", "bad.toml")
    assert bad.returncode == 1
    assert bad.stderr.startswith("error:") and "colours.accent" in bad.stderr
    assert not (tmp_path / "d.pdf").exists()


def test_certificates_before_any_decision_say_so(run_cli, tmp_path: Path) -> None:
    from judgepanel.core.awards import builtin_awards
    from judgepanel.core.panel import create_panel

    create_panel(tmp_path / "new.judgepanel", "New Awards", builtin_awards()).close()
    done = run_cli("certificates", "new.judgepanel", "-o", "c.pdf")
    assert done.returncode == 1
    assert "error: no entries are placed yet" in done.stderr
    assert "Traceback" not in done.stderr


def test_results_export_csv_and_xlsx(run_cli, panel: Path, tmp_path: Path) -> None:
    run_cli("results", panel, "--award", AWARD, "-o", "r.csv", check=True)
    text = (tmp_path / "r.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text
    run_cli("results", panel, "--award", AWARD, "-o", "r.xlsx", check=True)
    assert (tmp_path / "r.xlsx").stat().st_size > 0


def test_bad_output_places_are_errors_not_tracebacks(run_cli, panel: Path) -> None:
    missing = run_cli("report", panel, "-o", "nowhere/r.pdf")
    assert missing.returncode == 1 and "no such folder" in missing.stderr
    unknown = run_cli("report", panel, "-o", "r.pdf", "--award", "no-such-award")
    assert unknown.returncode == 1 and "no-such-award" in unknown.stderr
    for done in (missing, unknown):
        assert "Traceback" not in done.stderr
