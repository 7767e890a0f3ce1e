"""The panel's own details a coordinator changes after creating it: its title, its awards.

One function per action, each taking who acts and recording itself in the audit log; the
panel window and any script call the same functions.
"""

from __future__ import annotations

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.store import Store


def rename_panel(store: Store, title: str, who: str = "") -> str:
    """Give the panel a new title (shown in window titles, reports and certificates)."""
    new = " ".join(title.split())
    if not new:
        raise JudgePanelError("The panel needs a title: type one, for example the programme "
                              "and year")
    old = store.title
    if new == old:
        return new
    with store.transaction():
        store.set_meta("title", new)
        store.audit("panel renamed", {"from": old, "to": new}, who)
    return new


def award_entry_counts(store: Store) -> dict[str, int]:
    """Entries per award, every award of the panel listed (0 when it has none), in panel order."""
    rows = store.rows("SELECT a.id AS award, COUNT(e.id) AS n FROM awards a "
                      "LEFT JOIN entries e ON e.award = a.id GROUP BY a.id "
                      "ORDER BY a.position, a.rowid")
    return {str(row["award"]): int(row["n"]) for row in rows}


def award_names(store: Store) -> dict[str, str]:
    """Award id -> the award's name, in panel order."""
    rows = store.rows("SELECT id, name FROM awards ORDER BY position, rowid")
    return {str(row["id"]): str(row["name"]) for row in rows}


def award_entry_titles(store: Store, award_id: str) -> list[tuple[str, str]]:
    """(entry id, title) of every entry of an award, by id: what a tie-break vote orders."""
    rows = store.rows("SELECT id, title FROM entries WHERE award = ? ORDER BY id", [award_id])
    return [(str(row["id"]), str(row["title"])) for row in rows]


def first_award_with_entries(store: Store) -> str | None:
    """The award a page should open on: the first with entries, else the first award."""
    counts = award_entry_counts(store)
    return next((award for award, n in counts.items() if n), next(iter(counts), None))


def remove_award(store: Store, award_id: str, who: str = "") -> None:
    """Take an award out of the panel; refused while it has entries (they would be orphaned)."""
    counts = award_entry_counts(store)
    names = award_names(store)
    if award_id not in counts:
        raise JudgePanelError(f"There is no award '{award_id}' in this panel")
    name = names.get(award_id, award_id)
    if counts[award_id]:
        raise JudgePanelError(
            f"{name} has {counts[award_id]} entries: it can only be removed while it has none")
    if len(counts) == 1:
        raise JudgePanelError(f"{name} is the panel's only award: a panel needs at least one")
    with store.transaction():
        store.db.execute("DELETE FROM awards WHERE id = ?", [award_id])
        store.audit("award removed", {"award": award_id, "name": name}, who)
