"""What the Decisions page lists and how it reads it: the award's ranking (its one analysis,
core.award_results, shown at once when already worked out, otherwise worked out off the GUI
thread), for an award judged in rounds the final result (`final_ranking`), the record of
placements and moderated scores beside it (`record_rows`), and the panel's count of entries
placed for the navigation (`placed_and_placeable`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from judgepanel.core.award_results import (
    AwardResults,
    adopt_results,
    award_results,
    cached_results,
    data_version,
)
from judgepanel.core.awards import panel_awards
from judgepanel.core.moderation import decisions, overrides
from judgepanel.core.panel_counts import count_entries
from judgepanel.core.ranking import RankedEntry, Ranking
from judgepanel.core.round_results import final_result, round_result
from judgepanel.core.rounds import award_rounds, round_entries
from judgepanel.core.store import Store
from judgepanel.gui.pages.choosers import AwardChooser
from judgepanel.gui.pages.common import PanelPage, show_error
from judgepanel.gui.ranking_models import PLACEMENT_LABELS, RecordModel, StandingModel, number

T = TypeVar("T")


def placed_and_placeable(store: Store) -> tuple[int, int]:
    """Entries placed and entries to place over the whole panel: every entry of an award
    judged once, only the final's entries of an award judged in rounds (the others are
    out before the final and are not placed)."""
    placed: dict[str, set[str]] = {}  # award: its entries placed
    for decision in decisions(store):
        if decision["placement"] != "none":
            placed.setdefault(decision["award"], set()).add(decision["entry"])
    done = total = 0
    for award in panel_awards(store):
        last = award_rounds(store, award.id)[-1]
        if last.first:
            total += count_entries(store, award.id)
            done += len(placed.get(award.id, set()))
        else:
            final = set(round_entries(store, last))
            total += len(final)
            done += len(placed.get(award.id, set()) & final)
    return done, total


def record_rows(store: Store, entries: set[str]) -> list[dict[str, Any]]:
    """The award's decisions and overrides as one list, newest first."""
    rows: list[dict[str, Any]] = []
    for decision in decisions(store):
        if decision["entry"] in entries:
            rows.append({"kind": "placement", "entry": decision["entry"],
                         "what": PLACEMENT_LABELS.get(decision["placement"],
                                                      decision["placement"]),
                         "reason": decision["reason"], "who": decision["decided_by"],
                         "at": decision["decided_at"]})
    for override in overrides(store):
        if override["entry"] in entries:
            rows.append({"kind": "override", "entry": override["entry"],
                         "what": f"Score {number(override['old_value'])} → "
                                 f"{number(override['new_value'])}",
                         "reason": override["reason"], "who": override["decided_by"],
                         "at": override["decided_at"]})
    return sorted(rows, key=lambda row: row["at"], reverse=True)


def final_ranking(store: Store, award_id: str) -> Ranking:
    """An award judged in rounds as the Decisions page lists it: the final result's entries
    (the last round's), ranked as the final result ranks them."""
    rounds = award_rounds(store, award_id)
    last = round_result(store, award_id, rounds[-1].id)
    titles = {line.entry: line.title for line in last.lines}
    final = final_result(store, award_id)
    entries = [RankedEntry(row["rank"], row["entry"], titles.get(row["entry"], ""), "", "",
                           row["score"], None, None, None, 0, list(row["flags"]),
                           row["placement"], row["score"], None)
               for row in final]
    weighted = [r.name for r in rounds if r.weight is not None]
    method = ("the weighted rounds: " + ", ".join(weighted)) if weighted else rounds[-1].name
    return Ranking(award_id, method, entries, [], True,
                   [f"{row['entry']}: {row['path']}" for row in final],
                   design={"last_round": rounds[-1].name, "closed": rounds[-1].closed})


class DecisionsRanking(PanelPage):
    """Reading the chosen award's list for the Decisions page (its widgets made by the page,
    which shows the list in `_show`)."""

    award_combo: AwardChooser
    ranking: Ranking | None
    busy: bool
    _generation: int
    standing_model: StandingModel
    record_model: RecordModel

    def _show(self, ranking: Ranking) -> None:
        """Show a ranking in the list (the page does)."""
        raise NotImplementedError

    def _show_status(self) -> None:
        """Say what is placed and what is next (the page does)."""
        raise NotImplementedError

    def _rank(self) -> None:
        """Show the award's ranking: at once when it is already worked out for the panel as
        it is now, otherwise worked out on the thread pool with a Store of the worker's own."""
        award = self.award_combo.award_id()
        self._generation += 1
        generation = self._generation
        if award is None:
            self.ranking = None
            self.standing_model.set_rows([])
            self.record_model.set_rows([])
            self._show_status()
            return
        path = self.store.path
        if len(self.run(lambda panel: award_rounds(panel, award))) > 1:
            self._rank_final(award, generation)
            return
        if self.worker is not None and self.worker.running:
            self._rank_on_worker(award, generation)
            return
        known = cached_results(self.store, award)
        if known is not None or path is None:
            self.busy = False
            try:
                self._show((known or award_results(self.store, award)).ranking())
            except Exception as exc:
                show_error(self, "Decisions", exc)
            return
        version = data_version(self.store)

        def work(own: Store) -> AwardResults:
            results = award_results(own, award)
            results.ranking()  # ranked here, off the GUI thread
            return results

        def show(results: AwardResults) -> Ranking:
            adopt_results(self.store, results, version)
            return results.ranking()

        self._rank_off_thread(award, generation, work, show, "Working out the ranking…")

    def _rank_on_worker(self, award: str, generation: int) -> None:
        """In the window: the award's one analysis, on the database worker (whose connection
        keeps it for the other pages until the scores or settings change); shown at once when
        the worker already holds it for the panel as it is."""
        def known(own: Store) -> Ranking | None:
            held = cached_results(own, award)
            return held.ranking() if held is not None else None

        ranking = self.run(known)
        if ranking is not None:
            self.busy = False
            self._show(ranking)
            return

        self._rank_off_thread(award, generation,
                              lambda own: award_results(own, award).ranking(),
                              lambda ranking: ranking, "Working out the ranking…")

    def _rank_final(self, award: str, generation: int) -> None:
        """An award judged in rounds: its final result, worked out off the GUI thread."""
        if self.store.path is None:
            self._show(final_ranking(self.store, award))
            return

        self._rank_off_thread(award, generation, lambda own: final_ranking(own, award),
                              lambda ranking: ranking, "Working out the final result…")

    def _rank_off_thread(self, award: str, generation: int, work: Callable[[Store], T],
                         show: Callable[[T], Ranking], status: str) -> None:
        """Work the ranking out off the GUI thread (`work`), then show it (`show` turns the
        answer into the ranking) unless the page has asked for another since (`generation`)."""
        def done(answer: T) -> None:
            if generation == self._generation:
                self.busy = False
                self._show(show(answer))

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.busy = False
                show_error(self, "Decisions", exc)

        self.busy = True
        if self.ranking is None or self.ranking.award != award:
            self.heading.set_status(status)
        self.in_background(lambda own, _progress: work(own), done, failed,
                           show_progress=False)
