"""The audit log catches what a tamperer with plain sqlite3 does to a panel's history.

Each test edits a closed panel the way the adversarial run did (dropping the append-only
triggers first) and checks that `verify_panel`, `judgepanel audit` and the open warning see it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from judgepanel.cli import cli
from judgepanel.core.assignment import assign
from judgepanel.core.awards import builtin_awards
from judgepanel.core.conflicts import record_conflict
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge
from judgepanel.core.merge import merge_packs
from judgepanel.core.moderation import check_history, decide, override_score, verify_panel
from judgepanel.core.packs import make_pack, open_pack
from judgepanel.core.panel import HistoryAltered, create_panel, open_panel
from judgepanel.core.scoring import Judging

AWARD = "leading-systems-transformation"


@pytest.fixture
def panel(tmp_path: Path) -> Path:
    """A panel with a merged pack, a conflict, a placement and a moderated score."""
    path = tmp_path / "awards.judgepanel"
    with create_panel(path, "Regional Awards 2026", builtin_awards()) as store:
        upsert_entries(store, [EntryRecord(f"E-{n}", AWARD, title=f"Entry {n}")
                               for n in range(1, 4)])
        ann, ben = add_judge(store, "Ann Ward"), add_judge(store, "Ben Carr")
        for entry in ("E-1", "E-2", "E-3"):
            assign(store, ann, entry)
            assign(store, ben, entry)
        record_conflict(store, ben, "E-3", "Former colleague")
        make_pack(store, ann, tmp_path / "ann.judgepack")
        with open_pack(tmp_path / "ann.judgepack") as pack:
            judging = Judging.for_pack(pack)
            for entry, value in (("E-1", 8), ("E-2", 5)):
                for section in ("Q1", "Q2", "Q3", "Q4", "Q5"):
                    judging.set_score(entry, section, value)
        merge_packs(store, [tmp_path / "ann.judgepack"], who="Chair")
        decide(store, "E-1", "winner", "Best on every section", who="Chair")
        override_score(store, "E-2", 60, "Panel discussion", who="Chair")
        assert verify_panel(store) == []
    return path


@pytest.fixture
def raw(panel: Path) -> Iterator[sqlite3.Connection]:
    """The panel as a tamperer opens it: plain sqlite3, the append-only triggers dropped."""
    conn = sqlite3.connect(panel)
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("DROP TRIGGER audit_no_delete")
    yield conn
    conn.close()


def problems_of(panel: Path, warned: bool = True) -> list[str]:
    """What `verify_panel` finds; opening the panel warns loudly when the log or the tables
    it seals were edited (signatures are re-checked by `verify_panel` and `audit` only)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with open_panel(panel) as store:
            problems = verify_panel(store)
    assert any(issubclass(w.category, HistoryAltered) for w in caught) == warned
    return problems


def test_removing_the_last_records_is_caught(panel: Path, raw: sqlite3.Connection) -> None:
    raw.execute("DELETE FROM audit WHERE id > (SELECT MAX(id) - 2 FROM audit)")
    raw.commit()
    assert any("records were removed from its end" in p for p in problems_of(panel))


def test_emptying_the_log_is_caught(panel: Path, raw: sqlite3.Connection) -> None:
    raw.execute("DELETE FROM audit")
    raw.commit()
    assert any("emptied" in p for p in problems_of(panel))


def test_a_whole_chain_recomputed_after_changing_a_placement_is_caught(
        panel: Path, raw: sqlite3.Connection) -> None:
    """The attack on the unkeyed chain: edit, then recompute every hash with plain SHA-256."""
    raw.execute("UPDATE decisions SET placement = 'finalist' WHERE entry = 'E-1'")
    raw.execute("UPDATE audit SET detail = replace(detail, '\"winner\"', '\"finalist\"') "
                "WHERE action = 'placement decided'")
    prev = ""
    for record_id, at, who, action, detail in raw.execute(
            "SELECT id, at, who, action, detail FROM audit ORDER BY id").fetchall():
        payload = json.dumps([prev, at, who, action, detail], ensure_ascii=False)
        digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()
        raw.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE id = ?",
                    [prev, digest, record_id])
        prev = digest
    raw.commit()
    problems = problems_of(panel)
    assert any("its contents were changed" in p for p in problems)


def test_deleting_a_record_in_the_middle_is_caught(panel: Path,
                                                   raw: sqlite3.Connection) -> None:
    raw.execute("DELETE FROM audit WHERE action = 'conflict recorded'")
    raw.commit()
    assert any("does not follow the record before it" in p for p in problems_of(panel))


@pytest.mark.parametrize(("table", "where", "named"), [
    ("decisions", "entry = 'E-1'", "the decisions were changed"),
    ("overrides", "entry = 'E-2'", "the overrides were changed"),
    ("assignments", "entry = 'E-1'", "the assignments were changed"),
    ("conflicts", "entry = 'E-3'", "the conflicts were changed"),
])
def test_deleting_decisions_overrides_assignments_or_conflicts_is_caught(
        panel: Path, raw: sqlite3.Connection, table: str, where: str, named: str) -> None:
    raw.execute(f"DELETE FROM {table} WHERE {where}")
    raw.commit()
    assert any(named in p for p in problems_of(panel))


def test_an_edited_raw_score_fails_its_signature(panel: Path, raw: sqlite3.Connection) -> None:
    raw.execute("UPDATE scores SET value = 10 WHERE entry = 'E-2' AND section = 'Q3'")
    raw.commit()
    problems = problems_of(panel, warned=False)
    assert any("score of Ann Ward for entry E-2, section Q3: its signature does not match" in p
               for p in problems)


def test_the_chain_head_is_printed_by_audit_and_on_the_signed_report(
        panel: Path, tmp_path: Path) -> None:
    with open_panel(panel) as store:
        head = store.audit_head()
        assert check_history(store) == []
    runner = CliRunner()
    shown = runner.invoke(cli, ["audit", str(panel)])
    assert shown.exit_code == 0 and f"head: {head}" in shown.output
    as_json = json.loads(runner.invoke(cli, ["audit", str(panel), "--json"]).output)
    assert as_json["head"] == head and as_json["intact"]
    report = tmp_path / "report.pdf"
    made = runner.invoke(cli, ["report", str(panel), "-o", str(report)])
    assert made.exit_code == 0, made.output
    last_page = PdfReader(report).pages[-1].extract_text()
    assert head.split(" (")[0] in " ".join(last_page.split())
    # A later edit of the history, even one re-keyed by someone holding the file, ends in
    # a different head than the one on the signed paper.
    with open_panel(panel) as store:
        decide(store, "E-1", "finalist", "Changed later", who="Someone")
        assert store.audit_head() != head
