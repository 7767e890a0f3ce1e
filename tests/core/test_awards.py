"""Award definitions: a coordinator's TOML is checked field by field, and survives storage."""

from __future__ import annotations

from pathlib import Path

import pytest

from judgepanel.core.awards import (
    Scale,
    award_to_toml,
    builtin_awards,
    load_award,
    panel_award,
    resolve_award,
    save_award,
)
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.panel import open_panel

GOOD = """
id = "community-champion"
name = "Community Champion"
organiser = "Wyre Valley Health Partnership"

[scale]
min = 1
max = 5
step = 0.5

[[sections]]
id = "impact"
title = "Impact"
question = "What difference has the nominee made?"
guidance = ["Numbers where you have them", "Voices of people helped"]
weight = 2
word_limit = 300

[[sections]]
id = "reach"
title = "Reach"
question = "Who has benefited?"
scale = { min = 0, max = 10 }
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "award.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_definition_reads_with_its_scales_weights_and_guidance(tmp_path: Path) -> None:
    award = load_award(write(tmp_path, GOOD))
    assert award.name == "Community Champion"
    assert award.scale == Scale(1, 5, 0.5)
    impact, reach = award.sections
    assert impact.weight == 2 and impact.word_limit == 300
    assert impact.guidance == ("Numbers where you have them", "Voices of people helped")
    assert award.scale_of(impact) == Scale(1, 5, 0.5)
    assert award.scale_of(reach) == Scale(0, 10, 0.5)  # the override keeps the award's step


@pytest.mark.parametrize(("change", "field"), [
    (("id = \"reach\"", "id = \"impact\""), "sections[2].id: duplicate section id 'impact'"),
    (("min = 1\n", "min = 5\n"), "scale: min (5) must be below max (5)"),
    (("weight = 2", "weight = 0"), "sections[1].weight: must be a number above 0"),
    (("question = \"Who has benefited?\"", "question = \"\""), "sections[2].question: missing"),
    (("word_limit = 300", "word_limit = -3"), "sections[1].word_limit"),
    (("id = \"community-champion\"", "id = \"Community Champion\""), "id: 'Community Champion'"),
    (("step = 0.5", "step = 0"), "scale.step"),
])
def test_each_mistake_is_named_with_the_file_and_the_field(
        tmp_path: Path, change: tuple[str, str], field: str) -> None:
    path = write(tmp_path, GOOD.replace(*change))
    with pytest.raises(JudgePanelError) as caught:
        load_award(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert field in str(caught.value)


def test_broken_toml_and_missing_files_are_refused_clearly(tmp_path: Path) -> None:
    with pytest.raises(JudgePanelError, match=r"award.toml: not valid TOML"):
        load_award(write(tmp_path, "id = \"x\"\n[[sections]\n"))
    with pytest.raises(JudgePanelError, match="no such award file"):
        load_award(tmp_path / "missing.toml")
    with pytest.raises(JudgePanelError, match="unknown award 'nope'"):
        resolve_award("nope")


def test_scale_accepts_only_values_on_its_steps() -> None:
    scale = Scale(1, 5, 0.5)
    assert [scale.allows(v) for v in (1, 1.5, 5, 0.5, 5.5, 1.25)] == [
        True, True, True, False, False, False]
    assert scale.describe() == "1 to 5 in steps of 0.5"


def test_written_toml_reads_back_to_the_same_award(tmp_path: Path) -> None:
    for award in [load_award(write(tmp_path, GOOD)), *builtin_awards()]:
        again = tmp_path / f"{award.id}.toml"
        again.write_text(award_to_toml(award), encoding="utf-8")
        assert load_award(again) == award


def test_an_award_stored_in_a_panel_comes_back_unchanged(panel_path: Path,
                                                         tmp_path: Path) -> None:
    custom = load_award(write(tmp_path, GOOD))
    with open_panel(panel_path) as store:
        save_award(store, custom)
    with open_panel(panel_path) as store:
        assert panel_award(store, "community-champion") == custom
        assert panel_award(store, "leading-systems-transformation") == builtin_awards()[0]
