"""A coordinator keeps a certificate design as a file and opens it again next time."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from chair_panels import OFFSCREEN_NOISE, bias_panel
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from judgepanel.core.moderation import decide
from judgepanel.core.reports.certificates import default_design, load_design
from judgepanel.core.store import Store
from judgepanel.gui.certificate_design import DesignEditor
from judgepanel.gui.pages.outputs import OutputsPage
from judgepanel.gui.tasks import wait_for_tasks

pytestmark = OFFSCREEN_NOISE


@pytest.fixture(autouse=True)
def no_real_dialogs(monkeypatch) -> list[str]:
    """Qt's file dialogs answer 'cancelled' unless a test says otherwise; warnings are kept."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: ("", "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: ("", "")))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda parent, title, text, *args: warnings.append(text)))
    return warnings


def answer_save(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))


def answer_open(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))


@pytest.fixture
def editor(qtbot, tmp_path: Path) -> DesignEditor:
    shown = DesignEditor(default_design(), folder=tmp_path)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_save_design_as_writes_a_file_that_opens_to_the_same_design(
        qtbot, editor: DesignEditor, tmp_path: Path, monkeypatch) -> None:
    assert "this session only" in editor.file_label.text()
    editor.heading.clear()
    qtbot.keyClicks(editor.heading, "Certificate of Excellence")
    editor.colours["primary"].set_colour("#7a1f3d")
    editor.signatures[0][0].setText("Priya Shah")
    editor.signatures[0][1].setText("Chair of the judging panel")
    answer_save(monkeypatch, tmp_path / "Northern awards 2026")  # typed without an ending
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    saved = tmp_path / "Northern awards 2026.toml"
    assert saved.exists()
    assert str(saved) in editor.file_label.text()
    kept = load_design(saved)
    assert kept == editor.design()
    assert kept.heading == "Certificate of Excellence"
    assert kept.colours["primary"] == "#7a1f3d"
    assert (kept.signatures[0].name, kept.signatures[0].role) == (
        "Priya Shah", "Chair of the judging panel")
    assert editor.from_file()
    editor.date.setText("1 December 2026")
    assert not editor.from_file()  # changed since it was saved


def test_open_design_fills_the_editor_from_the_file(qtbot, editor: DesignEditor,
                                                     tmp_path: Path, monkeypatch) -> None:
    answer_save(monkeypatch, tmp_path / "kept.toml")
    editor.heading.setText("Award of Merit")
    editor.colours["accent"].set_colour("#2a9d8f")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    fresh = DesignEditor(default_design(), folder=tmp_path)
    qtbot.addWidget(fresh)
    assert fresh.heading.text() == default_design().heading
    answer_open(monkeypatch, tmp_path / "kept.toml")
    qtbot.mouseClick(fresh.open_button, Qt.MouseButton.LeftButton)
    assert fresh.heading.text() == "Award of Merit"
    assert fresh.colours["accent"].colour == "#2a9d8f"
    assert fresh.design_file == tmp_path / "kept.toml"
    assert fresh.design() == load_design(tmp_path / "kept.toml")


def test_a_broken_design_file_is_refused_and_the_fields_are_kept(
        qtbot, editor: DesignEditor, tmp_path: Path, monkeypatch,
        no_real_dialogs: list[str]) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('heading = "Certificate"\n[colours]\nprimary = "not a colour"\n',
                      encoding="utf-8")
    editor.heading.setText("Still mine")
    answer_open(monkeypatch, broken)
    qtbot.mouseClick(editor.open_button, Qt.MouseButton.LeftButton)
    assert len(no_real_dialogs) == 1 and "broken.toml" in no_real_dialogs[0]
    assert editor.heading.text() == "Still mine"
    assert editor.design_file is None


def test_saving_into_a_missing_folder_says_so(qtbot, editor: DesignEditor, tmp_path: Path,
                                             monkeypatch, no_real_dialogs: list[str]) -> None:
    answer_save(monkeypatch, tmp_path / "no such folder" / "design.toml")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert len(no_real_dialogs) == 1 and "no such folder" in no_real_dialogs[0]
    assert editor.design_file is None


@pytest.fixture
def page(qtbot, tmp_path: Path) -> Iterator[OutputsPage]:
    store = Store.open(bias_panel(tmp_path / "chair.judgepanel"))
    decide(store, "A", "winner", "Clearest system-wide impact", "Priya Shah")
    shown = OutputsPage(store)
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    wait_for_tasks()
    store.close()


def test_a_design_opened_in_the_editor_is_used_for_the_certificates(
        qtbot, page: OutputsPage, tmp_path: Path, monkeypatch) -> None:
    from pypdf import PdfReader

    kept = DesignEditor(default_design(), folder=tmp_path)
    qtbot.addWidget(kept)
    kept.heading.setText("Award of Distinction")
    answer_save(monkeypatch, tmp_path / "distinction.toml")
    qtbot.mouseClick(kept.save_button, Qt.MouseButton.LeftButton)

    def in_the_dialog() -> None:  # the coordinator opens the file, then presses OK
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, DesignEditor)
        answer_open(monkeypatch, tmp_path / "distinction.toml")
        dialog.open_button.click()
        dialog.findChild(QDialogButtonBox).button(
            QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, in_the_dialog)
    page.edit_design_button.click()
    assert page.design == load_design(tmp_path / "distinction.toml")
    assert page.design_label.text() == "From distinction.toml"

    target = tmp_path / "certificates.pdf"
    answer_save(monkeypatch, target)
    with qtbot.waitSignal(page.generated, timeout=60000):
        qtbot.mouseClick(page.certificates_button, Qt.MouseButton.LeftButton)
    assert "AWARD OF DISTINCTION" in PdfReader(target).pages[0].extract_text()
