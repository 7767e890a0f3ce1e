"""The start screen: recent files, open, new panel, open the demo.

It only asks; opening is the shell's job (`open_file` passed in), so the screen can be tested
on its own. Problems opening a file show on the screen itself, not in a blocking box.
"""

from __future__ import annotations

import importlib.util
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QListWidgetItem, QWidget

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.file_encryption import is_encrypted
from judgepanel.gui.forms.ui_start_screen import Ui_StartScreen
from judgepanel.gui.icons import app_icon
from judgepanel.gui.settings import Settings
from judgepanel.gui.tasks import run_task

FILE_FILTER = "JudgePanel files (*.judgepack *.judgepanel);;Judge packs (*.judgepack);;" \
              "Panels (*.judgepanel)"
PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def describe(path: Path) -> str:
    kind = {".judgepack": "Judge pack", ".judgepanel": "Panel"}.get(path.suffix, "File")
    if is_encrypted(path):  # its passphrase is asked for when it opens
        kind += " · encrypted"
    return f"{path.stem}\n{kind} · {path.parent}"


class StartScreen(QWidget):
    """What the application shows with no file open."""

    def __init__(self, settings: Settings, open_file: Callable[[Path], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.open_file = open_file
        self.ui = Ui_StartScreen()
        self.ui.setupUi(self)
        self.setWindowIcon(app_icon())
        self.ui.logo.setPixmap(app_icon().pixmap(96, 96))
        title_font = QFont(self.font())
        title_font.setPointSizeF(self.font().pointSizeF() * 2.2)
        title_font.setBold(True)
        self.ui.appTitle.setFont(title_font)
        for button in (self.ui.openButton, self.ui.newButton, self.ui.demoButton):
            button.setMinimumHeight(button.sizeHint().height() + 10)
        self.ui.errorLabel.hide()
        self.ui.openButton.clicked.connect(self.choose_file)
        self.ui.newButton.clicked.connect(self.new_panel)
        self.ui.demoButton.clicked.connect(self.open_demo)
        self.ui.recentList.itemActivated.connect(self._recent_chosen)
        QShortcut(QKeySequence.StandardKey.Open, self, self.choose_file)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_panel)
        # The demo pulls in the statistics and the PDFs: import it on the click, not at start.
        self.build_demo: Callable[[Path], Path] | None = _load_demo_builder \
            if importlib.util.find_spec("judgepanel.core.demo") else None
        if self.build_demo is None:
            self.ui.demoButton.setEnabled(False)
            self.ui.demoButton.setToolTip("The demo is not included in this version")
        self.refresh_recent()

    def refresh_recent(self) -> None:
        self.ui.recentList.clear()
        for path in self.settings.recent_files:
            item = QListWidgetItem(describe(path))
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(str(path))
            if not path.exists():
                item.setText(describe(path) + " (missing)")
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.ui.recentList.addItem(item)
        if not self.settings.recent_files:
            item = QListWidgetItem("No recent files yet: open the pack you were sent.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.ui.recentList.addItem(item)
        else:
            self.ui.recentList.setCurrentRow(0)

    def show_problem(self, message: str) -> None:
        self.ui.errorLabel.setText(message)
        self.ui.errorLabel.setVisible(bool(message))

    def _recent_chosen(self, item: QListWidgetItem) -> None:
        path = item.data(PATH_ROLE)
        if path:
            self.open_file(Path(path))

    def choose_file(self) -> None:
        recent = self.settings.recent_files
        folder = str(recent[0].parent) if recent else str(Path.home())
        name, _ = QFileDialog.getOpenFileName(self, "Open a pack or panel", folder,
                                              FILE_FILTER)
        if name:
            self.open_file(Path(name))

    def new_panel(self) -> None:
        """Ask for the title and the awards (at least one), then open the new panel."""
        from judgepanel.gui.new_panel_dialog import NewPanelDialog

        recent = self.settings.recent_files
        dialog = NewPanelDialog(recent[0].parent if recent else Path.home(), self)
        if dialog.exec() and dialog.created is not None:
            self.open_file(dialog.created)

    def create_panel(self, path: Path, title: str) -> bool:
        """A new panel with the built-in awards, then open it."""
        from judgepanel.core.awards import builtin_awards
        from judgepanel.core.panel import create_panel

        try:
            create_panel(path, title, builtin_awards()).close()
        except JudgePanelError as exc:
            self.show_problem(str(exc))
            return False
        return self.open_file(path)

    def open_demo(self, folder: Path | None = None) -> None:
        """Build the demo panel in the background (a few seconds), then open it."""
        if self.build_demo is None:
            return
        target = folder or Path(tempfile.mkdtemp(prefix="judgepanel-demo-"))
        build = self.build_demo
        self.ui.demoButton.setEnabled(False)
        self.demo_task = run_task(self, lambda _progress: build(target), self._demo_built,
                                  self._demo_failed, title="Building the demo panel…")

    def _demo_built(self, path: Path) -> None:
        self.ui.demoButton.setEnabled(True)
        self.open_file(Path(path))

    def _demo_failed(self, exc: BaseException) -> None:
        self.ui.demoButton.setEnabled(True)
        self.show_problem(f"The demo could not be built: {exc}")


def _load_demo_builder(folder: Path) -> Path:
    from judgepanel.core.demo import build_demo

    return build_demo(folder)
