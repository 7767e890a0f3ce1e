"""What the outputs print, as plain data: the renderers take this and never touch the panel.

Keeping the data apart from the rendering lets the benchmarks time the rendering alone and
lets tests build a report without a panel. `report_data` (in `gather.py`) fills it in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from judgepanel.core.evidence import EntryEvidence

PLACEMENTS = ("winner", "highly-commended", "finalist")
PLACEMENT_LABELS = {
    "winner": "Winner",
    "highly-commended": "Highly Commended",
    "finalist": "Finalist",
    "none": "Not placed",
}
METHOD_WORDS = {
    "bias": "bias-corrected score (each judge's leniency or harshness removed)",
    "mean": "mean of the judges' totals",
    "median": "median of the judges' totals",
    "trimmed": "trimmed mean of the judges' totals",
    "zscore": "mean of each judge's standardised (z) scores",
    "borda": "Borda count of each judge's ranking",
}


def long_date(day: date) -> str:
    """A date as users in the UK write it: 22 November 2026."""
    return f"{day.day} {day:%B %Y}"


def placement_label(placement: str | None) -> str:
    """The words printed for a placement id ('' when there is none)."""
    if not placement:
        return ""
    return PLACEMENT_LABELS.get(placement, placement)


@dataclass(frozen=True)
class SectionInfo:
    """One scored section of an award, with its scale, for tables and charts."""

    id: str
    title: str
    scale_min: float = 0
    scale_max: float = 10
    weight: float = 1.0

    @property
    def label(self) -> str:
        """"Q1 Relationships …" for numbered sections; just the title when the id is its slug."""
        if not self.title or self.title.casefold().startswith(self.id.casefold()):
            return self.title or self.id
        if self.id.casefold() == "-".join(self.title.casefold().split()):
            return self.title
        return f"{self.id} {self.title}"


@dataclass(frozen=True)
class Comment:
    """One comment from the panel; `section` is '' for a judge's overall comment."""

    judge: str
    section: str
    text: str


@dataclass
class EntryResult:
    """One row of the ranked table, with what the entry's own page and feedback need."""

    rank: int | None
    entry: str
    title: str = ""
    nominee: str = ""
    organisation: str = ""
    score: float | None = None
    mean: float | None = None
    median: float | None = None
    sd: float | None = None
    judges: int = 0
    flags: list[str] = field(default_factory=list)
    placement: str | None = None
    computed_score: float | None = None
    override: float | None = None
    section_means: dict[str, float | None] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)
    evidence: EntryEvidence | None = None  # framework behaviours tagged; None: not gathered
    documents: list[tuple[str, int | None]] = field(default_factory=list)  # (name, PDF pages)

    @property
    def placed(self) -> bool:
        return self.placement in PLACEMENTS


@dataclass(frozen=True)
class ConflictNote:
    judge: str
    entry: str
    reason: str
    declared_by: str = ""


@dataclass(frozen=True)
class DecisionNote:
    entry: str
    placement: str
    reason: str
    decided_by: str = ""
    decided_at: str = ""


@dataclass(frozen=True)
class OverrideNote:
    entry: str
    old_value: float | None
    new_value: float
    reason: str
    decided_by: str = ""
    decided_at: str = ""


@dataclass
class AwardResult:
    """One award's result: the ranking and everything the board needs to accept it."""

    award: str
    name: str
    method: str
    sections: list[SectionInfo]
    entries: list[EntryResult]
    tie_break: list[str] = field(default_factory=list)
    connected: bool = True
    notes: list[str] = field(default_factory=list)
    organiser: str = ""
    section_means: dict[str, float | None] = field(default_factory=dict)
    judge_totals: dict[str, list[float]] = field(default_factory=dict)
    stats: dict[str, object] = field(default_factory=dict)
    reliability: list[str] = field(default_factory=list)
    conflicts: list[ConflictNote] = field(default_factory=list)
    decisions: list[DecisionNote] = field(default_factory=list)
    overrides: list[OverrideNote] = field(default_factory=list)
    # judging rounds after the first: (heading, [(rank, entry, title, score, placement)])
    # per round; each finalist's path through the rounds ("Judging 3rd of 14 with 81.4;
    # Final 1st …") in the final order; the first round's heading ('' for one round)
    rounds: list[tuple[str, list[tuple[int | None, str, str, float | None, str | None]]]] = \
        field(default_factory=list)
    paths: dict[str, str] = field(default_factory=dict)
    first_round: str = ""
    round_notes: dict[str, list[str]] = field(default_factory=dict)  # the panel's, agreed

    @property
    def placed(self) -> list[EntryResult]:
        """Placed entries, winner first, then by rank."""
        order = {p: i for i, p in enumerate(PLACEMENTS)}
        placed = [e for e in self.entries if e.placed]
        return sorted(placed, key=lambda e: (order[e.placement or ""], e.rank or 10**9))


@dataclass(frozen=True)
class JudgeInfo:
    name: str
    email: str = ""
    role: str = "judge"


@dataclass
class ReportData:
    """Everything the ranked report, the feedback and the certificates print."""

    programme: str
    awards: list[AwardResult]
    judges: list[JudgeInfo] = field(default_factory=list)
    day: date = field(default_factory=date.today)
    audit_head: str = ""  # the audit chain's last record, fingerprinted (Store.audit_head)
    left_out: list[str] = field(default_factory=list)  # names of awards with no entries

    @property
    def chair(self) -> str:
        """The panel chair's name, or '' when no judge has the chair's role."""
        for judge in self.judges:
            if judge.role == "chair":
                return judge.name
        return ""

    @property
    def method(self) -> str:
        methods = sorted({a.method for a in self.awards})
        return ", ".join(methods)
