"""Opening a panel while another program commits a large import never says "truncated".

A checkpoint copies the write-ahead log into the panel file: for a moment the header already
counts pages the file does not hold yet. The old size check read the size, then the header,
and refused about one open in 27 during a large import. This test keeps a real writer
committing and checkpointing in another process, and watches the moment happen.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from judgepanel.core.awards import builtin_awards
from judgepanel.core.errors import RefusedFile
from judgepanel.core.file_safety import check_sqlite_file
from judgepanel.core.panel import create_panel

WRITER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode = WAL")
n = 0
while n < 200:  # until the test stops it
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?)",
                     [(f"bulk-{n}-{i}", "x" * 3000) for i in range(300)])
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the panel file grows by ~1 MB
    n += 1
"""


def header_disagrees_with_size(path: Path) -> bool:
    """The moments the old check mistook for damage: a size that is not a whole number of
    pages while the file grows, or a header already counting pages the file does not hold."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        header = handle.read(100)
    page_size = int.from_bytes(header[16:18], "big")
    pages = int.from_bytes(header[28:32], "big")
    return bool(size % page_size) or (header[24:28] == header[92:96]
                                      and size < pages * page_size)


def test_the_size_check_does_not_race_a_checkpoint(tmp_path: Path) -> None:
    panel = tmp_path / "awards.judgepanel"
    create_panel(panel, "Awards", builtin_awards()).close()
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(panel)])
    races = refusals = checks = 0
    deadline = time.monotonic() + 6
    try:
        time.sleep(0.3)
        while time.monotonic() < deadline and races < 5:
            races += header_disagrees_with_size(panel)
            try:
                check_sqlite_file(panel)
            except RefusedFile:
                refusals += 1
            checks += 1
    finally:
        writer.kill()
        writer.wait()
    assert races > 0, f"no checkpoint was caught in {checks} looks; the test proves nothing"
    assert refusals == 0, f"{refusals} false refusals in {checks} checks"
