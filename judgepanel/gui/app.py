"""The application shell: the QApplication, the start screen, and a window per file.

`run_app(argv)` is what `judgepanel` and `judgepanel open FILE` call. A `.judgepack` opens
in the judge's window; a `.judgepanel` in the coordinator's and chair's window.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from judgepanel import __version__
from judgepanel.core.errors import JudgePanelError
from judgepanel.gui.icons import app_icon
from judgepanel.gui.main_thread_gc import collect_on_gui_thread
from judgepanel.gui.palettes import follow_system_scheme
from judgepanel.gui.settings import APPLICATION, ORGANISATION, Settings
from judgepanel.gui.start_screen import StartScreen
from judgepanel.gui.wheel_guard import install_wheel_guard
from judgepanel.gui.window_frame import quitting


def make_application(argv: list[str]) -> QApplication:
    """The one QApplication, named, with the icon and a fixed British locale."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else "judgepanel", *argv])
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setOrganizationName(ORGANISATION)
    app.setOrganizationDomain("judgepanel.org.uk")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    install_wheel_guard()
    follow_system_scheme(app)
    return app


class StartWindow(QMainWindow):
    """The start screen's window; closing it (not hiding it) means leaving the application."""

    def __init__(self) -> None:
        super().__init__()
        self.closed_by_user = False

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.closed_by_user = True
        super().closeEvent(event)


class Shell:
    """The open windows and the start screen; opens each file in the window it needs.

    Closing the last file window shows the start screen again; closing the start screen (or
    File ▸ Quit in any window) ends the application.
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.windows: list[QWidget] = []
        self.start_window: StartWindow | None = None
        self.start_screen: StartScreen | None = None

    def last_window_closed(self) -> None:
        """The last window went: back to the start screen, unless leaving was asked for."""
        self.windows = [w for w in self.windows if w.isVisible()]
        if quitting() or (self.start_window is not None and self.start_window.closed_by_user):
            QApplication.quit()
        else:
            self.show_start()

    def show_start(self) -> StartScreen:
        if self.start_window is None:
            self.start_window = StartWindow()
            self.start_window.setWindowTitle("JudgePanel")
            self.start_window.setWindowIcon(app_icon())
            self.start_screen = StartScreen(self.settings, self.open_file)
            self.start_window.setCentralWidget(self.start_screen)
            self.start_window.resize(900, 560)
        self.start_window.closed_by_user = False
        assert self.start_screen is not None
        self.start_screen.refresh_recent()
        self.start_window.show()
        return self.start_screen

    def open_file(self, path: Path) -> bool:
        """Open `path` in its window; on a problem say so (on the start screen if shown)."""
        try:
            window = self.window_for(Path(path))
        except (JudgePanelError, OSError) as exc:
            self.problem(str(exc))
            return False
        self.settings.add_recent(Path(path))
        self.windows.append(window)
        window.show()
        if self.start_window is not None:
            self.start_window.hide()
        return True

    def window_for(self, path: Path) -> QWidget:
        if path.suffix.lower() == ".judgepack":
            from judgepanel.gui.judge_window import JudgeWindow
            return JudgeWindow(path, self.settings)
        if path.suffix.lower() == ".judgepanel":
            try:
                from judgepanel.gui.panel_window import PanelWindow
            except ImportError as exc:
                raise JudgePanelError(f"{path}: the panel window is not available in this "
                                      f"version ({exc})") from exc
            return PanelWindow(path, self.settings)
        raise JudgePanelError(f"{path}: not a JudgePanel file; open a .judgepack (a judge's "
                              "pack) or a .judgepanel (a panel)")

    def problem(self, message: str) -> None:
        if self.start_screen is not None and self.start_window is not None \
                and self.start_window.isVisible():
            self.start_screen.show_problem(message)
        else:
            QMessageBox.warning(None, "JudgePanel", message)


def run_app(argv: list[str]) -> int:
    """Start the application: open the file given, or show the start screen."""
    app = make_application(argv)
    collect_on_gui_thread(app)
    shell = Shell()
    app.setQuitOnLastWindowClosed(False)  # closing a panel returns to the start screen
    app.lastWindowClosed.connect(shell.last_window_closed)
    files = [a for a in argv if not a.startswith("-")]
    if not files or not shell.open_file(Path(files[0])):
        shell.show_start()
    if os.environ.get("JUDGEPANEL_QUIT_WHEN_READY"):
        # For start-up benchmarks and bundle smoke checks: say what opened, then leave as
        # soon as the event loop is running (the window is up and interactive).
        opened = [type(window).__name__ for window in shell.windows] or ["StartScreen"]
        if os.environ.get("JUDGEPANEL_SMOKE_DOCUMENT"):  # the bundle renders a document
            from judgepanel.gui.attachments_pane import show_first_document

            QTimer.singleShot(0, lambda: print(show_first_document(shell.windows), flush=True))
        QTimer.singleShot(0, lambda: (print("ready:", ", ".join(opened), flush=True),
                                      app.quit()))
    return app.exec()
