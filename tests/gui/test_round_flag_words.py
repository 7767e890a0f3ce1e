"""The rounds dialog's table reads the disagreement flags as the chair reads them on the
Results page ("near the cut-off"), never as their codes."""

from __future__ import annotations

from judgepanel.core.round_results import RoundLine, RoundResult
from judgepanel.core.rounds import Round
from judgepanel.gui.rounds_models import result_rows


def test_a_rounds_table_shows_flags_in_words() -> None:
    judging = Round("prize", "judging", 1, "Judging", "scored", None, None, "", "open")
    result = RoundResult("prize", judging, [
        RoundLine(1, "E-1", "Ward redesign", 81.4, 3, ["near-cutoff", "rwg"]),
        RoundLine(2, "E-2", "Discharge lounge", 70.0, 3)], "mean")
    rows = result_rows(result)
    assert rows[0]["flags"] == "near the cut-off, low agreement"
    assert rows[1]["flags"] == ""
