"""One analysis per award: the report, rank and stats share it, and a change makes a new one."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from judgepanel.core import award_analysis, ranking_methods
from judgepanel.core import ranking as ranking_module
from judgepanel.core.award_results import (
    adopt_results,
    award_results,
    cached_results,
    data_version,
)
from judgepanel.core.awards import panel_awards
from judgepanel.core.demo import build_demo
from judgepanel.core.moderation import decide, override_score
from judgepanel.core.outputs import write_ranked_report
from judgepanel.core.outputs_log import outputs_written
from judgepanel.core.panel import open_panel
from judgepanel.core.ranking import rank_award, sensitivity, top_places_change
from judgepanel.core.reports.gather import report_data
from judgepanel.core.stats import panel_stats
from judgepanel.core.store import Store


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built-in demo (three awards, five judges), built once for these tests."""
    return build_demo(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Store]:
    """A private copy of the demo panel, open."""
    copy = tmp_path / "demo.judgepanel"
    copy.write_bytes(demo_file.read_bytes())
    with open_panel(copy) as store:
        yield store


def counting(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[str]:
    """Count calls of `module.name` (the real function still runs); each call logs its thread."""
    real: Callable[..., Any] = getattr(module, name)
    calls: list[str] = []

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)
    return calls


def test_the_demo_report_solves_the_bias_model_once_per_award(
        demo: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    solves = counting(monkeypatch, ranking_methods, "bias_model")
    reads = counting(monkeypatch, award_analysis, "judge_totals")
    awards = panel_awards(demo)
    assert len(awards) == 3
    written = write_ranked_report(demo, tmp_path / "report.pdf", who="Priya Shah")
    assert written.files == [tmp_path / "report.pdf"] and written.files[0].stat().st_size
    assert len(solves) == len(awards)
    assert len(reads) == len(awards)
    assert [r.kind for r in outputs_written(demo)] == ["report"]


def test_rank_and_stats_after_the_report_reuse_its_analyses(
        demo: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    solves = counting(monkeypatch, ranking_methods, "bias_model")
    data = report_data(demo)
    for award in data.awards:
        results = award_results(demo, award.award)
        assert results.ranking().as_json()["entries"]
        assert results.stats["judge_bias"]
        assert results.sensitivity
    assert len(solves) == len(data.awards) == 3


def test_the_shared_analysis_agrees_with_ranking_each_part_afresh(demo: Store) -> None:
    for award in panel_awards(demo):
        results = award_results(demo, award.id)
        assert results.ranking().as_json() == rank_award(demo, award.id).as_json()
        assert results.ranking("mean").as_json() == rank_award(demo, award.id, "mean").as_json()
        assert results.stats == panel_stats(demo, award.id)
        assert results.sensitivity == sensitivity(demo, award.id)
        assert results.top_places_change == top_places_change(demo, award.id)


def test_a_decision_made_on_this_connection_makes_a_new_analysis(demo: Store) -> None:
    award = panel_awards(demo)[0].id
    before = award_results(demo, award)
    assert award_results(demo, award) is before  # nothing changed: the same analysis
    entry = next(r.entry for r in before.ranking().entries if r.placement is None)
    decide(demo, entry, "finalist", "Strong evidence", "Priya Shah")
    after = award_results(demo, award)
    assert after is not before
    assert next(r for r in after.ranking().entries if r.entry == entry).placement == "finalist"


def test_a_moderated_score_from_another_program_is_seen(demo: Store) -> None:
    award = panel_awards(demo)[0].id
    before = award_results(demo, award)
    last = before.ranking().entries[-1]
    assert demo.path is not None
    with Store.open(demo.path) as elsewhere:  # the command line, say, beside the open window
        override_score(elsewhere, last.entry, 99.0, "Panel re-read the evidence", "Chair")
    assert cached_results(demo, award) is None
    assert award_results(demo, award).ranking().entries[0].entry == last.entry


def test_results_worked_out_on_another_connection_are_kept_only_if_nothing_changed(
        demo: Store) -> None:
    award = panel_awards(demo)[1].id
    assert demo.path is not None
    version = data_version(demo)
    with Store.open(demo.path) as worker:
        results = award_results(worker, award)
        results.ranking()
    assert adopt_results(demo, results, version)
    assert cached_results(demo, award) is results
    assert results.stats["award"] == award  # worked out later on the adopting connection

    version = data_version(demo)
    with Store.open(demo.path) as worker:
        stale = award_results(worker, award)
    entry = stale.ranking().entries[0].entry
    decide(demo, entry, "winner", "Clearest impact", "Priya Shah")
    assert not adopt_results(demo, stale, version)
    assert cached_results(demo, award) is None


def test_the_report_data_is_gathered_from_one_read_of_the_totals(
        demo: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    analyses = counting(monkeypatch, ranking_module, "analyse_award")
    from judgepanel.core import award_results as award_results_module

    monkeypatch.setattr(award_results_module, "analyse_award", ranking_module.analyse_award)
    data = report_data(demo)
    assert len(analyses) == len(data.awards) == 3
    for award in data.awards:
        placed = [e for e in award.entries if e.placed]
        assert placed and all(e.section_means for e in placed)
    assert not outputs_written(demo)  # gathering alone records nothing
