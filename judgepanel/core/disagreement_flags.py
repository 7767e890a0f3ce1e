"""Disagreement flags: the few entries the chair should talk about before signing off.

Thresholds are held per award in ``settings["flag_thresholds"]`` so the chair can change them
(docs in the README, "Disagreement flags"). Every flag is a record ``{"entry", "judge" (or
None), "flag", "detail"}``; the ranking shows the flag names per entry. All values
are the judges' exact 0–100 totals (totals.py), so totals equal on paper are treated alike at
every threshold.

- ``range``: max − min of the totals ≥ ``range`` points (default 50: five points of a 0–10
  scale; a 30-point range is ordinary noise among five judges).
- ``rwg``: r_wg = 1 − s² / σ²_EU < ``rwg`` (0.70), σ²_EU the variance of a uniform
  response over the award scale's points (James, Demaree & Wolf 1984), in 0–100 units.
- ``outlier``: a judge's total with |y − median(others)| ≥ max(``outlier_mad`` · scaled MAD
  of the others, ``outlier_min`` points (40)); needs three judges or more. Names the judge.
- ``no-comment``: a total in the top or bottom ``extreme`` % of the scale with no comment in
  any section or in the judge's overall review, and at least ``extreme_gap`` points (20) from
  the other judges' median (an extreme score the panel shares needs no explaining).
- ``champion``: an entry in a judge's own top k (``champion_k``; entries tied across the
  k-th place are not a top k) that the panel ranks below 2k, and that the judge scored at
  least ``champion_gap`` points (20) above the other judges' median; only for judges who
  scored 2k entries or more (a top 3 of 4 is not a choice).
- ``near-cutoff``: the two entries either side of the cut-off between places k and k+1
  (k = ``places``) when their difference is within its standard error: noise could swap them.
- ``tie``: added by the ranking for entries its tie-break order cannot separate.

Records come ordered by how much they matter, the most important first: the points the
disagreement could move the entry (a judge's pull on the mean, or the noise at the cut-off),
divided by the entry's distance from the placement cut-off; a tie across the cut-off first.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

from judgepanel.core.awards import Award
from judgepanel.core.totals import JudgeTotal, exact

FLAG_NAMES = ("range", "rwg", "outlier", "no-comment", "champion", "near-cutoff", "tie")
# Equally important flags on one entry: the ones naming a judge before the panel-wide ones.
ORDER = {name: i for i, name in enumerate(
    ("tie", "near-cutoff", "outlier", "champion", "range", "rwg", "no-comment"))}
# Each flag in the words the application, the ranked report and the exports use (the codes
# stay in JSON and in the audit record, for scripts).
FLAG_WORDS = {
    "range": "wide range",
    "rwg": "low agreement",
    "outlier": "outlier",
    "no-comment": "extreme score, no comment",
    "champion": "champion",
    "near-cutoff": "near the cut-off",
    "tie": "tie",
    "incomplete": "incomplete scores",
}
MAD_SCALE = Fraction("1.4826")  # makes the MAD a consistent estimate of the SD (normal data)
Number = float | Fraction


def flag_words(flags: Iterable[str]) -> str:
    """Flags as a chair reads them ("low agreement, near the cut-off"), never as codes."""
    return ", ".join(FLAG_WORDS.get(flag, flag) for flag in flags)


def uniform_variance(award: Award) -> float:
    """σ²_EU for r_wg: the variance of a uniform answer over the scale's A points, 0–100 units."""
    return float(_uniform_variance(award))


def _uniform_variance(award: Award) -> Fraction:
    scale = award.scale
    low, high, step = exact(scale.min), exact(scale.max), exact(scale.step)
    points = round((high - low) / step) + 1
    return step ** 2 * (points ** 2 - 1) / 12 * (100 / (high - low)) ** 2


def sample_variance(values: Sequence[Number]) -> Number:
    """The n − 1 variance: exact for fractions, plain floats otherwise (fast)."""
    mean = sum(values) / len(values)
    return sum((v - mean) ** 2 for v in values) / (len(values) - 1)


def _record(entry: str, judge: str | None, flag: str, detail: str,
            pull: float = 0.0) -> dict[str, Any]:
    """A flag record; `pull` (points the entry could move) is used to order, then dropped."""
    return {"entry": entry, "judge": judge, "flag": flag, "detail": detail, "_pull": pull}


def _values(totals: Sequence[JudgeTotal]) -> list[Fraction]:
    return [t.exact if t.exact is not None else exact(t.total or 0.0)
            for t in totals if t.total is not None]


def _apart(total: JudgeTotal, totals: Sequence[JudgeTotal]) -> Fraction | None:
    """This judge's total minus the median of the other judges' totals (None when alone)."""
    others = _values([t for t in totals if t is not total])
    if not others or total.exact is None:
        return None
    return total.exact - Fraction(statistics.median(others))


def _at_least(left: float, right: float, exactly: Callable[[], bool]) -> bool:
    """left ≥ right, decided in floats when they are clearly apart and exactly otherwise.

    The floats come from exact totals, so they are off by far less than the 1e-9 margin;
    values on or near a threshold (a 30-point range, a total of exactly 90) are compared as
    fractions, so totals equal on paper always fall on the same side.
    """
    if abs(left - right) > 1e-9 * max(1.0, abs(left), abs(right)):
        return left >= right
    return exactly()


def _median(values: Sequence[float]) -> float:
    """statistics.median of floats, the same arithmetic without its generality."""
    data = sorted(values)
    half = len(data) // 2
    if not data:
        return float(statistics.median(data))  # raises StatisticsError, as before
    return float(data[half] if len(data) % 2 else (data[half - 1] + data[half]) / 2)


def spread_flags(entry: str, totals: Sequence[JudgeTotal], thresholds: Mapping[str, float],
                 sigma_eu: float | Fraction) -> list[dict[str, Any]]:
    """range, rwg and outlier for one entry's counted totals (exact at every threshold)."""
    found: list[dict[str, Any]] = []
    counted = [t for t in totals if t.total is not None]
    values = [float(t.total or 0.0) for t in counted]
    if len(values) < 2:
        return found
    n = len(values)
    spread = max(values) - min(values)
    if _at_least(spread, float(thresholds["range"]), lambda: (
            max(_values(counted)) - min(_values(counted)) >= exact(thresholds["range"]))):
        found.append(_record(entry, None, "range",
                             f"totals run from {min(values):.1f} to {max(values):.1f} "
                             f"({spread:.1f} points; threshold {thresholds['range']:g})",
                             spread / n))
    rwg = 1.0 - float(sample_variance(values)) / float(sigma_eu)
    if not _at_least(rwg, float(thresholds["rwg"]), lambda: (
            1 - Fraction(sample_variance(_values(counted))) / exact(sigma_eu)
            >= exact(thresholds["rwg"]))):
        found.append(_record(entry, None, "rwg",
                             f"r_wg = {rwg:.2f}, below {thresholds['rwg']:.2f}: the "
                             "judges agree less than the threshold", spread / n))
    if n >= 3:
        mad_scale = float(MAD_SCALE)
        outlier_mad, outlier_min = float(thresholds["outlier_mad"]), float(
            thresholds["outlier_min"])
        for where, total in enumerate(counted):
            others = counted[:where] + counted[where + 1:]
            plain = values[:where] + values[where + 1:]
            middle = _median(plain)
            gap = values[where] - middle
            if abs(gap) < outlier_min - 1e-6:
                continue  # clearly short of the smallest limit, whatever the others' spread
            mad = mad_scale * _median([abs(v - middle) for v in plain])
            limit = max(outlier_mad * mad, outlier_min)

            def exactly(total: JudgeTotal = total, others: list[JudgeTotal] = others) -> bool:
                precise = _values(others)
                centre = Fraction(statistics.median(precise))
                spread_ = MAD_SCALE * Fraction(statistics.median(abs(v - centre)
                                                                 for v in precise))
                bound = max(exact(thresholds["outlier_mad"]) * spread_,
                            exact(thresholds["outlier_min"]))
                return abs(_values([total])[0] - centre) >= bound

            if _at_least(abs(gap), limit, exactly):
                side = "above" if gap > 0 else "below"
                found.append(_record(entry, total.judge, "outlier",
                                     f"{total.judge} gave {total.total:.1f}, "
                                     f"{abs(gap):.1f} points {side} the other judges' "
                                     f"median {middle:.1f}", abs(gap) / n))
    return found


def comment_flags(entry: str, totals: Sequence[JudgeTotal], commented: set[tuple[str, int]],
                  thresholds: Mapping[str, float]) -> list[dict[str, Any]]:
    """no-comment: an extreme total, apart from the other judges, that no comment explains."""
    edge = exact(thresholds["extreme"])
    wanted_gap = exact(thresholds.get("extreme_gap", 20.0))
    top = 100 - edge
    plain_edge, plain_top = float(edge), float(top)
    found = []
    for total in totals:
        if total.total is None or total.exact is None or (entry, total.judge_id) in commented:
            continue
        # Clearly between the edges as floats (which are within far less than 1e-9 of the
        # exact totals) means between them exactly; near an edge, compare exactly.
        if plain_edge + 1e-6 < total.total < plain_top - 1e-6:
            continue
        high, low = total.exact >= top, total.exact <= edge
        if not (high or low):
            continue
        gap = _apart(total, totals)
        if gap is not None and abs(gap) < wanted_gap:
            continue  # the other judges are out there too: nothing to explain
        which = "top" if high else "bottom"
        apart = "" if gap is None else (f", {float(abs(gap)):.1f} points from the other "
                                        "judges' median")
        found.append(_record(entry, total.judge, "no-comment",
                             f"{total.judge} gave {total.total:.1f} (the {which} "
                             f"{thresholds['extreme']:g} % of the scale) with no comment"
                             + apart, float(abs(gap or 0)) / len(totals)))
    return found


# A judge's clear top-k entry before the panel's ranks are known: (judge, entry, the
# judge's total, the points it pulls the entry, the words on how far above the others).
Champion = tuple[str, str, Number, float, str]


def champion_candidates(by_judge: Mapping[str, Sequence[tuple[str, Number]]], k: int,
                        totals_by_entry: Mapping[str, Sequence[JudgeTotal]] | None = None,
                        gap: float = 0.0) -> list[Champion]:
    """Each judge's clear top k (see `champion_flags`), the same under every method."""
    found: list[Champion] = []
    wanted = exact(gap)
    floats: dict[int, float] = {}  # totals repeat as the same objects: each float made once

    def shown(item: tuple[Fraction, str, Number]) -> float:
        value = floats.get(id(item[2]))
        if value is None:
            value = floats[id(item[2])] = float(item[2])
        return value

    for judge, scored in by_judge.items():
        if len(scored) < 2 * k:
            continue  # a top k of fewer than 2k entries is not a choice
        # Sorted by the float (rounding keeps the order), compared exactly at the k-th place.
        ordered = sorted(((exact(total), entry, total) for entry, total in scored),
                         key=shown, reverse=True)
        for value, entry, total in ordered[:k]:
            if ordered[k][0] == value:
                break  # tied across the k-th place: from here on not a clear top k
            pull, beyond = 0.0, ""
            if totals_by_entry is not None:
                theirs = totals_by_entry.get(entry, [])
                mine = next((t for t in theirs if t.judge == judge), None)
                apart = _apart(mine, theirs) if mine is not None else None
                if apart is None or apart < wanted:
                    continue
                pull = float(apart) / len(theirs)
                beyond = f", {float(apart):.1f} points above the other judges' median"
            found.append((judge, entry, total, pull, beyond))
    return found


def champion_flags(by_judge: Mapping[str, Sequence[tuple[str, Number]]],
                   ranks: Mapping[str, int | None], k: int,
                   totals_by_entry: Mapping[str, Sequence[JudgeTotal]] | None = None,
                   gap: float = 0.0, candidates: Sequence[Champion] | None = None
                   ) -> list[dict[str, Any]]:
    """A judge's clear top-k entries that the panel ranks outside its top 2k.

    Entries tied across the judge's k-th place are not a top k (on a 0–10 scale a judge's
    third-best score is often shared by half their entries). With `totals_by_entry`, the
    judge must also have scored the entry at least `gap` points above the others' median.
    `candidates` (champion_candidates' answer for the same arguments) saves working each
    judge's top k out again for another method's ranks.
    """
    if candidates is None:
        candidates = champion_candidates(by_judge, k, totals_by_entry, gap)
    found = []
    for judge, entry, total, pull, beyond in candidates:
        rank = ranks.get(entry)
        if rank is None or rank <= 2 * k:
            continue
        found.append(_record(entry, judge, "champion",
                             f"in {judge}'s top {k} ({float(total):.1f}) but ranked {rank} "
                             f"by the panel (outside the top {2 * k}){beyond}", pull))
    return found


def cutoff_flags(ordered: Sequence[tuple[str, Number]], standard_errors: Mapping[str, float],
                 places: int, difference_se: Callable[[str, str], float] | None = None
                 ) -> list[dict[str, Any]]:
    """The entries either side of the cut-off between places k and k+1, when noise could swap
    them: their difference is within its standard error (by default √(se_a² + se_b²))."""
    if places < 1 or len(ordered) <= places:
        return []
    (above, high), (below, low) = ordered[places - 1], ordered[places]
    if difference_se is not None:
        error = difference_se(above, below)
    else:
        first, second = standard_errors.get(above), standard_errors.get(below)
        error = math.nan if first is None or second is None else math.hypot(first, second)
    if not math.isfinite(error):
        return []  # no estimate of the noise
    difference = float(high) - float(low)
    if difference > error:
        return []
    return [_record(entry, None, "near-cutoff",
                    f"{above} ({float(high):.1f}, place {places}) and {below} "
                    f"({float(low):.1f}, place {places + 1}) differ by {difference:.1f}, "
                    f"within the standard error of their difference (±{error:.1f}): noise "
                    "could swap them across the cut-off", error)
            for entry in (above, below)]


def panel_flags(award: Award, settings: Mapping[str, Any],
                totals_by_entry: Mapping[str, Sequence[JudgeTotal]],
                commented: set[tuple[str, int]]) -> list[dict[str, Any]]:
    """The flags that do not depend on the ranking method: range, rwg, outlier, no-comment."""
    thresholds = settings["flag_thresholds"]
    sigma_eu = _uniform_variance(award)
    found: list[dict[str, Any]] = []
    for entry, totals in totals_by_entry.items():
        counted = [t for t in totals if t.total is not None]
        found += spread_flags(entry, counted, thresholds, sigma_eu)
        found += comment_flags(entry, counted, commented, thresholds)
    return found


def totals_by_judge(totals_by_entry: Mapping[str, Sequence[JudgeTotal]]
                    ) -> dict[str, list[tuple[str, Number]]]:
    """Judge name → [(entry, exact total)], each judge's own view of the entries they scored."""
    by_judge: dict[str, list[tuple[str, Number]]] = {}
    for entry, totals in totals_by_entry.items():
        for total in totals:
            if total.total is not None:
                value = total.exact if total.exact is not None else exact(total.total)
                by_judge.setdefault(total.judge, []).append((entry, value))
    return by_judge


def ranking_flags(settings: Mapping[str, Any],
                  totals_by_entry: Mapping[str, Sequence[JudgeTotal]],
                  ranks: Mapping[str, int | None], ordered_scores: Sequence[tuple[str, Number]],
                  standard_errors: Mapping[str, float],
                  by_judge: Mapping[str, Sequence[tuple[str, Number]]] | None = None,
                  difference_se: Callable[[str, str], float] | None = None,
                  champions: Sequence[Champion] | None = None) -> list[dict[str, Any]]:
    """The flags that depend on where the method ranks entries: champion, near-cutoff.

    `champions`: champion_candidates' answer for these totals and settings, when known.
    """
    if by_judge is None:
        by_judge = totals_by_judge(totals_by_entry)
    gap = float(settings["flag_thresholds"].get("champion_gap", 20.0))
    return (champion_flags(by_judge, ranks, int(settings["champion_k"]), totals_by_entry, gap,
                           champions)
            + cutoff_flags(ordered_scores, standard_errors, int(settings["places"]),
                           difference_se))


def order_by_priority(records: list[dict[str, Any]], ordered_scores: Sequence[tuple[str, Number]],
                      ranks: Mapping[str, int | None], places: int) -> list[dict[str, Any]]:
    """Sort flag records by how much they matter, the most important first.

    Importance = the points the flag could move the entry ÷ its distance from the cut-off
    between places k and k+1 (at least one point); a tie across the cut-off comes first.
    """
    scores = {entry: float(score) for entry, score in ordered_scores}
    cutoff = None
    if places >= 1 and len(ordered_scores) > places:
        cutoff = (float(ordered_scores[places - 1][1]) + float(ordered_scores[places][1])) / 2
    tied_ranks: dict[int, int] = {}
    for rank in ranks.values():
        if rank is not None:
            tied_ranks[rank] = tied_ranks.get(rank, 0) + 1

    def importance(record: dict[str, Any]) -> float:
        entry = record["entry"]
        rank = ranks.get(entry)
        if record["flag"] == "tie" and rank is not None:
            if rank <= places:  # across the cut-off first, then among the placed entries
                return math.inf if rank + tied_ranks.get(rank, 1) - 1 > places else 1e6
            return 0.5
        distance = abs(scores[entry] - cutoff) if cutoff is not None and entry in scores else 1.0
        return float(record.get("_pull", 0.0)) / max(distance, 1.0)

    ordered = sorted(records, key=lambda r: (-importance(r), ranks.get(r["entry"]) or 10 ** 9,
                                             r["entry"], ORDER.get(r["flag"], 99)))
    return [{key: value for key, value in record.items() if key != "_pull"}
            for record in ordered]


def entry_flags(award: Award, settings: Mapping[str, Any],
                totals_by_entry: Mapping[str, Sequence[JudgeTotal]],
                commented: set[tuple[str, int]], ranks: Mapping[str, int | None],
                ordered_scores: Sequence[tuple[str, Number]],
                standard_errors: Mapping[str, float]) -> list[dict[str, Any]]:
    """Every flag for one award's ranking, by priority (ties are added by the ranking)."""
    return order_by_priority(
        panel_flags(award, settings, totals_by_entry, commented)
        + ranking_flags(settings, totals_by_entry, ranks, ordered_scores, standard_errors),
        ordered_scores, ranks, int(settings["places"]))
