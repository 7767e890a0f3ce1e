"""The judge's models pass Qt's model checks and say what a judge needs to see."""

from __future__ import annotations

from PySide6.QtCore import Qt

from judgepanel.gui.judge_models import (
    STATUS_ROLE,
    EntryFilterModel,
    EntryListModel,
    EntryRow,
    EntrySearch,
    TagListModel,
)
from judgepanel.gui.judge_session import framework_tags


def rows() -> list[EntryRow]:
    return [EntryRow("E-101", "Home First", "Zoë Whitfield", "Northbridge ICB", "a",
                     "complete", 5, 5),
            EntryRow("E-102", "Closing the gap", "José Martín", "Riverside", "a",
                     "in progress", 2, 5),
            EntryRow("E-103", "", "Amara Okafor", "Highmoor", "a", "not started", 0, 5),
            EntryRow("E-104", "Safer nights", "Tomasz Nowak", "Westfield", "a", "conflict",
                     0, 5)]


def test_entry_list_model_passes_the_model_tester(qtmodeltester):
    model = EntryListModel(rows())
    qtmodeltester.check(model, force_py=True)
    model.set_status("E-103", "in progress", 1)
    qtmodeltester.check(model, force_py=True)


def test_status_is_in_words_with_a_shape_never_colour_alone():
    model = EntryListModel(rows())
    texts = [model.index(r, 2).data() for r in range(4)]
    assert texts == ["complete", "in progress (2 of 5)", "not started", "conflict declared"]
    icons = [model.index(r, 2).data(Qt.ItemDataRole.DecorationRole) for r in range(4)]
    images = [icon.pixmap(32, 32).toImage() for icon in icons]
    assert len({image.convertToFormat(image.Format.Format_Grayscale8).bits().tobytes()
                for image in images}) == 4  # distinct even without colour
    assert model.index(1, 0).data(Qt.ItemDataRole.AccessibleTextRole) == \
        "E-102, Closing the gap, in progress (2 of 5)"
    assert model.index(2, 1).data() == "(untitled)"


def test_filter_keeps_conflicts_apart_and_follows_changes(qtmodeltester):
    model = EntryListModel(rows())
    scoring = EntryFilterModel(conflicts=False)
    scoring.setSourceModel(model)
    conflicts = EntryFilterModel(conflicts=True)
    conflicts.setSourceModel(model)
    qtmodeltester.check(scoring, force_py=True)
    assert [scoring.index(r, 0).data() for r in range(scoring.rowCount())] == \
        ["E-101", "E-102", "E-103"]
    assert conflicts.rowCount() == 1
    scoring.set_status("in progress")
    assert scoring.rowCount() == 1
    model.set_status("E-102", "conflict", 0)
    assert scoring.rowCount() == 0 and conflicts.rowCount() == 2
    scoring.set_status(None)
    scoring.set_matches({"E-101"})
    assert [scoring.index(r, 0).data(STATUS_ROLE) for r in range(scoring.rowCount())] == \
        ["complete"]


def test_tag_model_passes_the_model_tester_and_checks_tags(qtmodeltester):
    tags = framework_tags()
    assert tags, "the Systems Leadership framework is not shipped"
    model = TagListModel(tags)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(tags) and len({t.domain for t in tags}) == 4
    index = model.index(2)
    assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.checked() == [tags[2].id]
    model.set_checked([tags[0].id])
    assert model.index(0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_search_matches_words_in_any_order_ignoring_accents():
    search = EntrySearch({"E-101": "Zoë Whitfield led the frailty pathway redesign",
                          "E-102": "José Martín: community hubs and a shared record"})
    assert search.find("") is None
    assert search.find("zoe") == {"E-101"}
    assert search.find("record shared") == {"E-102"}
    assert search.find("path") == {"E-101"}  # prefixes match while typing
    assert search.find("martin frailty") == set()
    assert search.find('"; DROP TABLE x; --') == set()
    search.close()
