"""The worker side of the Outputs page: each output as a job run on the thread pool.

A job takes the worker's own Store and a `Progress`, calls the same core functions as the
command line, renders the first pages for the preview and returns a `Written`. Nothing here
touches a widget.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from judgepanel.core.ranking import rank_award
from judgepanel.core.reports.certificates import (
    CertificateDesign,
    certificates_from,
    write_certificates,
)
from judgepanel.core.reports.exports import write_results
from judgepanel.core.reports.feedback import write_feedback
from judgepanel.core.reports.gather import report_data
from judgepanel.core.reports.ranked import write_report
from judgepanel.core.store import Store
from judgepanel.gui.pdf_preview import pdf_pages, preview_images
from judgepanel.gui.tasks import Progress

Job = Callable[[Store, Progress], "Written"]


@dataclass
class Written:
    """What a finished output left behind, and the preview of its first file."""

    what: str
    files: list[Path]
    folder: Path
    preview: Path | None
    images_folder: Path | None
    images: list[Path]
    pages: int | None
    kind: str = ""  # as the audit log names it: report, feedback, certificates, results
    items: int | None = None  # certificates drawn, entries given feedback
    awards: list[str] | None = None  # None: every award


def relay(progress: Progress, text: str) -> Callable[[int, int], None]:
    """The core's progress(done, total) callback, feeding the dialog and honouring Cancel."""
    def report(done: int, total: int) -> None:
        progress.check()
        progress.report(done, total, f"{text} ({done} of {total})")
    return report


def finish(what: str, files: list[Path], folder: Path, kind: str = "",
           items: int | None = None, awards: list[str] | None = None) -> Written:
    """Render the first pages of the first PDF written, for the preview."""
    preview = next((f for f in files if f.suffix.lower() == ".pdf"), None)
    images_folder, images = preview_images(preview) if preview else (None, [])
    return Written(what, files, folder, preview, images_folder, images,
                   pdf_pages(preview) if preview else None, kind, items, awards)


def report_job(awards: list[str] | None, path: Path) -> Job:
    """The ranked report for these awards (None: every award) into one PDF."""
    def work(store: Store, progress: Progress) -> Written:
        write_report(report_data(store, awards), path, relay(progress, "Laying out the report"))
        return finish("Ranked report", [path], path.parent, "report", 1, awards)
    return work


def feedback_job(awards: list[str] | None, folder: Path) -> Job:
    """One anonymised feedback PDF per scored entry, into a folder."""
    def work(store: Store, progress: Progress) -> Written:
        files = write_feedback(report_data(store, awards), folder,
                               relay(progress, "Writing feedback"))
        return finish("Feedback for entrants", files, folder, "feedback", len(files), awards)
    return work


def certificates_job(awards: list[str] | None, path: Path, design: CertificateDesign,
                     placement: str | None, separate: bool) -> Job:
    """Certificates for the placed entries: one PDF for the printer, or one file each."""
    def work(store: Store, progress: Progress) -> Written:
        data = report_data(store, awards)
        files = write_certificates(data, path, design, placement, separate,
                                   relay(progress, "Drawing certificates"))
        return finish("Certificates", files, path if separate else path.parent, "certificates",
                      len(certificates_from(data, placement)), awards)
    return work


def export_job(award: str, path: Path) -> Job:
    """The award's ranking under its own method, as CSV or XLSX by the file's ending."""
    def work(store: Store, progress: Progress) -> Written:
        progress.report(0, 0, "Ranking and writing the results")
        written = write_results(rank_award(store, award), path)
        return Written("Results spreadsheet", [written], written.parent, None, None, [], None,
                       "results", 1, [award])
    return work
