"""The judges of a panel: add, edit, remove, find by name."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.store import Store, now

ROLES = ("judge", "chair")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")


def check_email(email: str) -> str:
    """The address trimmed, or a refusal: a typo here sends a judge's pack nowhere."""
    email = email.strip()
    if email and not EMAIL.match(email):
        raise JudgePanelError(f"e-mail '{email}' is not an e-mail address (name@example.org)")
    return email


@dataclass(frozen=True)
class Judge:
    id: int
    name: str
    email: str
    role: str


def add_judge(store: Store, name: str, email: str = "", role: str = "judge",
              who: str = "") -> Judge:
    name = " ".join(name.split())
    if not name:
        raise JudgePanelError("a judge needs a name")
    if role not in ROLES:
        raise JudgePanelError(f"role must be one of {', '.join(ROLES)}, not '{role}'")
    email = check_email(email)
    if find_judge(store, name, required=False):
        raise JudgePanelError(f"{store.path}: there is already a judge called '{name}'")
    with store.transaction():
        cursor = store.db.execute(
            "INSERT INTO judges(name, email, role, pack_key, created_at) VALUES (?,?,?,?,?)",
            [name, email.strip(), role, secrets.token_hex(32), now()])
        store.audit("judge added", {"judge": name, "email": email, "role": role}, who)
    return Judge(int(cursor.lastrowid or 0), name, email.strip(), role)


def edit_judge(store: Store, judge: Judge, name: str | None = None, email: str | None = None,
               role: str | None = None, who: str = "") -> Judge:
    new = Judge(judge.id, " ".join((name or judge.name).split()),
                judge.email if email is None else check_email(email), role or judge.role)
    if new.role not in ROLES:
        raise JudgePanelError(f"role must be one of {', '.join(ROLES)}, not '{new.role}'")
    other = find_judge(store, new.name, required=False)
    if other and other.id != judge.id:
        raise JudgePanelError(f"there is already a judge called '{new.name}'")
    with store.transaction():
        store.db.execute("UPDATE judges SET name=?, email=?, role=? WHERE id=?",
                         [new.name, new.email, new.role, judge.id])
        store.audit("judge edited", {"judge": judge.name, "name": new.name,
                                     "email": new.email, "role": new.role}, who)
    return new


def remove_judge(store: Store, judge: Judge, who: str = "") -> None:
    """Remove a judge who has no scores yet; a judge with scores stays on the record."""
    scored = store.db.execute("SELECT COUNT(*) FROM scores WHERE judge = ?",
                              [judge.id]).fetchone()[0]
    if scored:
        raise JudgePanelError(
            f"'{judge.name}' has {scored} scores in this panel and cannot be removed")
    with store.transaction():
        store.db.execute("DELETE FROM judges WHERE id = ?", [judge.id])
        store.audit("judge removed", {"judge": judge.name}, who)


def list_judges(store: Store) -> list[Judge]:
    return [Judge(r["id"], r["name"], r["email"], r["role"])
            for r in store.rows("SELECT id, name, email, role FROM judges ORDER BY id")]


def find_judge(store: Store, name: str, required: bool = True) -> Judge | None:
    """A judge by name, ignoring case and repeated spaces."""
    wanted = " ".join(name.split()).casefold()
    for judge in list_judges(store):
        if judge.name.casefold() == wanted:
            return judge
    if required:
        known = ", ".join(j.name for j in list_judges(store)) or "none yet"
        raise JudgePanelError(f"{store.path}: no judge called '{name}' (judges: {known})")
    return None
