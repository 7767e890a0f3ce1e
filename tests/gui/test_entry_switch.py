"""Moving between entries: an entry read before (or laid out in advance) is shown without
laying its text out again, at the reading pane's current width, with its links working."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform noise


def all_prepared(window) -> bool:
    view = window.ui.entryView
    return all(view.is_prepared(entry) for entry in window.model.entry_ids())


def relayouts(page) -> list[str]:
    """Every layout pass Qt makes over the page's text from now on."""
    seen: list[str] = []
    page.document().documentLayout().update.connect(lambda *_: seen.append("layout"))
    return seen


def test_an_entry_laid_out_in_advance_is_shown_without_laying_it_out_again(
        open_judge_window, pack_path: Path, qtbot) -> None:
    window = open_judge_window(pack_path)
    view = window.ui.entryView
    qtbot.waitUntil(lambda: all_prepared(window), timeout=5000)
    page = view.prepare(window.entries["E-103"], window.awards[window.entries["E-103"]["award"]])
    seen = relayouts(page)

    window.show_entry("E-103")
    view.document().size()  # everything Qt needs to draw it
    qtbot.wait(20)

    assert seen == []
    assert view.page() is page and page.isVisible()
    assert view.toPlainText().startswith(window.entries["E-103"]["title"])
    assert page.document().textWidth() == page.viewport().width()
    window.show_entry("E-101")
    window.show_entry("E-103")  # and back again: still the same laid-out page
    assert view.page() is page and seen == []


def test_after_a_resize_the_other_entries_are_laid_out_at_the_new_width(
        open_judge_window, pack_path: Path, qtbot) -> None:
    window = open_judge_window(pack_path)
    view = window.ui.entryView
    qtbot.waitUntil(lambda: all_prepared(window), timeout=5000)
    window.resize(1000, 700)
    qtbot.waitUntil(lambda: not view.is_prepared("E-104"))  # laid out at the old width
    qtbot.waitUntil(lambda: all_prepared(window), timeout=5000)
    page = view.prepare(window.entries["E-104"], window.awards[window.entries["E-104"]["award"]])
    seen = relayouts(page)

    window.show_entry("E-104")
    view.document().size()

    assert seen == []
    assert page.document().textWidth() == page.viewport().width()
    assert view.horizontalScrollBar().maximum() == 0  # nothing runs off to the side


def test_section_links_work_on_every_entry_shown(open_judge_window, pack_path: Path,
                                                 qtbot) -> None:
    window = open_judge_window(pack_path)
    panel = window.ui.scoringPanel
    for entry in ("E-102", "E-101", "E-103"):
        window.show_entry(entry)
        window.ui.entryView.page().anchorClicked.emit(QUrl("section:Q3"))
        assert panel.current_section == "Q3"
        window.ui.entryView.page().anchorClicked.emit(QUrl("section:Q1"))
        assert panel.current_section == "Q1"
