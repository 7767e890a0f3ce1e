"""Judging rounds as an award file declares them: `[[rounds]]` with an id, a name, a kind,
sections of their own (a later scored or consensus round), a weight for the final combination
and, for a qualifying round, the rule that decides who goes through.

An award with no `[[rounds]]` is one scored round with the award's own sections. The first
round always judges with the award's sections; a later round may bring its own. docs/rounds.md
describes the whole path.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from judgepanel.core.errors import JudgePanelError

KINDS = ("scored", "qualifying", "consensus")
KIND_LABELS = {"scored": "Scored", "qualifying": "Qualifying (pass or fail)",
               "consensus": "Consensus (agreed in the room)"}
ROUND_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
FIRST_ROUND_ID = "judging"  # the one round of an award that declares none
FIRST_ROUND_NAME = "Judging"


@dataclass(frozen=True)
class RoundSpec:
    """One round as declared; `sections` holds raw [[sections]] tables (None: the award's)."""

    id: str
    name: str
    kind: str = "scored"
    sections: tuple[dict[str, Any], ...] | None = None
    weight: float | None = None
    pass_rule: str = ""


def check_pass_rule(rule: str, where: str) -> str:
    """`all`, `majority`, or a whole number N above 0 (at least N passes)."""
    text = str(rule).strip().lower()
    if text in ("all", "majority") or (text.isdigit() and int(text) > 0):
        return text
    raise JudgePanelError(f"{where}: pass_rule: must be all, majority or a whole number of "
                          f"passes above 0, not {rule!r}")


def check_round(spec: RoundSpec, where: str, first: bool) -> RoundSpec:
    """Refuse a round that cannot be judged, naming the field."""
    if not ROUND_ID.match(spec.id):
        raise JudgePanelError(f"{where}: id: '{spec.id}' must be lower-case letters, digits and "
                              "hyphens (up to 40)")
    if not spec.name.strip():
        raise JudgePanelError(f"{where}: name: missing or empty")
    if spec.kind not in KINDS:
        raise JudgePanelError(f"{where}: kind: must be one of {', '.join(KINDS)}, "
                              f"not {spec.kind!r}")
    if spec.weight is not None and (not math.isfinite(spec.weight) or spec.weight <= 0):
        raise JudgePanelError(f"{where}: weight: must be a number above 0, not {spec.weight!r}")
    if spec.kind == "qualifying":
        if spec.weight is not None:
            raise JudgePanelError(f"{where}: weight: a qualifying round gives passes, not a "
                                  "score, so it cannot be weighted in the final result")
        if spec.sections:
            raise JudgePanelError(f"{where}: sections: a qualifying round is pass or fail; "
                                  "it has no sections")
        return RoundSpec(spec.id, spec.name.strip(), spec.kind, None, None,
                         check_pass_rule(spec.pass_rule or "majority", where))
    if spec.pass_rule:
        raise JudgePanelError(f"{where}: pass_rule: only a qualifying round has one")
    if first and spec.sections:
        raise JudgePanelError(f"{where}: sections: the first round judges with the award's "
                              "own [[sections]]; give sections to a later round")
    return spec


def rounds_from_dict(raw: Any, where: str) -> tuple[RoundSpec, ...]:
    """The `[[rounds]]` tables of an award file, checked (empty: one scored round)."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise JudgePanelError(f"{where}: rounds: must be a list of [[rounds]] tables")
    found: list[RoundSpec] = []
    seen: set[str] = set()
    for number, item in enumerate(raw, start=1):
        here = f"{where}: rounds[{number}]"
        if not isinstance(item, dict):
            raise JudgePanelError(f"{here}: must be a table")
        sections = item.get("sections")
        if sections is not None and (not isinstance(sections, list) or not sections
                                     or not all(isinstance(s, dict) for s in sections)):
            raise JudgePanelError(f"{here}: sections: must be [[rounds.sections]] tables")
        weight = item.get("weight")
        if weight is not None and (isinstance(weight, bool)
                                   or not isinstance(weight, int | float)):
            raise JudgePanelError(f"{here}: weight: must be a number above 0, not {weight!r}")
        spec = check_round(RoundSpec(
            id=str(item.get("id", "")).strip(), name=str(item.get("name", "")),
            kind=str(item.get("kind", "scored")),
            sections=tuple(sections) if sections else None,
            weight=None if weight is None else float(weight),
            pass_rule=str(item.get("pass_rule", ""))), here, first=not found)
        if spec.id in seen:
            raise JudgePanelError(f"{here}: id: duplicate round id '{spec.id}'")
        seen.add(spec.id)
        found.append(spec)
    return tuple(found)
