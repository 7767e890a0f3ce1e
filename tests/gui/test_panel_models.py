"""The coordinator's table models, checked by Qt's model tester over real panel rows."""

from __future__ import annotations

from pathlib import Path

from coordinator_panels import coordinator_panel
from PySide6.QtCore import Qt

from judgepanel.core.panel import open_panel
from judgepanel.gui.panel_models import (
    AssignmentModel,
    AuditModel,
    EntriesModel,
    JudgesModel,
    Matrix,
    MatrixCell,
    MergeSummaryModel,
    ProgressModel,
    SectionsModel,
    format_time,
)


def test_dates_read_the_british_way() -> None:
    shown = format_time("2026-11-22T12:03:59.123456+00:00")  # shown in local time
    assert shown.startswith("22 November 2026 ")
    assert shown.endswith(":03")
    assert format_time(None) == ""


def test_row_models_pass_the_model_tester(qtmodeltester, tmp_path: Path) -> None:
    store = open_panel(coordinator_panel(tmp_path / "p.judgepanel", per_entry=2))
    try:
        audit = AuditModel()
        audit.set_rows([{"when": r["at"], "who": r["who"], "action": r["action"],
                         "detail": r["detail"]} for r in store.rows("SELECT * FROM audit")])
        entries = EntriesModel()
        entries.set_rows([{"entry": r["id"], "award_name": r["award"], "title": r["title"],
                           "nominee": r["nominee"], "organisation": r["organisation"],
                           "over": "Q1 (+7)" if i == 0 else ""}
                          for i, r in enumerate(store.rows("SELECT * FROM entries"))])
        judges = JudgesModel()
        judges.set_rows([dict(r, assigned=1, conflicts=0) for r in store.rows(
            "SELECT name, email, role FROM judges")])
        progress = ProgressModel()
        progress.set_rows([{"judge": "Siân Roberts", "assigned": 4, "scored": 4,
                            "complete": 4, "returned": "22 November 2026 14:03"}])
        merge = MergeSummaryModel()
        merge.set_rows([{"file": "a.judgepack", "judge": "A", "new": 3, "changed": 0,
                         "unchanged": 1, "outcome": "Merged", "refused": False},
                        {"file": "b.judgepack", "judge": "", "new": "", "changed": "",
                         "unchanged": "", "outcome": "Refused: foreign", "refused": True}])
        for model in (audit, entries, judges, progress, merge):
            assert model.rowCount() > 0
            qtmodeltester.check(model)
        assert entries.data(entries.index(0, 5), Qt.ItemDataRole.BackgroundRole) is not None
    finally:
        store.close()


def test_sections_model_edits_only_weight_and_word_limit(qtmodeltester) -> None:
    edits: list[tuple[int, str, object]] = []
    model = SectionsModel()
    model.on_edit = lambda row, key, value: edits.append((row, key, value)) or True
    model.set_rows([{"id": "Q1", "title": "Relationships", "scale": "0 to 10", "weight": 1.0,
                     "word_limit": 500},
                    {"id": "Q2", "title": "Effectiveness", "scale": "0 to 10", "weight": 2.5,
                     "word_limit": None}])
    qtmodeltester.check(model)
    assert model.data(model.index(1, 4)) == "none"
    assert model.data(model.index(1, 3)) == "2.5"
    assert not model.setData(model.index(0, 1), "New title")
    assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(model.index(0, 3), 2.0)
    assert model.data(model.index(0, 3)) == "2"
    assert edits == [(0, "weight", 2.0)]


def test_assignment_model_shows_assignments_conflicts_and_workload(qtmodeltester) -> None:
    matrix = Matrix(entries=[("E-1", "Frailty hub"), ("E-2", "Virtual ward")],
                    judges=[(1, "Siân Roberts"), (2, "Tomás O'Connell")])
    matrix.cells[("E-1", 1)] = MatrixCell(assigned=True)
    matrix.cells[("E-2", 1)] = MatrixCell(assigned=True, scored=True)
    matrix.cells[("E-1", 2)] = MatrixCell(conflict="Same trust")
    model = AssignmentModel()
    model.set_matrix(matrix)
    qtmodeltester.check(model)
    assert model.columnCount() == 3
    assert model.data(model.index(0, 0)) == "✓"
    assert model.data(model.index(0, 1)) == "⚠ conflict"
    assert "Same trust" in model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(1, 1)) == ""
    assert model.data(model.index(0, 2)) == "1"  # E-1 has one judge
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Siân Roberts\n2 entries"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Tomás O'Connell\n0 entries"
    assert model.position(model.index(1, 0)) == ("E-2", 1)
    assert model.position(model.index(1, 2)) is None
    model.set_matrix(Matrix())
    qtmodeltester.check(model)
