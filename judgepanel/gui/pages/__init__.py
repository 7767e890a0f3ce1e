"""The panel window's pages, in the order the coordinator's work goes.

Every page is a QWidget built as `Page(store, parent=None)` with a `title`, a `refresh()` that
re-reads the panel and a `summary()` that says in a line what is done and what is next. A page
that changes the panel may also have a `changed` signal; the window then refreshes the others.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def page_classes() -> list[type[QWidget]]:
    """The pages in workflow order (imported here, not at module load, to keep start-up lean)."""
    from judgepanel.gui.pages.audit import AuditPage
    from judgepanel.gui.pages.awards import AwardsPage
    from judgepanel.gui.pages.decisions import DecisionsPage
    from judgepanel.gui.pages.entries import EntriesPage
    from judgepanel.gui.pages.judges import JudgesPage
    from judgepanel.gui.pages.outputs import OutputsPage
    from judgepanel.gui.pages.packs import PacksPage
    from judgepanel.gui.pages.results import ResultsPage

    return [AwardsPage, EntriesPage, JudgesPage, PacksPage, ResultsPage, DecisionsPage,
            OutputsPage, AuditPage]
