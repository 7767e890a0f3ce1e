"""A full disk: every database command says so in one line and leaves the files as they were.

The commands run on a real, small tmpfs that fills up (full_disk_worker.py), mounted inside a
private mount namespace so that nothing outside the test sees it: `unshare -m` as root,
`unshare -rm` (a user namespace) as an ordinary user.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

WORKER = Path(__file__).with_name("full_disk_worker.py")


@pytest.mark.slow  # real processes on a real tmpfs in a private mount namespace
def test_a_full_disk_is_one_error_line_and_changes_nothing(tmp_path: Path,
                                                           fixtures: Path) -> None:
    disk = tmp_path / "stick"
    disk.mkdir()
    namespace = ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-rm"]
    result = subprocess.run(
        [*namespace, "--propagation", "private", sys.executable, str(WORKER), str(disk),
         str(fixtures / "import" / "generic_lst.csv")],
        capture_output=True, text=True, encoding="utf-8", timeout=240)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    panel, pack = disk / "awards.judgepanel", disk / "ann.judgepack"
    expected = {"judge add": panel, "import": panel, "import, part way": panel, "pack": panel,
                "pack, part way": pack, "new": disk / "second.judgepanel", "merge": panel}
    for step, path in expected.items():
        assert report[step]["rc"] == 1, (step, report[step])
        assert report[step]["stderr"] == (
            f"error: no space left on device while writing {path}\n"), (step, report[step])
    assert report["panel unchanged"] and report["panel unchanged by import"]
    assert report["panel unchanged by merge"] and report["no pack left"]
    assert "second.judgepanel" not in report["left behind"]  # no empty panel that "exists"
    for step in ("new again", "import again", "pack again", "merge again"):
        assert report[step]["rc"] == 0, (step, report[step])
    assert "15 new" in report["merge again"]["stdout"]
