"""The built-in demo: a panel that has been through the whole loop, so every screen has data.

Fictional entries are imported from the bundled exports, five fictional judges get packs,
score them the way real judges do (each with their own leniency, some comments, one declared
conflict), the packs are merged back and the chair records placements. One award is judged
in two rounds: the written round shortlists six finalists (promoted with a reason, the round
closed), who present to the panel in a consensus final whose agreed scores the chair
recorded in the room, and its placements follow the final. Everything goes through the same
core functions the application and the command line use.
"""

from __future__ import annotations

import random
import tomllib
from dataclasses import dataclass
from pathlib import Path

from judgepanel.core.assignment import auto_assign
from judgepanel.core.awards import builtin_awards, panel_awards
from judgepanel.core.conflicts import record_conflict
from judgepanel.core.consensus import record_consensus
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.importing import import_file
from judgepanel.core.judges import add_judge, list_judges
from judgepanel.core.leadership_framework import load_framework
from judgepanel.core.merge import merge_packs
from judgepanel.core.moderation import decide
from judgepanel.core.packs import make_packs, open_pack
from judgepanel.core.panel import create_panel, open_panel
from judgepanel.core.progress import Progress
from judgepanel.core.promotion import promote
from judgepanel.core.ranking import rank_award
from judgepanel.core.resources import resource, resource_path
from judgepanel.core.round_definitions import FIRST_ROUND_ID, RoundSpec
from judgepanel.core.round_results import round_result
from judgepanel.core.rounds import add_round, close_round
from judgepanel.core.scoring import Judging
from judgepanel.core.store import Store

DEMO_TITLE = "NHS Leadership Awards 2026 (demonstration)"
DEMO_FILE = "demo.judgepanel"
COORDINATOR = "Demo coordinator"
PLACES = ("winner", "highly-commended", "finalist", "finalist")
UNFINISHED_JUDGE = 4  # the fifth pack comes back with two entries not finished
# The award judged in two rounds: the written round shortlists six finalists, who present
# to the panel; the panel agrees their scores in the room (docs/rounds.md).
TWO_ROUNDS = "service-improvement-innovation"
FINAL_ROUND = "final"
FINALISTS = 6
FINAL_SECTION_TITLES = (
    ("talk", "Presentation to the panel"),
    ("answers", "Answers to the panel's questions"))
FINAL_SECTIONS = (
    {"id": "talk", "title": "Presentation to the panel",
     "question": "How clearly did the finalist show the improvement, the evidence for it "
                 "and how they led it, in their ten-minute presentation?"},
    {"id": "answers", "title": "Answers to the panel's questions",
     "question": "How well did the finalist answer the panel's questions on sustainability, "
                 "spread and what they would do differently?"})
# The panel's agreed (presentation, answers) for the finalists in their written order: the
# runner-up of the written round wins the final, as happens when the room sees more.
FINAL_SCORES = ((9, 8), (9, 9), (8, 8), (7, 8), (7, 6), (6, 6))
# The late nominations (_late_nominations), so the shortlist is drawn from fourteen: their
# simulated scores, comments and tags come from streams of their own, so every other entry's
# are exactly as they were (and the other awards rank byte for byte as before).
SHORTLIST_ADDITIONS = frozenset(f"SII-{number}" for number in range(209, 215))
FINAL_NOTES = (
    "A compelling account of the improvement; the panel wanted more on how the gains will "
    "be sustained once the project funding ends.",
    "The most convincing presentation of the day: partners spoke alongside the nominee and "
    "every question was answered with evidence.",
    "Clear and candid about what did not work; measured results are still early.",
    "Strong on working with patients; the answers on spreading the model were less "
    "convincing.",
    "Enthusiastic presentation; the evidence of impact beyond the first site is thin.",
    "A promising start, told well; the panel would like to see it again next year.",
)


@dataclass(frozen=True)
class DemoJudge:
    name: str
    email: str
    role: str
    leniency: float
    noise: float


@dataclass(frozen=True)
class DemoScript:
    """How the fictional judges behave: who they are, how good each entry is, what they say."""

    judges: list[DemoJudge]
    merit: dict[str, float]
    comments: dict[str, dict[str, dict[str, list[str]]]]  # award -> section -> band -> notes
    blank: list[str]


def demo_script() -> DemoScript:
    raw = tomllib.loads(resource("demo", "judges.toml").read_text(encoding="utf-8"))
    merit = tomllib.loads(resource("demo", "merit.toml").read_text(encoding="utf-8"))
    judges = [DemoJudge(j["name"], j.get("email", ""), j.get("role", "judge"),
                        float(j.get("leniency", 0)), float(j.get("noise", 0.7)))
              for j in raw["judges"]]
    return DemoScript(judges, {k: float(v) for k, v in merit["merit"].items()},
                      raw.get("comments", {}), list(raw.get("blank", [])))


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
    script = demo_script()
    judges = script.judges

    report(0, 6, "Creating the panel")
    with create_panel(path, DEMO_TITLE, builtin_awards(), who=COORDINATOR) as panel:
        report(1, 6, "Importing the entries")
        for award in panel_awards(panel):
            # Shipped with every built-in award: a missing file fails here, naming it.
            import_file(panel, resource_path("demo", f"{award.id}.csv"), award=award.id)
        _add_documents(panel)
        for judge in judges:
            add_judge(panel, judge.name, judge.email, judge.role, who=COORDINATOR)
        report(2, 6, "Assigning entries")
        _first_conflict(panel)
        for award in panel_awards(panel):
            auto_assign(panel, award.id, per_entry=3, seed=2026, who=COORDINATOR)
        _late_nominations(panel)
        packs.mkdir(exist_ok=True)
        report(3, 6, "Writing the judges' packs")
        written = make_packs(panel, list_judges(panel), packs)

    report(4, 6, "Scoring in the packs")
    by_name = {j.name: j for j in judges}
    for number, summary in enumerate(written):
        _score_pack(summary.path, by_name[summary.judge], script, number)

    report(5, 6, "Merging the returned packs, the final in the room and the decisions")
    with open_panel(path) as panel:
        merge_packs(panel, [s.path for s in written], who=COORDINATOR)
        chair = next((j.name for j in judges if j.role == "chair"), COORDINATOR)
        _final_round(panel, script, chair)
        for award in panel_awards(panel):
            if award.id == TWO_ROUNDS:
                continue  # placed after its final (_final_round)
            ranking = rank_award(panel, award.id)
            ranked = [e for e in ranking.entries if e.rank is not None]
            for place, entry in zip(PLACES, ranked, strict=False):
                decide(panel, entry.entry, place,
                       f"Agreed by the panel: ranked {entry.rank} of {len(ranked)} "
                       f"on the {ranking.method} method; no objection raised.", who=chair)
    report(6, 6, "Done")
    return path


def _late_nominations(panel: Store) -> None:
    """The two-round award's six late nominations (its entry deadline was extended), in a
    second export: imported after the first assignment and topped up to three judges each,
    which leaves every earlier assignment as it was, so fourteen are shortlisted."""
    late = resource_path("demo", f"{TWO_ROUNDS}-late.csv")
    import_file(panel, late, award=TWO_ROUNDS, who=COORDINATOR)
    auto_assign(panel, TWO_ROUNDS, per_entry=3, seed=2026, who=COORDINATOR)


def _final_round(panel: Store, script: DemoScript, chair: str) -> None:
    """One award judged in two rounds: the written round shortlists, the round is closed,
    the top six are promoted with a reason, the panel agrees a score per section for each
    finalist in the room (a consensus final with sections of its own), and the placements
    follow the final: winner, highly commended, and the other finalists."""
    add_round(panel, TWO_ROUNDS, RoundSpec(FINAL_ROUND, "Final", "consensus", FINAL_SECTIONS),
              who=COORDINATOR)
    close_round(panel, TWO_ROUNDS, FIRST_ROUND_ID, who=chair)
    reason = ("The panel's shortlist: the six strongest written nominations, invited to "
              "present to the panel")
    try:
        promote(panel, TWO_ROUNDS, FINAL_ROUND, reason, who=chair, top=FINALISTS)
    except JudgePanelError:  # a tie across the cut-off: the chair names the six instead
        ranked = [x.entry for x in round_result(panel, TWO_ROUNDS, FIRST_ROUND_ID).lines
                  if x.rank is not None][:FINALISTS]
        promote(panel, TWO_ROUNDS, FINAL_ROUND, reason, who=chair, entries=ranked)
    written = {x.entry: x.rank or 0 for x in round_result(panel, TWO_ROUNDS,
                                                            FIRST_ROUND_ID).lines}
    finalists = sorted((x.entry for x in round_result(panel, TWO_ROUNDS, FINAL_ROUND).lines),
                       key=lambda entry: written[entry])
    for number, entry in enumerate(finalists):
        agreed = FINAL_SCORES[number % len(FINAL_SCORES)]
        for (section, _title), value in zip(FINAL_SECTION_TITLES, agreed, strict=True):
            note = FINAL_NOTES[number % len(FINAL_NOTES)] if section == "talk" else None
            record_consensus(panel, TWO_ROUNDS, FINAL_ROUND, entry, section, value, note,
                             who=chair)
    final = [x for x in round_result(panel, TWO_ROUNDS, FINAL_ROUND).lines
             if x.rank is not None]
    for index, line in enumerate(final):
        place = "winner" if index == 0 else "highly-commended" if index == 1 else "finalist"
        decide(panel, line.entry, place,
               f"Agreed by the panel after the final: {_ordinal_words(line.rank)} of "
               f"{len(final)} finalists on the consensus scores.", who=chair)


def _ordinal_words(rank: int | None) -> str:
    words = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth"}
    return words.get(rank or 0, f"number {rank}")


def _add_documents(panel: Store, per_award: int = 2) -> None:
    """Supporting documents for the first entries of each award, as a bulk download brings
    them: a letter of support, a six-page evaluation with a chart and a team photograph."""
    import tempfile

    from judgepanel.core.attachment_import import import_attachments
    from judgepanel.core.demo_documents import write_entry_documents

    with tempfile.TemporaryDirectory(prefix="judgepanel-demo-") as folder:
        for award in panel_awards(panel):
            rows = panel.rows("SELECT id, title, nominee, organisation FROM entries "
                              "WHERE award = ? ORDER BY id LIMIT ?", [award.id, per_award])
            for seed, row in enumerate(rows, start=1):
                write_entry_documents(Path(folder), row["id"], row["nominee"],
                                      row["organisation"], row["title"], seed)
        import_attachments(panel, Path(folder), who=COORDINATOR)


def _first_conflict(panel: Store) -> None:
    """One coordinator-recorded conflict, as a real panel would have."""
    judges = list_judges(panel)
    first = panel.rows("SELECT id FROM entries ORDER BY id LIMIT 1")
    if len(judges) > 1 and first:
        record_conflict(panel, judges[1], first[0]["id"],
                        "Worked with the nominee's team in 2024", who=COORDINATOR)


def _score_pack(path: Path, judge: DemoJudge, script: DemoScript, number: int) -> None:
    """Score a pack the way this judge would: merit, their leniency, their own noise."""
    rng = random.Random(f"judgepanel-demo-{judge.name}")
    # The tags draw from their own stream so the scores (and the demo's ranking) stay as before.
    tag_rng = random.Random(f"judgepanel-demo-tags-{judge.name}")
    added_rng = random.Random(f"judgepanel-demo-shortlist-{judge.name}")
    with open_pack(path) as pack, pack.transaction():
        judging = Judging.for_pack(pack)
        entries = pack.rows("SELECT e.id, e.award FROM entries e ORDER BY e.id")
        awards = {a.id: a for a in panel_awards(pack)}
        for index, entry in enumerate(entries):
            added = entry["id"] in SHORTLIST_ADDITIONS
            draw = added_rng if added else rng
            if number == 2 and index == 1:
                judging.declare_conflict(entry["id"], "I mentored the nominee last year")
                continue
            # The last judge ran out of time: one entry half scored, the last one untouched,
            # so the panel shows what an incomplete return looks like.
            unfinished = number == UNFINISHED_JUDGE and index >= len(entries) - 2
            if unfinished and index == len(entries) - 1:
                continue
            answers = {r["section"]: r["text"] for r in pack.rows(
                "SELECT section, text FROM answers WHERE entry = ?", [entry["id"]])}
            award = awards[entry["award"]]
            merit = script.merit.get(entry["id"], 5.0)
            notes = script.comments.get(award.id, {})
            for position, section in enumerate(award.sections):
                if unfinished and position >= 2:
                    break
                scale = award.scale_of(section)
                if not answers.get(section.id, "").strip():
                    value = scale.min
                    bank = script.blank
                else:
                    value = round(merit + judge.leniency + draw.gauss(0, judge.noise))
                    value = max(scale.min, min(scale.max, value))
                    band = "high" if value >= 7 else "low" if value <= 3 else "middle"
                    bank = notes.get(section.id, {}).get(band, [])
                comment = _pick(bank, f"{entry['id']}/{section.id}", number) \
                    if bank and draw.random() < 0.75 else ""
                judging.set_score(entry["id"], section.id, value, comment)
            if not unfinished:
                judging.set_review(entry["id"], tags=_tags(
                    entry["id"], merit, added_rng if added else tag_rng), complete=True)


def _tags(entry_id: str, merit: float, rng: random.Random) -> list[str]:
    """1–4 framework behaviours the judge saw evidenced: more for a stronger entry.

    Each entry has its own short list of behaviours its nomination shows, so judges of the
    same entry tend to agree; the judge's own rng picks which of them they noticed.
    """
    shown = random.Random(f"judgepanel-demo-evidence-{entry_id}").sample(
        load_framework().behaviours, 6)
    wanted = max(1, min(4, round(merit / 2.5) + rng.choice((-1, 0, 0, 1))))
    return [b.id for b in rng.sample(shown, wanted)]


def _pick(bank: list[str], topic: str, judge_number: int) -> str:
    """Different judges reach for different notes on the same entry and section."""
    order = list(bank)
    random.Random(topic).shuffle(order)
    return order[judge_number % len(order)]
