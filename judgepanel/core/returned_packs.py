"""Reading a returned pack file: every record it holds, without changing the file.

Before anything is checked against the panel, the file itself must be a judge pack JudgePanel
wrote: an SQLite file (or one encrypted with the key the panel kept when it made the pack),
not truncated, not a panel, not from a newer JudgePanel, with its identity records and its
documents intact. A killed program's half-write is rolled back first. Any problem is a
`PackRefused` saying what is wrong with the file; core/merge.py names the file.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from judgepanel.core.attachment_packs import pack_attachment_problem
from judgepanel.core.errors import RefusedFile
from judgepanel.core.file_encryption import WrongPassphrase, connect, is_encrypted, truncation
from judgepanel.core.file_safety import check_sqlite_file, recover_hot_journal, sqlite_uri
from judgepanel.core.packs import panel_pack_key
from judgepanel.core.schema import SCHEMA_VERSION
from judgepanel.core.store import PACK, PANEL, Store


class PackRefused(Exception):
    """A reason to refuse one file; turned into a JudgePanelError naming the file."""


@dataclass
class ReturnedPack:
    """The rows read from a returned pack, before any check against the panel."""

    path: Path
    sha256: str
    meta: dict[str, str]
    judges: list[tuple[Any, ...]]
    scores: list[tuple[Any, ...]]
    reviews: list[tuple[Any, ...]]
    conflicts: list[tuple[Any, ...]]
    votes: list[tuple[Any, ...]] = field(default_factory=list)  # a qualifying round's




def read_pack(path: Path, panel: Store) -> ReturnedPack:
    """Every record of a pack file, read without changing the file; an encrypted pack with
    the key the panel kept when it made it (so the merge asks nothing)."""
    try:
        key = panel_pack_key(panel, path) if is_encrypted(path) else None
        if key is None:
            if is_encrypted(path):
                raise PackRefused("encrypted, and not by this panel (its key is not here): it "
                               "is another panel's pack, or not a JudgePanel file")
            check_sqlite_file(path)
        recover_hot_journal(path, key)  # a killed program's half-write, rolled back
        with path.open("rb") as stream:  # in chunks: a pack may carry large documents
            digest = hashlib.file_digest(stream, "sha256").hexdigest()
    except RefusedFile as exc:
        raise PackRefused(str(exc).removeprefix(f"{path}: ")) from None
    except OSError as exc:
        raise PackRefused(f"cannot be read ({exc.strerror or exc})") from None
    try:
        uri = sqlite_uri(path, mode="ro")
        conn = connect(uri, key, uri=True) if key else sqlite3.connect(uri, uri=True)
    except WrongPassphrase:
        raise PackRefused("its key does not open it (damaged?)") from None
    except sqlite3.Error as exc:
        if key is not None:  # an encrypted file's header cannot say it was cut short
            raise PackRefused(f"the file is truncated or damaged ({exc}); ask for it to be "
                           "sent again") from None
        raise PackRefused(f"cannot be opened ({exc})") from None
    try:
        cut = truncation(conn, path) if key else ""
    except sqlite3.Error:
        cut = "the file is truncated or damaged"
    if cut:
        conn.close()
        raise PackRefused(cut)
    try:
        meta = {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM meta")}
        _check_identity(meta)
        altered = pack_attachment_problem(panel, conn)
        if altered:
            raise PackRefused(altered)
        seq = "seq" if _has_column(conn, "scores", "seq") else "0"
        review_seq = "seq" if _has_column(conn, "reviews", "seq") else "0"
        return ReturnedPack(
            path=path, sha256=digest, meta=meta,
            judges=conn.execute("SELECT id, name, pack_key FROM judges").fetchall(),
            scores=conn.execute("SELECT judge, entry, section, value, comment, updated_at, "
                                f"signature, {seq} FROM scores").fetchall(),
            reviews=conn.execute("SELECT judge, entry, comment, tags, complete, updated_at, "
                                 f"signature, {review_seq} FROM reviews").fetchall(),
            conflicts=conn.execute("SELECT judge, entry, reason, declared_by, created_at, "
                                   "signature FROM conflicts").fetchall(),
            votes=conn.execute("SELECT judge, award, round, entry, passed, reason, updated_at, "
                               "signature, seq FROM round_votes").fetchall()
            if _has_column(conn, "round_votes", "seq") else [])
    except (sqlite3.DatabaseError, UnicodeDecodeError, ValueError) as exc:
        raise PackRefused(f"not a JudgePanel pack, or damaged ({exc})") from None
    finally:
        conn.close()


def _has_column(conn: sqlite3.Connection, table: str, column: str) -> bool:
    return any(row[1] == column for row in conn.execute(f"PRAGMA table_info({table})"))


def _check_identity(meta: dict[str, str]) -> None:
    kind = meta.get("kind")
    if kind == PANEL:
        raise PackRefused("this is a panel (.judgepanel), not a judge pack (.judgepack)")
    if kind != PACK:
        raise PackRefused("not a JudgePanel judge pack")
    version, judge = str(meta.get("schema_version", "")), str(meta.get("judge_id", "0"))
    if not (version.isascii() and version.isdigit() and int(version) >= 1) or \
            not (judge.isascii() and judge.isdigit()):
        raise PackRefused("not a JudgePanel judge pack, or damaged (its identity records are "
                       "damaged)")
    if int(meta["schema_version"]) > SCHEMA_VERSION:
        raise PackRefused("made by a newer JudgePanel; please update JudgePanel")
    if "judge_id" not in meta:
        raise PackRefused("this pack names no judge")
