"""The Outputs page: the ranked report, entrants' feedback, certificates and the results sheet.

Each output is written off the GUI thread (output_jobs.py: the same core operations the command
line uses, on a Store of the worker's own, which write the files whole and record them in the
audit log) with progress; then its first pages are previewed, and can be printed or their
folder opened. What the page says (awards, placements, outputs written) is read through the
window's database worker (gui/worker_reads.py).
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QWidget,
)

from judgepanel.core.awards import Award, panel_awards
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.moderation import decisions
from judgepanel.core.outputs_log import outputs_summary, outputs_written
from judgepanel.core.reports.certificates import CertificateDesign
from judgepanel.core.store import Store, now
from judgepanel.gui.forms.ui_outputs_page import Ui_OutputsPage
from judgepanel.gui.output_jobs import (
    Job,
    Written,
    certificates_job,
    export_job,
    feedback_job,
    report_job,
)
from judgepanel.gui.pages.certificate_options import CertificateOptions
from judgepanel.gui.pages.common import (
    PanelPage,
    panel_award_names,
    plural,
    show_error,
    window_words,
)
from judgepanel.gui.panel_worker import (
    AWARDS,
    DECISIONS,
    ENTRIES,
    JUDGES,
    OUTPUTS,
    SCORES,
    SETTINGS,
)
from judgepanel.gui.pdf_preview import (
    PRINT_DPI,
    ask_printer,
    print_images,
    render_pages,
)
from judgepanel.gui.tasks import Cancelled, Progress, run_task
from judgepanel.gui.worker_reads import on_worker, window_worker

PDF_FILTER = "PDF files (*.pdf)"


@dataclass
class OutputsRead:
    """What the page says, read at once: the awards, how many entries are placed, the kinds
    of output written so far and the navigation's line."""

    awards: list[Award]
    placed: int
    written: set[str]
    summary: str


def read_outputs(store: Store, session_start: str) -> OutputsRead:
    return OutputsRead(panel_awards(store),
                       sum(1 for d in decisions(store) if d["placement"] != "none"),
                       {record.kind for record in outputs_written(store)},
                       outputs_summary(store, session_start))


class OutputsPage(PanelPage):
    """Buttons for each output, its options, and a preview of what was written."""

    title = "Outputs"
    shows = frozenset({AWARDS, ENTRIES, JUDGES, SCORES, DECISIONS, SETTINGS, OUTPUTS})
    writes = frozenset({OUTPUTS})
    generated = Signal(object)  # a Written, once an output is on disk
    failed = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.worker = window_worker(parent)
        self.session_start = now()  # the navigation names what was written since then
        self.last_read: OutputsRead | None = None
        self.last: Written | None = None
        self.busy = False
        self._task: Any = None
        self.ui = Ui_OutputsPage()
        self.setup_form(self.ui)
        self.award_combo = self.ui.award_combo
        self.award_combo.all_awards = "All awards"
        self._build_controls()
        self._build_preview()
        self.ui.splitter.setStretchFactor(0, 2)
        self.ui.splitter.setStretchFactor(1, 3)
        self.award_combo.currentIndexChanged.connect(lambda _: self._update_buttons())
        self._load_awards()

    @property
    def design(self) -> CertificateDesign:
        """The certificate design the next certificates are drawn with."""
        return self.certificate_options.design

    @design.setter
    def design(self, design: CertificateDesign) -> None:
        self.certificate_options.design = design

    # ----- building ----------------------------------------------------------------------

    def _build_controls(self) -> None:
        self.report_button = self.ui.report_button
        self.report_button.clicked.connect(self.make_report)
        self.feedback_button = self.ui.feedback_button
        self.feedback_button.clicked.connect(self.make_feedback)
        self.certificate_options = CertificateOptions(lambda: Path(self._default_path("")))
        options = self.certificate_options  # its widgets, under the names the page always had
        self.placement_combo, self.one_pdf, self.separate = (
            options.placement_combo, options.one_pdf, options.separate)
        self.design_label, self.design_button = options.design_label, options.design_button
        self.edit_design_button, self.builtin_button = (options.edit_design_button,
                                                        options.builtin_button)
        self.certificates_button = options.certificates_button
        self.certificates_button.clicked.connect(self.make_certificates)
        # its own box between the feedback and the spreadsheet (it needs the panel's folder)
        self.ui.controlsLayout.insertWidget(2, self.certificate_options)
        self.export_button = self.ui.export_button
        self.export_button.clicked.connect(self.export_results)

    def _build_preview(self) -> None:
        self.status = self.ui.status
        self.preview = self.ui.preview
        self.print_button = self.ui.print_button
        self.print_button.clicked.connect(self.print_last)
        self.open_folder_button = self.ui.open_folder_button
        self.open_folder_button.clicked.connect(self.open_folder)

    # ----- state -------------------------------------------------------------------------

    def _load_awards(self) -> None:
        self.award_combo.fill(self._read().awards)
        self._update_buttons()

    def _read(self) -> OutputsRead:
        start = self.session_start
        self.last_read = on_worker(self, lambda panel: read_outputs(panel, start))
        return self.last_read

    def _update_buttons(self) -> None:
        idle = not self.busy
        for button in (self.report_button, self.feedback_button, self.certificates_button):
            button.setEnabled(idle)
        one_award = self.award_combo.currentData() is not None
        self.export_button.setEnabled(idle and one_award)
        self.export_button.setToolTip("" if one_award else
                                      "Choose one award above to export its results")
        has_pdf = self.last is not None and self.last.preview is not None
        self.print_button.setEnabled(idle and has_pdf)
        self.open_folder_button.setEnabled(idle and self.last is not None)

    def refresh(self) -> None:
        """Re-read the awards (the outputs themselves are written only when asked)."""
        self._load_awards()
        self._show_status()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show_status()

    def _show_status(self) -> None:
        read = self.last_read or self._read()
        placed, written = read.placed, read.written
        done = f"{plural(placed, 'entry', 'entries')} placed."
        if placed and {"report", "certificates"} <= written:
            self.heading.set_status(f"{done} The ranked report and certificates are written.",
                                    "print them, or write them again after a late decision.")
        elif placed and "report" in written:
            self.heading.set_status(f"{done} The ranked report is written.",
                                    "write the certificates, and the feedback for entrants "
                                    "if you send it.")
        elif placed:
            self.heading.set_status(done, "write the ranked report for the chair to sign, then "
                                          "the certificates.")
        else:
            self.heading.set_status("No entry is placed yet.",
                                    "record placements on the Decisions page; the ranked "
                                    "report can be written at any time.")

    def summary(self) -> str:
        """What was written this session, read back from the audit log (at the last
        refresh, or when the last output was written)."""
        return (self.last_read or self._read()).summary

    def _award_ids(self) -> list[str] | None:
        award = self.award_combo.currentData()
        return [award] if award else None

    def _default_path(self, name: str) -> str:
        folder = self.store.path.parent if self.store.path else Path.home()
        return str(folder / name)

    # ----- the outputs -------------------------------------------------------------------

    def make_report(self) -> None:
        """Ask where, then write the ranked report off the GUI thread."""
        target = self._ask_pdf("Save the ranked report", "Ranked report.pdf")
        if target:
            self._run("Writing the ranked report", report_job(self._award_ids(), target))

    def make_feedback(self) -> None:
        """Ask for a folder, then write one feedback PDF per entry into it."""
        target = self._ask_folder("Choose a folder for the feedback")
        if target:
            self._run("Writing feedback for entrants", feedback_job(self._award_ids(), target))

    def make_certificates(self) -> None:
        """Ask where, then write the certificates with the chosen placements and design."""
        separate = self.separate.isChecked()
        target = (self._ask_folder("Choose a folder for the certificates") if separate else
                  self._ask_pdf("Save the certificates", "Certificates.pdf"))
        if target:
            self._run("Drawing the certificates",
                      certificates_job(self._award_ids(), target, self.design,
                                       self.placement_combo.currentData(), separate))

    def _ask_pdf(self, caption: str, name: str) -> Path | None:
        """Where to save a PDF, ending in .pdf, or None when the coordinator cancels."""
        target, _ = QFileDialog.getSaveFileName(self, caption, self._default_path(name),
                                                PDF_FILTER)
        return Path(target).with_suffix(".pdf") if target else None

    def _ask_folder(self, caption: str) -> Path | None:
        """Which folder to write into, or None when the coordinator cancels."""
        target = QFileDialog.getExistingDirectory(self, caption, self._default_path(""))
        return Path(target) if target else None

    def export_results(self) -> None:
        """Write the chosen award's ranking to CSV or XLSX (by the name's ending)."""
        award = self.award_combo.currentData()
        if award is None:
            return
        target, chosen = QFileDialog.getSaveFileName(
            self, "Export the results", self._default_path(f"{award} results.xlsx"),
            "Excel workbook (*.xlsx);;CSV, comma-separated (*.csv)")
        if not target:
            return
        path = Path(target)
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_suffix(".csv" if "csv" in chosen.lower() else ".xlsx")

        self._run("Exporting the results", export_job(award, path))

    def _run(self, title: str, work: Job) -> None:
        """Write an output in the background (the window's worker); show it when done."""
        if self.store.path is None:
            raise JudgePanelError("the panel must be saved to a file before writing outputs")
        self.busy = True
        self._update_buttons()
        self.status.setText(f"{title}…")
        self._task = self.in_background(work, self._done, self._failed, title=title)

    def _done(self, written: Written) -> None:
        self.busy = False
        self.last = written
        where = written.files[0] if len(written.files) == 1 else written.folder
        count = plural(len(written.files), "file")
        self.status.setText(f"{written.what}: {count} written to {where}.")
        if written.preview is not None:
            self.preview.show_pdf(written.preview, written.images_folder, written.images,
                                  written.pages)
        else:
            self.preview.show_message(f"{written.what} written to {where}.")
        self._update_buttons()
        self._read()  # the output is in the audit log now
        self._show_status()
        self.generated.emit(written)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self._update_buttons()
        if isinstance(exc, Cancelled):
            self.status.setText("Stopped before it was finished; nothing more was written.")
            return
        self.status.setText("Not written: " + window_words(str(exc), panel_award_names(self),
                                                           capital=False))
        self.failed.emit(str(exc))
        if not isinstance(exc, JudgePanelError):  # a refusal is said in the status line
            show_error(self, "Outputs", exc)

    # ----- printing, the folder ----------------------------------------------------------

    def print_last(self) -> None:
        """Print the last PDF through the system's dialog, page by page as images."""
        if self.last is None or self.last.preview is None:
            return
        printer = ask_printer(self, self.last.preview)  # the PDF's paper and turn
        if printer is None:
            return
        pdf = self.last.preview

        def job(progress: Progress) -> list[Path]:
            progress.report(0, 0, "Preparing the pages for the printer")
            folder = Path(tempfile.mkdtemp(prefix="judgepanel-print-"))
            return render_pages(pdf, folder, PRINT_DPI, last=None)

        def done(images: list[Path]) -> None:
            if not images:
                self.status.setText("Printing needs poppler's pdftoppm; open the PDF from its "
                                    "folder and print it from there.")
                return
            try:
                print_images(printer, images)
            finally:
                shutil.rmtree(images[0].parent, ignore_errors=True)
            self.status.setText(f"Sent {plural(len(images), 'page')} to the printer.")

        self._task = run_task(self, job, done, lambda exc: show_error(self, "Print", exc),
                              title="Printing")

    def open_folder(self) -> None:
        if self.last is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last.folder)))
