"""Take the README's screenshots from real windows: run under Xvfb, e.g.

    xvfb-run -s "-screen 0 1440x900x24" python tools/screenshots.py [--out docs/screenshots]

Builds the demo panel in a temporary folder, gives a new judge a pack of twelve of its
fictional nominations, scores some of it through the real widgets, and saves `QWidget.grab()`
PNGs of the start screen, an entry being scored and the progress state.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "gui"))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def settle(app: QApplication, ms: int = 150) -> None:
    QTest.qWait(ms)
    app.processEvents()


def dark_palette() -> QPalette:
    """A dark palette like the desktop's dark themes, to check nothing is hard-coded."""
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#202124"),
                         (QPalette.ColorRole.WindowText, "#e8eaed"),
                         (QPalette.ColorRole.Base, "#17181a"),
                         (QPalette.ColorRole.AlternateBase, "#2a2c30"),
                         (QPalette.ColorRole.Text, "#e8eaed"),
                         (QPalette.ColorRole.PlaceholderText, "#9aa0a6"),
                         (QPalette.ColorRole.Link, "#8ab4f8"),
                         (QPalette.ColorRole.Highlight, "#3d6bb3"),
                         (QPalette.ColorRole.HighlightedText, "#ffffff"),
                         (QPalette.ColorRole.Button, "#2a2c30"),
                         (QPalette.ColorRole.ButtonText, "#e8eaed")):
        palette.setColor(role, QColor(colour))
    return palette


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--dark", action="store_true", help="a dark palette (Fusion style)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="judgepanel-shots-")) / "Leadership Awards 2026"
    scratch.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))

    from judgepanel.core.assignment import assign
    from judgepanel.core.demo import build_demo
    from judgepanel.core.judges import add_judge
    from judgepanel.core.packs import make_pack
    from judgepanel.core.panel import open_panel
    from judgepanel.gui.app import Shell, make_application
    from judgepanel.gui.judge_window import JudgeWindow
    from judgepanel.gui.settings import Settings

    app = make_application([])
    if args.dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    panel_path = build_demo(scratch / "demo")
    pack = scratch / "Anna Kowalska.judgepack"
    with open_panel(panel_path) as store:
        judge = add_judge(store, "Anna Kowalska", "anna.kowalska@example.org")
        for row in store.rows("SELECT id FROM entries WHERE award != "
                              "'system-leadership-initiative' ORDER BY id LIMIT 12"):
            assign(store, judge, row["id"])
        make_pack(store, judge, pack)
    settings = Settings()
    settings.backup_folder = scratch / "backups"
    for recent in (panel_path, pack):
        settings.add_recent(recent)

    shell = Shell(settings)
    screen = shell.show_start()
    assert shell.start_window is not None
    shell.start_window.resize(900, 560)
    settle(app, 300)
    shell.start_window.grab().save(str(args.out / "start-screen.png"))
    shell.start_window.hide()

    window = JudgeWindow(pack, settings)
    window.resize(1440, 860)
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 2000)
    settle(app, 300)
    panel = window.ui.scoringPanel
    # Score the first three entries completely and mark them complete.
    for number in range(3):
        for section, digit in zip(panel.cards, "786978", strict=False):
            panel.focus_section(section)
            QTest.keyClick(panel.cards[section].score, digit)
        panel.focus_section(next(iter(panel.cards)), comment=True)
        QTest.keyClicks(panel.cards[next(iter(panel.cards))].comment,
                        "Clear evidence of partnership working across the system.")
        window.actions_by_name["complete"].trigger()
        settle(app)
        if number < 2:
            window.step_entry(1)
            settle(app)
    # The fourth: part scored, a comment under way, the cursor in the third section.
    window.step_entry(1)
    settle(app)
    sections = list(panel.cards)
    for section, digit in zip(sections[:2], "86", strict=False):
        panel.focus_section(section)
        QTest.keyClick(panel.cards[section].score, digit)
    panel.focus_section(sections[1], comment=True)
    QTest.keyClicks(panel.cards[sections[1]].comment,
                    "Strong personal example; the reverse mentoring is well evidenced, "
                    "though the impact on patients is asserted rather than shown.")
    panel.focus_section(sections[2])
    settle(app, 600)
    window.grab().save(str(args.out / "judge-scoring.png"))

    window.ui.statusFilter.setCurrentIndex(0)
    window.step_entry(1)
    settle(app)
    window.mark_complete()  # nothing scored: the message says which sections are missing
    settle(app, 600)
    window.grab().save(str(args.out / "judge-progress.png"))
    window.close()
    del screen
    print(f"screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
