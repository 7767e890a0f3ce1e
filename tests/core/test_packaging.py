"""The files that make a double-click on a .judgepanel or .judgepack open JudgePanel."""

import configparser
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
MIME = "{http://www.freedesktop.org/standards/shared-mime-info}"


def test_desktop_entry_opens_both_file_types_with_the_open_command() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive in desktop files
    entry.read(LINUX / "judgepanel.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == "judgepanel open %f"
    declared = set(filter(None, desktop["MimeType"].split(";")))
    tree = ET.parse(LINUX / "judgepanel-mime.xml")
    globs = {t.get("type"): t.find(f"{MIME}glob").get("pattern")
             for t in tree.getroot().iter(f"{MIME}mime-type")}
    assert declared == set(globs)
    assert sorted(globs.values()) == ["*.judgepack", "*.judgepanel"]


def test_bundle_spec_reads_its_name_and_version_from_pyproject() -> None:
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert 'project["name"]' in spec and 'project["version"]' in spec
    assert project["scripts"]["judgepanel"] == "judgepanel.__main__:main"
    assert '"resources"), "judgepanel/resources"' in spec
