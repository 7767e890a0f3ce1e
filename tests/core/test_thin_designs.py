"""Thin designs: how well the judge–entry design pins down each judge's leniency, the warning
when it does not, each bias-corrected score's standard error, and neighbours too close to
separate. The standard errors are checked against the ridge posterior worked out in numpy."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import numpy as np
import pytest

from judgepanel.core.awards import Award, Scale, Section
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge
from judgepanel.core.panel import create_panel, open_panel
from judgepanel.core.ranking import rank_award
from judgepanel.core.scoring import Judging
from judgepanel.core.stats import THIN_COMPARISONS, bias_model, panel_stats

Run = Callable[..., CompletedProcess[str]]
AWARD = Award(id="prize", name="The Prize", scale=Scale(0, 10, 1),
              sections=(Section("Q1", "Impact", "What changed?"),))


def build(path: Path, plan: dict[str, dict[str, int]]) -> Path:
    store = create_panel(path, "Thin", [AWARD])
    upsert_entries(store, [EntryRecord(id=e, award="prize") for e in plan])
    judges: dict[str, int] = {}
    for entry, marks in plan.items():
        for name, value in marks.items():
            if name not in judges:
                judges[name] = add_judge(store, name).id
            Judging.for_judge(store, judges[name]).set_score(entry, "Q1", value)
    store.close()
    return path


def ring(size: int = 8) -> dict[str, dict[str, int]]:
    """Two judges per entry, two entries per judge, each judge sharing with two others."""
    return {f"E-{i}": {f"Judge {i}": 3 + (i * 3) % 7, f"Judge {(i + 1) % size}": 4 + i % 5}
            for i in range(size)}


def complete() -> dict[str, dict[str, int]]:
    return {f"E-{i}": {name: (i * 7 + k * 3) % 11 for k, name in enumerate("ABCD")}
            for i in range(6)}


def posterior(e: list[int], j: list[int], n_entries: int, n_judges: int,
              ridge: float) -> tuple[np.ndarray, np.ndarray]:
    """Var(score_i)/σ² and Var(b_j)/σ² from the ridge posterior, b = Z β with Σ b = 0."""
    basis = np.vstack([np.eye(n_judges - 1), -np.ones(n_judges - 1)])
    design = np.hstack([np.eye(n_entries)[e], np.eye(n_judges)[j] @ basis])
    precision = design.T @ design
    precision[n_entries:, n_entries:] += ridge * basis.T @ basis
    covariance = np.linalg.inv(precision)
    judges = basis @ covariance[n_entries:, n_entries:] @ basis.T
    return np.diag(covariance)[:n_entries], np.diag(judges)


@pytest.mark.parametrize("ridge", [0.0, 0.5, 3.0])
def test_standard_errors_are_the_ridge_posteriors(ridge: float) -> None:
    rng = np.random.default_rng(7)
    e = np.repeat(np.arange(12), 3)
    j = np.concatenate([rng.choice(6, 3, replace=False) for _ in range(12)])
    y = rng.normal(60, 10, e.size)
    fit = bias_model(e.tolist(), j.tolist(), y.tolist(), 12, 6, ridge=ridge)
    entries, judges = posterior(e.tolist(), j.tolist(), 12, 6, ridge)
    assert np.allclose(np.array(fit.score_se) / fit.sigma, np.sqrt(entries), atol=1e-9)
    assert np.allclose(np.array(fit.bias_se) / fit.sigma, np.sqrt(judges), atol=1e-9)
    _, ols = posterior(e.tolist(), j.tolist(), 12, 6, 0.0)
    assert np.allclose(fit.comparisons, 1 / ols, rtol=1e-9)


def test_a_complete_design_is_well_determined_and_scores_carry_the_means_error(
        tmp_path: Path) -> None:
    path = build(tmp_path / "complete.judgepanel", complete())
    with open_panel(path) as opened:
        ranking = rank_award(opened, "prize")
        stats = panel_stats(opened, "prize")
    assert ranking.design["poorly_determined"] is False and ranking.design["warning"] is None
    assert stats["design_warning"] is None
    for judge in ranking.design["judges"].values():
        assert judge["entries"] == 6 and judge["shares_with"] == 3
        assert judge["comparisons"] == pytest.approx(6 * 4 / 3)  # N J / (J − 1)
    errors = {row.bias_se for row in ranking.entries}
    assert len({round(value, 9) for value in errors if value is not None}) == 1  # σ / √4


def test_a_ring_of_pairs_is_poorly_determined_and_says_so(tmp_path: Path) -> None:
    path = build(tmp_path / "ring.judgepanel", ring())
    with open_panel(path) as opened:
        ranking = rank_award(opened, "prize")
        stats = panel_stats(opened, "prize")
    design = ranking.design
    assert design["poorly_determined"] is True
    assert all(j["comparisons"] < THIN_COMPARISONS for j in design["judges"].values())
    assert all(j["shares_with"] == 2 and j["entries"] == 2 for j in design["judges"].values())
    assert "poorly determined" in design["warning"]
    assert "rank by the mean" in design["warning"]
    assert design["warning"] in ranking.notes
    assert stats["design_warning"] == design["warning"]
    for row in ranking.entries:
        assert row.bias_se is not None and row.bias_se > 0


def test_neighbours_within_their_standard_error_are_too_close_to_separate(
        tmp_path: Path) -> None:
    plan = {"Top": {"A": 9, "B": 9, "C": 8}, "Near": {"A": 9, "B": 8, "C": 8},
            "Low": {"A": 2, "B": 3, "C": 2}, "Mid": {"A": 5, "B": 6, "C": 6}}
    path = build(tmp_path / "close.judgepanel", plan)
    with open_panel(path) as opened:
        ranking = rank_award(opened, "prize")
    rows = {row.entry: row for row in ranking.entries}
    assert rows["Top"].too_close == ["Near"] and rows["Near"].too_close == ["Top"]
    assert rows["Low"].too_close == [] and rows["Mid"].too_close == []
    body = ranking.as_json()
    assert body["entries"][0]["too_close_to_separate"] == ["Near"]
    assert body["entries"][0]["bias_se"] == pytest.approx(rows["Top"].bias_se)


def test_rank_and_stats_warn_on_a_thin_design(run_cli: Run, tmp_path: Path) -> None:
    path = build(tmp_path / "ring.judgepanel", ring())
    text = run_cli("rank", path, "--award", "prize", check=True).stdout
    assert "WARNING: the bias correction is poorly determined" in text
    assert "±" in text
    stats_text = run_cli("stats", path, "--award", "prize", check=True).stdout
    assert "WARNING: the bias correction is poorly determined" in stats_text
    assert "shared with 2 judges" in stats_text
    ranking = json.loads(run_cli("rank", path, "--award", "prize", "--json", check=True).stdout)
    assert ranking["design_warning"].startswith("the bias correction is poorly determined")
    assert all(row["bias_se"] > 0 for row in ranking["entries"])
    stats = json.loads(run_cli("stats", path, "--award", "prize", "--json", check=True).stdout)
    assert stats["design"]["poorly_determined"] is True
    whole = build(tmp_path / "complete.judgepanel", complete())
    assert "WARNING" not in run_cli("rank", whole, "--award", "prize", check=True).stdout


def test_stats_say_how_many_entries_the_icc_rests_on(run_cli: Run, tmp_path: Path) -> None:
    plan = {f"E-{i}": {"A": 3 + i % 5, "B": 4 + i % 4} for i in range(13)}
    for i in range(2, 13):
        plan[f"E-{i}"]["C" if i % 2 else "D"] = 5
    plan["E-0"]["C"], plan["E-0"]["D"] = 4, 6
    plan["E-1"]["C"], plan["E-1"]["D"] = 7, 8
    path = build(tmp_path / "icc.judgepanel", plan)
    stats = json.loads(run_cli("stats", path, "--award", "prize", "--json", check=True).stdout)
    assert stats["icc_entries"] == 2
    assert stats["icc_basis"] == "ICC on the 2 of 13 entries every judge scored"
    assert set(stats["icc"]) == {"ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k"}
    text = run_cli("stats", path, "--award", "prize", check=True).stdout
    assert "ICC on the 2 of 13 entries every judge scored: ICC1" in text
