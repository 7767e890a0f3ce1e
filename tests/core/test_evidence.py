"""Framework evidence: which behaviours the counted judges tagged, and the report's block."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from judgepanel.core.awards import builtin_awards
from judgepanel.core.conflicts import record_conflict
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.evidence import entry_evidence
from judgepanel.core.judges import add_judge
from judgepanel.core.leadership_framework import behaviour, load_framework
from judgepanel.core.moderation import decide
from judgepanel.core.panel import create_panel
from judgepanel.core.reports.gather import report_data
from judgepanel.core.reports.ranked import write_report
from judgepanel.core.scoring import Judging
from judgepanel.core.store import Store

AWARD = "leading-systems-transformation"
SECTIONS = ("Q1", "Q2", "Q3", "Q4", "Q5")
JUDGES = ("Zofia Głowacka", "René <b>Dubois</b>", "Tom Baker")
# What each judge tags for E-1 (the winner); E-2 gets no tags at all.
TAGS = {"Zofia Głowacka": ["RC-3.1", "IE-4.1"],
        "René <b>Dubois</b>": ["RC-3.1", "XX-9.9"],
        "Tom Baker": ["RC-3.1", "LC-1.1"]}


@pytest.fixture
def panel(tmp_path: Path) -> Store:
    store = create_panel(tmp_path / "evidence.judgepanel", "Evidence Awards", builtin_awards())
    upsert_entries(store, [EntryRecord(id=e, award=AWARD, title=f"Entry {e}", nominee="A N Other",
                                       organisation="Trust",
                                       answers={s: "An answer." for s in SECTIONS})
                           for e in ("E-1", "E-2")])
    judges = {name: add_judge(store, name, "", "judge") for name in JUDGES}
    for name, judge in judges.items():
        judging = Judging.for_judge(store, judge.id)
        for entry, value in (("E-1", 9), ("E-2", 5)):
            for section in SECTIONS:
                judging.set_score(entry, section, value)
        judging.set_review("E-1", tags=TAGS[name], complete=True)
        judging.set_review("E-2", complete=True)
    # Tom declares a conflict after tagging: his LC-1.1 and his RC-3.1 must stop counting.
    record_conflict(store, judges["Tom Baker"], "E-1", "Former colleague", who="coordinator")
    decide(store, "E-1", "winner", "The panel's choice", "Zofia Głowacka")
    yield store
    store.close()


def test_counts_judges_per_behaviour_in_every_domain_in_framework_order(panel: Store) -> None:
    evidence = entry_evidence(panel, "E-1")
    framework = load_framework()
    assert [d.name for d in evidence.domains] == [d.name for d in framework.domains]
    found = {b.id: b.judges for d in evidence.domains for b in d.behaviours}
    assert found == {"RC-3.1": 2, "IE-4.1": 1}
    rc = next(d for d in evidence.domains if d.id == "RC")
    assert rc.behaviours[0].text == behaviour("RC-3.1").text
    assert rc.behaviours[0].judges_words == "2 judges"
    assert evidence.coverage() == {
        "Individual Effectiveness": 1, "Relationships and Connectivity": 1,
        "Innovation and Improvement": 0, "Learning and Capacity Building": 0}


def test_a_conflicted_judges_tags_do_not_count(panel: Store) -> None:
    evidence = entry_evidence(panel, "E-1")
    lc = next(d for d in evidence.domains if d.id == "LC")
    assert lc.count == 0, "LC-1.1 came only from the conflicted judge"


def test_stale_tags_are_ignored_with_a_note(panel: Store) -> None:
    evidence = entry_evidence(panel, "E-1")
    assert all(b.id != "XX-9.9" for d in evidence.domains for b in d.behaviours)
    assert len(evidence.notes) == 1
    assert "XX-9.9" in evidence.notes[0] and "René" in evidence.notes[0]


def test_unreadable_tags_are_ignored_with_a_note(panel: Store) -> None:
    panel.db.execute("UPDATE reviews SET tags = 'not json' WHERE entry = 'E-2' AND judge = "
                     "(SELECT id FROM judges WHERE name = 'Tom Baker')")
    evidence = entry_evidence(panel, "E-2")
    assert not evidence.tagged
    assert len(evidence.notes) == 1 and "could not be read" in evidence.notes[0]


def test_an_untagged_entry_lists_every_domain_with_nothing(panel: Store) -> None:
    evidence = entry_evidence(panel, "E-2")
    assert not evidence.tagged
    assert len(evidence.domains) == 4 and all(d.count == 0 for d in evidence.domains)


def test_placed_entry_page_names_tagged_behaviour_and_its_domain(panel: Store) -> None:
    buffer = io.BytesIO()
    write_report(report_data(panel, [AWARD], day=date(2026, 11, 22)), buffer)
    pages = [" ".join(page.extract_text().split())
             for page in PdfReader(io.BytesIO(buffer.getvalue())).pages]
    entry_page = next(p for p in pages if "Winner: E-1" in p)
    assert "Systems Leadership framework: evidence tagged by the judges" in entry_page
    assert "Relationships and Connectivity" in entry_page
    assert "RC-3.1" in entry_page and "(2 judges)" in entry_page
    assert " ".join(behaviour("RC-3.1").text.split()[:3]) in entry_page
    assert "Learning and Capacity Building 0 No behaviours tagged" in entry_page
    assert "1 tag(s) not in the framework were ignored." in entry_page
