"""Feedback for entrants: their scores beside the award's, and no trace of who judged them."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from test_reports import AWARD, JUDGES, build_panel, pdf_text

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.reports.feedback import redactor, write_feedback
from judgepanel.core.reports.gather import report_data
from judgepanel.core.reports.layout import safe_filename
from judgepanel.core.reports.model import JudgeInfo


@pytest.fixture
def feedback(tmp_path: Path) -> list[Path]:
    store = build_panel(tmp_path / "awards.judgepanel")
    try:
        data = report_data(store, [AWARD])
    finally:
        store.close()
    return write_feedback(data, tmp_path / "feedback")


def test_one_file_per_scored_entry_named_for_the_entry(feedback: list[Path]) -> None:
    assert sorted(p.name for p in feedback) == [
        f"E-10{i} feedback.pdf" for i in range(1, 7)]


def test_no_judge_name_initials_or_email_in_text_or_bytes(feedback: list[Path]) -> None:
    for path in feedback:
        text = " ".join(pdf_text(path))
        raw = path.read_bytes()
        info = PdfReader(path).metadata or {}
        for name, email, *_ in JUDGES:
            for part in (name, *name.split(), email):
                if not part:
                    continue
                assert part not in text, (path.name, part)
                assert part.encode("utf-8") not in raw, (path.name, part)
                assert all(part not in str(value) for value in info.values())
        initials = {"".join(w[0] for w in name.split()) for name, *_ in JUDGES}
        assert not any(f" {i} " in f" {text} " for i in initials), text


def test_a_judge_named_in_a_comment_is_redacted(feedback: list[Path]) -> None:
    text = " ".join(pdf_text(next(p for p in feedback if p.name.startswith("E-101"))))
    assert "As [a judge] said, outstanding <i>work</i>." in text


def test_scores_beside_the_award_average_and_comments(feedback: list[Path]) -> None:
    text = " ".join(pdf_text(next(p for p in feedback if p.name.startswith("E-103"))))
    assert "E-103: Community frailty hub" in text
    assert "Award average" in text
    # E-103 scored 7 on average by judges with offsets 0, +1, −1, 0; the award averages 6.5.
    assert "Q1 Relationships and connectivity 7.0 6.5 0–10" in text
    assert "Clear evidence in Q1 for entry 3." in text
    assert "Overall a persuasive entry (E-103)." in text
    assert "Page 1 of" in text


def test_redactor_keeps_a_nominee_who_shares_a_judges_first_name() -> None:
    clean = redactor([JudgeInfo("Tom Baker", "tom@example.org")], keep="Tom Smith")
    assert clean("Tom has led well; Tom Baker agreed (tom@example.org).") == \
        "Tom has led well; [a judge] agreed ([a judge])."


def test_file_names_are_safe_on_windows() -> None:
    assert safe_filename('E:101/<2>?*"|') == "E-101-2-"
    assert safe_filename("CON") == "_CON"
    assert safe_filename(" trailing. ") == "trailing"


def test_a_file_where_the_folder_should_be_is_refused(tmp_path: Path) -> None:
    store = build_panel(tmp_path / "awards.judgepanel")
    data = report_data(store, [AWARD])
    store.close()
    (tmp_path / "taken").write_text("x")
    with pytest.raises(JudgePanelError, match="is a file"):
        write_feedback(data, tmp_path / "taken")


def test_judges_names_in_any_case_accent_or_possessive_never_reach_the_pdf(
        tmp_path: Path) -> None:
    from judgepanel.core.judges import add_judge, find_judge
    from judgepanel.core.scoring import Judging

    store = build_panel(tmp_path / "awards.judgepanel")
    add_judge(store, "Dr Alice Secretname", "alice@secret.example", "judge")
    rene = find_judge(store, "René Dubois")
    variants = ["ALICE SECRETNAME", "secretname's", "Secretname’s", "ALICE@SECRET.EXAMPLE",
                "Alicé", "alice secretname", "Dr Alice Secretname", "SECRETNAME"]
    Judging.for_judge(store, rene.id).set_score(
        "E-101", "Q3", 10, "Compare " + "; ".join(variants) + " — all agreed.")
    data = report_data(store, [AWARD])
    store.close()
    written = write_feedback(data, tmp_path / "feedback")
    path = next(p for p in written if p.name.startswith("E-101"))
    text = " ".join(pdf_text(path))
    raw = path.read_bytes()
    assert "Compare [a judge]; [a judge]'s; [a judge]’s; [a judge]; [a judge];" in text
    assert text.count("[a judge]") >= len(variants)
    folded = text.casefold()
    for word in ("alice", "secretname", "secret.example"):
        assert word not in folded
        assert word.encode() not in raw.lower()


def test_redaction_folds_accents_both_ways_and_keeps_the_entrants_own_words() -> None:
    clean = redactor([JudgeInfo("Siobhán O’Neill", "")], keep="Neill Court Surgery")
    assert clean("SIOBHAN and siobhán and Siobha\u0301n; O'Neill, ONEILL; Neill Court") == \
        "[a judge] and [a judge] and [a judge]; [a judge], [a judge]; Neill Court"
