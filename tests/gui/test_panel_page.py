"""The pages' shared scaffolding: a page told the panel changed while hidden re-reads when it is
shown, and an award chooser keeps the award chosen when the awards are read again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from coordinator_panels import LST, SII, coordinator_panel, scratch_settings
from PySide6.QtCore import Qt

from judgepanel.core.award_editing import edit_section
from judgepanel.core.awards import builtin_awards, panel_award
from judgepanel.core.judges import add_judge
from judgepanel.gui.pages.choosers import AwardChooser
from judgepanel.gui.pages.common import PanelPage
from judgepanel.gui.panel_window import PanelWindow

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[PanelWindow]:
    opened = PanelWindow(coordinator_panel(tmp_path / "p.judgepanel"),
                         scratch_settings(tmp_path))
    qtbot.addWidget(opened)
    opened.show()
    yield opened
    opened.close()


def test_every_setup_page_is_a_panel_page(window: PanelWindow) -> None:
    for title in ("Awards", "Entries", "Judges & assignment", "Packs"):
        page = window.page(title)
        assert isinstance(page, PanelPage)
        assert page.heading.title.text() == title


def test_a_hidden_page_marked_stale_reads_the_panel_when_shown(window: PanelWindow) -> None:
    awards = window.go_to("Awards")
    awards.award_list.setCurrentRow(0)
    section = panel_award(window.store, awards.current_award().id).sections[0]
    window.go_to("Entries")
    assert not awards.isVisible()
    edit_section(window.store, awards.current_award().id, section.id, weight=4.0, who="test")
    awards.mark_stale()
    assert awards.stale
    assert awards.model.row(0)["weight"] == section.weight  # not re-read while hidden
    window.go_to("Awards")
    assert not awards.stale
    assert awards.model.row(0)["weight"] == 4.0


def test_a_shown_page_marked_stale_reads_at_once(window: PanelWindow) -> None:
    judges = window.go_to("Judges & assignment")
    before = judges.judges_model.rowCount()
    add_judge(window.store, "Nia Evans", who="test")
    judges.mark_stale()
    assert not judges.stale and judges.judges_model.rowCount() == before + 1


def test_the_award_chooser_keeps_its_choice_and_offers_all_awards(qtbot) -> None:
    chooser = AwardChooser("All awards")
    qtbot.addWidget(chooser)
    awards = builtin_awards()
    chooser.fill(awards)
    assert [chooser.itemText(i) for i in range(chooser.count())] == \
        ["All awards", *(a.name for a in awards)]
    assert chooser.award_id() is None
    chooser.setCurrentIndex(chooser.findData(SII))
    seen: list[int] = []
    chooser.currentIndexChanged.connect(seen.append)
    chooser.fill(awards)  # read again: the same choice, no change signalled
    assert chooser.award_id() == SII and seen == []
    chooser.fill([a for a in awards if a.id == LST])  # the chosen award is gone
    assert chooser.award_id() is None and seen == [0]
    assert chooser.itemData(1, Qt.ItemDataRole.UserRole) == LST
