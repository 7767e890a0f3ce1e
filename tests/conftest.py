"""Shared fixtures. Qt runs offscreen unless a display is asked for explicitly."""

from __future__ import annotations

import os
import subprocess
import sys
import traceback
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LC_ALL", "C.UTF-8")
# Packs made by `judgepanel pack` in the tests are encrypted with this passphrase, and every
# command reading them finds it here, as a script would (tests of prompting remove it).
TEST_PASSPHRASE = "test passphrase harbour lantern"
os.environ.setdefault("JUDGEPANEL_PASSPHRASE", TEST_PASSPHRASE)

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


def invoke_judgepanel(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run `judgepanel ARGS` in this process, as the installed command would run it.

    The command goes through `judgepanel.cli.main`, so a refused operation becomes the same
    one `error:` line and exit status 1, and wrong usage exit status 2; click's `CliRunner`
    captures the output. An unexpected exception becomes a traceback on stderr and exit
    status 1, as in a real process.
    """
    from judgepanel.cli import main

    argv = ["judgepanel", *map(str, args)]
    saved_cwd, saved_argv = os.getcwd(), sys.argv
    status = 0
    with CliRunner().isolation() as (stdout, stderr, _), warnings.catch_warnings():
        warnings.simplefilter("default")  # each run warns afresh, as a new process would
        os.chdir(cwd)
        sys.argv = argv
        try:
            main()
        except SystemExit as exc:
            if isinstance(exc.code, str):
                sys.stderr.write(exc.code + "\n")
            status = 1 if isinstance(exc.code, str) else (exc.code or 0)
        except Exception:
            traceback.print_exc(file=sys.stderr)
            status = 1
        finally:
            os.chdir(saved_cwd)
            sys.argv = saved_argv
            sys.stdout.flush()
            sys.stderr.flush()
        return subprocess.CompletedProcess(argv, status, stdout.getvalue().decode("utf-8"),
                                           stderr.getvalue().decode("utf-8"))


def _checked(result: subprocess.CompletedProcess[str],
             check: bool) -> subprocess.CompletedProcess[str]:
    if check and result.returncode != 0:
        raise AssertionError(
            f"{' '.join(map(str, result.args))} failed ({result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def judgepanel_cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """`invoke_judgepanel` for module-scoped setup (`run_cli` is per test); checks success."""

    def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
        return _checked(invoke_judgepanel(*args, cwd=cwd), True)

    return run


@pytest.fixture
def run_cli(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run `judgepanel` in process (see `invoke_judgepanel`), in a scratch folder."""

    def run(*args: str | Path, check: bool = False,
            cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        return _checked(invoke_judgepanel(*args, cwd=cwd or tmp_path), check)

    return run


@pytest.fixture
def run_cli_process(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run the real `judgepanel` command in a subprocess, in a scratch folder (slow: keep it
    for the few tests that need a real process)."""

    def run(*args: str | Path, check: bool = False,
            cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        env = dict(os.environ, PYTHONIOENCODING="utf-8", QT_QPA_PLATFORM="offscreen")
        result = subprocess.run(
            [sys.executable, "-m", "judgepanel", *map(str, args)],
            capture_output=True, text=True, encoding="utf-8", cwd=cwd or tmp_path, env=env,
            timeout=300,
        )
        return _checked(result, check)

    return run


@pytest.fixture
def panel_path(tmp_path: Path) -> Iterator[Path]:
    """A new panel with the three built-in awards, closed and ready to open."""
    from judgepanel.core.awards import builtin_awards
    from judgepanel.core.panel import create_panel

    path = tmp_path / "test.judgepanel"
    create_panel(path, "Test Awards 2026", builtin_awards()).close()
    yield path
