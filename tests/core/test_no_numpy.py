"""The desktop bundle leaves numpy out (build.spec): the ranking, the statistics and the
command line must import and run without it.

sqlite-utils tries `import numpy` on its own (optional extra column types) and copes when it
is missing, so the subprocess below refuses numpy, as the bundle does, and records who asked.
"""

import subprocess
import sys
from pathlib import Path

import judgepanel

PACKAGE = Path(judgepanel.__file__).parent

NO_NUMPY = '''
import sys, tempfile
from pathlib import Path

asked = []


class RefuseNumpy:
    """A meta-path finder standing in for a bundle without numpy."""

    def find_spec(self, name, path=None, target=None):
        if name == "numpy" or name.startswith("numpy."):
            frame = sys._getframe(1)
            while frame and frame.f_globals.get("__name__", "").startswith(
                    ("importlib", "_frozen_importlib")):
                frame = frame.f_back
            asked.append(frame.f_globals.get("__name__") if frame else None)
            raise ImportError("numpy is not in the bundle")
        return None


sys.meta_path.insert(0, RefuseNumpy())
import judgepanel.core.ranking, judgepanel.core.stats, judgepanel.cli
from judgepanel.cli import cli
for command in cli.list_commands(None):
    assert cli.get_command(None, command) is not None, command

from judgepanel.core.awards import Award, Scale, Section
from judgepanel.core.entries import EntryRecord, upsert_entries
from judgepanel.core.judges import add_judge
from judgepanel.core.panel import create_panel
from judgepanel.core.ranking import rank_award
from judgepanel.core.scoring import Judging
from judgepanel.core.stats import panel_stats

award = Award(id="a", name="Award", scale=Scale(0, 10, 1),
              sections=(Section("Q1", "Only question", "How good is it?"),))
with tempfile.TemporaryDirectory() as folder:
    store = create_panel(Path(folder) / "p.judgepanel", "No numpy", [award])
    upsert_entries(store, [EntryRecord(id=f"E-{i}", award="a") for i in range(3)])
    judges = [add_judge(store, name) for name in ("Ann", "Bob", "Cy")]
    for i in range(3):
        for n, judge in enumerate(judges):
            Judging.for_judge(store, judge.id).set_score(f"E-{i}", "Q1", 3 + 2 * i + n)
    assert [e.entry for e in rank_award(store, "a").entries] == ["E-2", "E-1", "E-0"]
    assert panel_stats(store, "a")["kendall_w"] == 1.0
    store.close()
assert not [m for m in sys.modules if m == "numpy" or m.startswith("numpy.")]
print(sorted({name for name in asked if name}))
'''


def test_no_module_of_the_app_imports_numpy() -> None:
    offenders = [
        str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
        if any(line.lstrip().startswith(("import numpy", "from numpy"))
               for line in path.read_text(encoding="utf-8").splitlines())
    ]
    assert offenders == []


def test_ranking_statistics_and_cli_run_without_numpy() -> None:
    done = subprocess.run([sys.executable, "-c", NO_NUMPY], check=True, capture_output=True,
                          text=True)
    asked = done.stdout.strip()
    # Only third-party libraries that treat numpy as optional may ask for it; never our code.
    assert "judgepanel" not in asked, asked
