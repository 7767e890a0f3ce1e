"""What a document is: its type from its bytes, its state, and for a PDF its pages.

A document's type comes from its bytes (magic numbers), never from its name; a PDF is opened
with PDFium (pypdfium2) to count its pages, and one that is encrypted or damaged is kept but
marked so, as is an executable, so no screen renders it as if it were fine.
"""

from __future__ import annotations

import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path

# PDFium is not thread-safe: the import (a worker), the viewer (the GUI thread) and the report
# preview (a worker) take turns through this lock.
PDFIUM_LOCK = threading.RLock()
OK, ENCRYPTED, DAMAGED, EXECUTABLE = "ok", "encrypted", "damaged", "executable"
VIEWABLE = {"pdf", "png", "jpeg", "gif", "bmp", "webp"}
_OFFICE = {"word/": "docx", "xl/": "xlsx", "ppt/": "pptx"}


@dataclass(frozen=True)
class DocumentFacts:
    """What the bytes say about a file: its type, its state, and for a PDF its pages."""

    type: str
    status: str = OK
    pages: int | None = None




def sniff_type(head: bytes, path: Path | None = None) -> str:
    """The type of a file from its first bytes (and, for a ZIP-based file, its members)."""
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head.startswith(b"BM") and len(head) > 14:
        return "bmp"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith((b"MZ", b"\x7fELF", b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf",
                        b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe", b"#!")):
        return "executable"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "office"  # Word, Excel or PowerPoint before 2007
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path) if path is not None else "zip"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return "other"
    return "text"


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()[:200]
    except (zipfile.BadZipFile, OSError):
        return "zip"
    for prefix, kind in _OFFICE.items():
        if any(name.startswith(prefix) for name in names):
            return kind
    return "zip"


def inspect_file(path: Path) -> DocumentFacts:
    """Type, state and page count of the file at `path`."""
    with path.open("rb") as stream:
        head = stream.read(4096)
    kind = sniff_type(head, path)
    if kind == "executable":
        return DocumentFacts(kind, EXECUTABLE)
    if kind == "pdf":
        return _inspect_pdf(path)
    if kind in VIEWABLE:
        return _inspect_image(path, kind)
    return DocumentFacts(kind)


def _inspect_pdf(path: Path) -> DocumentFacts:
    import pypdfium2

    with PDFIUM_LOCK:
        try:
            document = pypdfium2.PdfDocument(str(path))
        except pypdfium2.PdfiumError as exc:
            status = ENCRYPTED if "password" in str(exc).lower() else DAMAGED
            return DocumentFacts("pdf", status)
        try:
            pages = len(document)
            if pages == 0:
                return DocumentFacts("pdf", DAMAGED, 0)
            return DocumentFacts("pdf", OK, pages)
        finally:
            document.close()


def _inspect_image(path: Path, kind: str) -> DocumentFacts:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return DocumentFacts(kind, DAMAGED)
    return DocumentFacts(kind, OK)


def problem_text(status: str) -> str:
    """What a judge is told about a document that is not shown."""
    return {ENCRYPTED: "protected by a password; it cannot be shown",
            DAMAGED: "damaged or unreadable; it cannot be shown",
            EXECUTABLE: "a program, not a document; it is never opened"}.get(status, "")
