"""How much is in the panel: counts the chair's pages show in their headings and navigation."""

from __future__ import annotations

from judgepanel.core.store import Store


def count_entries(store: Store, award_id: str | None = None) -> int:
    """Entries in one award, or in the whole panel when no award is given."""
    if award_id is None:
        row = store.db.execute("SELECT COUNT(*) FROM entries").fetchone()
    else:
        row = store.db.execute("SELECT COUNT(*) FROM entries WHERE award = ?",
                               [award_id]).fetchone()
    return int(row[0])
