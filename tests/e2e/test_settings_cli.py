"""Settings the chair can defend: each has a type and a range, and no JSON carries NaN.

Run through the real command line in process (click's CliRunner via the run_cli fixture).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest

from judgepanel.core.awards import Award, Scale, Section
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge
from judgepanel.core.panel import create_panel
from judgepanel.core.scoring import Judging

Run = Callable[..., CompletedProcess[str]]
AWARD = Award(id="prize", name="The Prize", scale=Scale(0, 10, 1),
              sections=(Section("Q1", "Impact", "What changed?"),))
METHODS = ("mean", "median", "trimmed", "zscore", "bias", "borda")


def _strict(text: str) -> Any:
    """Parse JSON as a strict reader would: NaN and Infinity are not JSON."""
    def refuse(name: str) -> None:
        raise AssertionError(f"{name} in JSON output")
    return json.loads(text, parse_constant=refuse)


def _panel(path: Path, plan: dict[str, dict[str, int]]) -> Path:
    store = create_panel(path, "Settings", [AWARD])
    upsert_entries(store, [EntryRecord(id=e, award="prize") for e in plan] or
                   [EntryRecord(id="E-1", award="prize")])
    judges: dict[str, int] = {}
    for marks in plan.values():
        for name in marks:
            if name not in judges:
                judges[name] = add_judge(store, name).id
    for entry, marks in plan.items():
        for name, value in marks.items():
            Judging.for_judge(store, judges[name]).set_score(entry, "Q1", value)
    store.close()
    return path


@pytest.fixture
def panel(tmp_path: Path) -> Path:
    return _panel(tmp_path / "p.judgepanel", {
        "E-1": {"Ann": 8, "Bob": 7, "Cy": 9}, "E-2": {"Ann": 5, "Bob": 6, "Cy": 4},
        "E-3": {"Ann": 6, "Bob": 6, "Cy": 7}, "E-4": {"Ann": 3, "Bob": 2, "Cy": 4}})


@pytest.mark.parametrize(("pair", "message"), [
    ("bias_ridge=NaN", "bias_ridge: must be a number from 0 to 1000000000, not NaN"),
    ("bias_ridge=Infinity", "bias_ridge: must be a number from 0 to 1000000000, not Infinity"),
    ("bias_ridge=-1", "bias_ridge: must be a number from 0 to 1000000000, not -1"),
    ("bias_ridge=1e10", "bias_ridge: must be a number from 0 to 1000000000, not 10000000000.0"),
    ("bias_ridge=true", "bias_ridge: must be a number from 0 to 1000000000, not true"),
    ("places=0", "places: must be a whole number from 1 to 100, not 0"),
    ("places=2.5", "places: must be a whole number from 1 to 100, not 2.5"),
    ("champion_k=NaN", "champion_k: must be a whole number from 1 to 50, not NaN"),
    ('flag_thresholds={"range": NaN}',
     "flag_thresholds.range: must be a number from 0 to 100, not NaN"),
    ('flag_thresholds={"rwg": 1.5}', "flag_thresholds.rwg: must be a number from 0 to 1, not 1.5"),
    ('flag_thresholds={"outlier_min": -Infinity}',
     "flag_thresholds.outlier_min: must be a number from 0 to 100, not -Infinity"),
    ('flag_thresholds={"extreme": "wide"}',
     "flag_thresholds.extreme: must be a number from 0 to 50, not wide"),
])
def test_a_setting_outside_its_range_is_refused_naming_the_range(
        run_cli: Run, panel: Path, pair: str, message: str) -> None:
    result = run_cli("settings", panel, "--award", "prize", "--set", pair)
    assert result.returncode == 1
    assert result.stderr.strip() == f"error: award 'prize': {message}"
    shown = _strict(run_cli("settings", panel, "--award", "prize", "--json", check=True).stdout)
    assert shown["bias_ridge"] == 0.5 and shown["places"] == 3  # nothing was changed
    assert shown["flag_thresholds"]["range"] == 50.0


def test_settings_in_range_are_kept(run_cli: Run, panel: Path) -> None:
    run_cli("settings", panel, "--award", "prize", "--set", "bias_ridge=0", "--set", "places=2",
            "--set", 'flag_thresholds={"rwg": 0.5, "champion_gap": 30}', check=True)
    shown = _strict(run_cli("settings", panel, "--award", "prize", "--json", check=True).stdout)
    assert (shown["bias_ridge"], shown["places"]) == (0.0, 2)
    assert shown["flag_thresholds"]["rwg"] == 0.5
    assert shown["flag_thresholds"]["champion_gap"] == 30.0


def test_a_ridge_of_a_billion_ranks_and_measures_like_the_mean(run_cli: Run,
                                                               panel: Path) -> None:
    run_cli("settings", panel, "--award", "prize", "--set", "bias_ridge=1e9", check=True)
    for method in METHODS:
        result = run_cli("rank", panel, "--award", "prize", "--method", method, "--json")
        assert result.returncode == 0, result.stderr
        ranking = _strict(result.stdout)
        assert [e["rank"] for e in ranking["entries"]] == [1, 2, 3, 4]
    bias = _strict(run_cli("rank", panel, "--award", "prize", "--json", check=True).stdout)
    for row in bias["entries"]:
        assert row["score"] == pytest.approx(row["mean"], abs=1e-6)  # no correction left
    assert run_cli("rank", panel, "--award", "prize").returncode == 0
    assert run_cli("rank", panel, "--award", "prize", "--sensitivity").returncode == 0
    stats = _strict(run_cli("stats", panel, "--award", "prize", "--json", check=True).stdout)
    assert all(abs(value) < 1e-6 for value in stats["judge_bias"].values())
    assert run_cli("stats", panel, "--award", "prize").returncode == 0


@pytest.mark.parametrize("plan", [
    {},                                                        # no scores at all
    {"E-1": {"Ann": 5}},                                       # one judge, one entry
    {"E-1": {"Ann": 5, "Bob": 5}, "E-2": {"Ann": 5, "Bob": 5}},  # nobody differs
    {"E-1": {"Ann": 7}, "E-2": {"Bob": 3}, "E-3": {"Cy": 9}},  # no judge shares an entry
    {"E-1": {"Ann": 0, "Bob": 10}, "E-2": {"Ann": 10, "Bob": 0}},  # a perfect split
], ids=["empty", "single", "identical", "disconnected", "split"])
def test_json_never_carries_nan_on_a_degenerate_panel(run_cli: Run, tmp_path: Path,
                                                      plan: dict[str, dict[str, int]]) -> None:
    path = _panel(tmp_path / "degenerate.judgepanel", plan)
    for method in METHODS:
        result = run_cli("rank", path, "--award", "prize", "--method", method, "--json")
        assert result.returncode == 0, result.stderr
        _strict(result.stdout)
    stats = _strict(run_cli("stats", path, "--award", "prize", "--json", check=True).stdout)
    if plan in ({"E-1": {"Ann": 5, "Bob": 5}, "E-2": {"Ann": 5, "Bob": 5}},):
        assert stats["icc"] is None  # undefined with no spread: null, not six nulls
    _strict(run_cli("rank", path, "--award", "prize", "--sensitivity", "--json",
                    check=True).stdout)


def test_a_bad_value_stored_by_an_older_version_falls_back_to_the_default(
        run_cli: Run, panel: Path) -> None:
    import sqlite3

    with sqlite3.connect(panel) as db:  # what `settings --set bias_ridge=NaN` used to store
        db.execute("UPDATE awards SET settings = ? WHERE id = 'prize'",
                   ['{"bias_ridge": NaN, "places": 0, "flag_thresholds": {"range": NaN}}'])
    db.close()
    shown = _strict(run_cli("settings", panel, "--award", "prize", "--json", check=True).stdout)
    assert (shown["bias_ridge"], shown["places"]) == (0.5, 3)
    assert shown["flag_thresholds"]["range"] == 50.0
    ranking = _strict(run_cli("rank", panel, "--award", "prize", "--json", check=True).stdout)
    assert [e["entry"] for e in ranking["entries"]] == ["E-1", "E-3", "E-2", "E-4"]
