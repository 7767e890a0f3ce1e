"""The Results page tells the chair when the bias correction rests on a thin design, what the
ICC rests on, and which neighbours are too close to separate."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from chair_panels import OFFSCREEN_NOISE

from judgepanel.core.awards import builtin_awards
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge
from judgepanel.core.panel import create_panel
from judgepanel.core.scoring import Judging
from judgepanel.core.store import Store
from judgepanel.gui.pages.results import ResultsPage
from judgepanel.gui.tasks import wait_for_tasks

pytestmark = OFFSCREEN_NOISE
AWARD = "leading-systems-transformation"
SECTIONS = ("Q1", "Q2", "Q3", "Q4", "Q5")


def _panel(path: Path, plan: dict[str, dict[str, int]]) -> Store:
    store = create_panel(path, "Results 2026", builtin_awards())
    upsert_entries(store, [EntryRecord(id=e, award=AWARD, title=f"Project {e}") for e in plan])
    judges: dict[str, int] = {}
    for entry, marks in plan.items():
        for name, mark in marks.items():
            if name not in judges:
                judges[name] = add_judge(store, name).id
            judging = Judging.for_judge(store, judges[name])
            for section in SECTIONS:
                judging.set_score(entry, section, mark)
    return store


@pytest.fixture
def ring_store(tmp_path: Path) -> Iterator[Store]:
    """Eight entries, each scored by two judges; each judge scored two entries."""
    plan = {f"E-{i}": {f"Judge {i}": 3 + (i * 3) % 7, f"Judge {(i + 1) % 8}": 4 + i % 5}
            for i in range(8)}
    store = _panel(tmp_path / "ring.judgepanel", plan)
    yield store
    wait_for_tasks()
    store.close()


@pytest.fixture
def close_store(tmp_path: Path) -> Iterator[Store]:
    plan = {"Top": {"A": 9, "B": 9, "C": 8}, "Near": {"A": 9, "B": 8, "C": 8},
            "Low": {"A": 2, "B": 3, "C": 2}}
    store = _panel(tmp_path / "close.judgepanel", plan)
    yield store
    wait_for_tasks()
    store.close()


def _page(qtbot, store: Store) -> ResultsPage:
    page = ResultsPage(store)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitUntil(lambda: page.results is not None)
    return page


def test_a_thin_design_is_warned_about_with_advice(qtbot, ring_store: Store) -> None:
    page = _page(qtbot, ring_store)
    note = page.note.text()
    assert "Warning: The bias correction is poorly determined" in note
    assert "rank by the mean" in note
    assert "ICC not available" in page.reading.text()


def test_neighbours_too_close_to_separate_and_the_icc_basis_are_shown(
        qtbot, close_store: Store) -> None:
    page = _page(qtbot, close_store)
    note = page.note.text()
    assert "Too close to separate" in note and "Top ≈ Near" in note
    assert "Warning" not in note
    assert "ICC on the 3 of 3 entries every judge scored." in page.reading.text()
