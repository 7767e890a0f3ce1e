"""Take the README's screenshots from real windows: run under Xvfb, e.g.

    xvfb-run -s "-screen 0 1440x900x24" python tools/judge_screenshots.py [--out docs/screenshots]

Builds the demo panel in a temporary folder, gives a new judge a pack of twelve of its
fictional nominations, scores some of it through the real widgets, and saves `QWidget.grab()`
PNGs of the start screen, an entry being scored and the progress state.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "gui"))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from shots import dark_palette, options, save, settle  # noqa: E402


def main() -> int:
    args = options(__doc__)
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
    save(app, shell.start_window, args.out, "start-screen.png", 300)
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
    save(app, window, args.out, "judge-scoring.png", 600)

    window.ui.statusFilter.setCurrentIndex(0)
    window.step_entry(1)
    settle(app)
    window.mark_complete()  # nothing scored: the message says which sections are missing
    save(app, window, args.out, "judge-progress.png", 600)
    window.close()
    del screen
    print(f"screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
