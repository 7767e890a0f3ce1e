"""`judgepanel import` as a coordinator runs it: the real command (in process), real files."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

Run = Callable[..., CompletedProcess[str]]
LST = "leading-systems-transformation"


@pytest.fixture
def exports(fixtures: Path) -> Path:
    return fixtures / "import"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def entries(run_cli: Run, panel: Path) -> dict[str, dict]:
    out = run_cli("entries", panel, "--json", check=True).stdout
    return {e["entry"]: e for e in json.loads(out)}


def test_import_then_list(run_cli: Run, panel_path: Path, exports: Path) -> None:
    result = run_cli("import", panel_path, exports / "generic_lst.csv", check=True)
    assert result.stdout.splitlines()[0] == \
        f"added 3 entries, updated 0, unchanged 0 ({LST}: 3) from generic_lst.csv"
    assert "warning: E-104 Q2: 612 words, over the 500-word limit" in result.stdout
    found = entries(run_cli, panel_path)
    assert found["E-101"]["nominee"] == "Zofia Wiśniewska"
    assert found["E-104"]["words"]["Q2"] == 612


def test_dry_run_changes_nothing(run_cli: Run, panel_path: Path, exports: Path) -> None:
    before = digest(panel_path)
    result = run_cli("import", panel_path, exports / "generic_lst.csv", "--dry-run", check=True)
    assert result.stdout.startswith("would add 3 entries, update 0, unchanged 0")
    assert "dry run: the panel was not changed" in result.stdout
    assert digest(panel_path) == before


@pytest.mark.parametrize(("name", "preset", "entry"), [
    ("awardforce_part1.csv", "awardforce", "123-LS"),
    ("submittable.csv", "submittable", "88121"),
    ("openwater.csv", "openwater", "OW-3F9K"),
    ("evalato.xlsx", "evalato", "1001"),
    ("generic.json", "generic", "J-1"),
])
def test_every_preset(run_cli: Run, panel_path: Path, exports: Path, name: str, preset: str,
                      entry: str) -> None:
    run_cli("import", panel_path, exports / name, "--preset", preset, check=True)
    found = entries(run_cli, panel_path)
    assert entry in found
    for answer in found[entry]["answers"].values():
        assert "<" not in answer and "&amp;" not in answer and "{{" not in answer


def test_split_export_in_one_command(run_cli: Run, panel_path: Path, exports: Path) -> None:
    result = run_cli("import", panel_path, exports / "awardforce_part1.csv",
                     exports / "awardforce_part2.csv", "--preset", "awardforce", check=True)
    assert result.stdout.count("added 1 entry") == 2
    assert set(entries(run_cli, panel_path)) == {"123-LS", "124-LS"}


def test_one_bad_part_imports_no_part(run_cli: Run, panel_path: Path, exports: Path) -> None:
    before = digest(panel_path)
    result = run_cli("import", panel_path, exports / "generic_lst.csv",
                     exports / "bad" / "duplicate_ids.csv")
    assert result.returncode == 1
    assert digest(panel_path) == before


def test_mapping_and_award_options(run_cli: Run, panel_path: Path, exports: Path) -> None:
    run_cli("import", panel_path, exports / "custom_export.csv", "--mapping",
            exports / "custom_mapping.toml", check=True)
    run_cli("import", panel_path, exports / "bad" / "unknown_category.csv", "--award", LST,
            check=True)
    found = entries(run_cli, panel_path)
    assert found["X-9"]["answers"]["Q5"] == "n"
    assert found["E-106"]["award"] == LST


@pytest.mark.parametrize(("name", "where"), [
    ("duplicate_ids.csv", "row 2 and row 5 (column 'Entry ID')"),
    ("unknown_category.csv", "'Best Newcomer' (row 3); 'Unsung Hero' (row 5)"),
    ("blank_id.csv", "blank_id.csv, row 3, column 'Entry ID': no entry id"),
    ("csv_renamed.xlsx", "this is not an Excel workbook (.xlsx)"),
    ("truncated.xlsx", "the workbook is truncated or damaged"),
    ("malformed.json", "line 4, column 4: not valid JSON"),
    ("empty.csv", "the file is empty"),
    ("no_id_column.csv", "no entry id column"),
])
def test_refusals_are_one_error_line(run_cli: Run, panel_path: Path, exports: Path, name: str,
                                     where: str) -> None:
    before = digest(panel_path)
    result = run_cli("import", panel_path, exports / "bad" / name)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert name in lines[0] and where in lines[0]
    assert "Traceback" not in result.stderr
    assert digest(panel_path) == before


def test_reimport_keeps_scores_from_the_command_line(run_cli: Run, panel_path: Path,
                                                     exports: Path) -> None:
    run_cli("import", panel_path, exports / "generic_lst.csv", check=True)
    run_cli("judge", "add", panel_path, "Dr Amara Osei", check=True)
    from judgepanel.core.judges import find_judge
    from judgepanel.core.panel import open_panel
    from judgepanel.core.scoring import Judging

    with open_panel(panel_path) as store:
        judge = find_judge(store, "Dr Amara Osei")
        assert judge is not None
        Judging.for_judge(store, judge.id).set_score("E-102", "Q3", 8, "Strong")
    result = run_cli("import", panel_path, exports / "generic_lst_changed.csv", check=True)
    assert result.stdout.startswith("added 1 entry, updated 1, unchanged 2")
    with open_panel(panel_path) as store:
        rows = store.rows("SELECT entry, section, value, comment FROM scores")
    assert rows == [{"entry": "E-102", "section": "Q3", "value": 8.0, "comment": "Strong"}]


def test_demo_csvs_import(run_cli: Run, panel_path: Path) -> None:
    """The demo data's one-CSV-per-award files import with the generic preset."""
    demo = Path(__file__).parents[2] / "resources" / "demo"
    files = sorted(demo.glob("*.csv"))
    assert files, f"no demo CSV files shipped in {demo}"
    for file in files:
        result = run_cli("import", panel_path, file, check=True)
        assert "no column found" not in result.stdout, result.stdout
    assert len(entries(run_cli, panel_path)) >= len(files)
