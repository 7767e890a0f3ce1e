"""Defining and editing a panel's awards: the coordinator's Awards page and scripts alike.

Each operation checks what it is given, writes the award and its audit record in one
transaction, and returns the award as the panel now holds it. A refused change writes nothing.
"""

from __future__ import annotations

import math
from dataclasses import replace

from judgepanel.core.awards import Award, panel_award, panel_awards, save_award
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.store import Store

WORD_LIMIT_MAX = 20000


def add_award(store: Store, award: Award, who: str = "") -> Award:
    """Add an award (built-in or from an award file); an award already there is refused."""
    if any(a.id == award.id for a in panel_awards(store)):
        raise JudgePanelError(f"{store.path}: the panel already has an award '{award.id}'")
    if not award.sections:
        raise JudgePanelError(f"{award.id}: an award needs at least one section")
    with store.transaction():
        save_award(store, award)
        store.audit("award added", {"award": award.id, "name": award.name}, who)
    return award


def edit_section(store: Store, award_id: str, section_id: str, *,
                 weight: float | None = None, word_limit: int | None = None,
                 who: str = "") -> Award:
    """Change a section's weight and/or word limit (0 removes the limit; None leaves it).

    The audit record names the award, the section and each value changed.
    """
    award = panel_award(store, award_id)  # refuses an award the panel does not have
    section = next((s for s in award.sections if s.id == section_id), None)
    if section is None:
        known = ", ".join(s.id for s in award.sections)
        raise JudgePanelError(f"{award_id}: no section '{section_id}' (sections: {known})")
    if weight is None and word_limit is None:
        raise JudgePanelError(f"{award_id} {section_id}: nothing to change")
    changed: dict[str, float | int | None] = {}
    new = section
    if weight is not None:
        if not math.isfinite(weight) or weight <= 0:
            raise JudgePanelError(f"{award_id} {section_id}: a weight must be above 0, "
                                  f"not {weight:g}")
        new = replace(new, weight=float(weight))
        changed["weight"] = new.weight
    if word_limit is not None:
        if word_limit < 0 or word_limit > WORD_LIMIT_MAX:
            raise JudgePanelError(f"{award_id} {section_id}: a word limit must be 0 (none) "
                                  f"to {WORD_LIMIT_MAX:,}, not {word_limit}")
        new = replace(new, word_limit=int(word_limit) or None)
        changed["word limit"] = new.word_limit
    updated = replace(award, sections=tuple(new if s.id == section_id else s
                                            for s in award.sections))
    with store.transaction():
        save_award(store, updated)
        store.audit("section changed", {"award": award_id, "section": section_id, **changed},
                    who)
    return updated

