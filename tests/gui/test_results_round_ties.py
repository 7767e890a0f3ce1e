"""The Results page's note reads a tie-break step that names a round as a coordinator would:
"the Judging round's rank", not the setting's own spelling (`round:judging`)."""

from __future__ import annotations

from pathlib import Path

from judgepanel.core.awards import Award, Scale, Section
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge
from judgepanel.core.moderation import set_award_settings
from judgepanel.core.panel import create_panel
from judgepanel.core.round_definitions import RoundSpec
from judgepanel.core.rounds import add_round
from judgepanel.core.scoring import Judging
from judgepanel.gui.results_figures import compute_results, note_text, with_method

AWARD = Award(id="prize", name="The Prize", scale=Scale(0, 10, 1),
              sections=(Section("Q1", "Impact", "What changed?"),))


def test_a_round_step_of_the_tie_break_order_is_named_by_its_round(tmp_path: Path) -> None:
    store = create_panel(tmp_path / "ties.judgepanel", "Ties", [AWARD])
    upsert_entries(store, [EntryRecord(id=e, award="prize") for e in ("A", "B")])
    ann = add_judge(store, "Ann")
    for entry, value in (("A", 8), ("B", 6)):
        Judging.for_judge(store, ann.id).set_score(entry, "Q1", value)
    add_round(store, "prize", RoundSpec("final", "Final round", "scored", None))
    set_award_settings(store, "prize", tie_break=["bias", "section:Q1", "round:judging",
                                                  "round:final", "panel"])
    view = compute_results(store, "prize", None)
    note = note_text(view)
    assert ("tie-break order: bias-corrected → section Q1 → the Judging round's rank → "
            "the Final round's rank → recorded panel decision.") in note
    assert "round:" not in note
    assert "the Judging round's rank" in note_text(with_method(store, view, "mean"))
    store.close()
