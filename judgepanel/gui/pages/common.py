"""Small pieces every coordinator page uses: the heading with its status line, error boxes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QSizePolicy, QVBoxLayout, QWidget

from judgepanel.core.errors import JudgePanelError

WHO = "Coordinator"


class PageHeading(QWidget):
    """The page's title and one line saying what is done and what comes next."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(2)
        self.title = QLabel(title)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def set_status(self, done: str, next_step: str = "") -> None:
        text = done if not next_step else f"{done}  <b>Next:</b> {next_step}"
        self.status.setText(text)


def banner(text: str, parent: QWidget | None = None) -> QLabel:
    """A loud warning strip: used when the audit history does not hold."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet("QLabel { background: #b3261e; color: white; font-weight: bold;"
                        " padding: 8px; border-radius: 3px; }")
    return label


def show_error(parent: QWidget, what: str, exc: BaseException) -> None:
    """A refused operation in plain words; anything unexpected says so and what it was."""
    if isinstance(exc, JudgePanelError):
        QMessageBox.warning(parent, what, str(exc))
    else:
        QMessageBox.critical(parent, what,
                             f"Something went wrong: {type(exc).__name__}: {exc}")


def plural(count: int, one: str, many: str | None = None) -> str:
    """"1 entry", "3 entries"."""
    return f"{count} {one if count == 1 else (many or one + 's')}"
