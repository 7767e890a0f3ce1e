"""Every judge's pack for a later round at once (`pack --all --round`): a scored round's
packs are made by core/round_packs.py, a qualifying round's by core/qualifying_packs.py."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import Judge
from judgepanel.core.packs import PackSummary, pack_targets
from judgepanel.core.qualifying_packs import make_qualifying_pack
from judgepanel.core.round_packs import (
    ASSIGNED_KINDS,
    open_later_round,
    round_pack,
    round_pack_entries,
)
from judgepanel.core.store import Store


def make_round_packs(panel: Store, award_id: str, round_id: str, folder: Path | str,
                     who: str = "", overwrite: bool = False, passphrase: str | None = None,
                     expires: date | None = None) -> list[PackSummary]:
    """One pack for every judge assigned in a later scored or qualifying round, in `folder`,
    named after the judge and the round ("Ann Lee - final.judgepack"); every name is checked
    before any is written. `passphrase`: None plain, "" a generated one per pack, a text the
    same for every pack."""
    folder = Path(folder)
    if not folder.is_dir():
        raise JudgePanelError(f"{folder}: no such folder")
    found = open_later_round(panel, award_id, round_id, ASSIGNED_KINDS)
    judges = [Judge(*row) for row in panel.db.execute(
        "SELECT id, name, email, role FROM judges ORDER BY id")]
    assigned = [j for j in judges if round_pack_entries(panel, found, j)]
    if not assigned:
        raise JudgePanelError(f"{panel.path}: no judge has entries in round '{found.id}' of "
                              f"award '{award_id}'; assign them first (judgepanel assign "
                              "--round)")
    targets = pack_targets(folder, assigned, overwrite, f" - {found.id}")
    made: list[PackSummary] = []
    for judge, target in targets:
        if found.kind == "qualifying":
            made.append(make_qualifying_pack(
                panel, award_id, found.id, judge, target, who=who, overwrite=overwrite,
                passphrase=passphrase, expires=expires).summary(judge.id))
        else:
            made.append(round_pack(panel, award_id, found.id, judge, target, who=who,
                                   overwrite=overwrite, passphrase=passphrase,
                                   expires=expires))
    return made
