"""Run every benchmark and print one JSON object a line (docs/interface.md, "Benchmarks").

Each `bench_*.py` beside this file has `run(quick: bool) -> list[dict]`. Ratios compare the
product with a baseline doing the same work in the same process, so a noisy machine cancels.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller sizes, under a minute")
    parser.add_argument("names", nargs="*", help="only these benchmarks (e.g. import merge)")
    args = parser.parse_args()
    failed = False
    for path in sorted(HERE.glob("bench_*.py")):
        name = path.stem.removeprefix("bench_")
        if args.names and name not in args.names:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        try:
            for line in module.run(args.quick):
                print(json.dumps(line), flush=True)
        except Exception as exc:  # report and go on with the others
            failed = True
            print(json.dumps({"bench": name, "error": repr(exc)}), flush=True)
    return 1 if failed else 0


def result(bench: str, value: float, unit: str, baseline: float | None, ratio: float | None,
           goal: str, **extra: object) -> dict[str, object]:
    """One line of output in the agreed shape."""
    line: dict[str, object] = {"bench": bench, "value": round(value, 3), "unit": unit,
                               "baseline": None if baseline is None else round(baseline, 3),
                               "ratio": None if ratio is None else round(ratio, 3),
                               "goal": goal}
    line.update(extra)
    return line


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    sys.exit(main())
