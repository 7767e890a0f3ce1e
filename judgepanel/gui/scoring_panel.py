"""The scoring panel: per section a score on the award's scale and a comment; the overall
comment, evidence tags, and the buttons to mark complete or declare a conflict.

Widgets here only report what the judge did (signals); the window turns that into undoable
commands and writes. Setting values from the pack never re-emits those signals.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDoubleSpinBox,
    QFrame,
    QWidget,
)

from judgepanel.core.awards import Award, Scale
from judgepanel.gui.comment_box import WINDOW_KEYS, CommentBox, window_owns  # noqa: F401
from judgepanel.gui.forms.ui_scoring_panel import Ui_ScoringPanel
from judgepanel.gui.forms.ui_section_card import Ui_SectionCard
from judgepanel.gui.judge_models import Tag, TagListModel
from judgepanel.gui.undo import OVERALL

TWO_DIGIT_MS = 800
class ScoreBox(QDoubleSpinBox):
    """A score on one scale. Digit keys set it (two quick digits make 10); Delete clears it.

    "No score" is the value one step below the scale's minimum, shown as "–".
    """

    chosen = Signal(object, bool)  # the new value (None: no score), typed as a quick 2nd digit
    refused = Signal(str)  # typed keys that make no score on this scale: what the scale is

    def __init__(self, scale: Scale, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scale = scale
        self.setDecimals(0 if float(scale.step).is_integer() else 2)
        self.setSingleStep(scale.step)
        self.setRange(scale.min - scale.step, scale.max)
        self.setSpecialValueText("–")
        self.setKeyboardTracking(False)
        self.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("10.00") + 48)
        self._typed = ""  # the keys of the score being typed ("1", "10", "7.")
        self._typed_at = 0.0
        self._before: float | None = None  # the score before the typing began
        self.valueChanged.connect(self._changed)
        self._quick = False

    def score(self) -> float | None:
        return None if self.value() < self.scale.min else self.value()

    def set_score(self, value: float | None) -> None:
        """Show a value from the pack without reporting it as the judge's action."""
        if value == self.score():
            return  # shown already: setting it again would only repaint the box
        self._typed = ""  # another entry's score: the next key starts a new one
        self.blockSignals(True)
        self.setValue(self.minimum() if value is None else value)
        self.blockSignals(False)

    def type_digit(self, digit: int) -> bool:
        """What a digit key does: set the score, or extend quick keys before it (1, 0 → 10)."""
        return self._type(str(digit))

    def type_point(self) -> bool:
        """A decimal point: on a scale with half steps "7", ".", "5" makes 7.5."""
        return self._type(".")

    def _type(self, key: str) -> bool:
        moment = time.monotonic()
        quick = bool(self._typed) and moment - self._typed_at < TWO_DIGIT_MS / 1000
        self._typed_at = moment
        if not quick:
            self._before = self.score()
        elif self._typed.startswith("!"):  # the rest of keys already refused
            self._typed += key
            return False
        typed = self._typed + key if quick else key
        self._typed = typed
        if key == "." or typed.startswith("."):
            return typed.count(".") == 1 or self._refuse(typed)  # wait for the digit after
        value = float(typed)
        if not self.scale.allows(value):
            return self._refuse(typed)
        if self.score() == value:
            return True
        self._quick = quick
        self.setValue(value)
        self._quick = False
        return True

    def _refuse(self, typed: str) -> bool:
        """Typed keys that are not a score here: keep the score before them and say why."""
        self._typed = "!"  # keys typed quickly after these are part of the same mistake
        if self.score() != self._before:
            self._quick = True  # part of the same typing: one step to undo
            self.setValue(self.minimum() if self._before is None else self._before)
            self._quick = False
        whole = " in whole numbers" if self.scale.step == 1 else ""
        self.refused.emit(f"{typed} is not a score here: scores are {self.scale.describe()}"
                          f"{whole}; the score is unchanged.")
        return False

    def event(self, event: QEvent) -> bool:
        if window_owns(event):
            event.ignore()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        text = event.text()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if len(text) == 1 and text.isdigit() and not modifiers:
            self.type_digit(int(text))
            return
        if text in (".", ",") and not modifiers:
            self.type_point()
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not modifiers:
            self.setValue(self.minimum())
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self._typed = ""
        self.lineEdit().deselect()
        super().focusOutEvent(event)

    def _changed(self, _value: float) -> None:
        self.chosen.emit(self.score(), self._quick)


class SectionCard(QFrame):
    """One section: its title, the score box and the comment box."""

    def __init__(self, award: Award, section_index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        section = award.sections[section_index]
        self.section_id = section.id
        self.ui = Ui_SectionCard()
        self.ui.setupUi(self)  # its object name, "sectionCard", is what the style sheet marks
        scale = award.scale_of(section)
        self.title = self.ui.title
        self.title.setText(f"<b>{section.id}</b> · {section.title}")
        self.ui.score_label.setText(f"&Score ({scale.describe()}):")
        self.score = ScoreBox(scale)  # on the award's scale: made here, not by the form
        self.score.setAccessibleName(f"Score for {section.id}, {section.title}")
        self.score.setAccessibleDescription(f"{scale.describe()}; type a digit to score, "
                                            "Delete to clear")
        self.ui.score_label.setBuddy(self.score)
        self.ui.scoreRow.insertWidget(1, self.score)
        self.comment = self.ui.comment
        self.comment.setPlaceholderText(f"Comment on {section.id} (F2)")
        self.comment.setAccessibleName(f"Comment on {section.id}, {section.title}")
        self.comment.setMinimumHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.comment.setMaximumHeight(self.fontMetrics().lineSpacing() * 6 + 12)

    def set_current(self, current: bool) -> None:
        if self.property("current") == current:
            return
        self.setProperty("current", current)
        self.style().unpolish(self)
        self.style().polish(self)


class ScoringPanel(QWidget):
    """Scores and comments for the entry on show; built once per award."""

    score_changed = Signal(str, object, bool)  # section, value or None, quick second digit
    comment_changed = Signal(str, str)  # field (section id, or OVERALL), text
    tags_changed = Signal(list)
    section_focused = Signal(str)
    complete_requested = Signal()
    conflict_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ScoringPanel()
        self.ui.setupUi(self)
        self.award: Award | None = None
        self.cards: dict[str, SectionCard] = {}
        self.current_section: str | None = None
        self.heading = self.ui.heading
        self.sections_scroll = self.ui.sections_scroll
        self.body = self.ui.body
        self.body_layout = self.ui.body_layout
        lines = self.fontMetrics().lineSpacing()
        self.overall = self.ui.overall
        self.overall.setMinimumHeight(lines * 3 + 12)
        self.overall.setMaximumHeight(lines * 6 + 12)
        self.overall.textChanged.connect(
            lambda: self.comment_changed.emit(OVERALL, self.overall.toPlainText()))
        self.tail = self.ui.tail  # re-added below the section cards for each award
        self._build_tags()
        self.message = self.ui.scoringMessage
        self.message.hide()
        self.complete_button = self.ui.complete_button
        self.complete_button.clicked.connect(self.complete_requested)
        self.conflict_button = self.ui.conflict_button
        self.conflict_button.clicked.connect(self.conflict_requested)

    def _build_tags(self) -> None:
        self.tags_box = self.ui.tags_box
        self.tag_filter = self.ui.tag_filter
        self.tag_model = TagListModel([])
        self.tag_proxy = QSortFilterProxyModel(self)
        self.tag_proxy.setSourceModel(self.tag_model)
        self.tag_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tag_filter.textChanged.connect(self.tag_proxy.setFilterFixedString)
        self.tag_view = self.ui.tag_view
        self.tag_view.setModel(self.tag_proxy)
        self.tag_view.setMinimumHeight(self.fontMetrics().lineSpacing() * 12)
        self.tag_model.dataChanged.connect(
            lambda *_: self.tags_changed.emit(self.tag_model.checked()))
        self.tags_box.setVisible(False)

    def set_tags_available(self, tags: list[Tag]) -> None:
        """Offer the framework's behaviours; with none, the tag box stays hidden."""
        self.tag_model.set_tags(tags)
        self.tags_box.setVisible(bool(tags))

    # ----- building for an award ---------------------------------------------------------

    def set_award(self, award: Award) -> None:
        """Build a card per section (only when the award changes: switching stays fast)."""
        if self.award is not None and self.award == award:
            return
        for card in self.cards.values():
            # Taken out of the layout and left to Qt to delete: setParent(None) first would
            # hand the card to Python as well, and an object with two owners can be deleted
            # twice when the window closes (a suspect for a rare "none_dealloc" on closing).
            self.body_layout.removeWidget(card)
            card.hide()
            card.deleteLater()
        while self.body_layout.count():
            self.body_layout.takeAt(0)  # the tail widget is re-added below
        self.award = award
        self.cards = {}
        for number, section in enumerate(award.sections):
            card = SectionCard(award, number, self.body)
            sid = section.id
            card.score.chosen.connect(
                lambda value, quick, sid=sid: self.score_changed.emit(sid, value, quick))
            card.comment.textChanged.connect(
                lambda sid=sid, box=card.comment: self.comment_changed.emit(
                    sid, box.toPlainText()))
            card.comment.escaped.connect(card.score.setFocus)
            card.score.refused.connect(self.set_message)
            for widget in (card.score, card.comment):
                widget.installEventFilter(self)
            self.cards[sid] = card
            self.body_layout.addWidget(card)
        self.body_layout.addWidget(self.tail)
        self.body_layout.addStretch(1)
        self.current_section = award.sections[0].id if award.sections else None
        self._mark_current()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusIn:
            for sid, card in self.cards.items():
                if watched in (card.score, card.comment) and sid != self.current_section:
                    self.current_section = sid
                    self._mark_current()
                    self.sections_scroll.ensureWidgetVisible(card)
                    self.section_focused.emit(sid)
        return super().eventFilter(watched, event)

    def _mark_current(self) -> None:
        for sid, card in self.cards.items():
            card.set_current(sid == self.current_section)

    # ----- showing values ----------------------------------------------------------------

    def show_entry(self, heading: str, scores: dict[str, dict], overall: str,
                   tags: list[str]) -> None:
        self.heading.setText(heading)
        for sid, card in self.cards.items():
            row = scores.get(sid, {})
            card.score.set_score(row.get("value"))
            card.comment.set_text_quietly(row.get("comment", ""))
        self.overall.set_text_quietly(overall)
        before = self.tag_model.checked()
        self.tag_model.blockSignals(True)
        self.tag_model.set_checked(tags)
        self.tag_model.blockSignals(False)
        if self.tag_model.checked() != before:  # the same ticks: nothing to repaint
            self.tag_view.viewport().update()
        self.set_message("")

    def set_score(self, section: str, value: float | None) -> None:
        self.cards[section].score.set_score(value)

    def set_comment(self, field: str, text: str) -> None:
        box = self.overall if field == OVERALL else self.cards[field].comment
        box.set_text_quietly(text)

    def comment_text(self, field: str) -> str:
        box = self.overall if field == OVERALL else self.cards[field].comment
        return box.toPlainText()

    def set_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # ----- moving around -----------------------------------------------------------------

    def focus_section(self, section: str, comment: bool = False) -> None:
        card = self.cards.get(section)
        if card is None:
            return
        changed = section != self.current_section
        self.current_section = section
        self._mark_current()
        self.sections_scroll.ensureWidgetVisible(card)
        (card.comment if comment else card.score).setFocus(Qt.FocusReason.OtherFocusReason)
        if changed:
            self.section_focused.emit(section)

    def step_section(self, step: int) -> str | None:
        """Move to the next (1) or previous (-1) section; returns the section now current."""
        ids = list(self.cards)
        if not ids:
            return None
        here = ids.index(self.current_section) if self.current_section in ids else 0
        target = ids[max(0, min(len(ids) - 1, here + step))]
        self.focus_section(target)
        return target

    def focus_overall(self) -> None:
        self.overall.setFocus(Qt.FocusReason.OtherFocusReason)
        self.sections_scroll.ensureWidgetVisible(self.overall)
