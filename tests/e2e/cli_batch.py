"""Several `judgepanel` commands in one process, for tests that must run them somewhere a
test process cannot be (a private mount namespace): run as a script, it reads a JSON list of
argument lists and prints one JSON result (rc, stdout, stderr) per command."""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import traceback
import warnings
from pathlib import Path


def judgepanel(*args: str | Path, cwd: Path) -> dict[str, object]:
    """`judgepanel ARGS` through its real entry point, in this process (a new process per
    command would spend most of the test starting Python)."""
    from judgepanel.cli import main

    stdout, stderr = io.StringIO(), io.StringIO()
    saved_argv, saved_cwd = sys.argv, os.getcwd()
    sys.argv = ["judgepanel", *map(str, args)]
    os.chdir(cwd)
    status = 0
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            main()
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else 1
    except Exception:  # a traceback is what the test must never see: report it
        stderr.write(traceback.format_exc())
        status = 99
    finally:
        sys.argv = saved_argv
        os.chdir(saved_cwd)
    return {"rc": status, "stdout": stdout.getvalue(), "stderr": stderr.getvalue()}


if __name__ == "__main__":
    warnings.simplefilter("default")
    commands = json.loads(sys.argv[1])
    print(json.dumps([judgepanel(*command, cwd=Path.cwd()) for command in commands]))
