"""The panel window: the coordinator's and chair's view of one `.judgepanel` file.

A left navigation follows the workflow (Awards, Entries, Judges & assignment, Packs, Results,
Decisions, Outputs, Audit log); each item shows its page's one-line summary of what is done.
The window owns the panel's Store for the GUI thread and closes it, after waiting for any
background work, when the window closes; what the window itself reads and writes (the history
check, the first award, renaming, a copy, the write-ahead log settled) goes through its one
database worker (gui/panel_worker.py).

The window holds the pages, their refresh and the menus' wiring; the File menu is
gui/panel_file_menu.py (encryption gui/panel_encryption.py), the Panel and Help menus'
dialogs gui/panel_menu_dialogs.py, the navigation's drawing gui/panel_navigation.py and the
file kept whole gui/panel_file_saving.py.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeySequence,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QWidget,
)
from shiboken6 import isValid

from judgepanel.core.errors import JudgePanelError
from judgepanel.core.panel import open_panel
from judgepanel.core.panel_details import (
    first_award_with_entries,
)
from judgepanel.core.store import Store
from judgepanel.gui import panel_encryption, panel_file_menu, panel_jobs, panel_menu_dialogs
from judgepanel.gui.coordinator_undo import menu_text, redo_step, undo_step
from judgepanel.gui.forms.ui_panel_window import Ui_PanelWindow
from judgepanel.gui.help_overlay import HelpOverlay
from judgepanel.gui.pages import page_classes
from judgepanel.gui.pages.common import (
    banner,
    readable_placeholders,
)
from judgepanel.gui.palettes import keep_palette_readable
from judgepanel.gui.panel_file_saving import LogSettler, saved_text
from judgepanel.gui.panel_menu_dialogs import AWARD_CHOOSERS, history_problems
from judgepanel.gui.panel_navigation import SUMMARY_ROLE, NavigationDelegate
from judgepanel.gui.panel_room import has_open_consensus_round
from judgepanel.gui.panel_worker import KINDS, PanelWorker
from judgepanel.gui.passphrase_dialog import unlock_file
from judgepanel.gui.settings import Settings
from judgepanel.gui.tasks import wait_for_tasks
from judgepanel.gui.wheel_guard import install_wheel_guard
from judgepanel.gui.window_fit import place_window, remember_window
from judgepanel.gui.window_frame import add_window_actions, open_folder_of
from judgepanel.gui.worker_reads import on_worker

T = TypeVar("T")
# Changes from these pages (imports, merges, packs made) alter the panel under earlier edits.
CLEARS_UNDO = ("Entries", "Packs")
WINDOW_KEY = "panel"


class PanelWindow(QMainWindow):
    """One open panel: the navigation, the pages, the menus and the status bar."""

    def __init__(self, path: Path, settings: Settings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        install_wheel_guard()
        self.path = Path(path)
        self.settings = settings or Settings()
        unlock_file(self.path, parent)  # an encrypted panel: its passphrase, held from now on
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the window says it louder, below
            self.store = open_panel(self.path)
        self.pages: list[QWidget] = []
        self.undo_stack = QUndoStack(self)  # this window's edits; pages push onto it
        # The one database thread for the pages' work; its change notices refresh the pages
        # that show what changed (`PanelPage.shows`).
        self.worker = PanelWorker(self.path, self)
        self.worker.changed.connect(self.kinds_changed)
        self.worker.problem.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.problems, title = self.on_worker(lambda panel: (history_problems(panel),
                                                             panel.title))
        self._stale_pages: list[QWidget] = []
        self._refresh_pending = False
        self._closed = False
        self._warned = False
        self.ui = Ui_PanelWindow()
        self.ui.setupUi(self)
        self.setWindowTitle(f"{title or self.path.stem} — JudgePanel")

        self.navigation = self.ui.navigation
        self.navigation.setItemDelegate(NavigationDelegate(self.navigation))
        self.stack = self.ui.stack
        self.history_banner = banner(
            "Warning: the audit history of this panel was altered outside JudgePanel. "
            "Treat its scores and decisions with care; see the Audit log page.\n"
            + "\n".join(self.problems[:4]), label=self.ui.history_banner)
        self.history_banner.setVisible(bool(self.problems))
        self.splitter = self.ui.splitter
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([240, 1100])
        self.file_label = QLabel()
        self.statusBar().addPermanentWidget(self.file_label)

        for page_class in page_classes():
            self._add_page(page_class)
        self.navigation.currentRowChanged.connect(self._show_page)
        self.navigation.setCurrentRow(0)
        self._build_menus()
        self.help = HelpOverlay(self, [])  # over the whole window, F1 again or any key closes
        self.last_job: object = None  # the last background job of a menu (tests wait on it)
        self.last_report = ""
        self.update_navigation()
        self.update_status()
        self._restore_layout()
        self.settings.add_recent(self.path)
        self.history_box = QMessageBox(
            QMessageBox.Icon.Warning, "Audit history altered",
            f"The audit history of {self.path.name} was altered outside JudgePanel.\n\n"
            + "\n".join(self.problems[:8])
            + "\n\nThe panel is open so that you can see what happened; check the Audit log "
              "page before relying on its scores or decisions.",
            QMessageBox.StandardButton.Ok, self)
        self.history_box.setWindowModality(Qt.WindowModality.WindowModal)
        self._fix_placeholders()
        self._open_on_first_award()
        # The panel file must be whole whenever the window is idle (a coordinator may copy it
        # to a USB stick at any moment): settle the write-ahead log once changes stop.
        self.settler = LogSettler(self)
        self.settle_timer = self.settler.timer

    def on_worker(self, work: Callable[[Store], T]) -> T:
        """`work(store)` on the window's database worker; its answer, or its exception."""
        return on_worker(self, work)

    def _open_on_first_award(self) -> None:
        """Every page starts on the first award that has entries, not an empty one."""
        award = self.on_worker(first_award_with_entries)
        for page in self.pages:
            for name in AWARD_CHOOSERS:
                chooser = getattr(page, name, None)
                if award is None or not isinstance(chooser, QComboBox):
                    continue
                row = chooser.findData(award)
                if row >= 0 and chooser.currentData() is not None:
                    chooser.setCurrentIndex(row)

    def settle_file(self) -> bool:
        """The write-ahead log settled into the panel file; True when nothing waits."""
        return self.settler.settle_file()

    def _fix_placeholders(self) -> None:
        keep_palette_readable(self, readable_placeholders)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._fix_placeholders()

    # ----- pages and navigation ---------------------------------------------------------

    def _add_page(self, page_class: type[QWidget]) -> None:
        title = str(getattr(page_class, "title", page_class.__name__))
        try:
            page = page_class(self.store, self)  # type: ignore[arg-type]
            page.worker = self.worker  # type: ignore[attr-defined]
        except Exception as exc:  # one broken page must not stop the panel opening
            page = QLabel(f"The {title} page could not be opened: {exc}")
            page.setWordWrap(True)
            page.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.pages.append(page)
        self.stack.addWidget(page)
        item = QListWidgetItem(title)
        self.navigation.addItem(item)
        changed = getattr(page, "changed", None)
        if changed is not None and hasattr(changed, "connect"):
            changed.connect(lambda p=page: self.panel_changed(p))
        generated = getattr(page, "generated", None)  # an output written: logged in the audit
        if generated is not None and hasattr(generated, "connect"):
            generated.connect(lambda _written, p=page: self.panel_changed(p))
        if changed is not None and hasattr(page, "last_made"):  # packs written: their folder
            changed.connect(lambda p=page: self._packs_written(p))

    def _packs_written(self, page: Any) -> None:
        made = getattr(page, "last_made", None)
        if made and made is not getattr(self, "_packs_seen", None):
            self._packs_seen = made
            folder = Path(made[0].path).parent
            open_folder_of(self, folder, f"{len(made)} pack{'s' if len(made) != 1 else ''} "
                           f"written to the folder {folder.name}")

    def page(self, title: str) -> Any:
        """The page with this title (tests and menu actions use it)."""
        for page in self.pages:
            if getattr(page, "title", None) == title:
                return page
        raise KeyError(title)

    def go_to(self, title: str) -> Any:
        page = self.page(title)
        self.navigation.setCurrentRow(self.pages.index(page))
        return page

    def _show_page(self, row: int) -> None:
        if self._refresh_pending:  # a change elsewhere: bring the pages up to date first
            self._refresh_others(None)
        if 0 <= row < len(self.pages):
            self.stack.setCurrentIndex(row)

    def _summary(self, page: QWidget) -> str:
        try:
            return str(page.summary()) if hasattr(page, "summary") else ""
        except Exception as exc:  # a summary must never take the window down
            return f"(could not read: {exc})"

    def update_navigation(self) -> None:
        for row, page in enumerate(self.pages):
            item = self.navigation.item(row)
            summary = self._summary(page)
            item.setData(SUMMARY_ROLE, summary)
            item.setToolTip(summary)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, summary)

    def panel_changed(self, source: QWidget | None = None) -> None:
        """A page changed the panel (its `writes` say what): the pages that show those kinds
        re-read it (once, after the event settles)."""
        if getattr(source, "title", None) in CLEARS_UNDO:
            self.undo_stack.clear()
        self.kinds_changed(getattr(source, "writes", None) or KINDS, source)

    def kinds_changed(self, kinds: frozenset[str], source: QWidget | None = None) -> None:
        """What changed, from the worker or a page: only the pages showing it re-read."""
        self.update_status()
        self.update_navigation()
        for page in self.pages:
            shows = getattr(page, "shows", KINDS)
            if page is not source and shows & kinds and page not in self._stale_pages:
                self._stale_pages.append(page)
        if not self._refresh_pending:
            self._refresh_pending = True
            QTimer.singleShot(0, self._refresh_others)

    def _refresh_others(self, _source: QWidget | None = None) -> None:
        if not self._refresh_pending or self._closed:
            return
        self._refresh_pending = False
        pages, self._stale_pages = self._stale_pages, []
        self.refresh_pages(pages)

    def refresh_all(self, skip: QWidget | None = None) -> None:
        self.refresh_pages([page for page in self.pages if page is not skip])

    def refresh_pages(self, pages: list[QWidget]) -> None:
        for page in pages:
            if hasattr(page, "refresh"):
                try:
                    page.refresh()
                except JudgePanelError as exc:
                    self.statusBar().showMessage(str(exc), 10000)
        self.update_navigation()
        self.update_status()

    # ----- status bar -------------------------------------------------------------------

    def update_status(self) -> None:
        self.file_label.setText(saved_text(self.path))
        self.file_label.setToolTip(str(self.path))

    # ----- menus ------------------------------------------------------------------------

    def _action(self, menu: Any, text: str, slot: Any, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        """The menus, their actions, texts and shortcuts are the form's (ui/panel_window.ui);
        here each action is given what it does. Close and Quit keep the platform's own keys
        (`add_window_actions`), which a form cannot name."""
        ui = self.ui
        self.recent_menu = ui.menuRecent
        self.recent_menu.aboutToShow.connect(lambda: panel_file_menu.fill_recent(self))
        self.encryption_action = ui.actionEncryption
        self.encryption_action.setText(panel_encryption.action_text(self.path))
        self.undo_action, self.redo_action = ui.actionUndo, ui.actionRedo
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.panel_room_action = ui.actionPanelRoom
        for action, slot in (
                (ui.actionNewPanel, self.new_panel_dialog),
                (ui.actionOpen, lambda: panel_file_menu.open_dialog(self)),
                (ui.actionSaveCopy, lambda: panel_file_menu.save_copy_dialog(self)),
                (ui.actionRenamePanel, lambda: panel_file_menu.rename_dialog(self)),
                (ui.actionEncryption, lambda: panel_encryption.change_encryption(self)),
                (ui.actionUndo, self.undo),
                (ui.actionRedo, self.redo),
                (ui.actionImportSeveral, lambda: panel_jobs.import_several_dialog(self)),
                (ui.actionCheckReturned, lambda: panel_jobs.check_returned_dialog(self)),
                (ui.actionImportSheet, lambda: panel_jobs.import_sheets_dialog(self)),
                (ui.actionExportSheet, lambda: panel_jobs.export_sheets_dialog(self)),
                (ui.actionAwardSettings, lambda: self.award_settings()),
                (ui.actionTieBreak, lambda: self.tie_break_vote()),
                (ui.actionPanelRoom, lambda: panel_menu_dialogs.open_panel_room(self)),
                (ui.actionRemoveAward, lambda: panel_menu_dialogs.remove_award_dialog(self)),
                (ui.actionReload, self.reload),
                (ui.actionPageHelp, self.show_page_help),
                (ui.actionCheckHistory, self.check_history),
                (ui.actionAbout, lambda: panel_menu_dialogs.about(self))):
            action.triggered.connect(slot)
        for action, page, method in (  # a page's own dialog, on that page
                (ui.actionAddAwardFromFile, "Awards", "add_from_file"),
                (ui.actionImportEntries, "Entries", "open_import"),
                (ui.actionAddJudge, "Judges & assignment", "add_dialog"),
                (ui.actionAutoAssign, "Judges & assignment", "auto_assign_dialog"),
                (ui.actionRecordConflict, "Judges & assignment", "conflict_dialog"),
                (ui.actionCreatePacks, "Packs", "create_dialog"),
                (ui.actionMergePacks, "Packs", "merge_dialog")):
            action.triggered.connect(lambda _=False, p=page, m=method: self._run(p, m))
        ui.menuPanel.aboutToShow.connect(lambda: self.panel_room_action.setEnabled(
            self.on_worker(has_open_consensus_round)))  # an award has an open consensus round
        add_window_actions(self, ui.menuFile)
        for signal in (self.undo_stack.indexChanged, self.undo_stack.canUndoChanged,
                       self.undo_stack.canRedoChanged, self.undo_stack.undoTextChanged,
                       self.undo_stack.redoTextChanged):
            signal.connect(lambda *_: self._update_undo_actions())
        self._update_undo_actions()

    def _update_undo_actions(self) -> None:
        stack = self.undo_stack
        if not (isValid(stack) and isValid(self.undo_action) and isValid(self.redo_action)):
            return  # the window is being taken down: the stack says it is emptied as it goes
        self.undo_action.setEnabled(stack.canUndo())
        self.undo_action.setText(menu_text("Undo", stack.undoText() if stack.canUndo() else ""))
        self.redo_action.setEnabled(stack.canRedo())
        self.redo_action.setText(menu_text("Redo", stack.redoText() if stack.canRedo() else ""))

    def undo(self) -> None:
        """Take back the last change, on its page so the coordinator sees what happened."""
        self._show_command(undo_step(self.undo_stack))

    def redo(self) -> None:
        self._show_command(redo_step(self.undo_stack))

    def _show_command(self, command: Any) -> None:
        page = getattr(command, "page", None)
        if page in self.pages:
            self.navigation.setCurrentRow(self.pages.index(page))

    def reload(self) -> None:
        """Re-read the panel file; edits made before cannot be undone from here any more."""
        self.undo_stack.clear()
        self.refresh_all()

    def _run(self, title: str, method: str) -> None:
        try:
            page = self.go_to(title)
        except KeyError:
            return
        action = getattr(page, method, None)
        if action is not None:
            action()

    def open_file(self, path: Path) -> QWidget | None:
        """Open another panel (or a judge's pack) in a window of its own."""
        return panel_file_menu.open_file(self, path)

    def new_panel_dialog(self) -> QWidget | None:
        return panel_file_menu.new_panel_dialog(self)

    def save_copy_to(self, target: Path) -> Path | None:
        return panel_file_menu.save_copy_to(self, target)

    def rename(self, title: str) -> bool:
        return panel_file_menu.rename(self, title)

    def current_award(self) -> str | None:
        return panel_menu_dialogs.current_award(self)

    def award_settings(self, award_id: str | None = None) -> QDialog | None:
        return panel_menu_dialogs.award_settings(self, award_id)

    def tie_break_vote(self, award_id: str | None = None) -> QDialog | None:
        return panel_menu_dialogs.tie_break_vote(self, award_id)

    def remove_award(self, award_id: str) -> bool:
        return panel_menu_dialogs.remove_award(self, award_id)

    def show_page_help(self) -> None:
        panel_menu_dialogs.show_page_help(self)

    def check_history(self) -> None:
        panel_menu_dialogs.check_history(self)

    # ----- showing and closing ----------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.problems and not self._warned:
            self._warned = True
            QTimer.singleShot(0, self.history_box.open)

    def _restore_layout(self) -> None:
        place_window(self, self.settings, WINDOW_KEY)
        state = self.settings.splitter_state(WINDOW_KEY, "navigation")
        if state is not None:
            self.splitter.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        wait_for_tasks()
        self.worker.stop()  # the work queued is done and its connection closed
        QApplication.processEvents()  # let finished tasks report back while the panel is open
        self._closed = True
        self.settle_timer.stop()
        remember_window(self, self.settings, WINDOW_KEY)
        self.settings.set_splitter_state(WINDOW_KEY, "navigation", self.splitter.saveState())
        for page in self.pages:
            closing = getattr(page, "panel_closing", None)
            if callable(closing):
                closing()
        self.store.close()
        super().closeEvent(event)
