"""The Results page (placeholder until it is built)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from judgepanel.core.store import Store


class ResultsPage(QWidget):
    """Placeholder: replaced by the real page."""

    title = "Results"

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Results: coming soon"))

    def refresh(self) -> None:
        """Re-read the panel after a change elsewhere."""

    def summary(self) -> str:
        return ""
