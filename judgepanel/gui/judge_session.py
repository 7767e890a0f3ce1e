"""The judge's window's view of its pack: rows for the entry list, the search, the tags.

The reading itself is in core (`judgepanel.core.pack_contents`); this module only turns what
core returns into the window's own types.
"""

from __future__ import annotations

from typing import Any

from judgepanel.core.awards import Award
from judgepanel.core.pack_contents import conflict_reason, entry_status, search_text
from judgepanel.core.pack_contents import pack_awards as load_awards
from judgepanel.core.pack_contents import pack_entries as load_entries
from judgepanel.core.scoring import Judging
from judgepanel.gui.judge_models import EntryRow, EntrySearch, Tag

__all__ = ["build_search", "conflict_reason", "entry_row", "entry_status", "framework_tags",
           "load_awards", "load_entries"]


def entry_row(judging: Judging, entry: dict[str, Any], award: Award) -> EntryRow:
    status, scored = entry_status(judging, entry["entry"])
    return EntryRow(id=entry["entry"], title=entry["title"], nominee=entry["nominee"],
                    organisation=entry["organisation"], award=award.id, status=status,
                    scored=scored, sections=len(award.sections))


def build_search(entries: dict[str, dict[str, Any]]) -> EntrySearch:
    return EntrySearch({entry_id: search_text(entry) for entry_id, entry in entries.items()})


def framework_tags() -> list[Tag]:
    """The built-in framework's behaviours as evidence tags.

    The framework ships with the application: a missing or broken one is a fault in the
    installation and is reported as such, not hidden as an empty tag box.
    """
    from judgepanel.core.leadership_framework import load_framework

    framework = load_framework()
    return [Tag(id=behaviour.id, text=behaviour.text, domain=domain.name)
            for domain in framework.domains for behaviour in domain.behaviours]
