"""Rotating backups of a judge's pack: a whole copy now and then, the newest few kept.

Runs on any thread: each copy opens its own short-lived read-only connection to the pack
(SQLite's backup API), never the writer's.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from judgepanel.core.pack_files import copy_pack

BACKUPS_KEPT = 5


def backup_name(pack: Path, when: datetime) -> str:
    """'Ioana 2026-11-22 140322.judgepack': sorts by time beside the others."""
    return f"{pack.stem} {when:%Y-%m-%d %H%M%S}{pack.suffix}"


def backup_pack(pack: Path, folder: Path, keep: int = BACKUPS_KEPT,
                when: datetime | None = None) -> Path:
    """Copy the pack into `folder` and keep only the newest `keep` backups of it."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / backup_name(pack, when or datetime.now())
    copy_pack(pack, target)
    mine = sorted(p for p in folder.glob(f"{pack.stem} *{pack.suffix}")
                  if p.name[len(pack.stem) + 1:][:4].isdigit())
    for old in mine[:-keep] if keep else mine:
        old.unlink(missing_ok=True)
    return target
