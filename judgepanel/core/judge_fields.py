"""What judges see: per award, the entry fields that never go into a judge's pack.

The coordinator hides, say, the nominee's e-mail and phone, or the nominee's name and
organisation for anonymised judging (the entry is then shown by its id and title). The
choice is kept in the panel (meta ``judge_fields:AWARD``), shown on the Entries page and
recorded in the audit log; the panel itself keeps every field, so the report, feedback and
certificates still use them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.store import Store

STANDARD_FIELDS = ("nominee", "organisation")


@dataclass(frozen=True)
class JudgeFields:
    """One award's fields and which of them judges do not see."""

    award: str
    fields: list[str]
    hidden: list[str]

    @property
    def shown(self) -> list[str]:
        return [name for name in self.fields if name not in self.hidden]

    def as_json(self) -> dict[str, Any]:
        return {"award": self.award, "fields": self.fields, "hidden": self.hidden,
                "shown": self.shown}


def _meta_key(award: str) -> str:
    return f"judge_fields:{award}"


def hidden_fields(panel: Store, award: str) -> list[str]:
    """The fields of `award` kept out of judges' packs (none unless the coordinator chose)."""
    text = panel.meta(_meta_key(award))
    return list(json.loads(text)) if text else []


def award_fields(panel: Store, award: str) -> list[str]:
    """Every field an entry of `award` has: nominee, organisation, then the extra fields."""
    extra: dict[str, None] = {}
    for (text,) in panel.db.execute("SELECT fields FROM entries WHERE award = ? ORDER BY id",
                                    [award]).fetchall():
        for name in json.loads(text or "{}"):
            extra.setdefault(str(name), None)
    return [*STANDARD_FIELDS, *sorted(extra, key=str.casefold)]


def judge_fields(panel: Store, award: str) -> JudgeFields:
    """The award's fields and the hidden ones; an unknown award is refused."""
    _check_award(panel, award)
    return JudgeFields(award, award_fields(panel, award), hidden_fields(panel, award))


def choose_judge_fields(panel: Store, award: str, hide: list[str], show: list[str],
                        who: str = "") -> JudgeFields:
    """Hide and show fields for judges of `award`; recorded in the audit log when it changes.

    Names match the award's fields ignoring case; a name no entry has is refused, naming
    the fields there are. Packs made from now on follow the choice.
    """
    _check_award(panel, award)
    fields = award_fields(panel, award)
    by_fold = {name.casefold(): name for name in fields}

    def known(name: str) -> str:
        found = by_fold.get(name.strip().casefold())
        if found is None:
            raise JudgePanelError(f"{panel.path}: award {award} has no field {name!r}; its "
                                  f"fields are {', '.join(fields)}")
        return found

    hidden = hidden_fields(panel, award)
    for name in hide:
        if known(name) not in hidden:
            hidden.append(known(name))
    shown = {known(name) for name in show}
    hidden = [name for name in hidden if name not in shown]
    if hidden != hidden_fields(panel, award):
        with panel.transaction():
            panel.set_meta(_meta_key(award), json.dumps(hidden, ensure_ascii=False))
            panel.audit("judge fields chosen", {"award": award, "hidden": hidden}, who)
    return JudgeFields(award, fields, hidden)


def entry_for_judges(row: dict[str, Any], hidden: list[str]) -> dict[str, Any]:
    """An entries row with the hidden fields emptied (before it is written to a pack)."""
    if not hidden:
        return row
    row = dict(row)
    for name in STANDARD_FIELDS:
        if name in hidden:
            row[name] = ""
    fields = json.loads(row.get("fields") or "{}")
    row["fields"] = json.dumps({k: v for k, v in fields.items() if k not in hidden},
                               ensure_ascii=False)
    return row


def _check_award(panel: Store, award: str) -> None:
    if panel.db.execute("SELECT 1 FROM awards WHERE id = ?", [award]).fetchone() is None:
        raise JudgePanelError(f"{panel.path}: no award {award!r} in this panel")
