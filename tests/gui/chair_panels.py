"""Real scored panels for the chair's screens, built through the core as a coordinator would.

`bias_panel` is a small constructed case where the raw mean misleads: a harsh judge scored
entry A and a lenient judge scored entry B, so the mean puts B first while the bias model,
which sees both judges on the shared entries, puts A first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from judgepanel.core.assignment import assign
from judgepanel.core.awards import builtin_awards
from judgepanel.core.conflicts import record_conflict
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import Judge, add_judge
from judgepanel.core.panel import create_panel
from judgepanel.core.scoring import Judging
from judgepanel.core.store import Store

# The offscreen platform plugin (tests only) cannot pass a window's size hints on; Xvfb and
# real displays can. Only that one line is ignored: every other Qt warning still fails a test.
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

AWARD = "leading-systems-transformation"
SECTIONS = ("Q1", "Q2", "Q3", "Q4", "Q5")
COMMENT = "Strong partnership work across the integrated care system"

# entry -> {judge: the same mark in every section (0–10)}; totals are ten times the mark.
BIAS_CASE: dict[str, dict[str, int]] = {
    "C-1": {"Harsh": 3, "Neutral": 5, "Lenient": 7},
    "C-2": {"Harsh": 4, "Neutral": 6, "Lenient": 8},
    "C-3": {"Harsh": 2, "Neutral": 4, "Lenient": 6},
    "C-4": {"Harsh": 5, "Neutral": 7, "Lenient": 9},
    "A": {"Harsh": 6, "Neutral": 8},    # truly about 8: mean 70, bias-corrected about 80
    "B": {"Neutral": 7, "Lenient": 9},  # truly about 7: mean 80, bias-corrected about 70
}
TITLES = {"A": "Community frailty hub", "B": "Discharge to assess",
          "C-1": "Shared care records", "C-2": "Mental health crisis line",
          "C-3": "Falls prevention network", "C-4": "Virtual wards"}


def score(store: Store, judge: Judge, entry: str, marks: dict[str, int],
          comments: dict[str, str] | None = None) -> None:
    """One judge scores every section of one entry, as their pack would record it."""
    assign(store, judge, entry)
    judging = Judging.for_judge(store, judge.id)
    for section, mark in marks.items():
        judging.set_score(entry, section, mark, (comments or {}).get(section, ""))


def bias_panel(path: Path) -> Path:
    """The constructed harsh/lenient case, with a comment on A and a conflict on C-1."""
    store = create_panel(path, "Chair test awards 2026", builtin_awards())
    try:
        upsert_entries(store, [
            EntryRecord(id=entry, award=AWARD, title=TITLES[entry], nominee=f"Team {entry}",
                        organisation="Northshire NHS Foundation Trust")
            for entry in BIAS_CASE])
        judges = {name: add_judge(store, name) for name in ("Harsh", "Neutral", "Lenient")}
        conflicted = add_judge(store, "Dana Conflicted")
        for entry, marks in BIAS_CASE.items():
            for name, mark in marks.items():
                comments = {"Q1": COMMENT} if (entry, name) == ("A", "Harsh") else None
                score(store, judges[name], entry, dict.fromkeys(SECTIONS, mark), comments)
        record_conflict(store, conflicted, "C-1", "Line manager of the nominee")
    finally:
        store.close()
    return path
