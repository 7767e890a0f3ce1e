"""The Import… dialog: an export file, the column mapping shown for checking, a preview, import.

The mapping starts as the core's guess (`guess_mapping`) and every column can be corrected
before anything is written; Dry run and Import run off the GUI thread with their own
connection to the panel. The same mapping can be saved as a MAPPING.toml for next year: it
names every column (roles, answers, `fields`, `ignore`), so the CLI given that file imports
exactly what the dialog previewed. The export is read once (a large one off the GUI thread);
each change of mapping is re-planned from the table in memory.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHeaderView,
    QWidget,
)

from judgepanel.core.attachment_import import AttachmentImport
from judgepanel.core.awards import Award, panel_awards
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.importing import (
    PRESETS,
    ImportResult,
    Mapping,
    Table,
    guess_mapping,
    import_file,
    import_with_attachments,
    load_mapping,
    preview,
    read_table,
    save_mapping,
)
from judgepanel.core.store import PANEL, Store
from judgepanel.gui.forms.ui_import_dialog import Ui_ImportDialog
from judgepanel.gui.import_column_mapping import (
    Use,
    build_mapping,
    choose_use,
    fill_mapping_table,
    table_uses,
)
from judgepanel.gui.import_preview import (
    empty_sections,
    fill_preview,
    in_window_words,
    plan_lines,
)
from judgepanel.gui.pages.common import WHO, show_error
from judgepanel.gui.tasks import Progress, Task, run_task
from judgepanel.gui.wheel_guard import install_wheel_guard
from judgepanel.gui.worker_reads import on_worker, window_worker

PRESET_NAMES = {"generic": "Any other (generic)", "awardforce": "Award Force / Good Grants",
                "submittable": "Submittable", "openwater": "OpenWater", "evalato": "Evalato"}
LARGE_EXPORT_BYTES = 2_000_000  # read off the GUI thread from this size on
FileStamp = tuple[int, int] | None


def file_stamp(path: Path) -> FileStamp:
    """Size and modification time: enough to notice an export saved again since it was read."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


class ImportDialog(QDialog):
    """Choose the export, check the mapping and the preview, dry-run, import."""

    imported = Signal(object)  # the ImportResult, once entries were written

    def __init__(self, panel_path: Path | None, parent: QWidget | None = None,
                 store: Store | None = None) -> None:
        super().__init__(parent)
        install_wheel_guard()  # scrolling the column table never changes a column's use
        self.ui = Ui_ImportDialog()
        self.ui.setupUi(self)
        self.panel_path = Path(panel_path) if panel_path else None
        self._own_store = store is None
        if store is None and self.panel_path is None:
            raise ValueError("the import dialog needs a panel or its path")
        self.store = store or Store.open(self.panel_path or Path(), PANEL)
        # Given the panel window's Store (from the window or one of its pages), the dialog
        # reads the panel on the window's database worker, never on the GUI thread.
        self.worker = window_worker(parent) if store is not None else None
        self.awards: list[Award] = on_worker(self, panel_awards)
        self.table: Table | None = None
        self.stamp: FileStamp = None  # the export's size and time when it was read
        self.base = Mapping()
        self.import_result: ImportResult | None = None
        self.task: Task | None = None
        self.empty: list[str] = []  # sections the import would leave empty for every entry
        self._empty_accepted: list[str] | None = None  # the same list, imported anyway
        self.reading: Task | None = None
        self.large_export_bytes = LARGE_EXPORT_BYTES
        self._reads = 0  # numbers each read, so a slow earlier one cannot overwrite a later
        for name in PRESETS:
            self.ui.preset.addItem(PRESET_NAMES.get(name, name), name)
        self.ui.award.addItem("Each row's category column", None)
        for award in self.awards:
            self.ui.award.addItem(award.name, award.id)
        self.ui.award.setToolTip("Import every row into one award instead of routing rows "
                                 "by their category column")
        grid = self.ui.mapping
        grid.setColumnCount(3)
        grid.setHorizontalHeaderLabels(["Column in the export", "Used as", "First row"])
        grid.verticalHeader().hide()
        grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        grid.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        grid.horizontalHeader().setStretchLastSection(True)
        grid.setColumnWidth(0, 260)
        grid.setColumnWidth(1, 330)
        self.ui.preview.verticalHeader().hide()
        self.ui.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ui.preview.horizontalHeader().setStretchLastSection(True)
        self.ui.splitter.setSizes([330, 220, 110])
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(250)
        self._preview_timer.timeout.connect(self.update_preview)
        self.ui.browse.clicked.connect(self.browse)
        self.ui.file.editingFinished.connect(lambda: self.set_file(Path(self.ui.file.text()))
                                             if self.ui.file.text().strip() else None)
        self.ui.preset.currentIndexChanged.connect(lambda _: self.reguess())
        self.ui.award.currentIndexChanged.connect(lambda _: self._preview_timer.start())
        self.ui.dryRun.clicked.connect(lambda: self.run_import(dry_run=True))
        self.ui.importButton.clicked.connect(lambda: self.run_import(dry_run=False))
        self.ui.saveMapping.clicked.connect(self.save_mapping_dialog)
        self.ui.browseDocumentsZip.clicked.connect(lambda: self.browse_documents(folder=False))
        self.ui.browseDocumentsFolder.clicked.connect(lambda: self.browse_documents(folder=True))
        self.ui.loadMapping.clicked.connect(self.load_mapping_dialog)
        self._update_buttons()

    # ----- the file and the mapping -----------------------------------------------------

    def browse(self) -> None:
        start = str(self.panel_path.parent) if self.panel_path else ""
        name, _ = QFileDialog.getOpenFileName(
            self, "Choose the export", start,
            "Exports (*.csv *.xlsx *.json);;All files (*)")
        if name:
            self.set_file(Path(name))

    def browse_documents(self, folder: bool) -> None:
        """The entries' documents: a bulk-download ZIP or a folder, one folder per entry."""
        start = str(self.table.path.parent) if self.table else ""
        if folder:
            name = QFileDialog.getExistingDirectory(self, "Choose the documents folder", start)
        else:
            name, _ = QFileDialog.getOpenFileName(self, "Choose the bulk download", start,
                                                  "ZIP archives (*.zip);;All files (*)")
        if name:
            self.ui.documents.setText(name)

    def documents(self) -> Path | None:
        text = self.ui.documents.text().strip()
        return Path(text) if text else None

    def set_file(self, path: Path) -> bool:
        """Read the export once and show the guessed mapping; False if it cannot be read.

        A large export is read off the GUI thread (`self.reading`); its columns appear when
        it has been read, and a problem with it is reported then.
        """
        self.ui.file.setText(str(path))
        self._reads += 1
        number = self._reads
        self.table, self.stamp, self.import_result = None, None, None
        stamp = file_stamp(path)
        if stamp is not None and stamp[0] >= self.large_export_bytes:
            self._fill_mapping()
            self._clear_preview()
            self._say(f"Reading {path.name}…")

            def work(progress: Progress) -> Table:
                progress.report(0, 0, f"Reading {path.name}…")
                return read_table(path)

            self.reading = run_task(self, work,
                                    lambda table: self._file_read(number, table, stamp),
                                    lambda exc: self._file_failed(number, exc),
                                    title=f"Reading {path.name}…")
            return True
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            table = read_table(path)
        except JudgePanelError as exc:
            self._file_failed(number, exc)
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._file_read(number, table, stamp)
        return True

    def _file_read(self, number: int, table: Table, stamp: FileStamp) -> None:
        if number != self._reads:
            return  # another file was chosen meanwhile
        self.table, self.stamp = table, stamp
        self.reguess()

    def _file_failed(self, number: int, exc: BaseException) -> None:
        if number != self._reads:
            return
        self.table = None
        self._fill_mapping()
        self._clear_preview()
        if isinstance(exc, JudgePanelError):
            chosen = Path(self.ui.file.text()) if self.ui.file.text() else None
            self._say("Error: " + in_window_words(str(exc), self.awards, chosen,
                                                  self.panel_path), error=True)
        else:
            show_error(self, "Import", exc)

    def preset(self) -> str:
        return str(self.ui.preset.currentData())

    def reguess(self, explicit: Mapping | None = None) -> None:
        """Start again from the core's guess for this preset (plus a loaded mapping)."""
        if self.table is None:
            return
        guess = guess_mapping(self.table.headers, self.awards, self.preset())
        self.base = guess.overlaid(explicit) if explicit else guess
        self._fill_mapping()
        self.update_preview()

    def _fill_mapping(self) -> None:
        fill_mapping_table(self.ui.mapping, self.table, self.base, self.awards,
                           self._mapping_edited)
        self._update_buttons()

    def _mapping_edited(self) -> None:
        self.import_result = None
        self._preview_timer.start()

    def uses(self) -> list[tuple[str, Use]]:
        return table_uses(self.ui.mapping)

    def set_use(self, header: str, use: Use) -> None:
        """Choose what one column is (the tests and keyboard users go through this too)."""
        choose_use(self.ui.mapping, header, use)

    def mapping(self) -> Mapping:
        return build_mapping(self.uses(), self.base, self.preset())

    def award(self) -> str | None:
        return self.ui.award.currentData()

    # ----- preview and import -----------------------------------------------------------

    def update_preview(self) -> None:
        """Plan the import with the current mapping and show the first entries it makes."""
        grid = self.ui.preview
        self._clear_preview()
        if self.table is None:
            return
        table, mapping, into, preset = self.table, self.mapping(), self.award(), self.preset()
        try:  # from the table in memory: the export is not read again
            plan = on_worker(self, lambda panel: preview(panel, table, mapping=mapping,
                                                         award=into, preset=preset))
        except JudgePanelError as exc:
            self._clear_preview()
            self._say(f"Error: {self._words(exc)}", error=True)
            return
        shown = fill_preview(grid, plan, self.awards)
        lines = plan_lines(plan, shown, self.awards, self.table.path)
        self.empty = empty_sections(plan, self.awards)
        self._empty_accepted = None
        if self.empty:
            lines.insert(0, self._empty_error())
        self._say("\n".join(lines), error=bool(self.empty))

    def run_import(self, dry_run: bool) -> Task | None:
        """Dry run or import, in the background with the dialog's choices.

        The table already read is used, unless the export was saved again since: then the
        file as it is now is imported, as the CLI would.
        """
        if self.table is None or self.panel_path is None:
            return None
        if not dry_run and self.empty and self._empty_accepted != self.empty:
            self._empty_accepted = list(self.empty)  # asked once; Import again confirms
            self._say(self._empty_error() + "\nNothing was imported. Choose the right column "
                      "in the table above, or press Import again to import anyway.", error=True)
            return None
        panel_path, table, stamp = self.panel_path, self.table, self.stamp
        mapping, award, preset = self.mapping(), self.award(), self.preset()
        documents, skip = self.documents(), self.ui.ignoreUnmatched.isChecked()

        def work(progress: Progress) -> ImportResult | tuple[ImportResult, AttachmentImport]:
            same = stamp is not None and file_stamp(table.path) == stamp
            source: Path | Table = table if same else table.path
            if not same:
                progress.report(0, 0, f"Reading {table.path.name}…")
            with Store.open(panel_path, PANEL) as panel:
                if documents is not None:  # the entries and their documents, all or nothing
                    results, attached = import_with_attachments(
                        panel, [source], documents, award=award, preset=preset,
                        mapping=mapping, dry_run=dry_run, who=WHO, ignore_unmatched=skip)
                    return results[0], attached
                return import_file(panel, source, award=award, preset=preset,
                                   mapping=mapping, dry_run=dry_run, who=WHO)

        self._set_busy(True)
        self.task = run_task(self, work, self._done, self._failed,
                             title="Checking the export…" if dry_run else "Importing entries…")
        return self.task

    def _done(self, done: ImportResult | tuple[ImportResult, AttachmentImport]) -> None:
        self._set_busy(False)
        result, attached = done if isinstance(done, tuple) else (done, None)
        self.import_result = result
        lines = result.report_lines() + (attached.report_lines() if attached else [])
        self._say("\n".join(lines))
        if not result.dry_run:
            self.imported.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, JudgePanelError):
            self._say(f"Error: {self._words(exc)}\nNothing was imported; the panel is "
                      "unchanged.", error=True)
        else:
            show_error(self, "Import", exc)

    # ----- mapping files ----------------------------------------------------------------

    def save_mapping_dialog(self) -> None:
        start = str(self.table.path.with_name("MAPPING.toml")) if self.table else "MAPPING.toml"
        name, _ = QFileDialog.getSaveFileName(self, "Save mapping", start,
                                              "Mappings (*.toml)")
        if name:
            self.save_mapping_to(Path(name))

    def save_mapping_to(self, path: Path) -> None:
        save_mapping(self.mapping(), path)
        self._say(f"Mapping saved to {path}")

    def load_mapping_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Load mapping", "", "Mappings (*.toml)")
        if name:
            self.load_mapping_from(Path(name))

    def load_mapping_from(self, path: Path) -> bool:
        try:
            loaded = load_mapping(path)
        except JudgePanelError as exc:
            show_error(self, "Load mapping", exc)
            return False
        self.ui.preset.blockSignals(True)
        self.ui.preset.setCurrentIndex(max(self.ui.preset.findData(loaded.preset), 0))
        self.ui.preset.blockSignals(False)
        self.reguess(explicit=loaded)
        return True

    # ----- small helpers ----------------------------------------------------------------

    def _words(self, exc: BaseException) -> str:
        export = self.table.path if self.table is not None else None
        return in_window_words(str(exc), self.awards, export, self.panel_path)

    def _empty_error(self) -> str:
        return ("Error: no entry would have an answer to " + "; ".join(self.empty)
                + ". Is a column in the table above used for the wrong section?")

    def _clear_preview(self) -> None:
        grid = self.ui.preview
        grid.clear()
        grid.setRowCount(0)
        grid.setColumnCount(0)

    def _say(self, text: str, error: bool = False) -> None:
        self.ui.report.setPlainText(text)
        self.ui.report.setStyleSheet("QPlainTextEdit { color: #b3261e; }" if error else "")

    def _set_busy(self, busy: bool) -> None:
        for button in (self.ui.dryRun, self.ui.importButton, self.ui.browse):
            button.setEnabled(not busy)

    def _update_buttons(self) -> None:
        ready = self.table is not None
        for button in (self.ui.dryRun, self.ui.importButton, self.ui.saveMapping):
            button.setEnabled(ready)

    def done(self, result: int) -> None:
        """Closing waits for a running read or import, then lets go of the panel connection."""
        if any(task is not None and not task.done for task in (self.task, self.reading)):
            return
        if self._own_store:
            self.store.close()
            self._own_store = False
        super().done(result)
