"""The small defects a new judge met in the scoring window (issue 14, defect 8)."""

from __future__ import annotations

from pathlib import Path

import pytest
from keys import activate, press, written
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform noise

DIGITS = {str(n): getattr(Qt.Key, f"Key_{n}") for n in range(10)}


def type_score(keys: str) -> None:
    for key in keys:
        press(Qt.Key.Key_Period if key == "." else DIGITS[key])


@pytest.mark.parametrize("typed", ["15", "11", "7.5"])
def test_a_score_off_the_scale_is_refused_and_the_scale_said(open_judge_window, pack_path: Path,
                                                            qtbot, typed: str) -> None:
    window = open_judge_window(pack_path)
    activate(window, qtbot)
    panel = window.ui.scoringPanel
    first = next(iter(panel.cards))
    press(Qt.Key.Key_6)
    written(window)
    qtbot.wait(900)  # a pause: the next keys start a new score
    type_score(typed)
    written(window)
    assert panel.cards[first].score.score() == 6
    assert window.judging.scores(window.current)[first]["value"] == 6
    message = panel.message.text()
    assert panel.message.isVisible()
    assert message.startswith(f"{typed} is not a score here")
    assert "0 to 10 in whole numbers" in message


def test_ten_is_still_one_then_zero(open_judge_window, pack_path: Path, qtbot) -> None:
    window = open_judge_window(pack_path)
    activate(window, qtbot)
    panel = window.ui.scoringPanel
    type_score("10")
    written(window)
    assert panel.cards[next(iter(panel.cards))].score.score() == 10
    assert not panel.message.isVisible()


def test_alt_n_is_next_entry_and_no_menu(open_judge_window, pack_path: Path) -> None:
    window = open_judge_window(pack_path)
    mnemonics = []
    for action in window.menuBar().actions():
        text = action.text()
        if "&" in text:
            mnemonics.append(text[text.index("&") + 1].lower())
    assert "n" not in mnemonics
    assert len(mnemonics) == len(set(mnemonics))
    assert "Alt+N" in [k.toString() for k in window.actions_by_name["next_entry"].shortcuts()]


def test_enter_in_the_reason_box_declares_the_conflict(open_judge_window, pack_path: Path,
                                                       qtbot) -> None:
    window = open_judge_window(pack_path)
    entry = window.current
    window.declare_conflict()
    dialog = window.conflict_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.ui.reasonEdit.setFocus()
    qtbot.keyClick(dialog.ui.reasonEdit, Qt.Key.Key_Return)
    assert dialog.isVisible()  # no reason yet: asks for one
    assert "please type why" in dialog.ui.reasonLabel.text()
    qtbot.keyClicks(dialog.ui.reasonEdit, "I work with the nominee")
    qtbot.keyClick(dialog.ui.reasonEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    written(window)
    QApplication.processEvents()
    assert window.model.entry(entry).status == "conflict"
    assert "reason" not in window.ui.scoringPanel.message.text().lower()
