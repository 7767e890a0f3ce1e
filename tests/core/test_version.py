"""The version a user sees (`judgepanel --version`, the About box) is the one released."""

import tomllib
from pathlib import Path

import judgepanel

ROOT = Path(__file__).resolve().parents[2]


def test_version_matches_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert judgepanel.__version__ == project["version"]


def test_cli_reports_the_version(run_cli) -> None:
    result = run_cli("--version", check=True)
    assert result.stdout.strip() == f"judgepanel, version {judgepanel.__version__}"
