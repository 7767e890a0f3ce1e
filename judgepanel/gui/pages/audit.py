"""The Audit log page: every change to the panel, oldest first, as the hash chain holds it.

The log is read and its chain checked on the window's database worker (gui/worker_reads.py)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QWidget,
)

from judgepanel.core.moderation import audit_log, check_history
from judgepanel.core.panel_details import award_names
from judgepanel.core.store import Store
from judgepanel.gui.forms.ui_audit_page import Ui_AuditPage
from judgepanel.gui.pages.common import PanelPage, banner, plural
from judgepanel.gui.panel_models import AuditModel, format_time
from judgepanel.gui.panel_worker import KINDS
from judgepanel.gui.worker_reads import on_worker, window_worker

# Detail keys said in words where the key alone would puzzle a coordinator.
KEY_WORDS = {
    "per_entry": "judges per entry",
    "seed": "random seed",
    "old_value": "old score",
    "new_value": "new score",
    "judge_id": "judge number",
    "entry_ids": "entries",
}


def describe_detail(detail: str | dict[str, Any], awards: Mapping[str, str] | None = None) -> str:
    """The record's detail (decoded, or its JSON) as "key: value; key: value" for reading.

    Only what was given is shown: a value left out (None, empty) is not listed as "None".
    Award ids are shown as the awards' names when `awards` (id -> name) knows them.
    """
    awards = awards or {}
    if isinstance(detail, dict):
        values: Any = detail
    else:
        try:
            values = json.loads(detail)
        except ValueError:
            return detail
    if not isinstance(values, dict):
        return str(values)
    parts = []
    for key, value in values.items():
        if value is None or value in ("", [], {}):
            continue
        if key in ("award", "awards"):
            value = ([awards.get(str(v), v) for v in value] if isinstance(value, list)
                     else awards.get(str(value), value))
        if isinstance(value, list):
            shown = ", ".join(map(str, value))
        elif isinstance(value, dict):
            shown = ", ".join(f"{k} {v}" for k, v in value.items())
        elif isinstance(value, bool):
            shown = "yes" if value else "no"
        else:
            shown = value
        parts.append(f"{KEY_WORDS.get(key, key.replace('_', ' '))}: {shown}")
    return "; ".join(parts)


def read_audit(store: Store) -> tuple[list[dict[str, str]], list[str]]:
    """The log's records as the table shows them, and what is wrong with its chain."""
    names = award_names(store)
    rows = [{"when": format_time(r["at"]), "who": r["who"] or "—", "action": r["action"],
             "detail": describe_detail(r["detail"], names)} for r in audit_log(store)]
    return rows, check_history(store)


class AuditPage(PanelPage):
    """Read-only: the log can be read and searched, never edited."""

    title = "Audit log"
    shows = KINDS
    writes = frozenset()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.worker = window_worker(parent)
        self.problems: list[str] = []
        self.ui = Ui_AuditPage()
        self.setup_form(self.ui)
        self.warning = banner("", label=self.ui.warning)
        self.warning.hide()
        self.search = self.ui.search
        self.model = AuditModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = self.ui.table
        self.table.setModel(self.proxy)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the log and check its chain."""
        self.stale = False
        rows, self.problems = on_worker(self, read_audit)
        self.model.set_rows(rows)
        if self.problems:
            self.warning.setText(
                "The audit history of this panel was altered outside JudgePanel: "
                + "; ".join(self.problems[:5]) + (" …" if len(self.problems) > 5 else ""))
        self.warning.setVisible(bool(self.problems))
        self.heading.set_status(self.summary())

    def summary(self) -> str:
        count = self.model.rowCount()
        if self.problems:
            return f"{plural(count, 'record')}; history ALTERED ({len(self.problems)} problems)"
        return f"{plural(count, 'record')}; history intact"
