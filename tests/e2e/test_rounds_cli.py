"""Judging rounds from the command line: a shortlisting round, a consensus final with its own
sections, promotion with a reason, the agreed scores and the final table.

Run through the real command line in process (click's CliRunner via the run_cli fixture).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

from judgepanel.core.awards import Award, Scale, Section
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge
from judgepanel.core.moderation import audit_log
from judgepanel.core.panel import create_panel, open_panel
from judgepanel.core.scoring import Judging

Run = Callable[..., CompletedProcess[str]]
AWARD = Award(id="prize", name="The Prize", scale=Scale(0, 10, 1),
              sections=(Section("Q1", "Impact", "What changed?"),))
SCORES = {"A": (8, 7), "B": (6, 6), "C": (6, 6), "D": (3, 4), "E": (1, 2)}
FINAL = """
[[sections]]
id = "talk"
title = "Presentation"
question = "How did the presentation go?"

[[sections]]
id = "answers"
title = "Answers to the panel's questions"
question = "How well were the panel's questions answered?"
weight = 2
"""


def _panel(tmp_path: Path) -> Path:
    path = tmp_path / "rounds.judgepanel"
    store = create_panel(path, "Rounds", [AWARD])
    upsert_entries(store, [EntryRecord(id=e, award="prize", title=f"Entry {e}")
                           for e in SCORES])
    ann, bob = add_judge(store, "Ann"), add_judge(store, "Bob")
    for entry, (a, b) in SCORES.items():
        Judging.for_judge(store, ann.id).set_score(entry, "Q1", a)
        Judging.for_judge(store, bob.id).set_score(entry, "Q1", b)
    store.close()
    return path


def test_shortlist_then_consensus_final(tmp_path: Path, run_cli: Run) -> None:
    panel = _panel(tmp_path)
    before = json.loads(run_cli("rank", panel, "--award", "prize", "--json",
                                check=True).stdout)
    assert {row["round"] for row in before["entries"]} == {"judging"}
    sections = tmp_path / "final.toml"
    sections.write_text(FINAL, encoding="utf-8")
    run_cli("round", "add", panel, "--award", "prize", "--id", "final", "--name", "Final",
            "--kind", "consensus", "--sections", sections, check=True)
    rounds = json.loads(run_cli("rounds", panel, "--award", "prize", "--json",
                                check=True).stdout)
    assert [(r["id"], r["kind"], r["state"], r["entries"]) for r in rounds["rounds"]] == [
        ("judging", "scored", "open", 5), ("final", "consensus", "open", 0)]

    tied = run_cli("promote", panel, "--award", "prize", "--to", "final", "--top", "2",
                   "--reason", "Shortlist")
    assert tied.returncode == 1
    assert "error: the top 2 of round 'judging' ends in a tie at rank 2: B (60.00), " \
           "C (60.00)" in tied.stderr
    run_cli("round", "close", panel, "--award", "prize", "--round", "judging", "--by",
            "Chair", check=True)
    moved = run_cli("promote", panel, "--award", "prize", "--to", "final", "--top", "3",
                    "--reason", "The panel's shortlist", "--by", "Chair", check=True)
    assert "3 entries promoted to 'final': A, B, C" in moved.stdout
    run_cli("withdraw", panel, "--award", "prize", "--round", "final", "--entry", "C",
            "--reason", "Entrant withdrew", "--by", "Chair", check=True)
    for entry, (talk, answers) in {"A": (6, 6), "B": (9, 8)}.items():
        run_cli("consensus", panel, "--award", "prize", "--round", "final", "--entry", entry,
                "--section", "talk", "--score", str(talk), check=True)
        run_cli("consensus", panel, "--award", "prize", "--round", "final", "--entry", entry,
                "--section", "answers", "--score", str(answers), "--note", "Agreed",
                check=True)
    off_scale = run_cli("consensus", panel, "--award", "prize", "--round", "final", "--entry",
                        "A", "--section", "talk", "--score", "12")
    assert off_scale.returncode == 1 and "section 'talk'" in off_scale.stderr

    final = json.loads(run_cli("rank", panel, "--award", "prize", "--json",
                               check=True).stdout)
    assert final["round"] == "final"
    assert [(row["rank"], row["entry"], row["round"]) for row in final["entries"]] == [
        (1, "B", "final"), (2, "A", "final")]
    shortlist = json.loads(run_cli("rank", panel, "--award", "prize", "--round", "judging",
                                   "--json", check=True).stdout)
    assert [row["entry"] for row in shortlist["entries"]][:1] == ["A"]
    summary = json.loads(run_cli("rounds", panel, "--award", "prize", "--json",
                                 check=True).stdout)
    assert [(row["entry"], row["path"]) for row in summary["final"]] == [
        ("B", "Judging 2nd of 5 with 60.0; Final 1st of 2 with 83.3"),
        ("A", "Judging 1st of 5 with 75.0; Final 2nd of 2 with 60.0")]
    shown = run_cli("rounds", panel, "--award", "prize", check=True).stdout
    assert "final result:" in shown and "Final 1st of 2 with 83.3" in shown
    text = run_cli("rank", panel, "--award", "prize", "--round", "final", check=True).stdout
    assert "round 'final' (Final, consensus, open)" in text
    with open_panel(panel) as store:
        actions = [(r["action"], r["who"]) for r in audit_log(store)]
    assert ("round closed", "Chair") in actions and ("promoted", "Chair") in actions
    assert ("withdrawn from round", "Chair") in actions


def test_round_commands_refuse_bad_input_with_one_error_line(tmp_path: Path,
                                                             run_cli: Run) -> None:
    panel = _panel(tmp_path)
    unknown = run_cli("rank", panel, "--award", "prize", "--round", "final")
    assert unknown.returncode == 1
    assert "award 'prize' has no round 'final' (its rounds: judging)" in unknown.stderr
    rule = run_cli("round", "add", panel, "--award", "prize", "--id", "check", "--name",
                   "Check", "--kind", "qualifying", "--pass-rule", "most")
    assert rule.returncode == 1 and "--pass-rule: pass_rule: must be all, majority" in \
        rule.stderr
    run_cli("round", "add", panel, "--award", "prize", "--id", "check", "--name", "Check",
            "--kind", "qualifying", "--pass-rule", "2", check=True)
    again = run_cli("round", "add", panel, "--award", "prize", "--id", "check", "--name",
                    "Check", "--kind", "scored")
    assert again.returncode == 1 and "already has a round 'check'" in again.stderr
    no_reason = run_cli("promote", panel, "--award", "prize", "--to", "check", "--top", "1",
                        "--reason", " ")
    assert no_reason.returncode == 1 and "reason" in no_reason.stderr
    no_rule = run_cli("promote", panel, "--award", "prize", "--to", "check",
                      "--reason", "Everyone")
    assert no_rule.returncode == 1 and "--top N, --min-score X or --entry ID" in \
        no_rule.stderr


def test_a_scored_final_goes_out_in_round_packs_and_comes_back(tmp_path: Path,
                                                               run_cli: Run) -> None:
    from judgepanel.core.packs import open_pack

    panel = _panel(tmp_path)
    sections = tmp_path / "final.toml"
    sections.write_text(FINAL, encoding="utf-8")
    run_cli("round", "add", panel, "--award", "prize", "--id", "final", "--name", "Final",
            "--kind", "scored", "--sections", sections, check=True)
    run_cli("promote", panel, "--award", "prize", "--to", "final", "--top", "1",
            "--reason", "Shortlist", check=True)
    run_cli("promote", panel, "--award", "prize", "--to", "final", "--entry", "E",
            "--reason", "Wildcard", check=True)
    early = run_cli("pack", panel, "--award", "prize", "--round", "final", "--judge", "Ann",
                    "-o", tmp_path / "ann.judgepack")
    assert early.returncode == 1 and "is still open" in early.stderr
    run_cli("round", "close", panel, "--award", "prize", "--round", "judging", check=True)
    run_cli("assign", panel, "--award", "prize", "--round", "final", "--per-entry", "2",
            check=True)
    made = run_cli("pack", panel, "--award", "prize", "--round", "final", "--judge", "Ann",
                   "-o", tmp_path / "ann.judgepack", check=True)
    assert "round 'final', 2 entries" in made.stdout
    with open_pack(tmp_path / "ann.judgepack") as pack:
        judging = Judging.for_pack(pack)
        for entry, value in {"A": 4, "E": 8}.items():
            judging.set_score(entry, "talk", value)
            judging.set_score(entry, "answers", value)
    run_cli("merge", panel, tmp_path / "ann.judgepack", check=True)
    final = json.loads(run_cli("rank", panel, "--award", "prize", "--round", "final",
                               "--json", check=True).stdout)
    assert [(row["entry"], row["score"], row["judges"]) for row in final["entries"]] == [
        ("E", 80.0, 1), ("A", 40.0, 1)]
    run_cli("round", "close", panel, "--award", "prize", "--round", "final", check=True)
    late = run_cli("merge", panel, tmp_path / "ann.judgepack")
    assert late.returncode == 1
    assert "belongs to round 'final' (Final) of award 'prize', which is closed" in late.stderr
