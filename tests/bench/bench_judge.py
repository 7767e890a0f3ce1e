"""The judge's window: `entry-switch` (show the next entry, 3,000 words in 5 sections) and
`save` (a score change reaching the pack file), p95 in milliseconds over 200 repetitions.

`save` also counts the SQL statements one typed score costs on the writer's connection."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "gui"))

from run import result  # noqa: E402


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def run(quick: bool) -> list[dict]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from sample_pack import build_pack

    app = QApplication.instance() or QApplication([])
    scratch = Path(tempfile.mkdtemp(prefix="judgepanel-bench-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))
    from judgepanel.gui.judge_window import JudgeWindow
    from judgepanel.gui.settings import Settings

    pack = build_pack(scratch, entries=4, words=560)  # 5 sections, about 3,000 words
    settings = Settings()
    settings.backup_folder = scratch / "backups"
    window = JudgeWindow(pack, settings)
    window.resize(1440, 860)
    window.show()
    app.processEvents()
    repetitions = 200
    five = [e for e in window.model.entry_ids()
            if len(window.awards[window.entries[e]["award"]].sections) == 5]
    ids = sorted(five, key=lambda e: sum(window.entries[e]["words"].values()))[:2]

    switch_cpu: list[float] = []  # the GUI thread's own processor time, without the waiting

    def switch_times(cold: bool) -> list[float]:
        times = []
        switch_cpu.clear()
        for number in range(repetitions):
            if cold:  # as if never shown nor prepared in advance
                window.ui.entryView.forget_documents()
            started, started_cpu = time.perf_counter(), time.thread_time()
            window.show_entry(ids[number % 2])
            window.ui.entryView.document().size()  # laid out: ready to draw
            app.processEvents()  # drawn
            times.append((time.perf_counter() - started) * 1000)
            switch_cpu.append((time.thread_time() - started_cpu) * 1000)
        return times

    cold = switch_times(cold=True)
    switch = switch_times(cold=False)
    saves: list[float] = []
    gui_thread: list[float] = []
    statements: list[str] = []
    window.writer.submit([], lambda session: session.store.db.conn.set_trace_callback(
        statements.append))
    window.writer.wait()
    statements.clear()
    section = next(iter(window.ui.scoringPanel.cards))
    for number in range(repetitions):
        started = time.perf_counter()
        window.apply_score(window.current, section, float(number % 10))
        queued = time.perf_counter()
        window.writer.wait()  # committed to the file by the writer thread
        saves.append((time.perf_counter() - started) * 1000)
        gui_thread.append((queued - started) * 1000)
    per_save = len(statements) / repetitions
    words = sum(window.entries[ids[0]]["words"].values())
    window.close()
    window.deleteLater()
    app.processEvents()  # the window is gone before the QApplication is
    return [
        result("entry-switch", p95(switch), "ms", None, None, "p95 <= 8 ms",
               repetitions=repetitions, words=words, median=round(statistics.median(switch), 3),
               cold_p95=round(p95(cold), 3), gui_cpu_p95=round(p95(switch_cpu), 3),
               gui_cpu_median=round(statistics.median(switch_cpu), 3),
               note="each entry's page is laid out in advance; cold_p95 is without that (and "
                    "includes laying out the following entries, as the window does when idle); "
                    "gui_cpu: the GUI thread's processor time, steadier on a shared machine"),
        result("save", p95(saves), "ms", None, None, "p95 <= 5 ms",
               repetitions=repetitions, median=round(statistics.median(saves), 3),
               gui_thread_p95=round(p95(gui_thread), 3), statements=round(per_save, 2),
               note="until committed with full sync; the GUI thread only queues the write; "
                    "statements: SQL per save on the writer's connection (goal <= 4)"),
    ]
