"""Writing an output so that the previous good file survives anything short of success.

Every output (report, certificates, feedback, results, score sheets, design files) is written
to a hidden temporary file in the target's own folder and moved over the target only once it
is complete and flushed to the disk; a full disk, a crash or a refused render leaves whatever
was there before, and no half-written file behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from judgepanel.core.errors import JudgePanelError

DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def write_error(exc: OSError, path: Path) -> JudgePanelError:
    """An operating-system failure while writing `path` as one plain line for the user."""
    if exc.errno in DISK_FULL:
        return JudgePanelError(f"no space left on device while writing {path}")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return JudgePanelError(f"{path}: cannot write here (the folder is read-only or you "
                               "do not have permission)")
    return JudgePanelError(f"{path}: cannot write ({exc.strerror or exc})")


@contextlib.contextmanager
def replacing(path: Path | str) -> Iterator[Path]:
    """Give a temporary path beside `path`; when the block ends cleanly, it becomes `path`.

    On any failure the temporary file is removed and `path` is left as it was. A full disk
    or another operating-system error becomes a `JudgePanelError` naming `path`.
    """
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise JudgePanelError(f"{folder}: no such folder")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name[:60]}.", suffix=".part",
                                        dir=folder)
    except OSError as exc:
        raise write_error(exc, path) from exc
    os.close(handle)
    partial = Path(name)
    try:
        # mkstemp makes a private file; an output is as readable as any file the user saves.
        os.chmod(partial, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        yield partial
        _flush_to_disk(partial)
        os.replace(partial, path)
    except OSError as exc:
        _remove(partial)
        raise write_error(exc, path) from exc
    except BaseException:
        _remove(partial)
        raise


def write_bytes(path: Path | str, content: bytes) -> Path:
    """Write `content` to `path` through a temporary file (see `replacing`)."""
    path = Path(path)
    with replacing(path) as partial:
        partial.write_bytes(content)
    return path


def write_text(path: Path | str, content: str) -> Path:
    """Write UTF-8 text to `path` through a temporary file (see `replacing`)."""
    return write_bytes(path, content.encode("utf-8"))


def _flush_to_disk(path: Path) -> None:
    """Make sure the bytes are on the disk before the rename makes them the real file."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
