"""The core runs in a script with no display: it must never import Qt."""

import subprocess
import sys
from pathlib import Path

import judgepanel

CORE = Path(judgepanel.__file__).parent / "core"


def test_core_modules_do_not_import_qt() -> None:
    offenders = [
        str(path.relative_to(CORE)) for path in CORE.rglob("*.py")
        if any(word in path.read_text(encoding="utf-8") for word in ("PySide6", "PyQt", "shiboken"))
    ]
    assert offenders == []


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = sorted(
        "judgepanel.core." + ".".join(path.relative_to(CORE).with_suffix("").parts)
        for path in CORE.rglob("*.py") if path.name != "__init__.py"
    )
    code = ("import importlib, sys\n"
            f"for name in {modules!r}: importlib.import_module(name)\n"
            "import judgepanel.cli\n"
            "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was loaded'\n")
    subprocess.run([sys.executable, "-c", code], check=True)
