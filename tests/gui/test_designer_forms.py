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
