"""One analysis per award: the ranking, statistics, flags and sensitivity every screen and
output shows, derived from a single read of the scores.

`award_results(store, award_id)` analyses an award once (ranking.analyse_award: one read of
the totals, one bias-model solve) and keeps the result until the panel changes, so the ranked
report, the exports, `rank`, `stats` and the chair's Results and Decisions pages all agree
and none of them analyses the award again. The panel "changes" when another connection
commits (SQLite's ``PRAGMA data_version``) or this connection writes (its ``total_changes``);
either makes the next call analyse afresh. Rankings under other methods, the statistics and
the sensitivity table are computed from the same analysis the first time they are asked for.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field
from typing import Any

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.ranking import (
    METHODS,
    Analysis,
    Ranking,
    analyse_award,
    methods_changing_top_places,
    rank_analysis,
)
from judgepanel.core.store import Store

Version = tuple[int, int]


@dataclass
class AwardResults:
    """An award's analysis and what is derived from it, each part computed once on demand."""

    analysis: Analysis
    _store: weakref.ReferenceType[Store] = field(repr=False)
    _stats: dict[str, Any] | None = field(default=None, repr=False)
    _sensitivity: dict[str, dict[str, int | None]] | None = field(default=None, repr=False)

    @property
    def award(self) -> str:
        return self.analysis.award.id

    @property
    def settings(self) -> dict[str, Any]:
        """The award's results settings, every default filled in."""
        return self.analysis.settings

    @property
    def method(self) -> str:
        """The award's own ranking method (normally `bias`)."""
        return str(self.analysis.settings["method"])

    @property
    def places(self) -> int:
        return int(self.analysis.settings.get("places", 3))

    def ranking(self, method: str | None = None, use_overrides: bool = True) -> Ranking:
        """The ranking under `method` (default: the award's own), moderated scores applied."""
        return rank_analysis(self.analysis, method or self.method, use_overrides)

    @property
    def stats(self) -> dict[str, Any]:
        """The `stats --json` figures: agreement, judge bias and the disagreement flags."""
        if self._stats is None:
            from judgepanel.core.stats import panel_stats

            store = self._store()
            if store is None:
                raise JudgePanelError(f"award '{self.award}': its panel was closed before "
                                      "the statistics were worked out")
            self._stats = panel_stats(store, self.award, self.analysis)
        return self._stats

    @property
    def flags(self) -> list[dict[str, Any]]:
        """Every disagreement flag under the award's own method."""
        return list(self.ranking().flag_records)

    @property
    def sensitivity(self) -> dict[str, dict[str, int | None]]:
        """Entry × method → computed rank (no moderated scores): does the method matter?"""
        if self._sensitivity is None:
            table: dict[str, dict[str, int | None]] = {e["id"]: {}
                                                        for e in self.analysis.entries}
            for method in METHODS:
                for row in self.ranking(method, use_overrides=False).entries:
                    table[row.entry][method] = row.rank
            self._sensitivity = table
        return self._sensitivity

    @property
    def top_changes(self) -> list[str]:
        """The methods whose top places differ (set or order) from the award's own method's."""
        return methods_changing_top_places(self.analysis)

    @property
    def top_places_change(self) -> bool:
        return bool(self.top_changes)


_CACHE: weakref.WeakKeyDictionary[Store, dict[str, tuple[Version, AwardResults]]] = \
    weakref.WeakKeyDictionary()
_LOCK = threading.Lock()  # worker threads keep results for their own Stores beside the GUI's


def _held(store: Store, award_id: str) -> tuple[Version, AwardResults] | None:
    with _LOCK:
        return _CACHE.get(store, {}).get(award_id)


def _keep(store: Store, results: AwardResults, version: Version) -> None:
    with _LOCK:
        _CACHE.setdefault(store, {})[results.award] = (version, results)


def data_version(store: Store) -> Version:
    """Changes whenever the panel's data may have: a commit elsewhere, or a write here."""
    other = int(store.db.execute("PRAGMA data_version").fetchone()[0])
    return other, int(store.db.conn.total_changes)


def award_results(store: Store, award_id: str) -> AwardResults:
    """The award's results, analysed once per change of the panel's scores or settings."""
    version = data_version(store)
    found = _held(store, award_id)
    if found is not None and found[0] == version:
        return found[1]
    results = AwardResults(analyse_award(store, award_id), weakref.ref(store))
    _keep(store, results, version)
    return results


def cached_results(store: Store, award_id: str) -> AwardResults | None:
    """The award's results when they are already worked out for the panel as it is now."""
    found = _held(store, award_id)
    return found[1] if found is not None and found[0] == data_version(store) else None


def adopt_results(store: Store, results: AwardResults, version: Version) -> bool:
    """Keep results worked out on another connection (a worker thread's) for `store`.

    `version` is `store`'s data version read before the worker began; when it still holds,
    nothing has changed since, so the worker saw the same panel and its analysis stands for
    this connection too. Returns whether the results were kept.
    """
    if data_version(store) != version:
        return False
    results._store = weakref.ref(store)
    _keep(store, results, version)
    return True

