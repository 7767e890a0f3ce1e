"""Edit ▸ Undo / Redo in the coordinator's window, driven with the real keys on real widgets.

Every undo and redo is a new audited change in the panel file: the audit log only grows.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from coordinator_panels import LST, coordinator_panel, packs_for, score_pack, scratch_settings
from keys import activate, press
from PySide6.QtCore import Qt

from judgepanel.core.awards import panel_award
from judgepanel.core.conflicts import record_conflict
from judgepanel.core.panel import open_panel
from judgepanel.core.scoring import Judging
from judgepanel.gui.panel_window import PanelWindow

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
JUDGE = "Siân Roberts"


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[PanelWindow]:
    """The demo panel with four judges and nothing assigned, open and active."""
    opened = PanelWindow(coordinator_panel(tmp_path / "p.judgepanel"),
                         scratch_settings(tmp_path))
    qtbot.addWidget(opened)
    opened.show()
    activate(opened, qtbot)
    yield opened
    opened.close()


def judges_page(window: PanelWindow) -> Any:
    page = window.go_to("Judges & assignment")
    page.award.setCurrentIndex(page.award.findData(LST))
    return page


def first_entries(page: Any, count: int = 2) -> list[str]:
    return [entry for entry, _ in page.matrix_model.matrix.entries][:count]


def judge_id(page: Any, name: str = JUDGE) -> int:
    return next(j.id for j in page.judges if j.name == name)


def click_cell(qtbot, page: Any, entry: str, name: str = JUDGE) -> None:
    """Click the matrix cell as the coordinator does (then the keyboard focus is in it)."""
    model = page.matrix_model
    row = [e for e, _ in model.matrix.entries].index(entry)
    column = [n for _, n in model.matrix.judges].index(name)
    index = model.index(row, column)
    page.matrix.scrollTo(index)
    qtbot.mouseClick(page.matrix.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.matrix.visualRect(index).center())


def on_file(window: PanelWindow) -> tuple[set[tuple[int, str]], set[tuple[int, str]]]:
    """(assignments, conflicts) as a second connection to the panel file reads them."""
    store = open_panel(window.path)
    try:
        return ({(r["judge"], r["entry"]) for r in store.rows(
                    "SELECT judge, entry FROM assignments")},
                {(r["judge"], r["entry"]) for r in store.rows(
                    "SELECT judge, entry FROM conflicts")})
    finally:
        store.close()


def audit_actions(window: PanelWindow) -> list[str]:
    return [r["action"] for r in window.store.rows("SELECT action FROM audit ORDER BY id")]


def menu_texts(window: PanelWindow) -> list[str]:
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    return [a.text() for a in edit.actions()]


def test_undo_and_redo_a_cell_with_the_keys(window: PanelWindow, qtbot) -> None:
    page = judges_page(window)
    entry = first_entries(page)[0]
    me = judge_id(page)
    before = audit_actions(window)

    click_cell(qtbot, page, entry)
    assert (me, entry) in on_file(window)[0]
    assert window.undo_action.text() == f"&Undo assign {JUDGE} to {entry}"

    press(Qt.Key.Key_Z, CTRL)
    assert (me, entry) not in on_file(window)[0]
    assert not page.matrix_model.matrix.cell(entry, me).assigned
    assert window.redo_action.text() == f"&Redo assign {JUDGE} to {entry}"
    assert not window.undo_action.isEnabled()

    press(Qt.Key.Key_Z, CTRL_SHIFT)
    assert (me, entry) in on_file(window)[0]
    assert page.matrix_model.matrix.cell(entry, me).assigned
    # One new audit record for the click, the undo and the redo; none taken away.
    assert audit_actions(window) == before + ["entry assigned", "entry unassigned",
                                              "entry assigned"]
    assert window.store.audit_problems() == []


def test_undo_of_an_unassignment_gives_the_entry_back(window: PanelWindow, qtbot) -> None:
    page = judges_page(window)
    entry = first_entries(page)[0]
    me = judge_id(page)
    click_cell(qtbot, page, entry)
    click_cell(qtbot, page, entry)  # second click takes it away again
    assert (me, entry) not in on_file(window)[0]
    assert f"&Undo unassign {JUDGE} from {entry}" in menu_texts(window)

    press(Qt.Key.Key_Z, CTRL)
    assert (me, entry) in on_file(window)[0]
    assert window.undo_action.text() == f"&Undo assign {JUDGE} to {entry}"


def test_undoing_a_conflict_removes_it_and_reassigns_the_entry(window: PanelWindow,
                                                               qtbot) -> None:
    page = judges_page(window)
    assigned, unassigned = first_entries(page)
    me = judge_id(page)
    click_cell(qtbot, page, assigned)
    assert page.record_conflict(me, assigned, "Line manager of the nominee")
    assert page.record_conflict(me, unassigned, "Co-author")
    assignments, conflicts = on_file(window)
    assert (me, assigned) not in assignments  # recording the conflict took the entry away
    assert {(me, assigned), (me, unassigned)} <= conflicts
    assert window.undo_action.text() == (
        f"&Undo record conflict between {JUDGE} and {unassigned}")
    before = audit_actions(window)

    press(Qt.Key.Key_Z, CTRL)  # the conflict on an entry they never had: nothing to give back
    assignments, conflicts = on_file(window)
    assert (me, unassigned) not in conflicts and (me, unassigned) not in assignments
    press(Qt.Key.Key_Z, CTRL)  # the conflict on the entry they had: it comes back to them
    assignments, conflicts = on_file(window)
    assert (me, assigned) not in conflicts and (me, assigned) in assignments
    assert page.matrix_model.matrix.cell(assigned, me).assigned
    assert audit_actions(window) == before + ["conflict removed", "conflict removed",
                                              "entry assigned"]

    press(Qt.Key.Key_Z, CTRL_SHIFT)  # redo: the conflict again, the entry taken away again
    assignments, conflicts = on_file(window)
    assert (me, assigned) in conflicts and (me, assigned) not in assignments
    reason = window.store.rows("SELECT reason FROM conflicts WHERE judge = ? AND entry = ?",
                               [me, assigned])[0]["reason"]
    assert reason == "Line manager of the nominee"


def test_undoing_a_removed_conflict_records_it_again(window: PanelWindow, qtbot) -> None:
    page = judges_page(window)
    entry = first_entries(page)[0]
    me = judge_id(page)
    assert page.record_conflict(me, entry, "Sister works on the team")
    click_cell(qtbot, page, entry)  # refused (in conflict): nothing to undo for the click
    assert "conflict of interest" in page.notice.text()
    assert window.undo_action.text().startswith("&Undo record conflict")
    page.remove_selected_conflict()  # the cell clicked is the current one
    assert (me, entry) not in on_file(window)[1]

    press(Qt.Key.Key_Z, CTRL)
    assert (me, entry) in on_file(window)[1]
    assert page.matrix_model.matrix.cell(entry, me).conflict == "Sister works on the team"
    assert window.redo_action.text() == f"&Redo remove conflict between {JUDGE} and {entry}"


def test_a_refused_undo_is_said_on_the_page_and_the_stack_stays_usable(
        window: PanelWindow, qtbot) -> None:
    page = judges_page(window)
    scored, other = first_entries(page)
    me = judge_id(page)
    click_cell(qtbot, page, scored)
    # The judge's scores for it reach the panel file (as another JudgePanel would write them).
    store = open_panel(window.path)
    try:
        section = panel_award(store, LST).sections[0]
        Judging.for_judge(store, me).set_score(scored, section.id, 7)
    finally:
        store.close()
    before = audit_actions(window)

    press(Qt.Key.Key_Z, CTRL)
    assert "Not undone" in page.notice.text() and "already scored" in page.notice.text()
    assert (me, scored) in on_file(window)[0]
    assert audit_actions(window) == before  # a refusal writes nothing
    assert window.undo_action.text() == f"&Undo assign {JUDGE} to {scored}"
    assert not window.redo_action.isEnabled()

    click_cell(qtbot, page, other)
    press(Qt.Key.Key_Z, CTRL)
    assert (me, other) not in on_file(window)[0]
    assert window.undo_action.text() == f"&Undo assign {JUDGE} to {scored}"
    press(Qt.Key.Key_Z, CTRL_SHIFT)
    assert (me, other) in on_file(window)[0]


def test_reload_and_merge_clear_the_history(window: PanelWindow, qtbot,
                                            tmp_path: Path) -> None:
    page = judges_page(window)
    entry, second = first_entries(page)
    click_cell(qtbot, page, entry)
    assert window.undo_action.isEnabled()
    press(Qt.Key.Key_F5)
    assert not window.undo_action.isEnabled() and window.undo_action.text() == "&Undo"

    click_cell(qtbot, page, entry)  # unassign, undoable again
    click_cell(qtbot, page, second)  # assign: the judge has one entry for their pack
    assert window.undo_action.isEnabled()
    (tmp_path / "packs").mkdir()
    pack = next(p for p in packs_for(window.path, tmp_path / "packs") if score_pack(p))
    task = window.page("Packs").merge([pack])
    assert task is not None
    qtbot.waitUntil(lambda: task.done, timeout=30000)
    qtbot.waitUntil(lambda: not window.undo_action.isEnabled())
    assert window.undo_action.text() == "&Undo"


def test_a_refused_redo_leaves_the_change_to_redo(window: PanelWindow, qtbot) -> None:
    page = judges_page(window)
    entry = first_entries(page)[0]
    me = judge_id(page)
    click_cell(qtbot, page, entry)
    press(Qt.Key.Key_Z, CTRL)
    store = open_panel(window.path)  # meanwhile a conflict is recorded in the file
    try:
        record_conflict(store, next(j for j in page.judges if j.id == me), entry, "Mentor",
                        who="test")
    finally:
        store.close()

    press(Qt.Key.Key_Z, CTRL_SHIFT)
    assert "Not redone" in page.notice.text()
    assert (me, entry) not in on_file(window)[0]
    assert window.redo_action.text() == f"&Redo assign {JUDGE} to {entry}"
    assert not window.undo_action.isEnabled()
