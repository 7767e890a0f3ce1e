"""Judge packs out: one SQLite file per judge holding only what that judge may see.

Blind judging: a pack is built fresh, row by row, from the panel into a new file, so no other
judge's score, comment, name or e-mail can linger in it (not even in free pages, as it would in
a copy of the panel with rows deleted). It holds the panel's identity, the awards of its
entries, the judge's own row (with the key their records are signed with), their assigned
entries that are not in conflict, and their own earlier scores, reviews and declared
conflicts, so a re-issued pack carries their work. Returned packs are merged by `merge.py`.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TypeVar

from judgepanel.core.attachment_packs import copy_to_pack
from judgepanel.core.errors import JudgePanelError, RefusedFile
from judgepanel.core.file_encryption import (
    FileKey,
    file_salt,
    held_key,
    hold_key,
    new_key,
    new_passphrase,
)
from judgepanel.core.file_safety import disk_full_error, writer_may_be_running
from judgepanel.core.judge_fields import entry_for_judges, hidden_fields
from judgepanel.core.judges import Judge
from judgepanel.core.progress import Progress
from judgepanel.core.store import PACK, Store, now

PACK_SUFFIX = ".judgepack"
T = TypeVar("T")

# The entries a judge's pack holds: assigned to them and not in conflict (param: judge id).
_IN_PACK = ("SELECT a.entry FROM assignments a WHERE a.judge = ? AND NOT EXISTS (SELECT 1 "
            "FROM conflicts c WHERE c.judge = a.judge AND c.entry = a.entry)")

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}


@dataclass(frozen=True)
class PackSummary:
    """What went into one pack, for the CLI line and the "Create packs" dialog."""

    path: Path
    judge: str
    judge_id: int
    entries: int
    scores: int
    conflicts: int
    entry_ids: list[str] = field(default_factory=list)  # what the pack holds, for the merge
    passphrase: str = ""  # what opens the pack; empty for a plain pack
    expires: str = ""  # YYYY-MM-DD after which the judge can only return it; empty: never


def pack_file_name(judge_name: str) -> str:
    """`<Judge Name>.judgepack`, made safe on Windows (no reserved names or characters)."""
    name = _UNSAFE.sub("_", judge_name).strip().rstrip(". ")
    if not name:
        name = "judge"
    if name.split(".")[0].upper() in _RESERVED:
        name = f"{name}_"
    return name[:120] + PACK_SUFFIX


def make_pack(panel: Store, judge: Judge, path: Path | str, who: str = "",
              overwrite: bool = False, passphrase: str | None = None,
              expires: date | None = None) -> PackSummary:
    """Write `judge`'s pack to `path`; refuses an existing file unless `overwrite`.

    With `passphrase` the pack is encrypted (an empty one: a generated passphrase, returned
    in the summary) and the panel keeps its key for the merge; None makes a plain pack.
    The pack is written to a temporary file beside `path` and moved into place at the end,
    so a failure never leaves a half-written pack (or destroys the old one).
    """
    path = Path(path)
    passphrase, key = pack_key(passphrase)
    if panel.kind != "panel":
        raise JudgePanelError(f"{panel.path}: packs are made from a panel, not from a pack")
    check_pack_target(path, overwrite)
    row = panel.db.execute("SELECT id, name, email, role FROM judges WHERE id = ?",
                           [judge.id]).fetchone()
    if row is None:
        raise JudgePanelError(f"{panel.path}: {judge.name} is not a judge of this panel")
    judge = Judge(*row)  # as the panel has it now, in case the caller's copy is stale
    summary = write_pack_file(path, key, lambda partial: _build(panel, judge, partial, path,
                                                                key, expires))
    record_pack(panel, key, "pack made", {
        "judge": judge.name, "judge_id": judge.id, "file": path.name,
        "entries": summary.entries, "scores": summary.scores, "entry_ids": summary.entry_ids,
        "encrypted": key is not None, "expires": summary.expires}, who)
    if passphrase is not None:
        summary = replace(summary, passphrase=passphrase)
    return summary


def pack_key(passphrase: str | None) -> tuple[str | None, FileKey | None]:
    """The passphrase a pack is made with and its key: "" (or blank) a generated passphrase,
    a text as given, None a plain pack (no key)."""
    if passphrase is not None and not passphrase.strip():
        passphrase = new_passphrase()
    return passphrase, (new_key(passphrase) if passphrase is not None else None)


def check_pack_target(path: Path, overwrite: bool) -> None:
    """Refuse to write a pack over an existing file (unless `overwrite`) or into no folder."""
    if path.exists() and not overwrite:
        raise JudgePanelError(f"{path}: already exists; choose another name or overwrite it")
    if not path.parent.is_dir():
        raise JudgePanelError(f"{path.parent}: no such folder")


def write_pack_file(path: Path, key: FileKey | None, build: Callable[[Path], T]) -> T:
    """Run `build` on a temporary file beside `path` and move it into place only when it is
    complete and on the disk, so a failure never leaves a half-written pack (or destroys the
    old one); errors name `path`, not the temporary file. Returns what `build` returns."""
    remove_stray_partials(path.parent)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    try:
        made = build(partial)
        _flush_to_disk(partial)
        os.replace(partial, path)
    except JudgePanelError as exc:  # name the pack the user asked for, not the partial file
        raise JudgePanelError(str(exc).replace(str(partial), str(path))) from None
    except (OSError, sqlite3.Error) as exc:
        if disk_full_error(exc):
            raise JudgePanelError(f"no space left on device while writing {path}") from None
        raise
    finally:
        partial.unlink(missing_ok=True)
        Path(f"{partial}-journal").unlink(missing_ok=True)
    if key is not None:
        hold_key(path, key)  # this process made it: it may open it again without asking
    return made


def record_pack(panel: Store, key: FileKey | None, action: str, detail: dict[str, object],
                who: str) -> None:
    """The panel's record of a pack made: its key kept for the merge, and the audit line."""
    with panel.transaction():
        if key is not None:
            panel.set_meta(f"pack_cipher:{key.salt.hex()}", key.hex)
        panel.audit(action, detail, who)


@contextmanager
def new_pack_store(panel: Store, partial: Path, key: FileKey | None) -> Iterator[Store]:
    """A new, empty pack of `panel` at `partial`, set up for a one-off build; closed after."""
    pack = Store.create(partial, PACK, title=panel.title, panel_id=panel.panel_id, key=key)
    try:
        # A conflict the judge declared refers to an entry the pack does not hold.
        pack.db.execute("PRAGMA foreign_keys = OFF")
        _build_quickly(pack)
        yield pack
    finally:
        pack.close()


def copy_entry(source: sqlite3.Connection, target: sqlite3.Connection, entry: str,
               hidden: dict[str, list[str]]) -> None:
    """One entry and its answers into a pack. The original export row (`source`) may carry
    the entry platform's reviewer columns, so it stays in the panel; fields hidden from
    judges are emptied before the row is written, so they never enter the pack's bytes."""
    copy_rows(source, target,
              "SELECT id, award, title, nominee, organisation, fields, '{}' AS source, "
              "source_file, source_row, imported_at, updated_at FROM entries WHERE id = ?",
              [entry], "entries", hidden)
    copy_rows(source, target, "SELECT * FROM answers WHERE entry = ?", [entry], "answers")


def remove_stray_partials(folder: Path) -> list[Path]:
    """Remove half-written packs a killed `pack` left in `folder` (they hold a judge's key).

    A partial file is named `.NAME.judgepack.PID.partial`; one whose process is still running
    (another `pack` at work right now) is left alone.
    """
    removed: list[Path] = []
    for stray in folder.glob(f".*{PACK_SUFFIX}.*.partial*"):
        stem = stray.name.split(".partial")[0]
        pid = stem.rsplit(".", 1)[-1]
        if not pid.isdigit() or int(pid) == os.getpid() or writer_may_be_running(int(pid), stray):
            continue  # not ours to judge, this process's own, or a `pack` still at work
        stray.unlink(missing_ok=True)
        removed.append(stray)
    return removed


def _build(panel: Store, judge: Judge, partial: Path, final: Path, key: FileKey | None = None,
           expires: date | None = None) -> PackSummary:
    """Copy the allowed rows into a new pack file (only ever rows selected for this judge)."""
    source = panel.db.conn
    entry_ids = [r[0] for r in source.execute(f"{_IN_PACK} ORDER BY a.entry", [judge.id])]
    with new_pack_store(panel, partial, key) as pack:
        target = pack.db.conn
        with pack.transaction():
            pack.set_meta("judge_id", str(judge.id))
            pack.set_meta("judge_name", judge.name)
            pack.set_meta("panel_title", panel.title)
            pack.set_meta("packed_at", now())
            if expires is not None:
                pack.set_meta("expires", expires.isoformat())
            copy_rows(source, target, "SELECT * FROM judges WHERE id = ?", [judge.id], "judges")
            awards = [r[0] for r in source.execute(
                f"SELECT id FROM awards WHERE id IN (SELECT award FROM entries WHERE id IN "
                f"({_IN_PACK})) ORDER BY position, id", [judge.id])]
            hidden = {award: hidden_fields(panel, award) for award in awards}
            for award in awards:
                copy_rows(source, target, "SELECT * FROM awards WHERE id = ?", [award], "awards")
                copy_rows(source, target, "SELECT * FROM sections WHERE award = ?", [award],
                      "sections")
            for entry in entry_ids:
                copy_entry(source, target, entry, hidden)
                copy_rows(source, target,
                      "SELECT * FROM assignments WHERE judge = ? AND entry = ?",
                      [judge.id, entry], "assignments")
                copy_rows(source, target, "SELECT * FROM scores WHERE judge = ? AND entry = ?",
                      [judge.id, entry], "scores")
                copy_rows(source, target, "SELECT * FROM reviews WHERE judge = ? AND entry = ?",
                      [judge.id, entry], "reviews")
            copy_rows(source, target, "SELECT * FROM conflicts WHERE judge = ? AND "
                  "declared_by = 'judge'", [judge.id], "conflicts")
            copy_to_pack(source, target, entry_ids)  # theirs only, streamed in chunks
            pack.audit("pack made", {"judge": judge.name, "panel": panel.title,
                                     "entries": len(entry_ids)})
            counts = {table: target.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                      for table in ("entries", "scores", "conflicts")}
    return PackSummary(final, judge.name, judge.id, counts["entries"], counts["scores"],
                       counts["conflicts"], entry_ids,
                       expires=expires.isoformat() if expires else "")


def _build_quickly(pack: Store) -> None:
    """Settings for the one-off build of a new pack under a temporary name: no journal on
    disk and no syncing along the way (a failed build is deleted, never used; the finished
    file is synced once by `_flush_to_disk` before it takes its real name), and a page cache
    of 64 MiB, so a document's pages are encrypted and written once, not spilled and redone.
    Memory stays bounded by that cache, whatever the documents weigh."""
    pack.db.execute("PRAGMA journal_mode = MEMORY")
    pack.db.execute("PRAGMA synchronous = OFF")
    pack.db.execute("PRAGMA cache_size = -65536")


def _flush_to_disk(path: Path) -> None:
    """Make sure a finished file is on the disk before it is renamed into place."""
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def copy_rows(source: sqlite3.Connection, target: sqlite3.Connection, sql: str,
          params: list[object], table: str,
          hidden: dict[str, list[str]] | None = None) -> None:
    """Insert the rows `sql` selects from the panel into the same table of the pack
    (entries rows with their award's `hidden` fields emptied)."""
    cursor = source.execute(sql, params)
    names = [c[0] for c in cursor.description]
    rows = cursor.fetchall()
    if hidden:
        rows = [tuple(entry_for_judges(dict(zip(names, row, strict=True)),
                                       hidden.get(row[names.index("award")], [])).values())
                for row in rows]
    if rows:
        marks = ",".join("?" * len(names))
        target.executemany(
            f"INSERT INTO {table}({', '.join(names)}) VALUES ({marks})", rows)


def pack_names(judges: list[Judge], suffix: str = "") -> list[tuple[Judge, str]]:
    """Each judge's pack file name, distinct even where names clash ("Ann (2).judgepack");
    `suffix` follows the judge's name ("Ann - final.judgepack")."""
    named: list[tuple[Judge, str]] = []
    used: set[str] = set()
    for judge in judges:
        name = pack_file_name(judge.name + suffix)
        stem, number = name[: -len(PACK_SUFFIX)], 2
        while name.casefold() in used:
            name, number = f"{stem} ({number}){PACK_SUFFIX}", number + 1
        used.add(name.casefold())
        named.append((judge, name))
    return named


def pack_targets(folder: Path, judges: list[Judge], overwrite: bool,
                 suffix: str = "") -> list[tuple[Judge, Path]]:
    """Where each judge's pack goes in `folder` (see `pack_names`); every name is checked
    before any pack is written."""
    if not folder.is_dir():
        raise JudgePanelError(f"{folder}: no such folder")
    targets: list[tuple[Judge, Path]] = []
    for judge, name in pack_names(judges, suffix):
        target = folder / name
        if target.exists() and not overwrite:
            raise JudgePanelError(f"{target}: already exists; nothing was written "
                                  "(choose another folder or overwrite)")
        targets.append((judge, target))
    return targets


def make_packs(panel: Store, judges: list[Judge], folder: Path | str,
               progress: Progress | None = None, who: str = "",
               overwrite: bool = False, encrypt: bool = False,
               expires: date | None = None) -> list[PackSummary]:
    """One pack per judge in `folder`, named after the judge; checks every name first.
    With `encrypt`, each pack gets its own generated passphrase (in its summary).

    `progress(done, total, judge_name)` is called before each pack and once at the end with
    (total, total, "").
    """
    targets = pack_targets(Path(folder), judges, overwrite)
    made: list[PackSummary] = []
    for done, (judge, target) in enumerate(targets):
        if progress:
            progress(done, len(targets), judge.name)
        made.append(make_pack(panel, judge, target, who=who, overwrite=overwrite,
                              passphrase="" if encrypt else None, expires=expires))
    if progress:
        progress(len(targets), len(targets), "")
    return made


def open_pack(path: Path | str, key: FileKey | None = None) -> Store:
    """Open a judge's pack (an encrypted one with its `key`); a panel or any other file is
    refused with a clear message."""
    # Open as whatever the file is (so a panel keeps its journal mode), then check its kind.
    key = key or held_key(path)
    store = Store.open(path, key=key)
    if key is not None:
        hold_key(path, key)
    if store.kind != PACK:
        kind = store.kind
        store.close()
        what = "a panel (.judgepanel)" if kind == "panel" else "not a JudgePanel pack"
        raise RefusedFile(f"{path}: this is {what}, not a judge pack (.judgepack)")
    if store.meta("judge_id") is None:
        store.close()
        raise JudgePanelError(f"{path}: this pack names no judge; ask for a new pack")
    return store


def pack_expires(pack: Store) -> date | None:
    """The date after which the judge's window opens this pack only to return it."""
    text = pack.meta("expires")
    return date.fromisoformat(text) if text else None


def pack_expired(pack: Store, today: date | None = None) -> bool:
    """Whether the pack's expiry date has passed (a pack with none never expires)."""
    expires = pack_expires(pack)
    return expires is not None and (today or date.today()) > expires


def panel_pack_key(panel: Store, path: Path | str) -> FileKey | None:
    """The key the panel kept for the encrypted pack at `path` (found by the file's salt)."""
    text = panel.meta(f"pack_cipher:{file_salt(Path(path)).hex()}")
    return FileKey.from_hex(text) if text else None
