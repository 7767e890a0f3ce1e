"""Score sheets for a round: `scores import --round` and `scores export --round`.

A sheet's rows go into the round their award is in (the award's current round unless a round
is named). Rows for an award's first round are the ordinary score sheet (core/score_sheets.py)
and are left to it unchanged; rows for a later scored round are checked as a returned round
pack's scores are (core/round_packs.py): the round open, the judge assigned to the entry in
that round and not in conflict, the section one of the round's own, the value on its scale.
They are signed with the judge's key and written into `round_scores`, all or nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judges import find_judge
from judgepanel.core.round_returns import WRITE_ROUND_SCORE
from judgepanel.core.rounds import Round, award_rounds, find_round, round_award, round_entries
from judgepanel.core.score_sheets import (
    COLUMNS,
    EXTRA_COLUMNS,
    ScoreImportResult,
    _number,
    _read_rows,
    _text,
    check_export_path,
    export_scores,
    once,
    refuse_if_empty,
    sheet_lines,
    write_score_table,
)
from judgepanel.core.scoring import round_key, score_signature
from judgepanel.core.store import PACK, Store, now
from judgepanel.core.totals import scale_refusal

CONSENSUS_JUDGE = "(the panel)"  # the judge column of a consensus round's agreed scores


def _round_for(store: Store, award_id: str, round_id: str | None) -> Round:
    return find_round(store, award_id, round_id)


def sheet_round(store: Store, path: Path | str, award_id: str | None,
                round_id: str | None) -> Round | None:
    """The later round a sheet's rows go into, or None when they go to their awards' first
    rounds (the ordinary import). A sheet whose rows fall in different rounds is refused."""
    if store.kind == PACK:
        if round_id is not None or award_id is not None:
            raise JudgePanelError(f"{store.path}: a pack holds one round already; import "
                                  "into it without --award or --round")
        return None
    if award_id is None and round_id is None and not store.db.execute(
            "SELECT 1 FROM rounds WHERE position > 0").fetchone():
        return None  # no award of the panel has a later round: the ordinary sheet
    path = Path(path)
    awards = dict(store.db.execute("SELECT id, award FROM entries").fetchall())
    targets: dict[tuple[str, str], int] = {}
    for number, row in _read_rows(path):
        entry = row.get("entry", "").strip()
        award = awards.get(entry)
        if award is None:
            continue  # the ordinary import names the unknown entry
        if award_id is not None and award != award_id:
            raise JudgePanelError(f"{path}: row {number}, column entry: entry '{entry}' is "
                                  f"in award '{award}', not '{award_id}'")
        found = _round_for(store, award, round_id)
        targets.setdefault((award, found.id), number)
    if award_id is not None and not targets:
        _round_for(store, award_id, round_id)  # refuses an unknown round, naming the rounds
    rounds = {key: find_round(store, *key) for key in targets}
    for key, found in rounds.items():
        if found.closed:
            raise JudgePanelError(f"{path}: row {targets[key]}: round '{found.id}' of award "
                                  f"'{found.award}' ({found.name}) is closed; nothing can be "
                                  "imported into it")
    later = [r for r in rounds.values() if not r.first]
    if not later:
        return None
    if len(rounds) > 1:
        listed = "; ".join(f"row {number}: round '{key[1]}' of award '{key[0]}'"
                           for key, number in targets.items())
        raise JudgePanelError(f"{path}: the rows fall in different rounds ({listed}); "
                              "import one round's sheet at a time (--award, --round)")
    return later[0]


def import_round_scores(store: Store, path: Path | str, found: Round,
                        who: str = "") -> ScoreImportResult:
    """Read a score sheet into a later scored round, all or nothing; errors name the row."""
    path = Path(path)
    where_round = f"round '{found.id}' of award '{found.award}'"
    if found.kind != "scored":
        how = ("record the panel's agreed scores with judgepanel consensus"
               if found.kind == "consensus" else "its passes are recorded per judge")
        raise JudgePanelError(f"{path}: {where_round} is a {found.kind} round, not scored: "
                              f"{how} (for another round's scores, name it with --round)")
    if found.closed:
        raise JudgePanelError(f"{path}: {where_round} ({found.name}) is closed; nothing can "
                              "be imported into it")
    award = round_award(store, found)
    inside = set(round_entries(store, found))
    assigned = {(int(r[0]), str(r[1])) for r in store.db.execute(
        "SELECT judge, entry FROM round_assignments WHERE award = ? AND round = ?",
        [found.award, found.id])}
    conflicts = {(int(r[0]), str(r[1])) for r in store.db.execute(
        "SELECT judge, entry FROM conflicts")}
    result = ScoreImportResult(path)
    seen: dict[tuple[int, str, str], int] = {}
    seqs: dict[int, int] = {}
    with store.transaction():
        for line in sheet_lines(_read_rows(path), result):
            number, where, entry, name, section, value, comment = line
            judge = find_judge(store, name, required=False)
            if judge is None:
                raise JudgePanelError(f"{where}, column judge: '{name}' is not a judge of "
                                      f"this panel (a later round's judges are assigned "
                                      "before they score)")
            if entry not in inside:
                raise JudgePanelError(f"{where}, column entry: entry '{entry}' is not in "
                                      f"{where_round}")
            if (judge.id, entry) in conflicts:
                raise JudgePanelError(f"{where}: {judge.name} has a conflict of interest with "
                                      f"entry '{entry}', so their scores for it cannot count")
            if (judge.id, entry) not in assigned:
                raise JudgePanelError(f"{where}: entry '{entry}' is not assigned to "
                                      f"{judge.name} in {where_round} (judgepanel assign "
                                      "--round first)")
            try:
                scale = award.scale_of(award.section(section))
            except KeyError:
                known = ", ".join(s.id for s in award.sections)
                raise JudgePanelError(f"{where}, column section: {where_round} has no section "
                                      f"'{section}' (its sections: {known})") from None
            if value is not None and not scale.allows(value):
                raise JudgePanelError(f"{where}: entry '{entry}', section {section}: "
                                      f"{scale_refusal(value, scale)}")
            key = (judge.id, entry, section)
            once(seen, key, number, where)
            before = store.db.execute(
                "SELECT value, comment FROM round_scores WHERE award = ? AND round = ? AND "
                "judge = ? AND entry = ? AND section = ?",
                [found.award, found.id, *key]).fetchone()
            if comment is None:
                comment = before[1] if before else ""
            result.rows += 1
            if before is not None and (before[0], before[1]) == (value, comment):
                result.unchanged += 1
                continue
            if judge.id not in seqs:
                seqs[judge.id] = int(store.db.execute(
                    "SELECT MAX(seq) FROM round_scores WHERE judge = ?",
                    [judge.id]).fetchone()[0] or 0)
            seqs[judge.id] += 1
            stamp = now()
            pack_key = store.db.execute("SELECT pack_key FROM judges WHERE id = ?",
                                        [judge.id]).fetchone()[0]
            signature = score_signature(  # bound to the round, as a round pack signs
                round_key(pack_key, found.award, found.id), store.panel_id, judge.id, entry,
                section, value, comment, stamp, seqs[judge.id])
            store.db.execute(WRITE_ROUND_SCORE, [found.award, found.id, judge.id, entry,
                                                 section, value, comment, stamp, signature,
                                                 seqs[judge.id]])
            if before is None:
                result.new += 1
            else:
                result.changed += 1
        refuse_if_empty(path, result)
        store.audit("scores imported", {"file": path.name, "award": found.award,
                                        "round": found.id, "rows": result.rows,
                                        "new": result.new, "changed": result.changed,
                                        "unchanged": result.unchanged}, who)
    return result


def export_round_scores(store: Store, path: Path | str, award_id: str | None,
                        round_id: str | None) -> int:
    """Write one round's scores that count (default: the award's current round) to CSV or
    XLSX, with a `round` column after the usual ones; returns the rows written. Without an
    award or a round, every first-round score of the panel, as the ordinary export."""
    path = Path(path)
    if award_id is None and round_id is None:
        return export_scores(store, path)
    check_export_path(path)
    found = _export_round(store, award_id, round_id)
    table = [[*row, found.id] for row in _round_rows(store, found)]
    write_score_table(path, [*COLUMNS, *EXTRA_COLUMNS, "round"], table)
    return len(table)


def _export_round(store: Store, award_id: str | None, round_id: str | None) -> Round:
    if award_id is not None:
        return find_round(store, award_id, round_id)
    holders = [str(r[0]) for r in store.db.execute(
        "SELECT award FROM rounds WHERE id = ? ORDER BY award", [round_id])]
    if not holders and round_id is not None:
        firsts = [str(r[0]) for r in store.db.execute("SELECT id FROM awards ORDER BY id")
                  if award_rounds(store, str(r[0]))[0].id == round_id]
        holders = firsts
    if len(holders) != 1:
        what = "no award has" if not holders else f"awards {', '.join(holders)} each have"
        raise JudgePanelError(f"{store.path}: {what} a round '{round_id}'; name the award "
                              "with --award")
    return find_round(store, holders[0], round_id)


def _round_rows(store: Store, found: Round) -> list[list[Any]]:
    award = round_award(store, found)
    order = {s.id: i for i, s in enumerate(award.sections)}
    inside = set(round_entries(store, found))
    if found.first and found.kind == "scored":
        rows = store.db.execute(
            "SELECT s.entry, j.name, s.section, s.value, s.comment, e.award, e.title, "
            "s.updated_at FROM scores s JOIN judges j ON j.id = s.judge JOIN entries e ON "
            "e.id = s.entry WHERE e.award = ? AND NOT EXISTS (SELECT 1 FROM conflicts c "
            "WHERE c.judge = s.judge AND c.entry = s.entry)", [found.award]).fetchall()
    elif found.kind == "scored":
        rows = store.db.execute(
            "SELECT s.entry, j.name, s.section, s.value, s.comment, s.award, e.title, "
            "s.updated_at FROM round_scores s JOIN judges j ON j.id = s.judge JOIN entries e "
            "ON e.id = s.entry WHERE s.award = ? AND s.round = ? AND NOT EXISTS (SELECT 1 "
            "FROM conflicts c WHERE c.judge = s.judge AND c.entry = s.entry)",
            [found.award, found.id]).fetchall()
    elif found.kind == "consensus":
        rows = store.db.execute(
            "SELECT s.entry, ?, s.section, s.value, '', s.award, e.title, s.updated_at "
            "FROM consensus_scores s JOIN entries e ON e.id = s.entry WHERE s.award = ? AND "
            "s.round = ? AND s.section != ''", [CONSENSUS_JUDGE, found.award,
                                                found.id]).fetchall()
    else:
        raise JudgePanelError(f"round '{found.id}' of award '{found.award}' is a qualifying "
                              "round: it has passes, not scores (judgepanel rank --round "
                              f"{found.id} lists them)")
    ordered = sorted((r for r in rows if r[0] in inside),
                     key=lambda r: (r[0], r[1], order.get(r[2], len(order)), r[2]))
    return [[_text(r[0]), _text(r[1]), _text(r[2]), _number(r[3]), _text(r[4]), _text(r[5]),
             _text(r[6]), _text(r[7])] for r in ordered]
