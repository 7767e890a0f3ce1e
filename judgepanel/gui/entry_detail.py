"""One entry's detail: every judge's section scores and comments side by side, conflicts shown.

This is what the chair reads aloud when the panel argues about an entry, so it shows the raw
section scores and each judge's words, never a summary of them.

The pane is laid out in a Designer form (ui/entry_detail.ui); the side-by-side table, one
column per judge and one row per section, is built here as HTML from the entry's scores. The
documents window (ui/entry_documents_dialog.ui) gets its attachments pane here, as the pane
reads the panel.

On the Results page the pane follows the round chosen there (`round`): a later round shows
that round's judges' scores on its own sections, or the panel's agreed scores and note, or
each judge's pass or fail with the reason; an award judged in rounds also shows the entry's
path through them. The pane reads through `run` (the page's, which reads on the window's
database worker), never on the GUI thread while in the window.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from judgepanel.core.attachments import attachments_by_entry
from judgepanel.core.awards import Award, panel_award
from judgepanel.core.conflicts import list_conflicts
from judgepanel.core.entries import get_entry
from judgepanel.core.evidence import EntryEvidence, entry_evidence
from judgepanel.core.judges import list_judges
from judgepanel.core.round_entry_sheets import RoundEntrySheet, entry_path_in, round_entry_sheet
from judgepanel.core.rounds import Round
from judgepanel.core.scoring import Judging
from judgepanel.core.store import Store
from judgepanel.core.totals import award_settings, totals_from_rows
from judgepanel.gui.attachments_pane import AttachmentsPane
from judgepanel.gui.forms.ui_entry_detail import Ui_EntryDetail
from judgepanel.gui.forms.ui_entry_documents_dialog import Ui_EntryDocumentsDialog


@dataclass
class JudgeColumn:
    judge: str
    conflict: str | None = None  # the reason, when the judge is in conflict
    scores: dict[str, tuple[float | None, str]] = field(default_factory=dict)
    overall: str = ""
    total: float | None = None  # out of 100; None when a section is missing


@dataclass
class EntryView:
    entry: str
    title: str
    nominee: str
    organisation: str
    award: Award
    judges: list[JudgeColumn]
    evidence: EntryEvidence | None = None  # framework behaviours the counted judges tagged


def entry_view(store: Store, entry_id: str) -> EntryView:
    """Collect what each judge gave this entry, through the same core the judge's window uses."""
    entry = get_entry(store, entry_id)
    award = panel_award(store, entry["award"])
    conflicts = {c.judge_id: c.reason for c in list_conflicts(store) if c.entry == entry_id}
    renormalise = award_settings(award)["incomplete"] == "renormalise"
    columns = []
    for judge in list_judges(store):
        if judge.id in conflicts:
            columns.append(JudgeColumn(judge.name, conflicts[judge.id] or "no reason given"))
            continue
        judging = Judging.for_judge(store, judge.id)
        scores = judging.scores(entry_id)
        review = judging.review(entry_id)
        if not scores and not review["comment"]:
            continue
        marks = [(judge.id, judge.name, entry_id, section, row["value"])
                 for section, row in scores.items() if row["value"] is not None]
        totals = totals_from_rows(award, marks, renormalise) if marks else []
        columns.append(JudgeColumn(
            judge.name, None,
            {section: (row["value"], row["comment"] or "") for section, row in scores.items()},
            review["comment"] or "", totals[0].total if totals else None))
    return EntryView(entry_id, entry["title"], entry["nominee"], entry["organisation"], award,
                     columns, entry_evidence(store, entry_id))


def _score(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:g}"


def detail_html(view: EntryView) -> str:
    """The side-by-side table as HTML; every piece of user text is escaped."""
    esc = html.escape
    if not view.judges:
        return "<p>No judge has scored this entry yet.</p>"
    head = "".join(f"<th>{esc(c.judge)}</th>" for c in view.judges)
    totals = "".join("<td><i>conflict</i></td>" if c.conflict is not None else
                     f"<td><b>{'–' if c.total is None else f'{c.total:.1f}'}</b></td>"
                     for c in view.judges)
    rows = [f"<tr><td><b>Total</b> <small>(of 100)</small></td>{totals}</tr>"]
    for section in view.award.sections:
        scale = view.award.scale_of(section)
        cells = []
        for column in view.judges:
            if column.conflict is not None:
                cells.append("<td><i>conflict</i></td>")
                continue
            value, comment = column.scores.get(section.id, (None, ""))
            text = f"<b>{_score(value)}</b>"
            if comment:
                text += f"<br>{esc(comment)}"
            cells.append(f"<td>{text}</td>")
        label = (f"<b>{esc(section.id)}</b> {esc(section.title)}"
                 f"<br><small>{scale.describe()}</small>")
        rows.append(f"<tr><td>{label}</td>{''.join(cells)}</tr>")
    overall = []
    for column in view.judges:
        if column.conflict is not None:
            overall.append(f"<td><i>conflict of interest: {esc(column.conflict)}</i></td>")
        else:
            overall.append(f"<td>{esc(column.overall)}</td>")
    rows.append(f"<tr><td><b>Overall comment</b></td>{''.join(overall)}</tr>")
    return ("<table border='1' cellspacing='0' cellpadding='5' width='100%'>"
            f"<tr><th>Section</th>{head}</tr>{''.join(rows)}</table>"
            + evidence_html(view.evidence))


KIND_WORDS = {"scored": "scored by its judges", "qualifying": "pass or fail",
              "consensus": "agreed in the room"}


def round_html(view: EntryView, sheet: RoundEntrySheet) -> str:
    """A later round's part of the detail: what the round holds for the entry."""
    esc = html.escape
    found = sheet.round
    head = (f"<p><b>{esc(found.name)}</b> ({KIND_WORDS.get(found.kind, found.kind)}, "
            f"{'closed' if found.closed else 'open'})</p>")
    if not sheet.in_round:
        return head + (f"<p>{esc(view.entry)} is not in {esc(found.name)}: it was not promoted "
                       "into this round, or was withdrawn from it.</p>")
    if found.kind == "consensus":
        if not any(v is not None for v in sheet.agreed.values()) and not sheet.note:
            return head + "<p>The panel has not agreed any score for this entry yet.</p>"
        total = "–" if sheet.agreed_total is None else f"{sheet.agreed_total:.1f}"
        rows = [f"<tr><td><b>Total</b> <small>(of 100)</small></td><td><b>{total}</b></td></tr>"]
        for section in sheet.award.sections:
            scale = sheet.award.scale_of(section)
            rows.append(f"<tr><td><b>{esc(section.id)}</b> {esc(section.title)}<br>"
                        f"<small>{scale.describe()}</small></td>"
                        f"<td><b>{_score(sheet.agreed.get(section.id))}</b></td></tr>")
        note = esc(sheet.note) if sheet.note else "<i>no note recorded</i>"
        rows.append(f"<tr><td><b>The chair's note</b></td><td>{note}</td></tr>")
        return (head + "<table border='1' cellspacing='0' cellpadding='5' width='100%'>"
                "<tr><th>Section</th><th>Agreed by the panel</th></tr>"
                f"{''.join(rows)}</table>")
    if found.kind == "qualifying":
        if not sheet.votes:
            return head + "<p>No judge has decided on this entry yet.</p>"
        passes = sum(1 for v in sheet.votes if v.passed)
        rows = [f"<tr><td>{esc(v.judge)}</td><td><b>{'Pass' if v.passed else 'Fail'}</b>"
                f"</td><td>{esc(v.reason)}</td></tr>" for v in sheet.votes]
        return (head + f"<p>{passes} of {len(sheet.votes)} judges pass it "
                f"(the round's rule: {esc(found.pass_rule)}).</p>"
                "<table border='1' cellspacing='0' cellpadding='5' width='100%'>"
                "<tr><th>Judge</th><th>Decision</th><th>Reason</th></tr>"
                f"{''.join(rows)}</table>")
    columns = [JudgeColumn(j.judge, j.conflict, dict(j.scores), j.comment, j.total)
               for j in sheet.judges]
    if not columns:
        return head + f"<p>No judge has scored this entry in {esc(found.name)} yet.</p>"
    return head + detail_html(EntryView(view.entry, view.title, view.nominee,
                                        view.organisation, sheet.award, columns))


def path_html(path: str) -> str:
    if not path:
        return ""
    return f"<p><b>Path through the rounds</b><br>{html.escape(path)}</p>"


def evidence_html(evidence: EntryEvidence | None) -> str:
    """One line per framework domain: distinct behaviours the counted judges tagged."""
    if evidence is None:
        return ""
    lines = "".join(
        f"<br>{html.escape(domain.name)}: {domain.count} "
        f"behaviour{'' if domain.count == 1 else 's'}" for domain in evidence.domains)
    return f"<p><b>Systems Leadership framework evidence</b>{lines}</p>"


class EntryDetail(QWidget):
    """The detail pane beside the results table."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.entry: str | None = None
        self.ui = Ui_EntryDetail()
        self.ui.setupUi(self)
        # The form's size is Designer's canvas, not a size asked for: a splitter gives the
        # pane its size from its size hint (Qt takes a widget's own size once it is resized).
        self.setAttribute(Qt.WidgetAttribute.WA_Resized, False)
        self.heading = self.ui.heading
        self.no_entry = self.heading.text()  # the form's "Select an entry…"
        self.browser = self.ui.browser
        self.documents_button = self.ui.documents_button
        self.documents_button.clicked.connect(self.open_documents)
        self.documents_button.hide()
        self.documents_dialog: QDialog | None = None
        self.round: Round | None = None  # a later round chosen on the page, else None
        self._asked = 0  # readings asked for, so that only the last one is shown
        self.run: Callable[[Callable[[Store], Any]], Any] = lambda work: work(self.store)

    def show_entry(self, entry_id: str | None) -> None:
        self.entry = entry_id
        if entry_id is None:
            self.heading.setText(self.no_entry)
            self.browser.clear()
            self.documents_button.hide()
            return
        found = self.round
        self._asked += 1
        asked = self._asked

        def read(panel: Store) -> tuple[EntryView, int, RoundEntrySheet | None, str]:
            view = entry_view(panel, entry_id)
            count = len(attachments_by_entry(panel, entry_id).get(entry_id, []))
            if found is not None:
                sheet = round_entry_sheet(panel, found.award, found.id, entry_id)
                return view, count, sheet, sheet.path
            return view, count, None, entry_path_in(panel, view.award.id, entry_id)

        view, count, sheet, path = self.run(read)  # may turn the event loop (the worker)
        if asked != self._asked:
            return  # another entry (or round) was asked for meanwhile: its answer stands
        self.documents_button.setText(f"Documents ({count})…")
        self.documents_button.setVisible(count > 0)
        who = " · ".join(p for p in (view.nominee, view.organisation) if p)
        self.heading.setText(f"{view.entry}: {view.title}" + (f"\n{who}" if who else ""))
        body = round_html(view, sheet) if sheet is not None else detail_html(view)
        self.browser.setHtml(body + path_html(path))

    def open_documents(self) -> AttachmentsPane | None:
        """The entry's documents in the same viewer the judges use (nothing is recorded)."""
        if self.entry is None:
            return None
        if self.documents_dialog is None:
            self.documents_dialog = QDialog(self)
            self.documents_form = Ui_EntryDocumentsDialog()
            self.documents_form.setupUi(self.documents_dialog)
            self.documents_pane = AttachmentsPane(self.store, None)  # reads the panel
            self.documents_form.layout.addWidget(self.documents_pane)
        entry = self.entry
        award = self.run(lambda panel: entry_view(panel, entry).award.id)
        self.documents_dialog.setWindowTitle(f"Documents of {self.entry}")
        self.documents_pane.show_entry(self.entry, award)
        self.documents_dialog.show()
        self.documents_dialog.raise_()
        return self.documents_pane

    def text(self) -> str:
        """What the pane says, as plain text (for tests and screen readers)."""
        return self.heading.text() + "\n" + self.browser.toPlainText()
