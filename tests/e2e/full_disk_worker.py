"""Run JudgePanel commands on a small, full file system and report what each one did.

Run by tests/e2e/test_full_disk_cli.py inside a private mount namespace (`unshare -m`, or
`unshare -rm` for an ordinary user), where it mounts its own small tmpfs: nothing outside
the namespace sees it. Prints one JSON object.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from cli_batch import judgepanel  # noqa: E402  (beside this script, run as a script)

AWARD = "leading-systems-transformation"


PLAIN = ("--no-encrypt",)  # these tests read and edit a pack's bytes


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


def fill(folder: Path, leave: int = 0) -> Path:
    """Take every free byte of the file system but `leave` (the filler is removed afterwards)."""
    filler = folder / "filler.bin"
    handle = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        for size in (1 << 16, 4096, 512, 1):
            while True:
                try:
                    os.write(handle, b"\0" * size)
                except OSError:
                    break
    finally:
        os.close(handle)
    if leave:
        os.truncate(filler, max(0, filler.stat().st_size - leave))
    return filler


def main(disk: Path, entries_csv: Path) -> None:
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk)], check=True)
    report: dict[str, object] = {}
    panel = disk / "awards.judgepanel"
    built = judgepanel("new", panel, "--title", "Awards", "--award", AWARD, cwd=disk)
    assert built["rc"] == 0, built
    assert judgepanel("judge", "add", panel, "Ann Ward", cwd=disk)["rc"] == 0
    pack = disk / "ann.judgepack"
    before = sha(panel)
    filler = fill(disk)
    report["judge add"] = judgepanel("judge", "add", panel, "Ben Carr", cwd=disk)
    report["import"] = judgepanel("import", panel, entries_csv, cwd=disk)
    report["pack"] = judgepanel("pack", panel, "--judge", "Ann Ward", "-o", pack, *PLAIN,
                                cwd=disk)
    report["new"] = judgepanel("new", disk / "second.judgepanel", "--title", "Second",
                               "--award", AWARD, cwd=disk)
    report["panel unchanged"] = sha(panel) == before
    report["left behind"] = sorted(p.name for p in disk.iterdir() if p != filler)
    filler.unlink()
    # Room to open the panel, not to finish the work: the failure comes mid-transaction.
    filler = fill(disk, leave=44 * 1024)
    report["import, part way"] = judgepanel("import", panel, entries_csv, cwd=disk)
    report["panel unchanged by import"] = sha(panel) == before
    filler.unlink()
    # With room again: everything works, and `new` is not told the panel "already exists".
    report["new again"] = judgepanel("new", disk / "second.judgepanel", "--title", "Second",
                                     "--award", AWARD, cwd=disk)
    report["import again"] = judgepanel("import", panel, entries_csv, cwd=disk)
    judgepanel("assign", panel, "--award", AWARD, "--per-entry", "1", cwd=disk)
    filler = fill(disk, leave=96 * 1024)
    report["pack, part way"] = judgepanel("pack", panel, "--judge", "Ann Ward", "-o", pack,
                                          *PLAIN, cwd=disk)
    report["no pack left"] = not pack.exists() and not [
        p.name for p in disk.iterdir() if ".partial" in p.name]
    filler.unlink()
    report["pack again"] = judgepanel("pack", panel, "--judge", "Ann Ward", "-o", pack,
                                      *PLAIN, cwd=disk)
    # The merge: the pack holds scores, the disk fills, the merge says so and changes nothing.
    score(pack)
    before = sha(panel)
    filler = fill(disk, leave=96 * 1024)
    report["merge"] = judgepanel("merge", panel, pack, cwd=disk)
    report["panel unchanged by merge"] = sha(panel) == before
    filler.unlink()
    report["merge again"] = judgepanel("merge", panel, pack, cwd=disk)
    subprocess.run(["umount", str(disk)], check=False)
    print(json.dumps(report))


def score(pack: Path) -> None:
    from judgepanel.core.packs import open_pack
    from judgepanel.core.scoring import Judging

    with open_pack(pack) as store:
        judging = Judging.for_pack(store)
        for entry in [r["id"] for r in store.rows("SELECT id FROM entries")]:
            for section in ("Q1", "Q2", "Q3", "Q4", "Q5"):
                judging.set_score(entry, section, 6, "A long comment. " * 400)


if __name__ == "__main__":
    warnings.simplefilter("default")
    main(Path(sys.argv[1]), Path(sys.argv[2]).resolve())
