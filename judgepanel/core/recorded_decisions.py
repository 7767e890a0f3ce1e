"""The chair's decisions as recorded, read back for the ranking: placements, moderated
scores and tie-break votes.

Below both the ranking (which applies them) and moderation (which records them, and reads
the ranking to record a moderated score's old value), so that the two never import each
other in a circle.
"""

from __future__ import annotations

import json
from typing import Any

from judgepanel.core.store import Store


def tie_break_records(store: Store, award_id: str) -> list[list[str]]:
    """The award's recorded panel tie-break orders, newest first."""
    orders = []
    for row in store.rows("SELECT detail FROM audit WHERE action = 'tie break' "
                          "ORDER BY id DESC"):
        detail = json.loads(row["detail"])
        if detail.get("award") == award_id:
            orders.append([str(e) for e in detail.get("order", [])])
    return orders


def current_overrides(store: Store) -> dict[str, dict[str, Any]]:
    """The latest moderated score of each entry that has one (unless it was withdrawn)."""
    withdrawn = {json.loads(row[0]).get("override") for row in store.db.execute(
        "SELECT detail FROM audit WHERE action = 'override withdrawn'").fetchall()}
    latest: dict[str, dict[str, Any]] = {}
    for row in store.rows("SELECT * FROM overrides ORDER BY id"):
        latest[row["entry"]] = row
    return {entry: row for entry, row in latest.items() if row["id"] not in withdrawn}


def placements(store: Store) -> dict[str, str]:
    """Entry → its current placement."""
    return {r["entry"]: r["placement"] for r in store.rows("SELECT entry, placement FROM "
                                                            "decisions")}
