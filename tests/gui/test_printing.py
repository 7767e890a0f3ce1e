"""Certificates print landscape: the printer's page comes from the PDF (issue 14, defect 5)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from judgepanel.gui.pdf_preview import (
    PRINT_DPI,
    can_render,
    layout_for,
    pdf_page_size,
    print_images,
    render_pages,
)


def test_pages_can_be_rendered() -> None:
    assert can_render()  # poppler-utils: the preview and printing need it


def certificate_like(path: Path, pages: list[tuple[float, float]]) -> Path:
    """A PDF with pages of the given sizes (points), as the certificates and report are."""
    drawing = canvas.Canvas(str(path), pagesize=pages[0])
    for number, size in enumerate(pages):
        drawing.setPageSize(size)
        drawing.drawString(72, 72, f"Certificate {number + 1}")
        drawing.showPage()
    drawing.save()
    return path


def test_an_a4_landscape_pdf_prints_on_landscape_pages(qapp, tmp_path: Path) -> None:
    pdf = certificate_like(tmp_path / "certificates.pdf", [landscape(A4), landscape(A4)])
    size = pdf_page_size(pdf)
    assert size is not None and round(size.width()) == 842 and round(size.height()) == 595
    layout = layout_for(size)
    assert layout.orientation() == QPageLayout.Orientation.Landscape
    assert layout.pageSize().id().name == "A4"

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(PRINT_DPI)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    folder = tmp_path / "pages"
    folder.mkdir()
    print_images(printer, render_pages(pdf, folder, 40, last=None))
    printed = pdf_page_size(tmp_path / "printed.pdf")
    assert printed is not None and printed.width() > printed.height()


def test_a_portrait_report_still_prints_portrait(qapp, tmp_path: Path) -> None:
    pdf = certificate_like(tmp_path / "report.pdf", [A4])
    size = pdf_page_size(pdf)
    assert size is not None
    assert layout_for(size).orientation() == QPageLayout.Orientation.Portrait
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    folder = tmp_path / "pages"
    folder.mkdir()
    print_images(printer, render_pages(pdf, folder, 40, last=None))
    printed = pdf_page_size(tmp_path / "printed.pdf")
    assert printed is not None and printed.height() > printed.width()
