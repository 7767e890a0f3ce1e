"""What the panel records in a later round itself: the agreed score per section and a note in
a consensus round (typed by the chair in the room), and each judge's pass or fail in a
qualifying round (a fail needs its reason). Each value is saved at once."""

from __future__ import annotations

from typing import Any

from judgepanel.core.awards import panel_award
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.round_results import check_round_kind
from judgepanel.core.rounds import Round, find_round, round_award, round_entries
from judgepanel.core.store import Store, now
from judgepanel.core.totals import scale_refusal


def _open_with(store: Store, found: Round, entry_id: str) -> None:
    if found.closed:
        raise JudgePanelError(f"round '{found.id}' of award '{found.award}' is closed; "
                              "nothing more can be recorded in it")
    if entry_id not in round_entries(store, found):
        raise JudgePanelError(f"{store.path}: entry '{entry_id}' is not in round '{found.id}' "
                              f"of award '{found.award}'")


def record_consensus(store: Store, award_id: str, round_id: str, entry_id: str,
                     section_id: str, score: float | None, note: str | None = None,
                     who: str = "") -> None:
    """Save the panel's agreed score for one section (None clears it), and the entry's note
    when given. The note is kept on the entry's line for the round."""
    with store.transaction():
        found = find_round(store, award_id, round_id)
        check_round_kind(found, "consensus")
        _open_with(store, found, entry_id)
        award = round_award(store, found)
        try:
            section = award.section(section_id)
        except KeyError:
            known = ", ".join(s.id for s in award.sections)
            raise JudgePanelError(f"round '{found.id}' of award '{award_id}' has no section "
                                  f"'{section_id}' (its sections: {known})") from None
        scale = award.scale_of(section)
        if score is not None and not scale.allows(score):
            raise JudgePanelError(f"entry '{entry_id}', section '{section_id}': "
                                  f"{scale_refusal(score, scale)}")
        store.db.execute(
            "INSERT INTO consensus_scores(award, round, entry, section, value, recorded_by, "
            "updated_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT(award, round, entry, section) DO "
            "UPDATE SET value = excluded.value, recorded_by = excluded.recorded_by, "
            "updated_at = excluded.updated_at",
            [award_id, found.id, entry_id, section_id, score, who, now()])
        if note is not None:
            set_consensus_note(store, award_id, round_id, entry_id, note, who)


NOTE_SECTION = ""  # the entry's note is kept in the row with no section


def set_consensus_note(store: Store, award_id: str, round_id: str, entry_id: str, note: str,
                       who: str = "") -> None:
    with store.transaction():
        found = find_round(store, award_id, round_id)
        check_round_kind(found, "consensus")
        _open_with(store, found, entry_id)
        store.db.execute(
            "INSERT INTO consensus_scores(award, round, entry, section, value, note, "
            "recorded_by, updated_at) VALUES (?,?,?,?,NULL,?,?,?) ON CONFLICT(award, round, "
            "entry, section) DO UPDATE SET note = excluded.note, "
            "recorded_by = excluded.recorded_by, updated_at = excluded.updated_at",
            [award_id, found.id, entry_id, NOTE_SECTION, note.strip(), who, now()])


def consensus_sheet(store: Store, award_id: str, round_id: str, entry_id: str
                    ) -> dict[str, Any]:
    """The agreed scores (section id → value) and the note recorded for one entry."""
    found = find_round(store, award_id, round_id)
    rows = store.rows("SELECT section, value, note FROM consensus_scores WHERE award = ? AND "
                      "round = ? AND entry = ?", [award_id, found.id, entry_id])
    return {"scores": {r["section"]: r["value"] for r in rows if r["section"] != NOTE_SECTION},
            "note": next((r["note"] for r in rows if r["section"] == NOTE_SECTION), "")}


def record_vote(store: Store, award_id: str, round_id: str, judge: str, entry_id: str,
                passed: bool, reason: str = "", who: str = "") -> None:
    """Save one judge's pass or fail for an entry in a qualifying round."""
    with store.transaction():
        panel_award(store, award_id)
        found = find_round(store, award_id, round_id)
        check_round_kind(found, "qualifying")
        _open_with(store, found, entry_id)
        if not passed and not reason.strip():
            raise JudgePanelError(f"entry '{entry_id}': a fail needs a reason")
        row = store.db.execute("SELECT id FROM judges WHERE name = ?", [judge]).fetchone()
        if row is None:
            raise JudgePanelError(f"{store.path}: no judge '{judge}' in this panel")
        if store.db.execute("SELECT 1 FROM conflicts WHERE judge = ? AND entry = ?",
                            [row[0], entry_id]).fetchone():
            raise JudgePanelError(f"{judge} has a declared conflict with entry '{entry_id}'; "
                                  "their vote cannot count")
        store.db.execute(
            "INSERT INTO round_votes(award, round, judge, entry, passed, reason, updated_at) "
            "VALUES (?,?,?,?,?,?,?) ON CONFLICT(award, round, judge, entry) DO UPDATE SET "
            "passed = excluded.passed, reason = excluded.reason, "
            "updated_at = excluded.updated_at",
            [award_id, found.id, row[0], entry_id, int(passed), reason.strip(), now()])
