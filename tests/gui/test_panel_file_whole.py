"""A panel file copied while the application has it open holds everything (issue 14, defect 1).

The coordinator copies NAME.judgepanel to a USB stick or an e-mail with the window still open;
the copy alone (no -wal beside it) must have every entry and judge, also a few seconds after
another program changed the panel, and File ▸ Save a copy… writes one whole file.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from coordinator_panels import coordinator_panel
from PySide6.QtWidgets import QPushButton

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import add_judge
from judgepanel.core.panel_copy import save_copy
from judgepanel.core.store import PANEL, Store

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform noise


def counted(copy: Path) -> tuple[int, int]:
    """(entries, judges) in a copied panel file read on its own."""
    conn = sqlite3.connect(copy)
    try:
        entries = conn.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
        judges = conn.execute("SELECT COUNT(*) FROM judges").fetchone()[0]
    finally:
        conn.close()
    return entries, judges


def copy_alone(panel: Path, folder: Path) -> Path:
    """What a coordinator's file manager copies: the panel file, not the log beside it."""
    folder.mkdir(exist_ok=True)
    return Path(shutil.copy(panel, folder / panel.name))


def test_a_copy_taken_while_the_panel_is_open_is_whole(open_panel_window, qtbot,
                                                       tmp_path: Path) -> None:
    path = coordinator_panel(tmp_path / "awards.judgepanel")
    entries, judges = counted(path)
    assert entries and judges == 4
    window = open_panel_window(path)
    other = Store.open(path, PANEL)  # the command line, or a second window, adds a judge
    try:
        add_judge(other, "Dr Kofi Boateng", who="test")
    finally:
        other.close()
    assert Path(f"{path}-wal").stat().st_size > 0  # the change sits in the log for now
    qtbot.waitUntil(lambda: counted(copy_alone(path, tmp_path / "usb")) == (entries, 5),
                    timeout=5000)
    assert window.isVisible()


def test_save_a_copy_writes_one_whole_file(open_panel_window, tmp_path: Path) -> None:
    path = coordinator_panel(tmp_path / "awards.judgepanel")
    window = open_panel_window(path)
    window.settle_timer.stop()  # nothing settles the log: the copy must not depend on it
    other = Store.open(path, PANEL)
    try:
        add_judge(other, "Dr Kofi Boateng", who="test")
    finally:
        other.close()
    target = tmp_path / "to send" / "awards copy.judgepanel"
    target.parent.mkdir()
    written = window.save_copy_to(target)
    assert written == target
    assert sorted(p.name for p in target.parent.iterdir()) == ["awards copy.judgepanel"]
    with Store.open(path, PANEL) as original:
        entries = original.rows("SELECT COUNT(*) AS n FROM entries")[0]["n"]
    assert counted(target) == (entries, 5)
    with Store.open(target, PANEL) as copy:  # opens as a panel, history intact
        assert copy.audit_problems() == []
        assert copy.title == "Northern Health Leadership Awards 2026"
    link = window.findChild(QPushButton, "openFolderLink")
    assert link is not None and link.isVisible()
    assert link.property("folder") == str(target.parent)


def test_save_a_copy_refuses_the_open_panel_itself(tmp_path: Path) -> None:
    path = coordinator_panel(tmp_path / "awards.judgepanel")
    with Store.open(path, PANEL) as store, \
            pytest.raises(JudgePanelError, match="the open panel itself"):
        save_copy(store, path)
