"""What every file window shares: Close and Quit in the File menu, and an "Open folder" link.

Closing a panel or a pack returns to the start screen (the shell shows it when the last file
window closes); Quit (Ctrl+Q) closes every window, each saving as it goes, and leaves.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QPushButton

QUITTING = "judgepanelQuitting"  # an application property: no start screen on the way out
LINK_SHOWN_MS = 60_000


def add_window_actions(window: QMainWindow, menu: QMenu) -> tuple[QAction, QAction]:
    """Close (Ctrl+W, back to the start screen) and Quit (Ctrl+Q) at the end of `menu`."""
    close = QAction("&Close", window)
    close.setShortcut(QKeySequence(QKeySequence.StandardKey.Close))
    close.triggered.connect(window.close)
    quit_action = QAction("&Quit", window)
    quit_action.setShortcut(QKeySequence("Ctrl+Q"))
    quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    quit_action.triggered.connect(quit_application)
    menu.addAction(close)
    menu.addAction(quit_action)
    return close, quit_action


def quit_application() -> bool:
    """Close every window (each one finishes its saving) and end the application."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return False
    app.setProperty(QUITTING, True)
    app.closeAllWindows()
    if any(w.isVisible() for w in app.topLevelWidgets() if isinstance(w, QMainWindow)):
        app.setProperty(QUITTING, False)  # a window refused to close: stay
        return False
    app.quit()
    return True


def quitting() -> bool:
    app = QApplication.instance()
    return bool(app is not None and app.property(QUITTING))


def open_folder_of(window: QMainWindow, path: Path, message: str) -> QPushButton:
    """Say what was written in the status bar, with a button that opens its folder."""
    folder = path if path.is_dir() else path.parent
    button = window.findChild(QPushButton, "openFolderLink")
    if not isinstance(button, QPushButton):
        button = QPushButton("Open folder", window)
        button.setObjectName("openFolderLink")
        button.setFlat(True)
        button.clicked.connect(lambda: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(button.property("folder")))))
        window.statusBar().insertPermanentWidget(0, button)  # stays beside the message
        hide_timer = QTimer(button, singleShot=True, interval=LINK_SHOWN_MS)
        hide_timer.setObjectName("openFolderTimer")
        hide_timer.timeout.connect(button.hide)
    button.setProperty("folder", str(folder))
    button.setToolTip(f"Open {folder} in the file manager")
    button.setAccessibleName(f"Open the folder {folder.name}")
    button.show()
    timer = button.findChild(QTimer, "openFolderTimer")
    if isinstance(timer, QTimer):
        timer.start()
    window.statusBar().showMessage(message, LINK_SHOWN_MS)
    return button
