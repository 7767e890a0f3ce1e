"""Searching a judge's entries by any words in them, in memory: the pack file is not changed.

An SQLite FTS5 index built once when the pack is opened (tens of entries, a few thousand
words each); accents are ignored, so "Zoe" finds "Zoë".
"""

from __future__ import annotations

import re
import sqlite3


class EntrySearch:
    """Full-text search over the entries' text: entry id → the text to search."""

    def __init__(self, documents: dict[str, str]) -> None:
        self.conn = sqlite3.connect(":memory:")
        self.conn.execute("CREATE VIRTUAL TABLE entry_text USING fts5(entry UNINDEXED, body, "
                          "tokenize = 'unicode61 remove_diacritics 2')")
        with self.conn:
            self.conn.executemany("INSERT INTO entry_text(entry, body) VALUES (?, ?)",
                                  documents.items())

    def find(self, text: str) -> set[str] | None:
        """Entries containing every word typed (each as a prefix); None when nothing typed."""
        words = re.findall(r"\w+", text)
        if not words:
            return None
        query = " ".join(f'"{word}"*' for word in words)
        rows = self.conn.execute("SELECT entry FROM entry_text WHERE entry_text MATCH ?",
                                 [query]).fetchall()
        return {row[0] for row in rows}

    def close(self) -> None:
        self.conn.close()
