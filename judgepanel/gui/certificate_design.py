"""A simple editor for a certificate design: wording, colours and the two signature lines.

It edits a copy of the core's `CertificateDesign`; the Outputs page uses the edited design
for the certificates it writes. "Save design as…" keeps it as a design file for next year (or
the command line's `--design`), and "Open design…" starts from one. The logo and the layout
stay as the design file says. The dialog is laid out in ui/certificate_design.ui; the rows
for each placement and colour are added here, as the design has them.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.reports.certificates import (
    COLOUR_KEYS,
    CertificateDesign,
    Signature,
    load_design,
    save_design,
)
from judgepanel.gui.forms.ui_certificate_design import Ui_DesignEditor
from judgepanel.gui.pages.common import readable_placeholders
from judgepanel.gui.ranking_models import PLACEMENT_LABELS

COLOUR_WORDS = {"primary": "Main colour", "accent": "Accent colour", "text": "Text colour"}
DESIGN_FILTER = "Certificate designs (*.toml)"


class ColourButton(QPushButton):
    """A button showing a colour; clicking it opens the colour chooser."""

    def __init__(self, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour = colour
        self.clicked.connect(self._choose)
        self._paint()

    def _paint(self) -> None:
        ink = "#000000" if QColor(self.colour).lightness() > 140 else "#ffffff"
        self.setText(self.colour)
        self.setStyleSheet(f"QPushButton {{ background: {self.colour}; color: {ink}; }}")

    def _choose(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.colour), self, "Choose a colour")
        if chosen.isValid():
            self.set_colour(chosen.name())

    def set_colour(self, colour: str) -> None:
        self.colour = colour
        self._paint()


class DesignEditor(QDialog):
    """Edit the wording, colours and signatures of a certificate design."""

    def __init__(self, design: CertificateDesign, parent: QWidget | None = None,
                 folder: Path | None = None, design_file: Path | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_DesignEditor()
        self.ui.setupUi(self)
        fixed = readable_placeholders(self.palette())  # a dialog does not take the window's
        if fixed is not None:
            self.setPalette(fixed)
        self.original = design
        self.folder = folder or Path.home()
        self.design_file = design_file  # the file last opened or saved, if any
        self.file_design: CertificateDesign | None = design if design_file else None
        self.open_button = self.ui.open_button
        self.open_button.clicked.connect(self.open_design)
        self.save_button = self.ui.save_button
        self.save_button.clicked.connect(self.save_design_as)
        self.file_label = self.ui.file_label
        self._show_file()
        self.programme = self.ui.programme
        self.heading = self.ui.heading
        self.presented_to = self.ui.presented_to
        self.date = self.ui.date
        self.placements: dict[str, QLineEdit] = {}
        for placement in design.placements:
            self.placements[placement] = QLineEdit()
            self.ui.wordingForm.addRow(f"{PLACEMENT_LABELS.get(placement, placement)}:",
                                       self.placements[placement])
        self.colours: dict[str, ColourButton] = {}
        for key in COLOUR_KEYS:
            button = ColourButton(design.colours.get(key, "#000000"))
            button.setToolTip(COLOUR_WORDS.get(key, key))
            button.setAccessibleName(COLOUR_WORDS.get(key, key))
            self.colours[key] = button
            self.ui.coloursForm.addRow(f"{COLOUR_WORDS.get(key, key)}:", button)
        self.signatures: list[tuple[QLineEdit, QLineEdit]] = [
            (self.ui.signature1Name, self.ui.signature1Role),
            (self.ui.signature2Name, self.ui.signature2Role)]
        self._fill(design)

    def _fill(self, design: CertificateDesign) -> None:
        """Show a design's wording, colours and signatures in the fields."""
        self.programme.setText(design.programme)
        self.heading.setText(design.heading)
        self.presented_to.setText(design.presented_to)
        self.date.setText(design.date)
        for placement, edit in self.placements.items():
            edit.setText(design.placements.get(placement, ""))
        for key, button in self.colours.items():
            button.set_colour(design.colours.get(key, "#000000"))
        for number, (name, role) in enumerate(self.signatures):
            known = design.signatures[number] if number < len(design.signatures) else None
            name.setText(known.name if known else "")
            role.setText(known.role if known else "")

    def _show_file(self) -> None:
        if self.design_file is None:
            self.file_label.setText("Not saved as a file: this design is kept for this "
                                    "session only.")
        else:
            self.file_label.setText(f"Design file: {self.design_file}")

    def open_design(self) -> None:
        """Replace what is in the fields with a design file's."""
        target, _ = QFileDialog.getOpenFileName(self, "Open a certificate design",
                                                str(self.folder), DESIGN_FILTER)
        if not target:
            return
        try:
            loaded = load_design(target)
        except JudgePanelError as exc:
            QMessageBox.warning(self, "Open design", str(exc))
            return
        self.original = loaded
        self._fill(loaded)
        self.design_file = Path(target)
        self.file_design = self.design()
        self._show_file()

    def save_design_as(self) -> Path | None:
        """Write the design as it stands to a file of the coordinator's choosing."""
        suggested = self.design_file or self.folder / "Certificate design.toml"
        target, _ = QFileDialog.getSaveFileName(self, "Save the certificate design",
                                                str(suggested), DESIGN_FILTER)
        if not target:
            return None
        path = Path(target)
        if path.suffix.lower() != ".toml":
            path = path.with_name(path.name + ".toml")
        design = self.design()
        try:
            save_design(design, path)
        except JudgePanelError as exc:
            QMessageBox.warning(self, "Save design", str(exc))
            return None
        except OSError as exc:
            QMessageBox.warning(self, "Save design", f"{path}: could not be written "
                                f"({exc.strerror or exc})")
            return None
        self.design_file = path
        self.file_design = design
        self._show_file()
        return path

    def from_file(self) -> bool:
        """Whether the design as it stands is exactly what its file holds."""
        return self.file_design is not None and self.design() == self.file_design

    def design(self) -> CertificateDesign:
        """The design as edited (unchanged fields kept from the original)."""
        signatures = tuple(Signature(n.text().strip(), r.text().strip())
                           for n, r in self.signatures if n.text().strip() or r.text().strip())
        return replace(
            self.original,
            programme=self.programme.text().strip(),
            heading=self.heading.text().strip() or self.original.heading,
            presented_to=self.presented_to.text().strip(),
            date=self.date.text().strip(),
            colours={key: button.colour for key, button in self.colours.items()},
            placements={key: edit.text().strip() or self.original.placements[key]
                        for key, edit in self.placements.items()},
            signatures=signatures)
