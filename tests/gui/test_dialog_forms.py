"""The chair's and coordinator's dialogs are laid out by their Designer forms: award settings,
a tie-break vote, the fields judges see, the entry detail and its documents window, and the
keyboard help overlay. The code adds only what comes from data (methods, criteria, thresholds,
entries, fields, shortcuts) and keeps the behaviour."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QWidget

from judgepanel.core.awards import builtin_awards, panel_award
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judge_fields import JudgeFields
from judgepanel.core.moderation import THRESHOLD_KEYS
from judgepanel.core.panel import create_panel
from judgepanel.core.store import Store
from judgepanel.core.totals import METHOD_NAMES, award_settings

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")  # offscreen

ROOT = Path(__file__).resolve().parents[2]
AWARD = "leading-systems-transformation"


def form_widget_names(form: str) -> set[str]:
    """The object names of every widget and layout a form makes, the form itself apart."""
    top = ET.parse(ROOT / "ui" / form).getroot().find("widget")
    assert top is not None
    names = {w.get("name", "") for w in top.iter("widget")} | \
        {layout.get("name", "") for layout in top.iter("layout")}
    return names - {top.get("name", "")}


def assert_laid_out_by_form(widget: QWidget, form: str) -> None:
    ui = widget.ui  # type: ignore[attr-defined]
    assert widget.layout() is ui.layout, form
    for name in form_widget_names(form):
        assert widget.findChild(QObject, name) is getattr(ui, name), f"{form}: {name}"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    made = create_panel(tmp_path / "forms.judgepanel", "Form Awards", builtin_awards())
    yield made
    made.close()


def test_award_settings_are_laid_out_by_their_form(qtbot, store: Store) -> None:
    from judgepanel.gui.award_settings_dialog import AwardSettingsDialog

    dialog = AwardSettingsDialog(store, AWARD, "Chair")
    qtbot.addWidget(dialog)
    assert_laid_out_by_form(dialog, "award_settings_dialog.ui")
    award = panel_award(store, AWARD)
    assert dialog.windowTitle() == f"Settings of {award.name}"
    # what comes from data is added into the form's own widgets and layouts
    assert dialog.method is dialog.ui.method and dialog.method.count() == len(METHOD_NAMES)
    assert dialog.tie_break.list is dialog.ui.tie_break_list
    assert dialog.tie_break.list.count() == len(METHOD_NAMES) + len(award.sections) + 1
    assert dialog.ui.thresholds_form.rowCount() == len(THRESHOLD_KEYS) == len(dialog.thresholds)
    label = dialog.ui.thresholds_form.itemAt(0, dialog.ui.thresholds_form.ItemRole.LabelRole)
    assert isinstance(label.widget(), QLabel) and label.widget().buddy() is \
        dialog.thresholds[THRESHOLD_KEYS[0]]
    assert dialog.places.value() == award_settings(award)["places"]
    dialog.show()
    assert not dialog.problem.isVisible()  # until the core refuses


def test_the_forms_move_buttons_reorder_the_tie_break(qtbot, store: Store) -> None:
    from judgepanel.gui.award_settings_dialog import AwardSettingsDialog

    dialog = AwardSettingsDialog(store, AWARD, "Chair")
    qtbot.addWidget(dialog)
    before = dialog.tie_break.values()
    dialog.tie_break.list.setCurrentRow(1)
    qtbot.mouseClick(dialog.ui.move_up, Qt.MouseButton.LeftButton)
    assert dialog.tie_break.values() == [before[1], before[0], *before[2:]]
    qtbot.mouseClick(dialog.ui.move_down, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.ui.move_down, Qt.MouseButton.LeftButton)
    assert dialog.tie_break.values() == [before[0], before[2], before[1], *before[3:]]


def test_a_tie_break_vote_is_laid_out_by_its_form(qtbot, store: Store) -> None:
    from judgepanel.gui.award_settings_dialog import TieBreakDialog

    dialog = TieBreakDialog(store, AWARD, [("E-1", "First"), ("E-2", "Second")], "Chair")
    qtbot.addWidget(dialog)
    assert_laid_out_by_form(dialog, "tie_break_dialog.ui")
    assert dialog.entries.list is dialog.ui.entries_list and dialog.reason is dialog.ui.reason
    assert [dialog.entries.list.item(i).text() for i in range(2)] == ["E-1  First",
                                                                     "E-2  Second"]
    dialog.entries.list.setCurrentRow(1)
    qtbot.mouseClick(dialog.ui.move_up, Qt.MouseButton.LeftButton)
    assert dialog.entries.values() == ["E-2", "E-1"]
    dialog.show()
    assert not dialog.problem.isVisible()
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()  # none ticked
    assert dialog.isVisible() and dialog.problem.isVisible()
    assert dialog.problem.text().startswith("Not recorded:")


def test_the_fields_judges_see_are_laid_out_by_their_form(qtbot) -> None:
    from judgepanel.gui.judge_fields_dialog import JudgeFieldsDialog

    choice = JudgeFields(AWARD, ["nominee", "organisation", "email"], ["email"])
    dialog = JudgeFieldsDialog(choice, "Leading Systems Transformation")
    qtbot.addWidget(dialog)
    assert_laid_out_by_form(dialog, "judge_fields_dialog.ui")
    assert dialog.windowTitle() == "Fields judges see · Leading Systems Transformation"
    assert dialog.fields is dialog.ui.fields and dialog.fields.count() == 3
    assert dialog.shown() == ["nominee", "organisation"] and dialog.hidden() == ["email"]
    with qtbot.waitSignal(dialog.rejected):
        dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()


def test_the_entry_detail_is_laid_out_by_its_form(qtbot, store: Store) -> None:
    from judgepanel.gui.entry_detail import EntryDetail

    detail = EntryDetail(store)
    qtbot.addWidget(detail)
    assert_laid_out_by_form(detail, "entry_detail.ui")
    detail.show()
    assert detail.heading.text() == detail.no_entry and detail.no_entry.startswith("Select")
    assert detail.heading.font().bold() and not detail.documents_button.isVisible()
    upsert_entries(store, [EntryRecord(id="E-1", award=AWARD, title="Joined-up care",
                                       answers={"Q1": "An answer."})])
    detail.show_entry("E-1")
    assert detail.heading.text() == "E-1: Joined-up care"
    pane = detail.open_documents()
    dialog = detail.documents_dialog
    assert pane is not None and dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.layout() is detail.documents_form.layout
    assert dialog.layout().itemAt(0).widget() is pane  # the pane reads the panel: added
    assert dialog.windowTitle() == "Documents of E-1"
    dialog.close()


def test_the_forms_are_listed_in_the_designer_forms_doc() -> None:
    doc = (ROOT / "docs" / "designer-forms.md").read_text(encoding="utf-8")
    for form in ("award_settings_dialog.ui", "tie_break_dialog.ui", "judge_fields_dialog.ui",
                 "entry_detail.ui", "entry_documents_dialog.ui", "help_overlay.ui"):
        assert f"`{form}`" in doc, form


def test_the_help_overlay_is_laid_out_by_its_form(qtbot) -> None:
    from PySide6.QtGui import QAction, QKeySequence

    from judgepanel.gui.help_overlay import HelpOverlay

    window = QWidget()
    qtbot.addWidget(window)
    save = QAction("&Save && close", window)
    save.setShortcut(QKeySequence("Ctrl+S"))
    overlay = HelpOverlay(window, [save])
    assert_laid_out_by_form(overlay, "help_overlay.ui")
    assert overlay.label is overlay.ui.label
    assert "Save &amp; close" in overlay.label.text()  # the rows are written from the actions
    window.resize(600, 400)
    window.show()
    overlay.toggle()
    assert overlay.isVisible() and overlay.geometry() == window.rect()
    qtbot.keyClick(overlay, Qt.Key.Key_Space)
    assert not overlay.isVisible()


def test_the_ranking_keeps_more_room_than_the_entry_detail(open_panel_window,
                                                            tmp_path: Path) -> None:
    """The detail's form has a canvas size in Designer; the Results page's splitter still
    shares the room 3 to 2 by the panes' size hints, the ranking the larger part."""
    from coordinator_panels import coordinator_panel

    window = open_panel_window(coordinator_panel(tmp_path / "room.judgepanel"))
    window.resize(1366, 768)
    page = window.go_to("Results")
    QApplication.processEvents()
    ranking, detail = page.ranking_splitter.sizes()
    assert page.ranking_splitter.widget(1) is page.detail
    assert ranking > detail > 0
