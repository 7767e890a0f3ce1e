"""One merge, two front ends: the Packs page and `judgepanel merge` are all or nothing across
the chosen files, and both show every file's plan with the refused one and its reason."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from coordinator_panels import coordinator_panel, packs_for, score_pack, scratch_settings

from judgepanel.gui.panel_window import PanelWindow

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def returned(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A panel assigned one judge per entry, one good return and one edited outside."""
    panel = coordinator_panel(tmp_path / "p.judgepanel", per_entry=1)
    folder = tmp_path / "packs"
    folder.mkdir()
    packs = packs_for(panel, folder)
    good = next(p for p in packs if p.name.startswith("Grace"))
    tampered = next(p for p in packs if p.name.startswith("Siân"))
    score_pack(good)
    score_pack(tampered)
    with sqlite3.connect(tampered) as conn:
        conn.execute("UPDATE scores SET value = 10 WHERE rowid = 1")
    conn.close()
    return panel, good, tampered


@pytest.fixture
def window(qtbot, returned: tuple[Path, Path, Path], tmp_path: Path) -> Iterator[PanelWindow]:
    opened = PanelWindow(returned[0], scratch_settings(tmp_path))
    qtbot.addWidget(opened)
    opened.show()
    yield opened
    opened.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_page_merges_nothing_when_one_file_is_refused_and_shows_each_plan(
        window: PanelWindow, qtbot, returned: tuple[Path, Path, Path]) -> None:
    _, good, tampered = returned
    page = window.go_to("Packs")
    task = page.merge([good, tampered])
    assert task is not None
    qtbot.waitUntil(lambda: task.done, timeout=30000)
    rows = [page.merge_model.row(i) for i in range(page.merge_model.rowCount())]
    assert [(r["file"], r["refused"]) for r in rows] == [(good.name, False),
                                                         (tampered.name, True)]
    assert rows[0]["new"] > 0 and rows[0]["outcome"].startswith("Would merge; not merged")
    assert rows[1]["judge"] == "Siân Roberts"
    assert "altered outside JudgePanel" in rows[1]["outcome"]
    assert "Nothing was merged: 1 file refused" in page.outcome.text()
    progress = {page.progress_model.row(i)["judge"]: page.progress_model.row(i)
                for i in range(page.progress_model.rowCount())}
    assert progress["Grace Mensah"]["returned"] == "not yet"

    task = page.merge([good])  # without the refused file, the good one merges
    qtbot.waitUntil(lambda: task.done, timeout=30000)
    assert page.merge_model.row(0)["outcome"] == "Merged"
    assert page.outcome.text().startswith("1 pack merged")
    progress = {page.progress_model.row(i)["judge"]: page.progress_model.row(i)
                for i in range(page.progress_model.rowCount())}
    assert progress["Grace Mensah"]["returned"] != "not yet"


def test_the_command_merges_nothing_and_says_so_for_each_file(
        run_cli, returned: tuple[Path, Path, Path]) -> None:
    panel, good, tampered = returned
    before = digest(panel)
    result = run_cli("merge", panel, good, tampered)
    assert result.returncode == 1 and digest(panel) == before
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{good.name} (Grace Mensah): ")
    assert lines[0].endswith("; not merged")
    assert lines[1].startswith(f"{tampered.name}: refused: ")
    assert result.stderr.count("\n") == 1 and "nothing was merged" in result.stderr
    assert tampered.name in result.stderr
