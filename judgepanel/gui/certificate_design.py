"""A simple editor for a certificate design: wording, colours and the two signature lines.

It edits a copy of the core's `CertificateDesign`; the Outputs page uses the edited design
for the certificates it writes. The logo and the layout stay as the design file says.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from judgepanel.core.reports.certificates import COLOUR_KEYS, CertificateDesign, Signature
from judgepanel.gui.results_models import PLACEMENT_LABELS

COLOUR_WORDS = {"primary": "Main colour", "accent": "Accent colour", "text": "Text colour"}


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

    def __init__(self, design: CertificateDesign, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Certificate design")
        self.original = design
        layout = QVBoxLayout(self)
        wording = QGroupBox("Wording")
        form = QFormLayout(wording)
        self.programme = QLineEdit(design.programme)
        self.programme.setPlaceholderText("the panel's title")
        self.heading = QLineEdit(design.heading)
        self.presented_to = QLineEdit(design.presented_to)
        self.date = QLineEdit(design.date)
        self.date.setPlaceholderText("today's date, e.g. 22 November 2026")
        form.addRow("Programme:", self.programme)
        form.addRow("Heading:", self.heading)
        form.addRow("Before the name:", self.presented_to)
        form.addRow("Date:", self.date)
        self.placements: dict[str, QLineEdit] = {}
        for placement, words in design.placements.items():
            self.placements[placement] = QLineEdit(words)
            form.addRow(f"{PLACEMENT_LABELS.get(placement, placement)}:",
                        self.placements[placement])
        layout.addWidget(wording)
        colours = QGroupBox("Colours")
        row = QHBoxLayout(colours)
        self.colours: dict[str, ColourButton] = {}
        for key in COLOUR_KEYS:
            button = ColourButton(design.colours.get(key, "#000000"))
            button.setToolTip(COLOUR_WORDS.get(key, key))
            button.setAccessibleName(COLOUR_WORDS.get(key, key))
            self.colours[key] = button
            row.addWidget(button)
        layout.addWidget(colours)
        signing = QGroupBox("Signatures (up to two)")
        form = QFormLayout(signing)
        self.signatures: list[tuple[QLineEdit, QLineEdit]] = []
        for number in range(2):
            known = design.signatures[number] if number < len(design.signatures) else None
            name = QLineEdit(known.name if known else "")
            role = QLineEdit(known.role if known else "")
            name.setPlaceholderText("Name")
            role.setPlaceholderText("Role, e.g. Chair of the judging panel")
            self.signatures.append((name, role))
            form.addRow(f"Signature {number + 1}:", name)
            form.addRow("", role)
        layout.addWidget(signing)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

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
