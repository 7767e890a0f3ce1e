"""What the judge's window reads from the pack at open: entries, awards, statuses, tags.

Kept apart from the widgets so the window stays about interaction. Everything here is quick
for a pack (tens of entries); the search index is built in memory, never in the pack.
"""

from __future__ import annotations

from typing import Any

from judgepanel.core.awards import Award, panel_awards
from judgepanel.core.entries import list_entries
from judgepanel.core.scoring import Judging
from judgepanel.gui.judge_models import EntryRow, EntrySearch, Tag


def load_entries(judging: Judging) -> dict[str, dict[str, Any]]:
    """The pack's entries for its judge (assigned, or in conflict), in the pack's order."""
    store = judging.store
    mine = {r["entry"] for r in store.rows(
        "SELECT entry FROM assignments WHERE judge = ? UNION "
        "SELECT entry FROM conflicts WHERE judge = ?", [judging.judge, judging.judge])}
    return {e["entry"]: e for e in list_entries(store) if e["entry"] in mine}


def load_awards(judging: Judging) -> dict[str, Award]:
    return {award.id: award for award in panel_awards(judging.store)}


def entry_row(judging: Judging, entry: dict[str, Any], award: Award) -> EntryRow:
    status, scored = entry_status(judging, entry["entry"])
    return EntryRow(id=entry["entry"], title=entry["title"], nominee=entry["nominee"],
                    organisation=entry["organisation"], award=award.id, status=status,
                    scored=scored, sections=len(award.sections))


def entry_status(judging: Judging, entry_id: str) -> tuple[str, int]:
    """The entry's status and how many of its sections have a score."""
    status = judging.status(entry_id)
    if status == "conflict":
        return status, 0
    scored = sum(1 for row in judging.scores(entry_id).values() if row["value"] is not None)
    return status, scored


def build_search(entries: dict[str, dict[str, Any]]) -> EntrySearch:
    documents = {
        entry_id: "\n".join([entry_id, entry["title"], entry["nominee"],
                             entry["organisation"], *entry["answers"].values()])
        for entry_id, entry in entries.items()
    }
    return EntrySearch(documents)


def framework_tags() -> list[Tag]:
    """The framework's behaviours as evidence tags; none when the framework is unavailable."""
    try:
        from judgepanel.core.leadership_framework import load_framework
        framework = load_framework()
    except Exception:  # no framework shipped: the tag box stays hidden
        return []
    return [Tag(id=behaviour.id, text=behaviour.text, domain=domain.name)
            for domain in framework.domains for behaviour in domain.behaviours]


def conflict_reason(judging: Judging, entry_id: str) -> str:
    rows = judging.store.rows("SELECT reason FROM conflicts WHERE judge = ? AND entry = ?",
                              [judging.judge, entry_id])
    return rows[0]["reason"] if rows else ""
