"""Writing what leaves the panel room: the ranked report, entrants' feedback, certificates and
the results spreadsheet, each as one operation that the Outputs page and the command line
share.

Each function reads the panel (through each award's one analysis), has the renderer write
its files (each through a temporary file replaced only when complete, so a cancelled or
failed output leaves no half-written PDF behind), then records the output in the panel's
audit log with who wrote it. What it returns is what the caller shows.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.outputs_log import record_output
from judgepanel.core.progress import Progress
from judgepanel.core.reports.certificates import (
    CertificateDesign,
    certificates_from,
    default_design,
    write_certificates,
)
from judgepanel.core.reports.exports import write_table
from judgepanel.core.reports.feedback import write_feedback
from judgepanel.core.reports.gather import report_data
from judgepanel.core.reports.ranked import write_report
from judgepanel.core.store import Store


@dataclass(frozen=True)
class OutputWritten:
    """One finished output: its files (in place), where they are, and its audit record."""

    kind: str  # as the audit log names it: report, feedback, certificates, results
    what: str  # how the coordinator calls it: "Ranked report"
    files: list[Path]
    folder: Path
    items: int  # certificates drawn, entries given feedback, 1 for a report or a sheet
    awards: list[str] | None  # None: every award
    record: str  # the audit record's hash

    @property
    def where(self) -> Path:
        """The file, when there is one, else the folder: what the audit record names."""
        return self.files[0] if len(self.files) == 1 else self.folder


def _record(store: Store, kind: str, what: str, files: list[Path], folder: Path, items: int,
            awards: list[str] | None, who: str) -> OutputWritten:
    where = files[0] if len(files) == 1 else folder
    try:
        record = record_output(store, kind, files, where, items, awards, who)
    except (JudgePanelError, sqlite3.Error) as exc:  # the files are there regardless
        raise JudgePanelError(f"{where}: written, but not recorded in the audit log: "
                              f"{exc}") from exc
    return OutputWritten(kind, what, files, folder, items, awards, record)


def _awards(award_ids: list[str] | None) -> list[str] | None:
    return list(award_ids) if award_ids else None


def write_ranked_report(store: Store, path: Path | str, award_ids: list[str] | None = None,
                        who: str = "", progress: Progress | None = None,
                        day: date | None = None) -> OutputWritten:
    """The ranked report (PDF) for these awards (None: every award), recorded in the log."""
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        raise JudgePanelError(f"{path}: the output is a PDF, so give a name ending .pdf")
    awards = _awards(award_ids)
    write_report(report_data(store, awards, day), path, progress)
    return _record(store, "report", "Ranked report", [path], path.parent, 1, awards, who)


def write_entrant_feedback(store: Store, folder: Path | str,
                           award_ids: list[str] | None = None, who: str = "",
                           progress: Progress | None = None,
                           day: date | None = None) -> OutputWritten:
    """One anonymised feedback PDF per scored entry, into `folder` (made if missing)."""
    folder = Path(folder)
    awards = _awards(award_ids)
    files = write_feedback(report_data(store, awards, day), folder, progress)
    return _record(store, "feedback", "Feedback for entrants", files, folder, len(files),
                   awards, who)


def write_certificate_files(store: Store, target: Path | str,
                            design: CertificateDesign | None = None,
                            placement: str | None = None, separate: bool = False,
                            award_ids: list[str] | None = None, who: str = "",
                            progress: Progress | None = None,
                            day: date | None = None,
                            round_id: str | None = None) -> OutputWritten:
    """Certificates for the placed entries (with `round_id`: for every entry promoted into
    that round, "Finalist" or the round's name): one PDF for the printer, or (`separate`)
    one file each into a folder."""
    from judgepanel.core.reports.gather import round_certificates

    target = Path(target)
    if not separate and target.suffix.lower() != ".pdf":
        raise JudgePanelError(f"{target}: the output is a PDF, so give a name ending .pdf")
    awards = _awards(award_ids)
    data = report_data(store, awards, day)
    chosen = design or default_design()
    promoted = (round_certificates(store, data, round_id, chosen.placements["finalist"])
                if round_id is not None else None)
    count = len(promoted) if promoted is not None else len(certificates_from(data, placement))
    files = write_certificates(data, target, chosen, placement, separate, progress,
                               chosen=promoted)
    folder = target if separate else target.parent
    return _record(store, "certificates", "Certificates", files, folder, count, awards, who)


def write_results_sheet(store: Store, award_id: str, path: Path | str,
                        method: str | None = None, who: str = "",
                        round_id: str | None = None) -> OutputWritten:
    """The award's ranked table (the `rank` columns and each row's round) as CSV or XLSX,
    by the file's ending, for one round (default: the award's current round)."""
    from judgepanel.core.round_results import round_sheet

    path = Path(path)
    if path.suffix.lower() not in (".csv", ".xlsx"):
        raise JudgePanelError(f"{path}: choose a file ending .csv or .xlsx")
    header, rows = round_sheet(store, award_id, round_id, method)
    write_table(path, header, rows, sheet="Results")
    return _record(store, "results", "Results spreadsheet", [path], path.parent,
                   len(rows), [award_id], who)
