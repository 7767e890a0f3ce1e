"""The chair's Results and Decisions pages rank off the GUI thread and share one analysis."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from chair_panels import OFFSCREEN_NOISE, bias_panel
from PySide6.QtCore import Qt

from judgepanel.core import ranking_methods
from judgepanel.core.moderation import decisions
from judgepanel.core.store import Store
from judgepanel.gui.pages.decisions import DecisionsPage
from judgepanel.gui.pages.results import ResultsPage
from judgepanel.gui.ranking_models import ENTRY_ROLE
from judgepanel.gui.tasks import wait_for_tasks

pytestmark = OFFSCREEN_NOISE


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(bias_panel(tmp_path / "chair.judgepanel"))
    yield opened
    wait_for_tasks()
    opened.close()


@pytest.fixture
def solves(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The thread of every bias-model solve (the real solver still runs)."""
    real: Callable[..., Any] = ranking_methods.bias_model
    threads: list[str] = []

    def counting(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(ranking_methods, "bias_model", counting)
    return threads


def show(qtbot: Any, page: Any) -> None:
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()


def test_the_decisions_page_ranks_on_the_thread_pool(qtbot, store: Store,
                                                     solves: list[str]) -> None:
    page = DecisionsPage(store)
    show(qtbot, page)
    assert page.busy and page.ranking is None  # the GUI thread went on without waiting
    qtbot.waitUntil(lambda: page.ranking is not None and not page.busy, timeout=20000)
    assert page.standing_proxy.index(0, 2).data() == "A"
    assert solves and threading.main_thread().name not in solves


def test_a_placement_shows_at_once_and_the_ranking_follows(qtbot, store: Store,
                                                           solves: list[str]) -> None:
    page = DecisionsPage(store)
    show(qtbot, page)
    qtbot.waitUntil(lambda: page.ranking is not None and not page.busy, timeout=20000)
    row = next(r for r in range(page.standing_proxy.rowCount())
               if page.standing_proxy.index(r, 0).data(ENTRY_ROLE) == "B")
    page.standing.selectRow(row)
    page.placement_combo.setCurrentIndex(page.placement_combo.findData("highly-commended"))
    page.placement_reason.setText("Strong patient outcomes")
    qtbot.mouseClick(page.placement_button, Qt.MouseButton.LeftButton)
    assert [d["entry"] for d in decisions(store)] == ["B"]
    assert page.placement_message.text() == "B: Highly Commended recorded."
    qtbot.waitUntil(lambda: not page.busy, timeout=20000)
    assert page.placement_message.isVisible()  # the re-ranked list keeps the message in view
    assert page.selected_entry() == "B"
    assert next(r for r in page.ranking.entries if r.entry == "B").placement \
        == "highly-commended"
    assert threading.main_thread().name not in solves


def test_decisions_reuse_the_analysis_the_results_page_made(qtbot, store: Store,
                                                             solves: list[str]) -> None:
    results = ResultsPage(store)
    show(qtbot, results)
    qtbot.waitUntil(lambda: results.results is not None and not results.busy, timeout=20000)
    assert len(solves) == 1  # ranking, statistics, sensitivity and matrix from one analysis
    page = DecisionsPage(store)
    show(qtbot, page)
    assert not page.busy and page.ranking is not None  # shown at once: nothing to work out
    assert page.ranking is results.results.ranking
    assert len(solves) == 1
