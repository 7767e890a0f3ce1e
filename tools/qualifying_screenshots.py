"""Take the screenshot of a judge's window on a qualifying round's pack: run under Xvfb, e.g.

    xvfb-run -s "-screen 0 1440x900x24" \
        python tools/qualifying_screenshots.py [--out docs/screenshots]

Builds the demo panel in a temporary folder, adds an eligibility check (a qualifying round)
to one of its awards with every entry promoted into it, gives a judge a pack of up to
ten of them, decides a few through the real widgets (P, F and a reason typed), and saves a
`QWidget.grab()` PNG of the window (docs/screenshots/judge-qualifying.png).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "gui"))

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from shots import dark_palette, options, save, settle  # noqa: E402

AWARD = "service-improvement-innovation"


def main() -> int:
    args = options(__doc__)
    scratch = Path(tempfile.mkdtemp(prefix="judgepanel-shots-")) / "Leadership Awards 2026"
    scratch.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))

    from judgepanel.core.demo import build_demo
    from judgepanel.core.judges import add_judge
    from judgepanel.core.panel import open_panel
    from judgepanel.core.promotion import promote
    from judgepanel.core.qualifying_packs import make_qualifying_pack
    from judgepanel.core.round_definitions import RoundSpec
    from judgepanel.core.round_packs import assign_round
    from judgepanel.core.rounds import add_round, award_rounds, close_round, round_entries
    from judgepanel.gui.app import make_application
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
        add_round(store, AWARD, RoundSpec("eligibility", "Eligibility check", "qualifying",
                                          pass_rule="majority"), who="Coordinator")
        first = award_rounds(store, AWARD)[0]
        if not first.closed:
            close_round(store, AWARD, first.id, who="Chair")
        entries = round_entries(store, first)
        promote(store, AWARD, "eligibility", "Every nomination is checked for eligibility",
                entries=entries, who="Chair")
        assign_round(store, AWARD, "eligibility", judge, entries[:10])
        make_qualifying_pack(store, AWARD, "eligibility", judge, pack, passphrase=None)
    settings = Settings()
    settings.backup_folder = scratch / "backups"

    window = JudgeWindow(pack, settings)
    window.resize(1440, 860)
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 2000)
    settle(app, 300)
    buttons = window.vote_panel.ui
    for key in (Qt.Key.Key_P, Qt.Key.Key_P, Qt.Key.Key_F, Qt.Key.Key_P):
        QTest.keyClick(buttons.passButton, key)
        if key == Qt.Key.Key_F:
            QTest.keyClicks(buttons.reason, "The project began in 2022, before the award's "
                            "eligibility window; the nomination does not show work since.")
            settle(app, 600)
        window.step_entry(1)
        settle(app)
    # The fifth: failed, its reason still to be typed (the window says a fail needs one).
    QTest.keyClick(buttons.passButton, Qt.Key.Key_F)
    save(app, window, args.out, "judge-qualifying.png", 600)
    window.close()
    print(f"screenshot in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
