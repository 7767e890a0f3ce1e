"""The panel's own details: its title, removing an award that has no entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from judgepanel.core.awards import builtin_awards, panel_awards
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.panel import create_panel
from judgepanel.core.panel_details import (
    award_entry_counts,
    first_award_with_entries,
    remove_award,
    rename_panel,
)


def test_rename_is_audited_and_an_empty_title_refused(tmp_path: Path) -> None:
    with create_panel(tmp_path / "p.judgepanel", "Awards 2026", builtin_awards()) as store:
        assert rename_panel(store, "  Awards   2027 ", who="Coordinator") == "Awards 2027"
        assert store.title == "Awards 2027"
        last = store.rows("SELECT action, who FROM audit ORDER BY id DESC LIMIT 1")[0]
        assert last == {"action": "panel renamed", "who": "Coordinator"}
        with pytest.raises(JudgePanelError, match="needs a title"):
            rename_panel(store, "   ")
        assert store.audit_problems() == []


def test_an_award_goes_only_while_it_has_no_entries_and_never_the_last(tmp_path: Path) -> None:
    awards = builtin_awards()
    with create_panel(tmp_path / "p.judgepanel", "Awards 2026", awards[:2]) as store:
        assert award_entry_counts(store) == {awards[0].id: 0, awards[1].id: 0}
        assert first_award_with_entries(store) == awards[0].id
        remove_award(store, awards[1].id, who="Coordinator")
        assert [a.id for a in panel_awards(store)] == [awards[0].id]
        with pytest.raises(JudgePanelError, match="only award"):
            remove_award(store, awards[0].id)
        with pytest.raises(JudgePanelError, match="no award"):
            remove_award(store, "no-such-award")
        assert store.audit_problems() == []
