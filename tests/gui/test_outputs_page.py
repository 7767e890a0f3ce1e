"""The Outputs page writes the report, feedback, certificates and results off the GUI thread."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from chair_panels import OFFSCREEN_NOISE, bias_panel
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from judgepanel.core.moderation import decide
from judgepanel.core.store import Store
from judgepanel.gui.pages.outputs import OutputsPage
from judgepanel.gui.tasks import wait_for_tasks

pytestmark = OFFSCREEN_NOISE
needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None,
                                   reason="the preview renders pages with poppler's pdftoppm")


@pytest.fixture(autouse=True)
def no_real_dialogs(monkeypatch) -> None:
    """A test that forgets to answer a file dialog gets 'cancelled', never a blocking dialog."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: ("", "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *args, **kwargs: ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: ("", "")))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(bias_panel(tmp_path / "chair.judgepanel"))
    decide(opened, "A", "winner", "Clearest system-wide impact", "Priya Shah")
    decide(opened, "B", "highly-commended", "Strong patient outcomes", "Priya Shah")
    decide(opened, "C-4", "finalist", "Well evidenced", "Priya Shah")
    yield opened
    wait_for_tasks()
    opened.close()


@pytest.fixture
def page(qtbot, store: Store) -> OutputsPage:
    shown = OutputsPage(store)
    qtbot.addWidget(shown)
    shown.resize(1200, 800)
    shown.show()
    return shown


def save_to(monkeypatch, path: Path) -> None:
    """The user types `path` into Qt's save dialog."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))


def folder_to(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *args, **kwargs: str(path)))


@needs_poppler
def test_the_ranked_report_is_written_and_previewed(qtbot, page: OutputsPage, tmp_path: Path,
                                                    monkeypatch):
    target = tmp_path / "out" / "Ranked report.pdf"
    target.parent.mkdir()
    save_to(monkeypatch, target)
    with qtbot.waitSignal(page.generated, timeout=60000) as finished:
        qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)
        assert not page.report_button.isEnabled()  # one output at a time
    assert finished.args[0].files == [target]
    assert target.read_bytes().startswith(b"%PDF")
    assert page.preview.page_count() >= 1
    assert page.print_button.isEnabled() and page.open_folder_button.isEnabled()
    assert str(target) in page.status.text()
    assert page.summary().startswith("Ranked report written ")  # and the time of day


def test_certificates_in_one_pdf_for_the_winner_only(qtbot, page: OutputsPage, tmp_path: Path,
                                                     monkeypatch):
    target = tmp_path / "winners.pdf"
    save_to(monkeypatch, target)
    page.placement_combo.setCurrentIndex(page.placement_combo.findData("winner"))
    with qtbot.waitSignal(page.generated, timeout=60000) as finished:
        qtbot.mouseClick(page.certificates_button, Qt.MouseButton.LeftButton)
    assert finished.args[0].files == [target]
    from pypdf import PdfReader

    reader = PdfReader(target)
    assert len(reader.pages) == 1
    assert "Community frailty hub" in reader.pages[0].extract_text() or \
        "Team A" in reader.pages[0].extract_text()


def test_one_file_per_certificate_into_a_folder(qtbot, page: OutputsPage, tmp_path: Path,
                                                monkeypatch):
    folder = tmp_path / "certificates"
    folder.mkdir()
    folder_to(monkeypatch, folder)
    page.separate.click()
    assert page.separate.isChecked()
    with qtbot.waitSignal(page.generated, timeout=60000):
        qtbot.mouseClick(page.certificates_button, Qt.MouseButton.LeftButton)
    assert len(list(folder.glob("*.pdf"))) == 3


def test_feedback_for_entrants_one_file_each(qtbot, page: OutputsPage, tmp_path: Path,
                                             monkeypatch):
    folder = tmp_path / "feedback"
    folder.mkdir()
    folder_to(monkeypatch, folder)
    with qtbot.waitSignal(page.generated, timeout=60000):
        qtbot.mouseClick(page.feedback_button, Qt.MouseButton.LeftButton)
    assert len(list(folder.glob("*.pdf"))) == 6


def test_results_export_needs_one_award_and_writes_csv(qtbot, page: OutputsPage,
                                                       tmp_path: Path, monkeypatch):
    assert not page.export_button.isEnabled()
    assert "Choose one award" in page.export_button.toolTip()
    page.award_combo.setCurrentIndex(page.award_combo.findData("leading-systems-transformation"))
    assert page.export_button.isEnabled()
    target = tmp_path / "results.csv"
    save_to(monkeypatch, target)
    with qtbot.waitSignal(page.generated, timeout=60000):
        qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    with target.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["entry"] for r in rows[:2]] == ["A", "B"]


def test_a_refused_output_says_why(qtbot, store: Store, tmp_path: Path, monkeypatch):
    decide(store, "A", "none", "Withdrawn", "Priya Shah")
    decide(store, "B", "none", "Withdrawn", "Priya Shah")
    decide(store, "C-4", "none", "Withdrawn", "Priya Shah")
    page = OutputsPage(store)
    qtbot.addWidget(page)
    save_to(monkeypatch, tmp_path / "none.pdf")
    with qtbot.waitSignal(page.failed, timeout=60000):
        qtbot.mouseClick(page.certificates_button, Qt.MouseButton.LeftButton)
    assert "no entries are placed" in page.status.text()
    assert not (tmp_path / "none.pdf").exists()
    assert page.certificates_button.isEnabled()


def test_an_edited_design_is_used_for_the_certificates(qtbot, page: OutputsPage,
                                                       tmp_path: Path, monkeypatch):
    from pypdf import PdfReader

    from judgepanel.gui.certificate_design import DesignEditor

    editor = DesignEditor(page.design, page)
    qtbot.addWidget(editor)
    editor.heading.setText("")
    qtbot.keyClicks(editor.heading, "Certificate of Excellence")
    editor.signatures[1][0].setText("Dr Marek Nowak")
    editor.colours["primary"].set_colour("#7a1f3d")
    page.design = editor.design()
    assert page.design.colours["primary"] == "#7a1f3d"
    target = tmp_path / "excellence.pdf"
    save_to(monkeypatch, target)
    with qtbot.waitSignal(page.generated, timeout=60000):
        qtbot.mouseClick(page.certificates_button, Qt.MouseButton.LeftButton)
    text = PdfReader(target).pages[0].extract_text()
    assert "CERTIFICATE OF EXCELLENCE" in text  # the design prints its heading in capitals
    assert "Dr Marek Nowak" in text


@needs_poppler
def test_print_and_open_folder_after_the_report(qtbot, page: OutputsPage, tmp_path: Path,
                                                monkeypatch):
    """Print… sends every page to the printer chosen in the system dialog; Open folder opens
    the report's folder (Qt's dialog and desktop services stand in for the user's choices)."""
    from pypdf import PdfReader
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog

    target = tmp_path / "report.pdf"
    save_to(monkeypatch, target)
    with qtbot.waitSignal(page.generated, timeout=60000):
        qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)
    printed = tmp_path / "printed.pdf"

    def print_to_file(dialog: QPrintDialog) -> int:
        """The user picks "Print to file" in the system dialog and presses Print."""
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", print_to_file)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "to the printer" in page.status.text(), timeout=60000)
    assert len(PdfReader(printed).pages) == len(PdfReader(target).pages)
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    qtbot.mouseClick(page.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [str(tmp_path)]
