"""Every Designer form is compiled and up to date (no .ui is read at run time)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from compile_ui import FORMS, compiled_path, uic_command  # noqa: E402

FORM_FILES = sorted(FORMS.glob("*.ui"))


def generated_body(text: str) -> list[str]:
    """The compiled module without its header comment (it names the uic version)."""
    return [line for line in text.splitlines() if not line.startswith("##")]


def test_there_are_forms():
    names = {form.stem for form in FORM_FILES}
    assert {"start_screen", "judge_window", "conflict_dialog", "return_dialog"} <= names


@pytest.mark.parametrize("form", FORM_FILES, ids=lambda p: p.name)
def test_form_is_compiled_and_current(form: Path, tmp_path: Path):
    target = compiled_path(form)
    assert target.exists(), f"{form.name} is not compiled: run python tools/compile_ui.py"
    if form.stat().st_mtime <= target.stat().st_mtime:
        return
    # Newer by the clock (a checkout can reorder times): fail only if the output differs.
    fresh = tmp_path / target.name
    subprocess.run([*uic_command(), str(form), "-o", str(fresh)], check=True)
    assert generated_body(fresh.read_text(encoding="utf-8")) == \
        generated_body(target.read_text(encoding="utf-8")), \
        f"{form.name} changed since it was compiled: run python tools/compile_ui.py"


def test_dialogs_hold_their_form_as_self_ui(qtbot):
    from judgepanel.gui.judge_dialogs import ConflictDialog, ReturnDialog

    dialog = ConflictDialog("E-101: Home First")
    qtbot.addWidget(dialog)
    assert dialog.ui.reasonEdit.accessibleName()
    summary = ReturnDialog(3, 5, ["E-104 Safer nights: no score for Q2"], 1)
    qtbot.addWidget(summary)
    assert "3 of 5 entries complete" in summary.ui.summary.text()
