"""The chair's entry detail names each framework domain with the behaviours the judges tagged."""

from __future__ import annotations

from pathlib import Path

from judgepanel.core.awards import builtin_awards
from judgepanel.core.conflicts import record_conflict
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge
from judgepanel.core.panel import create_panel
from judgepanel.core.scoring import Judging
from judgepanel.gui.entry_detail import EntryDetail

AWARD = "leading-systems-transformation"
SECTIONS = ("Q1", "Q2", "Q3", "Q4", "Q5")


def test_detail_shows_one_line_per_domain_with_the_count(qtbot, tmp_path: Path) -> None:
    store = create_panel(tmp_path / "detail.judgepanel", "Detail Awards", builtin_awards())
    upsert_entries(store, [EntryRecord(id="E-1", award=AWARD, title="Joined-up care",
                                       answers={s: "An answer." for s in SECTIONS})])
    tags = {"Ana": ["RC-3.1", "RC-1.1", "II-1.2"], "Ben": ["RC-3.1"], "Cai": ["LC-1.1"]}
    for name, chosen in tags.items():
        judge = add_judge(store, name, "", "judge")
        judging = Judging.for_judge(store, judge.id)
        for section in SECTIONS:
            judging.set_score("E-1", section, 7)
        judging.set_review("E-1", tags=chosen, complete=True)
        if name == "Cai":
            record_conflict(store, judge, "E-1", "Line manager", who="coordinator")
    detail = EntryDetail(store)
    qtbot.addWidget(detail)
    detail.show_entry("E-1")
    shown = detail.text()
    assert "Systems Leadership framework evidence" in shown
    assert "Relationships and Connectivity: 2 behaviours" in shown
    assert "Innovation and Improvement: 1 behaviour\n" in shown
    assert "Individual Effectiveness: 0 behaviours" in shown
    assert "Learning and Capacity Building: 0 behaviours" in shown  # Cai is conflicted
    store.close()
