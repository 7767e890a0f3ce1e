"""Asking for an encrypted file's passphrase: a judge's pack, or the coordinator's panel;
once per laptop when they ask to be remembered.

The key, not the passphrase, is what is kept: in this process's memory while the file is
open (the autosave thread, the panel's worker and its background jobs open the same file),
and in the system keyring when "Remember on this computer" is ticked.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.file_encryption import (
    FileKey,
    NoKeyring,
    WrongPassphrase,
    check_key,
    held_key,
    hold_key,
    is_encrypted,
    key_for_file,
    remember_key,
    remembered_key,
)
from judgepanel.core.store import Store
from judgepanel.gui.forms.ui_passphrase_dialog import Ui_PassphraseDialog


class PassphraseDialog(QDialog):
    """The passphrase box: stays open on a wrong passphrase and says so, nothing more."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PassphraseDialog()
        self.ui.setupUi(self)
        self.path = Path(path)
        self.key: FileKey | None = None
        self.panel = self.path.suffix.lower() == ".judgepanel"
        self.setWindowTitle(f"{self.path.name} · Passphrase")
        if self.panel:
            self.ui.intro.setText("This panel is encrypted. Type the coordinator's passphrase "
                                  "for it.")
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Open")
        self.ui.buttons.accepted.connect(self.try_open)

    def try_open(self) -> None:
        text = self.ui.passphrase.text()
        try:
            key = key_for_file(self.path, text)
            if self.panel:
                check_key(self.path, key)
            else:
                Store.open(self.path, key=key).close()
        except WrongPassphrase:
            self.ui.problem.setText(
                "That passphrase does not open this panel. Check it and type it again."
                if self.panel else "That passphrase does not open this pack. Check it "
                                   "against the slip from the coordinator.")
            self.ui.passphrase.selectAll()
            self.ui.passphrase.setFocus()
            return
        self.key = key
        if self.ui.remember.isChecked():
            try:
                remember_key(self.path, key)
            except NoKeyring as exc:
                QMessageBox.information(self, "Not remembered", str(exc))
        self.accept()


def unlock_pack(path: Path, parent: QWidget | None = None) -> FileKey | None:
    """The key for an encrypted pack or panel (None for a plain one), asking only when no key
    held in this process or remembered on this computer opens it; then held, so every later
    opening of the file in this process (autosave, the panel's worker) finds it."""
    path = Path(path)
    if not is_encrypted(path):
        return None
    for known in (held_key(path), remembered_key(path)):
        if known is not None:
            try:
                check_key(path, known)
            except WrongPassphrase:
                continue
            hold_key(path, known)
            return known
    dialog = PassphraseDialog(path, parent)
    try:
        answered = dialog.exec() == QDialog.DialogCode.Accepted
        key = dialog.key
    finally:
        dialog.deleteLater()  # asked once; not left for the end of the application
    if not answered or key is None:
        raise JudgePanelError(f"{path}: not opened (no passphrase given)")
    hold_key(path, key)
    return key


unlock_file = unlock_pack  # the same for the coordinator's panel
