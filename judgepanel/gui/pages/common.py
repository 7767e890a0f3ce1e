"""Small pieces every coordinator page uses: the heading with its status line, error boxes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QMessageBox, QSizePolicy, QVBoxLayout, QWidget

from judgepanel.core.errors import JudgePanelError

WHO = "Coordinator"
MINIMUM_CONTRAST = 4.5  # WCAG AA for body text
PLACEHOLDER_CONTRAST = 3.0  # below this a field's hint is unreadable, so it is replaced
WARNING_RED = "#b3261e"  # on a light background
WARNING_RED_ON_DARK = "#ff8a80"  # the same warning, readable on a dark background


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
        if next_step and done and done[-1] not in ".!?:":
            done += "."  # a sentence of its own before "Next:"
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


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of an opaque colour (0 black … 1 white)."""
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio between two colours: 1 (none) to 21 (black on white)."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def blend(front: QColor, back: QColor, share: float) -> QColor:
    """`share` of `front` over `back`, as one opaque colour."""
    return QColor.fromRgbF(*(share * f + (1 - share) * b for f, b in (
        (front.redF(), back.redF()), (front.greenF(), back.greenF()),
        (front.blueF(), back.blueF()))))


def secondary_text(palette: QPalette, background: QPalette.ColorRole = QPalette.ColorRole.Base,
                   minimum: float = MINIMUM_CONTRAST) -> QColor:
    """Quieter than the text but still readable on `background`, in light and dark palettes.

    Starts two-thirds of the way from the background to the text and moves towards the
    text until the contrast reaches `minimum`, so a dark palette never gets a light-theme grey.
    """
    text = palette.color(QPalette.ColorRole.Text if background == QPalette.ColorRole.Base
                         else QPalette.ColorRole.WindowText)
    back = palette.color(background)
    share = 0.66
    while share < 1.0:
        colour = blend(text, back, share)
        if contrast_ratio(colour, back) >= minimum:
            return colour
        share += 0.04
    return text


def is_dark(palette: QPalette) -> bool:
    """Whether the palette is a dark one (light text on a dark window)."""
    return luminance(palette.color(QPalette.ColorRole.Window)) < luminance(
        palette.color(QPalette.ColorRole.WindowText))


def warning_colour(palette: QPalette) -> str:
    """The red for refusals and over-limit counts, readable on this palette's window."""
    return WARNING_RED_ON_DARK if is_dark(palette) else WARNING_RED


def readable_placeholders(palette: QPalette) -> QPalette | None:
    """The palette with field hints ("Filter by id…") readable on its Base, or None if they
    already are: dark themes often keep a light theme's grey hint, invisible on dark fields."""
    fixed = QPalette(palette)
    changed = False
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        hint = palette.color(group, QPalette.ColorRole.PlaceholderText)
        base = palette.color(group, QPalette.ColorRole.Base)
        seen = blend(QColor(hint.red(), hint.green(), hint.blue()), base, hint.alphaF())
        if contrast_ratio(seen, base) < PLACEHOLDER_CONTRAST:
            fixed.setColor(group, QPalette.ColorRole.PlaceholderText, secondary_text(fixed))
            changed = True
    return fixed if changed else None
