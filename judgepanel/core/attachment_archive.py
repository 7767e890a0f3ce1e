"""Where entries' attachments come from: a bulk-download ZIP or a folder, one folder per entry.

The ZIP is read straight from the archive (never unpacked to disk), and checked before a byte
of it is stored: paths that escape (`..`, absolute paths, drive letters), names with control
characters, and ZIP bombs (a limit on the total uncompressed size and on each member's
compression ratio) are refused with the file and the reason.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any, Protocol

from judgepanel.core.errors import JudgePanelError

MAX_TOTAL_BYTES = 4 * 1024**3  # 4 GB uncompressed in one archive
MAX_RATIO = 200  # a member that inflates more than 200 times is a bomb, not a document
MAX_FILES = 20_000
_DRIVE = re.compile(r"^[A-Za-z]:")
_SKIPPED = {".DS_Store", "Thumbs.db", "desktop.ini"}


class Readable(Protocol):
    """A stream of a file's bytes, closed by `with`."""

    def read(self, size: int = -1, /) -> bytes: ...

    def __enter__(self) -> Readable: ...

    def __exit__(self, kind: Any, value: Any, trace: Any, /) -> None: ...


@dataclass(frozen=True)
class SourceFile:
    """One attachment found in the archive or folder: its entry folder, its name, its size."""

    folder: str  # the first path part: the entry's id, as bulk downloads name it ('' at top)
    name: str  # the file's name (the rest of the path, with '/' between folders)
    size: int
    open: Callable[[], Readable]


def _has_control(text: str) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Cf") for ch in text)


def _check_member_path(name: str, where: str) -> PurePosixPath:
    """The member's path, or an error if it escapes the archive or names control characters."""
    if _has_control(name):
        raise JudgePanelError(f"{where}: {name!r}: the name holds control characters")
    unified = name.replace("\\", "/")
    if unified.startswith("/") or _DRIVE.match(unified):
        raise JudgePanelError(f"{where}: {name}: an absolute path, which would escape the "
                              "archive")
    path = PurePosixPath(unified)
    if any(part == ".." for part in path.parts):
        raise JudgePanelError(f"{where}: {name}: the path escapes the archive ('..')")
    return path


def _listing_for(parts: tuple[str, ...], where: str, raw: str) -> tuple[str, str]:
    """(entry folder, name); a file at the top has no folder (an export column names it)."""
    if len(parts) < 2:
        return "", parts[0]
    return parts[0], "/".join(parts[1:])


@contextmanager
def open_source(source: Path) -> Iterator[list[SourceFile]]:
    """The files of a ZIP or folder, checked; the archive stays open while in use."""
    source = Path(source)
    if source.is_dir():
        yield list(_folder_files(source))
        return
    if not source.is_file():
        raise JudgePanelError(f"{source}: no such file or folder")
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as exc:
        raise JudgePanelError(f"{source}: not a ZIP archive or a folder ({exc})") from None
    with archive:
        yield _zip_files(archive, source)


def _zip_files(archive: zipfile.ZipFile, where: Path) -> list[SourceFile]:
    members = [info for info in archive.infolist() if not info.is_dir()]
    if len(members) > MAX_FILES:
        raise JudgePanelError(f"{where}: {len(members)} files; at most {MAX_FILES} are read")
    total = 0
    found: list[SourceFile] = []
    for info in members:
        path = _check_member_path(info.filename, str(where))
        if path.name in _SKIPPED or "__MACOSX" in path.parts:
            continue
        if info.flag_bits & 0x1:
            raise JudgePanelError(f"{where}: {info.filename}: encrypted inside the archive; "
                                  "send the archive without a password")
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise JudgePanelError(f"{where}: more than {MAX_TOTAL_BYTES // 1024**3} GB once "
                                  "unpacked (a ZIP bomb?); nothing was imported")
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO \
                and info.file_size > 1024 * 1024:
            raise JudgePanelError(f"{where}: {info.filename}: compressed "
                                  f"{info.file_size // info.compress_size} to 1 (a ZIP "
                                  "bomb?); nothing was imported")
        folder, name = _listing_for(path.parts, str(where), info.filename)

        def opener(member: zipfile.ZipInfo = info) -> Readable:
            return _Capped(archive.open(member), member.file_size, f"{where}: "
                           f"{member.filename}")

        found.append(SourceFile(folder, name, info.file_size, opener))
    return found


def _folder_files(root: Path) -> Iterator[SourceFile]:
    count = 0
    for path in sorted(root.rglob("*")):
        if path.is_symlink():
            raise JudgePanelError(f"{path}: a link; attachments must be real files in the "
                                  "folder")
        if not path.is_file() or path.name in _SKIPPED:
            continue
        relative = path.relative_to(root)
        _check_member_path(relative.as_posix(), str(root))
        count += 1
        if count > MAX_FILES:
            raise JudgePanelError(f"{root}: more than {MAX_FILES} files")
        folder, name = _listing_for(relative.parts, str(root), relative.as_posix())

        def opener(file: Path = path) -> Readable:
            return file.open("rb")

        yield SourceFile(folder, name, path.stat().st_size, opener)


class _Capped:
    """A member's stream that refuses to give more bytes than the archive's header says (a
    header that lies about the size is a bomb too)."""

    def __init__(self, stream: IO[bytes], limit: int, where: str) -> None:
        self._stream, self._left, self._where = stream, limit, where

    def read(self, size: int = -1) -> bytes:
        chunk = self._stream.read(size)
        self._left -= len(chunk)
        if self._left < 0:
            raise JudgePanelError(f"{self._where}: more bytes than the archive declares "
                                  "(a ZIP bomb?); nothing was imported")
        return chunk

    def __enter__(self) -> _Capped:
        return self

    def __exit__(self, kind: Any, value: Any, trace: Any, /) -> None:
        self._stream.close()

    def close(self) -> None:
        self._stream.close()
