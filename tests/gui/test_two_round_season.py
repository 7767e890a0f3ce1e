"""A season in two rounds, run through the panel window as a coordinator and a chair run it:
14 written entries scored by 5 judges, the top 6 promoted with a reason into a consensus final
with sections of its own, the final agreed in the panel room by typing digits, winner, highly
commended and finalists placed, then the ranked report and the certificates written; the
report shows both rounds and each finalist's path through them.

What the judges do in their own windows is tested elsewhere (tests/gui/test_judge_session.py):
here their returned packs are filled through the pack's scoring session, as a judge's window
fills them. Everything else goes through the panel window's own pages, dialogs and keys; a
file dialog is answered as the user would answer it (the path typed in).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from chair_panels import OFFSCREEN_NOISE
from coordinator_panels import scratch_settings
from keys import activate, focused, press, type_text
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QFileDialog, QMessageBox
from two_round_season_plan import (
    AGREED,
    AWARD,
    ENTRIES,
    FINAL_SECTIONS,
    JUDGES,
    PLACED,
    agreed_total,
    first_round_total,
    marks,
    ordinal,
    pdf_text,
)

from judgepanel.core.awards import Award, Scale, Section
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge
from judgepanel.core.packs import open_pack
from judgepanel.core.panel import create_panel
from judgepanel.core.scoring import Judging
from judgepanel.gui.panel_room import PanelRoom
from judgepanel.gui.panel_window import PanelWindow
from judgepanel.gui.ranking_models import ENTRY_ROLE

pytestmark = OFFSCREEN_NOISE
PRIZE = Award(id=AWARD, name="Service Improvement Award", scale=Scale(0, 10, 1),
              sections=(Section("Q1", "Leading the improvement", "What did they lead?"),
                        Section("Q2", "Measuring impact", "How do they know it worked?")))
NOTES = {"E03": "Outstanding, clear evidence of change"}


@pytest.fixture
def new_panel(tmp_path: Path) -> Path:
    """The entries exported from the entry platform and the judges, as a new panel has them."""
    path = tmp_path / "Service Improvement 2026.judgepanel"
    store = create_panel(path, "Service Improvement Awards 2026", [PRIZE])
    upsert_entries(store, [EntryRecord(id=e, award=AWARD, title=f"Ward project {e[1:]}",
                                       nominee=f"Nominee {e}",
                                       organisation=f"Trust {e} NHS Foundation Trust",
                                       answers={"Q1": f"What {e} led.", "Q2": "Measured."})
                           for e in ENTRIES])
    for name in JUDGES:
        add_judge(store, name, role="chair" if name == JUDGES[0] else "judge")
    store.close()
    return path


@pytest.fixture
def window(qtbot, new_panel: Path, tmp_path: Path) -> Iterator[PanelWindow]:
    opened = PanelWindow(new_panel, scratch_settings(tmp_path))
    qtbot.addWidget(opened)
    opened.resize(1400, 900)
    opened.show()
    yield opened
    opened.close()


def answer_next_dialog(fill: Callable[[QDialog], None]) -> list[QDialog]:
    """When the next modal dialog opens, fill it as the user does and press OK."""
    seen: list[QDialog] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog)
        fill(dialog)
        box = dialog.findChild(QDialogButtonBox)
        QTest.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
    return seen


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_fourteen_entries_five_judges_six_finalists_a_consensus_final_and_the_outputs(
        qtbot, window: PanelWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # ----- the Final: a consensus round with its own sections (Results ▸ Rounds…) ----------
    results = window.go_to("Results")
    click(qtbot, results.ui.rounds_button)
    rounds = results.rounds_dialog
    assert rounds is not None and rounds.isVisible()
    sections = tmp_path / "final sections.toml"
    sections.write_text(FINAL_SECTIONS, encoding="utf-8")
    rounds.ui.tabs.setCurrentWidget(rounds.ui.add_tab)
    qtbot.keyClicks(rounds.ui.round_id, "final")
    qtbot.keyClicks(rounds.ui.round_name, "Final")
    rounds.ui.kind.setCurrentIndex(rounds.ui.kind.findData("consensus"))
    qtbot.keyClicks(rounds.ui.sections_file, str(sections))
    click(qtbot, rounds.ui.add_button)
    assert "Round 2, Final" in rounds.ui.message.text(), rounds.ui.message.text()
    rounds.close()

    # ----- round 1: assignment and packs out (Judges & assignment, Packs) ------------------
    judges_page = window.go_to("Judges & assignment")
    assert judges_page.round_combo.round_id() == "judging"
    answer_next_dialog(lambda dialog: dialog.ui.perEntry.setValue(5))
    click(qtbot, judges_page.auto_button)
    assert f"{len(ENTRIES)} of {len(ENTRIES)}" in judges_page.heading.status.text()
    packs_page = window.go_to("Packs")
    assert packs_page.round_combo.round_id() == "judging"
    out = tmp_path / "packs out"
    out.mkdir()
    answer_next_dialog(lambda dialog: dialog.ui.folder.setText(str(out)))
    click(qtbot, packs_page.create_button)
    qtbot.waitUntil(lambda: len(packs_page.last_made) == len(JUDGES), timeout=30000)
    assert f"{len(JUDGES)} packs written" in packs_page.outcome.text()

    # ----- the judges score at home and send their packs back ------------------------------
    returned = []
    for made in packs_page.last_made:
        assert made.passphrase  # encrypted by default; the panel keeps the key for the merge
        judge = JUDGES.index(made.judge)
        with open_pack(made.path) as pack:
            judging = Judging.for_pack(pack)
            for entry in ENTRIES:
                for section, value in zip(("Q1", "Q2"), marks(judge, entry), strict=True):
                    judging.set_score(entry, section, value)
        returned.append(made.path)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(
        lambda *args, **kwargs: ([str(p) for p in returned], "")))
    click(qtbot, packs_page.merge_button)
    qtbot.waitUntil(lambda: len(packs_page.last_merge) == len(JUDGES), timeout=30000)
    scores = len(ENTRIES) * 2
    assert [(r.new, r.refused) for r in packs_page.last_merge] == [(scores, "")] * len(JUDGES)
    assert f"{len(JUDGES)} packs merged: {len(JUDGES) * scores} new" in \
        packs_page.outcome.text()

    # ----- close round 1, promote the top 6 with a reason, the cut-off shown ---------------
    results = window.go_to("Results")
    click(qtbot, results.ui.rounds_button)
    rounds = results.rounds_dialog
    rounds.ui.rounds_table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *_: QMessageBox.StandardButton.Yes)
    click(qtbot, rounds.ui.close_round_button)
    assert "Judging closed" in rounds.ui.message.text()
    rounds.ui.tabs.setCurrentWidget(rounds.ui.promote_tab)
    assert rounds.ui.to_round.currentData() == "final"
    rounds.ui.by_top.setChecked(True)
    rounds.ui.top.setValue(6)
    ranking = rounds.ranking_model
    green = [ranking.index(r, 1).data() for r in range(ranking.rowCount())
             if ranking.index(r, 1).data(Qt.ItemDataRole.BackgroundRole) is not None]
    assert green == ENTRIES[:6]
    cutoff = rounds.ui.cutoff.text()
    assert "The top 6 of Judging go through" in cutoff
    assert f"the cut-off is rank 6 with {first_round_total('E06'):.1f}" in cutoff
    qtbot.keyClicks(rounds.ui.reason, "The panel's shortlist: the six strongest entries")
    click(qtbot, rounds.ui.promote_button)
    assert "6 entries promoted to Final" in rounds.ui.message.text()
    rounds.close()

    # ----- the final in the panel room: the chair types the agreed scores -----------------
    panel_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Panel")
    panel_menu.aboutToShow.emit()  # as opening the menu does: is there a round to agree?
    assert window.panel_room_action.isEnabled()
    window.panel_room_action.trigger()
    room = next(w for w in QApplication.topLevelWidgets()
                if isinstance(w, PanelRoom) and w.isVisible())
    qtbot.addWidget(room)
    activate(room, qtbot)
    assert room.entries == ENTRIES[:6]
    for entry in room.entries:
        assert room.current == entry
        talk, answers = AGREED[entry]
        assert focused() is room.boxes["talk"]
        type_text(str(talk))
        press(Qt.Key.Key_Tab)
        type_text(str(answers))
        press(Qt.Key.Key_Tab)
        assert focused() is room.ui.note
        type_text(NOTES.get(entry, "Agreed by the panel"))
        assert f"Agreed total: {agreed_total(entry):.1f} of 100" in room.ui.total_label.text()
        press(Qt.Key.Key_PageDown)  # saves the note at once; the last entry stays
    room.close()

    # ----- the places, on the final result (Decisions) -------------------------------------
    decisions = window.go_to("Decisions")
    decisions.refresh()
    qtbot.waitUntil(lambda: decisions.ranking is not None and not decisions.busy,
                    timeout=30000)
    final_order = sorted(AGREED, key=agreed_total, reverse=True)
    proxy = decisions.standing_proxy
    assert [proxy.index(r, 0).data(ENTRY_ROLE) for r in range(proxy.rowCount())] == \
        final_order
    assert "Placed after the last round, Final" in decisions.heading.status.text()
    for entry in final_order:
        decisions.select(entry)
        combo = decisions.placement_combo
        combo.setCurrentIndex(combo.findData(PLACED[entry]))
        qtbot.keyClicks(decisions.placement_reason, "Agreed by the panel in the final")
        click(qtbot, decisions.placement_button)
        assert "recorded" in decisions.placement_message.text(), \
            decisions.placement_message.text()

    # ----- the ranked report and the certificates (Outputs) --------------------------------
    outputs = window.go_to("Outputs")
    report = tmp_path / "Ranked report.pdf"
    certificates = tmp_path / "Certificates.pdf"
    for target, button in ((report, outputs.report_button),
                           (certificates, outputs.certificates_button)):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
            lambda *args, target=target, **kwargs: (str(target), "")))
        with qtbot.waitSignal(outputs.generated, timeout=60000) as finished:
            click(qtbot, button)
        assert finished.args[0].files == [target]

    text = pdf_text(report)
    assert "Round 1: Judging (scored, closed)" in text
    assert "Round 2: Final (consensus, open)" in text
    for rank, entry in enumerate(final_order, start=1):
        first = ENTRIES.index(entry) + 1
        path = (f"Judging {ordinal(first)} of {len(ENTRIES)} with "
                f"{first_round_total(entry):.1f}; Final {ordinal(rank)} of 6 with "
                f"{agreed_total(entry):.1f}")
        assert path in text, path
    assert NOTES["E03"] in text
    shown = pdf_text(certificates)
    assert shown.count("Winner") >= 1 and "Highly Commended" in shown
    assert shown.count("Finalist") >= 4
    for entry in AGREED:  # a certificate for each finalist, and for no one else
        assert f"Nominee {entry}" in shown
    assert "Nominee E07" not in shown
