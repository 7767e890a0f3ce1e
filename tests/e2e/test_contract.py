"""docs/interface.md as a contract: JSON shapes key by key, and exit statuses for bad input.

Every JSON output is checked on the demo panel and on a panel built here from the command
line. Every bad input must exit 1 with exactly one stderr line beginning `error:`, print no
traceback, and leave every file in the folder byte-for-byte as it was.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

Run = Callable[..., CompletedProcess[str]]
LST = "leading-systems-transformation"
SII = "service-improvement-innovation"

AWARD_KEYS = {"id", "name", "scale", "sections"}
SCALE_KEYS = {"min", "max", "step"}
SECTION_KEYS = {"id", "title", "question", "guidance", "weight", "word_limit", "scale"}
ENTRY_KEYS = {"entry", "award", "title", "nominee", "organisation", "answers", "words",
              "fields", "attachments"}  # attachments: added with supporting documents
RANK_KEYS = {"award", "method", "entries"}
RANK_ENTRY_KEYS = {"rank", "entry", "title", "score", "mean", "median", "sd", "judges",
                   "flags", "placement"}
STATS_KEYS = {"award", "entries", "judges", "scores", "alpha_interval", "icc", "kendall_w",
              "connected", "judge_bias", "flags"}
ICC_KEYS = {"ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k"}
FLAG_KEYS = {"entry", "judge", "flag", "detail"}
FLAG_NAMES = {"range", "rwg", "outlier", "no-comment", "champion", "near-cutoff", "tie"}
# `rank` adds "incomplete" (a judge's total left out for a missing section), listed in
# docs/interface.md beyond the interface's flag names.
RANK_FLAG_NAMES = FLAG_NAMES | {"incomplete"}
PLACEMENTS = {"winner", "highly-commended", "finalist", "none", None}
METHODS = ("mean", "median", "trimmed", "zscore", "bias", "borda")


@pytest.fixture(scope="module")
def demo_panel(tmp_path_factory: pytest.TempPathFactory, judgepanel_cli: Run) -> Path:
    _cli = judgepanel_cli
    folder = tmp_path_factory.mktemp("demo")
    _cli("demo", "--no-gui", "--out", folder / "demo", cwd=folder)
    return folder / "demo" / "demo.judgepanel"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, judgepanel_cli: Run) -> dict[str, Path]:
    """A panel made as a coordinator would: two awards, entries, three judges, one pack,
    scores typed in from paper and one placement."""
    _cli = judgepanel_cli
    folder = tmp_path_factory.mktemp("built")
    imports = Path(__file__).parents[1] / "fixtures" / "import"
    panel = folder / "built.judgepanel"
    _cli("new", panel, "--title", "Contract Awards 2026", "--award", LST, "--award", SII,
         cwd=folder)
    _cli("import", panel, imports / "generic_lst.csv", cwd=folder)
    _cli("import", panel, imports / "openwater.csv", "--preset", "openwater", cwd=folder)
    judges = ("Ann Chair", "Ben Okafor", "Cleo Jones")
    for name in judges:
        _cli("judge", "add", panel, name, cwd=folder)
    _cli("assign", panel, "--award", LST, "--per-entry", "3", "--seed", "1", cwd=folder)
    entries = [e["entry"] for e in json.loads(
        _cli("entries", panel, "--award", LST, "--json", cwd=folder).stdout)]
    sheet = folder / "paper.csv"
    lines = ["entry,judge,section,score,comment"]
    for j, name in enumerate(judges):
        for e, entry in enumerate(entries):
            for s in range(1, 6):
                lines.append(f"{entry},{name},Q{s},{min(10, 9 - 2 * e + j % 2)},note {s}")
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _cli("scores", "import", panel, sheet, cwd=folder)
    _cli("decide", panel, "--entry", entries[0], "--placement", "winner", "--reason", "Top",
         cwd=folder)
    pack = folder / "ben.judgepack"
    _cli("pack", panel, "--judge", "Ben Okafor", "-o", pack, cwd=folder)
    return {"panel": panel, "pack": pack, "folder": folder}


def _json(run_cli: Run, *args: str | Path) -> object:
    return json.loads(run_cli(*args, check=True).stdout)


# ----- JSON shapes ----------------------------------------------------------------------------


def _check_scale(scale: dict) -> None:
    assert set(scale) == SCALE_KEYS
    assert all(isinstance(scale[k], int | float) for k in SCALE_KEYS)
    assert scale["min"] < scale["max"] and scale["step"] > 0


def test_awards_json_shape(run_cli: Run) -> None:
    found = _json(run_cli, "awards", "--json")
    assert isinstance(found, list) and {a["id"] for a in found} == {
        LST, SII, "system-leadership-initiative"}
    for award in found:
        assert set(award) >= AWARD_KEYS
        assert isinstance(award["id"], str) and isinstance(award["name"], str)
        _check_scale(award["scale"])
        assert award["sections"]
        for section in award["sections"]:
            assert set(section) == SECTION_KEYS
            assert isinstance(section["guidance"], list)
            assert all(isinstance(g, str) and g for g in section["guidance"])
            assert isinstance(section["weight"], int | float) and section["weight"] > 0
            assert section["word_limit"] is None or isinstance(section["word_limit"], int)
            _check_scale(section["scale"])


@pytest.mark.parametrize("which", ["demo", "built"])
def test_entries_json_shape(run_cli: Run, demo_panel: Path, built: dict[str, Path],
                            which: str) -> None:
    panel = demo_panel if which == "demo" else built["panel"]
    found = _json(run_cli, "entries", panel, "--json")
    assert found
    for entry in found:
        assert set(entry) == ENTRY_KEYS
        for key in ("entry", "award", "title", "nominee", "organisation"):
            assert isinstance(entry[key], str)
        assert set(entry["answers"]) == set(entry["words"])
        assert all(isinstance(t, str) for t in entry["answers"].values())
        assert all(isinstance(n, int) and n >= 0 for n in entry["words"].values())
        assert isinstance(entry["fields"], dict)
    if which == "built":
        ids = {e["entry"] for e in found}
        assert {"E-101", "OW-3F9K"} <= ids
        in_pack = _json(run_cli, "entries", built["pack"], "--json")  # a pack is allowed
        assert in_pack and all(set(e) == ENTRY_KEYS for e in in_pack)
        only = _json(run_cli, "entries", panel, "--award", SII, "--json")
        assert [e["award"] for e in only] == [SII]


def _check_ranking(found: dict, award: str, method: str) -> None:
    assert set(found) >= RANK_KEYS
    assert found["award"] == award and found["method"] == method
    ranks = []
    for row in found["entries"]:
        assert set(row) >= RANK_ENTRY_KEYS
        assert isinstance(row["entry"], str) and isinstance(row["title"], str)
        assert isinstance(row["judges"], int)
        assert isinstance(row["flags"], list) and set(row["flags"]) <= RANK_FLAG_NAMES
        assert row["placement"] in PLACEMENTS
        if row["rank"] is None:
            assert row["judges"] == 0 and row["score"] is None
        else:
            for key in ("score", "mean", "median"):
                assert isinstance(row[key], int | float) and 0 <= row[key] <= 100
            assert row["sd"] is None or row["sd"] >= 0
        ranks.append(row["rank"])
    ranked = [r for r in ranks if r is not None]
    assert ranks[:len(ranked)] == ranked == sorted(ranked), "unranked entries come last"
    for a, b in zip(found["entries"], found["entries"][1:], strict=False):
        if a["rank"] is not None and a["rank"] == b["rank"]:
            assert "tie" in a["flags"] and "tie" in b["flags"]


@pytest.mark.parametrize("which", ["demo", "built"])
def test_rank_json_shape_under_every_method(run_cli: Run, demo_panel: Path,
                                            built: dict[str, Path], which: str) -> None:
    panel = demo_panel if which == "demo" else built["panel"]
    for method in METHODS:
        _check_ranking(_json(run_cli, "rank", panel, "--award", LST, "--method", method,
                             "--json"), LST, method)
    default = _json(run_cli, "rank", panel, "--award", LST, "--json")
    _check_ranking(default, LST, default["method"])
    if which == "built":
        assert default["entries"][0]["entry"] == "E-101"
        assert default["entries"][0]["placement"] == "winner"


@pytest.mark.parametrize("which", ["demo", "built"])
def test_stats_json_shape(run_cli: Run, demo_panel: Path, built: dict[str, Path],
                          which: str) -> None:
    panel = demo_panel if which == "demo" else built["panel"]
    found = _json(run_cli, "stats", panel, "--award", LST, "--json")
    assert set(found) >= STATS_KEYS
    assert found["award"] == LST
    for key in ("entries", "judges", "scores"):
        assert isinstance(found[key], int)
    assert found["alpha_interval"] is None or isinstance(found["alpha_interval"], float)
    assert found["icc"] is None or set(found["icc"]) == ICC_KEYS
    assert isinstance(found["connected"], bool)
    assert all(isinstance(v, int | float) for v in found["judge_bias"].values())
    for flag in found["flags"]:
        assert set(flag) == FLAG_KEYS and flag["flag"] in FLAG_NAMES
    if which == "built":  # every judge scored every entry: ICC and W exist
        assert (found["entries"], found["judges"], found["scores"]) == (3, 3, 9)
        assert set(found["icc"]) == ICC_KEYS and found["kendall_w"] is not None
        assert set(found["judge_bias"]) == {"Ann Chair", "Ben Okafor", "Cleo Jones"}


# ----- bad input: exit 1, one error line, nothing changed --------------------------------------


def _digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def scratch(built: dict[str, Path], tmp_path: Path) -> Path:
    """A copy of the built panel and pack, and the bad files a coordinator stumbles over."""
    shutil.copy(built["panel"], tmp_path / "p.judgepanel")
    shutil.copy(built["pack"], tmp_path / "k.judgepack")
    (tmp_path / "text.judgepanel").write_text("minutes of the judging meeting\n")
    (tmp_path / "text.judgepack").write_text("minutes of the judging meeting\n")
    data = (tmp_path / "p.judgepanel").read_bytes()
    (tmp_path / "half.judgepanel").write_bytes(data[: len(data) // 2])
    pack = (tmp_path / "k.judgepack").read_bytes()
    (tmp_path / "half.judgepack").write_bytes(pack[: len(pack) // 2])
    sheets = {
        "unknown_entry.csv": "E-999,Ann Chair,Q1,5,",
        "unknown_section.csv": "E-101,Ann Chair,Q9,5,",
        "too_high.csv": "E-101,Ann Chair,Q1,11,",
        "too_high_ben.csv": "E-101,Ben Okafor,Q1,11,",
        "off_step.csv": "E-101,Ann Chair,Q1,4.5,",
        "not_a_number.csv": "E-101,Ann Chair,Q1,nan,",
        "infinite.csv": "E-101,Ann Chair,Q1,inf,",
        "thousands.csv": "E-101,Ann Chair,Q1,\"1,000\",",
        "other_judge.csv": "E-101,Cleo Jones,Q1,5,",
        "misspelt_judge.csv": "E-101,Ben Okáfor,Q1,5,",
    }
    for name, row in sheets.items():
        (tmp_path / name).write_text(f"entry,judge,section,score,comment\n{row}\n",
                                     encoding="utf-8")
    (tmp_path / "header_only.csv").write_text("entry,judge,section,score,comment\n",
                                              encoding="utf-8")
    (tmp_path / "blank_scores.csv").write_text(
        "entry,judge,section,score,comment\nE-101,Ann Chair,Q1,,\n", encoding="utf-8")
    (tmp_path / "entries.csv").write_text("Entry ID,Title,Q1\nX-1,Something,text\n")
    return tmp_path


BAD_INPUTS: list[tuple[str, tuple[str, ...], str]] = [
    ("missing panel", ("entries", "missing.judgepanel"), "no such file"),
    ("missing export", ("import", "p.judgepanel", "missing.csv"), "missing.csv"),
    ("missing pack", ("merge", "p.judgepanel", "missing.judgepack"), "missing.judgepack"),
    ("missing sheet", ("scores", "import", "p.judgepanel", "missing.csv"), "missing.csv"),
    ("pack as panel: import", ("import", "k.judgepack", "entries.csv"), "judge pack"),
    ("pack as panel: merge", ("merge", "k.judgepack", "k.judgepack"), "judge pack"),
    ("pack as panel: rank", ("rank", "k.judgepack", "--award", LST), "judge pack"),
    ("pack as panel: judge add", ("judge", "add", "k.judgepack", "Dee"), "judge pack"),
    ("pack as panel: pack", ("pack", "k.judgepack", "--judge", "Ben Okafor", "-o",
                             "x.judgepack"), "judge pack"),
    ("panel as pack", ("merge", "p.judgepanel", "p.judgepanel"), "panel"),
    ("pack as export", ("import", "p.judgepanel", "k.judgepack"), ".judgepack"),
    ("pack as score sheet", ("scores", "import", "p.judgepanel", "k.judgepack"), "csv"),
    ("text renamed .judgepanel", ("entries", "text.judgepanel"), "not a JudgePanel file"),
    ("text renamed .judgepanel: rank", ("rank", "text.judgepanel", "--award", LST),
     "not a JudgePanel file"),
    ("text renamed .judgepack", ("merge", "p.judgepanel", "text.judgepack"),
     "not a JudgePanel file"),
    ("truncated panel", ("entries", "half.judgepanel"), "truncated"),
    ("truncated panel: import", ("import", "half.judgepanel", "entries.csv"), "truncated"),
    ("truncated pack", ("merge", "p.judgepanel", "half.judgepack"), "truncated"),
    ("one bad pack of two", ("merge", "p.judgepanel", "k.judgepack", "half.judgepack"),
     "nothing was merged"),
    ("unknown award: rank", ("rank", "p.judgepanel", "--award", "nope"), "no award 'nope'"),
    ("unknown award: stats", ("stats", "p.judgepanel", "--award", "nope"), "no award 'nope'"),
    ("unknown award: assign", ("assign", "p.judgepanel", "--award", "nope", "--per-entry",
                               "1"), "no award 'nope'"),
    ("unknown award: entries", ("entries", "p.judgepanel", "--award", "nope"),
     "no award 'nope'"),
    ("unknown award: import", ("import", "p.judgepanel", "entries.csv", "--award", "nope"),
     "no award 'nope'"),
    ("unknown award: report", ("report", "p.judgepanel", "-o", "r.pdf", "--award", "nope"),
     "no award 'nope'"),
    ("unknown award: new", ("new", "n.judgepanel", "--title", "T", "--award", "nope"),
     "unknown award 'nope'"),
    ("unknown judge: pack", ("pack", "p.judgepanel", "--judge", "Nobody", "-o",
                             "x.judgepack"), "no judge called 'Nobody'"),
    ("unknown judge: conflict", ("conflict", "p.judgepanel", "--judge", "Nobody", "--entry",
                                 "E-101"), "no judge called 'Nobody'"),
    ("unknown judge: edit", ("judge", "edit", "p.judgepanel", "Nobody", "--email", "a@b.c"),
     "no judge called 'Nobody'"),
    ("unknown entry: conflict", ("conflict", "p.judgepanel", "--judge", "Ann Chair",
                                 "--entry", "E-999"), "no entry 'E-999'"),
    ("unknown entry: decide", ("decide", "p.judgepanel", "--entry", "E-999", "--placement",
                               "winner", "--reason", "x"), "no entry 'E-999'"),
    ("unknown entry: scores", ("scores", "import", "p.judgepanel", "unknown_entry.csv"),
     "row 2, column entry"),
    ("unknown section", ("scores", "import", "p.judgepanel", "unknown_section.csv"),
     "no section 'Q9'"),
    ("impossible score", ("scores", "import", "p.judgepanel", "too_high.csv"),
     "not on this section's scale"),
    ("impossible score in a pack", ("scores", "import", "k.judgepack", "too_high_ben.csv"),
     "not on this section's scale"),
    ("off-step score", ("scores", "import", "p.judgepanel", "off_step.csv"),
     "not on this section's scale"),
    ("NaN score", ("scores", "import", "p.judgepanel", "not_a_number.csv"),
     "column score: 'nan' is not a number"),
    ("infinite score", ("scores", "import", "p.judgepanel", "infinite.csv"), "row 2"),
    ("ambiguous thousands", ("scores", "import", "p.judgepanel", "thousands.csv"),
     "'1,000' is not a number"),
    ("another judge's row in a pack", ("scores", "import", "k.judgepack", "other_judge.csv"),
     "not this pack's judge"),
    ("misspelt judge", ("scores", "import", "p.judgepanel", "misspelt_judge.csv"),
     "but 'Ben Okafor' is"),
    ("score sheet with only a header", ("scores", "import", "p.judgepanel", "header_only.csv"),
     "holds no scores"),
    ("score sheet with blank scores", ("scores", "import", "k.judgepack", "blank_scores.csv"),
     "holds no scores"),
    ("bad e-mail", ("judge", "add", "p.judgepanel", "Dee Mensah", "--email", "dee at x"),
     "not an e-mail address"),
    ("panel without its extension", ("new", "awards2026", "--title", "T", "--award", LST),
     "ends in .judgepanel"),
    ("existing panel", ("new", "p.judgepanel", "--title", "T", "--award", LST),
     "already exists"),
    ("report into a missing folder", ("report", "p.judgepanel", "-o", "nowhere/r.pdf"),
     "no such folder"),
]


@pytest.mark.parametrize(("args", "expected"), [case[1:] for case in BAD_INPUTS],
                         ids=[case[0] for case in BAD_INPUTS])
def test_bad_input_exits_1_and_changes_nothing(run_cli: Run, scratch: Path,
                                               args: tuple[str, ...], expected: str) -> None:
    before = _digests(scratch)
    result = run_cli(*args, cwd=scratch)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert expected in lines[0]
    assert "Traceback" not in result.stdout + result.stderr
    assert _digests(scratch) == before


WRONG_USAGE: list[tuple[str, ...]] = [
    ("assign", "p.judgepanel", "--award", LST),  # --per-entry missing
    ("assign", "p.judgepanel", "--award", LST, "--per-entry", "0"),
    ("rank", "p.judgepanel", "--award", LST, "--method", "coin-toss"),
    ("decide", "p.judgepanel", "--entry", "E-101", "--placement", "gold", "--reason", "x"),
    ("merge", "p.judgepanel"),
    ("import", "p.judgepanel", "entries.csv", "--preset", "nobody"),
    ("certificates", "p.judgepanel", "-o", "c.pdf", "--placement", "runner-up"),
    ("no-such-command",),
    ("pack", "p.judgepanel", "-o", "x.judgepack"),  # neither --judge nor --all
]


@pytest.mark.parametrize("args", WRONG_USAGE, ids=[" ".join(a[:1] + a[2:3]) for a in WRONG_USAGE])
def test_wrong_usage_exits_2(run_cli: Run, scratch: Path, args: tuple[str, ...]) -> None:
    before = _digests(scratch)
    result = run_cli(*args, cwd=scratch)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert _digests(scratch) == before


def test_version_and_help(run_cli: Run) -> None:
    assert run_cli("--version", check=True).stdout.startswith("judgepanel, version ")
    for command in ("awards", "new", "import", "entries", "judge", "judges", "assign",
                    "conflict", "pack", "merge", "scores", "rank", "stats", "decide",
                    "report", "feedback", "certificates", "demo", "open"):
        assert "Usage:" in run_cli(command, "--help", check=True).stdout


def test_packs_for_a_panel_with_no_judges(run_cli: Run, tmp_path: Path) -> None:
    # Used to print nothing, exit 0 and leave an empty folder behind.
    panel = tmp_path / "empty.judgepanel"
    run_cli("new", panel, "--title", "T", "--award", LST, check=True)
    result = run_cli("pack", panel, "--all", "-o", tmp_path / "packs")
    assert result.returncode == 1 and result.stderr.startswith("error: ")
    assert "no judges yet" in result.stderr and not (tmp_path / "packs").exists()


def test_a_pack_for_a_judge_with_nothing_assigned_says_so(run_cli: Run, tmp_path: Path) -> None:
    panel = tmp_path / "p.judgepanel"
    run_cli("new", panel, "--title", "T", "--award", LST, check=True)
    run_cli("judge", "add", panel, "Ann Chair", check=True)
    out = run_cli("pack", panel, "--judge", "Ann Chair", "-o", tmp_path / "a.judgepack",
                  check=True).stdout
    assert "note: Ann Chair has no entries assigned yet" in out
