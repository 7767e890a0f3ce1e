"""A supporting document shown inside the application: PDF pages rendered by PDFium
(pypdfium2), images by Qt, with page navigation, zoom, fit to width and text search.

Nothing here touches the network or a file outside the pack: the bytes come from the pack
(checked against their SHA-256 by the core) and other types open in the system's own
application from a private read-only copy, deleted when the viewer closes.
"""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from judgepanel.core.document_types import PDFIUM_LOCK

ZOOMS = (25, 50, 75, 100, 125, 150, 200, 300, 400)

IMAGE_TYPES = {"png", "jpeg", "gif", "bmp", "webp"}


def render_page(document: Any, index: int, scale: float) -> QImage:
    """One PDF page as a QImage at `scale` (1.0 = 72 dpi), copied out of PDFium's buffer."""
    with PDFIUM_LOCK:
        return _render_page(document, index, scale)


def _render_page(document: Any, index: int, scale: float) -> QImage:
    page = document[index]
    try:
        bitmap = page.render(scale=scale, rev_byteorder=True)
        try:
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888 if bitmap.n_channels == 3
                           else QImage.Format.Format_RGBA8888)
            return image.copy()
        finally:
            bitmap.close()
    finally:
        page.close()


def tool_button(text: str, tip: str, name: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(name)
    return button


class DocumentViewer(QWidget):
    """One attachment at a time: `open_pdf`, `open_image`, `open_other`, or a message."""

    page_changed = Signal(int)  # 1-based, for remembering where the judge was
    cite_requested = Signal(str)  # "Evaluation.pdf, p. 4", for the judge's comment

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Document viewer")
        self.document: Any = None
        self.image: QImage | None = None
        self.page = 0  # 0-based
        self.pages = 0
        self.zoom = 100
        self.fit_width = True
        self.name = ""
        self._search_from = (0, 0)
        self._copies: Path | None = None
        self._other: tuple[bytes, str] | None = None
        self._build()
        self.show_message("Choose a document to read it here.")

    def _build(self) -> None:
        bar = QHBoxLayout()
        self.previous_button = tool_button("◀", "Previous page (Page Up)", "Previous page")
        self.next_button = tool_button("▶", "Next page (Page Down)", "Next page")
        self.page_box = QSpinBox()
        self.page_box.setRange(1, 1)
        self.page_box.setAccessibleName("Page")
        self.page_count = QLabel("of 1")
        self.zoom_out_button = tool_button("−", "Zoom out", "Zoom out")
        self.zoom_in_button = tool_button("+", "Zoom in", "Zoom in")
        self.fit_button = tool_button("Fit width", "Fit the page to the width of the pane",
                                      "Fit to width")
        self.fit_button.setCheckable(True)
        self.fit_button.setChecked(True)
        self.zoom_label = QLabel("")
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("Search the document")
        self.search_box.setAccessibleName("Search the document")
        self.search_box.setClearButtonEnabled(True)
        self.search_result = QLabel("")
        self.open_button = QPushButton("Open in its application")
        self.cite_button = tool_button(
            "Cite page", "Put this page (\u201cp. 4\u201d) into the comment you are writing",
            "Cite this page in your comment")
        for widget in (self.previous_button, self.next_button, self.page_box, self.page_count,
                       self.zoom_out_button, self.zoom_in_button, self.fit_button,
                       self.zoom_label, self.search_box, self.search_result,
                       self.cite_button, self.open_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.canvas = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.canvas.setAccessibleName("Document page")
        self.canvas.setWordWrap(True)
        self.page_scroll = QScrollArea(widgetResizable=True)
        self.page_scroll.setWidget(self.canvas)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.page_scroll, 1)
        self.previous_button.clicked.connect(lambda: self.go_to(self.page - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.page + 1))
        self.page_box.valueChanged.connect(lambda value: self.go_to(value - 1))
        self.zoom_in_button.clicked.connect(lambda: self.step_zoom(1))
        self.zoom_out_button.clicked.connect(lambda: self.step_zoom(-1))
        self.fit_button.toggled.connect(self.set_fit_width)
        self.search_box.returnPressed.connect(self.find_next)
        self.search_box.textChanged.connect(lambda _text: self._reset_search())
        self.open_button.clicked.connect(self.open_outside)
        self.cite_button.clicked.connect(
            lambda: self.cite_requested.emit(f"{self.name}, p. {self.page + 1}"))
        for keys, step in ((QKeySequence.StandardKey.MoveToNextPage, 1),
                           (QKeySequence.StandardKey.MoveToPreviousPage, -1)):
            shortcut = QShortcut(keys, self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.go_to(self.page + step))

    # ----- opening ---------------------------------------------------------------------

    def close_document(self) -> None:
        if self.document is not None:
            with PDFIUM_LOCK:
                self.document.close()
        self.document, self.image, self.pages, self.page, self._other = None, None, 0, 0, None

    def show_message(self, text: str) -> None:
        """A message instead of a document (nothing chosen, or a file that is not shown)."""
        self.close_document()
        self.canvas.setPixmap(QPixmap())
        self.canvas.setText(text)
        self._controls()

    def open_pdf(self, name: str, content: bytes, page: int = 1) -> bool:
        """Show a PDF from its bytes at `page` (1-based); a file PDFium cannot open is said."""
        import pypdfium2

        self.close_document()
        self.name = name
        try:
            with PDFIUM_LOCK:
                self.document = pypdfium2.PdfDocument(content)
        except pypdfium2.PdfiumError as exc:
            self.show_message(f"{name} cannot be shown: {exc}")
            return False
        self.pages = len(self.document)
        self._reset_search()
        self.go_to(max(0, min(page - 1, self.pages - 1)), force=True)
        return True

    def open_image(self, name: str, content: bytes) -> bool:
        self.close_document()
        self.name = name
        image = QImage.fromData(content)
        if image.isNull():
            self.show_message(f"{name} cannot be shown: the image is damaged")
            return False
        self.image, self.pages = image, 1
        self.go_to(0, force=True)
        return True

    def open_other(self, name: str, content: bytes, kind: str) -> None:
        """A Word, Excel, PowerPoint or other file: said, and opened outside on request."""
        self.show_message(f"{name} is a {kind} file; it opens in its own application "
                          "from a private, read-only copy that is deleted when you close "
                          "this window.")
        self.name = name
        self._other = (content, name)
        self._controls()

    def open_outside(self) -> Path | None:
        """Write the private read-only copy and hand it to the system's application."""
        if self._other is None:
            return None
        content, name = self._other
        if self._copies is None:
            self._copies = Path(tempfile.mkdtemp(prefix="judgepanel-documents-"))
            self._copies.chmod(0o700)
        safe = "".join(ch if ch.isalnum() or ch in " ._-()" else "_" for ch in Path(name).name)
        target = self._copies / (safe or "document")
        if target.exists():
            target.chmod(0o600)
        target.write_bytes(content)
        target.chmod(0o400)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
        return target

    def remove_copies(self) -> None:
        """Delete the private copies (called when the window closes)."""
        if self._copies is not None:
            for copy in self._copies.iterdir():
                with contextlib.suppress(OSError):
                    copy.chmod(0o600)
                    copy.unlink()
            with contextlib.suppress(OSError):
                self._copies.rmdir()
            self._copies = None

    # ----- pages and zoom --------------------------------------------------------------

    def go_to(self, index: int, force: bool = False) -> None:
        """Show page `index` (0-based) if there is one."""
        if not self.pages or not 0 <= index < self.pages or (index == self.page and not force):
            return
        self.page = index
        self._render()
        self._controls()
        self.page_scroll.verticalScrollBar().setValue(0)
        self.page_changed.emit(index + 1)

    def _scale(self, width_points: float) -> float:
        if self.fit_width:
            available = max(200, self.page_scroll.viewport().width() - 12)
            return available / width_points
        return self.zoom / 100 * self.logicalDpiX() / 72

    def _render(self) -> None:
        if self.document is not None:
            with PDFIUM_LOCK:
                width, _height = self.document.get_page_size(self.page)
            scale = self._scale(width) * self.devicePixelRatioF()
            pixmap = QPixmap.fromImage(render_page(self.document, self.page, scale))
        elif self.image is not None:
            scale = self._scale(self.image.width() * 72 / self.logicalDpiX())
            size = QSize(round(self.image.width() * scale * 72 / self.logicalDpiX()),
                         round(self.image.height() * scale * 72 / self.logicalDpiX()))
            pixmap = QPixmap.fromImage(self.image.scaled(
                size * self.devicePixelRatioF(), Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        else:
            return
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.canvas.setText("")
        self.canvas.setPixmap(pixmap)
        self.zoom_label.setText("" if self.fit_width else f"{self.zoom}%")

    def step_zoom(self, step: int) -> None:
        steps = [z for z in ZOOMS if (z > self.zoom if step > 0 else z < self.zoom)]
        if steps:
            self.zoom = steps[0] if step > 0 else steps[-1]
        self.fit_button.setChecked(False)
        self.fit_width = False
        self._render()

    def set_fit_width(self, on: bool) -> None:
        self.fit_width = on
        self._render()

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.fit_width and self.pages:
            self._render()

    def _controls(self) -> None:
        paged = self.document is not None
        for widget in (self.previous_button, self.next_button, self.page_box,
                       self.page_count, self.search_box, self.cite_button):
            widget.setVisible(paged)
        for widget in (self.zoom_in_button, self.zoom_out_button, self.fit_button,
                       self.zoom_label):
            widget.setVisible(self.pages > 0)
        self.open_button.setVisible(self._other is not None)
        self.search_result.setVisible(paged)
        if paged:
            self.page_box.blockSignals(True)
            self.page_box.setMaximum(self.pages)
            self.page_box.setValue(self.page + 1)
            self.page_box.blockSignals(False)
            self.page_count.setText(f"of {self.pages}")
            self.previous_button.setEnabled(self.page > 0)
            self.next_button.setEnabled(self.page < self.pages - 1)

    # ----- search ----------------------------------------------------------------------

    def _reset_search(self) -> None:
        self._search_from = (self.page, 0)
        self.search_result.setText("")

    def find_next(self) -> int | None:
        """Go to the next page holding the search text (from the current place, wrapping
        round once); returns the 1-based page, or None when the text is not in the PDF."""
        text = self.search_box.text().strip()
        if self.document is None or not text:
            return None
        start_page, start_char = self._search_from
        for offset in range(self.pages + 1):
            index = (start_page + offset) % self.pages
            with PDFIUM_LOCK:
                page = self.document[index]
                textpage = page.get_textpage()
                try:
                    searcher = textpage.search(text, index=start_char if offset == 0 else 0)
                    hit = searcher.get_next()
                    searcher.close()
                finally:
                    textpage.close()
                    page.close()
            if hit is not None:
                self._search_from = (index, hit[0] + max(1, hit[1]))
                self.go_to(index)
                self.search_result.setText(f"found on p. {index + 1}")
                return index + 1
        self.search_result.setText("not found (a scanned page has no text to search)")
        return None

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        self.close_document()
        self.remove_copies()
        super().closeEvent(event)
