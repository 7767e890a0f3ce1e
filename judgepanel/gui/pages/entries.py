"""The Entries page: every nomination imported, with a filter, and each entry read in full.

What it shows is read in one go through the window's database worker (gui/worker_reads.py);
choosing an entry shows what was read, without going back to the panel."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QMessageBox,
    QWidget,
)

from judgepanel.core.awards import Award, panel_awards
from judgepanel.core.entries import list_entries
from judgepanel.core.errors import JudgePanelError
from judgepanel.core.judge_fields import (
    JudgeFields,
    choose_judge_fields,
    hidden_fields,
    judge_fields,
)
from judgepanel.core.panel_overview import SetupCounts, setup_counts
from judgepanel.core.personal_data import PurgeResult, purge_personal_data
from judgepanel.core.store import Store
from judgepanel.gui.forms.ui_entries_page import Ui_EntriesPage
from judgepanel.gui.judge_fields_dialog import JudgeFieldsDialog
from judgepanel.gui.pages.common import (
    WHO,
    PanelPage,
    plural,
    secondary_text,
    show_error,
    warning_colour,
)
from judgepanel.gui.panel_models import EntriesModel
from judgepanel.gui.panel_worker import ASSIGNMENTS, AWARDS, ENTRIES, SCORES
from judgepanel.gui.tasks import Progress
from judgepanel.gui.worker_reads import on_worker, window_worker


def words_over(entry: dict[str, Any], award: Award | None) -> list[tuple[str, int, int]]:
    """(section, words, limit) for every answer longer than its section allows."""
    if award is None:
        return []
    over = []
    for section in award.sections:
        words = entry["words"].get(section.id, 0)
        if section.word_limit and words > section.word_limit:
            over.append((section.id, words, section.word_limit))
    return over


@dataclass
class EntriesRead:
    """Everything the page shows, read at once: awards, entries, what judges do not see, the
    counts for the next step, and the entries' documents with each award's limits."""

    awards: dict[str, Award]
    entries: list[dict[str, Any]]
    hidden: dict[str, list[str]]
    counts: SetupCounts
    documents: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    limits: dict[str, dict[str, Any]] = field(default_factory=dict)


def read_entries(store: Store) -> EntriesRead:
    from judgepanel.core.attachments import attachments_by_entry, award_limits

    awards = {a.id: a for a in panel_awards(store)}
    return EntriesRead(awards, list_entries(store),
                       {award: hidden_fields(store, award) for award in awards},
                       setup_counts(store), attachments_by_entry(store), award_limits(store))


def documents_html(store: Store, entry: str, award: str) -> str:
    """The entry's supporting documents with type, pages, size, and the award's warnings."""
    from judgepanel.core.attachments import attachments_by_entry, award_limits

    return documents_list_html(attachments_by_entry(store, entry).get(entry, []),
                               award_limits(store).get(award, {}))


def documents_list_html(found: list[dict[str, Any]], limits: dict[str, Any]) -> str:
    """Documents already read (`attachments_by_entry`) against their award's limits."""
    from judgepanel.core.attachments import entry_warnings
    from judgepanel.gui.attachments_pane import describe

    if not found:
        return ""
    items = "".join(f"<li>{html.escape(describe(a))}</li>" for a in found)
    notes = entry_warnings(limits, found)
    warned = "".join(f"<p>⚠ {html.escape(note)}</p>" for note in notes)
    return f"<h3>Supporting documents ({len(found)})</h3><ul>{items}</ul>{warned}"


class EntriesPage(PanelPage):
    """The imported entries; Import… brings in an export from the entry platform."""

    title = "Entries"
    shows = frozenset({AWARDS, ENTRIES, ASSIGNMENTS, SCORES})
    writes = frozenset({ENTRIES})

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.worker = window_worker(parent)
        self.awards: dict[str, Award] = {}
        self.entries: list[dict[str, Any]] = []
        self.last_read: EntriesRead | None = None
        self.ui = Ui_EntriesPage()
        self.setup_form(self.ui)
        self.search = self.ui.search
        self.award = self.ui.award
        self.award.all_awards = "All awards"
        self.import_button = self.ui.import_button
        self.import_button.clicked.connect(self.open_import)
        self.ui.fields_button.clicked.connect(self.choose_fields)
        self.ui.purge_button.clicked.connect(self.purge_dialog)
        self.hidden: dict[str, list[str]] = {}
        self.model = EntriesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.search.textChanged.connect(lambda _: self._update_heading())
        self.table = self.ui.table
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.detail = self.ui.detail
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _: self.show_entry(current))
        self.award.currentIndexChanged.connect(lambda _: self._fill())
        self.ui.split.setStretchFactor(0, 3)
        self.ui.split.setStretchFactor(1, 2)
        self.ui.split.setSizes([820, 400])
        self.refresh()

    def refresh(self) -> None:
        """Re-read entries and awards, keeping the filter and the award chosen."""
        self.stale = False
        self.last_read = on_worker(self, read_entries)
        self.awards, self.hidden = self.last_read.awards, self.last_read.hidden
        self.entries = self.last_read.entries
        self.award.blockSignals(True)  # the table is filled once, below
        self.award.fill(self.awards.values())
        self.award.blockSignals(False)
        self._fill()

    def _fill(self) -> None:
        chosen = self.award.currentData()
        rows = []
        for entry in self.entries:
            if chosen and entry["award"] != chosen:
                continue
            award = self.awards.get(entry["award"])
            over = words_over(entry, award)
            rows.append({**entry, "award_name": award.name if award else entry["award"],
                         "over": ", ".join(f"{s} (+{w - limit})" for s, w, limit in over)})
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        for column, widest in ((1, 190), (2, 290), (3, 170), (4, 220)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
        if rows:
            self.table.selectRow(0)
        else:
            self.detail.setHtml("<p>No entries yet. Use <b>Import…</b> to bring in the export "
                                "from your entry platform (CSV, Excel or JSON).</p>")
        self._update_heading()

    def _update_heading(self) -> None:
        shown = self.proxy.rowCount()
        done = self.summary() if self.entries else "No entries yet"
        if self.search.text() or self.award.currentData():
            done += f" (showing {shown})"
        self.heading.set_status(done, self.next_step())

    def next_step(self) -> str:
        if not self.entries:
            return "use Import… to bring in the export from your entry platform."
        counts = self.last_read.counts if self.last_read else on_worker(self, setup_counts)
        if not counts.judges:
            return "add the judges (Judges & assignment)."
        if not counts.assignments:
            return "assign the entries to judges (Judges & assignment)."
        return "check the assignments, then create the judges' packs (Packs)."

    def summary(self) -> str:
        if not self.entries:
            return "No entries yet: import them"
        awards = len({e["award"] for e in self.entries})
        over = sum(1 for e in self.entries if words_over(e, self.awards.get(e["award"])))
        text = (f"{plural(len(self.entries), 'entry', 'entries')} in "
                f"{plural(awards, 'award')}")
        return text + (f"; {over} over a word limit" if over else "")

    def show_entry(self, index: Any) -> None:
        """The entry as a judge will read it: each answer under its question."""
        if not index.isValid():
            self.detail.clear()
            return
        entry = self.model.row(self.proxy.mapToSource(index).row())
        award = self.awards.get(entry["award"])
        quiet = secondary_text(self.detail.palette()).name()
        parts = [f"<h2>{html.escape(entry['entry'])}: {html.escape(entry['title'])}</h2>",
                 f"<p><b>Nominee:</b> {html.escape(entry['nominee'] or '—')}<br>"
                 f"<b>Organisation:</b> {html.escape(entry['organisation'] or '—')}<br>"
                 f"<b>Award:</b> {html.escape(award.name if award else entry['award'])}</p>"]
        if self.hidden.get(entry["award"]):
            parts.append(f"<p><b>Judges do not see:</b> "
                         f"{html.escape(', '.join(self.hidden[entry['award']]))}</p>")
        for section in award.sections if award else ():
            text = entry["answers"].get(section.id, "")
            words = entry["words"].get(section.id, 0)
            limit = section.word_limit
            count = f"{words} words" + (f" of {limit}" if limit else "")
            if limit and words > limit:
                red = warning_colour(self.detail.palette())
                count = f"<span style='color:{red}'><b>{count}: {words - limit} over the " \
                        "limit</b></span>"
            body = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
            parts.append(f"<h3>{html.escape(section.id)}. {html.escape(section.title)}</h3>"
                         f"<p><i>{html.escape(section.question)}</i></p>"
                         f"{body or '<p><i>(no answer)</i></p>'}"
                         f"<p style='color:{quiet}'>{count}</p>")
        if self.last_read is not None:
            read = self.last_read
            parts.append(documents_list_html(read.documents.get(entry["entry"], []),
                                             read.limits.get(entry["award"], {})))
        else:
            parts.append(on_worker(self, lambda panel: documents_html(
                panel, entry["entry"], entry["award"])))
        extra = {k: v for k, v in entry["fields"].items() if v not in ("", None, [])}
        if extra:
            rows = "".join(f"<tr><td><b>{html.escape(str(k))}</b></td>"
                           f"<td>{html.escape(str(v))}</td></tr>" for k, v in extra.items())
            parts.append(f"<h3>Other fields</h3><table cellspacing=4>{rows}</table>")
        self.detail.setHtml("".join(parts))

    def open_import(self) -> None:
        from judgepanel.gui.import_dialog import ImportDialog

        dialog = ImportDialog(self.store.path, self, store=self.store)
        dialog.imported.connect(self._imported)
        dialog.exec()

    def _imported(self) -> None:
        self.refresh()
        self.changed.emit()

    # ----- what judges see, and removing personal data --------------------------------------

    def _award_in_view(self) -> str | None:
        """The award chosen above the table, else the selected entry's award."""
        chosen = self.award.currentData()
        if chosen:
            return str(chosen)
        index = self.table.currentIndex()
        if index.isValid():
            return str(self.model.row(self.proxy.mapToSource(index).row())["award"])
        return None

    def choose_fields(self) -> JudgeFieldsDialog | None:
        """Ask which fields judges see for the award in view, then record the choice."""
        award = self._award_in_view()
        if award is None:
            show_error(self, "Fields judges see", JudgePanelError("choose an award first"))
            return None
        fields = on_worker(self, lambda panel: judge_fields(panel, award))
        dialog = JudgeFieldsDialog(fields, self.awards[award].name, self)
        dialog.accepted.connect(lambda: self.save_fields(award, dialog.hidden(),
                                                         dialog.shown()))
        dialog.open()
        return dialog

    def save_fields(self, award: str, hide: list[str], show: list[str]) -> None:
        def work(panel: Store, _progress: Progress) -> JudgeFields:
            return choose_judge_fields(panel, award, hide, show, who=WHO)

        self.in_background(work, lambda _chosen: self._personal_changed(),
                           lambda exc: show_error(self, "Fields judges see", exc),
                           title="Saving the fields judges see…")

    def purge_dialog(self) -> None:
        """Confirm, then remove personal data (results, decisions and the log stay)."""
        answer = QMessageBox.question(
            self, "Remove personal data",
            "Remove nominees' names, organisations, e-mails, phones, the other personal "
            "fields and attachments from this panel? Scores, ranks, decisions and the audit "
            "log stay, and the report can still be produced, anonymised. This cannot be "
            "undone: do it only once the programme is over.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.purge()

    def purge(self) -> Any:
        def work(panel: Store, _progress: Progress) -> PurgeResult:
            return purge_personal_data(panel, who=WHO)

        return self.in_background(work, lambda _result: self._personal_changed(),
                                  lambda exc: show_error(self, "Remove personal data", exc),
                                  title="Removing personal data…")

    def _personal_changed(self) -> None:
        self.refresh()
        self.changed.emit()

