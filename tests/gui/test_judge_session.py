"""A judge's whole session, driven through the real window by keyboard."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from keys import activate, focused, press, type_text, written
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from judgepanel.core.packs import open_pack
from judgepanel.core.scoring import Judging
from judgepanel.gui.scoring_panel import CommentBox, ScoreBox

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
# The offscreen platform warns whenever any main window is shown; nothing of ours.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
ACCENTED = "Zoë’s café model — très bien; naïve façade avoided. Ł"


def digit_key(value: int) -> Qt.Key:
    return Qt.Key(Qt.Key.Key_0.value + value)


def pack_state(path: Path) -> dict:
    with open_pack(path) as store:
        judging = Judging.for_pack(store)
        entries = [r["id"] for r in store.rows("SELECT id FROM entries ORDER BY id")]
        return {e: {"status": judging.status(e), "scores": judging.scores(e),
                    "review": judging.review(e)} for e in entries}


def test_a_judges_whole_session_by_keyboard(open_judge_window, pack_path, qtbot):
    window = open_judge_window(pack_path)
    activate(window, qtbot)
    panel = window.ui.scoringPanel
    assert window.current == "E-101"
    assert "0 of 6 complete" in window.ui.progressLabel.text()
    assert isinstance(focused(), ScoreBox)  # ready to score at once

    # Score every section of three entries by digit keys, comment, mark complete, move on.
    given: dict[str, dict[str, int]] = {}
    for number, entry in enumerate(("E-101", "E-102", "E-103")):
        assert window.current == entry
        given[entry] = {}
        for position, section in enumerate(panel.cards):
            value = (number + position + 4) % 10
            press(digit_key(value))
            given[entry][section] = value
            press(Qt.Key.Key_Down, ALT)  # next section
        press(Qt.Key.Key_F2)  # the current section's comment
        assert isinstance(focused(), CommentBox)
        type_text(f"Entry {entry}: " + ACCENTED)
        press(Qt.Key.Key_Return, CTRL)  # mark complete
        written(window)
        assert window.model.entry(entry).status == "complete", panel.message.text()
        press(Qt.Key.Key_Down, CTRL)  # next entry
    assert "3 of 6 complete" in window.ui.progressLabel.text()

    # "1" then "0" quickly is ten; undo takes it back in one step, redo restores it.
    assert window.current == "E-104"
    press(Qt.Key.Key_1)
    press(Qt.Key.Key_0)
    first = next(iter(panel.cards))
    written(window)
    assert window.judging.scores("E-104")[first]["value"] == 10
    press(Qt.Key.Key_Z, CTRL)
    written(window)
    assert window.judging.scores("E-104").get(first, {}).get("value") is None
    assert panel.cards[first].score.score() is None
    press(Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    written(window)
    assert window.judging.scores("E-104")[first]["value"] == 10

    # A comment typed in pieces is one undo step; the undo reaches the file.
    press(Qt.Key.Key_F2)
    type_text("A first thought, later withdrawn")
    qtbot.waitUntil(lambda: window.judging.scores("E-104")[first]["comment"] != "")
    press(Qt.Key.Key_Z, CTRL)
    assert panel.cards[first].comment.toPlainText() == ""
    qtbot.waitUntil(lambda: window.judging.scores("E-104")[first]["comment"] == "",
                    timeout=2000)

    # Complete is refused while sections are unscored, and the message names them.
    press(Qt.Key.Key_Return, CTRL)
    message = panel.message.text()
    assert "Not yet complete" in message and "Q2" in message and "Q5" in message
    assert window.model.entry("E-104").status == "in progress"

    # Undo also works across entries: back on E-103, undo the complete mark... then redo.
    # Declare a conflict on the next entry with a reason: it leaves the scoring list.
    press(Qt.Key.Key_Down, CTRL)
    assert window.current == "E-105"
    press(Qt.Key.Key_D, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.conflict_dialog
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: focused() is dialog.ui.reasonEdit)
    assert not dialog.ok.isEnabled()
    type_text("I mentored the nominee in 2024")
    assert dialog.ok.isEnabled()
    qtbot.mouseClick(dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.entry("E-105").status == "conflict")
    listed = [window.list_proxy.index(r, 0).data() for r in range(window.list_proxy.rowCount())]
    assert "E-105" not in listed and window.conflict_proxy.rowCount() == 1
    assert window.ui.conflictList.isVisibleTo(window)
    assert "3 of 5 complete" in window.ui.progressLabel.text()
    assert window.saved_label.text().startswith("Saved at ")

    window.close()
    state = pack_state(pack_path)
    for entry, scores in given.items():
        assert state[entry]["status"] == "complete"
        assert {s: int(r["value"]) for s, r in state[entry]["scores"].items()} == scores
        last = list(scores)[-1]
        assert state[entry]["scores"][last]["comment"] == f"Entry {entry}: " + ACCENTED
    assert state["E-104"]["scores"][first]["value"] == 10
    assert state["E-104"]["scores"][first]["comment"] == ""
    assert state["E-105"]["status"] == "conflict" and state["E-105"]["scores"] == {}
    with sqlite3.connect(pack_path) as conn:
        reason = conn.execute("SELECT reason FROM conflicts WHERE entry='E-105'").fetchone()
    assert reason == ("I mentored the nominee in 2024",)


def test_reopening_shows_everything_as_left(open_judge_window, pack_path, qtbot):
    window = open_judge_window(pack_path)
    activate(window, qtbot)
    panel = window.ui.scoringPanel
    press(Qt.Key.Key_7)
    press(Qt.Key.Key_F2)
    type_text("Señora Núñez’s evidence is strong")
    press(Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)  # the overall comment
    type_text("Überzeugend overall")
    window.close()

    again = open_judge_window(pack_path)
    first = next(iter(again.ui.scoringPanel.cards))
    card = again.ui.scoringPanel.cards[first]
    assert again.current == "E-101"
    assert card.score.score() == 7
    assert card.comment.toPlainText() == "Señora Núñez’s evidence is strong"
    assert again.ui.scoringPanel.overall.toPlainText() == "Überzeugend overall"
    assert "in progress (1 of 5)" in again.model.index(0, 2).data()
    assert panel is not again.ui.scoringPanel


def test_search_and_status_filter(open_judge_window, pack_path, qtbot):
    window = open_judge_window(pack_path)
    activate(window, qtbot)
    press(Qt.Key.Key_F, CTRL)
    assert focused() is window.ui.searchBox
    type_text("Okafor")  # a nominee's name
    ids = [window.list_proxy.index(r, 0).data() for r in range(window.list_proxy.rowCount())]
    assert ids == ["E-104"]
    window.ui.searchBox.clear()
    type_text("readmissions dashboard")  # words from the answers, in any order
    assert window.list_proxy.rowCount() == 6
    window.ui.searchBox.clear()
    type_text("nothing-like-this-anywhere")
    assert window.list_proxy.rowCount() == 0
    window.ui.searchBox.clear()
    window.ui.statusFilter.setCurrentIndex(3)  # complete
    assert window.list_proxy.rowCount() == 0
    window.ui.statusFilter.setCurrentIndex(1)  # not started
    assert window.list_proxy.rowCount() == 6
    with sqlite3.connect(pack_path) as conn:  # the pack's schema is unchanged by search
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert not any("fts" in t or "entry_text" in t for t in tables)


def test_selecting_a_section_brings_it_into_view_in_the_other_pane(open_judge_window,
                                                                     pack_path, qtbot):
    window = open_judge_window(pack_path)
    activate(window, qtbot)
    view, panel = window.ui.entryView, window.ui.scoringPanel
    assert view.verticalScrollBar().value() == 0
    press(Qt.Key.Key_Down, ALT)
    press(Qt.Key.Key_Down, ALT)
    press(Qt.Key.Key_Down, ALT)
    assert panel.current_section == "Q4"
    assert view.verticalScrollBar().value() > 0
    view.anchorClicked.emit(view.document().baseUrl().resolved("section:Q2"))
    assert panel.current_section == "Q2"
    assert panel.cards["Q2"].score.hasFocus()


def test_word_counts_and_overruns_are_shown_in_words(open_judge_window, pack_path):
    window = open_judge_window(pack_path)
    text = window.ui.entryView.toPlainText()
    assert "Relationships and connectivity" in text and "Guidance" in text
    assert "over the 500-word limit" in text  # E-101's answers run long
    window.step_entry(1)
    assert "of 500 words" in window.ui.entryView.toPlainText()


def test_return_scores_saves_a_copy_the_panel_can_merge(open_judge_window, pack_path,
                                                         tmp_path, qtbot):
    window = open_judge_window(pack_path)
    activate(window, qtbot)
    for _ in range(5):
        press(Qt.Key.Key_8)
        press(Qt.Key.Key_Down, ALT)
    press(Qt.Key.Key_Return, CTRL)
    press(Qt.Key.Key_R, CTRL)
    dialog = window.returning.dialog
    qtbot.waitExposed(dialog)
    assert "1 of 6 entries complete" in dialog.ui.summary.text()
    assert "E-102" in dialog.ui.details.toPlainText()
    dialog.accept()
    files = window.returning.file_dialog
    target = tmp_path / "returned" / "Anna Kowalska scores.judgepack"
    target.parent.mkdir()
    files.selectFile(str(target))
    files.accept()
    qtbot.waitUntil(target.exists)
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    from judgepanel.core.merge import merge_packs
    from judgepanel.core.panel import open_panel
    with open_panel(tmp_path / "sample.judgepanel") as panel:
        merge_packs(panel, [target])
        merged = panel.rows("SELECT value FROM scores WHERE entry = 'E-101'")
    assert [r["value"] for r in merged] == [8.0] * 5


def test_backups_rotate_and_one_is_made_on_close(open_judge_window, pack_path, settings,
                                                  qtbot):
    from datetime import datetime, timedelta

    from judgepanel.gui.autosave import backup_pack

    window = open_judge_window(pack_path)
    activate(window, qtbot)
    press(Qt.Key.Key_6)
    written(window)
    folder = settings.backup_folder
    start = datetime(2026, 1, 5, 14, 0, 0)  # earlier than today: older backups
    for minutes in range(7):
        backup_pack(pack_path, folder, when=start + timedelta(minutes=5 * minutes))
    assert len(list(folder.glob("*.judgepack"))) == 5
    window.close()
    backups = sorted(folder.glob("*.judgepack"))
    assert len(backups) == 5
    newest = max(backups, key=lambda p: p.stat().st_mtime)
    with sqlite3.connect(newest) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT value FROM scores").fetchall() == [(6.0,)]


def test_help_overlay_lists_the_shortcuts(open_judge_window, pack_path, qtbot):
    window = open_judge_window(pack_path)
    activate(window, qtbot)
    press(Qt.Key.Key_F1)
    assert window.help.isVisible()
    text = window.help.label.text()
    for words in ("Next entry", "Ctrl+Down", "Mark complete", "Ctrl+Return", "F2", "0 – 9"):
        assert words in text
    press(Qt.Key.Key_Escape)
    assert not window.help.isVisible()
    menu_texts = [a.shortcut().toString() for a in window.actions_by_name.values()]
    assert "Ctrl+Down" in menu_texts and "Ctrl+Return" in menu_texts


def test_undo_brings_back_the_entry_it_changed(open_judge_window, pack_path, qtbot):
    window = open_judge_window(pack_path)
    activate(window, qtbot)
    press(Qt.Key.Key_9)
    press(Qt.Key.Key_Down, CTRL)
    assert window.current == "E-102"
    press(Qt.Key.Key_Z, CTRL)
    written(window)
    assert window.current == "E-101"  # the judge sees what the undo changed
    assert window.ui.scoringPanel.cards["Q1"].score.score() is None
    assert window.judging.scores("E-101").get("Q1", {}).get("value") is None
    assert window.model.entry("E-101").status == "not started"


def test_typing_reaches_the_file_within_a_second(open_judge_window, pack_path, qtbot):
    window = open_judge_window(pack_path)
    activate(window, qtbot)
    press(Qt.Key.Key_F2)
    type_text("Written while the train goes into a tunnel")
    typed_at = time.monotonic()

    def on_disk() -> str:
        with sqlite3.connect(f"file:{pack_path}?mode=ro", uri=True) as conn:
            row = conn.execute("SELECT comment FROM scores WHERE entry='E-101' "
                               "AND section='Q1'").fetchone()
        return row[0] if row else ""

    qtbot.waitUntil(lambda: on_disk() == "Written while the train goes into a tunnel",
                    timeout=1000)
    assert time.monotonic() - typed_at < 1.0
    qtbot.waitUntil(lambda: window.saved_label.text().startswith("Saved at "))


def test_evidence_tags_are_saved_with_the_review(open_judge_window, pack_path, qtbot):
    window = open_judge_window(pack_path)
    panel = window.ui.scoringPanel
    assert panel.tags_box.isVisibleTo(window), "the Systems Leadership framework is not shipped"
    panel.tag_filter.setText("resilience")
    assert 0 < panel.tag_proxy.rowCount() < panel.tag_model.rowCount()
    index = panel.tag_proxy.mapToSource(panel.tag_proxy.index(0, 0))
    panel.tag_model.setData(index, Qt.CheckState.Checked.value,
                            Qt.ItemDataRole.CheckStateRole)
    tag = panel.tag_model.checked()
    written(window)
    assert window.judging.review("E-101")["tags"] == tag
    window.step_entry(1)
    assert panel.tag_model.checked() == []
    window.step_entry(-1)
    assert panel.tag_model.checked() == tag
