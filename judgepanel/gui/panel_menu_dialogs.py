"""The panel window's Panel and Help menus: award settings, a tie-break vote, the panel room,
removing an empty award, the page help, the audit history check and About.

Each takes the window it acts for; the window's own methods of the same names call these.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDialog, QInputDialog, QMessageBox, QWidget

from judgepanel import __version__
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.panel_details import (
    award_entry_counts,
    award_entry_titles,
    award_names,
    first_award_with_entries,
)
from judgepanel.core.panel_details import remove_award as remove_empty_award
from judgepanel.core.panel_overview import audit_record_count
from judgepanel.core.store import Store
from judgepanel.gui import panel_jobs
from judgepanel.gui.page_help import page_help
from judgepanel.gui.pages.common import WHO, recorded_by, window_words
from judgepanel.gui.panel_room import PanelRoom

if TYPE_CHECKING:
    from judgepanel.gui.panel_window import PanelWindow

AWARD_CHOOSERS = ("award", "award_combo")  # the pages' award boxes, opened on the first award


def history_problems(store: Store) -> list[str]:
    """Everything that says the panel's history was altered outside JudgePanel."""
    from judgepanel.core.moderation import verify_panel

    return verify_panel(store)


def current_award(window: PanelWindow) -> str | None:
    """The award chosen on the page in view (else the first award with entries)."""
    page = window.stack.currentWidget()
    for name in AWARD_CHOOSERS:
        chooser = getattr(page, name, None)
        chosen = chooser.currentData() if isinstance(chooser, QComboBox) else None
        if chosen:
            return str(chosen)
    return window.on_worker(first_award_with_entries)


def award_settings(window: PanelWindow, award_id: str | None = None) -> QDialog | None:
    """Panel ▸ Award settings…: method, tie-break order, flag thresholds."""
    from judgepanel.gui.award_settings_dialog import AwardSettingsDialog

    award_id = award_id or window.current_award()
    if award_id is None:
        return None
    chosen = award_id
    who = window.on_worker(lambda panel: recorded_by(panel, WHO))
    dialog = AwardSettingsDialog(window.store, chosen, who, window, worker=window.worker)
    dialog.accepted.connect(lambda: window.panel_changed(None))
    dialog.open()
    return dialog


def tie_break_vote(window: PanelWindow, award_id: str | None = None) -> QDialog | None:
    """Panel ▸ Record a tie-break vote…: the panel's order of tied entries."""
    from judgepanel.gui.award_settings_dialog import TieBreakDialog

    award_id = award_id or window.current_award()
    if award_id is None:
        return None
    chosen = award_id
    entries, who = window.on_worker(lambda panel: (award_entry_titles(panel, chosen),
                                                   recorded_by(panel)))
    dialog = TieBreakDialog(window.store, chosen, entries, who, window, worker=window.worker)
    dialog.accepted.connect(lambda: window.panel_changed(None))
    dialog.open()
    return dialog


def open_panel_room(window: PanelWindow) -> QWidget:
    """Panel ▸ Panel room…: the chair's consensus screen, on its own connection."""
    room = PanelRoom(window.path, window, award_id=window.current_award())
    room.changed.connect(lambda: window.panel_changed(None))
    room.show()
    return room


def remove_award_dialog(window: PanelWindow) -> None:
    names, counts = window.on_worker(lambda panel: (award_names(panel),
                                                    award_entry_counts(panel)))
    empty = [a for a, n in counts.items() if not n]
    if not empty:
        QMessageBox.information(window, "Remove an award", "Every award of this panel has "
                                "entries; only an award with no entries can be removed.")
        return
    name, ok = QInputDialog.getItem(window, "Remove an award", "Award with no entries to "
                                    "remove from the panel:", [names[a] for a in empty],
                                    0, False)
    if ok:
        window.remove_award(next(a for a in empty if names[a] == name))


def remove_award(window: PanelWindow, award_id: str) -> bool:
    try:
        window.on_worker(lambda panel: remove_empty_award(panel, award_id, who=WHO))
    except JudgePanelError as exc:
        names = window.on_worker(award_names)
        panel_jobs.report(window, "Remove an award", window_words(str(exc), names),
                          problem=True)
        return False
    window.refresh_all()
    return True


def show_page_help(window: PanelWindow) -> None:
    """F1: what the page in view is for and how to do its job, with the shortcuts."""
    title = str(getattr(window.stack.currentWidget(), "title", ""))
    if window.help.isVisible():
        window.help.hide()
        return
    window.help.set_actions([a for a in window.findChildren(QAction) if a.shortcuts()],
                            intro=page_help(title), extra=())
    window.help.toggle()


def check_history(window: PanelWindow) -> None:
    window.problems = window.on_worker(history_problems)
    if window.problems:
        QMessageBox.warning(window, "Audit history", "The audit history was altered:\n\n"
                            + "\n".join(window.problems[:12]))
    else:
        records = window.on_worker(audit_record_count)
        QMessageBox.information(window, "Audit history",
                                f"All {records} audit records are intact.")


def about(window: PanelWindow) -> None:
    QMessageBox.about(window, "About JudgePanel",
                      f"<b>JudgePanel {__version__}</b><p>Offline judging panels for "
                      "awards: import entries, send judges their packs, merge the scores "
                      "and decide the winners.</p>")
