"""Rankings the chair can defend: an award's order under one method, with moderated scores,
declared tie-breaks and flags, and how the order changes across methods (sensitivity).

The six methods' scores are worked out in ranking_methods.py, read once per award into an
analysis (award_analysis.py); ties are found and broken in tie_breaks.py.
"""

from __future__ import annotations

from judgepanel.core.award_analysis import (
    Analysis,
    RankedEntry,
    Ranking,
    analyse_award,
    difference_se,
    entry_lines,
    no_cycle_collection,
)
from judgepanel.core.disagreement_flags import (
    champion_candidates,
    order_by_priority,
    ranking_flags,
)
from judgepanel.core.ranking_methods import EXACT_METHODS, METHOD_LABELS, METHODS, Number
from judgepanel.core.store import Store
from judgepanel.core.tie_breaks import break_ties, equal_groups
from judgepanel.core.totals import exact

# The ranking's vocabulary, imported from here by the screens, the reports and the CLI.
__all__ = ["EXACT_METHODS", "METHODS", "METHOD_LABELS", "Analysis", "RankedEntry", "Ranking",
           "analyse_award", "methods_changing_top_places", "rank_analysis", "rank_award",
           "sensitivity", "top_places_change"]


def rank_analysis(analysis: Analysis, method: str, use_overrides: bool = True) -> Ranking:
    """Order an analysed award under one method, apply moderated scores, ties and flags.

    The analysis is a snapshot, so each (method, overrides) ranking is computed once and kept.
    """
    if (method, use_overrides) in analysis.rankings:
        return analysis.rankings[(method, use_overrides)]
    with no_cycle_collection():
        return _rank_analysis(analysis, method, use_overrides)


def _rank_analysis(analysis: Analysis, method: str, use_overrides: bool) -> Ranking:
    if method not in METHODS:
        from judgepanel.core.errors import JudgePanelError

        raise JudgePanelError(f"unknown ranking method '{method}' (use one of "
                              f"{', '.join(METHODS)})")
    computed = analysis.method_scores[method]
    exactly = analysis.exact_scores.get(method)
    final: dict[str, Number] = {**computed, **(exactly or {})}
    shown = dict(computed)  # each value of `final` as a float (the exact ones: float(exact))
    if use_overrides:
        for entry, record in analysis.overrides.items():
            final[entry] = (exact(record["new_value"]) if exactly is not None
                            else float(record["new_value"]))
            shown[entry] = float(final[entry])
    notes = [f"method: {METHOD_LABELS[method]}", *analysis.notes,
             *analysis.method_notes.get(method, [])]
    tie_break = list(analysis.settings["tie_break"])
    ordered = sorted(((e, s) for e, s in final.items() if e in computed),
                     key=lambda pair: (-shown[pair[0]], pair[0]))  # floats keep the order
    ranks: dict[str, int | None] = {}
    tied: set[str] = set()
    position = 1
    for group in equal_groups(ordered, shown):
        for part in (break_ties(analysis, group, tie_break, notes) if len(group) > 1
                     else [group]):
            for entry in part:
                ranks[entry] = position
            if len(part) > 1:
                tied.update(part)
            position += len(part)
    # The flags below read these scores only as floats.
    by_rank: list[tuple[str, Number]] = sorted(((e, shown[e]) for e in ranks),
                                               key=lambda p: ranks[p[0]] or 0)
    if analysis.champions is None:
        analysis.champions = champion_candidates(
            analysis.by_judge, int(analysis.settings["champion_k"]), analysis.counted,
            float(analysis.settings["flag_thresholds"].get("champion_gap", 20.0)))
    records = list(analysis.judge_flags) + ranking_flags(
        analysis.settings, analysis.counted, ranks, by_rank,
        analysis.standard_errors, analysis.by_judge,
        difference_se(analysis) if method == "bias" else None, analysis.champions)
    sharing: dict[int | None, list[str]] = {}
    for entry in sorted(tied):
        sharing.setdefault(ranks[entry], []).append(entry)
    for entry in sorted(tied):
        others = ", ".join(e for e in sharing[ranks[entry]] if e != entry)
        records.append({"entry": entry, "judge": None, "flag": "tie",
                        "detail": f"shares rank {ranks[entry]} with {others}: the tie-break "
                                  f"order ({', '.join(tie_break)}) cannot separate them"})
    records = order_by_priority(records, by_rank, ranks, int(analysis.settings["places"]))
    names: dict[str, list[str]] = {}
    for record in records:
        if record["flag"] not in names.setdefault(record["entry"], []):
            names[record["entry"]].append(record["flag"])
    incomplete = analysis.incomplete
    overrides = analysis.overrides if use_overrides else {}
    rows = []
    for (entry, title, nominee, organisation, mean, median, sd, judges, placement, bias_score,
         bias_se, close) in entry_lines(analysis):
        flags = names.get(entry, []) + (["incomplete"] if entry in incomplete else [])
        override = overrides.get(entry)
        rows.append(RankedEntry(
            ranks.get(entry), entry, title, nominee, organisation,
            shown[entry] if entry in computed else None, mean, median, sd, judges, flags,
            placement, computed.get(entry),
            float(override["new_value"]) if override else None,
            ranks.get(entry),  # computed_rank: the same unless moderated scores apply (below)
            bias_score, bias_se, list(close)))
    rows.sort(key=lambda r: (r.rank is None, r.rank or 0, r.entry))
    if use_overrides and analysis.overrides:
        before = {r.entry: r.rank for r in rank_analysis(analysis, method, False).entries}
        for row in rows:
            row.computed_rank = before.get(row.entry)
    ranking = Ranking(award=analysis.award.id, method=method, entries=rows,
                      tie_break=tie_break, connected=analysis.connected, notes=notes,
                      judge_bias=dict(analysis.judge_bias), flag_records=records,
                      design=analysis.design)
    analysis.rankings[(method, use_overrides)] = ranking
    return ranking



def rank_award(store: Store, award_id: str, method: str | None = None) -> Ranking:
    """The award's ranking under `method` (default: the award's own, normally `bias`)."""
    analysis = analyse_award(store, award_id)
    return rank_analysis(analysis, method or analysis.settings["method"])


def sensitivity(store: Store, award_id: str,
                methods: tuple[str, ...] = METHODS) -> dict[str, dict[str, int | None]]:
    """Entry × method → computed rank (no moderated overrides): does the method matter?"""
    analysis = analyse_award(store, award_id)
    table: dict[str, dict[str, int | None]] = {e["id"]: {} for e in analysis.entries}
    for method in methods:
        for row in rank_analysis(analysis, method, use_overrides=False).entries:
            table[row.entry][method] = row.rank
    return table


def top_places_change(store: Store, award_id: str, places: int | None = None,
                      methods: tuple[str, ...] = METHODS) -> bool:
    """True when any method puts different entries (or a different order) in the top places."""
    return bool(methods_changing_top_places(analyse_award(store, award_id), places, methods))


def methods_changing_top_places(analysis: Analysis, places: int | None = None,
                                methods: tuple[str, ...] = METHODS) -> list[str]:
    """The methods whose top places (entries or order, no moderated scores) differ from the
    award's own method's: the one rule behind `rank --sensitivity` and the Results page."""
    k = int(places or analysis.settings["places"])

    def top(method: str) -> tuple[tuple[str, int | None], ...]:
        ranking = rank_analysis(analysis, method, use_overrides=False)
        return tuple((r.entry, r.rank) for r in ranking.entries
                     if r.rank is not None and r.rank <= k)

    reference = top(analysis.settings["method"])
    return [method for method in methods if top(method) != reference]
