"""Which outputs (ranked report, feedback, certificates, results) were written, and when.

Each written output is recorded in the panel's hash-chained audit log, so the record survives
a restart, is part of the panel's history and the Outputs summary can read it back. No Qt here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.moderation import audit_log
from judgepanel.core.reports.model import long_date
from judgepanel.core.store import Store

# The kind of output, the audit action it is logged as, and how the summary names it.
OUTPUT_KINDS: dict[str, tuple[str, str]] = {
    "report": ("report written", "Ranked report"),
    "feedback": ("feedback written", "Feedback"),
    "certificates": ("certificates written", "Certificates"),
    "results": ("results exported", "Results spreadsheet"),
}
ACTION_KINDS = {action: kind for kind, (action, _) in OUTPUT_KINDS.items()}


@dataclass(frozen=True)
class OutputRecord:
    """One output as the audit log remembers it."""

    kind: str
    at: str
    who: str
    files: int
    items: int
    where: str
    awards: tuple[str, ...]


def record_output(store: Store, kind: str, files: Sequence[Path | str], where: Path | str,
                  items: int | None = None, awards: Sequence[str] | None = None,
                  who: str = "") -> str:
    """Log a written output (items: certificates drawn, entries given feedback); return its hash.

    The audit record is what lets the panel say, after a restart, what was last written.
    """
    if kind not in OUTPUT_KINDS:
        raise JudgePanelError(f"output kind must be one of {', '.join(OUTPUT_KINDS)}, "
                              f"not '{kind}'")
    if store.read_only:
        return ""  # a panel on read-only media: the output is written, the log cannot grow
    count = len(files)
    detail = {"files": count, "items": count if items is None else int(items),
              "where": str(where), "awards": list(awards) if awards else "all"}
    with store.transaction():
        return store.audit(OUTPUT_KINDS[kind][0], detail, who)


def outputs_written(store: Store, since: str | None = None) -> list[OutputRecord]:
    """Every output logged (oldest first); `since`, an ISO time, keeps only the later ones."""
    found = []
    for row in audit_log(store):
        kind = ACTION_KINDS.get(row["action"])
        if kind is None or (since is not None and row["at"] < since):
            continue
        detail = row["detail"] if isinstance(row["detail"], dict) else {}
        awards = detail.get("awards", "all")
        found.append(OutputRecord(
            kind, row["at"], row["who"], int(detail.get("files", 0) or 0),
            int(detail.get("items", detail.get("files", 0)) or 0), str(detail.get("where", "")),
            tuple(awards) if isinstance(awards, list) else ()))
    return found


def _clock(stamp: str) -> str:
    """"14:03" in local time, as the coordinator's own clock shows it."""
    try:
        return f"{datetime.fromisoformat(stamp).astimezone():%H:%M}"
    except ValueError:
        return stamp


def _day(stamp: str) -> str:
    """"22 November 2026" in local time."""
    try:
        return long_date(datetime.fromisoformat(stamp).astimezone().date())
    except ValueError:
        return stamp


def describe_output(record: OutputRecord, with_time: bool = True) -> str:
    """One output in a few words: "Ranked report written 14:03", "12 certificates"."""
    time = f" {_clock(record.at)}" if with_time else ""
    if record.kind == "certificates":
        noun = "certificate" if record.items == 1 else "certificates"
        return f"{record.items} {noun}"
    if record.kind == "feedback":
        noun = "entry" if record.items == 1 else "entries"
        return f"Feedback for {record.items} {noun}"
    if record.kind == "results":
        return f"Results exported{time}"
    return f"{OUTPUT_KINDS[record.kind][1]} written{time}"


def outputs_summary(store: Store, session_start: str | None = None) -> str:
    """The Outputs line in the navigation: what was written this session, newest of each kind.

    With nothing written since `session_start`, it says when the panel last had an output,
    or that nothing has been written yet.
    """
    session = outputs_written(store, since=session_start)
    if session:
        latest: dict[str, OutputRecord] = {}
        for record in session:
            latest.pop(record.kind, None)  # keep the newest, in the order they were written
            latest[record.kind] = record
        return "; ".join(describe_output(r) for r in latest.values())
    earlier = outputs_written(store)
    if earlier:
        last = earlier[-1]
        return f"{describe_output(last, with_time=False)} last written {_day(last.at)}"
    return "Nothing written yet"
