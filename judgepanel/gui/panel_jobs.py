"""Panel jobs that were only on the command line: several exports at once, paper score sheets
in and out, and a dry run of a merge. Each runs the same core function as its command on the
window's database worker (its one connection, off the GUI thread) with a progress message,
and reports in the window's words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog, QMessageBox

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.importing import import_files
from judgepanel.core.merge import check_packs
from judgepanel.core.panel_details import award_names
from judgepanel.core.score_sheets import export_scores, import_scores
from judgepanel.core.store import Store
from judgepanel.gui.pages.common import WHO, window_words
from judgepanel.gui.panel_worker import ENTRIES, SCORES, Submitted
from judgepanel.gui.tasks import Progress
from judgepanel.gui.window_frame import open_folder_of

if TYPE_CHECKING:
    from judgepanel.gui.panel_window import PanelWindow

EXPORTS = "Entry exports (*.csv *.xlsx *.json);;All files (*)"
SHEETS = "Score sheets (*.csv *.xlsx)"


class Refused(JudgePanelError):
    """A core refusal already put in the window's words (award names read on the worker)."""


def _in_background(window: PanelWindow, title: str, work: Callable[[Store, Progress], Any],
                   done: Callable[[Any], None], changes: Iterable[str] = ()) -> Submitted:
    """Run `work` on the window's worker; report back in the window. `changes` are the kinds
    of thing a successful `work` changed: the pages showing them re-read."""
    def job(store: Store, progress: Progress) -> Any:
        progress.report(0, 0, title)
        try:
            return work(store, progress)
        except JudgePanelError as exc:
            raise Refused(window_words(str(exc), award_names(store))) from exc

    def failed(exc: BaseException) -> None:
        what = title.rstrip("…")
        if isinstance(exc, JudgePanelError):
            report(window, what, f"{exc}\n\nNothing was changed.", problem=True)
        else:
            report(window, what, f"Something went wrong: {type(exc).__name__}: {exc}",
                   problem=True)

    window.last_job = window.worker.submit_long(job, done, failed, changes, parent=window,
                                                title=title)
    return window.last_job


def report(window: PanelWindow, title: str, text: str, problem: bool = False) -> QMessageBox:
    """A window-modal message that does not block (tests read `window.last_report`)."""
    box = QMessageBox(QMessageBox.Icon.Warning if problem else QMessageBox.Icon.Information,
                      title, text, QMessageBox.StandardButton.Ok, window)
    box.setObjectName("jobReport")
    window.last_report = text
    box.open()
    return box


def import_several(window: PanelWindow, paths: list[Path]) -> Submitted | None:
    """Import several exports (a large export split in parts) all or nothing together."""
    if not paths:
        return None
    total = len(paths)

    def work(store: Store, progress: Progress) -> list[Any]:
        def counted(step: int, steps: int, _text: str = "") -> bool:
            progress.report(step, steps, f"Importing… {total} files: {step} of {steps} "
                            "rows read")
            return not progress.cancelled

        return import_files(store, paths, who=WHO, progress=counted)

    def done(results: list[Any]) -> None:
        lines = [line for result in results for line in result.report_lines()]
        report(window, "Import several exports", "\n".join(lines))
    return _in_background(window, f"Importing… {total} files", work, done,
                          changes=[ENTRIES])


def import_several_dialog(window: PanelWindow) -> Submitted | None:
    names, _ = QFileDialog.getOpenFileNames(window, "Import several exports at once",
                                            str(window.path.parent), EXPORTS)
    return import_several(window, [Path(n) for n in names])


def export_sheets(window: PanelWindow, target: Path) -> Submitted:
    """Every score that counts, to a CSV or XLSX sheet (for paper or a spreadsheet)."""
    def done(count: int) -> None:
        open_folder_of(window, target, f"{count} score{'s' if count != 1 else ''} written to "
                       f"{target.name}")
        report(window, "Export score sheet", f"{count} score(s) written to {target.name}.")
    return _in_background(window, "Writing the score sheet…",
                          lambda store, _p: export_scores(store, target), done)


def export_sheets_dialog(window: PanelWindow) -> Submitted | None:
    name, _ = QFileDialog.getSaveFileName(window, "Export a score sheet",
                                          str(window.path.with_name("scores.xlsx")), SHEETS)
    return export_sheets(window, Path(name)) if name else None


def import_sheets(window: PanelWindow, sheet: Path) -> Submitted:
    """Scores typed from paper sheets into a CSV or XLSX, all or nothing."""
    def done(result: Any) -> None:
        report(window, "Import score sheet", "\n".join(result.lines()))
    return _in_background(window, "Importing the score sheet…",
                          lambda store, _p: import_scores(store, sheet, who=WHO), done,
                          changes=[SCORES])


def import_sheets_dialog(window: PanelWindow) -> Submitted | None:
    name, _ = QFileDialog.getOpenFileName(window, "Import a score sheet",
                                          str(window.path.parent), SHEETS)
    return import_sheets(window, Path(name)) if name else None


def check_returned(window: PanelWindow, packs: list[Path]) -> Submitted | None:
    """What merging these packs would do, file by file; the panel is not changed."""
    if not packs:
        return None

    def done(results: list[Any]) -> None:
        refused = [r for r in results if not r.ok]
        head = (f"{len(refused)} of {len(results)} packs would be refused: a merge of these "
                "files would merge nothing." if refused else
                f"All {len(results)} packs would merge.")
        report(window, "Check returned packs (dry run)",
               head + "\n\n" + "\n".join(r.line() for r in results)
               + "\n\nNothing was changed.", problem=bool(refused))
    return _in_background(window, "Checking the returned packs…",
                          lambda store, _p: check_packs(store, packs), done)


def check_returned_dialog(window: PanelWindow) -> Submitted | None:
    names, _ = QFileDialog.getOpenFileNames(window, "Check returned packs (dry run)",
                                            str(window.path.parent),
                                            "Judge packs (*.judgepack)")
    return check_returned(window, [Path(n) for n in names])
