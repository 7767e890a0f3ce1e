"""A panel ready for the panel room, built through the core: an award whose first round was
scored by two judges and closed, and the top three promoted into a consensus final with two
sections of its own."""

from __future__ import annotations

from pathlib import Path

from judgepanel.core.awards import Award, Scale, Section
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge
from judgepanel.core.panel import create_panel
from judgepanel.core.promotion import promote
from judgepanel.core.round_definitions import RoundSpec
from judgepanel.core.rounds import add_round, close_round
from judgepanel.core.scoring import Judging

AWARD = Award(id="prize", name="The Prize", scale=Scale(0, 10, 1),
              sections=(Section("Q1", "Impact", "What changed?"),))
FINAL_SECTIONS = ({"id": "talk", "title": "Presentation", "question": "How did it go?"},
                  {"id": "answers", "title": "Answers to the panel's questions",
                   "question": "How well?", "weight": 2})
JUDGES = ("Dr Ann Aldous", "Bob Brennan")
# The two judges' scores: A 80/70, B 60/50, C 60/40, D 30/40, E 10/20.
SCORES = {"A": (8, 7), "B": (6, 5), "C": (6, 4), "D": (3, 4), "E": (1, 2)}
TITLES = {"A": "Frailty hub", "B": "Discharge to assess", "C": "Shared care record",
          "D": "Crisis café", "E": "Virtual wards"}


def room_panel(folder: Path, finalists: int = 3) -> Path:
    path = folder / "room.judgepanel"
    store = create_panel(path, "Northern Awards 2026", [AWARD])
    upsert_entries(store, [EntryRecord(id=e, award="prize", title=TITLES[e],
                                       nominee=f"Nominee {e}",
                                       organisation=f"Trust {e} NHS Foundation Trust")
                           for e in SCORES])
    ann, bob = (add_judge(store, name) for name in JUDGES)
    for entry, (a, b) in SCORES.items():
        Judging.for_judge(store, ann.id).set_score(entry, "Q1", a)
        Judging.for_judge(store, bob.id).set_score(entry, "Q1", b)
    add_round(store, "prize", RoundSpec("final", "Final", "consensus", FINAL_SECTIONS, None,
                                        ""), who="Coordinator")
    close_round(store, "prize", "judging", who="Coordinator")
    promote(store, "prize", "final", "The panel's shortlist", who="Chair", top=finalists)
    store.close()
    return path
