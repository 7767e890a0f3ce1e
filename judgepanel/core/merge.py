"""Returned packs in: check every record, then merge the judges' work into the panel.

A merge run is all-or-nothing: every file is checked and merged inside one panel transaction,
and any refusal (another panel's pack, a record altered outside JudgePanel, a truncated or
foreign file, an unknown judge, entry or section, a score off the scale or for an entry the
judge is in conflict with, or one the panel never assigned to that judge) rolls the whole
run back. Merging is idempotent, and a later return from the same judge supersedes an earlier
one value by value: each record carries the judge's write counter (`seq`, kept in the pack and
signed), so an older record never overwrites a newer one whatever the laptop's clock said.
Records written before the counter existed (seq 0) fall back to their validated times.

Trust: the pack carries its judge's signing key, so a signature proves only that the record
came through a pack of that judge, not that the judge was allowed to write it. The panel's own
assignments decide which entries a returned pack may change. A record for an entry withdrawn
from the round since the pack was made is skipped and counted, never stored.

Decision: a score (or review) for an entry the judge is in conflict with in the panel refuses
the file rather than being skipped, so the coordinator sees it; either way it never counts.

Each file is read by core/returned_packs.py and checked by core/merge_checks.py; this module
runs the merge (or the check alone) over the files and writes what the checks planned.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.merge_checks import MergePlan, MergeResult, PanelView, plan_pack
from judgepanel.core.pack_files import pack_judge_name
from judgepanel.core.progress import Progress
from judgepanel.core.returned_packs import PackRefused, read_pack
from judgepanel.core.store import Store

# ----- the public operations ------------------------------------------------------------------


def merge_packs(panel: Store, paths: Iterable[Path | str], who: str = "",
                progress: Progress | None = None) -> list[MergeResult]:
    """Merge returned packs in one transaction; any refusal raises and changes nothing."""
    files = [Path(p) for p in paths]
    view = PanelView.read(panel)
    results: list[MergeResult] = []
    with panel.transaction():
        state: str | None = None  # the sealed tables' digest, read again after they change
        for path, plan in _plans(view, files, progress):
            if isinstance(plan, PackRefused):
                raise JudgePanelError(f"{path}: refused: {plan}; nothing was merged")
            state = _write(view, plan, who, state)
            results.append(plan.result)
    if progress:
        progress(len(files), len(files), "")
    return results


def check_packs(panel: Store, paths: Iterable[Path | str],
                progress: Progress | None = None) -> list[MergeResult]:
    """What merging these packs would do, file by file, or why each would be refused.

    Changes nothing. A refused file's result names the judge the file says it belongs to.
    """
    files = [Path(p) for p in paths]
    results: list[MergeResult] = []
    for path, plan in _plans(PanelView.read(panel), files, progress):
        if isinstance(plan, PackRefused):
            results.append(MergeResult(path, judge=pack_judge_name(path), refused=str(plan)))
        else:
            results.append(plan.result)
    if progress:
        progress(len(files), len(files), "")
    return results


@dataclass
class MergeRun:
    """One merge of returned packs: every file's result, and why nothing merged if it did not."""

    results: list[MergeResult]
    refusal: str = ""  # the error naming the first refused file; empty when all merged

    @property
    def merged(self) -> bool:
        return not self.refusal


def merge_returned_packs(panel: Store, paths: Iterable[Path | str], who: str = "",
                         progress: Progress | None = None) -> MergeRun:
    """The merge the Packs page and `judgepanel merge` both run: all or nothing across files.

    When any file is refused nothing is written, and the run holds every file's plan (the
    refused ones with their reason) so the coordinator sees which file to leave out.
    """
    files = [Path(p) for p in paths]
    try:
        return MergeRun(merge_packs(panel, files, who, progress))
    except JudgePanelError as exc:
        results = check_packs(panel, files)
        if all(result.ok for result in results):
            raise  # not a file's fault (the panel busy or read-only): nothing to show per file
        return MergeRun(results, str(exc))


def _plans(view: PanelView, files: list[Path],
           progress: Progress | None) -> Iterator[tuple[Path, MergePlan | PackRefused]]:
    """Each pack read and planned in turn, with progress; a refusal is handed back, not raised,
    so each caller decides whether it stops the merge."""
    for done, path in enumerate(files):
        if progress:
            progress(done, len(files), path.name)
        try:
            plan: MergePlan | PackRefused = plan_pack(view, read_pack(path, view.panel))
        except PackRefused as exc:
            plan = exc
        yield path, plan


def check_pack(panel: Store, path: Path | str) -> MergeResult:
    """What merging one pack would do, or why it would be refused; changes nothing."""
    path = Path(path)
    try:
        return plan_pack(PanelView.read(panel), read_pack(path, panel)).result
    except PackRefused as exc:
        return MergeResult(path, refused=str(exc))


# ----- writing --------------------------------------------------------------------------------


def _write(view: PanelView, plan: MergePlan, who: str, state: str | None) -> str | None:
    """Write one checked pack into the panel (inside the caller's transaction).

    `state` is the audit's sealed state as the previous pack left the tables (None: not read
    yet); returned as this pack leaves them, for the next. A first-round pack changes a sealed
    table only when it brings conflicts of interest, so most packs' records reuse it.
    """
    if plan.round_plan is not None:
        plan.round_plan.write(view.panel.db.conn)
        view.panel.audit("pack merged", {
            "file": plan.result.file.name, "sha256": plan.result.sha256,
            "judge": plan.result.judge, "award": plan.round_plan.award,
            "round": plan.round_plan.round, "new": plan.result.new,
            "changed": plan.result.changed, "unchanged": plan.result.unchanged,
            "reviews": plan.result.reviews, "withdrawn": plan.result.withdrawn}, who)
        return None  # a later round's pack may change any sealed table: read it afresh
    conn = view.panel.db.conn
    judge = plan.judge
    if plan.conflicts:
        state = None  # conflicts and assignments change, and the audit seals both
    for row in plan.conflicts:
        conn.execute("INSERT INTO conflicts(judge, entry, reason, declared_by, created_at, "
                     "signature) VALUES (?,?,?,?,?,?)", row)
        conn.execute("DELETE FROM assignments WHERE judge = ? AND entry = ?", [judge, row[1]])
        view.record_conflict(judge, row[1])
    conn.executemany("INSERT INTO scores(judge, entry, section, value, comment, updated_at, "
                     "signature, seq) VALUES (?,?,?,?,?,?,?,?)", plan.new_scores)
    conn.executemany("UPDATE scores SET value = ?, comment = ?, updated_at = ?, signature = ?, "
                     "seq = ? WHERE judge = ? AND entry = ? AND section = ?",
                     plan.changed_scores)
    conn.executemany(
        "INSERT INTO reviews(judge, entry, comment, tags, complete, updated_at, signature, seq) "
        "VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(judge, entry) DO UPDATE SET "
        "comment=excluded.comment, tags=excluded.tags, complete=excluded.complete, "
        "updated_at=excluded.updated_at, signature=excluded.signature, seq=excluded.seq",
        plan.reviews)
    for row in plan.new_scores:
        view.scores[(judge, row[1], row[2])] = (row[3], row[4], row[5], row[7])
    for value, comment, updated_at, _sig, seq, _judge, entry, section in plan.changed_scores:
        view.scores[(judge, entry, section)] = (value, comment, updated_at, seq)
    for row in plan.reviews:
        view.reviews[(judge, row[1])] = (*row[2:6], row[7])
    result = plan.result
    if state is None:
        state = view.panel.sealed_state()
    view.panel.audit("pack merged", {
        "file": result.file.name, "sha256": result.sha256, "judge": result.judge,
        "new": result.new, "changed": result.changed, "unchanged": result.unchanged,
        "conflicts": result.conflicts, "reviews": result.reviews, "older": result.older,
        "counter": result.counter, "withdrawn": result.withdrawn,
        "conflict_entries": [row[1] for row in plan.conflicts]}, who, state)
    return state
