"""The choosers at the top of a coordinator page: which award it shows (`AwardChooser`) and,
for an award judged in rounds, which round (`RoundChooser`, each round offered by number, name,
kind and state). Pages' compiled Designer forms make them as custom widgets."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox, QWidget

from judgepanel.core.awards import Award
from judgepanel.core.rounds import Round, current_round


class AwardChooser(QComboBox):
    """The award a page shows, by name; the chosen award id is `currentData()`.

    With `all_awards` set (for example "All awards") the first choice is every award (None).
    Refilling keeps the award chosen when it is still in the panel. A page's compiled form
    makes it with its parent alone, and the page sets `all_awards` after.
    """

    def __init__(self, all_awards: str | QWidget | None = None,
                 parent: QWidget | None = None) -> None:
        if isinstance(all_awards, QWidget):
            all_awards, parent = None, all_awards
        super().__init__(parent)
        self.all_awards = all_awards
        self.setMinimumContentsLength(24)

    def fill(self, awards: Iterable[Award]) -> None:
        """Offer these awards, keeping the choice; emits no change unless the choice moved."""
        keep = self.currentData()
        self.blockSignals(True)
        self.clear()
        if self.all_awards is not None:
            self.addItem(self.all_awards, None)
        for award in awards:
            self.addItem(award.name, award.id)
        found = self.findData(keep)
        self.setCurrentIndex(found if found >= 0 else (0 if self.count() else -1))
        self.blockSignals(False)
        if self.currentData() != keep:
            self.currentIndexChanged.emit(self.currentIndex())

    def award_id(self) -> str | None:
        """The chosen award's id, or None for all awards or an empty panel."""
        value = self.currentData()
        return str(value) if value is not None else None


STATE_WORDS = {"open": "open", "closed": "closed"}
KIND_WORDS = {"scored": "scored", "qualifying": "pass or fail", "consensus": "agreed in the room"}


def round_label(found: Round) -> str:
    """"2. Final (agreed in the room, open)": a round as a chooser offers it."""
    return (f"{found.position + 1}. {found.name} ({KIND_WORDS.get(found.kind, found.kind)}, "
            f"{STATE_WORDS.get(found.state, found.state)})")


class RoundChooser(QComboBox):
    """The round of the chosen award a page shows; the round id is `currentData()`.

    Filled from `rounds.award_rounds`: each round's number, name, kind and state, the award's
    current round chosen unless the user chose another that is still there. A page whose main
    work is the first round's (the Packs page: the panel's packs are every award's first round)
    sets `starts_first`, and the chooser starts on the first round instead. An award judged
    in one round (every award before rounds existed) has nothing to choose, so the chooser and
    its `companion` label are hidden and the page looks as it always did.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rounds: list[Round] = []
        self.companion: QWidget | None = None  # the label in front of it, hidden with it
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setToolTip("Which round of the award this page shows: the current (first open) "
                        "round is chosen when the award is picked")
        self.picked: tuple[str, str] | None = None  # (award, round) the user chose
        self.starts_first = False  # start on the first round, not the award's current one
        self._filling = False
        self.currentIndexChanged.connect(self._picked)  # before any page's own slot

    def _picked(self, index: int) -> None:
        if not self._filling and 0 <= index < len(self.rounds):
            self.picked = (self.rounds[index].award, self.rounds[index].id)

    def choose(self, round_id: str) -> None:
        """Choose a round as the user does (kept when the rounds are read again)."""
        index = self.findData(round_id)
        if index >= 0:
            self.setCurrentIndex(index)

    def fill(self, rounds: list[Round]) -> None:
        """Offer these rounds (one award's): the round the user chose while it is there,
        else the award's current round (its first with `starts_first`); emits no change
        unless the choice moved."""
        keep = self.chosen()
        self.rounds = list(rounds)
        self.blockSignals(True)
        self.clear()
        for found in self.rounds:
            self.addItem(round_label(found), found.id)
        picked = self.picked
        index = (self.findData(picked[1]) if picked is not None and self.rounds
                 and picked[0] == self.rounds[0].award else -1)
        if index < 0 and self.rounds:
            index = 0 if self.starts_first else self.findData(current_round(self.rounds).id)
        self.setCurrentIndex(index)
        self.blockSignals(False)
        shown = len(self.rounds) > 1
        self.setVisible(shown)
        if self.companion is not None:
            self.companion.setVisible(shown)
        if self.chosen() != keep:
            self._filling = True
            try:
                self.currentIndexChanged.emit(self.currentIndex())
            finally:
                self._filling = False

    def chosen(self) -> Round | None:
        """The chosen round (None before the chooser is filled)."""
        index = self.currentIndex()
        return self.rounds[index] if 0 <= index < len(self.rounds) else None

    def round_id(self) -> str | None:
        found = self.chosen()
        return found.id if found is not None else None

    def later_round(self) -> Round | None:
        """The chosen round when it is not the award's first (whose work is the award's own)."""
        found = self.chosen()
        return found if found is not None and not found.first else None

    def several(self) -> bool:
        """Whether the award has more than its one round."""
        return len(self.rounds) > 1
