"""A pack with 500 MB of documents is built with under 250 MB of resident memory, plain and
encrypted (the default): measured as the peak resident memory of a fresh process building it
(its own: not the peak it inherits from the test runner that started it)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from judgepanel.core.assignment import assign
from judgepanel.core.attachments import insert_document
from judgepanel.core.awards import builtin_awards
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge
from judgepanel.core.panel import create_panel

AWARD = "leading-systems-transformation"
DOCUMENTS, DOCUMENT_MB = 25, 20  # 500 MB
LIMIT_MB = 250

BUILD = """
import json, resource, sys
from pathlib import Path
from judgepanel.core.judges import list_judges
from judgepanel.core.packs import make_pack
from judgepanel.core.panel import open_panel
folder = Path(sys.argv[1])
sizes = {}
with open_panel(folder / "big.judgepanel") as panel:
    judge = list_judges(panel)[0]
    for name, passphrase in (("plain", None), ("encrypted", "")):
        pack = folder / f"{name}.judgepack"
        make_pack(panel, judge, pack, passphrase=passphrase)
        sizes[name] = pack.stat().st_size
        pack.unlink()
# This program's own peak: Linux's VmHWM belongs to it alone, while getrusage's maximum
# carries over the peak of the process that started it (the test runner's, often larger).
status = Path("/proc/self/status")
peaks = [int(line.split()[1]) for line in (status.read_text().splitlines()
                                           if status.exists() else [])
         if line.startswith("VmHWM:")]
peak_kb = peaks[0] if peaks else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"peak_mb": peak_kb / 1024, "sizes": sizes}))
"""


def _document(number: int, block: bytes) -> tuple[str, Iterator[bytes]]:
    """A 20 MB document of its own (its number in each megabyte) and its SHA-256."""
    chunk = number.to_bytes(4, "big") + block[4:]
    digest = hashlib.sha256()
    for _ in range(DOCUMENT_MB):
        digest.update(chunk)
    return digest.hexdigest(), iter([chunk] * DOCUMENT_MB)


@pytest.mark.slow  # writes 500 MB into a panel and builds two 500 MB packs from it
def test_a_500_mb_pack_is_built_in_under_250_mb_of_memory(tmp_path: Path) -> None:
    panel = create_panel(tmp_path / "big.judgepanel", "Big",
                         [a for a in builtin_awards() if a.id == AWARD])
    upsert_entries(panel, [EntryRecord("E-1", AWARD, title="Entry")])
    # Setting up only: the documents written once, straight into the file (not first into the
    # write-ahead log and then copied back), a document's pages cached until written (not
    # spilled as zeros and written again): a third of the time. The build below opens the
    # panel as the application does.
    panel.db.execute("PRAGMA journal_mode = DELETE")
    panel.db.execute("PRAGMA cache_size = -65536")
    block = os.urandom(1024 * 1024)
    with panel.transaction():
        for number in range(DOCUMENTS):
            sha, chunks = _document(number, block)
            insert_document(panel.db.conn, sha, "other", DOCUMENT_MB * 1024 * 1024, None,
                            "ok", chunks)
            panel.db.execute("INSERT INTO attachments(entry, name, sha256, url, position) "
                             "VALUES ('E-1', ?, ?, '', ?)", [f"scan-{number}.bin", sha, number])
    assign(panel, add_judge(panel, "Ann Ward"), "E-1")
    panel.close()

    done = subprocess.run([sys.executable, "-c", BUILD, str(tmp_path)], capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    total = DOCUMENTS * DOCUMENT_MB * 1024 * 1024
    assert min(measured["sizes"].values()) > total  # every document went into both packs
    assert measured["peak_mb"] < LIMIT_MB, measured
