"""The three built-in awards read exactly like the seed entry forms they were transcribed from.

Each test parses the seed text itself (questions, guidance bullets, the introduction) and
compares it with `builtin_awards()`; only whitespace may differ.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from judgepanel.core.awards import Award, builtin_awards

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"  # see its README
BULLET = "•"


def seed_lines(prefix: str) -> list[str]:
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    assert len(matches) == 1, f"seed {prefix} missing or ambiguous in {SEEDS}"
    return matches[0].read_text(encoding="utf-8").splitlines()


def squash(text: str) -> str:
    return " ".join(text.split())


def builtin(award_id: str) -> Award:
    awards = {award.id: award for award in builtin_awards()}
    return awards[award_id]


def parse_question_form(lines: list[str]) -> tuple[str, str, list[str], list[dict]]:
    """Organiser, name, introduction paragraphs and Q-sections of the HEE forms (000, 001)."""
    text = [line for line in lines if line.strip()]
    organiser, name = squash(text[0]), squash(text[1])
    intro: list[str] = []
    for line in text[2:]:
        if line.startswith("Please answer"):
            break
        intro.append(squash(line))
    sections: list[dict] = []
    for line in text:
        heading = re.match(r"^(Q\d+) (.*?\?)", line)
        if heading:
            sections.append({"id": heading[1], "question": squash(heading[2]), "guidance": []})
        elif line.strip().startswith(BULLET) and sections:
            sections[-1]["guidance"].append(squash(line.strip()[1:]))
    return organiser, name, intro, sections


def parse_bullet_groups(lines: list[str]) -> tuple[str, list[str], list[list[str]]]:
    """Name, introduction paragraphs and the bullet groups of the entry page (004)."""
    name = squash(lines[0])
    groups: list[list[str]] = []
    previous_was_bullet = False
    for line in lines:
        if line.strip().startswith(BULLET):
            if not previous_was_bullet:
                groups.append([])
            groups[-1].append(squash(line.strip()[1:]))
            previous_was_bullet = True
        else:  # a blank line or text ends a group
            previous_was_bullet = False
    # the introduction: the paragraphs between "start your entry" and the first bullet
    start = next(i for i, line in enumerate(lines) if line.strip() == "start your entry")
    intro: list[str] = []
    for line in lines[start + 1:]:
        if line.strip().startswith(BULLET):
            break
        if line.strip():
            intro.append(squash(line))
    return name, intro, groups


def award_sections(award: Award) -> list[dict]:
    return [{"id": s.id, "question": squash(s.question), "guidance": [squash(g) for g in
                                                                     s.guidance]}
            for s in award.sections]


def test_three_builtins_in_the_seed_order() -> None:
    assert [a.id for a in builtin_awards()] == [
        "leading-systems-transformation", "service-improvement-innovation",
        "system-leadership-initiative"]


@pytest.mark.parametrize(("seed", "award_id", "ids"), [
    ("000", "leading-systems-transformation", ["Q1", "Q2", "Q3", "Q4", "Q5"]),
    ("001", "service-improvement-innovation", ["Q1", "Q2", "Q3", "Q4"]),
])
def test_question_forms_match_the_seed_word_for_word(seed: str, award_id: str,
                                                     ids: list[str]) -> None:
    organiser, name, intro, sections = parse_question_form(seed_lines(seed))
    award = builtin(award_id)
    assert [s["id"] for s in sections] == ids
    assert award.name == name
    assert award.organiser == organiser
    assert award_sections(award) == sections
    assert squash(award.description) == " ".join(intro)
    # every bullet of the form is somewhere in the award, once
    bullets = [g for s in sections for g in s["guidance"]]
    assert len(bullets) == sum(len(s.guidance) for s in award.sections)


def test_system_leadership_initiative_matches_the_seed_groups() -> None:
    name, intro, groups = parse_bullet_groups(seed_lines("004"))
    award = builtin("system-leadership-initiative")
    assert award.name == name
    assert len(groups) == 5
    expected = [{"id": f"S{n}", "question": group[0], "guidance": group[1:]}
                for n, group in enumerate(groups, start=1)]
    assert award_sections(award) == expected
    assert squash(award.description) == " ".join(intro)
    # the seed's own typo is kept: a transcription, not an edit
    assert "to hep other organisations" in award.section("S3").question


@pytest.mark.parametrize(("award_id", "titles", "limit"), [
    ("leading-systems-transformation",
     ["Relationships and connectivity", "Individual effectiveness", "Innovation and improvement",
      "Learning and capacity building", "Inclusive leadership"], 500),
    ("service-improvement-innovation",
     ["Leading the improvement", "Measuring impact", "Engaging patients and service users",
      "Inclusive leadership"], 500),
    ("system-leadership-initiative",
     ["Context, planning and the system built", "Results, pooled resources and data sharing",
      "Learning and scaling", "Efficiency, experience and value",
      "Consultation and co-production"], 750),
])
def test_section_titles_and_limits_as_the_domain_notes_name_them(
        award_id: str, titles: list[str], limit: int) -> None:
    award = builtin(award_id)
    assert [s.title for s in award.sections] == titles
    assert {s.word_limit for s in award.sections} == {limit}
    assert all(s.weight == 1.0 for s in award.sections)
    assert (award.scale.min, award.scale.max, award.scale.step) == (0, 10, 1)


def test_smart_quotes_survive_from_the_seed() -> None:
    q3 = builtin("leading-systems-transformation").section("Q3")
    assert "‘improvement science’" in q3.guidance[0]
    assert "“thinking and being”" in q3.guidance[1]
