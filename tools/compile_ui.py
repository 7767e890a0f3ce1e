"""Compile Qt Designer forms (ui/*.ui) into judgepanel/gui/forms/ui_*.py with pyside6-uic.

Only forms newer than their compiled module are compiled (`--all` compiles every form), as
Picard's build step does; the compiled modules are committed so no .ui is read at run time.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "ui"
OUT = ROOT / "judgepanel" / "gui" / "forms"


def compiled_path(form: Path) -> Path:
    return OUT / f"ui_{form.stem}.py"


def uic_command() -> list[str]:
    """pyside6-uic from the running environment (beside this Python) or the PATH."""
    beside = Path(sys.executable).with_name("pyside6-uic")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("pyside6-uic")
    if not found:
        raise SystemExit("pyside6-uic not found: install PySide6 in this environment")
    return [found]


def compile_form(form: Path, target: Path) -> None:
    subprocess.run([*uic_command(), str(form), "-o", str(target)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--all", action="store_true", help="compile every form")
    args = parser.parse_args(argv)
    for form in sorted(FORMS.glob("*.ui")):
        target = compiled_path(form)
        if args.all or not target.exists() or form.stat().st_mtime > target.stat().st_mtime:
            compile_form(form, target)
            print(f"compiled {form.relative_to(ROOT)} -> {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
