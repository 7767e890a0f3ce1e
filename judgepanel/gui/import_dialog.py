"""The Import… dialog: an export file, the column mapping shown for checking, a preview, import.

The mapping starts as the core's guess (`guess_mapping`) and every column can be corrected
before anything is written; Dry run and Import run off the GUI thread with their own
connection to the panel. The same mapping can be saved as a MAPPING.toml for next year: it
names every column (roles, answers, `fields`, `ignore`), so the CLI given that file imports
exactly what the dialog previewed. The export is read once (a large one off the GUI thread);
each change of mapping is re-planned from the table in memory.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QTableWidgetItem,
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
from judgepanel.gui.pages.common import WHO, show_error
from judgepanel.gui.tasks import Progress, Task, run_task
from judgepanel.gui.wheel_guard import install_wheel_guard
from judgepanel.gui.worker_reads import on_worker, window_worker

PRESET_NAMES = {"generic": "Any other (generic)", "awardforce": "Award Force / Good Grants",
                "submittable": "Submittable", "openwater": "OpenWater", "evalato": "Evalato"}
ROLE_NAMES = (("entry", "Entry id"), ("award", "Award (category)"), ("title", "Title"),
              ("nominee", "Nominee"), ("organisation", "Organisation"), ("email", "E-mail"))
FIELD = ("field",)
IGNORE = ("ignore",)
PREVIEW_ROWS = 20
LARGE_EXPORT_BYTES = 2_000_000  # read off the GUI thread from this size on
Use = tuple[Any, ...]  # ("column", role), ("award_section", award, section), ...


def as_use(data: Any) -> Use:
    """A combo box's item data back as a use (Qt may hand nested tuples back as lists)."""
    return tuple(as_use(part) if isinstance(part, list | tuple) else part for part in data)
FileStamp = tuple[int, int] | None


def file_stamp(path: Path) -> FileStamp:
    """Size and modification time: enough to notice an export saved again since it was read."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def column_uses(mapping: Mapping, header: str) -> Use:
    """What a mapping makes of one column, as one of the dialog's choices."""
    for role, headers in mapping.columns.items():
        if header in headers:
            return ("column", role)
    for section_id, column in mapping.sections.items():
        if column == header:
            return ("section", section_id)
    found = [(award_id, section_id) for award_id, lines in mapping.award_sections.items()
             for section_id, column in lines.items() if column == header]
    if len({section_id for _, section_id in found}) == 1 and len(found) > 1:
        return ("section", found[0][1])
    if len(found) > 1:  # one column answering different sections of several awards
        return ("award_sections", tuple(found))
    if found:
        return ("award_section", *found[0])
    if header in mapping.ignore:
        return IGNORE
    return FIELD


def in_window_words(message: str, awards: list[Award], *files: Path | None) -> str:
    """A core message said in the dialog's words: its own choices rather than command-line
    options, file names rather than full paths, award names rather than ids, a capital."""
    for path in files:
        if path is not None:
            message = message.replace(str(path), path.name)
    message = message.replace("Choose the --preset of the platform it came from",
                              "Choose the platform it came from under Platform")
    message = re.sub(r"(?i)use --award AWARD_ID to put every row in one award",
                     "Choose one award under Award to put every row in it", message)
    message = re.sub(r"name the column in a MAPPING\.toml: \[columns\] entry = \"…\"",
                     "choose \"Entry id\" for that column in the table of columns", message)
    message = message.replace("(name the columns in a MAPPING.toml [sections])",
                              "(choose their columns in the table above)")
    for award in awards:
        message = re.sub(rf"{re.escape(award.id)} \('{re.escape(award.name)}'\)", award.name,
                         message)
        message = re.sub(rf"(?<![\w-]){re.escape(award.id)}(?![\w-])", award.name, message)
    if any(path is not None and message.startswith(path.name) for path in files):
        return message  # a file name keeps its own spelling
    return message[:1].upper() + message[1:]


def empty_sections(plan: Any, awards: list[Award]) -> list[str]:
    """Sections no entry of the import would answer: almost always a column mapped wrongly."""
    empty = []
    for award in awards:
        records = [r for r in plan.records if r.award == award.id]
        if not records:
            continue
        for section in award.sections:
            if not any(str(r.answers.get(section.id, "") or "").strip() for r in records):
                empty.append(f"{award.name} {section.id} ({section.title})")
    return empty


def build_mapping(uses: list[tuple[str, Use]], base: Mapping, preset: str) -> Mapping:
    """The mapping the dialog's choices describe; category → award lines come from `base`.

    Every column is named somewhere, a plain field in `fields` too, so the saved file leaves
    nothing for the guess to fill and the CLI imports exactly what the dialog shows.
    """
    mapping = Mapping(preset=preset, awards=dict(base.awards))
    for header, use in uses:
        if use[0] == "column":
            mapping.columns.setdefault(use[1], []).append(header)
        elif use[0] == "section":
            mapping.sections[use[1]] = header
        elif use[0] == "award_section":
            mapping.award_sections.setdefault(use[1], {})[use[2]] = header
        elif use[0] == "award_sections":
            for award_id, section_id in use[1]:
                mapping.award_sections.setdefault(award_id, {})[section_id] = header
        elif use == IGNORE:
            mapping.ignore.append(header)
        else:
            mapping.fields.append(header)
    return mapping


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

    def _choices(self) -> list[tuple[str, Use]]:
        choices: list[tuple[str, Use]] = [("Kept as an entry field", FIELD),
                                          ("Ignored", IGNORE)]
        choices += [(name, ("column", role)) for role, name in ROLE_NAMES]
        ids = list(dict.fromkeys(s.id for a in self.awards for s in a.sections))
        choices += [(f"Answer to {i} (every award)", ("section", i)) for i in ids]
        for award in self.awards:
            for section in award.sections:
                choices.append((f"Answer: {award.name} · {section.id} {section.title}",
                                ("award_section", award.id, section.id)))
        return choices

    def _several_text(self, use: Use) -> str:
        """How a column answering several awards' sections is offered: all of them at once."""
        names = {a.id: a.name for a in self.awards}
        return "Answer: " + "; ".join(f"{names.get(a, a)} · {s}" for a, s in use[1])

    def _fill_mapping(self) -> None:
        grid = self.ui.mapping
        grid.clearContents()
        headers = self.table.headers if self.table else []
        grid.setRowCount(len(headers))
        first = self.table.rows[0][1] if self.table and self.table.rows else []
        choices = self._choices()
        for row, header in enumerate(headers):
            grid.setItem(row, 0, QTableWidgetItem(header))
            combo = QComboBox()
            use = column_uses(self.base, header)
            row_choices = choices if use[0] != "award_sections" \
                else [(self._several_text(use), use), *choices]
            for text, choice in row_choices:
                combo.addItem(text, choice)
            found = next((i for i, (_, u) in enumerate(row_choices) if u == use), 0)
            combo.setCurrentIndex(found)
            combo.currentIndexChanged.connect(lambda _: self._mapping_edited())
            combo.setToolTip("An entry field is kept under its own header; an ignored column is "
                             "left out of the entry but kept in its original row")
            grid.setCellWidget(row, 1, combo)
            value = first[row] if row < len(first) else ""
            text = " ".join(str(value if value is not None else "").split())
            sample = QTableWidgetItem(text[:120] + ("…" if len(text) > 120 else ""))
            sample.setToolTip(str(value)[:2000])
            grid.setItem(row, 2, sample)
        self._update_buttons()

    def _mapping_edited(self) -> None:
        self.import_result = None
        self._preview_timer.start()

    def uses(self) -> list[tuple[str, Use]]:
        grid = self.ui.mapping
        found = []
        for row in range(grid.rowCount()):
            combo = grid.cellWidget(row, 1)
            found.append((grid.item(row, 0).text(), as_use(combo.currentData())))
        return found

    def set_use(self, header: str, use: Use) -> None:
        """Choose what one column is (the tests and keyboard users go through this too)."""
        grid = self.ui.mapping
        for row in range(grid.rowCount()):
            if grid.item(row, 0).text() == header:
                combo = grid.cellWidget(row, 1)
                for number in range(combo.count()):
                    if as_use(combo.itemData(number)) == as_use(use):
                        combo.setCurrentIndex(number)
                        return
                raise KeyError(use)
        raise KeyError(header)

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
        names = {a.id: a for a in self.awards}
        headings = ["Entry", "Award", "Title", "Nominee", "Organisation", "Answers"]
        grid.setColumnCount(len(headings))
        grid.setHorizontalHeaderLabels(headings)
        shown = plan.records[:PREVIEW_ROWS]
        grid.setRowCount(len(shown))
        for row, record in enumerate(shown):
            award = names.get(record.award)
            total = len(award.sections) if award else 0
            answered = sum(1 for text in record.answers.values() if text.strip())
            cells = [record.id, award.name if award else record.award, record.title,
                     record.nominee, record.organisation,
                     f"{answered} of {total} answered"]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 5 and answered < total:
                    item.setBackground(QColor("#fdecc8"))
                grid.setItem(row, column, item)
        grid.resizeColumnsToContents()
        for column in range(grid.columnCount()):
            grid.setColumnWidth(column, min(grid.columnWidth(column), 280))
        more = len(plan.records) - len(shown)
        counts = ", ".join(f"{names[a].name if a in names else a}: {n}"
                           for a, n in plan.by_award.items())
        lines = [f"{len(plan.records)} entries read from {self.table.path.name} ({counts})"
                 + (f"; the first {len(shown)} are shown" if more > 0 else "")]
        lines += [f"Warning: {in_window_words(w, self.awards, self.table.path)}"
                  for w in plan.warnings]
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
