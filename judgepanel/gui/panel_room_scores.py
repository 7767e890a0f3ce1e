"""The panel room's agreed-score boxes: one row per section of the round's award, so made in
code into the form's `scores_form` rather than laid out in the form; and the Page Up and
Page Down keys, which belong to the room rather than to a box or the note.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from judgepanel.core.awards import Award
from judgepanel.gui.scoring_panel import ScoreBox


class PageKeys(QObject):
    """Page Up and Page Down belong to the room (previous and next entry), not to the score box
    (which would step the score by ten) or the note (which would scroll)."""

    KEYS = (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.key() in self.KEYS:
            event.ignore()  # not the widget's: the room's shortcut takes it
            return True
        return False


def build_score_boxes(form: QFormLayout, award: Award, font: QFont,
                      typed: Callable[[str, float | None, bool], None],
                      refused: Callable[[str], None], page_keys: PageKeys,
                      tab_chain: tuple[QWidget, QWidget, QWidget]) -> dict[str, ScoreBox]:
    """Replace the form's rows with a box per section, in type read across the room;
    Tab goes from `tab_chain[0]` through the boxes to `tab_chain[1]`, then `tab_chain[2]`."""
    while form.rowCount():
        form.removeRow(0)
    boxes = {}
    previous, note, after = tab_chain
    for section in award.sections:
        box = ScoreBox(award.scale_of(section))
        box.setAccessibleName(f"Agreed score: {section.title or section.id}")
        box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        box.setFont(font)  # read across the table in the room
        box.setMinimumWidth(box.fontMetrics().horizontalAdvance("10.00") + 48)
        box.chosen.connect(lambda value, quick, s=section.id: typed(s, value, quick))
        box.refused.connect(refused)
        box.installEventFilter(page_keys)
        label = QLabel(f"{section.title or section.id} ({box.scale.describe()})")
        label.setWordWrap(True)
        label.setBuddy(box)
        form.addRow(label, box)
        boxes[section.id] = box
        QWidget.setTabOrder(previous, box)
        previous = box
    QWidget.setTabOrder(previous, note)
    QWidget.setTabOrder(note, after)
    return boxes
