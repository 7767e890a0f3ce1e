"""The fictional demo nominations and judges are well formed and import cleanly.

The demo is the first thing a new user sees, so it must read like real nominations (varied,
with the awkward characters real exports carry) and import with no error.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from judgepanel.core.awards import Award, builtin_awards
from judgepanel.core.entries import count_words, list_entries
from judgepanel.core.judges import ROLES, add_judge, list_judges
from judgepanel.core.panel import create_panel
from judgepanel.core.resources import resource

COUNTS = {"leading-systems-transformation": 9, "service-improvement-innovation": 8,
          "system-leadership-initiative": 7}
PREFIX = {"leading-systems-transformation": "LST-1", "service-improvement-innovation": "SII-2",
          "system-leadership-initiative": "SLI-3"}
FIXED = ["Entry ID", "Category", "Title", "Nominee", "Organisation", "Email"]
# The two-round award's late nominations: a second export, so the demo shortlists fourteen.
LATE = {"service-improvement-innovation": 6}


def awards() -> dict[str, Award]:
    return {award.id: award for award in builtin_awards()}


def section_columns(award: Award) -> list[str]:
    return [f"{s.id} {s.title}" for s in award.sections]


def read_demo(award_id: str, name: str = "") -> tuple[list[str], list[dict[str, str]]]:
    data = resource("demo", name or f"{award_id}.csv").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf"), "plain UTF-8, no byte-order mark"
    reader = csv.DictReader(io.StringIO(data.decode("utf-8"), newline=""), restval=None)
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def all_rows() -> list[tuple[Award, dict[str, str]]]:
    files = [(award_id, f"{award_id}.csv") for award_id in COUNTS] + [
        (award_id, f"{award_id}-late.csv") for award_id in LATE]
    return [(awards()[award_id], row) for award_id, name in files
            for row in read_demo(award_id, name)[1]]


def answers(award: Award, row: dict[str, str]) -> dict[str, str]:
    return {s.id: row[f"{s.id} {s.title}"] for s in award.sections}


@pytest.mark.parametrize(("award_id", "name", "count"), [
    *((award_id, f"{award_id}.csv", count) for award_id, count in COUNTS.items()),
    *((award_id, f"{award_id}-late.csv", count) for award_id, count in LATE.items())])
def test_each_csv_has_the_award_header_and_every_section_on_every_row(
        award_id: str, name: str, count: int) -> None:
    award = awards()[award_id]
    headers, rows = read_demo(award_id, name)
    assert headers == FIXED + section_columns(award)
    assert len(rows) == count
    for row in rows:
        assert None not in row, f"{row['Entry ID']}: more cells than headers"
        assert all(value is not None for value in row.values()), f"{row['Entry ID']}: short row"
        assert row["Category"] == award.name
        assert row["Entry ID"].startswith(PREFIX[award_id])
        for column in ("Title", "Nominee", "Organisation", "Email"):
            assert row[column].strip(), f"{row['Entry ID']}: empty {column}"


def test_about_thirty_entries_with_unique_ids_and_titles() -> None:
    rows = all_rows()
    assert len(rows) == 30
    ids = [row["Entry ID"] for _, row in rows]
    assert len(set(ids)) == len(ids)
    titles = [row["Title"] for _, row in rows]
    assert len(set(titles)) == len(titles)
    for _, row in rows:
        assert re.fullmatch(r"(LST|SII|SLI)-\d{3}", row["Entry ID"])


def test_answers_are_prose_of_realistic_length_with_some_blank_and_some_over() -> None:
    over: list[str] = []
    blank: list[str] = []
    for award, row in all_rows():
        for section_id, text in answers(award, row).items():
            where = f"{row['Entry ID']} {section_id}"
            words = count_words(text)
            limit = award.section(section_id).word_limit or 0
            if not text.strip():
                blank.append(where)
                continue
            assert 120 <= words <= limit * 1.1, f"{where}: {words} words"
            if words > limit:
                over.append(where)
    assert 2 <= len(over) <= 6, over
    assert 2 <= len(blank) <= 4, blank


def test_names_and_text_carry_what_real_exports_carry() -> None:
    rows = all_rows()
    nominees = [row["Nominee"] for _, row in rows]
    for name in ("Zofia Wiśniewska", "Siobhán Ó Súilleabháin", "Chidi Okonkwo-Mensah",
                 "Renée D'Souza"):
        assert name in nominees
    assert any(n.startswith("Łukasz Nowak") for n in nominees)
    assert sum(1 for n in nominees if not n.isascii()) >= 8
    assert any("’" in row["Nominee"] for _, row in rows)  # O’Rourke, a curly apostrophe
    texts = [text for award, row in rows for text in answers(award, row).values()]
    assert sum("\n\n" in t for t in texts) >= 20, "paragraphs inside quoted cells"
    assert sum("\n• " in t for t in texts) >= 5, "bulleted lists"
    assert sum("“" in t and "”" in t for t in texts) >= 10, "smart quotes"
    assert all(not t.startswith(("=", "+", "@")) for t in texts)


def test_every_nomination_tells_its_own_story() -> None:
    """No sentence of eight words or more is reused between two nominations."""
    seen: dict[str, str] = {}
    for award, row in all_rows():
        for text in answers(award, row).values():
            for sentence in re.split(r"(?<=[.!?])\s+", text):
                key = " ".join(sentence.lower().split())
                if len(key.split()) < 8:
                    continue
                owner = seen.setdefault(key, row["Entry ID"])
                assert owner == row["Entry ID"], f"{owner} and {row['Entry ID']}: {sentence}"


def test_contacts_and_organisations_are_obviously_fictional() -> None:
    for _, row in all_rows():
        assert row["Email"].endswith(".example.org"), row["Email"]
    readme = resource("demo", "README.md").read_text(encoding="utf-8")
    assert "fictional" in readme.lower()


# ----- judges and merit -----------------------------------------------------------------------


def judges_toml() -> dict[str, Any]:
    return tomllib.loads(resource("demo", "judges.toml").read_text(encoding="utf-8"))


def test_five_fictional_judges_one_chair_with_leniency() -> None:
    judges = judges_toml()["judges"]
    assert len(judges) == 5
    assert [j["role"] for j in judges].count("chair") == 1
    assert {j["role"] for j in judges} <= set(ROLES)
    assert len({j["name"] for j in judges}) == 5
    for judge in judges:
        assert judge["email"].endswith("@example.org")
        assert -1.0 <= judge["leniency"] <= 1.0
        assert 0 < judge["noise"] <= 1.5
    assert min(j["leniency"] for j in judges) < 0 < max(j["leniency"] for j in judges)


def test_comment_bank_covers_every_section_and_band() -> None:
    bank = judges_toml()["comments"]
    assert set(bank) == set(COUNTS)
    everything: list[str] = []
    for award_id, award in awards().items():
        assert set(bank[award_id]) == {s.id for s in award.sections}
        for section in award.sections:
            bands = bank[award_id][section.id]
            assert set(bands) == {"low", "middle", "high"}
            for comments in bands.values():
                assert 3 <= len(comments) <= 4
                everything += comments
    assert all(len(c.split()) >= 6 for c in everything)
    assert len(set(everything)) == len(everything)
    assert not any(word in " ".join(everything) for word in ("organization", "color", "center"))
    assert len(judges_toml()["blank"]) >= 2
    assert judges_toml()["bands"] == {"low": [0, 3], "middle": [4, 6], "high": [7, 10]}


def test_merit_is_given_for_every_demo_entry_on_the_scale() -> None:
    merit = tomllib.loads(resource("demo", "merit.toml").read_text(encoding="utf-8"))["merit"]
    assert set(merit) == {row["Entry ID"] for _, row in all_rows()}
    assert all(0 <= value <= 10 for value in merit.values())
    assert max(merit.values()) - min(merit.values()) >= 5, "quality varies"


# ----- into a panel ---------------------------------------------------------------------------


def test_demo_imports_into_a_new_panel_with_no_error(tmp_path: Path) -> None:
    from judgepanel.core.importing import import_file
    from judgepanel.core.resources import resource_path

    store = create_panel(tmp_path / "demo.judgepanel", "Demo Awards 2026", builtin_awards())
    try:
        warnings: list[str] = []
        for award_id, count in COUNTS.items():
            result = import_file(store, resource_path("demo", f"{award_id}.csv"))
            assert (result.added, result.updated) == (count, 0)
            assert result.by_award == {award_id: count}
            warnings += result.warnings
        assert sum("over the" in w for w in warnings) >= 2
        late = import_file(store, resource_path(
            "demo", "service-improvement-innovation-late.csv"))
        assert (late.added, late.by_award) == (6, {"service-improvement-innovation": 6})
        entries = {e["entry"]: e for e in list_entries(store)}
        assert len(entries) == 30
        assert entries["LST-101"]["nominee"] == "Zofia Wiśniewska"
        assert entries["LST-104"]["nominee"] == "Renée D'Souza"
        assert entries["LST-106"]["answers"]["Q5"] == ""
        expected = answers(awards()["system-leadership-initiative"],
                           next(r for a, r in all_rows() if r["Entry ID"] == "SLI-301"))
        assert entries["SLI-301"]["answers"] == expected
        for judge in judges_toml()["judges"]:
            add_judge(store, judge["name"], judge["email"], judge["role"])
        assert [j.name for j in list_judges(store)][4] == "Mehmet Yıldız"
        again = import_file(store, resource_path("demo", "leading-systems-transformation.csv"))
        assert (again.added, again.updated, again.unchanged) == (0, 0, 9)
    finally:
        store.close()
