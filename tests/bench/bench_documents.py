"""Benchmark: supporting documents, in a pack and on screen.

- pack_documents: building a judge's pack carrying 200 MB of documents (quick: 40 MB), as a
  ratio against copying the same files with shutil (goal: at most 2 times), and the peak
  resident memory of the process while it builds (goal: under 250 MB for 500 MB; reported).
- first_page / page_turn: a 50-page PDF evaluation opened in the judge's viewer and its
  first page on screen (goal p95 under 150 ms), then a page turn (goal p95 under 50 ms).
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from run import result

from judgepanel.core.assignment import assign
from judgepanel.core.attachments import import_attachments
from judgepanel.core.awards import builtin_awards
from judgepanel.core.demo_documents import evaluation_report
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge
from judgepanel.core.packs import make_pack
from judgepanel.core.panel import create_panel

AWARD = "leading-systems-transformation"
FILE_MB = 20


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] if len(samples) >= 2 else samples[0]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


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
    before = _rss_mb()
    started = time.perf_counter()
    make_pack(panel, judge, folder / "Ann.judgepack")
    product = time.perf_counter() - started
    after = _rss_mb()
    copies = folder / "copies"
    copies.mkdir()
    started = time.perf_counter()
    for path in documents.iterdir():
        shutil.copyfile(path, copies / path.name)
        with (copies / path.name).open("rb") as copied:
            os.fsync(copied.fileno())
    baseline = time.perf_counter() - started
    panel.close()
    return [result("pack_documents", product, "s", baseline, product / baseline,
                   "ratio <= 2", megabytes=total_mb),
            result("pack_documents_memory", after, "MB", None, None,
                   "peak resident under 250 MB (for 500 MB of documents)",
                   megabytes=total_mb, resident_before=round(before, 1))]


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
