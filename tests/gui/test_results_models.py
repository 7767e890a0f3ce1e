"""The chair's table models hold to Qt's model contract (qtmodeltester) and read correctly."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from chair_panels import AWARD, bias_panel
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from judgepanel.core.moderation import decide, override_score
from judgepanel.core.ranking import analyse_award, rank_analysis, sensitivity
from judgepanel.core.store import Store
from judgepanel.gui.pages.decisions_ranking import record_rows
from judgepanel.gui.ranking_models import (
    RecordModel,
    ResultsModel,
    SensitivityModel,
    StandingModel,
    when_text,
)
from judgepanel.gui.score_matrix import MatrixModel, ink, matrix_data, shade


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(bias_panel(tmp_path / "chair.judgepanel"))
    decide(opened, "A", "winner", "Strongest evidence", "Priya Shah")
    override_score(opened, "B", 75.0, "Moderated after discussion", "Priya Shah")
    yield opened
    opened.close()


def test_results_model(qtmodeltester, store: Store):
    model = ResultsModel()
    model.set_rows(rank_analysis(analyse_award(store, AWARD), "bias").entries)
    qtmodeltester.check(model)
    placements = [model.index(r, 9).data() for r in range(model.rowCount())]
    assert "Winner" in placements
    row = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == "B")
    assert model.index(row, 3).data() == "75.0 (moderated)"
    assert "computed score" in model.index(row, 3).data(Qt.ItemDataRole.ToolTipRole)


def test_matrix_model(qtmodeltester, store: Store):
    analysis = analyse_award(store, AWARD)
    model = MatrixModel()
    model.set_matrix(matrix_data(store, rank_analysis(analysis, "bias"), analysis.totals))
    qtmodeltester.check(model)
    assert model.columnCount() == 4  # three scoring judges and the conflicted one


def test_sensitivity_model(qtmodeltester, store: Store):
    model = SensitivityModel()
    table = sensitivity(store, AWARD)
    model.set_table(table, ["bias", "mean"], [(entry, "") for entry in sorted(table)], "bias")
    qtmodeltester.check(model)


def test_standing_and_record_models(qtmodeltester, store: Store):
    standing = StandingModel()
    standing.set_rows(rank_analysis(analyse_award(store, AWARD), "bias").entries)
    qtmodeltester.check(standing)
    record = RecordModel()
    record.set_rows(record_rows(store, {"A", "B"}))
    qtmodeltester.check(record)
    assert record.rowCount() == 2


def test_dates_read_as_in_the_uk():
    assert when_text("2026-11-22T14:03:00") == "22 November 2026 14:03"
    assert when_text(None) == ""


@pytest.mark.parametrize("total", [0.0, 25.0, 50.0, 75.0, 100.0])
def test_matrix_text_contrasts_with_its_shading(total: float):
    """WCAG contrast of at least 4.5:1 between a cell's text and its shade, light or dark."""
    def luminance(colour: QColor) -> float:
        def channel(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
                + 0.0722 * channel(colour.blueF()))

    back, text = shade(total), ink(shade(total))
    high, low = sorted((luminance(back), luminance(text)), reverse=True)
    assert (high + 0.05) / (low + 0.05) >= 4.5
