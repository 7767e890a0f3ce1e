"""A judge's scoring session on their own pack: one typed score is one short transaction.

What does not change in a pack (its awards, sections and scales, which entries are the
judge's, the judge's key, the panel's id) is read once when the session opens, and the
judge's own scores, reviews and conflicts are held in memory beside the file. A score save is
then four statements: BEGIN, `PRAGMA data_version` (has another program changed the file
since? then the judge's records are read again first), the signed INSERT, and COMMIT. The
checks and signatures are `Judging`'s own, so the window, `scores import` and the merge agree.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field

from judgepanel.core.awards import Award, panel_awards
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.scoring import (
    Judging,
    check_score,
    refuse_unless_allowed,
    status_of,
)
from judgepanel.core.store import Store, now

Score = tuple[float | None, str]  # a section's value and comment


@dataclass
class Review:
    """The overall comment, evidence tags and complete mark the judge gave one entry."""

    comment: str = ""
    tags: list[str] = field(default_factory=list)
    complete: bool = False

    @property
    def tags_json(self) -> str:
        return json.dumps(self.tags, ensure_ascii=False)


class ScoringSession:
    """The pack's own judge, writing through one connection (the writer thread's)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.judging = Judging.for_pack(store)
        self.panel_id = store.panel_id
        db = store.db
        self.awards: dict[str, Award] = {award.id: award for award in panel_awards(store)}
        self._award_of: dict[str, str] = dict(db.execute("SELECT id, award FROM entries"))
        self.assigned: set[str] = {row[0] for row in db.execute(
            "SELECT entry FROM assignments WHERE judge = ?", [self.judging.judge])}
        self.conflicts: dict[str, str] = {}
        self._scores: dict[str, dict[str, Score]] = {}
        self._reviews: dict[str, Review] = {}
        self._version = -1
        self._seq = 0  # the judge's last write counter (core.scoring's next_seq)
        self._load()

    # ----- what the judge has written ----------------------------------------------------

    def _load(self) -> None:
        """Read the judge's own records (at open, and if another program changed the file)."""
        db, judge = self.store.db, self.judging.judge
        version = self._data_version()
        self.conflicts = dict(db.execute(
            "SELECT entry, reason FROM conflicts WHERE judge = ?", [judge]))
        self._scores = {}
        for entry, section, value, comment in db.execute(
                "SELECT entry, section, value, comment FROM scores WHERE judge = ?", [judge]):
            self._scores.setdefault(entry, {})[section] = (value, comment)
        self._reviews = {
            entry: Review(comment, json.loads(tags), bool(complete))
            for entry, comment, tags, complete in db.execute(
                "SELECT entry, comment, tags, complete FROM reviews WHERE judge = ?", [judge])}
        self._seq = self.judging.next_seq() - 1
        self._version = version

    def _data_version(self) -> int:
        return int(self.store.db.execute("PRAGMA data_version").fetchone()[0])

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """One transaction; what is held here is re-read first if another connection
        committed since, and again if the transaction is rolled back."""
        try:
            with self.store.transaction():
                if self._data_version() != self._version:
                    self._load()
                yield
        except BaseException as exc:
            self._version = -1  # read again before the next write
            with suppress(sqlite3.Error):
                self._load()
            if isinstance(exc, sqlite3.Error):
                raise JudgePanelError(f"{self.store.path}: not saved ({exc})") from exc
            raise

    def award_of(self, entry: str) -> Award:
        award = self._award_of.get(entry)
        if award is None:
            raise JudgePanelError(f"{self.store.path}: no entry '{entry}' here")
        if award not in self.awards:
            raise JudgePanelError(f"{self.store.path}: entry '{entry}' has no award")
        return self.awards[award]

    def scores(self, entry: str) -> dict[str, Score]:
        return dict(self._scores.get(entry, {}))

    def review(self, entry: str) -> Review:
        review = self._reviews.get(entry, Review())
        return Review(review.comment, list(review.tags), review.complete)

    def missing_sections(self, entry: str) -> list[str]:
        scored = {s for s, (value, _) in self._scores.get(entry, {}).items()
                  if value is not None}
        return [s.id for s in self.award_of(entry).sections if s.id not in scored]

    def status(self, entry: str) -> str:
        review = self._reviews.get(entry, Review())
        return status_of(entry in self.conflicts, review.complete, review.comment,
                         list(self._scores.get(entry, {}).values()))

    def progress(self, entry: str) -> tuple[str, int]:
        """The entry's status and how many of its sections have a score."""
        status = self.status(entry)
        if status == "conflict":
            return status, 0
        return status, sum(1 for value, _ in self._scores.get(entry, {}).values()
                           if value is not None)

    # ----- writes --------------------------------------------------------------------------

    def _next_seq(self) -> int:
        self._seq += 1
        return self._seq

    def _check_allowed(self, entry: str) -> None:
        refuse_unless_allowed(entry, entry in self.conflicts, entry in self.assigned)

    def set_score(self, entry: str, section: str, value: float | None,
                  comment: str | None = None) -> None:
        """Record a section score and/or comment (None leaves the comment as it is)."""
        with self._writing():
            self._write_score(entry, section, value, comment)

    def set_comments(self, comments: dict[tuple[str, str], str]) -> None:
        """Comments typed since the last save, as one transaction: (entry, section) → text,
        with section "" for the entry's overall comment."""
        with self._writing():
            for (entry, section), text in comments.items():
                if section:
                    current = self._scores.get(entry, {}).get(section, (None, ""))[0]
                    self._write_score(entry, section, current, text)
                else:
                    self._write_review(entry, comment=text)

    def set_review(self, entry: str, comment: str | None = None,
                   tags: list[str] | None = None, complete: bool | None = None) -> None:
        """The overall comment, the evidence tags and the complete mark for one entry."""
        with self._writing():
            self._write_review(entry, comment, tags, complete)

    def declare_conflict(self, entry: str, reason: str) -> None:
        """The judge steps away from an entry: their scores and comments for it are removed."""
        try:
            self.judging.declare_conflict(entry, reason)
        except sqlite3.Error as exc:
            raise JudgePanelError(f"{self.store.path}: not saved ({exc})") from exc
        self._scores.pop(entry, None)
        self._reviews.pop(entry, None)
        self.conflicts[entry] = reason.strip()

    def _write_score(self, entry: str, section: str, value: float | None,
                     comment: str | None) -> None:
        self._check_allowed(entry)
        check_score(self.award_of(entry), entry, section, value)
        mine = self._scores.setdefault(entry, {})
        before = mine.get(section)
        if comment is None:
            comment = before[1] if before else ""
        if before == (value, comment):
            return
        self.judging.write_score(entry, section, value, comment, now(), self.panel_id,
                                 self._next_seq())
        mine[section] = (value, comment)
        review = self._reviews.get(entry)
        if review is not None and review.complete and self.missing_sections(entry):
            self._write_review(entry, complete=False)  # a section is empty again: re-opened

    def _write_review(self, entry: str, comment: str | None = None,
                      tags: list[str] | None = None, complete: bool | None = None) -> None:
        self._check_allowed(entry)
        current = self._reviews.get(entry, Review())
        new = Review(current.comment if comment is None else comment,
                     list(current.tags if tags is None else tags),
                     current.complete if complete is None else bool(complete))
        if new.complete and (missing := self.missing_sections(entry)):
            raise JudgePanelError(f"entry '{entry}' cannot be marked complete: no score yet "
                                  f"for {', '.join(missing)}")
        self.judging.write_review(entry, new.comment, new.tags_json, new.complete, now(),
                                  self.panel_id, self._next_seq())
        self._reviews[entry] = new
