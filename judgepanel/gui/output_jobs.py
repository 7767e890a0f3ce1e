"""The worker side of the Outputs page: each output as a job run on the thread pool.

A job takes the worker's own Store and a `Progress` and calls the same core operation as the
command line (core/outputs.py: writes the files whole and records them in the audit log),
then renders the first pages for the preview and returns a `Written`. Nothing here touches a
widget.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from judgepanel.core.outputs import (
    OutputWritten,
    write_certificate_files,
    write_entrant_feedback,
    write_ranked_report,
    write_results_sheet,
)
from judgepanel.core.reports.certificates import CertificateDesign
from judgepanel.core.store import Store
from judgepanel.gui.pages.common import WHO
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


def relay(progress: Progress, text: str) -> Callable[[int, int, str], None]:
    """The core's progress(done, total, message) callback, feeding the dialog and honouring
    Cancel."""
    def report(done: int, total: int, message: str) -> None:
        progress.check()
        progress.report(done, total, f"{text} ({done} of {total})")
    return report


def finish(output: OutputWritten, preview: bool = True) -> Written:
    """Render the first pages of the first PDF written, for the preview."""
    pdf = next((f for f in output.files if f.suffix.lower() == ".pdf"), None) if preview \
        else None
    images_folder, images = preview_images(pdf) if pdf else (None, [])
    return Written(output.what, list(output.files), output.folder, pdf, images_folder, images,
                   pdf_pages(pdf) if pdf else None, output.kind, output.items, output.awards)


def report_job(awards: list[str] | None, path: Path, who: str = WHO) -> Job:
    """The ranked report for these awards (None: every award) into one PDF."""
    def work(store: Store, progress: Progress) -> Written:
        return finish(write_ranked_report(store, path, awards, who,
                                          relay(progress, "Laying out the report")))
    return work


def feedback_job(awards: list[str] | None, folder: Path, who: str = WHO) -> Job:
    """One anonymised feedback PDF per scored entry, into a folder."""
    def work(store: Store, progress: Progress) -> Written:
        return finish(write_entrant_feedback(store, folder, awards, who,
                                             relay(progress, "Writing feedback")))
    return work


def certificates_job(awards: list[str] | None, path: Path, design: CertificateDesign,
                     placement: str | None, separate: bool, who: str = WHO) -> Job:
    """Certificates for the placed entries: one PDF for the printer, or one file each."""
    def work(store: Store, progress: Progress) -> Written:
        return finish(write_certificate_files(store, path, design, placement, separate,
                                              awards, who,
                                              relay(progress, "Drawing certificates")))
    return work


def export_job(award: str, path: Path, who: str = WHO) -> Job:
    """The award's ranking under its own method, as CSV or XLSX by the file's ending."""
    def work(store: Store, progress: Progress) -> Written:
        progress.report(0, 0, "Ranking and writing the results")
        return finish(write_results_sheet(store, award, path, who=who), preview=False)
    return work
