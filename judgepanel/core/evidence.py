"""Which Systems Leadership framework behaviours the panel's judges tagged for an entry.

Judges tag the behaviours an entry evidences (``reviews.tags``, a JSON list of ids such as
``RC-3.1``). The ranked report and the chair's entry detail show, per framework domain, the
distinct behaviours tagged and how many judges tagged each. Only judges whose scores count
are read: a conflicted judge's tags never count, as with their scores (totals.py). A tag the
framework does not know (a stale pack, a hand edit) is skipped with a note, so an old tag can
never stop the report from printing.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

from judgepanel.core.leadership_framework import Framework, load_framework
from judgepanel.core.store import Store


@dataclass(frozen=True)
class TaggedBehaviour:
    """One behaviour evidenced for the entry and how many counted judges tagged it."""

    id: str
    text: str
    judges: int

    @property
    def judges_words(self) -> str:
        """'1 judge' / '2 judges', as the report prints it."""
        return f"{self.judges} judge" + ("" if self.judges == 1 else "s")


@dataclass(frozen=True)
class DomainEvidence:
    """One framework domain: the behaviours tagged in it, in framework order."""

    id: str
    name: str
    behaviours: tuple[TaggedBehaviour, ...]

    @property
    def count(self) -> int:
        """Distinct behaviours evidenced in this domain (breadth, not how often)."""
        return len(self.behaviours)


@dataclass(frozen=True)
class EntryEvidence:
    """An entry's coverage of every framework domain (all of them, zero included)."""

    entry: str
    domains: tuple[DomainEvidence, ...]
    notes: tuple[str, ...] = ()

    @property
    def tagged(self) -> bool:
        """True when at least one counted judge tagged a known behaviour."""
        return any(domain.behaviours for domain in self.domains)

    def coverage(self) -> dict[str, int]:
        """Distinct behaviours per domain name, like `Framework.domain_coverage`."""
        return {domain.name: domain.count for domain in self.domains}


def entry_evidence(store: Store, entry_id: str,
                   framework: Framework | None = None) -> EntryEvidence:
    """The framework evidence the counted judges tagged for one entry."""
    rows = store.db.execute(_SQL + " AND r.entry = ?", [entry_id]).fetchall()
    return _evidence(entry_id, rows, framework or load_framework())


def award_evidence(store: Store, award_id: str,
                   framework: Framework | None = None) -> dict[str, EntryEvidence]:
    """Every entry of an award's evidence in one query: what the report reads per award."""
    framework = framework or load_framework()
    rows = store.db.execute(
        _SQL + " AND r.entry IN (SELECT id FROM entries WHERE award = ?)", [award_id]).fetchall()
    by_entry: dict[str, list[tuple[str, int, str, str]]] = defaultdict(list)
    for row in rows:
        by_entry[row[0]].append(row)
    entries = [r[0] for r in store.db.execute(
        "SELECT id FROM entries WHERE award = ? ORDER BY id", [award_id]).fetchall()]
    return {entry: _evidence(entry, by_entry.get(entry, []), framework) for entry in entries}


# Reviews by judges with no conflict for the entry: (entry, judge id, judge name, tags JSON).
_SQL = ("SELECT r.entry, r.judge, j.name, r.tags FROM reviews r JOIN judges j ON j.id = r.judge "
        "WHERE NOT EXISTS (SELECT 1 FROM conflicts c "
        "WHERE c.judge = r.judge AND c.entry = r.entry)")


def _evidence(entry_id: str, rows: list[tuple[str, int, str, str]],
              framework: Framework) -> EntryEvidence:
    """Count each known tag once per judge; note the unknown ones instead of failing."""
    known = {b.id: b for b in framework.behaviours}
    judges_per_tag: dict[str, set[int]] = defaultdict(set)
    notes: list[str] = []
    for _, judge_id, judge, raw in sorted(rows, key=lambda row: (row[2], row[1])):
        try:
            tags = json.loads(raw or "[]")
        except ValueError:
            tags = None
        if not isinstance(tags, list):
            notes.append(f"{judge}'s tags for {entry_id} could not be read and were ignored")
            continue
        for tag in tags:
            if isinstance(tag, str) and tag in known:
                judges_per_tag[tag].add(judge_id)
            else:
                notes.append(f"{judge} tagged '{tag}' for {entry_id}, which is not in the "
                             "framework; it was ignored")
    domains = tuple(
        DomainEvidence(domain.id, domain.name, tuple(
            TaggedBehaviour(b.id, b.text, len(judges_per_tag[b.id]))
            for b in domain.behaviours if judges_per_tag.get(b.id)))
        for domain in framework.domains)
    return EntryEvidence(entry_id, domains, tuple(notes))
