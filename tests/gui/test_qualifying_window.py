"""The judge's window on a later round's pack: the round's name in the title and above the
list; on a qualifying round's pack, Pass / Fail (keys P and F) with a reason required on a
fail, each saved in the file at once and counted in the progress."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from keys import activate, focused, press, type_text
from PySide6.QtCore import Qt

from judgepanel.core.awards import Award, Scale, Section
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge
from judgepanel.core.panel import create_panel
from judgepanel.core.promotion import promote
from judgepanel.core.qualifying_packs import make_qualifying_pack
from judgepanel.core.round_definitions import RoundSpec
from judgepanel.core.round_packs import assign_round, make_round_pack
from judgepanel.core.rounds import add_round, close_round

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform noise
AWARD = Award(id="prize", name="The Prize", scale=Scale(0, 10, 1),
              sections=(Section("Q1", "Impact", "What changed, and for whom?"),))
ENTRIES = ("E-1", "E-2", "E-3")


def later_round_pack(folder: Path, kind: str) -> Path:
    """Ann's pack for round 2 of the award: a qualifying check or a scored final."""
    name = "Eligibility check" if kind == "qualifying" else "Final"
    with create_panel(folder / "p.judgepanel", "NHS Leadership Awards 2026", [AWARD]) as panel:
        upsert_entries(panel, [EntryRecord(e, "prize", title=f"Ward project {e}",
                                           answers={"Q1": f"What {e} changed on the ward."})
                               for e in ENTRIES])
        ann = add_judge(panel, "Ann Ward")
        add_round(panel, "prize", RoundSpec("two", name, kind,
                                            pass_rule="majority" if kind == "qualifying"
                                            else ""))
        close_round(panel, "prize", "judging")
        promote(panel, "prize", "two", "All three go on", entries=list(ENTRIES))
        assign_round(panel, "prize", "two", ann)
        pack = folder / "Ann Ward.judgepack"
        if kind == "qualifying":
            make_qualifying_pack(panel, "prize", "two", ann, pack, passphrase=None)
        else:
            make_round_pack(panel, "prize", "two", ann, pack)
    return pack


def votes_in_file(pack: Path) -> dict[str, tuple[int, str]]:
    """The votes the file holds; a cleared vote is kept as a signed fail with no reason."""
    conn = sqlite3.connect(pack)  # another connection: what a killed window would leave
    try:
        return {r[0]: (r[1], r[2]) for r in conn.execute(
            "SELECT entry, passed, reason FROM round_votes") if (r[1], r[2]) != (0, "")}
    finally:
        conn.close()


def test_p_and_f_vote_a_fail_waits_for_its_reason_and_each_is_in_the_file(
        qtbot: object, tmp_path: Path, open_judge_window: Callable[..., object]) -> None:
    pack = later_round_pack(tmp_path, "qualifying")
    window = open_judge_window(pack)
    assert "Eligibility check — round 2 of the award" in window.windowTitle()  # type: ignore
    ui = window.ui  # type: ignore[attr-defined]
    panel = window.vote_panel  # type: ignore[attr-defined]
    assert ui.roundLabel.isVisible() and "Qualifying round" in ui.roundLabel.text()
    assert panel.isVisible() and not ui.scoringPanel.isVisible()
    assert "0 of 3 decided" in ui.progressLabel.text()

    activate(window, qtbot)  # type: ignore[arg-type]
    ui.entryList.setFocus()
    press(Qt.Key.Key_P)
    window.writer.wait()  # type: ignore[attr-defined]
    assert votes_in_file(pack) == {"E-1": (1, "")}
    assert "1 of 3 decided" in ui.progressLabel.text()
    assert panel.ui.passButton.isChecked()

    window.step_entry(1)  # type: ignore[attr-defined]
    assert focused() is panel.ui.passButton  # the next entry: ready for P or F
    press(Qt.Key.Key_F)
    assert panel.ui.failButton.isChecked() and focused() is panel.ui.reason
    assert "a fail needs a reason" in panel.ui.decision.text()
    window.writer.wait()  # type: ignore[attr-defined]
    assert "E-2" not in votes_in_file(pack)  # no fail without its reason, ever
    assert "1 of 3 decided" in ui.progressLabel.text()
    type_text("Outside the award's dates: pf")  # P and F are letters in the reason box
    qtbot.waitUntil(lambda: not window.reason_timer.isActive())  # type: ignore
    window.writer.wait()  # type: ignore[attr-defined]
    assert votes_in_file(pack) == {"E-1": (1, ""), "E-2": (0, "Outside the award's dates: pf")}
    assert panel.ui.failButton.isChecked()
    assert "2 of 3 decided" in ui.progressLabel.text()
    assert ui.entryList.model().index(1, 2).data() == "fail"

    # Undo (Ctrl+Z) takes back the typed reason in one step, then the fail itself
    press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    window.writer.wait()  # type: ignore[attr-defined]
    assert "E-2" not in votes_in_file(pack) and panel.reason() == ""
    press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not panel.ui.failButton.isChecked() and not panel.ui.passButton.isChecked()
    for _ in range(2):  # Redo brings both back
        window.actions_by_name["redo"].trigger()  # type: ignore[attr-defined]
    window.writer.wait()  # type: ignore[attr-defined]
    assert votes_in_file(pack)["E-2"] == (0, "Outside the award's dates: pf")

    # a changed mind: E-1 fails too, then is cleared back to undecided
    window.show_entry("E-1")  # type: ignore[attr-defined]
    assert panel.ui.passButton.isChecked() and panel.reason() == ""
    qtbot.mouseClick(panel.ui.clearButton, Qt.MouseButton.LeftButton)  # type: ignore
    window.writer.wait()  # type: ignore[attr-defined]
    assert "E-1" not in votes_in_file(pack)
    assert "1 of 3 decided" in ui.progressLabel.text()

    window.return_scores()  # type: ignore[attr-defined]  # the summary speaks of decisions
    dialog = window.returning.dialog  # type: ignore[attr-defined]
    assert "1 of 3 entries decided" in dialog.ui.summary.text()
    assert "E-1 Ward project E-1: not decided" in dialog.ui.details.toPlainText()
    dialog.reject()


def test_the_votes_come_back_when_the_pack_is_opened_again(
        qtbot: object, tmp_path: Path, open_judge_window: Callable[..., object]) -> None:
    pack = later_round_pack(tmp_path, "qualifying")
    window = open_judge_window(pack)
    window.choose_vote(True)  # type: ignore[attr-defined]
    window.close()  # type: ignore[attr-defined]
    again = open_judge_window(pack)
    assert "1 of 3 decided" in again.ui.progressLabel.text()  # type: ignore[attr-defined]
    assert again.vote_panel.ui.passButton.isChecked()  # type: ignore[attr-defined]


def test_a_later_scored_rounds_pack_shows_its_round(
        qtbot: object, tmp_path: Path, open_judge_window: Callable[..., object]) -> None:
    window = open_judge_window(later_round_pack(tmp_path, "scored"))
    assert "Final — round 2 of the award" in window.windowTitle()  # type: ignore
    ui = window.ui  # type: ignore[attr-defined]
    assert ui.roundLabel.isVisible() and "Final — round 2 of the award" in ui.roundLabel.text()
    assert ui.scoringPanel.isVisible() and not window.vote_panel.isVisible()  # type: ignore


def test_a_first_round_pack_shows_no_round(
        qtbot: object, pack_path: Path, open_judge_window: Callable[..., object]) -> None:
    window = open_judge_window(pack_path)
    assert not window.ui.roundLabel.isVisible()  # type: ignore[attr-defined]
    assert "round" not in window.windowTitle()  # type: ignore[attr-defined]


def test_a_qualifying_pack_lists_p_and_f_in_the_help_and_shows_no_scale(
        qtbot: object, tmp_path: Path, open_judge_window: Callable[..., object]) -> None:
    window = open_judge_window(later_round_pack(tmp_path, "qualifying"))
    activate(window, qtbot)  # type: ignore[arg-type]
    press(Qt.Key.Key_F1)
    help_overlay = window.help  # type: ignore[attr-defined]
    assert help_overlay.isVisible()
    text = help_overlay.label.text()
    assert "<b>P</b>" in text and "Pass the entry on show" in text
    assert "<b>F</b>" in text and "Fail the entry on show" in text
    for scoring_only in ("0 – 9", "Score the current section", "Mark complete"):
        assert scoring_only not in text
    press(Qt.Key.Key_Escape)
    assert not help_overlay.isVisible()
    answers = window.ui.entryView.toPlainText()  # type: ignore[attr-defined]
    assert "What E-1 changed on the ward." in answers
    assert "scored" not in answers and "0 to 10" not in answers


def test_a_later_scored_rounds_pack_keeps_the_scale_and_digit_keys(
        qtbot: object, tmp_path: Path, open_judge_window: Callable[..., object]) -> None:
    window = open_judge_window(later_round_pack(tmp_path, "scored"))
    assert "scored 0 to 10" in window.ui.entryView.toPlainText()  # type: ignore[attr-defined]
    text = window.help.label.text()  # type: ignore[attr-defined]
    assert "0 – 9" in text and "Pass the entry on show" not in text
