"""Moderation: placements, moderated scores, recorded tie-break votes, and the audit record.

Raw scores are never changed here. A placement decision replaces the earlier one for that
entry in the `decisions` table, but the audit log keeps both; a moderated score is a new row
in `overrides` (old computed value, new value, reason, who, when). The audit log is
append-only (triggers) and hash-chained, so an edit to history is detectable
(`check_history`, `verify_panel`).
"""

from __future__ import annotations

import contextlib
import json
import math
from typing import Any

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.recorded_decisions import current_overrides as current_overrides
from judgepanel.core.recorded_decisions import placements as placements
from judgepanel.core.recorded_decisions import tie_break_records as tie_break_records
from judgepanel.core.store import Store, now

PLACEMENTS = ("winner", "highly-commended", "finalist", "none")
PLACEMENT_LABELS = {"winner": "Winner", "highly-commended": "Highly Commended",
                    "finalist": "Finalist", "none": "No placement"}
SETTING_KEYS = ("method", "incomplete", "places", "champion_k", "bias_ridge",
                "flag_thresholds", "tie_break")
THRESHOLD_KEYS = ("range", "rwg", "outlier_mad", "outlier_min", "extreme", "extreme_gap",
                  "champion_gap")


def _entry_award(store: Store, entry_id: str) -> str:
    row = store.db.execute("SELECT award FROM entries WHERE id = ?", [entry_id]).fetchone()
    if row is None:
        raise JudgePanelError(f"{store.path}: no entry '{entry_id}' in this panel")
    return str(row[0])


def _reason(reason: str) -> str:
    if not reason or not reason.strip():
        raise JudgePanelError("please give a reason: every moderation decision needs one")
    return reason.strip()


def decide(store: Store, entry_id: str, placement: str, reason: str,
           who: str = "") -> str | None:
    """Record an entry's placement with a reason; replaces an earlier decision, audit keeps all.

    Returns the placement it replaced (None when the entry had none)."""
    if placement not in PLACEMENTS:
        raise JudgePanelError(f"placement must be one of {', '.join(PLACEMENTS)}, "
                              f"not '{placement}'")
    award = _entry_award(store, entry_id)
    why = _reason(reason)
    with store.transaction():
        before = store.rows("SELECT placement, reason FROM decisions WHERE entry = ?",
                            [entry_id])
        stamp = now()
        store.db.execute(
            "INSERT INTO decisions(entry, placement, reason, decided_by, decided_at) "
            "VALUES (?,?,?,?,?) ON CONFLICT(entry) DO UPDATE SET placement=excluded.placement,"
            " reason=excluded.reason, decided_by=excluded.decided_by, "
            "decided_at=excluded.decided_at",
            [entry_id, placement, why, who, stamp])
        previous: str | None = before[0]["placement"] if before else None
        store.audit("placement decided",
                    {"entry": entry_id, "award": award, "placement": placement, "reason": why,
                     "previous": previous}, who)
    return previous


def override_score(store: Store, entry_id: str, new_value: float, reason: str,
                   who: str = "") -> float:
    """Record a moderated score (0–100) replacing the computed one; raw scores stay as they are.

    The computed score is read in the same transaction as the write, so the record holds the
    score the ranking had at that moment; it is returned for the caller to show."""
    from judgepanel.core.award_results import award_results

    award = _entry_award(store, entry_id)
    try:
        value = float(new_value)
    except (TypeError, ValueError):
        raise JudgePanelError(f"entry '{entry_id}': score: '{new_value}' is not a number") \
            from None
    if math.isnan(value) or not 0.0 <= value <= 100.0:
        raise JudgePanelError(f"entry '{entry_id}': score: {new_value} is not on the 0–100 "
                              "total scale")
    why = _reason(reason)
    with store.transaction():
        ranking = award_results(store, award).ranking()  # the award's one analysis
        old = next((r.computed_score for r in ranking.entries if r.entry == entry_id), None)
        if old is None:
            raise JudgePanelError(f"entry '{entry_id}': no counted scores yet, so there is no "
                                  "computed score to moderate")
        stamp = now()
        cursor = store.db.execute(
            "INSERT INTO overrides(entry, old_value, new_value, reason, decided_by, decided_at) "
            "VALUES (?,?,?,?,?,?)", [entry_id, old, value, why, who, stamp])
        store.audit("score overridden",
                    {"override": cursor.lastrowid, "entry": entry_id, "award": award,
                     "method": ranking.method, "old_value": old, "new_value": value,
                     "reason": why}, who)
    return old


def withdraw_override(store: Store, entry_id: str, reason: str, who: str = "") -> float:
    """Withdraw an entry's moderated score (a mis-click, a changed mind): the computed score
    applies again; the override and its withdrawal both stay on the record. Returns the
    moderated score withdrawn."""
    award = _entry_award(store, entry_id)
    with store.transaction():
        current = current_overrides(store).get(entry_id)
        if current is None:
            raise JudgePanelError(f"entry '{entry_id}': has no moderated score to withdraw")
        why = _reason(reason)
        store.audit("override withdrawn", {"override": current["id"], "entry": entry_id,
                                           "award": award, "reason": why}, who)
    return float(current["new_value"])


def record_tie_break(store: Store, award_id: str, ordered_entries: list[str], reason: str,
                     who: str = "") -> None:
    """Record the panel's vote ordering tied entries, best first (used by `panel` tie-breaks)."""
    order = [str(e) for e in ordered_entries]
    if len(order) < 2 or len(set(order)) != len(order):
        raise JudgePanelError("a tie-break needs two or more different entries, best first")
    for entry in order:
        if _entry_award(store, entry) != award_id:
            raise JudgePanelError(f"entry '{entry}' is not in award '{award_id}'")
    why = _reason(reason)
    with store.transaction():
        store.audit("tie break", {"award": award_id, "order": order, "reason": why}, who)


def set_award_settings(store: Store, award_id: str, who: str = "", **changes: Any) -> None:
    """Change an award's results settings (method, tie_break, thresholds …), audited."""
    from judgepanel.core.totals import (
        INCOMPLETE_CHOICES,
        METHOD_NAMES,
        NUMBER_SETTINGS,
        setting_problem,
    )

    row = store.db.execute("SELECT settings FROM awards WHERE id = ?", [award_id]).fetchone()
    if row is None:
        raise JudgePanelError(f"{store.path}: no award '{award_id}' in this panel")
    settings = json.loads(row[0] or "{}")
    for key, value in changes.items():
        if key not in SETTING_KEYS:
            raise JudgePanelError(f"award '{award_id}': unknown setting '{key}' "
                                  f"(settings: {', '.join(SETTING_KEYS)})")
        if key == "method" and value not in METHOD_NAMES:
            raise JudgePanelError(f"award '{award_id}': method: '{value}' is not one of "
                                  f"{', '.join(METHOD_NAMES)}")
        if key == "incomplete" and value not in INCOMPLETE_CHOICES:
            raise JudgePanelError(f"award '{award_id}': incomplete: '{value}' is not one of "
                                  f"{', '.join(INCOMPLETE_CHOICES)}")
        if key in NUMBER_SETTINGS:
            problem = setting_problem(key, value)
            if problem:
                raise JudgePanelError(f"award '{award_id}': {problem}")
            value = NUMBER_SETTINGS[key][0](value)
        if key == "tie_break":
            _check_tie_break(store, award_id, value)
        if key == "flag_thresholds":
            if not isinstance(value, dict) or set(value) - set(THRESHOLD_KEYS):
                raise JudgePanelError(f"award '{award_id}': flag_thresholds: use only "
                                      f"{', '.join(THRESHOLD_KEYS)}")
            for name, number in value.items():
                problem = setting_problem(f"flag_thresholds.{name}", number)
                if problem:
                    raise JudgePanelError(f"award '{award_id}': {problem}")
            value = {**settings.get("flag_thresholds", {}),
                     **{k: float(v) for k, v in value.items()}}
        settings[key] = value
    with store.transaction():
        store.db.execute("UPDATE awards SET settings = ? WHERE id = ?",
                         [json.dumps(settings, ensure_ascii=False), award_id])
        store.audit("award settings changed", {"award": award_id, "changes": changes}, who)


def _check_tie_break(store: Store, award_id: str, value: Any) -> None:
    """A tie-break order names methods, `section:ID` of this award, `panel`, or `round:ID`
    of one of its rounds (that round's place breaks a tie in a later round and the final)."""
    from judgepanel.core.rounds import award_rounds
    from judgepanel.core.totals import METHOD_NAMES

    sections = {r["id"] for r in store.rows("SELECT id FROM sections WHERE award = ?",
                                            [award_id])}
    known = [*METHOD_NAMES, "panel", *(f"section:{s}" for s in sorted(sections)),
             *(f"round:{r.id}" for r in award_rounds(store, award_id))]
    if not isinstance(value, list) or not value:
        raise JudgePanelError(f"award '{award_id}': tie_break: must be a list such as "
                              '["bias", "median", "panel"]')
    for number, criterion in enumerate(value, start=1):
        if criterion not in known:
            raise JudgePanelError(f"award '{award_id}': tie_break[{number}]: '{criterion}' is "
                                  f"not one of {', '.join(known)}")


def decisions(store: Store) -> list[dict[str, Any]]:
    """Every current placement decision: entry, award, placement, reason, decided_by, decided_at."""
    return store.rows("SELECT d.entry, e.award, d.placement, d.reason, d.decided_by, "
                      "d.decided_at FROM decisions d JOIN entries e ON e.id = d.entry "
                      "ORDER BY e.award, d.decided_at")


def overrides(store: Store) -> list[dict[str, Any]]:
    """Every moderated score ever recorded, oldest first (the latest per entry applies)."""
    return store.rows("SELECT o.id, o.entry, e.award, o.old_value, o.new_value, o.reason, "
                      "o.decided_by, o.decided_at FROM overrides o JOIN entries e "
                      "ON e.id = o.entry ORDER BY o.id")


def audit_log(store: Store) -> list[dict[str, Any]]:
    """The audit log, oldest first, with each record's detail decoded."""
    log = []
    for row in store.rows("SELECT id, at, who, action, detail, prev_hash, hash FROM audit "
                          "ORDER BY id"):
        with contextlib.suppress(json.JSONDecodeError):
            row["detail"] = json.loads(row["detail"])
        log.append(row)
    return log


def check_history(store: Store) -> list[str]:
    """Where the audit chain is broken (a record changed, removed, cut off or the log
    emptied); empty when the chain is intact."""
    return store.audit_problems()


def verify_panel(store: Store) -> list[str]:
    """Everything the audit log vouches for, checked: the keyed chain; the assignments,
    conflicts, decisions and moderated scores against the records that made them; every stored
    score, review and judge-declared conflict against its signature. What this can and cannot
    prove is in docs/audit.md."""
    problems = check_history(store)
    problems += store.state_problems()
    problems += _signature_problems(store)
    decided: dict[str, dict[str, Any]] = {}
    overridden: dict[int, dict[str, Any]] = {}
    for record in audit_log(store):
        detail = record["detail"] if isinstance(record["detail"], dict) else {}
        if record["action"] == "placement decided":
            decided[str(detail.get("entry"))] = detail
        elif record["action"] == "score overridden" and detail.get("override") is not None:
            overridden[int(detail["override"])] = detail
    for row in store.rows("SELECT entry, placement, reason FROM decisions"):
        logged = decided.get(row["entry"])
        if not logged or logged.get("placement") != row["placement"] \
                or logged.get("reason") != row["reason"]:
            problems.append(f"decision for entry {row['entry']}: does not match the audit log "
                            "(changed outside JudgePanel)")
    for row in store.rows("SELECT id, entry, new_value, reason FROM overrides"):
        logged = overridden.get(int(row["id"]))
        if not logged or logged.get("entry") != row["entry"] \
                or logged.get("new_value") != row["new_value"] \
                or logged.get("reason") != row["reason"]:
            problems.append(f"moderated score {row['id']} for entry {row['entry']}: does not "
                            "match the audit log (changed outside JudgePanel)")
    return problems


def _signature_problems(store: Store, limit: int = 20) -> list[str]:
    """Stored records whose signature does not match: raw scores edited in the file."""
    from judgepanel.core.merge_checks import score_verifier
    from judgepanel.core.scoring import conflict_signature, review_signature

    panel_id = store.panel_id
    keys = {row[0]: (row[1], row[2]) for row in store.db.execute(
        "SELECT id, name, pack_key FROM judges")}
    problems: list[str] = []
    verifiers: dict[int, Any] = {}
    for judge, entry, section, value, comment, at, signature, seq in store.db.execute(
            "SELECT judge, entry, section, value, comment, updated_at, signature, seq "
            "FROM scores"):
        if judge not in verifiers:
            verifiers[judge] = score_verifier(keys[judge][1], panel_id, judge)
        try:
            good = verifiers[judge](entry, section, value, comment, at, seq) == signature
        except (TypeError, ValueError):
            good = False
        if not good:
            problems.append(f"score of {keys[judge][0]} for entry {entry}, section {section}: "
                            "its signature does not match (changed outside JudgePanel)")
    for judge, entry, comment, tags, complete, at, signature, seq in store.db.execute(
            "SELECT judge, entry, comment, tags, complete, updated_at, signature, seq "
            "FROM reviews"):
        if review_signature(keys[judge][1], panel_id, judge, entry, comment, tags, complete,
                            at, seq) != signature:
            problems.append(f"overall review of {keys[judge][0]} for entry {entry}: its "
                            "signature does not match (changed outside JudgePanel)")
    for judge, entry, reason, at, signature in store.db.execute(
            "SELECT judge, entry, reason, created_at, signature FROM conflicts "
            "WHERE declared_by = 'judge'"):
        if conflict_signature(keys[judge][1], panel_id, judge, entry, reason, at) != signature:
            problems.append(f"conflict of interest of {keys[judge][0]} with entry {entry}: "
                            "its signature does not match (changed outside JudgePanel)")
    if len(problems) > limit:
        problems[limit:] = [f"… and {len(problems) - limit} more record(s) like these"]
    return problems
