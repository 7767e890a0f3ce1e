"""A judge opens an encrypted pack: the passphrase box, the window, search, expiry."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sample_pack import answer

from judgepanel.core.assignment import assign
from judgepanel.core.awards import builtin_awards
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.file_encryption import held_key, key_for_file
from judgepanel.core.judges import add_judge
from judgepanel.core.packs import make_pack
from judgepanel.core.panel import create_panel
from judgepanel.gui.passphrase_dialog import PassphraseDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform noise
PASSPHRASE = "walnut harbour velvet comet"


def encrypted_pack(folder: Path, expires: date | None = None) -> Path:
    award = builtin_awards()[0]
    with create_panel(folder / "p.judgepanel", "NHS Leadership Awards 2026",
                      builtin_awards()) as panel:
        rng = random.Random(2026)
        upsert_entries(panel, [EntryRecord(
            f"E-{n}", award.id, title=f"Entry {n}", nominee=f"Nominee {n}",
            answers={s.id: f"Quillbrook ward story {n}. {answer(rng, 420)}"
                     for s in award.sections}) for n in (1, 2)])
        judge = add_judge(panel, "Ann Ward")
        for entry in ("E-1", "E-2"):
            assign(panel, judge, entry)
        pack = folder / "Ann Ward.judgepack"
        make_pack(panel, judge, pack, passphrase=PASSPHRASE, expires=expires)
    return pack


def type_and_open(qtbot: object, dialog: PassphraseDialog, text: str) -> None:
    dialog.ui.passphrase.setText(text)
    button = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]


def test_a_wrong_passphrase_keeps_the_box_open_and_the_right_one_opens(
        qtbot: object, tmp_path: Path) -> None:
    pack = encrypted_pack(tmp_path)
    dialog = PassphraseDialog(pack)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.show()
    type_and_open(qtbot, dialog, "walnut harbour velvet comets")
    assert dialog.isVisible() and dialog.key is None
    assert "does not open this pack" in dialog.ui.problem.text()
    type_and_open(qtbot, dialog, PASSPHRASE)
    assert not dialog.isVisible()
    assert dialog.key == key_for_file(pack, PASSPHRASE)


def test_the_judge_window_opens_an_unlocked_pack_and_searches_it(
        tmp_path: Path, open_judge_window: Callable[[Path], object]) -> None:
    from judgepanel.core.file_encryption import hold_key

    pack = encrypted_pack(tmp_path)
    hold_key(pack, key_for_file(pack, PASSPHRASE))  # as the passphrase box leaves it
    window = open_judge_window(pack)
    assert window.model.rowCount() == 2  # type: ignore[attr-defined]
    assert window.search.find("quillbrook") == {"E-1", "E-2"}  # type: ignore[attr-defined]
    assert window.ui.scoringPanel.isEnabled()  # type: ignore[attr-defined]
    assert held_key(pack) is not None


def test_a_pack_past_its_date_opens_only_to_be_returned(
        tmp_path: Path, open_judge_window: Callable[[Path], object]) -> None:
    from judgepanel.core.file_encryption import hold_key

    pack = encrypted_pack(tmp_path, expires=date(2020, 1, 31))
    hold_key(pack, key_for_file(pack, PASSPHRASE))
    window = open_judge_window(pack)
    assert not window.ui.scoringPanel.isEnabled()  # type: ignore[attr-defined]
    assert "expired on 31 January 2020" in window.statusBar().currentMessage()  # type: ignore[attr-defined]
