"""Resources load from an installed wheel, not only from the checkout.

The wheel is built and installed into a fresh virtual environment whose only other packages
are this environment's third-party libraries (reached through a path file, so nothing is
downloaded); the commands then run from a folder outside the checkout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow  # builds and installs a wheel, then runs real processes


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(work / "dist"), str(ROOT)], check=True)
    wheel = next((work / "dist").glob("judgepanel-*.whl"))
    env_dir = work / "env"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig;"
                                "print(sysconfig.get_paths()['purelib'])"],
                               capture_output=True, text=True, check=True).stdout.strip())
    # Third-party libraries from this environment; the editable checkout is not among them
    # because path-file lines are plain sys.path entries (their own .pth files are not run).
    (site / "zz_libraries.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(site), str(wheel)], check=True)
    return python


def run(python: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH="")
    return subprocess.run([str(python), "-m", "judgepanel", *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=600)


def test_installed_wheel_lists_the_built_in_awards(installed: Path, tmp_path: Path) -> None:
    where = subprocess.run([str(installed), "-c", "import judgepanel; print(judgepanel.__file__)"],
                           capture_output=True, text=True, cwd=tmp_path, check=True).stdout
    assert str(ROOT) not in where, "the test must run the installed copy, not the checkout"
    result = run(installed, tmp_path, "awards", "--json")
    assert result.returncode == 0, result.stderr
    names = [award["name"] for award in json.loads(result.stdout)]
    assert "Leading Systems Transformation" in names
    assert len(names) == 3


def test_installed_wheel_builds_the_demo(installed: Path, tmp_path: Path) -> None:
    result = run(installed, tmp_path, "demo", "--no-gui", "--out", str(tmp_path / "demo"))
    assert result.returncode == 0, result.stderr
    printed = [Path(line.strip()) for line in result.stdout.splitlines() if line.strip()]
    pdfs = [p for p in printed if p.suffix == ".pdf"]
    assert pdfs and all(p.exists() and p.stat().st_size > 1000 for p in pdfs)
