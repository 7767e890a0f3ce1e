"""The built-in Systems Leadership Development Framework reads word for word like the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.leadership_framework import (
    behaviour,
    domain_coverage,
    framework_from_text,
    load_framework,
)

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"  # see its README
DOMAINS = ["Individual Effectiveness", "Relationships and Connectivity",
           "Innovation and Improvement", "Learning and Capacity Building"]


def seed(prefix: str) -> str:
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    assert len(matches) == 1, f"seed {prefix} missing or ambiguous in {SEEDS}"
    return matches[0].read_text(encoding="utf-8")


def seed_tables() -> dict[str, list[tuple[str, str]]]:
    """The four role/behaviour tables of seed 003, whose rows are tab-separated cells."""
    tables: dict[str, list[tuple[str, str]]] = {}
    current: str | None = None
    for line in seed("003").splitlines():
        cells = [c.strip() for c in line.split("\t")]
        if cells[0] in DOMAINS:
            current = cells[0]
            tables[current] = []
        elif current and len(cells) == 2 and cells[0] != "LEADERSHIP ROLE" and cells[1]:
            tables[current].append((cells[0], cells[1]))
        elif current and not line.strip():
            current = None
    return tables


def squash(text: str) -> str:
    return " ".join(text.split())


def test_four_domains_in_the_seed_order_with_descriptions() -> None:
    framework = load_framework()
    assert [d.name for d in framework.domains] == DOMAINS
    assert [d.id for d in framework.domains] == ["IE", "RC", "II", "LC"]
    # 003, "The four domains are:" list
    assert framework.domain("IE").description.startswith(
        "focuses on the effectiveness and resilience of the individual")
    assert framework.domain("LC").description.endswith(
        "Building diverse teams and inclusive cultures to enable greater understanding.")


def test_every_row_of_every_seed_table_is_transcribed_word_for_word() -> None:
    tables = seed_tables()
    assert sorted(tables) == sorted(DOMAINS)
    framework = load_framework()
    for domain in framework.domains:
        rows = [(role.role, " ".join(b.text for b in role.behaviours)) for role in domain.roles]
        expected = [(squash(r), squash(b)) for r, b in tables[domain.name]]
        assert rows == expected, domain.name


def test_role_counts_per_domain() -> None:
    counts = {d.name: len(d.roles) for d in load_framework().domains}
    assert counts == {"Individual Effectiveness": 7, "Relationships and Connectivity": 10,
                      "Innovation and Improvement": 7, "Learning and Capacity Building": 6}


@pytest.mark.parametrize(("tag", "text", "role", "seed_line"), [
    # 002 line 80: "Enabler role, holding people to account for the work Patience, persistence
    # and resilience" (both columns on one pdf line)
    ("IE-3.1", "Patience, persistence and resilience",
     "Enabler role, holding people to account for the work", 80),
    # 002 lines 70-72: "Capability to manage organisational and professional / boundaries
    # across the system while maintaining an / inclusive approach"
    ("IE-1.1", "Capability to manage organisational and professional boundaries across the "
               "system while maintaining an inclusive approach",
     "Setting up multi-agency, multi-disciplinary teams while developing inclusive "
     "environments and systems", 67),
    # 002 line 105: "Align organisations and systems Developing strong / honest relationships"
    ("RC-3.1", "Developing strong / honest relationships", "Align organisations and systems",
     105),
    # 002 lines 117-120: the long "Bringing people together …" cell
    ("RC-7.1", "Bringing people together to create new cultures, agree values and behaviours, "
               "understanding and valuing others, working with ambiguity, empowering others, "
               "adopting a coaching style",
     "Energising the social networks/capital –connect people to the change", 114),
    # 002 lines 135-137: three behaviours of one role, one per line
    ("II-1.2", "Process mapping", "Drive for efficiency, effectiveness and impact", 135),
    # 002 lines 147-148: curly quotes kept
    ("II-5.1", "Role modelling innovative ways of “thinking and being”",
     "Encouraging creativity and diversity of thought.", 147),
    # 002, Learning and Capacity Building: "Courageous unlearning"
    ("LC-3.1", "Courageous unlearning",
     "Building inclusive leadership capability at organisation and system level", None),
    ("LC-1.1", "Able to transfer ‘good practice’ – scale and adapt",
     "Share, disseminate and champion learning and insights across wider system", None),
])
def test_behaviours_appear_word_for_word(tag: str, text: str, role: str,
                                         seed_line: int | None) -> None:
    found = behaviour(tag)
    assert found.text == text
    framework = load_framework()
    assert framework.role(found.role_id).role == role
    slides = squash(seed("002"))
    assert squash(text) in slides
    assert squash(role) in slides
    if seed_line is not None:  # the pdf line where the row begins
        assert squash(role).split()[0] in seed("002").splitlines()[seed_line - 1]


def test_ids_are_unique_and_well_formed() -> None:
    framework = load_framework()
    ids = [d.id for d in framework.domains]
    ids += [r.id for d in framework.domains for r in d.roles]
    ids += [b.id for b in framework.behaviours]
    assert len(ids) == len(set(ids))
    for item in framework.behaviours:
        assert item.id.startswith(item.role_id + ".")
        assert item.role_id.startswith(item.domain_id + "-")
    assert len(framework.behaviours) == 32


def test_domain_coverage_counts_distinct_behaviours_per_domain() -> None:
    coverage = domain_coverage(["IE-3.1", "RC-3.1", "RC-7.1", "RC-3.1", "II-1.1", "II-1.3"])
    assert coverage == {"Individual Effectiveness": 1, "Relationships and Connectivity": 2,
                        "Innovation and Improvement": 2, "Learning and Capacity Building": 0}
    assert domain_coverage([]) == dict.fromkeys(DOMAINS, 0)


def test_unknown_tag_is_refused_by_name() -> None:
    with pytest.raises(JudgePanelError, match="'RC-99.1'"):
        domain_coverage(["RC-3.1", "RC-99.1"])
    with pytest.raises(JudgePanelError, match="'XX'"):
        behaviour("XX")


def test_json_shape_round_trips_every_tag() -> None:
    shape = load_framework().as_json()
    tags = [b["id"] for d in shape["domains"] for r in d["roles"] for b in r["behaviours"]]
    assert tags == [b.id for b in load_framework().behaviours]


@pytest.mark.parametrize(("text", "message"), [
    ("domains = []", "domains: needs at least one"),
    ('[[domains]]\nid = "IE"\nname = "X"\n', r"domains\[1\]\.roles"),
    ('[[domains]]\nid = "IE"\nname = "X"\n[[domains.roles]]\nid = "IE-1"\nrole = "R"\n'
     'behaviours = [{ id = "IE-1.1", text = "a" }, { id = "IE-1.1", text = "b" }]\n',
     r"domains\[1\]\.roles\[1\]\.behaviours\[2\]\.id: duplicate id 'IE-1.1'"),
    ('[[domains]]\nid = "IE"\nname = "X"\n[[domains.roles]]\nid = "RC-1"\nrole = "R"\n'
     'behaviours = [{ id = "RC-1.1", text = "a" }]\n', "must start with 'IE'"),
    ('[[domains]]\nid = "IE"\nname = "X"\n[[domains.roles]]\nid = "IE-1"\nrole = " "\n'
     'behaviours = [{ id = "IE-1.1", text = "a" }]\n', r"roles\[1\]\.role: missing or empty"),
    ("domains = [", "not valid TOML"),
])
def test_bad_framework_file_names_the_field(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "framework.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(JudgePanelError, match=message) as caught:
        load_framework(path)
    assert str(path) in str(caught.value)
    with pytest.raises(JudgePanelError):
        framework_from_text(text, "x")
