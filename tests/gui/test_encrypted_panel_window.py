"""The coordinator's encrypted panel in the application: asked for on opening (again after a
wrong passphrase), and File ▸ Encrypt this panel… / Remove encryption… in the window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget

from judgepanel.core.awards import builtin_awards
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.file_encryption import forget_keys, is_encrypted, key_for_file
from judgepanel.core.panel import create_panel, encrypt_panel, open_panel
from judgepanel.gui.app import Shell
from judgepanel.gui.passphrase_dialog import PassphraseDialog
from judgepanel.gui.tasks import wait_for_tasks

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform noise
PASSPHRASE = "orchard lantern pebble falcon"
TITLE = "Quillbrook Care Awards 2026"


def make_panel(folder: Path, encrypted: bool) -> Path:
    path = folder / "awards.judgepanel"
    award = builtin_awards()[0]
    with create_panel(path, TITLE, [award]) as panel:
        upsert_entries(panel, [EntryRecord("E-1", award.id, title="Quillbrook discharge hub",
                                           nominee="Priya Shah")])
    if encrypted:
        encrypt_panel(path, PASSPHRASE)
        forget_keys()  # as on a fresh start of the application
    return path


@pytest.fixture
def shell(settings: object) -> Iterator[Shell]:
    made = Shell(settings)  # type: ignore[arg-type]
    yield made
    for window in made.windows:
        window.close()
    if made.start_window is not None:
        made.start_window.close()
    wait_for_tasks()


def passphrase_box() -> PassphraseDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, PassphraseDialog) and widget.isVisible():
            return widget
    return None


def type_into(qtbot: object, dialog: PassphraseDialog, text: str) -> None:
    dialog.ui.passphrase.setText(text)
    button = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]


def test_opening_asks_for_the_passphrase_and_asks_again_after_a_wrong_one(
        shell: Shell, tmp_path: Path, qtbot: object) -> None:
    path = make_panel(tmp_path, encrypted=True)
    seen: list[str] = []

    def answer() -> None:
        dialog = passphrase_box()
        assert dialog is not None
        assert "panel is encrypted" in dialog.ui.intro.text()
        type_into(qtbot, dialog, "orchard lantern pebble")
        seen.append(dialog.ui.problem.text())
        assert dialog.isVisible()  # still asking
        type_into(qtbot, dialog, PASSPHRASE)

    QTimer.singleShot(0, answer)
    assert shell.open_file(path)
    assert seen and "does not open this panel" in seen[0]
    window = shell.windows[-1]
    assert window.store.title == TITLE  # type: ignore[attr-defined]
    # The window's database thread opens the same file with the key held for it.
    title = window.worker.call(lambda store: store.title)  # type: ignore[attr-defined]
    assert title == TITLE
    assert window.encryption_action.text() == "Remove &encryption…"  # type: ignore[attr-defined]


def test_cancelling_the_passphrase_opens_nothing_and_says_so(
        shell: Shell, tmp_path: Path) -> None:
    path = make_panel(tmp_path, encrypted=True)
    screen = shell.show_start()

    def cancel() -> None:
        dialog = passphrase_box()
        assert dialog is not None
        dialog.reject()

    QTimer.singleShot(0, cancel)
    assert not shell.open_file(path)
    assert not shell.windows
    assert "no passphrase given" in screen.ui.errorLabel.text()  # type: ignore[attr-defined]
    assert TITLE not in screen.ui.errorLabel.text()  # type: ignore[attr-defined]


def new_panel_windows(before: list[QWidget]) -> list[QWidget]:
    from judgepanel.gui.panel_window import PanelWindow

    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, PanelWindow) and w.isVisible() and w not in before]


def when_shown(find: Callable[[], QWidget | None], act: Callable[[QWidget], None]) -> None:
    """Do `act` on a box as soon as it is up (the menu's action opens it a moment later)."""
    def attempt() -> None:
        box = find()
        if box is None or not box.isVisible():
            QTimer.singleShot(10, attempt)
        else:
            act(box)

    QTimer.singleShot(0, attempt)


def confirm(window: QWidget, qtbot: object) -> None:
    def press(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        accept = next(b for b in box.buttons()
                      if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
        qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]

    when_shown(lambda: getattr(window, "encryption_box", None), press)


def test_encrypt_and_remove_encryption_from_the_file_menu(
        open_panel_window: Callable[[Path], QWidget], tmp_path: Path, qtbot: object) -> None:
    path = make_panel(tmp_path, encrypted=False)
    window = open_panel_window(path)
    action = window.encryption_action  # type: ignore[attr-defined]
    assert action.text() == "&Encrypt this panel…"
    confirm(window, qtbot)
    action.trigger()
    qtbot.waitUntil(lambda: len(new_panel_windows([window])) == 1  # type: ignore[attr-defined]
                    and hasattr(new_panel_windows([window])[0], "passphrase_box"))
    reopened = new_panel_windows([window])
    assert len(reopened) == 1 and not window.isVisible()
    encrypted = reopened[0]  # deleted when closed, as every window File ▸ Open makes
    box: QMessageBox = encrypted.passphrase_box  # type: ignore[attr-defined]
    shown = box.text().split("Its passphrase is:")[1].split("Write it down")[0].strip()
    assert len(shown.split()) >= 6
    box.accept()
    assert is_encrypted(path)
    raw = path.read_bytes()
    assert TITLE.encode() not in raw and b"Priya Shah" not in raw
    assert encrypted.worker.call(lambda store: store.title) == TITLE  # type: ignore[attr-defined]
    with open_panel(path, key_for_file(path, shown)) as store:  # the passphrase shown opens it
        assert [r["action"] for r in store.db.query("SELECT action FROM audit")][-1] \
            == "panel encrypted"

    action = encrypted.encryption_action  # type: ignore[attr-defined]
    assert action.text() == "Remove &encryption…"
    confirm(encrypted, qtbot)
    action.trigger()
    qtbot.waitUntil(lambda: not is_encrypted(path)  # type: ignore[attr-defined]
                    and len(new_panel_windows([window, encrypted])) == 1)
    plain = new_panel_windows([window, encrypted])
    assert len(plain) == 1
    assert not is_encrypted(path) and TITLE.encode() in path.read_bytes()
    assert plain[0].encryption_action.text() == "&Encrypt this panel…"  # type: ignore[attr-defined]
    plain[0].close()
    wait_for_tasks()


def test_cancelling_the_confirmation_changes_nothing(
        open_panel_window: Callable[[Path], QWidget], tmp_path: Path, qtbot: object) -> None:
    path = make_panel(tmp_path, encrypted=False)
    window = open_panel_window(path)

    answered: list[bool] = []

    def cancel(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Cancel).click()
        answered.append(True)

    when_shown(lambda: getattr(window, "encryption_box", None), cancel)
    window.encryption_action.trigger()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bool(answered))  # type: ignore[attr-defined]
    assert window.isVisible() and not is_encrypted(path)
    assert window.worker.call(lambda store: store.title) == TITLE  # type: ignore[attr-defined]


def test_a_second_window_on_the_same_panel_must_close_first(
        open_panel_window: Callable[[Path], QWidget], tmp_path: Path, qtbot: object) -> None:
    path = make_panel(tmp_path, encrypted=False)
    window = open_panel_window(path)
    second = open_panel_window(path)

    said: list[str] = []

    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        box.accept()

    when_shown(QApplication.activeModalWidget, answer)
    window.encryption_action.trigger()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bool(said))  # type: ignore[attr-defined]
    assert "open in another window" in said[0]
    assert not is_encrypted(path) and window.isVisible() and second.isVisible()


def test_a_recent_encrypted_panel_says_so_and_asks_when_chosen(
        shell: Shell, tmp_path: Path, qtbot: object) -> None:
    path = make_panel(tmp_path, encrypted=True)
    shell.settings.add_recent(path)
    screen = shell.show_start()
    qtbot.waitExposed(shell.start_window)  # type: ignore[attr-defined]
    recent = screen.ui.recentList  # type: ignore[attr-defined]
    assert recent.item(0).text().startswith("awards\nPanel · encrypted")

    def answer() -> None:
        dialog = passphrase_box()
        assert dialog is not None
        type_into(qtbot, dialog, PASSPHRASE)

    QTimer.singleShot(0, answer)
    recent.setFocus()
    recent.setCurrentRow(0)
    qtbot.keyClick(recent, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert len(shell.windows) == 1 and shell.windows[0].store.title == TITLE  # type: ignore[attr-defined]
    assert not shell.start_window.isVisible()  # type: ignore[union-attr]
