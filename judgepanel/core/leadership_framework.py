"""The Systems Leadership Development Framework as built-in data for evidence tags.

Judges tag the behaviours an entry evidences (ids such as ``RC-3.1``); the ranked report shows
how an entry's evidence covers the four domains. The framework ships as
``resources/framework.toml`` so its wording stays word for word with the seed documents.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.resources import resource

TAG = re.compile(r"^[A-Z]{2}-\d+\.\d+$")
ROLE_ID = re.compile(r"^[A-Z]{2}-\d+$")
DOMAIN_ID = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True)
class Behaviour:
    """One behaviour a judge can tag as evidenced; `id` is the stored tag."""

    id: str
    text: str
    role_id: str
    domain_id: str


@dataclass(frozen=True)
class Role:
    """A leadership role (a table row) and the behaviours that demonstrate it."""

    id: str
    role: str
    behaviours: tuple[Behaviour, ...]


@dataclass(frozen=True)
class Domain:
    id: str
    name: str
    description: str
    roles: tuple[Role, ...]

    @property
    def behaviours(self) -> tuple[Behaviour, ...]:
        return tuple(b for role in self.roles for b in role.behaviours)


@dataclass(frozen=True)
class Framework:
    domains: tuple[Domain, ...]

    @property
    def behaviours(self) -> tuple[Behaviour, ...]:
        """Every behaviour in table order: the order a tag picker lists them."""
        return tuple(b for domain in self.domains for b in domain.behaviours)

    def behaviour(self, tag_id: str) -> Behaviour:
        """The behaviour behind an evidence tag; a clear error for an unknown tag."""
        for item in self.behaviours:
            if item.id == tag_id:
                return item
        raise JudgePanelError(
            f"unknown framework behaviour '{tag_id}' (tags look like 'RC-3.1')")

    def domain(self, domain_id: str) -> Domain:
        for domain in self.domains:
            if domain.id == domain_id:
                return domain
        raise JudgePanelError(f"unknown framework domain '{domain_id}'")

    def role(self, role_id: str) -> Role:
        for domain in self.domains:
            for role in domain.roles:
                if role.id == role_id:
                    return role
        raise JudgePanelError(f"unknown framework role '{role_id}'")

    def domain_coverage(self, tags: Iterable[str]) -> dict[str, int]:
        """Distinct behaviours evidenced in each domain, every domain listed (zero included).

        A tag given twice (two judges, or two sections) counts once: coverage is about the
        breadth of evidence, not how often it was noticed.
        """
        counts = {domain.name: 0 for domain in self.domains}
        for tag_id in sorted(set(tags)):
            item = self.behaviour(tag_id)
            counts[self.domain(item.domain_id).name] += 1
        return counts

    def as_json(self) -> dict[str, Any]:
        """A plain shape for packs, the GUI and `--json` output."""
        return {"domains": [
            {"id": d.id, "name": d.name, "description": d.description,
             "roles": [{"id": r.id, "role": r.role,
                        "behaviours": [{"id": b.id, "text": b.text} for b in r.behaviours]}
                       for r in d.roles]}
            for d in self.domains
        ]}


# ----- reading --------------------------------------------------------------------------------


def load_framework(path: Path | str | None = None) -> Framework:
    """The built-in framework, or one read from `path`, validated with file-and-field errors."""
    if path is None:
        return _builtin()
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise JudgePanelError(f"{path}: no such framework file") from exc
    except UnicodeDecodeError as exc:
        raise JudgePanelError(f"{path}: not UTF-8 text ({exc})") from exc
    return framework_from_text(text, str(path))


@cache
def _builtin() -> Framework:
    text = resource("framework.toml").read_text(encoding="utf-8")
    return framework_from_text(text, "built-in framework.toml")


def framework_from_text(text: str, where: str) -> Framework:
    """Parse and validate framework TOML; `where` names the source in every message."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise JudgePanelError(f"{where}: not valid TOML ({exc})") from exc
    domains_raw = raw.get("domains")
    if not isinstance(domains_raw, list) or not domains_raw:
        raise JudgePanelError(f"{where}: domains: needs at least one [[domains]] table")
    seen: set[str] = set()
    domains = [_domain(item, f"domains[{n}]", where, seen)
               for n, item in enumerate(domains_raw, start=1)]
    return Framework(tuple(domains))


def _domain(raw: Any, here: str, where: str, seen: set[str]) -> Domain:
    if not isinstance(raw, dict):
        raise JudgePanelError(f"{where}: {here}: must be a table")
    domain_id = _id(raw, here, where, DOMAIN_ID, seen)
    roles_raw = raw.get("roles")
    if not isinstance(roles_raw, list) or not roles_raw:
        raise JudgePanelError(f"{where}: {here}.roles: a domain needs at least one role")
    roles = []
    for n, role_raw in enumerate(roles_raw, start=1):
        at = f"{here}.roles[{n}]"
        if not isinstance(role_raw, dict):
            raise JudgePanelError(f"{where}: {at}: must be a table")
        role_id = _id(role_raw, at, where, ROLE_ID, seen)
        _prefixed(role_id, domain_id, at, where)
        items = role_raw.get("behaviours")
        if not isinstance(items, list) or not items:
            raise JudgePanelError(f"{where}: {at}.behaviours: a role needs at least one")
        behaviours = []
        for m, item in enumerate(items, start=1):
            spot = f"{at}.behaviours[{m}]"
            if not isinstance(item, dict):
                raise JudgePanelError(f"{where}: {spot}: must be {{ id = …, text = … }}")
            tag_id = _id(item, spot, where, TAG, seen)
            _prefixed(tag_id, role_id + ".", spot, where)
            behaviours.append(Behaviour(tag_id, _text(item, "text", spot, where), role_id,
                                        domain_id))
        roles.append(Role(role_id, _text(role_raw, "role", at, where), tuple(behaviours)))
    return Domain(domain_id, _text(raw, "name", here, where),
                  str(raw.get("description", "")).strip(), tuple(roles))


def _id(raw: dict[str, Any], here: str, where: str, shape: re.Pattern[str],
        seen: set[str]) -> str:
    value = _text(raw, "id", here, where)
    if not shape.match(value):
        raise JudgePanelError(f"{where}: {here}.id: '{value}' is not a valid id")
    if value in seen:
        raise JudgePanelError(f"{where}: {here}.id: duplicate id '{value}'")
    seen.add(value)
    return value


def _prefixed(value: str, prefix: str, here: str, where: str) -> None:
    if not value.startswith(prefix if prefix.endswith(".") else prefix + "-"):
        raise JudgePanelError(f"{where}: {here}.id: '{value}' must start with '{prefix}'")


def _text(raw: dict[str, Any], key: str, here: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise JudgePanelError(f"{where}: {here}.{key}: missing or empty")
    return " ".join(value.split())


# ----- conveniences over the built-in framework ----------------------------------------------


def behaviour(tag_id: str) -> Behaviour:
    """The built-in framework's behaviour for an evidence tag."""
    return load_framework().behaviour(tag_id)


def domain_coverage(tags: Iterable[str]) -> dict[str, int]:
    """Distinct behaviours evidenced per domain name, over the built-in framework."""
    return load_framework().domain_coverage(tags)
