"""Award settings offer an award judged in rounds a tie-break by an earlier round's place
(`round:ID`), named as the coordinator reads it, and save it through the core."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from judgepanel.core.awards import Award, Scale, Section, panel_award
from judgepanel.core.moderation import set_award_settings
from judgepanel.core.panel import create_panel
from judgepanel.core.round_definitions import RoundSpec
from judgepanel.core.rounds import add_round
from judgepanel.core.totals import award_settings
from judgepanel.gui.award_settings_dialog import CRITERION_ROLE, AwardSettingsDialog

AWARD = Award(id="prize", name="The Prize", scale=Scale(0, 10, 1),
              sections=(Section("Q1", "Impact", "What changed?"),))


def test_the_rounds_of_the_award_are_offered_and_saved_by_name(qtbot, tmp_path: Path) -> None:
    store = create_panel(tmp_path / "rounds.judgepanel", "Rounds", [AWARD])
    single = AwardSettingsDialog(store, "prize", "Chair")  # one round: nothing to offer
    qtbot.addWidget(single)
    assert not [v for v in single.tie_break.values() if v.startswith("round:")]
    add_round(store, "prize", RoundSpec("final", "Final", "consensus", None))
    set_award_settings(store, "prize", tie_break=["bias", "round:final"])

    dialog = AwardSettingsDialog(store, "prize", "Chair")
    qtbot.addWidget(dialog)
    items = dialog.tie_break.list
    shown = {items.item(row).data(CRITERION_ROLE): items.item(row) for row in range(items.count())}
    assert shown["round:judging"].text() == "The Judging round's rank"
    assert shown["round:final"].text() == "The Final round's rank"
    assert shown["round:final"].checkState() == Qt.CheckState.Checked  # as saved
    assert shown["round:judging"].checkState() == Qt.CheckState.Unchecked
    # tick the written round and move it to the top of the order, as a chair does
    shown["round:judging"].setCheckState(Qt.CheckState.Checked)
    items.setCurrentItem(shown["round:judging"])
    while items.currentRow() > 0:
        qtbot.mouseClick(dialog.ui.move_up, Qt.MouseButton.LeftButton)
    dialog.accept()
    saved = award_settings(panel_award(store, "prize"))["tie_break"]
    assert saved == ["round:judging", "bias", "round:final"]
    store.close()
