"""The entry as the judge reads it: each answer under its question, the guidance beside it.

Rendered as rich text in read-only browsers. Colours come from the widget's palette at render
time (and again when the palette changes), so a dark palette keeps the text readable. Each
section heading is a link: clicking it selects that section in the scoring panel.

Each entry has its own browser page, laid out once (in advance, while the judge reads) and
shown by raising it: giving one browser another document makes Qt lay the whole text out
again (QTextEdit.setDocument resets the page size), 7 to 14 ms for 3,000 words, every time.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QPalette, QResizeEvent, QShowEvent, QTextDocument
from PySide6.QtWidgets import QScrollBar, QTextBrowser, QWidget

from judgepanel.core.awards import Award, Section

SECTION_SCHEME = "section"
CACHED_PAGES = 120  # a pack holds tens of entries; far more than that are not kept
RELAYOUT_MS = 60  # after a resize, the hidden pages are laid out again one at a time


def word_count_text(words: int, limit: int | None) -> tuple[str, bool]:
    """'412 of 500 words', or the overrun spelled out in words; and whether it is over."""
    if limit is None:
        return f"{words} words", False
    if words > limit:
        return f"{words} words: {words - limit} over the {limit}-word limit", True
    return f"{words} of {limit} words", False


class EntryPage(QTextBrowser):
    """One entry's text, laid out at the view's size and kept for when it is shown again."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Entry text")
        self.setAccessibleDescription("The entry's answers, each under its question, with the "
                                      "judging guidance beside it")
        # A scroll bar that comes and goes makes Qt lay the text out twice or more; the text
        # wraps at any zoom, so nothing ever needs scrolling sideways.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stale = False  # laid out at another size: lay out again before showing
        # Its text, until the page has its real size: a page never shown has a tiny viewport,
        # and Qt would lay the text out at that width first.
        self.pending: str | None = None

    def take_pending(self) -> None:
        if self.pending is not None:
            text, self.pending = self.pending, None
            self.setHtml(text)


class EntryView(QWidget):
    """Read-only view of one entry, with anchors per section: one prepared page per entry."""

    section_clicked = Signal(str)
    anchorClicked = Signal(QUrl)  # noqa: N815 (as QTextBrowser names it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Entry text")
        # The page shown covers this widget entirely: the window need not repaint beneath it.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.anchorClicked.connect(self._clicked)
        self._entry: dict[str, Any] | None = None
        self._award: Award | None = None
        self.show_scale = True  # "scored 0 to 10" under each question; not for pass or fail
        self.zoom_percent = 100
        self._base_point_size = self.font().pointSizeF()
        self._pages: dict[str, EntryPage] = {}  # by entry id, oldest first
        self._relayout = QTimer(self, singleShot=True, interval=RELAYOUT_MS)
        self._relayout.timeout.connect(self._lay_out_one_stale)
        self._page = self._new_page()
        self._page.show()
        self.setFocusProxy(self._page)
        self._render()

    # ----- what a text browser offers, for the page shown --------------------------------

    def page(self) -> EntryPage:
        return self._page

    def document(self) -> QTextDocument:
        self._page.take_pending()
        return self._page.document()

    def toPlainText(self) -> str:  # noqa: N802
        return self.document().toPlainText()

    def verticalScrollBar(self) -> QScrollBar:  # noqa: N802
        return self._page.verticalScrollBar()

    def horizontalScrollBar(self) -> QScrollBar:  # noqa: N802
        return self._page.horizontalScrollBar()

    def scrollToAnchor(self, name: str) -> None:  # noqa: N802
        self._page.scrollToAnchor(name)

    # ----- showing an entry --------------------------------------------------------------

    def show_entry(self, entry: dict[str, Any] | None, award: Award | None) -> None:
        self._entry, self._award = entry, award
        if entry is None or award is None:
            self._render()
        else:
            self._show_page(self.prepare(entry, award))
        self._page.verticalScrollBar().setValue(0)

    def prepare(self, entry: dict[str, Any], award: Award) -> EntryPage:
        """The entry's page, built and laid out now if not already (call ahead)."""
        page = self._pages.get(entry["entry"])
        if page is None:
            if len(self._pages) >= CACHED_PAGES:
                oldest = next(iter(self._pages))
                if self._pages[oldest] is not self._page:
                    self._pages.pop(oldest).deleteLater()
            page = self._new_page()
            page.pending = self._html(entry, award)
            self._pages[entry["entry"]] = page
            self._lay_out(page)
        elif page.stale:
            self._lay_out(page)
        return page

    def is_prepared(self, entry_id: str) -> bool:
        page = self._pages.get(entry_id)
        return (page is not None and not page.stale) or len(self._pages) >= CACHED_PAGES

    def forget_documents(self) -> None:
        """Colours or zoom changed: every prepared page is rebuilt when next shown."""
        for page in self._pages.values():
            if page is not self._page:
                page.deleteLater()
        self._pages.clear()

    def _new_page(self) -> EntryPage:
        page = EntryPage(self)
        page.setFont(self._reading_font())
        page.setGeometry(self.rect())
        page.anchorClicked.connect(self.anchorClicked)
        page.hide()
        return page

    def _lay_out(self, page: EntryPage) -> None:
        """Lay the page out at the view's size now, out of sight, so showing it costs only
        painting: shown under the current page (which sends it its size), then hidden."""
        page.stale = not self.isVisible()  # then laid out once the window is shown
        if page.stale:
            page.setGeometry(self.rect())
            return
        out_of_sight = page is not self._page
        if out_of_sight:
            page.lower()
            page.show()
        page.setGeometry(self.rect())  # while shown: the viewport learns its size at once
        page.take_pending()
        page.document().size()
        if out_of_sight:
            page.hide()

    def _show_page(self, page: EntryPage) -> None:
        if page is self._page:
            return
        old, self._page = self._page, page
        if page.geometry() != self.rect():
            page.setGeometry(self.rect())
        page.stale = False  # shown: Qt lays it out at this size if it must
        page.show()
        page.raise_()
        if self.isVisible():
            page.take_pending()
        self.setFocusProxy(page)
        if old.hasFocus():
            page.setFocus()
        old.hide()
        if old not in self._pages.values():
            old.deleteLater()  # the placeholder, or a page forgotten while shown

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._page.setGeometry(self.rect())
        for page in self._pages.values():
            if page is not self._page:
                page.stale = True
        self._relayout.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._page.take_pending()
        self._relayout.start()

    def _lay_out_one_stale(self) -> None:
        """One hidden page laid out at the new size; the next after a pause."""
        for page in self._pages.values():
            if page.stale and page is not self._page:
                self._lay_out(page)
                self._relayout.start()
                return

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
            self._page.verticalScrollBar().setValue(0)
        else:
            self._page.scrollToAnchor(f"section-{section_id}")

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
            page = self._new_page()
            page.pending = (f"<p style='color:{self._colour(QPalette.ColorRole.PlaceholderText)}'>"
                            "Choose an entry from the list to read it.</p>")
            self._show_page(page)
            return
        position = self._page.verticalScrollBar().value()
        self._show_page(self.prepare(entry, award))
        self._page.verticalScrollBar().setValue(position)

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
        scale = f" · scored {award.scale_of(section).describe()}" if self.show_scale else ""
        return (
            f"<a name='section-{html.escape(section.id)}'></a>"
            f"<h2 style='margin-top:18px; margin-bottom:4px'><a style='color:{link}; "
            f"text-decoration:none' href='{SECTION_SCHEME}:{html.escape(section.id)}'>"
            f"{html.escape(section.id)} · {html.escape(section.title)}</a></h2>"
            f"<p style='margin-top:0'><b>{html.escape(section.question)}</b></p>"
            f"<p style='color:{muted}; margin-top:0'>{count_html}{scale}</p>"
            "<table width='100%' cellspacing='0' cellpadding='8'><tr>"
            f"<td width='64%' valign='top' style='color:{text_colour}'>{paragraphs}</td>"
            f"<td width='36%' valign='top' bgcolor='{side}' style='color:{text_colour}'>"
            f"{guidance}</td></tr></table>"
        )
