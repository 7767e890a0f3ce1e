"""The Decisions page: placements and moderated scores need a reason; raw scores never change."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from chair_panels import OFFSCREEN_NOISE, bias_panel
from PySide6.QtCore import Qt

from judgepanel.core.moderation import decisions, overrides
from judgepanel.core.ranking import rank_award
from judgepanel.core.store import Store
from judgepanel.core.totals import counted_scores
from judgepanel.gui.pages.decisions import DecisionsPage
from judgepanel.gui.ranking_models import ENTRY_ROLE

pytestmark = OFFSCREEN_NOISE
AWARD = "leading-systems-transformation"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(bias_panel(tmp_path / "chair.judgepanel"))
    yield opened
    opened.close()


@pytest.fixture
def page(qtbot, store: Store) -> DecisionsPage:
    shown = DecisionsPage(store)
    qtbot.addWidget(shown)
    shown.resize(1200, 800)
    shown.show()
    qtbot.waitUntil(lambda: shown.ranking is not None)
    return shown


def pick(qtbot, page: DecisionsPage, entry: str) -> None:
    """Click the entry's row in the final list."""
    proxy = page.standing_proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data(ENTRY_ROLE) == entry)
    rect = page.standing.visualRect(proxy.index(row, 2))
    qtbot.mouseClick(page.standing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.selected_entry() == entry


def row_of(page: DecisionsPage, entry: str) -> int:
    proxy = page.standing_proxy
    return next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data(ENTRY_ROLE) == entry)


def column(page: DecisionsPage, heading: str) -> int:
    proxy = page.standing_proxy
    return next(c for c in range(proxy.columnCount())
                if proxy.headerData(c, Qt.Orientation.Horizontal) == heading)


def test_computed_rank_and_panel_placement_sit_side_by_side(page: DecisionsPage):
    headings = [page.standing_proxy.headerData(c, Qt.Orientation.Horizontal)
                for c in range(page.standing_proxy.columnCount())]
    assert headings[:2] == ["Computed rank", "Panel placement"]
    assert page.standing_proxy.index(row_of(page, "A"), 0).data() == "1"
    assert page.summary() == "0 of 6 entries placed"


def test_a_placement_without_a_reason_is_refused_with_a_message(qtbot, page: DecisionsPage,
                                                                store: Store):
    pick(qtbot, page, "A")
    page.placement_combo.setCurrentIndex(page.placement_combo.findData("winner"))
    qtbot.mouseClick(page.placement_button, Qt.MouseButton.LeftButton)
    assert page.placement_message.isVisible()
    assert "reason" in page.placement_message.text()
    assert decisions(store) == []


def test_a_placement_with_a_reason_is_recorded_with_who_and_when(qtbot, page: DecisionsPage,
                                                                 store: Store):
    pick(qtbot, page, "A")
    page.placement_combo.setCurrentIndex(page.placement_combo.findData("winner"))
    page.who.clear()
    qtbot.keyClicks(page.who, "Priya Shah")
    qtbot.keyClicks(page.placement_reason, "Clearest evidence of system-wide impact")
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(page.placement_button, Qt.MouseButton.LeftButton)
    [recorded] = decisions(store)
    assert (recorded["entry"], recorded["placement"]) == ("A", "winner")
    assert recorded["decided_by"] == "Priya Shah"
    placement = column(page, "Panel placement")
    assert page.standing_proxy.index(row_of(page, "A"), placement).data() == "Winner"
    record = page.record_model
    assert record.index(0, 2).data() == "Winner"
    assert record.index(0, 3).data() == "Clearest evidence of system-wide impact"
    assert record.index(0, 4).data() == "Priya Shah"
    when = record.index(0, 0).data()
    assert when.split()[1] in ("January", "February", "March", "April", "May", "June", "July",
                               "August", "September", "October", "November", "December")
    assert page.summary() == "1 of 6 entries placed"


def test_an_override_keeps_the_raw_scores(qtbot, page: DecisionsPage, store: Store):
    raw_before = counted_scores(store, AWARD)
    pick(qtbot, page, "B")
    computed = next(r.computed_score for r in page.ranking.entries if r.entry == "B")
    assert page.old_value.text() == f"{computed:.1f}"
    page.new_value.setValue(85.0)
    qtbot.mouseClick(page.override_button, Qt.MouseButton.LeftButton)
    assert "reason" in page.override_message.text()
    assert overrides(store) == []
    qtbot.keyClicks(page.override_reason, "Panel agreed Q3 evidence was under-marked")
    qtbot.mouseClick(page.override_button, Qt.MouseButton.LeftButton)
    [override] = overrides(store)
    assert override["new_value"] == 85.0
    assert override["old_value"] == pytest.approx(computed)
    assert counted_scores(store, AWARD) == raw_before
    assert rank_award(store, AWARD).entries[0].entry == "B"
    assert page.standing_proxy.index(row_of(page, "B"), column(page, "Moderated")).data() \
        == "85.0"
    assert "85.0" in page.old_value.text() and "moderated" in page.old_value.text()
    assert page.record_model.index(0, 2).data() == f"Score {computed:.1f} → 85.0"


def test_the_forms_wait_for_an_entry(page: DecisionsPage):
    assert not page.placement_button.isEnabled()
    assert not page.override_button.isEnabled()
    assert "Choose an entry" in page.entry_label.text()


def test_in_the_panel_window_a_placement_reaches_the_results(qtbot, tmp_path: Path):
    """Record a placement on Decisions; the Results page and the navigation then show it."""
    from coordinator_panels import scratch_settings

    from judgepanel.gui.panel_window import SUMMARY_ROLE, PanelWindow

    window = PanelWindow(bias_panel(tmp_path / "window.judgepanel"), scratch_settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    results = window.go_to("Results")
    qtbot.waitUntil(lambda: results.results is not None)
    decisions_page = window.go_to("Decisions")
    pick(qtbot, decisions_page, "A")
    decisions_page.placement_combo.setCurrentIndex(
        decisions_page.placement_combo.findData("winner"))
    qtbot.keyClicks(decisions_page.placement_reason, "Clearest system-wide impact")
    qtbot.mouseClick(decisions_page.placement_button, Qt.MouseButton.LeftButton)
    row = window.pages.index(decisions_page)
    qtbot.waitUntil(lambda: window.navigation.item(row).data(SUMMARY_ROLE)
                    == "1 of 6 entries placed")
    window.go_to("Results")
    qtbot.waitUntil(lambda: results.results is not None
                    and results.results.ranking.entries[0].placement == "winner")
    assert results.results_proxy.index(0, 9).data() == "Winner"
    window.close()
