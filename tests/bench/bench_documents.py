"""Benchmark: supporting documents, in a pack and on screen.

- pack_documents / pack_documents_encrypted: building a judge's pack carrying 200 MB of
  documents (quick: 40 MB), plain and encrypted (the default), as a ratio against copying the
  same files with shutil and syncing them (goal: at most 2 times). Each pack is built in a
  child process, which reports the time and its peak resident memory (goal: under 250 MB for
  500 MB; tests/e2e/test_pack_memory.py checks that). The encrypted time includes deriving
  the key from the generated passphrase (deliberately slow; given as key_derivation_s).
- first_page / page_turn: a 50-page PDF evaluation opened in the judge's viewer and its
  first page on screen (goal p95 under 150 ms), then a page turn (goal p95 under 50 ms).
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run import result

from judgepanel.core.assignment import assign
from judgepanel.core.attachment_import import import_attachments
from judgepanel.core.awards import builtin_awards
from judgepanel.core.demo_documents import evaluation_report
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge
from judgepanel.core.panel import create_panel

AWARD = "leading-systems-transformation"
FILE_MB = 20


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] if len(samples) >= 2 else samples[0]


CHILD = """
import json, resource, sys, time
from pathlib import Path
from judgepanel.core.file_encryption import new_key
from judgepanel.core.judges import list_judges
from judgepanel.core.packs import make_pack
from judgepanel.core.panel import open_panel
panel_path, out, encrypt = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "1"
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
started = time.perf_counter()
new_key("one two three")
kdf = time.perf_counter() - started
with open_panel(panel_path) as panel:
    judge = list_judges(panel)[0]
    started = time.perf_counter()
    make_pack(panel, judge, out, passphrase="" if encrypt else None)
    seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "key_derivation_s": kdf if encrypt else 0.0,
                  "resident_before_mb": before,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def build_in_child(panel: Path, out: Path, encrypt: bool) -> dict[str, float]:
    """Build a pack in a fresh process: its time and the process's peak resident memory."""
    done = subprocess.run([sys.executable, "-c", CHILD, str(panel), str(out),
                           "1" if encrypt else "0"], capture_output=True, text=True,
                          check=True)
    measured: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return measured


def copy_files(documents: Path, copies: Path) -> float:
    """The baseline: copy the same files with shutil and sync each to the disk."""
    shutil.rmtree(copies, ignore_errors=True)
    copies.mkdir()
    started = time.perf_counter()
    for path in documents.iterdir():
        shutil.copyfile(path, copies / path.name)
        with (copies / path.name).open("rb") as copied:
            os.fsync(copied.fileno())
    return time.perf_counter() - started


def bench_pack(folder: Path, total_mb: int) -> list[dict[str, object]]:
    documents = folder / "download" / "E-1"
    documents.mkdir(parents=True)
    for number in range(total_mb // FILE_MB):
        with (documents / f"scan-{number}.bin").open("wb") as out:
            for _ in range(FILE_MB):
                out.write(os.urandom(1024 * 1024))
    panel = create_panel(folder / "bench.judgepanel", "Bench",
                         [a for a in builtin_awards() if a.id == AWARD])
    upsert_entries(panel, [EntryRecord("E-1", AWARD, title="Entry")])
    import_attachments(panel, folder / "download")
    judge = add_judge(panel, "Ann Ward")
    assign(panel, judge, "E-1")
    panel.close()
    lines = []
    for name, encrypt in (("pack_documents", False), ("pack_documents_encrypted", True)):
        pack = folder / f"{name}.judgepack"
        baseline = copy_files(documents, folder / "copies")
        built = build_in_child(folder / "bench.judgepanel", pack, encrypt)
        pack.unlink()
        product = built["seconds"]
        lines.append(result(name, product, "s", baseline, product / baseline, "ratio <= 2",
                            megabytes=total_mb,
                            key_derivation_s=round(built["key_derivation_s"], 3),
                            ratio_without_key_derivation=round(
                                (product - built["key_derivation_s"]) / baseline, 3),
                            peak_resident_mb=round(built["peak_mb"], 1),
                            resident_before_mb=round(built["resident_before_mb"], 1)))
    peak = max(float(str(line["peak_resident_mb"])) for line in lines)
    lines.append(result("pack_documents_memory", peak, "MB", None, None,
                        "peak resident under 250 MB (for 500 MB of documents)",
                        megabytes=total_mb))
    return lines


def bench_viewer(quick: bool) -> list[dict[str, object]]:
    from PySide6.QtWidgets import QApplication

    from judgepanel.gui.document_viewer import DocumentViewer

    app = QApplication.instance() or QApplication([])
    content = evaluation_report("Home First", 50)
    viewer = DocumentViewer()
    viewer.resize(900, 1000)
    viewer.show()
    app.processEvents()
    started = time.perf_counter()  # the first open of the session also loads PDFium
    viewer.open_pdf("Evaluation.pdf", content)
    app.processEvents()
    cold = (time.perf_counter() - started) * 1000
    opens, turns = [], []
    for _ in range(5 if quick else 20):
        started = time.perf_counter()
        viewer.open_pdf("Evaluation.pdf", content)
        app.processEvents()
        opens.append((time.perf_counter() - started) * 1000)
        for page in range(1, 6 if quick else 15):
            started = time.perf_counter()
            viewer.go_to(page)
            app.processEvents()
            turns.append((time.perf_counter() - started) * 1000)
    viewer.close()
    return [result("first_page", _p95(opens), "ms p95", None, None, "p95 < 150 ms", pages=50,
                   first_of_session_ms=round(cold, 1)),
            result("page_turn", _p95(turns), "ms p95", None, None, "p95 < 50 ms", pages=50)]


def run(quick: bool) -> list[dict[str, object]]:
    with tempfile.TemporaryDirectory() as folder:
        lines = bench_pack(Path(folder), 40 if quick else 200)
    return lines + bench_viewer(quick)
