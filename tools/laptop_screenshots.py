"""Screenshots of both windows as they open on the screen the tool runs on, placed by the
application itself (no resize): run under Xvfb at 1366×768, and at 2560×1440 with
QT_SCALE_FACTOR=2, to see that everything fits a 13-inch laptop and a 200% screen.

    Xvfb :7 -screen 0 1366x768x24 & DISPLAY=:7 openbox &
    DISPLAY=:7 QT_QPA_PLATFORM=xcb python tools/laptop_screenshots.py --name 1366x768

Writes window-NAME.png (the panel window on the judges' page), results-NAME.png and
judge-NAME.png into docs/screenshots (or --out).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from shots import SCREENSHOTS, settle

from judgepanel.core.demo import build_demo
from judgepanel.gui.app import make_application
from judgepanel.gui.settings import Settings


def grab_screen(path: Path) -> None:
    """The whole screen, frames and all, as the user sees it."""
    screen = QGuiApplication.primaryScreen()
    screen.grabWindow(0).save(str(path))
    print(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--name", required=True, help="e.g. 1366x768 or 200pct")
    parser.add_argument("--out", type=Path, default=SCREENSHOTS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = make_application([])
    work = Path(tempfile.mkdtemp(prefix="judgepanel-laptop-"))
    settings = Settings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    settings.backup_folder = work / "backups"
    panel = build_demo(work / "demo")
    from judgepanel.gui.judge_window import JudgeWindow
    from judgepanel.gui.panel_window import PanelWindow

    window = PanelWindow(panel, settings)
    window.show()
    settle(app, 800)
    window.go_to("Judges & assignment")
    settle(app, 600)
    grab_screen(args.out / f"window-{args.name}.png")
    window.go_to("Results")
    settle(app, 1200)
    grab_screen(args.out / f"results-{args.name}.png")
    window.close()
    pack = sorted((work / "demo" / "packs").glob("*.judgepack"))[0]
    judge = JudgeWindow(pack, settings)
    judge.show()
    settle(app, 1200)
    grab_screen(args.out / f"judge-{args.name}.png")
    judge.close()
    settle(app, 200)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
