"""Read a panel into `ReportData`: the one place the outputs touch the panel.

The ranking, the statistics and the judges' totals come from the award's one analysis
(award_results.py), so a printed report always agrees with `rank` and `stats` and building
it analyses each award once.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from statistics import fmean
from typing import TYPE_CHECKING, Any

from judgepanel.core.award_results import award_results
from judgepanel.core.awards import Award, panel_award, panel_awards
from judgepanel.core.disagreement_flags import FLAG_WORDS
from judgepanel.core.judges import list_judges
from judgepanel.core.panel_details import award_entry_counts
from judgepanel.core.reports.model import (
    METHOD_WORDS,
    AwardResult,
    Comment,
    ConflictNote,
    DecisionNote,
    EntryResult,
    JudgeInfo,
    OverrideNote,
    ReportData,
    SectionInfo,
)
from judgepanel.core.store import Store

if TYPE_CHECKING:
    from judgepanel.core.reports.certificates import Certificate

TIE_BREAK_WORDS = {"bias": "bias-corrected score", "mean": "mean", "median": "median",
                   "trimmed": "trimmed mean", "zscore": "mean z-score", "borda": "Borda points"}


def report_data(store: Store, award_ids: list[str] | None = None,
                day: date | None = None) -> ReportData:
    """Everything the outputs print for the given awards (default: every award in the panel).

    An award with no entries has nothing to rank, place or certify: it is left out, and its
    name kept in `left_out` so the report can say so.
    """
    awards = ([panel_award(store, award_id) for award_id in award_ids] if award_ids
              else panel_awards(store))
    counts = award_entry_counts(store)
    judges = [JudgeInfo(j.name, j.email, j.role) for j in list_judges(store)]
    return ReportData(programme=store.title or "Awards", judges=judges,
                      awards=[award_result(store, award) for award in awards
                              if counts.get(award.id)],
                      day=day or date.today(), audit_head=store.audit_head(),
                      left_out=[award.name for award in awards if not counts.get(award.id)])


def tie_break_words(criterion: str, award: Award) -> str:
    """A declared tie-break criterion ('bias', 'section:Q5', 'panel') in plain words."""
    if criterion == "panel":
        return "a recorded panel vote"
    if criterion.startswith("section:"):
        section_id = criterion.split(":", 1)[1]
        try:
            title = award.section(section_id).title
        except KeyError:
            title = ""
        return f"the judges' mean on {section_id} {title}".rstrip()
    return "the " + TIE_BREAK_WORDS.get(criterion, METHOD_WORDS.get(criterion, criterion))


def award_result(store: Store, award: Award) -> AwardResult:
    """One award's ranking, statistics, section averages, comments and records."""
    from judgepanel.core.attachments import attachments_by_entry
    from judgepanel.core.evidence import award_evidence

    results = award_results(store, award.id)
    ranking = results.ranking()
    stats = results.stats
    per_entry: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for judged in results.analysis.totals:
        for section_id, value in judged.sections.items():
            per_entry[judged.entry][section_id].append(value)
    comments: dict[str, list[Comment]] = defaultdict(list)
    for row in section_comments(store, award.id):
        if str(row["comment"] or "").strip():
            comments[row["entry"]].append(Comment(row["judge"], row["section"], row["comment"]))
    for row in overall_comments(store, award.id):
        comments[row["entry"]].append(Comment(row["judge"], "", row["comment"]))
    evidence = award_evidence(store, award.id)
    documents = attachments_by_entry(store)
    section_ids = [s.id for s in award.sections]
    entry_means = {entry: {s: fmean(v) if (v := by_section.get(s)) else None
                           for s in section_ids}
                   for entry, by_section in per_entry.items()}
    award_means: dict[str, float | None] = {}
    for section_id in section_ids:
        found = [mean for m in entry_means.values() if (mean := m[section_id]) is not None]
        award_means[section_id] = fmean(found) if found else None
    entries = [EntryResult(
        rank=r.rank, entry=r.entry, title=r.title, nominee=r.nominee,
        organisation=r.organisation, score=r.score, mean=r.mean, median=r.median, sd=r.sd,
        judges=r.judges, flags=list(r.flags), placement=r.placement,
        computed_score=r.computed_score, override=r.override,
        section_means=entry_means.get(r.entry, {}), comments=comments.get(r.entry, []),
        evidence=evidence.get(r.entry),
        documents=[(d["name"], d["pages"] if d["type"] == "pdf" else None)
                   for d in documents.get(r.entry, [])],
    ) for r in ranking.entries]
    totals: dict[str, list[float]] = defaultdict(list)
    for total in results.analysis.totals:
        if total.total is not None:
            totals[total.judge].append(total.total)
    return AwardResult(
        award=award.id, name=award.name, organiser=award.organiser, method=ranking.method,
        sections=[SectionInfo(s.id, s.title, award.scale_of(s).min, award.scale_of(s).max,
                              s.weight) for s in award.sections],
        entries=entries, tie_break=[tie_break_words(c, award) for c in ranking.tie_break],
        connected=ranking.connected, notes=[n for n in ranking.notes
                                            if not n.startswith("method:")],
        section_means=award_means, judge_totals=dict(totals), stats=stats,
        reliability=reliability_lines(stats), **records(store, award.id),
        **round_tables(store, award.id))


def round_tables(store: Store, award_id: str) -> dict[str, Any]:
    """The tables of an award's later rounds, the first round's heading, and each finalist's
    path in the final order (nothing for an award judged in one round)."""
    from judgepanel.core.round_results import entry_path, final_result, round_result
    from judgepanel.core.rounds import award_rounds

    rounds = award_rounds(store, award_id)
    if len(rounds) < 2:
        return {}
    results = [round_result(store, award_id, r.id) for r in rounds]
    tables = []
    for number, result in enumerate(results[1:], start=2):
        tables.append((round_heading(number, result.round),
                       [(x.rank, x.entry, x.title, x.score, x.placement)
                        for x in result.lines]))
    final = final_result(store, award_id)
    paths = {line["entry"]: line["path"] or entry_path(results, line["entry"])
             for line in final}
    notes: dict[str, list[str]] = defaultdict(list)
    for result in results:
        if result.round.kind == "consensus":
            for row in store.rows(
                    "SELECT entry, note FROM consensus_scores WHERE award = ? AND round = ? "
                    "AND section = '' AND trim(note) != '' ORDER BY entry",
                    [award_id, result.round.id]):
                notes[row["entry"]].append(f"{result.round.name}: {row['note']}")
    return {"rounds": tables, "paths": paths, "round_notes": dict(notes),
            "first_round": round_heading(1, results[0].round)}


def round_heading(number: int, found: Any) -> str:
    """"Round 2: Final (consensus, open)"."""
    return f"Round {number}: {found.name} ({found.kind}, {found.state})"


def section_comments(store: Store, award_id: str) -> list[dict[str, Any]]:
    """Judges' comments on the sections of scores that count (no conflicted judge, no empty
    score), in the order of the award's sections."""
    return store.rows(
        "SELECT s.entry, j.name AS judge, s.section, s.comment FROM scores s "
        "JOIN entries e ON e.id = s.entry AND e.award = ? "
        "JOIN judges j ON j.id = s.judge "
        "JOIN sections sec ON sec.award = e.award AND sec.id = s.section "
        "WHERE s.value IS NOT NULL AND s.comment != '' AND NOT EXISTS "
        "(SELECT 1 FROM conflicts c WHERE c.judge = s.judge AND c.entry = s.entry) "
        "ORDER BY s.entry, s.judge, sec.position", [award_id])


def overall_comments(store: Store, award_id: str) -> list[dict[str, Any]]:
    """Judges' overall comments on the award's entries; a conflicted judge's never count."""
    return store.rows(
        "SELECT r.entry, j.name AS judge, r.comment FROM reviews r "
        "JOIN entries e ON e.id = r.entry AND e.award = ? JOIN judges j ON j.id = r.judge "
        "WHERE trim(r.comment) != '' AND NOT EXISTS (SELECT 1 FROM conflicts c "
        "WHERE c.judge = r.judge AND c.entry = r.entry) ORDER BY r.entry, r.judge", [award_id])


def records(store: Store, award_id: str) -> dict[str, Any]:
    """The award's declared conflicts, decisions and every override, oldest first."""
    conflicts = [ConflictNote(r["judge"], r["entry"], r["reason"], r["declared_by"])
                 for r in store.rows(
                     "SELECT j.name AS judge, c.entry, c.reason, c.declared_by FROM conflicts c "
                     "JOIN judges j ON j.id = c.judge JOIN entries e ON e.id = c.entry "
                     "WHERE e.award = ? ORDER BY c.entry, j.name", [award_id])]
    decisions = [DecisionNote(r["entry"], r["placement"], r["reason"], r["decided_by"],
                              r["decided_at"])
                 for r in store.rows(
                     "SELECT d.* FROM decisions d JOIN entries e ON e.id = d.entry "
                     "WHERE e.award = ? ORDER BY d.decided_at", [award_id])]
    overrides = [OverrideNote(r["entry"], r["old_value"], r["new_value"], r["reason"],
                              r["decided_by"], r["decided_at"])
                 for r in store.rows(
                     "SELECT o.* FROM overrides o JOIN entries e ON e.id = o.entry "
                     "WHERE e.award = ? ORDER BY o.id", [award_id])]
    return {"conflicts": conflicts, "decisions": decisions, "overrides": overrides}


def reliability_lines(stats: dict[str, Any]) -> list[str]:
    """The panel's agreement figures as sentences a board member can read."""
    from judgepanel.core.stats import plain_reading

    lines: list[str] = []
    alpha = stats.get("alpha_interval")
    if alpha is None:
        lines.append("Krippendorff's α could not be computed: "
                     f"{plain_reading(None)}.")
    else:
        lines.append(f"Krippendorff's α (interval) is {alpha:.2f}: {plain_reading(alpha)} "
                     "(1 is perfect agreement; 0.8 or more is good, below 0.667 is poor).")
    icc = stats.get("icc")
    if icc:
        lines.append(f"On the entries every judge scored, ICC(2,1) is {icc['ICC2']:.2f} for a "
                     f"single judge's total and ICC(2,k) {icc['ICC2k']:.2f} for the panel's "
                     "average: the share of the spread in scores that reflects real "
                     "differences between entries.")
    w = stats.get("kendall_w")
    if w is not None:
        lines.append(f"Kendall's W is {w:.2f}: how closely the judges' orderings match "
                     "(1 would be identical orderings).")
    if stats.get("connected") is False:
        lines.append("Some judges share no entries with others, so their groups' scores can "
                     "be compared only through the raw means; read close places with care.")
    bias = stats.get("judge_bias") or {}
    leaning = sorted(((name, value) for name, value in bias.items() if abs(value) >= 2.0),
                     key=lambda pair: -abs(pair[1]))
    if leaning:
        parts = [f"{name} {abs(value):.1f} points {'above' if value > 0 else 'below'}"
                 for name, value in leaning[:4]]
        lines.append("Judges who scored noticeably higher or lower than the panel "
                     f"(on a 0–100 scale): {'; '.join(parts)}. The bias-corrected score "
                     "allows for this.")
    flags = stats.get("flags") or []
    if flags:
        counts: dict[str, int] = defaultdict(int)
        for flag in flags:
            counts[flag["flag"]] += 1
        listed = ", ".join(f"{FLAG_WORDS.get(name, name)} {count}"
                           for name, count in sorted(counts.items()))
        lines.append(f"{len(flags)} disagreement flags were raised ({listed}); each is "
                     "shown against its entry in the table.")
    return lines


def round_certificates(store: Store, data: ReportData, round_id: str,
                       finalist: str = "Finalist") -> list[Certificate]:
    """A certificate for each entry promoted into round `round_id` of the report's awards
    (those that have such a round), in each award's order: "Finalist" (the design's word)
    for the award's last round, the round's own name (e.g. "Shortlisted") for an earlier
    one."""
    from judgepanel.core.errors import JudgePanelError
    from judgepanel.core.reports import certificates
    from judgepanel.core.rounds import award_rounds, round_entries

    found: list[Certificate] = []
    holders = 0
    for award in data.awards:
        rounds = award_rounds(store, award.award)
        match = next((r for r in rounds if r.id == round_id), None)
        if match is None:
            continue
        holders += 1
        label = finalist if match.position == len(rounds) - 1 else match.name
        by_id = {e.entry: e for e in award.entries}
        for entry in round_entries(store, match):
            shown = by_id.get(entry)
            if shown is not None:
                found.append(certificates.Certificate(entry, award.name, label,
                                                      shown.nominee, shown.organisation,
                                                      shown.title))
    if not holders:
        raise JudgePanelError(f"{store.path}: no award here has a round '{round_id}' "
                              "(judgepanel rounds lists an award's rounds)")
    return found
