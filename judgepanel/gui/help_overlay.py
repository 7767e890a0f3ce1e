"""The keyboard help overlay (F1): every shortcut, read from the window's own actions.

The sheet is laid out in a Designer form (ui/help_overlay.ui); the table of shortcuts, one
row per action of the window, is written here.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QColor, QKeyEvent, QKeySequence, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget

from judgepanel.gui.forms.ui_help_overlay import Ui_HelpOverlay

EXTRA_KEYS = (
    ("0 – 9", "Score the current section (type 1 then 0 quickly for 10)"),
    ("Delete", "Clear the current section's score"),
    ("Tab / Shift+Tab", "Move between the score, the comment and the next section"),
    ("Esc", "From a comment, back to its score; closes this help"),
)
VOTE_KEYS = (  # a qualifying round's pack: pass or fail in place of section scores
    ("P", "Pass the entry on show: it goes through"),
    ("F", "Fail the entry on show, then type the reason (a fail needs one)"),
    ("Tab / Shift+Tab", "Move between Pass, Fail, Undecided and the reason"),
    ("Esc", "Closes this help"),
)


class HelpOverlay(QWidget):
    """A translucent sheet over the window listing the shortcuts; any key closes it."""

    def __init__(self, parent: QWidget, actions: list[QAction]) -> None:
        super().__init__(parent)
        self.ui = Ui_HelpOverlay()
        self.ui.setupUi(self)
        self.label: QLabel = self.ui.label
        self.set_actions(actions)
        parent.installEventFilter(self)
        self.hide()

    def set_actions(self, actions: list[QAction], intro: str = "",
                    extra: tuple[tuple[str, str], ...] = EXTRA_KEYS) -> None:
        """The shortcuts of `actions` (and `extra` keys), after an optional HTML `intro`."""
        rows = []
        for action in actions:
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText)
                    for k in action.shortcuts() if not k.isEmpty()]
            if keys:
                name = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
                rows.append((" or ".join(keys), name.rstrip("…")))
        rows.extend(extra)
        body = "".join(f"<tr><td align='right' style='padding:3px 14px'><b>{html.escape(k)}</b>"
                       f"</td><td style='padding:3px 14px'>{html.escape(t)}</td></tr>"
                       for k, t in rows)
        self.label.setText(intro + "<h2>Keyboard shortcuts</h2><table>" + body + "</table>"
                           "<p>Press any key to close.</p>")

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
        else:
            parent = self.parentWidget()
            if parent is not None:
                self.setGeometry(parent.rect())
            self.show()
            self.raise_()
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        parent = self.parentWidget()
        if parent is not None and watched is parent and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        self.hide()

    def mousePressEvent(self, event: object) -> None:  # noqa: N802
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        colour = QColor(self.palette().color(self.backgroundRole()))
        colour.setAlpha(238)
        painter.fillRect(self.rect(), colour)
