"""The Entries page: the fields judges see, and removing personal data once confirmed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from coordinator_panels import LST, coordinator_panel, scratch_settings
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from judgepanel.gui.panel_window import PanelWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform noise


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Iterator[PanelWindow]:
    opened = PanelWindow(coordinator_panel(tmp_path / "p.judgepanel"),
                         scratch_settings(tmp_path))
    qtbot.addWidget(opened)
    opened.show()
    yield opened
    opened.close()


def test_unticked_fields_are_hidden_from_judges_and_shown_on_the_page(
        window: PanelWindow, qtbot: Any) -> None:
    page: Any = window.go_to("Entries")
    page.award.setCurrentIndex(page.award.findData(LST))
    dialog = page.choose_fields()
    items = {dialog.fields.item(i).text(): dialog.fields.item(i)
             for i in range(dialog.fields.count())}
    assert {"nominee", "organisation"} <= set(items)
    for name in ("nominee", "organisation"):
        items[name].setCheckState(Qt.CheckState.Unchecked)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: page.hidden.get(LST) == ["nominee", "organisation"],
                    timeout=10000)
    page.table.selectRow(0)
    assert "Judges do not see:</b> nominee, organisation" in page.detail.toHtml() or \
        "Judges do not see: nominee, organisation" in page.detail.toPlainText()


def test_removing_personal_data_asks_first_then_leaves_no_names_in_the_file(
        window: PanelWindow, qtbot: Any, tmp_path: Path) -> None:
    page: Any = window.go_to("Entries")
    # A team nominated by name may carry it in the entry's title too, which stays.
    titles = " ".join(e["title"] for e in page.entries)
    names = {e["nominee"] for e in page.entries if len(e["nominee"]) > 5
             and e["nominee"] not in titles}
    assert len(names) > 5

    def answer(button: QMessageBox.StandardButton) -> None:
        def run() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                QTimer.singleShot(10, run)
                return
            box.button(button).click()
        QTimer.singleShot(0, run)

    answer(QMessageBox.StandardButton.No)
    qtbot.mouseClick(page.ui.purge_button, Qt.MouseButton.LeftButton)
    assert all(e["nominee"] for e in page.entries if e["nominee"] in names)
    answer(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.ui.purge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not any(e["nominee"] for e in page.entries), timeout=20000)
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("p.judgepanel*"))
    for name in names:
        assert name.encode("utf-8") not in raw, name
