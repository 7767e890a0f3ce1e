"""A full disk while writing an output: one `error:` line, and the previous good file survives.

The outputs are written into a real, tiny tmpfs that is then filled to the last byte, so the
operating system itself says "no space left on device" from the real write path. Where a
tmpfs cannot be mounted (not root), the same folder's writes fail with ENOSPC from the file
objects the writers open, which still exercises the real writing code.
"""

from __future__ import annotations

import builtins
import contextlib
import errno
import io
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
from test_reports import AWARD, build_panel  # noqa: E402

from judgepanel.cli import main  # noqa: E402


class Disk:
    """A small folder that can be filled up."""

    def __init__(self, folder: Path, mounted: bool) -> None:
        self.folder = folder
        self.mounted = mounted
        self.full = False

    def fill(self) -> None:
        """Use up every free byte (or, without a mount, make every new write fail)."""
        self.full = True
        if not self.mounted:
            return
        # The last partial block ends in ENOSPC, from a write or from the final flush.
        with contextlib.suppress(OSError), (self.folder / "filler").open("wb") as handle:
            while True:
                handle.write(b"\0" * 4096)
                handle.flush()


def _mount_tmpfs(folder: Path) -> bool:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)],
                          capture_output=True, check=False)
    return done.returncode == 0


@pytest.fixture
def disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Disk]:
    folder = tmp_path / f"stick-{uuid.uuid4().hex[:6]}"
    folder.mkdir()
    found = Disk(folder, _mount_tmpfs(folder))
    if not found.mounted:
        real_open = builtins.open

        class FullFile(io.FileIO):
            def write(self, data: Any) -> int:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), self.name)

        def full_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            inside = isinstance(file, str | os.PathLike) and \
                folder.resolve() in Path(file).resolve().parents
            if found.full and inside and any(m in mode for m in "wax"):
                raw = FullFile(os.fspath(file), "w")
                return raw if "b" in mode else io.TextIOWrapper(io.BufferedWriter(raw),
                                                                encoding="utf-8")
            return real_open(file, mode, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", full_open)
        monkeypatch.setattr(io, "open", full_open)
    yield found
    if found.mounted:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


@pytest.fixture
def panel(tmp_path: Path) -> Path:
    path = tmp_path / "awards.judgepanel"
    build_panel(path).close()
    return path


def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        *args: str | Path) -> tuple[int, str, str]:
    """The real `judgepanel` entry point in process: (exit status, stdout, stderr)."""
    monkeypatch.setattr(sys, "argv", ["judgepanel", *map(str, args)])
    status = 0
    try:
        main()
    except SystemExit as exc:
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.mark.parametrize("command, name", [
    (("report",), "ranked.pdf"),
    (("certificates",), "certificates.pdf"),
    (("results", "--award", AWARD), "results.csv"),
    (("results", "--award", AWARD), "results.xlsx"),
    (("scores", "export"), "scores.xlsx"),
])
def test_a_full_disk_keeps_the_previous_file(disk: Disk, panel: Path, command: tuple[str, ...],
                                             name: str, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    target = disk.folder / name
    args = [command[0], *command[1:2], panel, *command[2:], "-o", target] \
        if command[0] == "scores" else [command[0], panel, *command[1:], "-o", target]
    status, _, err = run(monkeypatch, capsys, *args)
    assert status == 0, err
    good = target.read_bytes()
    assert good
    disk.fill()
    status, _, err = run(monkeypatch, capsys, *args)
    assert status == 1
    assert err == f"error: no space left on device while writing {target}\n"
    assert target.read_bytes() == good
    assert leftovers(disk.folder) == []


def test_a_full_disk_while_writing_feedback_leaves_each_earlier_file_whole(
        disk: Disk, panel: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    folder = disk.folder / "feedback"
    status, out, err = run(monkeypatch, capsys, "feedback", panel, "-o", folder)
    assert status == 0, err
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert len(before) == 6
    disk.fill()
    status, _, err = run(monkeypatch, capsys, "feedback", panel, "-o", folder)
    assert status == 1
    assert err.startswith("error: no space left on device while writing ")
    assert err.count("\n") == 1
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
