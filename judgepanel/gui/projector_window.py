"""The projector: a second window, full screen on the room's screen, in type large enough to
read from the back of the room. It shows the entry and the panel's agreed scores and note as
the chair types them; an individual judge's name or score only when the chair ticks "Show
judges' scores" in the panel room. Escape closes it. `Presenter` is the room's side of it:
the screen chosen, Present and Stop presenting.

Its rows depend on the round's sections and its type on the screen's size, so it is laid out
here rather than in a Designer form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)


@dataclass
class ProjectedSheet:
    """What the room sees for one entry."""

    entry: str
    title: str
    organisation: str  # empty when the award hides it from judges
    rows: list[tuple[str, str, str]]  # section title, agreed score ("–": not yet), "of 10"
    total: str  # the agreed 0–100 total, empty until every section has a score
    note: str
    judges: list[tuple[str, str]] | None  # (judge, first-round total) only when switched on


class ProjectorWindow(QWidget):
    """The room's screen."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("JudgePanel — projector")
        self.setObjectName("projector")
        self.setStyleSheet("#projector { background: #ffffff; } "
                           "#projector QLabel { color: #111111; background: transparent; }")
        self.sheet: ProjectedSheet | None = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.organisation = QLabel()
        self.organisation.setWordWrap(True)
        self.scores = QGridLayout()
        self.scores.setColumnStretch(0, 1)
        self.scores.setHorizontalSpacing(40)
        self.total = QLabel()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.judges = QLabel()
        self.judges.setWordWrap(True)
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 40)
        for widget in (self.heading, self.organisation, rule):
            layout.addWidget(widget)
        layout.addLayout(self.scores)
        for widget in (self.total, self.note, self.judges):
            layout.addWidget(widget)
        layout.addStretch(1)
        self._size_type(900)

    def _size_type(self, height: int) -> None:
        """Type in proportion to the screen: a heading of about a fifteenth of its height."""
        self.base = max(18, height // 28)

        def font(scale: float, bold: bool = False) -> QFont:
            made = QFont(self.font())
            made.setPixelSize(int(self.base * scale))
            made.setBold(bold)
            return made

        self.heading.setFont(font(1.7, bold=True))
        self.organisation.setFont(font(1.1))
        self.total.setFont(font(1.3, bold=True))
        self.note.setFont(font(1.0))
        self.judges.setFont(font(0.9))
        self.row_font, self.score_font = font(1.2), font(1.4, bold=True)
        if self.sheet is not None:
            self.show_sheet(self.sheet)

    def present_on(self, screen: QScreen) -> None:
        """Full screen on the screen chosen."""
        self.setScreen(screen)
        self.move(screen.geometry().topLeft())
        self._size_type(screen.geometry().height())
        self.showFullScreen()

    def show_sheet(self, sheet: ProjectedSheet) -> None:
        self.sheet = sheet
        self.heading.setText(f"{sheet.entry}  {sheet.title}")
        self.organisation.setText(sheet.organisation)
        self.organisation.setVisible(bool(sheet.organisation))
        while self.scores.count():
            item = self.scores.takeAt(0)
            gone = item.widget() if item is not None else None
            if gone is not None:
                gone.setParent(None)
                gone.deleteLater()
        for row, (section, score, out_of) in enumerate(sheet.rows):
            for column, (text, font, align) in enumerate((
                    (section, self.row_font, Qt.AlignmentFlag.AlignLeft),
                    (score, self.score_font, Qt.AlignmentFlag.AlignRight),
                    (out_of, self.row_font, Qt.AlignmentFlag.AlignLeft))):
                label = QLabel(text)
                label.setFont(font)
                self.scores.addWidget(label, row, column,
                                      align | Qt.AlignmentFlag.AlignVCenter)
                label.show()
        self.total.setText(f"Agreed total: {sheet.total} of 100" if sheet.total
                           else "Agreed total: when every section has a score")
        self.note.setText(sheet.note)
        self.note.setVisible(bool(sheet.note))
        if sheet.judges is None:
            self.judges.hide()
        else:
            self.judges.setText("Judges' totals in the first round: " + "; ".join(
                f"{name} {score}" for name, score in sheet.judges) if sheet.judges
                else "No judge's total in the first round")
            self.judges.show()

    def shown_text(self) -> str:
        """Every word on the screen (what the room can read), for checks."""
        return "\n".join(label.text() for label in self.findChildren(QLabel)
                         if not label.isHidden())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.closed.emit()
        super().closeEvent(event)


class Presenter:
    """The room's side of the projector: the screens to choose from, Present and Stop
    presenting, and the sheet on the projector kept up to date as the chair types."""

    def __init__(self, room: QWidget, screens: QComboBox, button: QAbstractButton,
                 sheet: Callable[[], ProjectedSheet | None]) -> None:
        self.room, self.screens, self.button, self.sheet = room, screens, button, sheet
        self.projector: ProjectorWindow | None = None
        for screen in QGuiApplication.screens():
            screens.addItem(f"{screen.name()} ({screen.size().width()}×"
                            f"{screen.size().height()})", screen.name())
        if screens.count() > 1:  # the projector is the screen the room is not on
            screens.setCurrentIndex(1)
        button.clicked.connect(self.toggle)

    def toggle(self) -> None:
        if self.projector is not None:
            self.projector.close()
            return
        self.present()

    def present(self) -> ProjectorWindow:
        """Open the projector window, full screen on the screen chosen."""
        if self.projector is None:
            self.projector = ProjectorWindow()
            self.projector.closed.connect(self._closed)
        found = {s.name(): s for s in QGuiApplication.screens()}
        screen = found.get(self.screens.currentData()) or QGuiApplication.primaryScreen()
        self.update()  # filled first: a layout change may unsettle a full screen
        self.projector.present_on(screen)
        self.room.activateWindow()  # the chair goes on typing there; the projector only shows
        self.button.setText("Stop &presenting")
        return self.projector

    def _closed(self) -> None:
        self.projector = None
        self.button.setText("&Present")

    def update(self) -> None:
        if self.projector is not None:
            sheet = self.sheet()
            if sheet is not None:
                self.projector.show_sheet(sheet)

    def close(self) -> bool:
        """Close the projector; whether it was open."""
        if self.projector is None:
            return False
        self.projector.close()
        return True
