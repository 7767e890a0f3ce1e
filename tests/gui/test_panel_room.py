"""The panel room driven as a chair drives it: digits type the agreed score and it is in the
file at once, Tab goes section by section to the note, Page Down shows the next entry, undo
puts the previous value back in the file, the timer runs per entry, the projector shows the
agreed scores and no judge until the chair switches that on, and a closed round refuses."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from keys import activate, focused, press, type_text
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from room_panels import JUDGES, room_panel

from judgepanel.core.consensus import consensus_sheet
from judgepanel.core.judge_fields import choose_judge_fields
from judgepanel.core.panel import open_panel
from judgepanel.core.rounds import close_round
from judgepanel.gui.panel_room import MAX_WAIT_MS, PanelRoom

CTRL = Qt.KeyboardModifier.ControlModifier
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def saved(panel: Path, entry: str) -> dict:
    """What the file says, read on a fresh connection as another program would."""
    with open_panel(panel) as store:
        return consensus_sheet(store, "prize", "final", entry)


@pytest.fixture
def panel(tmp_path: Path) -> Path:
    return room_panel(tmp_path)


@pytest.fixture
def open_room(qtbot) -> Iterator[Callable[..., PanelRoom]]:
    opened: list[PanelRoom] = []

    def open_(path: Path, **kwargs: str) -> PanelRoom:
        room = PanelRoom(path, **kwargs)
        qtbot.addWidget(room)
        room.show()
        activate(room, qtbot)
        opened.append(room)
        return room

    yield open_
    for room in opened:
        room.close()


def test_digits_save_the_score_at_once_and_tab_goes_section_by_section(panel: Path,
                                                                       open_room) -> None:
    room = open_room(panel)
    assert room.entries == ["A", "B", "C"] and room.current == "A"
    talk, answers = room.boxes["talk"], room.boxes["answers"]
    assert focused() is talk  # the first section is ready for the chair's digits
    type_text("8")
    assert saved(panel, "A")["scores"] == {"talk": 8}
    press(Qt.Key.Key_Tab)
    assert focused() is answers
    type_text("7")
    assert saved(panel, "A")["scores"] == {"talk": 8, "answers": 7}
    assert "Agreed total: 73.3 of 100" in room.ui.total_label.text()  # (80 + 2 × 70) / 3
    press(Qt.Key.Key_Tab)
    assert focused() is room.ui.note
    type_text("Clear evidence of change")
    # the note is saved within a second of typing, without leaving the box
    QTest.qWait(MAX_WAIT_MS + 200)
    assert saved(panel, "A")["note"] == "Clear evidence of change"
    assert room.ui.saved_label.text().startswith("Saved ")


def test_page_down_and_page_up_move_between_entries(panel: Path, open_room) -> None:
    room = open_room(panel)
    type_text("9")
    press(Qt.Key.Key_PageDown)  # from inside the score box: the entry, not the score, moves
    assert room.current == "B" and room.ui.position_label.text() == "Entry 2 of 3"
    assert "B: Discharge to assess" in room.ui.entry_title.text()
    assert focused() is room.boxes["talk"] and room.boxes["talk"].score() is None
    type_text("5")
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Tab)
    assert focused() is room.ui.note
    press(Qt.Key.Key_PageUp)  # from the note as well
    assert room.current == "A" and room.boxes["talk"].score() == 9
    assert saved(panel, "A")["scores"] == {"talk": 9}
    assert saved(panel, "B")["scores"] == {"talk": 5}
    # beside the entry: its first round, with rank, score, spread and flags from core
    lines = room.earlier_lines("A")
    assert [(x.round, x.rank, x.score, x.judges) for x in lines] == [
        ("Judging", "1 of 5", "75.0", "2")]
    assert lines[0].spread != "–"
    assert room.ui.earlier_table.item(0, 1).text() == "1 of 5"
    # the round so far: each entry's agreed total once every section has one; a click shows it
    table = room.ui.round_table
    assert [table.item(row, 0).text() for row in range(3)] == ["A", "B", "C"]
    assert table.item(0, 2).text() == "–"
    press(Qt.Key.Key_Tab)
    type_text("6")
    assert table.item(0, 2).text() == "70.0" and table.item(0, 3).text() == "1"
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(2, 1)).center())
    assert room.current == "C"


def test_undo_and_redo_put_the_values_back_in_the_file(panel: Path, open_room) -> None:
    room = open_room(panel)
    type_text("6")
    QTest.qWait(900)  # a second digit later is a new score, not "67"
    type_text("7")
    assert saved(panel, "A")["scores"] == {"talk": 7}
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Tab)
    type_text("Good")
    press(Qt.Key.Key_PageDown)
    assert saved(panel, "A")["note"] == "Good"  # leaving the entry saves the note at once
    press(Qt.Key.Key_Z, CTRL)  # the note, on its entry
    assert room.current == "A" and room.ui.note.toPlainText() == ""
    assert saved(panel, "A")["note"] == ""
    press(Qt.Key.Key_Z, CTRL)
    assert saved(panel, "A")["scores"] == {"talk": 6}
    assert room.boxes["talk"].score() == 6
    press(Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert saved(panel, "A")["scores"] == {"talk": 7} and room.boxes["talk"].score() == 7


def test_the_timer_runs_per_entry(panel: Path, open_room, qtbot) -> None:
    room = open_room(panel)
    QTest.qWait(1100)
    assert room.time_on("A") >= 1.0
    qtbot.waitUntil(lambda: room.ui.timer_label.text() == "On this entry: 0:01", timeout=2000)
    room.next_entry()
    on_a = room.time_on("A")
    assert room.ui.timer_label.text() == "On this entry: 0:00"
    QTest.qWait(300)
    assert room.time_on("A") == on_a  # A's clock stopped while B is shown
    assert room.time_on("B") >= 0.3
    room.previous_entry()  # and goes on from where it stopped
    QTest.qWait(200)
    assert room.time_on("A") >= on_a + 0.2
    assert room.ui.timer_label.text() == "On this entry: 0:01"


def test_the_projector_shows_agreed_scores_and_no_judge_until_switched_on(
        panel: Path, open_room, qtbot) -> None:
    room = open_room(panel)
    projector = room.present()
    qtbot.addWidget(projector)
    assert projector.isFullScreen()
    text = projector.shown_text()
    assert "A  Frailty hub" in text and "Trust A NHS Foundation Trust" in text
    assert "Presentation" in text and "Answers to the panel's questions" in text
    activate(room, qtbot)
    room.boxes["talk"].setFocus()
    type_text("8")
    assert "8" in [label.text() for label in projector.findChildren(type(room.ui.message))
                   if not label.isHidden()]
    room.ui.note.setFocus()
    type_text("Agreed in the room")
    assert "Agreed in the room" in projector.shown_text()
    for name in JUDGES:
        assert name not in projector.shown_text()
    assert "80.0" not in projector.shown_text()  # nor a judge's own total
    room.ui.show_judges.setChecked(True)
    assert f"{JUDGES[0]} 80.0" in projector.shown_text()
    room.ui.show_judges.setChecked(False)
    assert JUDGES[0] not in projector.shown_text()
    projector.activateWindow()
    QTest.keyClick(projector, Qt.Key.Key_Escape)
    assert not projector.isVisible() and room.projector is None
    # Escape in the room closes it too (the projector is on another screen)
    again = room.present()
    qtbot.addWidget(again)
    activate(room, qtbot)
    room.boxes["answers"].setFocus()  # typing scores, as the chair will be
    press(Qt.Key.Key_Escape)
    assert not again.isVisible() and room.ui.present_button.text() == "&Present"


def test_hidden_organisation_stays_off_the_projector(panel: Path, open_room, qtbot) -> None:
    with open_panel(panel) as store:
        choose_judge_fields(store, "prize", ["organisation"], [], who="Coordinator")
    room = open_room(panel)
    projector = room.present()
    qtbot.addWidget(projector)
    assert "Trust A" not in projector.shown_text()
    assert "Trust A" not in room.ui.entry_details.text()
    projector.close()


def test_a_closed_round_refuses_with_a_message(panel: Path, open_room) -> None:
    room = open_room(panel)
    type_text("5")
    with open_panel(panel) as store:  # closed meanwhile, from the panel window or a script
        close_round(store, "prize", "final", who="Coordinator")
    room.boxes["answers"].setFocus()
    type_text("4")
    assert "is closed" in room.message and "nothing more can be recorded" in room.message
    assert saved(panel, "A")["scores"] == {"talk": 5}
    assert not room.boxes["talk"].isEnabled() and room.ui.note.isReadOnly()
    room.close()

    again = open_room(panel)
    assert again.round is not None and again.round.closed
    assert "Round 'Final' of award 'The Prize' is closed" in again.message
    assert not again.boxes["talk"].isEnabled() and again.boxes["talk"].score() == 5


def test_a_panel_without_a_consensus_round_says_what_to_do(tmp_path: Path, open_room) -> None:
    from coordinator_panels import coordinator_panel

    room = open_room(coordinator_panel(tmp_path / "p.judgepanel"))
    assert "No award of this panel has a consensus round" in room.message
    assert room.entries == [] and not room.ui.next_button.isEnabled()


def test_the_panel_window_opens_the_room_when_a_consensus_round_is_open(
        panel: Path, tmp_path: Path, qtbot) -> None:
    from coordinator_panels import coordinator_panel, scratch_settings

    from judgepanel.gui.panel_window import PanelWindow

    window = PanelWindow(panel, scratch_settings(tmp_path))
    qtbot.addWidget(window)
    action = window.panel_room_action
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Panel")
    menu.aboutToShow.emit()
    assert action.isEnabled()
    action.trigger()
    room = window.findChild(PanelRoom)
    assert room is not None and room.isVisible() and room.current == "A"
    activate(room, qtbot)
    room.ui.note.setFocus()
    type_text("Typed as the window closed")
    window.close()  # takes the room with it, and what was typed is saved first
    assert not room.isVisible()
    assert saved(panel, "A")["note"] == "Typed as the window closed"

    other = PanelWindow(coordinator_panel(tmp_path / "p.judgepanel"), scratch_settings(tmp_path))
    qtbot.addWidget(other)
    menu = next(a.menu() for a in other.menuBar().actions() if a.text() == "&Panel")
    menu.aboutToShow.emit()
    assert not other.panel_room_action.isEnabled()
    other.close()


def test_the_chair_chooses_the_round_when_there_are_several(panel: Path, open_room) -> None:
    from judgepanel.core.round_definitions import RoundSpec
    from judgepanel.core.rounds import add_round

    with open_panel(panel) as store:
        add_round(store, "prize", RoundSpec("ceremony", "Ceremony vote", "consensus"),
                  who="Coordinator")
    room = open_room(panel)
    combo = room.ui.round_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Final", "Ceremony vote"]
    assert room.round is not None and room.round.id == "final" and room.current == "A"
    combo.setCurrentIndex(1)
    assert room.round.id == "ceremony" and room.entries == []
    assert "No entries have been promoted into round 'Ceremony vote'" in room.message
    combo.setCurrentIndex(0)
    assert room.current == "A" and room.message == ""
    opened = open_room(panel, award_id="prize", round_id="ceremony")
    assert opened.round is not None and opened.round.id == "ceremony"


def test_an_encrypted_panel_opens_with_the_key_the_window_holds(panel: Path, open_room) -> None:
    from judgepanel.core.file_encryption import encrypt_file, forget_key, hold_key

    key = encrypt_file(panel, "maple otter lantern")
    hold_key(panel, key)  # as the panel window leaves it after the passphrase box
    try:
        room = open_room(panel)
        type_text("9")
        assert room.message == ""
        room.close()
        with open_panel(panel) as store:
            assert consensus_sheet(store, "prize", "final", "A")["scores"] == {"talk": 9}
        assert b"Frailty hub" not in panel.read_bytes()
    finally:
        forget_key(panel)
