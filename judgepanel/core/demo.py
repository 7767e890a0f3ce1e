"""The built-in demo: a panel that has been through the whole loop, so every screen has data.

Fictional entries are imported from the bundled exports, five fictional judges get packs,
score them the way real judges do (each with their own leniency, some comments, one declared
conflict), the packs are merged back and the chair records placements. Everything goes
through the same core functions the application and the command line use.
"""

from __future__ import annotations

import random
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from judgepanel.core.assignment import auto_assign
from judgepanel.core.awards import builtin_awards, panel_awards
from judgepanel.core.conflicts import record_conflict
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.importing import import_file
from judgepanel.core.judges import add_judge, find_judge, list_judges
from judgepanel.core.merge import merge_packs
from judgepanel.core.moderation import decide
from judgepanel.core.packs import make_packs, open_pack
from judgepanel.core.panel import create_panel, open_panel
from judgepanel.core.ranking import rank_award
from judgepanel.core.resources import resource, resource_path
from judgepanel.core.scoring import Judging
from judgepanel.core.store import Store

DEMO_TITLE = "NHS Leadership Awards 2026 (demonstration)"
DEMO_FILE = "demo.judgepanel"
COORDINATOR = "Demo coordinator"
PLACES = ("winner", "highly-commended", "finalist", "finalist")
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class DemoJudge:
    name: str
    email: str
    role: str
    leniency: float


def demo_judges() -> tuple[list[DemoJudge], dict[str, dict[str, list[str]]]]:
    """The fictional judges and the comment bank (band -> section -> comments)."""
    raw = tomllib.loads(resource("demo", "judges.toml").read_text(encoding="utf-8"))
    judges = [DemoJudge(j["name"], j.get("email", ""), j.get("role", "judge"),
                        float(j.get("leniency", 0))) for j in raw["judges"]]
    return judges, raw.get("comments", {})


def build_demo(folder: Path | str, progress: Progress | None = None,
               overwrite: bool = True) -> Path:
    """Build the demo panel in `folder` and return its path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / DEMO_FILE
    packs = folder / "packs"
    if path.exists():
        if not overwrite:
            raise JudgePanelError(f"{path}: already exists")
        for stale in [path, *packs.glob("*.judgepack"),
                      *folder.glob(DEMO_FILE + "-*")]:
            stale.unlink(missing_ok=True)
    report = progress or (lambda done, total, text: None)
    judges, comments = demo_judges()

    report(0, 6, "Creating the panel")
    with create_panel(path, DEMO_TITLE, builtin_awards(), who=COORDINATOR) as panel:
        report(1, 6, "Importing the entries")
        for award in panel_awards(panel):
            export = resource_path("demo", f"{award.id}.csv")
            if export.exists():
                import_file(panel, export, award=award.id)
        for judge in judges:
            add_judge(panel, judge.name, judge.email, judge.role, who=COORDINATOR)
        report(2, 6, "Assigning entries")
        _first_conflict(panel)
        for award in panel_awards(panel):
            auto_assign(panel, award.id, per_entry=3, seed=2026, who=COORDINATOR)
        packs.mkdir(exist_ok=True)
        report(3, 6, "Writing the judges' packs")
        written = make_packs(panel, list_judges(panel), packs)

    report(4, 6, "Scoring in the packs")
    leniency = {j.name: j.leniency for j in judges}
    for number, summary in enumerate(written):
        _score_pack(summary.path, leniency.get(summary.judge, 0.0), comments, number)

    report(5, 6, "Merging the returned packs and recording decisions")
    with open_panel(path) as panel:
        merge_packs(panel, [s.path for s in written], who=COORDINATOR)
        chair = next((j.name for j in judges if j.role == "chair"), COORDINATOR)
        for award in panel_awards(panel):
            ranking = rank_award(panel, award.id)
            ranked = [e for e in ranking.entries if e.rank is not None]
            for place, entry in zip(PLACES, ranked, strict=False):
                decide(panel, entry.entry, place,
                       f"Agreed by the panel: ranked {entry.rank} of {len(ranked)} "
                       f"on the {ranking.method} method; no objection raised.", who=chair)
    report(6, 6, "Done")
    return path


def _first_conflict(panel: Store) -> None:
    """One coordinator-recorded conflict, as a real panel would have."""
    judges = list_judges(panel)
    first = panel.rows("SELECT id FROM entries ORDER BY id LIMIT 1")
    if len(judges) > 1 and first:
        judge = find_judge(panel, judges[1].name)
        assert judge is not None
        record_conflict(panel, judge, first[0]["id"],
                        "Worked with the nominee's team in 2024", who=COORDINATOR)


def _quality(text: str) -> float:
    """A fictional entry's underlying quality: specific, measured answers score higher."""
    words = len(text.split())
    numbers = len(re.findall(r"\d", text))
    return min(9.0, 2.5 + min(words, 450) / 110 + min(numbers, 30) / 10)


def _score_pack(path: Path, leniency: float, comments: dict[str, dict[str, list[str]]],
                number: int) -> None:
    rng = random.Random(f"judgepanel-demo-{number}")
    with open_pack(path) as pack:
        judging = Judging.for_pack(pack)
        entries = pack.rows("SELECT e.id, e.award FROM entries e ORDER BY e.id")
        awards = {a.id: a for a in panel_awards(pack)}
        for index, entry in enumerate(entries):
            if number == 2 and index == 1:
                judging.declare_conflict(entry["id"], "I mentored the nominee last year")
                continue
            answers = {r["section"]: r["text"] for r in pack.rows(
                "SELECT section, text FROM answers WHERE entry = ?", [entry["id"]])}
            award = awards[entry["award"]]
            for section in award.sections:
                scale = award.scale_of(section)
                base = _quality(answers.get(section.id, "")) if answers.get(section.id) else 1
                value = round(base + leniency + rng.gauss(0, 0.9))
                value = max(scale.min, min(scale.max, value))
                band = "high" if value >= 7 else "low" if value <= 3 else "middle"
                bank = comments.get(band, {}).get(section.id, [])
                comment = rng.choice(bank) if bank and rng.random() < 0.8 else ""
                judging.set_score(entry["id"], section.id, value, comment)
            judging.set_review(entry["id"], comment="", complete=True)
