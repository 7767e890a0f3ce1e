"""Reading the TOML files a coordinator writes (awards, mappings, certificate designs)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from judgepanel.core.errors import JudgePanelError


def read_toml(path: Path | str, what: str) -> dict[str, Any]:
    """The file's tables, or a message naming the file and saying what is wrong with it.

    `what` names the kind of file for the messages, e.g. "award file".
    """
    path = Path(path)
    if not path.is_file():
        raise JudgePanelError(f"{path}: no such {what}")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except tomllib.TOMLDecodeError as exc:
        raise JudgePanelError(f"{path}: not valid TOML ({exc})") from exc
    except UnicodeDecodeError as exc:
        raise JudgePanelError(f"{path}: not UTF-8 text ({exc})") from exc
