"""Turning a cell from an export into the clean text a judge reads.

Entry platforms hand us answers typed into rich-text boxes (HTML), pasted from Word (smart
quotes, dashes, bullets) or typed on a Mac (decomposed accents). We keep every character the
entrant chose, normalise only what is invisible (NFC, line endings, surrounding space), and
turn HTML into paragraphs and bullets. Text that a spreadsheet would run as a formula is
stored literally: we never evaluate or strip it.
"""

from __future__ import annotations

import re
import unicodedata
from html import unescape
from html.parser import HTMLParser

from judgepanel.core.spreadsheet_safety import printable

# A cell is treated as HTML only when it holds a real tag or an entity, so "A < B" stays.
HTML_HINT = re.compile(
    r"</?(?:p|br|div|li|ul|ol|span|strong|em|b|i|u|a|h[1-6]|table|tr|td|th|font|blockquote)"
    r"\b[^<>]*>|&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,6});",
    re.IGNORECASE,
)
TAG_HINT = re.compile(r"<[a-zA-Z/!]")
LAYOUT_HINT = re.compile(r"<(?:p|br|div|li|ul|ol|h[1-6]|table|tr|blockquote|pre)\b",
                         re.IGNORECASE)
MULTISELECT = re.compile(r"^\s*\{\{(.*?)\}\}(?:\s*,\s*\{\{(.*?)\}\})*\s*$", re.DOTALL)
MULTISELECT_ITEM = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
SPACES = re.compile(r"[ \t\f\v\u00a0]+")
MESSAGE_BREAKS = re.compile(r"[ \t]*(?:\r\n|[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029])[ \t]*")
BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "tr",
              "section", "article", "header", "footer", "pre"}
LIST_TAGS = {"ul", "ol"}
SKIP_TAGS = {"script", "style", "head", "title"}


def clean_text(value: object) -> str:
    """One cell as clean text: HTML flattened, NFC, CRLF to LF, outer space trimmed."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if not text:
        return ""
    text = printable(text)  # CRLF, Word's vertical tab and other controls, as every export
    if ("<" in text or "&" in text) and HTML_HINT.search(text):
        text = html_to_text(text)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if "\u00a0" in text:
        text = text.replace("\u00a0", " ")
    return _trim_lines(text) if "\n" in text else text.strip()


def one_line(text: str) -> str:
    """Text for a one-line message: each line break shown as ↵, other controls removed."""
    return printable(MESSAGE_BREAKS.sub(" ↵ ", text))


def shown(value: object, limit: int = 80) -> str:
    """A cell quoted inside a message: on one line, and shortened with … when long."""
    text = one_line(str(value)).strip()
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _trim_lines(text: str) -> str:
    """Trailing space off every line, at most one blank line in a row, none at the ends."""
    lines = [line.rstrip() for line in text.split("\n")]
    kept: list[str] = []
    for line in lines:
        if not line and (not kept or not kept[-1]):
            continue
        kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept).strip(" \t")


def split_multiselect(value: str) -> str:
    """OpenWater's ``{{a}},{{b}}`` multi-select as ``a; b``; other text unchanged."""
    if "{{" not in value or not MULTISELECT.match(value):
        return value
    return "; ".join(item.strip() for item in MULTISELECT_ITEM.findall(value))


class _TextCollector(HTMLParser):
    """Collects paragraphs, line breaks and list items as plain text (stdlib only)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.lists: list[list[int]] = []  # one counter per open list; -1 means bullets
        self.list_lines: list[str] = []
        self.prefix = ""
        self.skip = 0
        self.links: list[str | None] = []

    def flush(self) -> None:
        """End the paragraph (or list item) collected so far."""
        if self.lists:
            self.end_item()
            return
        text = "".join(self.current)
        lines = [SPACES.sub(" ", line).strip() for line in text.split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            self.blocks.append(text)
        self.current = []

    def end_item(self) -> None:
        """A list item is one line of its list; the whole list is one paragraph."""
        text = SPACES.sub(" ", "".join(self.current).replace("\n", " ")).strip()
        if text:
            self.list_lines.append(self.prefix + text)
        self.current = []
        self.prefix = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP_TAGS:
            self.skip += 1
        elif tag == "br":
            self.current.append(" " if self.lists else "\n")
        elif tag in LIST_TAGS:
            self.flush()
            self.lists.append([0 if tag == "ol" else -1])
        elif tag == "li":
            self.end_item()
            counter = self.lists[-1] if self.lists else [-1]
            indent = "  " * max(0, len(self.lists) - 1)
            if counter[0] >= 0:
                counter[0] += 1
                self.prefix = f"{indent}{counter[0]}. "
            else:
                self.prefix = f"{indent}• "
        elif tag in BLOCK_TAGS:
            self.flush() if not self.lists else self.current.append(" ")
        elif tag in ("td", "th") and self.current:
            self.current.append(" ")
        elif tag == "a":
            self.links.append(dict(attrs).get("href"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "a":
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag == "li":
            self.end_item()
        elif tag in LIST_TAGS and self.lists:
            self.end_item()
            self.lists.pop()
            if not self.lists and self.list_lines:
                self.blocks.append("\n".join(self.list_lines))
                self.list_lines = []
        elif tag in BLOCK_TAGS:
            self.flush() if not self.lists else self.current.append(" ")
        elif tag == "a" and self.links:
            href = self.links.pop()
            if href and not href.startswith(("#", "mailto:")) \
                    and href not in "".join(self.current):
                self.current.append(f" ({href})")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            # Source newlines in HTML are plain spaces; only <br> and blocks break lines.
            self.current.append(data.replace("\n", " "))

    def text(self) -> str:
        while self.lists:
            self.handle_endtag("ul")
        self.flush()
        return "\n\n".join(self.blocks)


def html_to_text(markup: str) -> str:
    """HTML as paragraphs separated by a blank line, <br> as a newline, <li> as bullets."""
    if not TAG_HINT.search(markup):
        return unescape(markup)
    if "\n" in markup and not LAYOUT_HINT.search(markup):
        # Plain text with a few inline tags (<b>, <a>): its own line breaks are meant.
        paragraphs = re.split(r"\n[ \t]*\n", markup.strip())
        markup = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs)
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    text = collector.text()
    # Anything the parser left (an unterminated "<p" at the very end) is not text.
    return re.sub(r"<[^<>]*>", "", text).replace("\u00a0", " ")
