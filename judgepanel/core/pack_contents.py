"""What a judge's pack holds for its judge: their entries, the awards, each entry's status.

The judge's window reads these at open; they are quick for a pack (tens of entries).
"""

from __future__ import annotations

from typing import Any

from judgepanel.core.awards import Award, panel_awards
from judgepanel.core.entries import list_entries
from judgepanel.core.scoring import Judging


def pack_entries(judging: Judging) -> dict[str, dict[str, Any]]:
    """The pack's entries for its judge (assigned, or in conflict), in the pack's order."""
    mine = {r["entry"] for r in judging.store.rows(
        "SELECT entry FROM assignments WHERE judge = ? UNION "
        "SELECT entry FROM conflicts WHERE judge = ?", [judging.judge, judging.judge])}
    return {e["entry"]: e for e in list_entries(judging.store) if e["entry"] in mine}


def pack_awards(judging: Judging) -> dict[str, Award]:
    """The pack's awards by id."""
    return {award.id: award for award in panel_awards(judging.store)}


def entry_status(judging: Judging, entry_id: str) -> tuple[str, int]:
    """The entry's status and how many of its sections have a score."""
    status = judging.status(entry_id)
    if status == "conflict":
        return status, 0
    scored = sum(1 for row in judging.scores(entry_id).values() if row["value"] is not None)
    return status, scored


def conflict_reason(judging: Judging, entry_id: str) -> str:
    """Why the judge declared (or was recorded with) a conflict for this entry; empty if none."""
    rows = judging.store.rows("SELECT reason FROM conflicts WHERE judge = ? AND entry = ?",
                              [judging.judge, entry_id])
    return str(rows[0]["reason"] or "") if rows else ""


def search_text(entry: dict[str, Any]) -> str:
    """Everything a judge may search an entry by: id, title, nominee, organisation, answers."""
    return "\n".join([entry["entry"], entry["title"], entry["nominee"], entry["organisation"],
                      *entry["answers"].values()])
