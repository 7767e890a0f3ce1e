"""The Outputs page (placeholder until it is built)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from judgepanel.core.store import Store


class OutputsPage(QWidget):
    """Placeholder: replaced by the real page."""

    title = "Outputs"

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Outputs: coming soon"))

    def refresh(self) -> None:
        """Re-read the panel after a change elsewhere."""

    def summary(self) -> str:
        return ""
