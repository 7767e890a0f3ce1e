"""File ▸ Encrypt this panel… and File ▸ Remove encryption…: the panel window's side of
`core.panel.encrypt_panel` and `decrypt_panel`.

The file is rewritten whole, so the window first lets go of it (its worker finishes and
closes its connection), the change is made, and the panel opens again in a fresh window in
place of this one; a refusal leaves the panel as it was and opens it again all the same.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QCheckBox, QMessageBox, QWidget

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.file_encryption import (
    NoKeyring,
    is_encrypted,
    new_passphrase,
    remember_key,
)
from judgepanel.core.panel import decrypt_panel, encrypt_panel
from judgepanel.gui.tasks import wait_for_tasks

WHO = "Coordinator"


def action_text(path: Path) -> str:
    """The File menu's words for this panel: encrypt a plain one, or remove the encryption."""
    return "Remove &encryption…" if is_encrypted(path) else "&Encrypt this panel…"


def change_encryption(window: Any) -> None:
    """The File menu's action, run once the action's signal is over: the window the action
    belongs to is closed and replaced, which must not happen while it is still emitting."""
    QTimer.singleShot(0, lambda: encryption_dialog(window))


def encryption_dialog(window: Any) -> QWidget | None:
    """Confirm, change the file, reopen it; the new window, or None."""
    here = Path(window.path).resolve()
    others = [w for w in QApplication.topLevelWidgets() if w is not window and w.isVisible()
              and _path_of(w) == here]
    if others:  # its connection would go on using the file being replaced
        QMessageBox.information(window, "Encryption", f"{window.path.name} is open in another "
                                "window too; close that window first.")
        return None
    if is_encrypted(window.path):
        return remove_encryption_dialog(window)
    return encrypt_dialog(window)


def _path_of(widget: QWidget) -> Path | None:
    """The file a window has open, if it is a file's window."""
    path = getattr(widget, "path", None)
    return path.resolve() if isinstance(path, Path) else None


def encrypt_dialog(window: Any) -> QWidget | None:
    """Confirm, encrypt with a generated passphrase, and show the passphrase once."""
    box = QMessageBox(
        QMessageBox.Icon.Question, "Encrypt this panel",
        f"Encrypt {window.path.name} with a passphrase?\n\nWithout the passphrase nobody can "
        "open the panel: not a colleague, not you on another computer, and JudgePanel cannot "
        "recover it. It is shown once, next; write it down or keep it in your organisation's "
        "password manager.",
        QMessageBox.StandardButton.Cancel, window)
    box.addButton("&Encrypt", QMessageBox.ButtonRole.AcceptRole)
    remember = QCheckBox("&Remember on this computer", box)
    box.setCheckBox(remember)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    window.encryption_box = box  # tests answer it
    box.exec()
    if box.buttonRole(box.clickedButton()) != QMessageBox.ButtonRole.AcceptRole:
        return None
    passphrase = new_passphrase()
    new = encrypt_panel_window(window, passphrase, remember=remember.isChecked())
    if new is not None:
        show_passphrase_once(new, window.path, passphrase)
    return new


def encrypt_panel_window(window: Any, passphrase: str, remember: bool = False) -> QWidget | None:
    """Encrypt the window's panel with `passphrase` and reopen it; None when refused."""
    path = Path(window.path)
    keys: list[Any] = []
    reopened = _rewrite(window, lambda: keys.append(encrypt_panel(path, passphrase, who=WHO)),
                        "Encrypt this panel")
    if keys and remember and reopened is not None:
        try:
            remember_key(path, keys[0])
        except NoKeyring as exc:
            QMessageBox.information(reopened, "Not remembered", str(exc))
    return reopened if keys else None


def remove_encryption_dialog(window: Any) -> QWidget | None:
    """Confirm, then make the panel a plain file again."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, "Remove encryption",
        f"Remove the encryption of {window.path.name}?\n\nThe panel becomes a plain file: "
        "anyone who has a copy of it can read every entry, name and score in it.",
        QMessageBox.StandardButton.Cancel, window)
    box.addButton("&Remove encryption", QMessageBox.ButtonRole.AcceptRole)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    window.encryption_box = box
    box.exec()
    if box.buttonRole(box.clickedButton()) != QMessageBox.ButtonRole.AcceptRole:
        return None
    return decrypt_panel_window(window)


def decrypt_panel_window(window: Any) -> QWidget | None:
    """Remove the window's panel's encryption and reopen it; None when refused."""
    path = Path(window.path)
    done: list[bool] = []

    def change() -> None:
        decrypt_panel(path, who=WHO)
        done.append(True)

    reopened = _rewrite(window, change, "Remove encryption")
    return reopened if done else None


def _rewrite(window: Any, change: Callable[[], object], title: str) -> QWidget | None:
    """Let go of the file, make the change, and open the panel again in a new window."""
    wait_for_tasks()
    window.worker.stop()  # its queued work done and its connection closed
    window.store.close()
    problem = ""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        change()
    except (JudgePanelError, OSError) as exc:
        problem = str(exc)
    finally:
        QGuiApplication.restoreOverrideCursor()
    reopened = window.open_file(window.path)
    window.close()
    if problem:
        QMessageBox.warning(reopened or None, title, f"Nothing was changed: {problem}")
    return reopened


def show_passphrase_once(parent: QWidget, path: Path, passphrase: str) -> QMessageBox:
    """The generated passphrase, shown this once, selectable and with a Copy button."""
    box = QMessageBox(
        QMessageBox.Icon.Information, "The panel's passphrase",
        f"{path.name} is now encrypted. Its passphrase is:\n\n{passphrase}\n\nWrite it down "
        "or keep it in a password manager now: it is not shown again.",
        QMessageBox.StandardButton.Ok, parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    copy = box.addButton("&Copy and close", QMessageBox.ButtonRole.ActionRole)
    box.buttonClicked.connect(lambda button: QGuiApplication.clipboard().setText(passphrase)
                              if button is copy else None)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    parent.passphrase_box = box  # type: ignore[attr-defined]  # tests read and close it
    box.open()
    return box
