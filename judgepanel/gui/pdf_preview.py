"""A preview of a written PDF as page images, and printing it through the system's dialog.

Pages are rendered in process by PDFium (pypdfium2), the renderer the document viewer uses,
so Windows and macOS need no external program. Rendering runs in the worker that wrote the
PDF, so the GUI thread only loads finished images.
"""

from __future__ import annotations

import atexit
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRect, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPixmap, QResizeEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

PREVIEW_DPI = 90
PRINT_DPI = 200
PREVIEW_PAGES = 6


def can_render() -> bool:
    """True: pages are rendered in process by PDFium (pypdfium2), on every system."""
    return True


def render_pages(pdf: Path, folder: Path, dpi: int = PREVIEW_DPI, first: int = 1,
                 last: int | None = PREVIEW_PAGES) -> list[Path]:
    """Page images of `pdf` as PNGs in `folder`, in page order (pages `first` to `last`)."""
    from judgepanel.core.document_types import PDFIUM_LOCK

    with PDFIUM_LOCK:
        return _render_pages(pdf, folder, dpi, first, last)


def _render_pages(pdf: Path, folder: Path, dpi: int, first: int,
                  last: int | None) -> list[Path]:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        end = len(document) if last is None else min(last, len(document))
        written = []
        for number in range(first, end + 1):
            page = document[number - 1]
            try:
                bitmap = page.render(scale=dpi / 72)
                target = folder / f"page-{number}.png"
                bitmap.to_pil().save(target)
                bitmap.close()
                written.append(target)
            finally:
                page.close()
        return written
    finally:
        document.close()


def pdf_pages(pdf: Path) -> int | None:
    """The number of pages, or None when the file cannot be read as a PDF."""
    import pypdfium2

    from judgepanel.core.document_types import PDFIUM_LOCK

    with PDFIUM_LOCK:
        try:
            document = pypdfium2.PdfDocument(str(pdf))
        except pypdfium2.PdfiumError:
            return None
        try:
            return len(document)
        finally:
            document.close()


def preview_images(pdf: Path) -> tuple[Path | None, list[Path]]:
    """Render the first pages into a new temporary folder, removed when the app quits."""
    if not can_render():
        return None, []
    folder = Path(tempfile.mkdtemp(prefix="judgepanel-preview-"))
    atexit.register(shutil.rmtree, folder, True)
    return folder, render_pages(pdf, folder)


class PdfPreview(QScrollArea):
    """The first pages of the last file written, one under another."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAccessibleName("Preview")
        self.pdf: Path | None = None
        self._folder: Path | None = None
        self._inner = QWidget()
        self._pages = QVBoxLayout(self._inner)
        self._pages.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setWidget(self._inner)
        self.show_message("Nothing generated yet. The first pages appear here once a file "
                          "is written.")

    def _clear(self) -> None:
        while self._pages.count():
            item = self._pages.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None

    def show_message(self, text: str) -> None:
        self._clear()
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._pages.addWidget(label)

    def show_pdf(self, pdf: Path, folder: Path | None, images: list[Path],
                 total_pages: int | None = None) -> None:
        """Show rendered pages of `pdf`; takes ownership of `folder` and removes it later."""
        self._clear()
        self.pdf = pdf
        self._folder = folder
        if not images:
            self.show_message(f"Written to {pdf}. (A preview needs poppler's pdftoppm, which "
                              "is not installed; open the file from its folder.)")
            self.pdf = pdf
            return
        for image in images:
            label = QLabel()
            label.setProperty("page_image", QPixmap(str(image)))
            label.setFrameShape(QLabel.Shape.Box)
            label.setAccessibleName(f"Page {image.stem.rsplit('-', 1)[-1]}")
            self._pages.addWidget(label)
        if total_pages and total_pages > len(images):
            more = QLabel(f"… and {total_pages - len(images)} more pages in the file.")
            self._pages.addWidget(more)
        self._fit()

    def _fit(self) -> None:
        """Scale each page to the width of the pane, never larger than it was rendered."""
        width = max(self.viewport().width() - 24, 120)
        for i in range(self._pages.count()):
            item = self._pages.itemAt(i)
            label = item.widget() if item is not None else None
            original = label.property("page_image") if isinstance(label, QLabel) else None
            if isinstance(label, QLabel) and isinstance(original, QPixmap) \
                    and not original.isNull():
                shown = original if original.width() <= width else original.scaledToWidth(
                    width, Qt.TransformationMode.SmoothTransformation)
                label.setPixmap(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def page_count(self) -> int:
        """How many page images are on show."""
        labels = [item.widget() for i in range(self._pages.count())
                  if (item := self._pages.itemAt(i)) is not None]
        return sum(1 for w in labels if isinstance(w, QLabel) and not w.pixmap().isNull())


def pdf_page_size(pdf: Path) -> QSizeF | None:
    """The first page's size in points (poppler's pdfinfo), or None when it cannot be told."""
    tool = shutil.which("pdfinfo")
    if tool is None:
        return None
    result = subprocess.run([tool, str(pdf)], capture_output=True, text=True, timeout=60)
    for line in result.stdout.splitlines():
        found = re.match(r"Page size:\s*([\d.]+)\s*x\s*([\d.]+)\s*pts", line)
        if found:
            return QSizeF(float(found.group(1)), float(found.group(2)))
    return None


def orientation_of(width: float, height: float) -> QPageLayout.Orientation:
    return QPageLayout.Orientation.Landscape if width > height \
        else QPageLayout.Orientation.Portrait


def layout_for(size: QSizeF) -> QPageLayout:
    """The printer's page layout for a PDF page: its paper, turned as the page is."""
    upright = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
    paper = QPageSize(upright, QPageSize.Unit.Point, "",
                      QPageSize.SizeMatchPolicy.FuzzyOrientationMatch)
    return QPageLayout(paper, orientation_of(size.width(), size.height()),
                       QMarginsF(0, 0, 0, 0))


def print_images(printer: QPrinter, images: list[Path]) -> None:
    """Paint page images onto the printer, each scaled to fit its page, in order.

    Each page is turned as its image is, so an A4 landscape certificate prints landscape
    rather than shrunk onto the top half of a portrait page.
    """
    if not images:
        return
    first = QImage(str(images[0]))
    printer.setPageOrientation(orientation_of(first.width(), first.height()))
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        for number, path in enumerate(images):
            image = QImage(str(path))
            if number:
                printer.setPageOrientation(orientation_of(image.width(), image.height()))
                printer.newPage()
            area = painter.viewport()
            size = image.size()
            size.scale(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(area.x(), area.y(), size.width(), size.height())
            painter.drawImage(target, image)
    finally:
        painter.end()


def ask_printer(parent: QWidget, pdf: Path | None = None) -> QPrinter | None:
    """The system's print dialog, set up with the PDF's paper and orientation; None when the
    user cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(PRINT_DPI)
    size = pdf_page_size(pdf) if pdf is not None else None
    if size is not None:
        printer.setPageLayout(layout_for(size))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print")
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return printer
