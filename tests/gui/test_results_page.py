"""The Results page as the panel chair uses it: method switch, matrix, entry detail, reliability."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from chair_panels import COMMENT, OFFSCREEN_NOISE, bias_panel
from PySide6.QtCore import Qt

from judgepanel.core.store import Store
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
def page(qtbot, store: Store) -> ResultsPage:
    shown = ResultsPage(store)
    qtbot.addWidget(shown)
    shown.resize(1200, 800)
    shown.show()
    qtbot.waitUntil(lambda: shown.results is not None)
    return shown


def entry_order(page: ResultsPage) -> list[str]:
    proxy = page.results_proxy
    return [proxy.index(row, 1).data() for row in range(proxy.rowCount())]


def choose_method(qtbot, page: ResultsPage, method: str) -> None:
    """Pick a method the way a chair does: from the combo, with the keyboard."""
    combo = page.method_combo
    combo.setFocus()
    while combo.currentData() != method:
        step = Qt.Key.Key_Down if combo.findData(method) > combo.currentIndex() else Qt.Key.Key_Up
        qtbot.keyClick(combo, step)


def test_the_award_method_is_the_default_and_the_bias_model_puts_a_first(page: ResultsPage):
    assert page.method_combo.currentData() == "bias"
    assert entry_order(page)[:2] == ["A", "B"]
    assert "connected" in page.note.text()
    assert "tie-break order" in page.note.text()


def test_switching_to_the_mean_lets_the_lenient_judge_lift_b(qtbot, page: ResultsPage):
    choose_method(qtbot, page, "mean")
    assert entry_order(page)[:2] == ["B", "A"]
    assert "Ranked by mean" in page.note.text()
    choose_method(qtbot, page, "bias")
    assert entry_order(page)[:2] == ["A", "B"]


def test_flags_are_shown_as_words(page: ResultsPage):
    proxy = page.results_proxy
    row = entry_order(page).index("C-1")
    assert "low agreement" in proxy.index(row, 8).data()  # a 40-point range is under 50
    assert "r_wg = 0.60" in proxy.index(row, 8).data(Qt.ItemDataRole.ToolTipRole)


def test_the_matrix_shows_the_conflict_and_shades_scores(page: ResultsPage):
    model = page.matrix.matrix_model
    judge = model.judges.index("Dana Conflicted")
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(ENTRY_ROLE) == "C-1")
    assert model.index(row, judge).data() == "conflict"
    assert "conflict of interest" in model.index(row, judge).data(Qt.ItemDataRole.ToolTipRole)
    harsh = model.judges.index("Harsh")
    assert model.index(row, harsh).data() == "30.0"
    assert model.index(row, harsh).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_a_flagged_cell_carries_a_mark_and_says_why(page: ResultsPage):
    model = page.matrix.matrix_model
    lenient = model.judges.index("Lenient")
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(ENTRY_ROLE) == "B")
    assert model.index(row, lenient).data() == "90.0 ⚑"
    assert "no comment" in model.index(row, lenient).data(Qt.ItemDataRole.ToolTipRole)


def test_selecting_an_entry_shows_every_judge_and_their_comments(qtbot, page: ResultsPage):
    row = entry_order(page).index("A")
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.table.visualRect(page.results_proxy.index(row, 2)).center())
    text = page.detail.text()
    assert "Community frailty hub" in text
    assert COMMENT in text
    assert "Harsh" in text and "Neutral" in text and "Lenient" not in text
    assert "60.0" in text and "80.0" in text  # each judge's total out of 100


def test_double_clicking_the_matrix_opens_the_entry_with_its_conflict(qtbot, page: ResultsPage):
    page.tabs.setCurrentIndex(1)
    model = page.matrix.matrix_model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(ENTRY_ROLE) == "C-1")
    rect = page.matrix.visualRect(model.index(row, 0))
    # A real double-click is a press and release, then the double-click event.
    qtbot.mouseClick(page.matrix.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.matrix.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.tabs.currentIndex() == 0
    assert page.detail.entry == "C-1"
    assert "conflict of interest: Line manager of the nominee" in page.detail.text()


def test_reliability_is_read_in_plain_words_with_a_bias_chart(page: ResultsPage):
    assert page.reading.text().startswith("Judges agree poorly (Krippendorff's α = 0.18")
    chart = dict(page.bias_chart.judges())
    assert chart["Harsh"] < 0 < chart["Lenient"]
    lenient = page.results.stats["judge_bias"]["Lenient"]
    assert f"Lenient: +{lenient:.1f} points" in page.bias_chart.toolTip()
    assert "Harsh: −" in page.bias_chart.toolTip()


def test_sensitivity_says_the_top_places_change(page: ResultsPage):
    assert "change with the method" in page.sensitivity_line.text()
    model = page.sensitivity_model
    methods = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "A")
    assert model.index(row, methods.index("Mean")).data() == "2"
    assert methods[:3] == ["Entry", "Title", "Bias-corrected (award's)"]
    assert model.index(row, 1).data() == "Community frailty hub"
    assert model.index(row, 2).data() == "1"
    assert "A under bias-corrected" in page.sensitivity_line.text()
    assert "B under mean" in page.sensitivity_line.text()


def test_a_large_award_is_analysed_off_the_gui_thread(qtbot, store: Store, monkeypatch):
    from judgepanel.gui.pages import results

    monkeypatch.setattr(results, "LARGE_AWARD", 2)
    page = ResultsPage(store)
    qtbot.addWidget(page)
    page.show()
    assert page.busy
    qtbot.waitUntil(lambda: page.results is not None and not page.busy, timeout=20000)
    assert entry_order(page)[:2] == ["A", "B"]
    assert page.summary() == "6 of 6 entries ranked, 5 flagged"
