"""Judging rounds in the coordinator's and chair's window, driven on real widgets: the round
chooser, the Rounds dialog (add a consensus round, close round 1, promote the top 6 with the
cut-off shown, a tie at the cut-off shown and refused), a round-2 pack holding only the
promoted entries, and the Results page showing a round's ranking."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from chair_panels import OFFSCREEN_NOISE
from coordinator_panels import scratch_settings
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from judgepanel.core.awards import Award, Scale, Section
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge
from judgepanel.core.moderation import audit_log
from judgepanel.core.packs import open_pack
from judgepanel.core.panel import create_panel
from judgepanel.core.promotion import promote
from judgepanel.core.round_definitions import RoundSpec
from judgepanel.core.rounds import add_round, award_rounds, close_round, round_entries
from judgepanel.core.scoring import Judging
from judgepanel.core.store import Store
from judgepanel.gui.pages.results import ResultsPage
from judgepanel.gui.panel_window import PanelWindow
from judgepanel.gui.ranking_models import ENTRY_ROLE
from judgepanel.gui.rounds_dialog import RoundsDialog
from judgepanel.gui.tasks import wait_for_tasks

pytestmark = OFFSCREEN_NOISE
AWARD = "prize"
PRIZE = Award(id=AWARD, name="The Prize", scale=Scale(0, 10, 1),
              sections=(Section("Q1", "Impact", "What changed?"),))
# Ann's and Bob's marks: totals 95, 90, 85, 80, 75, 70, 60, 50, 40, 30 out of 100.
MARKS = {"E01": (10, 9), "E02": (9, 9), "E03": (9, 8), "E04": (8, 8), "E05": (8, 7),
         "E06": (7, 7), "E07": (6, 6), "E08": (5, 5), "E09": (4, 4), "E10": (3, 3)}
TOP_SIX = ["E01", "E02", "E03", "E04", "E05", "E06"]
WAIT = 30000  # ms: background reading on a busy machine
FINAL_SECTIONS = ({"id": "talk", "title": "Presentation", "question": "How did it go?"},)


def scored_panel(path: Path, marks: dict[str, tuple[int, int]] = MARKS) -> Store:
    panel = create_panel(path, "Rounds", [PRIZE])
    upsert_entries(panel, [EntryRecord(id=e, award=AWARD, title=f"Entry {e[1:]}")
                           for e in marks])
    ann, bob = add_judge(panel, "Ann"), add_judge(panel, "Bob", role="chair")
    for entry, (a, b) in marks.items():
        Judging.for_judge(panel, ann.id).set_score(entry, "Q1", a)
        Judging.for_judge(panel, bob.id).set_score(entry, "Q1", b)
    return panel


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    panel = scored_panel(tmp_path / "rounds.judgepanel")
    yield panel
    wait_for_tasks()  # nothing of a page still reading it
    panel.close()


@pytest.fixture
def results(qtbot, store: Store) -> ResultsPage:
    page = ResultsPage(store)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitUntil(lambda: page.results is not None, timeout=WAIT)
    return page


def dialog_of(qtbot, page: ResultsPage) -> RoundsDialog:
    qtbot.mouseClick(page.ui.rounds_button, Qt.MouseButton.LeftButton)
    dialog = page.rounds_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    return dialog


def add_consensus_final(qtbot, dialog: RoundsDialog) -> None:
    dialog.ui.tabs.setCurrentWidget(dialog.ui.add_tab)
    qtbot.keyClicks(dialog.ui.round_id, "final")
    qtbot.keyClicks(dialog.ui.round_name, "Final")
    dialog.ui.kind.setCurrentIndex(dialog.ui.kind.findData("consensus"))
    qtbot.mouseClick(dialog.ui.add_button, Qt.MouseButton.LeftButton)


def shown_rows(page: ResultsPage) -> list[tuple[str, str]]:
    proxy = page.results_proxy
    return [(proxy.index(r, 0).data(), proxy.index(r, 0).data(ENTRY_ROLE))
            for r in range(proxy.rowCount())]


def test_one_round_award_shows_no_round_chooser(results: ResultsPage) -> None:
    assert not results.round_combo.isVisible() and not results.ui.round_label.isVisible()
    assert results.round_combo.round_id() == "judging"
    assert results.ui.rounds_button.isVisible()


def test_the_chooser_lists_rounds_with_kind_and_state_and_picks_the_current(
        qtbot, results: ResultsPage, store: Store) -> None:
    add_round(store, AWARD, RoundSpec("final", "Final", "consensus"))
    close_round(store, AWARD, "judging")
    results.refresh()
    chooser = results.round_combo
    assert chooser.isVisible() and results.ui.round_label.isVisible()
    assert [chooser.itemText(i) for i in range(chooser.count())] == [
        "1. Judging (scored, closed)", "2. Final (agreed in the room, open)"]
    assert chooser.round_id() == "final"  # the current round: the first still open


def test_adding_a_consensus_round_from_the_dialog(qtbot, results: ResultsPage,
                                                  store: Store) -> None:
    dialog = dialog_of(qtbot, results)
    assert dialog.ui.tabs.currentWidget() is dialog.ui.add_tab  # nothing to promote into yet
    add_consensus_final(qtbot, dialog)
    assert "Final" in dialog.ui.message.text() and "added" in dialog.ui.message.text()
    assert [(r.id, r.kind, r.state) for r in award_rounds(store, AWARD)] == [
        ("judging", "scored", "open"), ("final", "consensus", "open")]
    assert dialog.rounds_model.rowCount() == 2
    assert results.round_combo.isVisible()  # the page re-read the award's rounds
    record = audit_log(store)[-1]
    assert record["action"] == "round added" and record["who"] == "Bob"  # the panel's chair


def test_a_refused_round_says_why_in_the_dialog(qtbot, results: ResultsPage,
                                                store: Store) -> None:
    dialog = dialog_of(qtbot, results)
    qtbot.keyClicks(dialog.ui.round_id, "Final Round")
    qtbot.keyClicks(dialog.ui.round_name, "Final")
    qtbot.mouseClick(dialog.ui.add_button, Qt.MouseButton.LeftButton)
    assert dialog.ui.message.isVisible()
    assert "lower-case letters" in dialog.ui.message.text()
    assert len(award_rounds(store, AWARD)) == 1


def test_closing_round_one(qtbot, results: ResultsPage, store: Store,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = dialog_of(qtbot, results)
    add_consensus_final(qtbot, dialog)
    dialog.ui.rounds_table.selectRow(0)
    assert dialog.ui.close_round_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_args: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.ui.close_round_button, Qt.MouseButton.LeftButton)
    assert award_rounds(store, AWARD)[0].closed
    assert "Judging closed" in dialog.ui.message.text()
    assert dialog.rounds_model.index(0, 4).data() == "Closed"
    assert dialog.rounds_model.index(1, 0).data() == "▶ 2"  # the final is now current
    assert audit_log(store)[-1]["action"] == "round closed"


def test_promoting_the_top_six_shows_the_cut_off_and_records_reason_and_who(
        qtbot, results: ResultsPage, store: Store) -> None:
    dialog = dialog_of(qtbot, results)
    add_consensus_final(qtbot, dialog)
    dialog.ui.tabs.setCurrentWidget(dialog.ui.promote_tab)
    assert dialog.ui.to_round.currentData() == "final"
    dialog.ui.top.setValue(6)
    model = dialog.ranking_model
    green = [model.index(r, 1).data() for r in range(model.rowCount())
             if model.index(r, 1).data(Qt.ItemDataRole.BackgroundRole) is not None]
    assert green == TOP_SIX
    assert "The top 6 of Judging go through" in dialog.ui.cutoff.text()
    assert "rank 6 with 70.0" in dialog.ui.cutoff.text()
    qtbot.keyClicks(dialog.ui.reason, "The panel's shortlist of six")
    dialog.ui.who.setText("Dr Aisha Patel")
    qtbot.mouseClick(dialog.ui.promote_button, Qt.MouseButton.LeftButton)
    assert round_entries(store, award_rounds(store, AWARD)[1]) == TOP_SIX
    assert "6 entries promoted to Final" in dialog.ui.message.text()
    record = audit_log(store)[-1]
    assert record["action"] == "promoted" and record["who"] == "Dr Aisha Patel"
    assert record["detail"]["reason"] == "The panel's shortlist of six"
    assert record["detail"]["rule"] == "top 6" and record["detail"]["entries"] == TOP_SIX


def test_a_tie_at_the_cut_off_is_shown_and_refused(qtbot, tmp_path: Path) -> None:
    tied = scored_panel(tmp_path / "tied.judgepanel", {**MARKS, "E07": (7, 7)})
    try:
        add_round(tied, AWARD, RoundSpec("final", "Final", "consensus"))
        dialog = RoundsDialog(tied, AWARD, "The Prize")
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.ui.top.setValue(6)
        model = dialog.ranking_model
        amber = [model.index(r, 1).data() for r in range(model.rowCount())
                 if model.index(r, 1).data(Qt.ItemDataRole.ToolTipRole, ) and
                 "Tied" in str(model.index(r, 1).data(Qt.ItemDataRole.ToolTipRole))]
        assert amber == ["E06", "E07"]
        assert "Tie at the cut-off" in dialog.ui.cutoff.text()
        assert "E06 (70.0), E07 (70.0)" in dialog.ui.cutoff.text()
        assert not dialog.ui.promote_button.isEnabled()
        dialog.ui.reason.setText("Shortlist")
        assert dialog.promote() is None  # as the core refuses it
        assert "ends in a tie at rank 6" in dialog.ui.message.text()
        assert round_entries(tied, award_rounds(tied, AWARD)[1]) == []
        dialog.ui.top.setValue(5)  # a different number goes through
        assert dialog.ui.promote_button.isEnabled()
        dialog.ui.by_choice.setChecked(True)  # or the chair's choice, by ticking
        dialog.tick(["E06", "E07", "E01"])
        assert "3 entries ticked" in dialog.ui.cutoff.text()
        assert dialog.promote() == ["E01", "E06", "E07"]
        assert audit_log(tied)[-1]["detail"]["rule"] == "chair's choice"
    finally:
        tied.close()


def test_results_shows_the_rounds_ranking_and_the_final_path(
        qtbot, results: ResultsPage, store: Store) -> None:
    from judgepanel.core.consensus import record_consensus

    add_round(store, AWARD, RoundSpec("final", "Final", "consensus", FINAL_SECTIONS))
    promote(store, AWARD, "final", "Shortlist", top=3)
    close_round(store, AWARD, "judging")
    for entry, score in {"E01": 6, "E02": 9, "E03": 7}.items():
        record_consensus(store, AWARD, "final", entry, "talk", score)
    results.refresh()
    assert results.round_combo.round_id() == "final"
    assert shown_rows(results) == [("1", "E02"), ("2", "E03"), ("3", "E01")]
    headings = [results.results_proxy.headerData(c, Qt.Orientation.Horizontal)
                for c in range(results.results_proxy.columnCount())]
    assert "Path through the rounds" in headings
    path = results.results_proxy.index(0, headings.index("Path through the rounds")).data()
    assert path == "Judging 2nd of 10 with 90.0; Final 1st of 3 with 90.0"
    assert not results.tabs.isTabEnabled(1) and not results.method_combo.isEnabled()
    results.round_combo.choose("judging")  # back to the first round: the full analysis
    assert [e for _, e in shown_rows(results)][:3] == ["E01", "E02", "E03"]
    assert len(shown_rows(results)) == 10 and results.tabs.isTabEnabled(1)


# ----- in the window: Judges & assignment and Packs work per round --------------------------


@pytest.fixture
def shortlisted(tmp_path: Path) -> Path:
    """Round 1 scored and closed, the top 6 promoted into a scored final of its own sections."""
    path = tmp_path / "shortlisted.judgepanel"
    panel = scored_panel(path)
    add_round(panel, AWARD, RoundSpec("final", "Final", "scored", FINAL_SECTIONS))
    promote(panel, AWARD, "final", "The shortlist", top=6, who="Bob")
    close_round(panel, AWARD, "judging", who="Bob")
    panel.close()
    return path


@pytest.fixture
def window(qtbot, shortlisted: Path, tmp_path: Path) -> Iterator[PanelWindow]:
    opened = PanelWindow(shortlisted, scratch_settings(tmp_path))
    qtbot.addWidget(opened)
    opened.show()
    yield opened
    opened.close()


def test_judges_assign_in_the_chosen_round(qtbot, window: PanelWindow) -> None:
    page = window.go_to("Judges & assignment")
    assert page.round_combo.isVisible() and page.round_combo.round_id() == "final"
    rows = [page.matrix_model.matrix.entries[r][0]
            for r in range(len(page.matrix_model.matrix.entries))]
    assert rows == TOP_SIX  # only the promoted entries
    assert page.auto_assign(1, seed=2)
    matrix = page.matrix_model.matrix
    assert all(matrix.judges_on(entry) == 1 for entry in TOP_SIX)
    assert "6 of 6 entries in Final have judges" in page.heading.status.text()
    assert page.summary() == "2 judges; Final: 6 of 6 entries have judges"  # not round 1's
    page.round_combo.choose("judging")  # the first round's own assignment is unchanged
    assert len(page.matrix_model.matrix.entries) == 10


def test_packs_make_a_round_two_pack_holding_only_promoted_entries(
        qtbot, window: PanelWindow, tmp_path: Path) -> None:
    judges = window.go_to("Judges & assignment")
    ann = next(j for j in judges.judges if j.name == "Ann")
    for entry in TOP_SIX:
        judges.toggle(judges.matrix_model.index(TOP_SIX.index(entry),
                                                judges.matrix_model.matrix.judges.index(
                                                    (ann.id, "Ann"))))
    page = window.go_to("Packs")
    assert page.round_combo.isVisible() and page.round_combo.round_id() == "judging"
    page.round_combo.choose("final")
    assert "hold only the entries promoted into it" in page.round_note.text()
    assert [page.progress_model.row(r)["judge"] for r in range(page.progress_model.rowCount())
            ] == ["Ann"]
    folder = tmp_path / "out"
    folder.mkdir()
    task = page.create_round_packs([ann.id], folder, encrypt=False)
    qtbot.waitUntil(lambda: task is not None and task.done, timeout=WAIT)
    made = folder / "Ann (Final).judgepack"
    assert made.exists(), page.outcome.text()
    assert "1 pack written" in page.outcome.text()
    with open_pack(made) as pack:
        assert pack.meta("round") == "final"
        assert [r[0] for r in pack.db.execute("SELECT id FROM entries ORDER BY id")] == TOP_SIX
        assert [r[0] for r in pack.db.execute("SELECT id FROM sections")] == ["talk"]


def test_a_consensus_round_has_no_packs_and_says_so(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "consensus.judgepanel"
    panel = scored_panel(path)
    add_round(panel, AWARD, RoundSpec("final", "Final", "consensus"))
    promote(panel, AWARD, "final", "The shortlist", top=6)
    close_round(panel, AWARD, "judging")
    panel.close()
    opened = PanelWindow(path, scratch_settings(tmp_path))
    qtbot.addWidget(opened)
    opened.show()
    try:
        page = opened.go_to("Packs")
        page.round_combo.choose("final")
        assert "has no packs" in page.round_note.text()
        assert not page.create_button.isEnabled()
        assert not page.progress_table.isVisible()  # no empty table of judges' progress
        page.round_combo.choose("judging")
        assert not page.round_note.isVisible() and page.progress_table.isVisible()
    finally:
        opened.close()


def test_packs_open_on_the_first_rounds_packs_when_an_award_is_in_a_consensus_final(
        qtbot, tmp_path: Path) -> None:
    """The panel's packs are the first round's: an award agreed in the room in its final
    does not turn the Packs page or its navigation line into "Final: no packs"."""
    from judgepanel.core.assignment import assign
    from judgepanel.core.judges import list_judges
    from judgepanel.gui.panel_window import SUMMARY_ROLE

    path = tmp_path / "consensus.judgepanel"
    panel = scored_panel(path)
    for judge in list_judges(panel):
        for entry in MARKS:
            assign(panel, judge, entry)
    add_round(panel, AWARD, RoundSpec("final", "Final", "consensus"))
    promote(panel, AWARD, "final", "The shortlist", top=6)
    close_round(panel, AWARD, "judging")
    panel.close()
    opened = PanelWindow(path, scratch_settings(tmp_path))
    qtbot.addWidget(opened)
    opened.show()
    try:
        page = opened.page("Packs")
        row = opened.pages.index(page)
        line = opened.navigation.item(row).data(SUMMARY_ROLE)
        assert line == "0 of 2 packs returned; 0 of 20 assignments complete"
        opened.go_to("Packs")
        assert page.round_combo.isVisible() and page.round_combo.round_id() == "judging"
        assert not page.round_note.isVisible() and page.progress_table.isVisible()
        assert page.create_button.isEnabled()
        assert page.summary() == line
        page.round_combo.choose("final")  # the user's own choice is kept on re-reading
        page.refresh()
        assert page.round_combo.round_id() == "final"
        assert page.summary() == "Final: no packs (agreed in the room)"
    finally:
        opened.close()


@pytest.fixture
def final_panel(tmp_path: Path) -> Iterator[Store]:
    """Round 1 closed, its top 3 in a consensus final with the panel's agreed scores."""
    from judgepanel.core.consensus import record_consensus

    panel = scored_panel(tmp_path / "final.judgepanel")
    add_round(panel, AWARD, RoundSpec("final", "Final", "consensus", FINAL_SECTIONS))
    promote(panel, AWARD, "final", "Shortlist", top=3)
    close_round(panel, AWARD, "judging")
    for entry, score in {"E01": 6, "E02": 9, "E03": 7}.items():
        record_consensus(panel, AWARD, "final", entry, "talk", score)
    yield panel
    wait_for_tasks()
    panel.close()


def test_decisions_place_entries_on_the_final_result_after_the_last_round(
        final_panel: Store, qtbot) -> None:
    from judgepanel.core.moderation import decisions
    from judgepanel.gui.pages.decisions import DecisionsPage

    page = DecisionsPage(final_panel)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitUntil(lambda: page.ranking is not None, timeout=WAIT)
    proxy = page.standing_proxy
    assert [(proxy.index(r, 0).data(), proxy.index(r, 2).data())
            for r in range(proxy.rowCount())] == [("1", "E02"), ("2", "E03"), ("3", "E01")]
    assert "Placed after the last round, Final" in page.heading.status.text()
    assert page.summary() == "0 of 3 entries placed"  # the final's entries, not round 1's 10
    page.select("E02")
    assert page.placement_button.isEnabled() and not page.override_button.isEnabled()
    page.placement_combo.setCurrentIndex(page.placement_combo.findData("winner"))
    page.placement_reason.setText("Agreed in the room")
    qtbot.mouseClick(page.placement_button, Qt.MouseButton.LeftButton)
    assert [(d["entry"], d["placement"]) for d in decisions(final_panel)] == [("E02", "winner")]
    qtbot.waitUntil(lambda: not page.busy, timeout=WAIT)  # its re-reading done before closing
    assert page.summary() == "1 of 3 entries placed"


def test_a_consensus_round_has_nothing_to_assign_and_says_so(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "consensus.judgepanel"
    panel = scored_panel(path)
    add_round(panel, AWARD, RoundSpec("final", "Final", "consensus"))
    promote(panel, AWARD, "final", "The shortlist", top=6)
    panel.close()
    opened = PanelWindow(path, scratch_settings(tmp_path))
    qtbot.addWidget(opened)
    opened.show()
    try:
        page = opened.go_to("Judges & assignment")
        page.round_combo.choose("final")
        assert "Nothing to assign in Final" in page.notice.text()
        assert page.summary() == "2 judges; Final is agreed in the room"
        assert not page.matrix.isVisible() and not page.auto_button.isEnabled()
        page.round_combo.choose("judging")
        assert page.matrix.isVisible() and not page.notice.isVisible()
        assert page.matrix_model.rowCount() == 10
    finally:
        opened.close()


def test_the_round_pages_read_on_the_windows_worker_not_the_gui_thread(
        qtbot, window: PanelWindow) -> None:
    """Judges & assignment, Packs, Results and Decisions re-read the panel (every award's
    rounds, the matrix, the progress, the analysis) on the window's database worker."""
    gui: list[str] = []
    timer = getattr(window, "settle_timer", None)
    if timer is not None:
        timer.stop()  # the window's own settling of the file is not a page's reading
    window.store.db.conn.set_trace_callback(gui.append)
    try:
        for title in ("Judges & assignment", "Packs", "Results", "Decisions"):
            page = window.go_to(title)
            gui.clear()
            page.refresh()
            qtbot.waitUntil(lambda page=page: not getattr(page, "busy", False),
                            timeout=WAIT)
            page.summary()
            assert gui == [], f"the {title} page read on the GUI thread: {gui[:3]}"
        results = window.go_to("Results")
        assert results.round_combo.round_id() == "final"
        results.round_combo.choose("judging")
        qtbot.waitUntil(lambda: results.results is not None and not results.busy,
                        timeout=WAIT)
        assert len(shown_rows(results)) == 10
        assert gui == []
    finally:
        window.store.db.conn.set_trace_callback(None)


def test_promote_by_score_then_withdraw_an_entry_with_a_reason(qtbot, results: ResultsPage,
                                                               store: Store) -> None:
    add_round(store, AWARD, RoundSpec("final", "Final", "consensus"))
    dialog = dialog_of(qtbot, results)
    dialog.ui.by_score.setChecked(True)
    dialog.ui.min_score.setValue(80)
    assert "4 entries of Judging score at least 80" in dialog.ui.cutoff.text()
    dialog.ui.reason.setText("Everyone at 80 or above")
    assert dialog.promote() == ["E01", "E02", "E03", "E04"]
    dialog.ui.tabs.setCurrentWidget(dialog.ui.withdraw_tab)
    dialog.ui.withdraw_round.setCurrentIndex(dialog.ui.withdraw_round.findData("final"))
    assert [dialog.ui.withdraw_entry.itemData(i) for i in range(
        dialog.ui.withdraw_entry.count())] == ["E01", "E02", "E03", "E04"]
    dialog.ui.withdraw_entry.setCurrentIndex(dialog.ui.withdraw_entry.findData("E03"))
    qtbot.mouseClick(dialog.ui.withdraw_button, Qt.MouseButton.LeftButton)
    assert "reason" in dialog.ui.message.text()  # refused without one
    dialog.ui.withdraw_reason.setText("The nominee withdrew")
    qtbot.mouseClick(dialog.ui.withdraw_button, Qt.MouseButton.LeftButton)
    assert "E03 withdrawn from Final" in dialog.ui.message.text()
    assert round_entries(store, award_rounds(store, AWARD)[1]) == ["E01", "E02", "E04"]
    record = audit_log(store)[-1]
    assert record["action"] == "withdrawn from round"
    assert record["detail"]["reason"] == "The nominee withdrew" and record["who"] == "Bob"


def test_a_qualifying_round_promotes_by_its_rule(qtbot, store: Store) -> None:
    from judgepanel.core.consensus import record_vote

    add_round(store, AWARD, RoundSpec("check", "Eligibility check", "qualifying",
                                      pass_rule="all"))
    add_round(store, AWARD, RoundSpec("final", "Final", "consensus"))
    promote(store, AWARD, "check", "Top three to the check", top=3)
    for entry, passes in {"E01": (True, True), "E02": (True, False), "E03": (True, True)}.items():
        for judge, passed in zip(("Ann", "Bob"), passes, strict=True):
            record_vote(store, AWARD, "check", judge, entry, passed,
                        "" if passed else "Outside the award's dates")
    dialog = RoundsDialog(store, AWARD, "The Prize")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.to_round.setCurrentIndex(dialog.ui.to_round.findData("final"))
    assert dialog.ui.by_rule.isVisible() and dialog.ui.by_rule.isChecked()
    assert not dialog.ui.by_score.isEnabled()  # passes, not scores
    assert "2 entries of Eligibility check pass by its rule (all)" in dialog.ui.cutoff.text()
    dialog.ui.reason.setText("Passed the eligibility check")
    assert dialog.promote() == ["E01", "E03"]
    assert audit_log(store)[-1]["detail"]["rule"] == "qualifying rule (all)"
    dialog.ui.to_round.setCurrentIndex(dialog.ui.to_round.findData("check"))
    assert not dialog.ui.by_rule.isVisible() and dialog.ui.by_top.isChecked()


def test_adding_rounds_with_a_sections_file_a_weight_and_a_pass_rule(
        qtbot, store: Store, tmp_path: Path) -> None:
    sections = tmp_path / "final-sections.toml"
    sections.write_text('[[sections]]\nid = "talk"\ntitle = "Presentation"\n'
                        'question = "How did it go?"\n', encoding="utf-8")
    dialog = RoundsDialog(store, AWARD, "The Prize")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.round_id.setText("check")
    dialog.ui.round_name.setText("Eligibility check")
    dialog.ui.kind.setCurrentIndex(dialog.ui.kind.findData("qualifying"))
    assert not dialog.ui.weight.isEnabled() and dialog.ui.pass_rule.isEnabled()
    dialog.ui.pass_rule.setEditText("2")
    assert dialog.add() is not None
    dialog.ui.round_id.setText("final")
    dialog.ui.round_name.setText("Final")
    dialog.ui.kind.setCurrentIndex(dialog.ui.kind.findData("scored"))
    dialog.ui.sections_file.setText(str(sections))
    dialog.ui.weight.setValue(2)
    assert dialog.add() is not None
    rounds = award_rounds(store, AWARD)
    assert [(r.id, r.kind, r.pass_rule, r.weight) for r in rounds] == [
        ("judging", "scored", "", None), ("check", "qualifying", "2", None),
        ("final", "scored", "", 2.0)]
    assert [s["id"] for s in rounds[2].sections or ()] == ["talk"]
    assert dialog.rounds_model.index(2, 6).data() == "2"  # the weight column


def test_in_the_window_a_round_added_and_closed_reaches_the_other_pages(
        qtbot, store: Store, tmp_path: Path) -> None:
    assert store.path is not None
    opened = PanelWindow(store.path, scratch_settings(tmp_path))
    qtbot.addWidget(opened)
    opened.show()
    try:
        judges = opened.go_to("Judges & assignment")
        assert not judges.round_combo.isVisibleTo(judges)
        results = opened.go_to("Results")
        dialog = dialog_of(qtbot, results)
        add_consensus_final(qtbot, dialog)
        dialog.close_round("judging")
        assert "Judging closed" in dialog.ui.message.text()
        dialog.reject()
        qtbot.waitUntil(lambda: results.round_combo.round_id() == "final", timeout=WAIT)
        judges = opened.go_to("Judges & assignment")
        assert judges.round_combo.isVisible() and judges.round_combo.round_id() == "final"
        packs = opened.go_to("Packs")
        assert packs.round_combo.isVisible()
        packs.round_combo.choose("final")
        assert "has no packs" in packs.round_note.text()
    finally:
        opened.close()


# ----- the chair's entry detail and the navigation follow the rounds --------------------------


def detail_text(page: ResultsPage) -> str:
    return " ".join(page.detail.text().split())


def test_the_entry_detail_follows_the_round_chosen_on_results(qtbot, final_panel: Store) -> None:
    from judgepanel.core.consensus import set_consensus_note

    set_consensus_note(final_panel, AWARD, "final", "E02", "Clear winner in the room")
    page = ResultsPage(final_panel)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitUntil(lambda: page.round_shown is not None, timeout=WAIT)
    page.show_entry("E02")
    text = detail_text(page)
    assert "Final (agreed in the room, open)" in text
    assert "Agreed by the panel" in text and "Clear winner in the room" in text
    assert "Total (of 100) 90.0" in text and "Ann" not in text  # the panel's, no judge's
    assert ("Path through the rounds Judging 2nd of 10 with 90.0; Final 1st of 3 with 90.0"
            in text)
    page.show_entry("E03")
    assert "The chair's note no note recorded" in detail_text(page)
    page.show_entry("E05")  # shortlisted out: not in the final
    assert "E05 is not in Final" in detail_text(page)
    page.show_entry("E02")
    page.round_combo.choose("judging")  # the written round: each judge's own scores
    qtbot.waitUntil(lambda: page.round_shown is None and page.results is not None,
                    timeout=WAIT)
    text = detail_text(page)
    assert "Ann" in text and "Bob" in text and "Agreed by the panel" not in text
    assert "Judging 2nd of 10 with 90.0" in text


def scored_final(path: Path) -> None:
    """The shortlisted panel's scored final: Ann and Bob score E01 in it (80 and 60)."""
    from judgepanel.core.judges import list_judges
    from judgepanel.core.round_packs import assign_round
    from judgepanel.core.round_sheets import import_round_scores
    from judgepanel.core.rounds import find_round

    with Store.open(path) as panel:
        for judge in list_judges(panel):
            assign_round(panel, AWARD, "final", judge, ["E01", "E02"])
        sheet = path.parent / "final.csv"
        sheet.write_text("entry,judge,section,score,comment\nE01,Ann,talk,8,Calm and clear\n"
                         "E01,Bob,talk,6,\n", encoding="utf-8")
        import_round_scores(panel, sheet, find_round(panel, AWARD, "final"))


def test_in_the_window_the_detail_shows_the_rounds_judges_and_reads_on_the_worker(
        qtbot, shortlisted: Path, tmp_path: Path) -> None:
    scored_final(shortlisted)
    opened = PanelWindow(shortlisted, scratch_settings(tmp_path))
    qtbot.addWidget(opened)
    opened.show()
    gui: list[str] = []
    try:
        page = opened.go_to("Results")
        qtbot.waitUntil(lambda: page.round_shown is not None and not page.busy, timeout=WAIT)
        timer = getattr(opened, "settle_timer", None)
        if timer is not None:
            timer.stop()
        opened.store.db.conn.set_trace_callback(gui.append)
        page.show_entry("E01")
        summary = page.summary()
        assert gui == [], f"the entry's detail read on the GUI thread: {gui[:3]}"
        text = detail_text(page)
        assert "Final (scored by its judges, open)" in text
        assert "Calm and clear" in text and "80.0" in text and "60.0" in text
        assert "Judging 1st of 10 with 95.0; Final 1st of 6 with 70.0" in text
        # the navigation says where the award is, not the first round's numbers
        assert summary == "Final: 6 entries, ranked 1 of 6"
        page.round_combo.choose("judging")
        assert page.summary() == summary  # the award's place, whichever round is looked at
    finally:
        opened.store.db.conn.set_trace_callback(None)
        opened.close()


def test_the_navigation_says_a_round_closed_and_how_many_went_through(
        qtbot, results: ResultsPage, store: Store) -> None:
    from judgepanel.core.consensus import record_consensus

    assert results.summary() == "10 of 10 entries ranked, 0 flagged"  # one round: as before
    add_round(store, AWARD, RoundSpec("final", "Final", "consensus", FINAL_SECTIONS))
    assert results.summary() == "Judging: 10 entries, ranked 10 of 10"
    promote(store, AWARD, "final", "Shortlist", top=6)
    close_round(store, AWARD, "judging")
    assert results.summary() == "Judging closed, 6 promoted to Final"
    for entry, score in {"E01": 6, "E02": 9, "E03": 7, "E04": 8}.items():
        record_consensus(store, AWARD, "final", entry, "talk", score)
    assert results.summary() == "Final: 6 entries, agreed 4 of 6"
    close_round(store, AWARD, "final")
    assert results.summary() == "Final closed: 6 entries, agreed 4 of 6"


@pytest.fixture
def sifted(tmp_path: Path) -> Path:
    """A qualifying round (majority) of the top 4, Ann and Bob given all four; two decided."""
    from judgepanel.core.consensus import record_vote
    from judgepanel.core.judges import list_judges
    from judgepanel.core.round_packs import assign_round

    path = tmp_path / "sifted.judgepanel"
    panel = scored_panel(path)
    add_round(panel, AWARD, RoundSpec("sift", "Sift", "qualifying", pass_rule="majority"))
    promote(panel, AWARD, "sift", "Shortlist", top=4)
    close_round(panel, AWARD, "judging")
    for judge in list_judges(panel):
        assign_round(panel, AWARD, "sift", judge, ["E01", "E02", "E03", "E04"])
    record_vote(panel, AWARD, "sift", "Ann", "E01", True)
    record_vote(panel, AWARD, "sift", "Bob", "E01", False, "Out of scope")
    panel.close()
    return path


def test_a_qualifying_round_counts_passes_and_decisions_not_scores(
        qtbot, sifted: Path, tmp_path: Path) -> None:
    opened = PanelWindow(sifted, scratch_settings(tmp_path))
    qtbot.addWidget(opened)
    opened.show()
    try:
        results = opened.go_to("Results")
        qtbot.waitUntil(lambda: results.round_shown is not None and not results.busy,
                        timeout=WAIT)
        proxy = results.results_proxy
        headings = [proxy.headerData(c, Qt.Orientation.Horizontal)
                    for c in range(proxy.columnCount())]
        assert "Passes" in headings and "Entries scored" not in headings
        row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data(ENTRY_ROLE)
                   == "E01")
        assert proxy.index(row, headings.index("Passes")).data() == "1 of 2"
        results.show_entry("E01")
        text = detail_text(results)
        assert "1 of 2 judges pass it (the round's rule: majority)" in text
        assert "Bob Fail Out of scope" in text and "Ann Pass" in text
        assert results.summary() == "Sift: 4 entries, decided 1 of 4"
        judges = opened.go_to("Judges & assignment")
        assert judges.round_combo.round_id() == "sift"
        assert "2 of 8 decisions (pass or fail) made" in judges.heading.status.text()
        packs = opened.go_to("Packs")
        packs.round_combo.choose("sift")
        model = packs.progress_model
        assert [model.headerData(c, Qt.Orientation.Horizontal)
                for c in range(model.columnCount())][2] == "Entries decided"
        assert "2 of 8 decided (pass or fail)" in packs.heading.status.text()
        packs.round_combo.choose("judging")
        assert model.headerData(2, Qt.Orientation.Horizontal) == "Entries scored"
    finally:
        opened.close()


def test_choosing_an_entry_while_the_round_is_read_again_shows_it(
        qtbot, window: PanelWindow) -> None:
    """The detail's reading on the worker lets the window draw meanwhile: a re-read ranking
    arriving then (its rows replaced) must neither crash the window nor leave the detail on
    another entry."""
    results = window.go_to("Results")
    qtbot.waitUntil(lambda: results.round_shown is not None and not results.busy,
                    timeout=WAIT)
    for entry in ("E03", "E01", "E05"):
        results.refresh()  # its table arrives from the worker while the detail is read
        results.show_entry(entry)
        qtbot.waitUntil(lambda: not results.busy, timeout=WAIT)
        assert results.detail.entry == entry
        assert f"{entry}: Entry {entry[1:]}" in results.detail.text()
        selected = results.table.selectionModel().selectedRows()
        assert [index.data(ENTRY_ROLE) for index in selected] == [entry]
