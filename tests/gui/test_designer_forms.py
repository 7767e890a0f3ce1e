"""The forms are Designer's own: each ui/*.ui is written as Qt Designer saves it, and each
panel page takes its widgets from its compiled form rather than laying them out in code."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from designer_format import designer_format  # noqa: E402

FORM_FILES = sorted((ROOT / "ui").glob("*.ui"))


@pytest.mark.parametrize("form", FORM_FILES, ids=lambda p: p.name)
def test_form_is_in_designers_format(form: Path):
    text = form.read_text(encoding="utf-8")
    root = ET.fromstring(text)
    assert root.tag == "ui" and root.get("version") == "4.0"
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<ui version="4.0">\n')
    assert root.find("resources") is not None and root.find("connections") is not None
    assert designer_format(text) == text, \
        f"{form.name} is not as Designer saves it: run python tools/designer_format.py"


def test_formatting_puts_a_hand_compacted_form_in_designers_order():
    compact = ('<?xml version="1.0"?><ui version="4.0"><class>D</class>'
               '<widget class="QDialog" name="D"><layout class="QVBoxLayout" name="l">'
               '<property name="leftMargin"><number>0</number></property>'
               '<property name="spacing"><number>2</number></property>'
               '<item><widget class="QLabel" name="note"><property name="wordWrap"><bool>true'
               '</bool></property><property name="text"><string>Say "no" &amp; stop'
               '</string></property><property name="accessibleName"><string>Note</string>'
               '</property></widget></item><item><spacer name="gap"><property name="sizeHint"'
               ' stdset="0"><size><width>0</width><height>8</height></size></property>'
               '<property name="orientation"><enum>Qt::Vertical</enum></property></spacer>'
               '</item></layout></widget></ui>')
    lines = designer_format(compact).splitlines()
    names = [line.strip() for line in lines if "<property" in line]
    assert names == ['<property name="spacing">', '<property name="leftMargin">',
                     '<property name="accessibleName">', '<property name="text">',
                     '<property name="wordWrap">', '<property name="orientation">',
                     '<property name="sizeHint" stdset="0">']
    assert "    <widget class=\"QLabel\" name=\"note\">" in lines
    assert "      <string>Say &quot;no&quot; &amp; stop</string>" in lines
    assert "      <enum>Qt::Orientation::Vertical</enum>" in lines
    assert lines[-3:] == [" <resources/>", " <connections/>", "</ui>"]


# ----- the panel window's pages take their widgets from their forms ----------------------

PAGE_FORMS = {"Awards": "awards_page.ui", "Entries": "entries_page.ui",
              "Judges & assignment": "judges_page.ui", "Packs": "packs_page.ui",
              "Results": "results_page.ui", "Decisions": "decisions_page.ui",
              "Outputs": "outputs_page.ui", "Audit log": "audit_page.ui"}


def form_widget_names(form: Path) -> set[str]:
    """The object names of every widget and layout a form makes, the form itself apart."""
    root = ET.parse(form).getroot()
    top = root.find("widget")
    assert top is not None
    names = {w.get("name", "") for w in top.iter("widget")} | \
        {layout.get("name", "") for layout in top.iter("layout")}
    return names - {top.get("name", "")}


@pytest.fixture
def window(qtbot, tmp_path: Path):
    from coordinator_panels import coordinator_panel, scratch_settings

    from judgepanel.gui.panel_window import PanelWindow

    opened = PanelWindow(coordinator_panel(tmp_path / "p.judgepanel"),
                         scratch_settings(tmp_path))
    qtbot.addWidget(opened)
    opened.show()
    yield opened
    opened.close()


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_each_page_is_laid_out_by_its_form(window) -> None:
    from PySide6.QtCore import QObject

    for title, form in PAGE_FORMS.items():
        page = window.page(title)
        assert page.layout() is page.ui.pageLayout, title
        assert page.layout().itemAt(0).widget() is page.heading, title
        assert page.heading.title.text() == title
        for name in form_widget_names(ROOT / "ui" / form):
            made = getattr(page.ui, name)
            assert page.findChild(QObject, name) is made, f"{title}: {name}"
        # everything below the heading is the form's
        laid_out = [page.layout().itemAt(i) for i in range(1, page.layout().count())]
        assert all((item.widget() or item.layout()) is getattr(
            page.ui, (item.widget() or item.layout()).objectName()) for item in laid_out)


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_the_panel_window_is_laid_out_by_its_form(window) -> None:
    from PySide6.QtCore import QObject

    assert window.centralWidget() is window.ui.centralwidget
    assert window.menuBar() is window.ui.menubar and window.statusBar() is window.ui.statusbar
    for name in form_widget_names(ROOT / "ui" / "panel_window.ui"):
        assert window.findChild(QObject, name) is getattr(window.ui, name), name
    # the pages sit in the form's stack, one for each stage in the navigation
    assert [window.ui.stack.widget(i) for i in range(window.ui.stack.count())] == window.pages
    assert window.ui.navigation.count() == len(window.pages) == len(PAGE_FORMS)


def test_certificate_editor_is_laid_out_by_its_form(qtbot) -> None:
    from judgepanel.core.reports.certificates import default_design
    from judgepanel.gui.certificate_design import DesignEditor

    editor = DesignEditor(default_design())
    qtbot.addWidget(editor)
    assert editor.layout() is editor.ui.layout
    assert editor.heading is editor.ui.heading and editor.date is editor.ui.date
    assert editor.signatures[1] == (editor.ui.signature2Name, editor.ui.signature2Role)
    # the rows the design decides are added to the form's own groups
    assert editor.ui.coloursForm.rowCount() == len(editor.colours)
    assert editor.ui.wordingForm.rowCount() == 4 + len(editor.placements)


def test_the_scoring_panel_is_laid_out_by_its_form(qtbot) -> None:
    from PySide6.QtCore import QObject

    from judgepanel.gui.scoring_panel import ScoringPanel

    panel = ScoringPanel()
    qtbot.addWidget(panel)
    assert panel.layout() is panel.ui.outer
    for name in form_widget_names(ROOT / "ui" / "scoring_panel.ui"):
        assert panel.findChild(QObject, name) is getattr(panel.ui, name), name
    # the style sheet names the message label, so the form keeps its object name
    assert panel.message is panel.ui.scoringMessage
    assert panel.overall is panel.ui.overall and panel.tail is panel.ui.tail


def test_the_certificate_options_are_laid_out_by_their_form(qtbot, tmp_path: Path) -> None:
    from judgepanel.gui.pages.certificate_options import CertificateOptions

    options = CertificateOptions(lambda: tmp_path)
    qtbot.addWidget(options)
    assert options.layout() is options.ui.form
    assert options.title() == "Certificates"
    assert options.one_pdf.isChecked() and options.one_pdf.group() is options.ui.files_group
    assert options.placement_combo.count() == 4


def test_each_section_card_is_laid_out_by_its_form(qtbot) -> None:
    from judgepanel.core.awards import builtin_awards
    from judgepanel.gui.scoring_panel import ScoringPanel

    award = builtin_awards()[0]
    panel = ScoringPanel()
    qtbot.addWidget(panel)
    panel.set_award(award)
    assert list(panel.cards) == [section.id for section in award.sections]
    for card in panel.cards.values():
        assert card.layout() is card.ui.layout
        assert card.objectName() == "sectionCard"  # the style sheet marks the current card
        assert card.comment is card.ui.comment
        # the score box on the award's scale sits in the form's row, after its label
        assert card.ui.scoreRow.itemAt(1).widget() is card.score
        assert card.ui.score_label.buddy() is card.score
