"""The panel-room commands as a user runs them: rank, stats, decide, override, tiebreak, audit."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from judgepanel.core.awards import builtin_awards
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge
from judgepanel.core.panel import create_panel
from judgepanel.core.scoring import Judging

AWARD = "leading-systems-transformation"
Run = Callable[..., CompletedProcess[str]]

# Section scores (0–10 on Q1–Q5) per entry and judge. The harsh judge meets the strongest
# entry; E-103 is only seen by the lenient judge and one other.
PLAN = {
    "E-101": {"Harsh Hannah": 5, "Neutral Nia": 8},
    "E-102": {"Neutral Nia": 7, "Lenient Leo": 9},
    "E-103": {"Harsh Hannah": 3, "Lenient Leo": 7},
}


@pytest.fixture
def panel(tmp_path: Path) -> Path:
    path = tmp_path / "awards.judgepanel"
    store = create_panel(path, "Awards 2026", builtin_awards())
    upsert_entries(store, [
        EntryRecord(id=entry, award=AWARD, title=f"Project {entry}", nominee="Dr Zoë Ó Briain",
                    organisation="North Trust")
        for entry in (*PLAN, "E-104")])
    judges = {name: add_judge(store, name) for name in
              ("Harsh Hannah", "Neutral Nia", "Lenient Leo")}
    for entry, marks in PLAN.items():
        for name, value in marks.items():
            judging = Judging.for_judge(store, judges[name].id)
            for section in ("Q1", "Q2", "Q3", "Q4", "Q5"):
                judging.set_score(entry, section, value)
    store.close()
    return path


def test_rank_json_has_the_interface_shape(run_cli: Run, panel: Path) -> None:
    result = run_cli("rank", panel, "--award", AWARD, "--json", check=True)
    ranking = json.loads(result.stdout)
    assert ranking["award"] == AWARD and ranking["method"] == "bias"
    entries = ranking["entries"]
    assert [e["entry"] for e in entries] == ["E-101", "E-102", "E-103", "E-104"]
    assert [e["rank"] for e in entries] == [1, 2, 3, None]
    first = entries[0]
    assert {"rank", "entry", "title", "score", "mean", "median", "sd", "judges", "flags",
            "placement"} <= set(first)
    assert first["title"] == "Project E-101" and first["judges"] == 2
    assert first["mean"] == pytest.approx(65.0) and first["placement"] is None
    assert entries[3]["score"] is None and entries[3]["judges"] == 0
    assert ranking["tie_break"] == ["bias", "section:Q1", "median", "panel"]
    assert ranking["connected"] is True


def test_rank_by_mean_differs_and_sensitivity_says_so(run_cli: Run, panel: Path) -> None:
    by_mean = json.loads(run_cli("rank", panel, "--award", AWARD, "--method", "mean", "--json",
                                 check=True).stdout)
    assert by_mean["method"] == "mean"
    assert [e["entry"] for e in by_mean["entries"]][:2] == ["E-102", "E-101"]
    table = json.loads(run_cli("rank", panel, "--award", AWARD, "--sensitivity", "--json",
                               check=True).stdout)
    assert table["top_places_change"] is True
    assert table["ranks"]["E-101"]["bias"] == 1 and table["ranks"]["E-101"]["mean"] == 2
    text = run_cli("rank", panel, "--award", AWARD, "--sensitivity", check=True).stdout
    assert "CHANGE between methods" in text


def test_rank_text_names_the_method_design_and_tie_break(run_cli: Run, panel: Path) -> None:
    text = run_cli("rank", panel, "--award", AWARD, check=True).stdout
    assert "judge-bias-corrected" in text
    assert "design: connected" in text
    assert "tie-break order: bias, section:Q1, median, panel" in text
    assert "E-101" in text and "Project E-101" in text


def test_stats_json_and_plain_reading(run_cli: Run, panel: Path) -> None:
    found = json.loads(run_cli("stats", panel, "--award", AWARD, "--json", check=True).stdout)
    assert {"award", "entries", "judges", "scores", "alpha_interval", "icc", "kendall_w",
            "connected", "judge_bias", "flags"} <= set(found)  # the interface's keys, and more
    assert (found["entries"], found["judges"], found["scores"]) == (3, 3, 6)
    assert found["icc"] is None and found["kendall_w"] is None  # no complete block
    assert found["judge_bias"]["Harsh Hannah"] < 0 < found["judge_bias"]["Lenient Leo"]
    text = run_cli("stats", panel, "--award", AWARD, check=True).stdout
    assert "Krippendorff's alpha (interval)" in text and "judges agree" in text
    assert "Harsh Hannah" in text


def test_decide_and_override_show_in_the_ranking_and_the_audit(run_cli: Run,
                                                               panel: Path) -> None:
    run_cli("decide", panel, "--entry", "E-101", "--placement", "winner", "--reason",
            "Strongest evidence of system change", "--by", "Chair", check=True)
    run_cli("override", panel, "--entry", "E-103", "--score", "80", "--reason",
            "Panel agreed Q3 evidence was overlooked", "--by", "Chair", check=True)
    ranking = json.loads(run_cli("rank", panel, "--award", AWARD, "--json",
                                 check=True).stdout)
    rows = {e["entry"]: e for e in ranking["entries"]}
    assert rows["E-101"]["placement"] == "winner"
    assert rows["E-103"]["score"] == 80.0 and rows["E-103"]["rank"] == 1
    assert rows["E-103"]["computed_score"] == pytest.approx(51.25)  # kept beside it
    log = json.loads(run_cli("audit", panel, "--json", check=True).stdout)
    assert log["intact"] is True
    actions = [r["action"] for r in log["records"]]
    assert "placement decided" in actions and "score overridden" in actions
    text = run_cli("audit", panel, check=True).stdout
    assert "the history is intact" in text and "Chair" in text
    assert "November" in text or "20" in text  # dates are written out, UK style


def test_bad_input_gets_one_error_line(run_cli: Run, panel: Path) -> None:
    missing = run_cli("rank", panel, "--award", "no-such-award")
    assert missing.returncode == 1
    assert missing.stderr.startswith("error:") and "no-such-award" in missing.stderr
    assert "Traceback" not in missing.stderr
    no_reason = run_cli("decide", panel, "--entry", "E-101", "--placement", "winner",
                        "--reason", " ")
    assert no_reason.returncode == 1 and "reason" in no_reason.stderr
    unknown = run_cli("decide", panel, "--entry", "E-999", "--placement", "winner",
                      "--reason", "x")
    assert unknown.returncode == 1 and "E-999" in unknown.stderr
    wrong = run_cli("decide", panel, "--entry", "E-101", "--placement", "gold", "--reason", "x")
    assert wrong.returncode == 2  # usage: not one of the placements


def test_a_panel_tiebreak_vote_separates_a_tie(run_cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "tie.judgepanel"
    store = create_panel(path, "Tie", builtin_awards())
    upsert_entries(store, [EntryRecord(id=e, award=AWARD) for e in ("T-1", "T-2")])
    ann = add_judge(store, "Ann")
    for entry in ("T-1", "T-2"):
        for section in ("Q1", "Q2", "Q3", "Q4", "Q5"):
            Judging.for_judge(store, ann.id).set_score(entry, section, 6)
    store.close()
    tied = json.loads(run_cli("rank", path, "--award", AWARD, "--json", check=True).stdout)
    assert [(e["rank"], "tie" in e["flags"]) for e in tied["entries"]] == [(1, True), (1, True)]
    run_cli("tiebreak", path, "--award", AWARD, "--order", "T-2,T-1", "--reason",
            "Panel vote 3–2", check=True)
    broken = json.loads(run_cli("rank", path, "--award", AWARD, "--json", check=True).stdout)
    assert [(e["entry"], e["rank"]) for e in broken["entries"]] == [("T-2", 1), ("T-1", 2)]


def test_settings_change_the_default_method(run_cli: Run, panel: Path) -> None:
    run_cli("settings", panel, "--award", AWARD, "--set", "method=mean", check=True)
    shown = json.loads(run_cli("settings", panel, "--award", AWARD, "--json",
                               check=True).stdout)
    assert shown["method"] == "mean"
    ranking = json.loads(run_cli("rank", panel, "--award", AWARD, "--json", check=True).stdout)
    assert ranking["method"] == "mean"
    bad = run_cli("settings", panel, "--award", AWARD, "--set", "colour=red")
    assert bad.returncode == 1 and "unknown setting 'colour'" in bad.stderr


def test_audit_says_loudly_when_history_was_edited(run_cli: Run, panel: Path) -> None:
    run_cli("decide", panel, "--entry", "E-102", "--placement", "finalist", "--reason",
            "Close to the winner", check=True)
    raw = sqlite3.connect(panel)
    raw.execute("DROP TRIGGER audit_no_update")
    raw.execute("UPDATE audit SET who = 'Nobody' WHERE action = 'placement decided'")
    raw.commit()
    raw.close()
    result = run_cli("audit", panel)
    assert result.returncode == 1
    assert "WARNING" in result.stderr and "contents were changed" in result.stderr
    assert "THE HISTORY IS BROKEN" in result.stdout
    assert json.loads(run_cli("audit", panel, "--json").stdout)["intact"] is False


def test_an_override_can_be_withdrawn(run_cli: Run, panel: Path) -> None:
    run_cli("override", panel, "--entry", "E-103", "--score", "99", "--reason", "typo",
            check=True)
    run_cli("override", panel, "--entry", "E-103", "--withdraw", "--reason",
            "entered against the wrong entry", check=True)
    ranking = json.loads(run_cli("rank", panel, "--award", AWARD, "--json",
                                 check=True).stdout)
    row = next(e for e in ranking["entries"] if e["entry"] == "E-103")
    assert row["override"] is None and row["score"] == pytest.approx(51.25)
    both = run_cli("override", panel, "--entry", "E-103", "--reason", "x")
    assert both.returncode == 2 and "--score" in both.stderr
