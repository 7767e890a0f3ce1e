"""An entry's supporting documents beside its answers: the list (with sizes, pages, warnings
and the judge's read marks) and the viewer. Used by the judge's window and the chair's entry
detail; reads go through the core, which checks each document's SHA-256 first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from judgepanel.core.attachments import (
    attachments_by_entry,
    award_limits,
    entry_warnings,
    read_attachment,
    reading,
    remember_page,
)
from judgepanel.core.document_types import OK, problem_text
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.store import Store
from judgepanel.gui.document_viewer import IMAGE_TYPES, DocumentViewer

NAME_ROLE = Qt.ItemDataRole.UserRole + 1


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(1, round(size / 1024))} KB" if size else "0 KB"


def describe(attachment: dict[str, Any]) -> str:
    """'Evaluation.pdf · PDF, 6 pages, 1.2 MB' (or the link, or why it is not shown)."""
    if attachment["url"]:
        return f"{attachment['name']} · link"
    parts = [attachment["type"].upper()]
    if attachment["pages"] and attachment["type"] == "pdf":
        parts.append(f"{attachment['pages']} page" + ("s" if attachment["pages"] > 1 else ""))
    parts.append(size_text(attachment["bytes"]))
    text = f"{attachment['name']} · {', '.join(parts)}"
    if attachment["status"] != OK:
        text += f" · {problem_text(attachment['status'])}"
    return text


class AttachmentsPane(QWidget):
    """The documents of one entry at a time; `judge` (a pack's judge) keeps page and read
    marks in the pack, None (the chair) keeps nothing."""

    count_changed = Signal(int)
    cite = Signal(str)  # "Evaluation.pdf, p. 4": the judge cites the page in a comment

    def __init__(self, store: Store, judge: int | None = None,
                 limits: dict[str, dict[str, Any]] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.judge = store, judge
        self.limits = award_limits(store) if limits is None else limits
        self.entry: str | None = None
        self._award = ""
        self._unlisted = False  # the entry's documents are not listed yet (the pane hidden)
        self.attachments: list[dict[str, Any]] = []
        self.setAccessibleName("Supporting documents")
        self.documents = QListWidget()
        self.documents.setAccessibleName("The entry's documents")
        self.warnings = QLabel("")
        self.warnings.setWordWrap(True)
        self.warnings.setAccessibleName("Warnings about the documents")
        self.viewer = DocumentViewer()
        top = QWidget()
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.documents)
        column.addWidget(self.warnings)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.viewer)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.documents.currentItemChanged.connect(self._chosen)
        self.documents.itemChanged.connect(self._read_marked)
        self.viewer.page_changed.connect(self._page_turned)
        self.viewer.cite_requested.connect(self.cite)

    def show_entry(self, entry: str, award: str = "") -> int:
        """List `entry`'s documents and open the first; returns how many there are."""
        self.entry, self._award = entry, award
        self.attachments = attachments_by_entry(self.store, entry).get(entry, [])
        if not self.isVisible():  # on the hidden tab: listed when the judge turns to it
            self._unlisted = True
            self.count_changed.emit(len(self.attachments))
            return len(self.attachments)
        self._list_documents()
        return len(self.attachments)

    def _list_documents(self) -> None:
        self._unlisted = False
        entry, award = self.entry or "", self._award
        marks = reading(self.store, self.judge, entry) if self.judge is not None else {}
        self.documents.blockSignals(True)
        self.documents.clear()
        for attachment in self.attachments:
            item = QListWidgetItem(describe(attachment))
            item.setData(NAME_ROLE, attachment["name"])
            if attachment["url"]:
                item.setToolTip(f"{attachment['url']} (JudgePanel does not fetch links)")
            if self.judge is not None and not attachment["url"]:  # the judge marks it read
                done = marks.get(attachment["name"], {}).get("read")
                item.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
            else:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            self.documents.addItem(item)
        self.documents.setCurrentRow(-1)  # nothing opened until the judge looks
        self.documents.blockSignals(False)
        notes = entry_warnings(self.limits.get(award, {}), self.attachments)
        self.warnings.setText("\n".join(f"⚠ {note}" for note in notes))
        self.warnings.setVisible(bool(notes))
        self.viewer.show_message("This entry has no supporting documents." if not
                                 self.attachments else "Choose a document to read it here.")
        if self.attachments and self.isVisible():  # hidden: opened when the tab is shown
            self.documents.setCurrentRow(self._first_readable())
        self.count_changed.emit(len(self.attachments))

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._unlisted:
            self._list_documents()
        if self.attachments and self.documents.currentRow() < 0:
            self.documents.setCurrentRow(self._first_readable())

    def _first_readable(self) -> int:
        """The first document that can be shown (not a link, not damaged), else the first."""
        for row, attachment in enumerate(self.attachments):
            if attachment["status"] == OK and not attachment["url"]:
                return row
        return 0

    def open_document(self, name: str) -> None:
        if self._unlisted:
            self._list_documents()
        for row in range(self.documents.count()):
            if self.documents.item(row).data(NAME_ROLE) == name:
                self.documents.setCurrentRow(row)
                return

    def _chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None or self.entry is None:
            return
        name = item.data(NAME_ROLE)
        attachment = next(a for a in self.attachments if a["name"] == name)
        if attachment["url"]:
            self.viewer.show_message(
                f'<a href="{attachment["url"]}">{attachment["url"]}</a><br>A link the '
                "entrant gave; JudgePanel never fetches it. Open it in your browser when you "
                "have a connection.")
            self.viewer.canvas.setOpenExternalLinks(True)
            return
        if attachment["status"] != OK:
            self.viewer.show_message(f"{name} is {problem_text(attachment['status'])}.")
            return
        try:
            content = read_attachment(self.store, self.entry, name)
        except JudgePanelError as exc:
            self.viewer.show_message(str(exc))
            return
        page = 1
        if self.judge is not None:
            page = reading(self.store, self.judge, self.entry).get(name, {}).get("page", 1)
        if attachment["type"] == "pdf":
            self.viewer.open_pdf(name, content, page)
        elif attachment["type"] in IMAGE_TYPES:
            self.viewer.open_image(name, content)
        else:
            self.viewer.open_other(name, content, attachment["type"])

    def current_name(self) -> str:
        item = self.documents.currentItem()
        return str(item.data(NAME_ROLE)) if item is not None else ""

    def _page_turned(self, page: int) -> None:
        if self.judge is None or self.entry is None or not self.current_name():
            return
        remember_page(self.store, self.judge, self.entry, self.current_name(), page)

    def _read_marked(self, item: QListWidgetItem) -> None:
        if self.judge is None or self.entry is None:
            return
        done = item.checkState() == Qt.CheckState.Checked
        remember_page(self.store, self.judge, self.entry, str(item.data(NAME_ROLE)),
                      self.viewer.page + 1, read=done)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        self.viewer.close()
        super().closeEvent(event)


def documents_beside(splitter: QSplitter, answers: QWidget, pane: AttachmentsPane) -> QWidget:
    """Put `pane` beside `answers` in `splitter` as a second tab ("Answers", "Documents (n)")
    so the scoring panel stays in view while the judge reads."""
    from PySide6.QtWidgets import QTabWidget

    index = splitter.indexOf(answers)
    tabs = QTabWidget()
    tabs.setAccessibleName("The entry: answers and documents")
    splitter.replaceWidget(index, tabs)
    tabs.addTab(answers, "Answers")
    tabs.addTab(pane, "Documents")

    def counted(count: int) -> None:
        text = f"Documents ({count})" if count else "Documents"
        if tabs.tabText(1) != text:  # the same text set again lays the window out again
            tabs.setTabText(1, text)

    pane.count_changed.connect(counted)
    return tabs


def show_first_document(windows: list[Any]) -> str:
    """For the bundle's smoke check: open the first entry with documents in a judge's window
    on its Documents tab and say what is on screen."""
    for window in windows:
        if not hasattr(window, "entry_tabs"):
            continue
        for entry in window.entries:
            window.show_entry(entry)
            if window.documents.attachments:
                window.entry_tabs.setCurrentIndex(1)
                pane = window.documents
                if pane.documents.currentRow() < 0:
                    pane.documents.setCurrentRow(pane._first_readable())
                viewer = pane.viewer
                shown = viewer.canvas.pixmap()
                return (f"document: {viewer.name}, page {viewer.page + 1} of {viewer.pages}, "
                        f"{shown.width()}x{shown.height()} pixels")
    return "document: none"
