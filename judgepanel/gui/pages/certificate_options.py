"""The Outputs page's certificate options: which placements, one PDF or a file each, the design.

Kept apart from outputs.py so the page holds only the writing of outputs; the design can come
from JudgePanel's own, a design file, or the design editor.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QWidget,
)

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.reports.certificates import CertificateDesign, default_design, load_design
from judgepanel.gui.certificate_design import DesignEditor
from judgepanel.gui.forms.ui_certificate_options import Ui_CertificateOptions
from judgepanel.gui.pages.common import show_error
from judgepanel.gui.ranking_models import PLACEMENT_LABELS


class CertificateOptions(QGroupBox):
    """The "Certificates" box: the options, the design in use, and the button that writes them."""

    def __init__(self, folder: Callable[[], Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CertificateOptions()
        self.ui.setupUi(self)
        self.folder = folder  # where file dialogs start: the panel's folder
        self.design: CertificateDesign = default_design()
        self.design_file: Path | None = None
        self.placement_combo = self.ui.placement_combo
        self.placement_combo.addItem("Every placed entry", None)
        for placement in ("winner", "highly-commended", "finalist"):
            self.placement_combo.addItem(PLACEMENT_LABELS[placement], placement)
        self.one_pdf, self.separate = self.ui.one_pdf, self.ui.separate
        self.design_label = self.ui.design_label
        self.design_button = self.ui.design_button
        self.design_button.clicked.connect(self.choose_design)
        self.edit_design_button = self.ui.edit_design_button
        self.edit_design_button.clicked.connect(self.edit_design)
        self.builtin_button = self.ui.builtin_button
        self.builtin_button.clicked.connect(self.use_builtin_design)
        self.certificates_button = self.ui.certificates_button  # the page connects it

    def choose_design(self) -> None:
        """Use a design file (TOML); a broken one is refused and the design kept."""
        target, _ = QFileDialog.getOpenFileName(self, "Choose a certificate design",
                                                str(self.folder()),
                                                "Certificate designs (*.toml)")
        if not target:
            return
        try:
            self.design = load_design(target)
        except JudgePanelError as exc:
            show_error(self, "Certificate design", exc)
            return
        self.design_file = Path(target)
        self.design_label.setText(f"From {self.design_file.name}")

    def edit_design(self) -> None:
        """Edit the design; the editor can also open and save design files."""
        folder = self.design_file.parent if self.design_file else self.folder()
        editor = DesignEditor(self.design, self, folder, self.design_file)
        if editor.exec() == DesignEditor.DialogCode.Accepted:
            self.design = editor.design()
            if editor.from_file() and editor.design_file is not None:
                self.design_file = editor.design_file
                self.design_label.setText(f"From {self.design_file.name}")
                return
            self.design_file = editor.design_file or self.design_file
            base = self.design_file.name if self.design_file else "the built-in design"
            self.design_label.setText(f"Edited, based on {base} (not saved as a file)")

    def use_builtin_design(self) -> None:
        """Go back to JudgePanel's own design."""
        self.design = default_design()
        self.design_file = None
        self.design_label.setText("Built-in design")
