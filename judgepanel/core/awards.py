"""Award definitions: read and validate the TOML format, the built-ins, and their storage."""

from __future__ import annotations

import json
import math
import re
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.resources import resource
from judgepanel.core.store import Store
from judgepanel.core.tomlfiles import read_toml

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Scale:
    min: float = 0
    max: float = 10
    step: float = 1

    def allows(self, value: float) -> bool:
        """True when `value` is on the scale and on one of its steps (never NaN or infinity)."""
        if not math.isfinite(value):
            return False
        if value < self.min - 1e-9 or value > self.max + 1e-9:
            return False
        steps = (value - self.min) / self.step
        return abs(steps - round(steps)) < 1e-6

    def describe(self) -> str:
        step = "" if self.step == 1 else f" in steps of {_num(self.step)}"
        return f"{_num(self.min)} to {_num(self.max)}{step}"

    def as_json(self) -> dict[str, float]:
        return {"min": _num(self.min), "max": _num(self.max), "step": _num(self.step)}


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    question: str
    guidance: tuple[str, ...] = ()
    weight: float = 1.0
    word_limit: int | None = None
    scale: Scale | None = None  # None: the award's scale


@dataclass(frozen=True)
class Award:
    id: str
    name: str
    scale: Scale
    sections: tuple[Section, ...]
    organiser: str = ""
    description: str = ""
    settings: dict[str, Any] = field(default_factory=dict, compare=False)
    rounds: tuple[Any, ...] = field(default=(), compare=False)  # RoundSpec, as declared

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def scale_of(self, section: Section) -> Scale:
        return section.scale or self.scale

    def as_json(self) -> dict[str, Any]:
        """The `awards --json` shape (docs/interface.md)."""
        return {
            "id": self.id,
            "name": self.name,
            "organiser": self.organiser,
            "description": self.description,
            "scale": self.scale.as_json(),
            "sections": [
                {
                    "id": s.id,
                    "title": s.title,
                    "question": s.question,
                    "guidance": list(s.guidance),
                    "weight": s.weight,
                    "word_limit": s.word_limit,
                    "scale": self.scale_of(s).as_json(),
                }
                for s in self.sections
            ],
        }


def _num(value: float) -> float | int:
    return int(value) if float(value).is_integer() else float(value)


# ----- reading and validating -----------------------------------------------------------------


def load_award(path: Path | str) -> Award:
    """Read one award definition file, with messages that name the file and the field."""
    raw = read_toml(path, "award file")
    return award_from_dict(raw, str(path))


def award_from_dict(raw: dict[str, Any], where: str) -> Award:
    def fail(field_name: str, problem: str) -> JudgePanelError:
        return JudgePanelError(f"{where}: {field_name}: {problem}")

    award_id = _text(raw, "id", where)
    if not SLUG.match(award_id):
        raise fail("id", f"'{award_id}' must be lower-case letters, digits and hyphens")
    name = _text(raw, "name", where)
    scale = _scale(raw.get("scale", {}), "scale", where)
    sections_raw = raw.get("sections")
    if not isinstance(sections_raw, list) or not sections_raw:
        raise fail("sections", "an award needs at least one [[sections]] table")
    sections: list[Section] = []
    seen: set[str] = set()
    for number, item in enumerate(sections_raw, start=1):
        here = f"sections[{number}]"
        if not isinstance(item, dict):
            raise fail(here, "must be a table")
        section_id = _text(item, "id", where, here)
        if section_id in seen:
            raise fail(f"{here}.id", f"duplicate section id '{section_id}'")
        seen.add(section_id)
        question = _text(item, "question", where, here)
        guidance = item.get("guidance", [])
        if isinstance(guidance, str):
            guidance = [guidance]
        if not isinstance(guidance, list) or not all(isinstance(g, str) for g in guidance):
            raise fail(f"{here}.guidance", "must be a list of text")
        weight = item.get("weight", 1.0)
        if (not isinstance(weight, int | float) or isinstance(weight, bool) or weight <= 0
                or not math.isfinite(weight)):
            raise fail(f"{here}.weight", f"must be a number above 0, not {weight!r}")
        limit = item.get("word_limit")
        if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool)
                                  or limit <= 0):
            raise fail(f"{here}.word_limit", f"must be a whole number above 0, not {limit!r}")
        section_scale = (_scale(item["scale"], f"{here}.scale", where, inherit=scale)
                         if "scale" in item else None)
        sections.append(Section(
            id=section_id,
            title=str(item.get("title") or section_id),
            question=question,
            guidance=tuple(g.strip() for g in guidance if g.strip()),
            weight=float(weight),
            word_limit=limit,
            scale=section_scale,
        ))
    settings = raw.get("settings", {})
    if not isinstance(settings, dict):
        raise fail("settings", "must be a table")
    if "attachments" in raw:  # per-award limits on supporting documents: warnings only
        limits = raw["attachments"]
        if not isinstance(limits, dict) or set(limits) - {"max_files", "max_mb", "types"}:
            raise fail("attachments", "a table of max_files, max_mb and types")
        if not isinstance(limits.get("types", []), list):
            raise fail("attachments.types", "must be a list such as [\"pdf\", \"jpeg\"]")
        settings = {**settings, "attachments": limits}
    return Award(
        id=award_id,
        name=name,
        scale=scale,
        sections=tuple(sections),
        organiser=str(raw.get("organiser", "")),
        description=str(raw.get("description", "")).strip(),
        settings=settings,
        rounds=_declared_rounds(raw.get("rounds"), where),
    )


def _declared_rounds(raw: Any, where: str) -> tuple[Any, ...]:
    from judgepanel.core.round_definitions import rounds_from_dict

    return rounds_from_dict(raw, where)


def _save_declared_rounds(store: Store, award: Award) -> None:
    """Store the rounds an award file declares; rounds already in the panel are kept as
    they are (their state and entries belong to the panel, not the file)."""
    scale = {"min": award.scale.min, "max": award.scale.max, "step": award.scale.step}
    for position, spec in enumerate(award.rounds):
        if spec.sections:  # checked as an award file's own sections, on the award's scale
            award_from_dict({"id": award.id, "name": award.name, "scale": scale,
                             "sections": list(spec.sections)}, f"round {spec.id}")
        store.db.execute(
            "INSERT OR IGNORE INTO rounds(award, id, position, name, kind, sections, weight, "
            "pass_rule) VALUES (?,?,?,?,?,?,?,?)",
            [award.id, spec.id, position, spec.name, spec.kind,
             json.dumps(list(spec.sections), ensure_ascii=False) if spec.sections else "",
             spec.weight, spec.pass_rule])


def _text(raw: dict[str, Any], key: str, where: str, prefix: str = "") -> str:
    label = f"{prefix}.{key}" if prefix else key
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise JudgePanelError(f"{where}: {label}: missing or empty")
    return value.strip()


def _scale(raw: Any, label: str, where: str, inherit: Scale | None = None) -> Scale:
    """A scale table; a section's override without `step` keeps the award's step."""
    if not isinstance(raw, dict):
        raise JudgePanelError(f"{where}: {label}: must be a table with min and max")
    values: dict[str, float] = {}
    step = inherit.step if inherit else 1
    for key, default in (("min", 0), ("max", 10), ("step", step)):
        value = raw.get(key, default)
        if not isinstance(value, int | float) or isinstance(value, bool) \
                or not math.isfinite(value):
            raise JudgePanelError(f"{where}: {label}.{key}: must be a number, not {value!r}")
        values[key] = float(value)
    if values["min"] >= values["max"]:
        raise JudgePanelError(
            f"{where}: {label}: min ({_num(values['min'])}) must be below max "
            f"({_num(values['max'])})")
    if values["step"] <= 0 or values["step"] > values["max"] - values["min"]:
        raise JudgePanelError(f"{where}: {label}.step: must be above 0 and fit the scale")
    return Scale(values["min"], values["max"], values["step"])


# ----- built-ins ------------------------------------------------------------------------------


def builtin_awards() -> list[Award]:
    """The awards transcribed from the seed entry forms, in a stable order."""
    folder = resource("awards")
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".toml"))
    awards = []
    for name in names:
        text = folder.joinpath(name).read_text(encoding="utf-8")
        awards.append(award_from_dict(tomllib.loads(text), f"built-in award {name}"))
    return sorted(awards, key=lambda a: a.settings.get("order", 0))


def resolve_award(spec: str) -> Award:
    """A built-in id or the path to an award TOML file."""
    for award in builtin_awards():
        if award.id == spec:
            return award
    path = Path(spec)
    if path.suffix.lower() == ".toml" or path.exists():
        return load_award(path)
    known = ", ".join(a.id for a in builtin_awards())
    raise JudgePanelError(f"unknown award '{spec}': use a built-in id ({known}) or a .toml file")


# ----- storage --------------------------------------------------------------------------------


def save_award(store: Store, award: Award) -> None:
    """Add or replace an award's definition in a panel (sections not in it are removed)."""
    with store.transaction():
        position = store.db.execute("SELECT COUNT(*) FROM awards WHERE id != ?",
                                    [award.id]).fetchone()[0]
        store.db.execute(
            "INSERT INTO awards(id, name, organiser, description, scale_min, scale_max, "
            "scale_step, position, settings) VALUES (?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT(id) DO UPDATE SET name=excluded.name, organiser=excluded.organiser, "
            "description=excluded.description, scale_min=excluded.scale_min, "
            "scale_max=excluded.scale_max, scale_step=excluded.scale_step, "
            "settings=excluded.settings",
            [award.id, award.name, award.organiser, award.description, award.scale.min,
             award.scale.max, award.scale.step, position,
             json.dumps(award.settings, ensure_ascii=False)],
        )
        keep = [s.id for s in award.sections]
        marks = ",".join("?" * len(keep))
        store.db.execute(f"DELETE FROM sections WHERE award = ? AND id NOT IN ({marks})",
                         [award.id, *keep])
        for position, section in enumerate(award.sections):
            scale = section.scale
            store.db.execute(
                "INSERT OR REPLACE INTO sections(award, id, position, title, question, "
                "guidance, weight, word_limit, scale_min, scale_max, scale_step) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [award.id, section.id, position, section.title, section.question,
                 json.dumps(list(section.guidance), ensure_ascii=False), section.weight,
                 section.word_limit, scale.min if scale else None,
                 scale.max if scale else None, scale.step if scale else None],
            )
        if award.rounds:
            _save_declared_rounds(store, award)


def panel_awards(store: Store) -> list[Award]:
    """Every award in a panel or pack, in the order they were added."""
    sections: dict[str, list[Section]] = {}
    for row in store.rows("SELECT * FROM sections ORDER BY award, position"):
        scale = (Scale(row["scale_min"], row["scale_max"], row["scale_step"] or 1)
                 if row["scale_min"] is not None else None)
        sections.setdefault(row["award"], []).append(Section(
            id=row["id"], title=row["title"], question=row["question"],
            guidance=tuple(json.loads(row["guidance"])), weight=row["weight"],
            word_limit=row["word_limit"], scale=scale,
        ))
    return [
        Award(
            id=row["id"], name=row["name"], organiser=row["organiser"],
            description=row["description"],
            scale=Scale(row["scale_min"], row["scale_max"], row["scale_step"]),
            sections=tuple(sections.get(row["id"], [])),
            settings=json.loads(row["settings"]),
        )
        for row in store.rows("SELECT * FROM awards ORDER BY position, id")
    ]


def panel_award(store: Store, award_id: str) -> Award:
    for award in panel_awards(store):
        if award.id == award_id:
            return award
    known = ", ".join(a.id for a in panel_awards(store)) or "none"
    place = "this pack" if store.kind == "pack" else "this panel"
    raise JudgePanelError(f"{store.path}: no award '{award_id}' in {place} (it has: {known})")


def award_to_toml(award: Award) -> str:
    """Write an award back out in the TOML format it was read from."""
    lines = [f"id = {_toml(award.id)}", f"name = {_toml(award.name)}"]
    if award.organiser:
        lines.append(f"organiser = {_toml(award.organiser)}")
    if award.description:
        lines.append(f"description = {_toml(award.description)}")
    scale = asdict(award.scale)
    lines += ["", "[scale]"] + [f"{k} = {_num(v)}" for k, v in scale.items()]
    for section in award.sections:
        lines += ["", "[[sections]]", f"id = {_toml(section.id)}",
                  f"title = {_toml(section.title)}", f"question = {_toml(section.question)}",
                  "guidance = [" + ", ".join(_toml(g) for g in section.guidance) + "]",
                  f"weight = {section.weight}"]
        if section.word_limit:
            lines.append(f"word_limit = {section.word_limit}")
        if section.scale:
            s = section.scale
            lines.append(f"scale = {{ min = {_num(s.min)}, max = {_num(s.max)}, "
                         f"step = {_num(s.step)} }}")
    return "\n".join(lines) + "\n"


def _toml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)
