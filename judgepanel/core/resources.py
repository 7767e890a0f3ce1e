"""The single locator for bundled data files, so checkout, wheel and bundle behave alike."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path


def resource(*parts: str) -> Traversable:
    """A bundled resource, e.g. ``resource("awards", "leading-systems-transformation.toml")``."""
    node = files("judgepanel.resources")
    for part in parts:
        node = node.joinpath(part)
    return node


def resource_path(*parts: str) -> Path:
    """A real filesystem path to a resource (reportlab and Qt want paths, not streams)."""
    return Path(str(resource(*parts)))
