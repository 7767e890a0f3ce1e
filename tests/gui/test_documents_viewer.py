"""A judge reads an entry's supporting documents inside the judge's window: the list beside
the answers, a PDF opened (page turns, zoom, fit to width, search), the page remembered,
a document marked read, an image shown, a damaged file never rendered."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from judgepanel.core.assignment import assign
from judgepanel.core.attachment_import import import_attachments
from judgepanel.core.attachments import reading
from judgepanel.core.awards import builtin_awards
from judgepanel.core.demo_documents import evaluation_report, letter_of_support, photograph
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge, list_judges
from judgepanel.core.packs import make_pack, open_pack
from judgepanel.core.panel import create_panel
from judgepanel.gui.attachments_pane import AttachmentsPane

AWARD = "leading-systems-transformation"
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints",  # offscreen platform noise
                                       "does not support raise")


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture
def documents_pack(tmp_path: Path) -> Path:
    panel = create_panel(tmp_path / "awards.judgepanel", "Awards 2026", builtin_awards())
    upsert_entries(panel, [EntryRecord(f"E-{n}", AWARD, title=f"Entry {n}",
                                       answers={"Q1": "See the attached evaluation."})
                           for n in (1, 2)])
    folder = tmp_path / "download" / "E-1"
    folder.mkdir(parents=True)
    (folder / "Evaluation.pdf").write_bytes(evaluation_report("Home First", 12))
    (folder / "Letter.pdf").write_bytes(letter_of_support("Zoë", "North ICB", "Home First"))
    (folder / "Photo.jpg").write_bytes(photograph(3, (320, 200)))
    (folder / "Plan.docx").write_bytes(docx_bytes())
    (folder / "Broken.pdf").write_bytes(b"%PDF-1.7 nothing more")
    import_attachments(panel, tmp_path / "download")
    add_judge(panel, "Ann Ward")
    judge = list_judges(panel)[0]
    assign(panel, judge, "E-1")
    assign(panel, judge, "E-2")
    make_pack(panel, judge, tmp_path / "Ann.judgepack")
    panel.close()
    return tmp_path / "Ann.judgepack"


def choose(pane: AttachmentsPane, name: str) -> None:
    pane.open_document(name)
    assert pane.current_name() == name


def test_a_judge_reads_a_pdf_beside_the_answers(
        qtbot, open_judge_window: Callable[..., object], documents_pack: Path) -> None:
    window = open_judge_window(documents_pack)
    window.show_entry("E-1")
    tabs, pane = window.entry_tabs, window.documents
    assert tabs.tabText(1) == "Documents (5)"
    assert window.ui.scoringPanel.isVisibleTo(window)  # the scores stay beside the reading
    tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: pane.viewer.pages > 0)
    names = [pane.documents.item(i).text() for i in range(pane.documents.count())]
    assert names[0].startswith("Broken.pdf") and "Evaluation.pdf · PDF, 12 pages, " in names[1]
    assert any("Broken.pdf" in n and "damaged or unreadable" in n for n in names)
    viewer = pane.viewer
    assert (viewer.name, viewer.page_count.text()) == ("Evaluation.pdf", "of 12")
    first = viewer.canvas.pixmap().toImage()
    assert not first.isNull() and first.width() > 200
    qtbot.mouseClick(viewer.next_button, Qt.MouseButton.LeftButton)
    assert viewer.page_box.value() == 2
    assert viewer.canvas.pixmap().toImage() != first
    viewer.search_box.setText("Finding 9.4")
    qtbot.keyClick(viewer.search_box, Qt.Key.Key_Return)
    assert viewer.page_box.value() == 9 and viewer.search_result.text() == "found on p. 9"
    viewer.search_box.setText("no such words anywhere")
    qtbot.keyClick(viewer.search_box, Qt.Key.Key_Return)
    assert viewer.page_box.value() == 9 and viewer.search_result.text().startswith("not found")
    width = viewer.canvas.pixmap().width()
    qtbot.mouseClick(viewer.zoom_in_button, Qt.MouseButton.LeftButton)
    assert not viewer.fit_button.isChecked()
    qtbot.mouseClick(viewer.fit_button, Qt.MouseButton.LeftButton)
    assert viewer.canvas.pixmap().width() == width
    pane.documents.item(1).setCheckState(Qt.CheckState.Checked)  # marked read
    choose(pane, "Photo.jpg")
    assert viewer.image is not None and viewer.canvas.pixmap().width() > 0
    choose(pane, "Broken.pdf")
    assert viewer.pages == 0 and "damaged or unreadable" in viewer.canvas.text()
    choose(pane, "Plan.docx")
    assert viewer.open_button.isVisible() and "docx file" in viewer.canvas.text()
    choose(pane, "Evaluation.pdf")
    assert viewer.page_box.value() == 9  # the page remembered per document
    section = window.ui.scoringPanel.current_section
    qtbot.mouseClick(viewer.cite_button, Qt.MouseButton.LeftButton)
    comment = window.ui.scoringPanel.cards[section].comment.toPlainText()
    assert comment.endswith("(Evaluation.pdf, p. 9)")
    qtbot.waitUntil(lambda: window.known_comments.get(("E-1", section)) == comment)
    judge = int(window.store.meta("judge_id"))
    marks = reading(window.store, judge, "E-1")
    assert marks["Evaluation.pdf"] == {"page": 9, "read": 1}
    window.show_entry("E-2")
    assert tabs.tabText(1) == "Documents"
    assert "no supporting documents" in viewer.canvas.text()


def test_other_types_open_from_a_private_read_only_copy_deleted_on_close(
        qtbot, documents_pack: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    with open_pack(documents_pack) as pack:
        pane = AttachmentsPane(pack, None)
        qtbot.addWidget(pane)
        pane.show()
        pane.show_entry("E-1")
        choose(pane, "Plan.docx")
        copy = pane.viewer.open_outside()
        assert copy is not None and opened == [str(copy)]
        assert copy.read_bytes() == docx_bytes()
        assert not copy.stat().st_mode & 0o222  # read-only
        pane.viewer.remove_copies()
        assert not copy.exists() and not copy.parent.exists()


def test_the_chair_opens_an_entrys_documents_in_the_same_viewer(qtbot, tmp_path: Path,
                                                                documents_pack: Path) -> None:
    from judgepanel.core.panel import open_panel
    from judgepanel.gui.entry_detail import EntryDetail

    with open_panel(tmp_path / "awards.judgepanel") as panel:
        detail = EntryDetail(panel)
        qtbot.addWidget(detail)
        detail.show()
        detail.show_entry("E-2")
        assert not detail.documents_button.isVisible()  # no documents, no button
        detail.show_entry("E-1")
        assert detail.documents_button.text() == "Documents (5)…"
        qtbot.mouseClick(detail.documents_button, Qt.MouseButton.LeftButton)
        pane = detail.documents_pane
        qtbot.waitUntil(lambda: pane.viewer.pages > 0)
        assert pane.current_name() == "Evaluation.pdf"
        checkable = pane.documents.item(1).flags() & Qt.ItemFlag.ItemIsUserCheckable
        assert not checkable  # the chair reads; nothing is marked
        qtbot.mouseClick(pane.viewer.next_button, Qt.MouseButton.LeftButton)
        assert pane.viewer.page_box.value() == 2
        detail.documents_dialog.close()


def test_the_entries_page_lists_an_entrys_documents_and_warnings(
        qtbot, tmp_path: Path, documents_pack: Path) -> None:
    from judgepanel.core.panel import open_panel
    from judgepanel.gui.pages.entries import EntriesPage

    with open_panel(tmp_path / "awards.judgepanel") as panel:
        page = EntriesPage(panel)
        qtbot.addWidget(page)
        page.refresh()
        page.table.selectRow(0)
        shown = page.detail.toPlainText()
        assert "Supporting documents (5)" in shown
        assert "Evaluation.pdf · PDF, 12 pages, " in shown
        assert "Broken.pdf · PDF, 0 KB · damaged or unreadable; it cannot be shown" in shown \
            or "Broken.pdf · PDF, 1 KB · damaged or unreadable" in shown
        assert "⚠ Broken.pdf: damaged or unreadable; it cannot be shown" in shown
