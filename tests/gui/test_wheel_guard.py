"""The mouse wheel changes no value without focus (issue 14, defect 3).

Scrolling over an unfocused score box changed a judge's 6 to 4 and saved it; scrolling the
import dialog's column table changed a column's use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from coordinator_panels import coordinator_panel
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from judgepanel.gui.import_dialog import ImportDialog
from judgepanel.gui.tasks import wait_for_tasks

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform noise

HEADER = "Entry ID,Category,Title,Nominee,Organisation,Q1,Q2,Q3,Q4,Q5,Notes\r\n"


def roll(widget: QWidget, notches: int) -> None:
    """Turn the mouse wheel over the middle of `widget` (down for negative notches)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_an_unfocused_score_changes_nothing(open_judge_window, pack_path: Path,
                                                          qtbot: Any) -> None:
    window = open_judge_window(pack_path)
    cards = list(window.ui.scoringPanel.cards.values())
    first, second = cards[0].score, cards[1].score
    first.setFocus()
    qtbot.keyClicks(first, "6")
    assert first.score() == 6
    second.setFocus()  # the judge moves on; the mouse rests over the first box
    qtbot.waitUntil(second.hasFocus)
    roll(first, -2)
    assert first.score() == 6
    assert window.known_scores[(window.current, cards[0].section_id)] == 6
    assert first.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel gives no focus
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    roll(first, -1)  # with focus the wheel is the judge's own choice
    assert first.score() == 5


def test_the_wheel_over_the_column_table_changes_no_use(qtbot: Any, tmp_path: Path) -> None:
    panel = coordinator_panel(tmp_path / "p.judgepanel")
    export = tmp_path / "export.csv"
    export.write_text(HEADER + "X-1,Leading Systems Transformation,T,N,O,a,b,c,d,e,\r\n",
                      encoding="utf-8")
    dialog = ImportDialog(panel)
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        assert dialog.set_file(export)
        qtbot.waitUntil(lambda: dialog.table is not None, timeout=10000)
        dialog.ui.browse.setFocus()
        before = dialog.uses()
        for row in range(dialog.ui.mapping.rowCount()):
            combo = dialog.ui.mapping.cellWidget(row, 1)
            assert isinstance(combo, QComboBox)
            roll(combo, -3)
        assert dialog.uses() == before
    finally:
        wait_for_tasks()
        dialog.close()
