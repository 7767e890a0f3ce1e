"""The entry as the judge reads it: each answer under its question, the guidance beside it.

Rendered as rich text in a read-only browser. Colours come from the widget's palette at render
time (and again when the palette changes), so a dark palette keeps the text readable. Each
section heading is a link: clicking it selects that section in the scoring panel.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QPalette, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from judgepanel.core.awards import Award, Section

SECTION_SCHEME = "section"
CACHED_DOCUMENTS = 300  # a pack holds tens of entries; far more than that are not kept


def word_count_text(words: int, limit: int | None) -> tuple[str, bool]:
    """'412 of 500 words', or the overrun spelled out in words; and whether it is over."""
    if limit is None:
        return f"{words} words", False
    if words > limit:
        return f"{words} words: {words - limit} over the {limit}-word limit", True
    return f"{words} of {limit} words", False


class EntryView(QTextBrowser):
    """Read-only view of one entry, with anchors per section."""

    section_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Entry text")
        self.setAccessibleDescription("The entry's answers, each under its question, with the "
                                      "judging guidance beside it")
        self.anchorClicked.connect(self._clicked)
        self._entry: dict[str, Any] | None = None
        self._award: Award | None = None
        self.zoom_percent = 100
        self._base_point_size = self.font().pointSizeF()
        # Laid-out documents by entry id: going back to an entry, or on to the one prepared
        # in advance, costs no HTML parsing and no layout (entry-switch stays under a frame).
        self._documents: dict[str, QTextDocument] = {}

    # ----- showing an entry --------------------------------------------------------------

    def show_entry(self, entry: dict[str, Any] | None, award: Award | None) -> None:
        self._entry, self._award = entry, award
        if entry is None or award is None:
            self._render()
        else:
            self.setDocument(self.prepare(entry, award))
        self.verticalScrollBar().setValue(0)

    def prepare(self, entry: dict[str, Any], award: Award) -> QTextDocument:
        """The entry's document, built now if not already (call ahead for the next entry)."""
        document = self._documents.get(entry["entry"])
        if document is None:
            if len(self._documents) >= CACHED_DOCUMENTS:
                oldest = next(iter(self._documents))
                if self._documents[oldest] is not self.document():
                    self._documents.pop(oldest).deleteLater()
            document = QTextDocument(self)
            document.setDefaultFont(self._reading_font())
            document.setDocumentMargin(self.document().documentMargin())
            document.setHtml(self._html(entry, award))
            document.setTextWidth(self.viewport().width())
            self._documents[entry["entry"]] = document
        return document

    def is_prepared(self, entry_id: str) -> bool:
        return entry_id in self._documents or len(self._documents) >= CACHED_DOCUMENTS

    def forget_documents(self) -> None:
        """Colours or zoom changed: every prepared document is rebuilt when next shown."""
        current = self.document()
        for document in self._documents.values():
            if document is not current:
                document.deleteLater()
        self._documents.clear()

    def _reading_font(self) -> Any:
        font = self.font()
        font.setPointSizeF(self._base_point_size * self.zoom_percent / 100)
        return font

    def clear_entry(self) -> None:
        self.show_entry(None, None)

    def scroll_to_section(self, section_id: str) -> None:
        """Bring a section's heading to the top; the first section shows the title too."""
        award = self._award
        if award is not None and award.sections and award.sections[0].id == section_id:
            self.verticalScrollBar().setValue(0)
        else:
            self.scrollToAnchor(f"section-{section_id}")

    def set_zoom(self, percent: int) -> None:
        """Reading zoom: the text grows and re-wraps; nothing scrolls sideways."""
        self.zoom_percent = percent
        self._render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._render()

    def _clicked(self, url: QUrl) -> None:
        if url.scheme() == SECTION_SCHEME:
            self.section_clicked.emit(url.path())

    # ----- the rich text -----------------------------------------------------------------

    def _render(self) -> None:
        """Rebuild what is shown (after a palette or zoom change)."""
        self.forget_documents()
        entry, award = self._entry, self._award
        if entry is None or award is None:
            document = QTextDocument(self)
            document.setDefaultFont(self._reading_font())
            document.setHtml(f"<p style='color:"
                             f"{self._colour(QPalette.ColorRole.PlaceholderText)}'>"
                             "Choose an entry from the list to read it.</p>")
            self.setDocument(document)
            return
        position = self.verticalScrollBar().value()
        self.setDocument(self.prepare(entry, award))
        self.verticalScrollBar().setValue(position)

    def _html(self, entry: dict[str, Any], award: Award) -> str:
        parts = [self._header(entry, award)]
        for section in award.sections:
            parts.append(self._section(entry, award, section))
        return "".join(parts)

    def _colour(self, role: QPalette.ColorRole) -> str:
        return self.palette().color(role).name()

    def _header(self, entry: dict[str, Any], award: Award) -> str:
        muted = self._colour(QPalette.ColorRole.PlaceholderText)
        who = ", ".join(html.escape(p) for p in (entry["nominee"], entry["organisation"]) if p)
        return (f"<h1 style='margin-bottom:2px'>{html.escape(entry['title'] or '(untitled)')}"
                f"</h1><p style='margin-top:0'>{who}</p>"
                f"<p style='color:{muted}'>{html.escape(entry['entry'])} · "
                f"{html.escape(award.name)}</p>")

    def _section(self, entry: dict[str, Any], award: Award, section: Section) -> str:
        text = entry["answers"].get(section.id, "")
        words = entry["words"].get(section.id, 0)
        count, over = word_count_text(words, section.word_limit)
        muted = self._colour(QPalette.ColorRole.PlaceholderText)
        link = self._colour(QPalette.ColorRole.Link)
        side = self._colour(QPalette.ColorRole.AlternateBase)
        text_colour = self._colour(QPalette.ColorRole.Text)
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
        if not paragraphs:
            paragraphs = f"<p style='color:{muted}'><i>No answer given.</i></p>"
        bullets = "".join(f"<li>{html.escape(g)}</li>" for g in section.guidance)
        guidance = (f"<p><b>Guidance</b></p><ul style='margin-left:12px; "
                    f"-qt-list-indent:0'>{bullets}</ul>" if bullets
                    else f"<p style='color:{muted}'>No guidance for this section.</p>")
        count_html = (f"<b>{html.escape(count)}</b>" if over else html.escape(count))
        scale = award.scale_of(section).describe()
        return (
            f"<a name='section-{html.escape(section.id)}'></a>"
            f"<h2 style='margin-top:18px; margin-bottom:4px'><a style='color:{link}; "
            f"text-decoration:none' href='{SECTION_SCHEME}:{html.escape(section.id)}'>"
            f"{html.escape(section.id)} · {html.escape(section.title)}</a></h2>"
            f"<p style='margin-top:0'><b>{html.escape(section.question)}</b></p>"
            f"<p style='color:{muted}; margin-top:0'>{count_html} · scored {scale}</p>"
            "<table width='100%' cellspacing='0' cellpadding='8'><tr>"
            f"<td width='64%' valign='top' style='color:{text_colour}'>{paragraphs}</td>"
            f"<td width='36%' valign='top' bgcolor='{side}' style='color:{text_colour}'>"
            f"{guidance}</td></tr></table>"
        )
