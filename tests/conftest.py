"""Shared fixtures. Qt runs offscreen unless a display is asked for explicitly."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LC_ALL", "C.UTF-8")

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def run_cli(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run the real `judgepanel` command in a subprocess, in a scratch folder."""

    def run(*args: str | Path, check: bool = False,
            cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        env = dict(os.environ, PYTHONIOENCODING="utf-8", QT_QPA_PLATFORM="offscreen")
        result = subprocess.run(
            [sys.executable, "-m", "judgepanel", *map(str, args)],
            capture_output=True, text=True, encoding="utf-8", cwd=cwd or tmp_path, env=env,
            timeout=300,
        )
        if check and result.returncode != 0:
            raise AssertionError(
                f"judgepanel {' '.join(map(str, args))} failed ({result.returncode}):\n"
                f"{result.stdout}\n{result.stderr}")
        return result

    return run


@pytest.fixture
def panel_path(tmp_path: Path) -> Iterator[Path]:
    """A new panel with the three built-in awards, closed and ready to open."""
    from judgepanel.core.awards import builtin_awards
    from judgepanel.core.panel import create_panel

    path = tmp_path / "test.judgepanel"
    create_panel(path, "Test Awards 2026", builtin_awards()).close()
    yield path
