"""Small pieces every coordinator page uses: the `PanelPage` base (heading, refresh when
stale, reading on the window's worker), error boxes and readable colours. The award and round
choosers are in `choosers`."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import list_judges
from judgepanel.core.store import Store
from judgepanel.gui.pages.choosers import AwardChooser
from judgepanel.gui.panel_worker import KINDS, PanelWorker, Submitted
from judgepanel.gui.tasks import Progress, Task, run_task

WHO = "Coordinator"
MINIMUM_CONTRAST = 4.5  # WCAG AA for body text
PLACEHOLDER_CONTRAST = 3.0  # below this a field's hint is unreadable, so it is replaced
WARNING_RED = "#b3261e"  # on a light background
WARNING_RED_ON_DARK = "#ff8a80"  # the same warning, readable on a dark background


class FormLike(Protocol):
    """A compiled Designer form (gui/forms/ui_*.py)."""

    def setupUi(self, form: Any) -> None: ...


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


class PanelPage(QWidget):
    """The scaffolding every page of the panel window shares.

    A page has a `title`, a `heading` (title and what is done / what is next), a `refresh()`
    that re-reads the panel through core functions and a `summary()` for the navigation. A
    page that changes the panel emits `changed` (its `writes` say what kinds of thing), or
    makes the change through the window's `worker`, which says so itself; the window then
    refreshes only the pages whose `shows` include a kind that changed. The window may call
    `mark_stale()` instead of `refresh()`: a hidden page then re-reads when it is next shown.
    """

    title = ""
    changed = Signal()
    shows: frozenset[str] = KINDS  # the kinds of change (panel_worker.KINDS) it re-reads on
    writes: frozenset[str] = KINDS  # what its `changed` signal means
    worker: PanelWorker | None = None  # the window's database thread, set by the window

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.heading = PageHeading(self.title)
        self.stale = False
        self.background_task: Task | None = None
        found = getattr(parent, "worker", None)  # made in the window: its first reading too
        if isinstance(found, PanelWorker):
            self.worker = found

    def page_layout(self) -> QVBoxLayout:
        """The page's top-to-bottom layout, with the heading already in place."""
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        return layout

    def setup_form(self, form: FormLike) -> None:
        """Lay the page out from its Designer form (ui/*_page.ui, compiled into gui/forms),
        with the heading put on top of the form's top-to-bottom layout."""
        form.setupUi(self)
        layout = self.layout()
        if not isinstance(layout, QBoxLayout):
            raise TypeError(f"the form of {type(self).__name__} has no top-to-bottom layout")
        layout.insertWidget(0, self.heading)

    def award_chooser(self, all_awards: str | None = None) -> AwardChooser:
        return AwardChooser(all_awards, self)

    def in_background(self, work: Callable[[Store, Progress], Any],
                      on_done: Callable[[Any], None], on_error: Callable[[BaseException], None],
                      title: str = "", show_progress: bool = True) -> Task | Submitted:
        """Read (or change) the panel off the GUI thread: on the window's database worker and
        its one connection, or, for a page standing alone, on a task with its own. The
        answer's `done` says when it is over."""
        if self.worker is not None:
            return self.worker.submit_long(work, on_done, on_error, title=title,
                                           parent=self if show_progress else None)
        path = self.store.path
        if path is None:
            raise JudgePanelError("an in-memory panel cannot be read in the background")

        def own_connection(progress: Progress) -> Any:
            with Store.open(path) as store:
                return work(store, progress)

        self.background_task = run_task(self, own_connection, on_done, on_error, title=title,
                                        show_progress=show_progress)
        return self.background_task

    def run(self, work: Callable[[Store], Any], changes: Iterable[str] = ()) -> Any:
        """A quick read or change on the window's database thread, its outcome returned (or
        its refusal raised); `changes` (panel_worker.KINDS) tell the window which pages to
        re-read. A page standing alone (in a test), or one whose window has stopped its
        worker as it closes, runs it on its own connection."""
        if self.worker is None or not self.worker.running:
            return work(self.store)
        return self.worker.call(work, changes)

    def refresh(self) -> None:
        """Re-read what the page shows (pages override this)."""
        self.stale = False

    def summary(self) -> str:
        """One line for the navigation: what is done on this page."""
        return ""

    def mark_stale(self) -> None:
        """The panel changed: re-read now if the page is on screen, else when it is shown."""
        if self.isVisible():
            self.stale = False
            self.refresh()
        else:
            self.stale = True

    def ensure_fresh(self) -> None:
        """Re-read now if a change was noticed while the page was hidden."""
        if self.stale:
            self.stale = False
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_fresh()
        super().showEvent(event)


BANNER_STYLE = ("QLabel { background: #b3261e; color: white; font-weight: bold;"
                " padding: 8px; border-radius: 3px; }")


def banner(text: str, parent: QWidget | None = None, label: QLabel | None = None) -> QLabel:
    """A loud warning strip: used when the audit history does not hold. With `label` (a
    form's), that label is made the strip."""
    strip = label if label is not None else QLabel(parent)
    strip.setText(text)
    strip.setWordWrap(True)
    strip.setStyleSheet(BANNER_STYLE)
    return strip


# Command-line options a core message may name, in the words of the window's own controls.
OPTION_WORDS = {
    "per-entry": "the number of judges per entry",
    "preset": "the Platform choice",
    "award": "the Award choice",
    "method": "the ranking method",
    "top": "the number to promote",
    "min-score": "the lowest score to promote",
    "entry": "the entries chosen",
    "seed": "the random seed",
}
# A full path (POSIX or Windows) to a file: the window names the file alone. A message that
# starts with a path may have spaces in it ("C:\\Users\\Ana Ruiz\\awards.judgepanel: ...").
LEADING_PATH = re.compile(r"^(?:[A-Za-z]:)?[/\\][^:]*[/\\]([^:/\\]+): ")
FULL_PATH = re.compile(r"(?<![\w.:/\\])(?:[A-Za-z]:)?[/\\](?:[^\s:;,'\"()/\\]+[/\\])+"
                       r"([^\s:;,'\"()/\\]+)")


def window_words(message: str, awards: Mapping[str, str] | None = None,
                 capital: bool = True) -> str:
    """A core message (written for the command line too) in the window's words: file names
    rather than full paths, the controls' names rather than `--options`, award names rather
    than ids, and a capital letter to start (`capital`; not after "Not saved: ")."""
    starts_with_file = bool(LEADING_PATH.match(message))
    message = LEADING_PATH.sub(lambda found: f"{found.group(1)}: ", message)
    message = FULL_PATH.sub(lambda found: found.group(1), message)
    message = re.sub(r"(?:\b[Tt]he )?(?<![\w-])--([a-z][a-z-]*)(?: [A-Z][A-Z_]*)?",
                     lambda found: OPTION_WORDS.get(found.group(1),
                                                    found.group(1).replace("-", " ")),
                     message)
    for award_id, name in (awards or {}).items():
        message = re.sub(rf"'{re.escape(award_id)}'|(?<![\w-]){re.escape(award_id)}(?![\w-])",
                         _literally(name), message)
    message = message.replace("error: ", "")
    if starts_with_file or not capital:
        return message  # a file name keeps its own spelling
    return message[:1].upper() + message[1:]


def _literally(text: str) -> Callable[[re.Match[str]], str]:
    """A re.sub replacement taken as it is (an award's name may hold a backslash)."""
    return lambda _found: text


def panel_award_names(parent: object) -> dict[str, str]:
    """The award names of the panel a page or dialog shows (empty when it has none open)."""
    from judgepanel.core.panel_details import award_names

    store = getattr(parent, "store", None)
    if not isinstance(store, Store):
        return {}
    worker = getattr(parent, "worker", None)  # the window's, or a dialog's given the window's
    try:
        if isinstance(parent, PanelPage):  # on the window's database worker
            return dict(parent.run(award_names))
        if isinstance(worker, PanelWorker) and worker.running:
            return dict(worker.call(award_names))
        return award_names(store)
    except Exception:  # a closed or unreadable panel: the ids stay as they are
        return {}


def show_error(parent: QWidget, what: str, exc: BaseException) -> None:
    """A refused operation in plain words; anything unexpected says so and what it was."""
    if isinstance(exc, JudgePanelError):
        QMessageBox.warning(parent, what, window_words(str(exc), panel_award_names(parent)))
    else:
        QMessageBox.critical(parent, what,
                             f"Something went wrong: {type(exc).__name__}: {exc}")


def recorded_by(store: Store, fallback: str = "Panel chair") -> str:
    """Who records the chair's decisions from the application: the panel's chair when the
    panel names one (the first, by name), otherwise `fallback`."""
    chairs = sorted(j.name for j in list_judges(store) if j.role == "chair")
    return chairs[0] if chairs else fallback


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
