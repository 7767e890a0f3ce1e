"""Creating and opening panels: the coordinator's file."""

from __future__ import annotations

import glob
import os
import sqlite3
import warnings
from pathlib import Path

from judgepanel.core.awards import Award, save_award
from judgepanel.core.errors import JudgePanelError, RefusedFile
from judgepanel.core.file_encryption import (
    FileKey,
    export_file,
    forget_key,
    hold_key,
    is_encrypted,
    key_for_opening,
    new_key,
)
from judgepanel.core.file_safety import disk_full_error, remove_database, writer_may_be_running
from judgepanel.core.store import PANEL, Store


def create_panel(path: Path | str, title: str, awards: list[Award], who: str = "") -> Store:
    """A new panel file with its awards; refuses to overwrite."""
    path = Path(path)
    if not title.strip():
        raise JudgePanelError("a panel needs a title")
    ids = [a.id for a in awards]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise JudgePanelError(f"award {', '.join(duplicates)} given more than once")
    if path.exists():
        raise JudgePanelError(f"{path}: already exists; choose another name")
    # Built under a temporary name and put in place only when complete: a full disk or a
    # failure leaves no empty panel that would then "already exist".
    _remove_stray_creations(path.parent)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.creating")
    remove_database(temporary)
    try:
        store = Store.create(temporary, PANEL, title=title.strip())
        try:
            with store.transaction():
                for award in awards:
                    save_award(store, award)
                store.audit("panel created", {"title": title.strip(), "awards": ids}, who)
            store.db.execute("PRAGMA journal_mode = DELETE")  # everything in the one file
        finally:
            store.close()
        if path.exists():
            raise JudgePanelError(f"{path}: already exists; choose another name")
        os.replace(temporary, path)
    except JudgePanelError as exc:
        remove_database(temporary)
        raise JudgePanelError(str(exc).replace(str(temporary), str(path))) from None
    except (OSError, sqlite3.Error) as exc:
        remove_database(temporary)
        if disk_full_error(exc):
            raise JudgePanelError(f"no space left on device while writing {path}") from None
        raise
    except BaseException:
        remove_database(temporary)
        raise
    return Store.open(path, PANEL)


def _remove_stray_creations(folder: Path) -> None:
    """Half-made panels a killed `new` left behind (`.NAME.judgepanel.PID.creating`): they
    hold the panel's audit secret, so they go unless their process is still at work."""
    for stray in folder.glob(".*.judgepanel.*.creating*"):
        pid = stray.name.split(".creating")[0].rsplit(".", 1)[-1]
        if pid.isdigit() and int(pid) != os.getpid() and not writer_may_be_running(int(pid), stray):
            stray.unlink(missing_ok=True)


class HistoryAltered(UserWarning):
    """The panel's audit chain does not hold: someone edited its history outside JudgePanel."""


def open_panel(path: Path | str, key: FileKey | None = None) -> Store:
    """Open a coordinator's panel; a judge pack is refused with a clear message.

    An encrypted panel opens with `key`, or the key this process holds for it
    (`file_encryption.hold_key`), or the one the command line's key source gives.
    A panel whose audit history was altered still opens (the chair must be able to see what
    happened) but raises a loud `HistoryAltered` warning that the CLI and the GUI show.
    """
    store = Store.open(path, PANEL, key=key)
    problems = store.audit_problems() + store.state_problems()
    if problems:
        warnings.warn(HistoryAltered(
            f"{path}: the audit history of this panel was altered outside JudgePanel "
            f"({'; '.join(problems[:3])}{' …' if len(problems) > 3 else ''})"), stacklevel=2)
    return store


def encrypt_panel(path: Path | str, passphrase: str, who: str = "") -> FileKey:
    """Encrypt a closed, plain panel in place with the coordinator's passphrase; returns its
    key (held for this process, so the panel reopens without asking).

    The encrypted panel is written whole to a temporary file beside it (SQLCipher's export),
    the encryption recorded in its audit log, and only then moved over the panel: a killed
    process leaves the plain panel as it was. The plain file's old bytes are then
    overwritten where the system allows (see docs/encryption.md for what that can promise).
    """
    path = Path(path)
    if path.suffix.lower() == ".judgepack":
        raise RefusedFile(f"{path}: this is a judge pack, not a panel; packs are encrypted "
                          "when they are made (pack --passphrase-file)")
    if is_encrypted(path):
        raise JudgePanelError(f"{path}: this panel is already encrypted")
    open_panel_quietly(path, None).close()  # a panel (not a pack), migrated, not damaged
    key = new_key(passphrase)
    _rewrite(path, None, key, "panel encrypted", who)
    hold_key(path, key)
    return key


def decrypt_panel(path: Path | str, key: FileKey | None = None, who: str = "") -> None:
    """Remove a closed panel's encryption: the reverse of `encrypt_panel`, written the same
    way (temporary file, audit record, then moved into place). The key comes from `key`, or
    the one this process holds, or the command line's key source."""
    path = Path(path)
    if not is_encrypted(path):
        raise JudgePanelError(f"{path}: this panel is not encrypted")
    if key is None:
        key = key_for_opening(path)
    open_panel_quietly(path, key).close()  # the right passphrase, and a panel
    assert key is not None  # opening refused the file otherwise
    _rewrite(path, key, None, "panel encryption removed", who)
    forget_key(path)


def open_panel_quietly(path: Path, key: FileKey | None) -> Store:
    """The panel opened without the altered-history warning (said when it is opened for use)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", HistoryAltered)
        return open_panel(path, key)


def _rewrite(path: Path, old: FileKey | None, new: FileKey | None, what: str,
             who: str) -> None:
    """Write `path` again under the new key (or plain), recording `what` in its audit log
    before it replaces the original; the original is untouched until that last step."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.rewriting")
    _remove_stray_rewrites(path)
    try:
        export_file(path, partial, old, new)
        store = Store.open(partial, PANEL, key=new)
        try:
            store.audit(what, {"file": path.name}, who)
            store.db.execute("PRAGMA journal_mode = DELETE")  # everything in the one file
        finally:
            store.close()
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())
    except (OSError, sqlite3.Error) as exc:
        remove_database(partial)
        if disk_full_error(exc):
            raise JudgePanelError(f"no space left on device while writing {path}") from None
        if "locked" in str(exc) or "busy" in str(exc):
            raise JudgePanelError(f"{path}: the panel is open in another window or program; "
                                  "close it there first (nothing was changed)") from None
        raise
    except BaseException:
        remove_database(partial)
        raise
    _replace_and_wipe(partial, path, wipe=old is None)


def _replace_and_wipe(partial: Path, path: Path, wipe: bool) -> None:
    """Move `partial` over `path`; with `wipe`, overwrite the replaced file's bytes with zeros
    first held open (POSIX), so the plain panel is not left whole in the disk's free space."""
    old = path.open("r+b") if wipe and os.name != "nt" else None
    try:
        os.replace(partial, path)
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        if old is not None:
            size = os.fstat(old.fileno()).st_size
            old.seek(0)
            zeros = bytes(1 << 20)
            for start in range(0, size, len(zeros)):
                old.write(zeros[:min(len(zeros), size - start)])
            old.flush()
            os.fsync(old.fileno())
    finally:
        if old is not None:
            old.close()


def _remove_stray_rewrites(path: Path) -> None:
    """Half-made copies a killed `encrypt` or `decrypt` left beside the panel."""
    for stray in path.parent.glob(f".{glob.escape(path.name)}.*.rewriting*"):
        pid = stray.name.split(".rewriting")[0].rsplit(".", 1)[-1]
        if pid.isdigit() and int(pid) != os.getpid() and not writer_may_be_running(int(pid), stray):
            stray.unlink(missing_ok=True)
